// Constants of the block file format (docs/format/blocks.md).
#pragma once

#include <cstddef>
#include <cstdint>

namespace vigil::tsdb::block_format {

inline constexpr char kHeaderMagic[8] = {'V', 'G', 'B', 'L', 'K', '0', '0', '1'};
inline constexpr char kFooterMagic[8] = {'V', 'G', 'B', 'L', 'K', 'E', 'N', 'D'};
inline constexpr size_t kHeaderSize = 8;
// u64 indexOffset, u32 indexLength, u32 indexRawLength, u32 indexCrc,
// u32 version, 8 bytes magic.
inline constexpr size_t kFooterSize = 32;
inline constexpr uint32_t kVersion = 1;
// Value columns are packed into frames of about this many raw bytes, each
// compressed on its own (a query decompresses one frame per series).
inline constexpr size_t kFrameTargetBytes = 64 * 1024;
inline constexpr const char *kFileSuffix = ".vblk";

}  // namespace vigil::tsdb::block_format
