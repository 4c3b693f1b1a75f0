// Record types and framing constants of the WAL (see docs/format/wal.md).
#pragma once

#include <cstddef>
#include <cstdint>

namespace vigil::tsdb::wal {

// The first byte of every framed record. 0 is never written so that a
// zero-filled tail (unwritten blocks after a crash) reads as corruption.
enum class RecordType : uint8_t {
    Series = 1,      // series references and their label sets
    Samples = 2,     // (ref, t, v) samples
    Tombstones = 3,  // (ref, mint, maxt) deletions; reserved, not yet used by the head
};

inline bool isKnownRecordType(uint8_t t)
{
    return t >= 1 && t <= 3;
}

// Frame header: type (1 byte), payload length (u32 LE), CRC32 (u32 LE).
inline constexpr size_t kRecordHeaderSize = 9;
// Upper bound of one record's payload; larger lengths read as corruption.
inline constexpr uint32_t kMaxRecordPayload = 256u << 20;

}  // namespace vigil::tsdb::wal
