// libFuzzer target for the Remote-Write 1.0 decoder (engine/remote: snappy
// block format, then a protobuf-lite WriteRequest, then the spec's checks).
//
// Raw inputs rarely get past snappy, so the first byte chooses the layer:
// odd -> the rest is the HTTP body as received; even -> the rest is the
// protobuf, snappy-compressed here first so the protobuf parser and the
// label checks are fuzzed too.
//
// Invariants checked for any input:
//   - decodeWriteRequest never throws or crashes; an error is InvalidArgument;
//   - a decoded request satisfies what the decoder promises: every series has
//     a __name__, sorted unique non-empty label names;
//   - encoding a decoded request and decoding it again yields the same
//     series (labels, samples) and metadata count.
#include "remote/remote_write.h"

#include <snappy.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

using namespace vigil;
using namespace vigil::remote;

namespace {

void check(bool ok)
{
    if (!ok) std::abort();
}

bool sameValue(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) return 0;
    const std::string rest(reinterpret_cast<const char *>(data) + 1, size - 1);
    std::string body;
    if (data[0] & 1)
        body = rest;
    else
        snappy::Compress(rest.data(), rest.size(), &body);

    Result<WriteRequest> req = decodeWriteRequest(body);
    if (!req) {
        check(req.status().code() == Status::Code::InvalidArgument);
        return 0;
    }
    for (const TimeSeries &ts : req->series) {
        check(!ts.labels.get("__name__").empty());
        for (size_t i = 0; i < ts.labels.size(); ++i) {
            check(!ts.labels[i].name.empty());
            if (i > 0) check(ts.labels[i - 1].name < ts.labels[i].name);
        }
    }

    Result<WriteRequest> again = decodeWriteRequest(encodeWriteRequest(*req));
    check(again.isOk());
    check(again->series.size() == req->series.size());
    check(again->metadata.size() == req->metadata.size());
    for (size_t i = 0; i < req->series.size(); ++i) {
        const TimeSeries &a = req->series[i], &b = again->series[i];
        check(a.labels == b.labels);
        check(a.samples.size() == b.samples.size());
        for (size_t j = 0; j < a.samples.size(); ++j)
            check(a.samples[j].t == b.samples[j].t && sameValue(a.samples[j].v, b.samples[j].v));
    }
    return 0;
}
