#include "tsdb/block.h"

namespace vigil::tsdb {

Block::~Block() = default;

Result<std::shared_ptr<const Block>> Block::open(const std::string &path)
{
    return Status::failedPrecondition("block files not supported yet: " + path);
}

std::unique_ptr<storage::Querier> Block::querier(int64_t, int64_t) const { return nullptr; }

}  // namespace vigil::tsdb
