// CheckpointWriter: appends framed records to the numbered segment files
// (00000000, 00000001, ...) of a checkpoint directory being built, starting a
// new file when the next record would pass `segmentSize` bytes.
//
// finish() syncs and closes the last file (creating one empty segment if
// nothing was written) and fsyncs the directory; the caller then renames the
// directory into place. Errors come from the WalEnv as they are; after an
// error the directory is garbage and should be removed. Thread safety: none.
// `env` is not owned and must outlive the writer.
#pragma once

#include "core/status.h"
#include "tsdb/wal/wal_writable_file.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace vigil::tsdb::wal {

class WalEnv;

class CheckpointWriter {
public:
    CheckpointWriter(WalEnv *env, std::string dir, uint64_t segmentSize);

    Status write(std::string_view record);
    Status finish();

private:
    Status closeCurrent();
    Status next();

    WalEnv *env_;
    std::string dir_;
    uint64_t segmentSize_;
    std::unique_ptr<WalWritableFile> file_;
    uint64_t bytes_ = 0;
    uint32_t index_ = 0;
};

}  // namespace vigil::tsdb::wal
