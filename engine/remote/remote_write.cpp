#include "remote/remote_write.h"

#include "remote/remote_write.pb.h"
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

void putLabels(const model::Labels &in, google::protobuf::RepeatedPtrField<pb::Label> *out)
{
    out->Reserve(int(in.size()));
    for (const auto &l : in) {
        pb::Label *p = out->Add();
        p->set_name(l.name);
        p->set_value(l.value);
    }
}

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

}  // namespace

std::string serializeWriteRequest(const WriteRequest &req)
{
    pb::WriteRequest w;
    w.mutable_timeseries()->Reserve(int(req.series.size()));
    for (const auto &s : req.series) {
        pb::TimeSeries *ts = w.add_timeseries();
        putLabels(s.labels, ts->mutable_labels());
        ts->mutable_samples()->Reserve(int(s.samples.size()));
        for (const auto &smp : s.samples) {
            pb::Sample *p = ts->add_samples();
            p->set_value(smp.v);
            p->set_timestamp(smp.t);
        }
        for (const auto &e : s.exemplars) {
            pb::Exemplar *p = ts->add_exemplars();
            putLabels(e.labels, p->mutable_labels());
            p->set_value(e.value);
            p->set_timestamp(e.timestampMs);
        }
    }
    for (const auto &m : req.metadata) {
        pb::MetricMetadata *p = w.add_metadata();
        p->set_type(pb::MetricMetadata::MetricType(int(m.type)));
        p->set_metric_family_name(m.familyName);
        p->set_help(m.help);
        p->set_unit(m.unit);
    }
    return w.SerializeAsString();
}

std::string encodeWriteRequest(const WriteRequest &req)
{
    const std::string raw = serializeWriteRequest(req);
    std::string out;
    snappy::Compress(raw.data(), raw.size(), &out);
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
