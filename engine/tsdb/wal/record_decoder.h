// RecordDecoder: parses the payload of a WAL record (the bytes after the
// frame header, already CRC-checked by SegmentReader).
//
// Each decode replaces the content of `out` (its capacity is reused). A
// malformed payload (truncated varint, count larger than the bytes present,
// trailing bytes) returns Status::corruption and leaves `out` unspecified.
//
// Thread safety: stateless; all functions may be called concurrently.
#pragma once

#include "core/status.h"
#include "model/labels.h"
#include "tsdb/ref_sample.h"
#include "tsdb/wal/wal_tombstone.h"

#include <string_view>
#include <utility>
#include <vector>

namespace vigil::tsdb::wal {

class RecordDecoder {
public:
    static Status series(std::string_view payload, std::vector<std::pair<uint64_t, model::Labels>> *out);
    static Status samples(std::string_view payload, std::vector<RefSample> *out);
    static Status tombstones(std::string_view payload, std::vector<WalTombstone> *out);
};

}  // namespace vigil::tsdb::wal
