#include "remote/remote_write.h"

#include "remote/remote_write.pb.h"
#include "remote/write_request_writer.h"
#include "scrape/label_validation.h"

#include <snappy.h>

namespace vigil::remote {

#ifndef VIGIL_VERSION
#define VIGIL_VERSION "dev"
#endif

size_t WriteRequest::sampleCount() const
{
    size_t n = 0;
    for (const auto &s : series) n += s.samples.size();
    return n;
}

std::string userAgent()
{
    return std::string("Vigil/") + VIGIL_VERSION;
}

std::vector<std::pair<std::string, std::string>> remoteWriteHeaders()
{
    return {{"Content-Encoding", kContentEncoding},
            {"Content-Type", kContentType},
            {kVersionHeader, kVersion},
            {"User-Agent", userAgent()}};
}

namespace {

// The spec: names unique and sorted, values non-empty; Vigil also needs
// valid names and UTF-8 values, as its own ingestion does.
Result<model::Labels> takeLabels(const google::protobuf::RepeatedPtrField<pb::Label> &in, bool needName)
{
    std::vector<model::Label> v;
    v.reserve(size_t(in.size()));
    for (const auto &p : in) {
        if (!scrape::isValidLabelName(p.name())) {
            return Status::invalidArgument("invalid label name \"" + p.name() + "\"");
        }
        if (!scrape::isValidLabelValue(p.value())) {
            return Status::invalidArgument("label " + p.name() + " has a value that is not valid UTF-8");
        }
        if (p.value().empty()) continue;  // an empty value means "no such label"
        v.push_back({p.name(), p.value()});
    }
    for (size_t i = 1; i < v.size(); ++i) {
        if (v[i - 1].name == v[i].name) return Status::invalidArgument("duplicate label name \"" + v[i].name + "\"");
        if (v[i - 1].name > v[i].name) {
            return Status::invalidArgument("labels are not sorted by name (\"" + v[i - 1].name + "\" before \"" +
                                           v[i].name + "\")");
        }
    }
    model::Labels labels = model::Labels::fromSorted(std::move(v));
    if (needName && labels.metricName().empty()) {
        return Status::invalidArgument("series " + labels.toString() + " has no __name__ label");
    }
    return labels;
}

// Generated protobuf classes are only used for decoding: encoding writes the
// bytes directly (see write_request_writer.h).
WriteRequestWriter writeRequest(const WriteRequest &req)
{
    WriteRequestWriter w;
    for (const auto &s : req.series) {
        w.addSeries(WriteRequestWriter::encodeLabels(s.labels), s.samples.data(), s.samples.size(),
                    s.exemplars.data(), s.exemplars.size());
    }
    for (const auto &m : req.metadata) w.addMetadata(m);
    return w;
}

}  // namespace

std::string serializeWriteRequest(const WriteRequest &req)
{
    return writeRequest(req).raw();
}

std::string encodeWriteRequest(const WriteRequest &req)
{
    std::string out;
    writeRequest(req).compress(&out);
    return out;
}

Result<WriteRequest> decodeWriteRequest(std::string_view body)
{
    // The length is the sender's claim: refuse absurd ones before allocating.
    constexpr size_t kMaxDecodedBytes = size_t(256) << 20;
    size_t decodedLength = 0;
    if (snappy::GetUncompressedLength(body.data(), body.size(), &decodedLength) && decodedLength > kMaxDecodedBytes)
        return Status::invalidArgument("the decompressed body would be " + std::to_string(decodedLength) +
                                       " bytes, more than the 256 MiB a write request may hold");
    std::string raw;
    if (!snappy::Uncompress(body.data(), body.size(), &raw)) {
        return Status::invalidArgument("the body is not snappy block-compressed data (Remote-Write 1.0 needs "
                                       "Content-Encoding: snappy)");
    }
    pb::WriteRequest w;
    if (!w.ParseFromString(raw)) return Status::invalidArgument("the body is not a protobuf WriteRequest");
    WriteRequest out;
    out.series.reserve(size_t(w.timeseries_size()));
    for (const auto &ts : w.timeseries()) {
        auto labels = takeLabels(ts.labels(), true);
        if (!labels.isOk()) return labels.status();
        TimeSeries s;
        s.labels = std::move(labels.value());
        s.samples.reserve(size_t(ts.samples_size()));
        for (const auto &p : ts.samples()) s.samples.push_back({p.timestamp(), p.value()});
        for (const auto &e : ts.exemplars()) {
            auto el = takeLabels(e.labels(), false);
            if (!el.isOk()) return el.status().withContext("exemplar of " + s.labels.toString());
            s.exemplars.push_back({std::move(el.value()), e.value(), e.timestamp()});
        }
        out.series.push_back(std::move(s));
    }
    for (const auto &m : w.metadata()) {
        out.metadata.push_back({MetricMetadata::Type(int(m.type())), m.metric_family_name(), m.help(), m.unit()});
    }
    return out;
}

}  // namespace vigil::remote
