// RecordEncoder: turns a batch into one framed WAL record (header + payload).
//
// The returned view points into a buffer owned by the encoder and reused by
// the next call, so steady-state encoding does not allocate. Byte layout:
// docs/format/wal.md. An empty batch still yields a valid (tiny) record.
// A batch whose payload would exceed kMaxRecordPayload yields an empty view;
// callers split such batches or report InvalidArgument.
//
// Thread safety: none; one encoder per thread (the Wal guards its own).
#pragma once

#include "model/labels.h"
#include "tsdb/ref_sample.h"
#include "tsdb/wal/record_type.h"
#include "tsdb/wal/wal_tombstone.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vigil::tsdb::wal {

class RecordEncoder {
public:
    std::string_view series(const std::vector<std::pair<uint64_t, model::Labels>> &series);
    std::string_view samples(const std::vector<RefSample> &samples);
    std::string_view tombstones(const std::vector<WalTombstone> &tombstones);

    // Frames an already encoded payload (used by tests to forge records).
    std::string_view frame(RecordType type, std::string_view payload);

private:
    // Resizes buf_ to header + maxPayload and returns the payload start.
    char *begin(size_t maxPayload);
    // Writes the header for a payload ending at `end`, trims buf_, returns the record.
    std::string_view finish(RecordType type, const char *end);

    std::string buf_;
};

}  // namespace vigil::tsdb::wal
