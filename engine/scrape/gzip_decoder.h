// GzipDecoder: streaming gzip decompression (zlib) for scrape bodies, with a
// limit on the decompressed size checked while decoding (so a small gzip
// bomb cannot allocate more than the limit plus one buffer).
//
//   GzipDecoder d(limit);
//   while (chunk) if (!d.feed(chunk, &body)) fail(d.status());
//   if (!d.finish()) fail(d.status());
//
// Concatenated gzip members are decoded in sequence (as Go's gzip.Reader
// does). Not thread-safe; one decoder per body.
#pragma once

#include "core/status.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace vigil::scrape {

class GzipDecoder {
public:
    // limitBytes <= 0: no limit.
    explicit GzipDecoder(int64_t limitBytes = 0);
    ~GzipDecoder();
    GzipDecoder(const GzipDecoder &) = delete;
    GzipDecoder &operator=(const GzipDecoder &) = delete;

    // Decodes `in`, appending to *out. False on corrupt data or when the
    // output would exceed the limit (status() then says which:
    // InvalidArgument "gzip: ..." or ResourceExhausted "body size limit
    // exceeded"). After a failure every call fails.
    bool feed(std::string_view in, std::string *out);
    // False if the stream ended in the middle of a member ("unexpected EOF").
    bool finish();

    const Status &status() const { return status_; }
    // One-shot helper.
    static Result<std::string> decode(std::string_view in, int64_t limitBytes = 0);

private:
    struct Stream;
    std::unique_ptr<Stream> z_;
    int64_t limit_;
    int64_t produced_ = 0;
    bool inMember_ = false;
    Status status_;
};

}  // namespace vigil::scrape
