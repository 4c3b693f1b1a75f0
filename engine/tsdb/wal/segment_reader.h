// SegmentReader: walks the framed records of one segment held in memory.
//
// next() returns true for each intact record (header complete, length within
// bounds and present, CRC matching, known type). It returns false at the clean
// end of the data, or at the first damaged record: then corrupted() is true,
// error() says why ("crc mismatch", "truncated record: ...") and
// goodOffset() is the byte offset where the damage starts, i.e. the end of the
// last intact record, to which the segment can be truncated.
//
// The reader does not own `data`; it must outlive the reader and the payload
// views it returns. Thread safety: none.
#pragma once

#include "tsdb/wal/record_type.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace vigil::tsdb::wal {

class SegmentReader {
public:
    explicit SegmentReader(std::string_view data) : data_(data) {}

    bool next();

    RecordType type() const { return type_; }
    std::string_view payload() const { return payload_; }
    // Offset of the current record's header within the segment.
    uint64_t recordOffset() const { return recordOffset_; }
    // End of the last intact record (== data size after a clean end).
    uint64_t goodOffset() const { return pos_; }

    bool corrupted() const { return !error_.empty(); }
    const std::string &error() const { return error_; }

private:
    bool fail(std::string why);

    std::string_view data_;
    uint64_t pos_ = 0;
    uint64_t recordOffset_ = 0;
    RecordType type_ = RecordType::Series;
    std::string_view payload_;
    std::string error_;
};

}  // namespace vigil::tsdb::wal
