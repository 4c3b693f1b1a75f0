// WriteRequestWriter: writes the Remote-Write 1.0 WriteRequest protobuf
// straight into one reusable buffer, without building message objects.
//
// Why: the sender encodes every sample it sends. Building generated protobuf
// messages cost a Label object and two strings per label per series per
// request (and a copy of the series' labels to fill them); the queue now
// encodes a series' labels once (encodeLabels) and keeps the bytes, and a
// request is the cached label bytes plus the samples. The bytes are the ones
// the generated serializer produces for the same message (fields in number
// order, proto3 defaults omitted, a double omitted only when its bits are
// all zero) — tst_remote_write_codec compares the two.
//
// Not thread-safe; one writer per thread (it reuses its buffers).
#pragma once

#include "model/labels.h"
#include "model/sample.h"

#include <QByteArray>

#include <string>
#include <string_view>

namespace vigil::remote {

struct Exemplar;
struct MetricMetadata;

class WriteRequestWriter {
public:
    // The `labels` field (1) of a TimeSeries: one embedded Label per pair.
    static std::string encodeLabels(const model::Labels &labels);

    void clear() { raw_.clear(); }

    // One TimeSeries: `encodedLabels` from encodeLabels(), `samples` oldest
    // first, then the exemplars (may be null when `exemplarCount` is 0).
    void addSeries(std::string_view encodedLabels, const model::Sample *samples, size_t sampleCount,
                   const Exemplar *exemplars = nullptr, size_t exemplarCount = 0);
    void addMetadata(const MetricMetadata &m);

    // The uncompressed protobuf bytes written so far.
    const std::string &raw() const { return raw_; }
    // Snappy block compression of raw(), the body a sender POSTs; `out` is
    // replaced.
    void compress(std::string *out) const;
    // The same into a QByteArray (the form QNetworkAccessManager posts).
    QByteArray compressed() const;

private:
    std::string raw_;
};

}  // namespace vigil::remote
