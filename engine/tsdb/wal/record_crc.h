// The checksum of a framed record: zlib's CRC-32 (IEEE polynomial) over the
// type byte, the 4 length bytes and the payload, i.e. everything in the record
// except the CRC field itself.
#pragma once

#include <zlib.h>
#include <cstddef>
#include <cstdint>

namespace vigil::tsdb::wal {

inline uint32_t recordCrc(const char *typeAndLength, const char *payload, size_t payloadLen)
{
    uLong crc = ::crc32(0L, reinterpret_cast<const Bytef *>(typeAndLength), 5);
    crc = ::crc32(crc, reinterpret_cast<const Bytef *>(payload), static_cast<uInt>(payloadLen));
    return static_cast<uint32_t>(crc);
}

}  // namespace vigil::tsdb::wal
