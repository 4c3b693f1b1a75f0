// WalDirListing: the segments and checkpoints found in a WAL directory, and
// the naming scheme (docs/format/wal.md):
//   NNNNNNNN                 segment number N, 8 decimal digits, zero padded
//   checkpoint.NNNNNNNN      checkpoint covering segments <= N (a directory
//                            holding segments 00000000, 00000001, ...)
//   checkpoint.NNNNNNNN.tmp  a checkpoint being written; garbage after a crash
// Other names are ignored. Thread safety: a value type.
#pragma once

#include "core/status.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::tsdb::wal {

class WalEnv;

class WalDirListing {
public:
    // Lists `dir` through `env`. Fails with the env's status (NotFound if the
    // directory does not exist).
    static Result<WalDirListing> read(WalEnv *env, const std::string &dir);

    static std::string segmentName(uint32_t n);
    static std::string checkpointName(uint32_t n);
    static std::optional<uint32_t> parseSegmentName(std::string_view name);
    static std::optional<uint32_t> parseCheckpointName(std::string_view name);

    std::vector<uint32_t> segments;           // ascending
    std::vector<uint32_t> checkpoints;        // ascending, complete ones only
    std::vector<std::string> tmpCheckpoints;  // names of unfinished checkpoint dirs
};

}  // namespace vigil::tsdb::wal
