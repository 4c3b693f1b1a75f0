#include "tsdb/wal/checkpoint_writer.h"

#include "tsdb/wal/wal_dir_listing.h"
#include "tsdb/wal/wal_env.h"

namespace vigil::tsdb::wal {

CheckpointWriter::CheckpointWriter(WalEnv *env, std::string dir, uint64_t segmentSize)
    : env_(env), dir_(std::move(dir)), segmentSize_(segmentSize)
{
}

Status CheckpointWriter::write(std::string_view record)
{
    if (!file_ || (bytes_ > 0 && bytes_ + record.size() > segmentSize_)) VIGIL_RETURN_IF_ERROR(next());
    VIGIL_RETURN_IF_ERROR(file_->append(record.data(), record.size()));
    bytes_ += record.size();
    return Status::ok();
}

Status CheckpointWriter::finish()
{
    if (!file_) VIGIL_RETURN_IF_ERROR(next());
    VIGIL_RETURN_IF_ERROR(closeCurrent());
    return env_->syncDir(dir_);
}

Status CheckpointWriter::closeCurrent()
{
    if (!file_) return Status::ok();
    VIGIL_RETURN_IF_ERROR(file_->sync());
    VIGIL_RETURN_IF_ERROR(file_->close());
    file_.reset();
    return Status::ok();
}

Status CheckpointWriter::next()
{
    VIGIL_RETURN_IF_ERROR(closeCurrent());
    auto f = env_->newWritableFile(dir_ + "/" + WalDirListing::segmentName(index_++));
    if (!f) return f.status();
    file_ = std::move(*f);
    bytes_ = 0;
    return Status::ok();
}

}  // namespace vigil::tsdb::wal
