#include "tsdb/wal/segment_reader.h"

#include "tsdb/wal/record_crc.h"
#include "tsdb/wal/varint.h"

namespace vigil::tsdb::wal {

bool SegmentReader::fail(std::string why)
{
    error_ = std::move(why);
    payload_ = {};
    return false;
}

bool SegmentReader::next()
{
    if (corrupted()) return false;
    const uint64_t remaining = data_.size() - pos_;
    if (remaining == 0) return false;
    recordOffset_ = pos_;
    const char *h = data_.data() + pos_;
    if (remaining < kRecordHeaderSize) {
        return fail("truncated record header (" + std::to_string(remaining) + " of " +
                    std::to_string(kRecordHeaderSize) + " bytes)");
    }
    const uint8_t type = static_cast<uint8_t>(h[0]);
    const uint32_t len = getFixed32(h + 1);
    const uint32_t crc = getFixed32(h + 5);
    if (type == 0 && len == 0 && crc == 0) return fail("zero-filled bytes (unwritten tail)");
    if (len > kMaxRecordPayload) return fail("record length " + std::to_string(len) + " exceeds the maximum");
    if (len > remaining - kRecordHeaderSize) {
        return fail("truncated record: length " + std::to_string(len) + ", only " +
                    std::to_string(remaining - kRecordHeaderSize) + " bytes left");
    }
    const char *payload = h + kRecordHeaderSize;
    if (recordCrc(h, payload, len) != crc) return fail("crc mismatch");
    if (!isKnownRecordType(type)) return fail("unknown record type " + std::to_string(type));
    type_ = static_cast<RecordType>(type);
    payload_ = std::string_view(payload, len);
    pos_ += kRecordHeaderSize + len;
    return true;
}

}  // namespace vigil::tsdb::wal
