#include "scrape/gzip_decoder.h"

#include <zlib.h>

namespace vigil::scrape {

struct GzipDecoder::Stream {
    z_stream zs{};
    bool initialized = false;
    ~Stream()
    {
        if (initialized) inflateEnd(&zs);
    }
};

GzipDecoder::GzipDecoder(int64_t limitBytes) : z_(std::make_unique<Stream>()), limit_(limitBytes)
{
    if (inflateInit2(&z_->zs, 16 + MAX_WBITS) != Z_OK)
        status_ = Status::internal("gzip: cannot initialize zlib");
    else
        z_->initialized = true;
}

GzipDecoder::~GzipDecoder() = default;

bool GzipDecoder::feed(std::string_view in, std::string *out)
{
    if (!status_.isOk()) return false;
    z_stream &zs = z_->zs;
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
    zs.avail_in = static_cast<uInt>(in.size());
    char buf[64 * 1024];
    while (zs.avail_in > 0) {
        inMember_ = true;
        zs.next_out = reinterpret_cast<Bytef *>(buf);
        zs.avail_out = sizeof buf;
        const int rc = inflate(&zs, Z_NO_FLUSH);
        const size_t n = sizeof buf - zs.avail_out;
        if (limit_ > 0 && produced_ + int64_t(n) > limit_) {
            status_ = Status::resourceExhausted("body size limit exceeded (limit " + std::to_string(limit_) +
                                                " bytes)");
            return false;
        }
        produced_ += int64_t(n);
        out->append(buf, n);
        if (rc == Z_STREAM_END) {
            inMember_ = false;
            if (zs.avail_in > 0 && inflateReset(&zs) != Z_OK) {
                status_ = Status::invalidArgument("gzip: cannot reset stream");
                return false;
            }
            continue;
        }
        if (rc == Z_BUF_ERROR && n == 0) break;  // needs more input
        if (rc != Z_OK) {
            status_ = Status::invalidArgument(std::string("gzip: ") + (zs.msg ? zs.msg : "invalid data"));
            return false;
        }
    }
    // Drain output still buffered inside zlib (the input was consumed but the
    // output buffer was full on the last round).
    for (;;) {
        zs.next_out = reinterpret_cast<Bytef *>(buf);
        zs.avail_out = sizeof buf;
        const int rc = inflate(&zs, Z_NO_FLUSH);
        const size_t n = sizeof buf - zs.avail_out;
        if (n == 0) break;
        if (limit_ > 0 && produced_ + int64_t(n) > limit_) {
            status_ = Status::resourceExhausted("body size limit exceeded (limit " + std::to_string(limit_) +
                                                " bytes)");
            return false;
        }
        produced_ += int64_t(n);
        out->append(buf, n);
        if (rc == Z_STREAM_END) {
            inMember_ = false;
            break;
        }
        if (rc != Z_OK) {
            status_ = Status::invalidArgument(std::string("gzip: ") + (zs.msg ? zs.msg : "invalid data"));
            return false;
        }
    }
    return true;
}

bool GzipDecoder::finish()
{
    if (!status_.isOk()) return false;
    if (inMember_) {
        status_ = Status::invalidArgument("gzip: unexpected EOF");
        return false;
    }
    return true;
}

Result<std::string> GzipDecoder::decode(std::string_view in, int64_t limitBytes)
{
    GzipDecoder d(limitBytes);
    std::string out;
    if (!d.feed(in, &out) || !d.finish()) return d.status();
    return out;
}

}  // namespace vigil::scrape
