// A deletion of the samples of series `ref` in [mint, maxt] (milliseconds,
// inclusive). Record type reserved for later use by the head.
#pragma once

#include <cstdint>

namespace vigil::tsdb::wal {

struct WalTombstone {
    uint64_t ref;
    int64_t mint;
    int64_t maxt;
};

}  // namespace vigil::tsdb::wal
