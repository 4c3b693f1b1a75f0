// Encoding cost per sample of a remote-write request, as the queue builds one
// from a batch (max_samples_per_send samples, one per series, the label shape
// of run.sh's targets plus the writer label it adds):
//  - generated: what the queue did before — copy each series' Labels into a
//    WriteRequest, fill libprotobuf's generated messages, SerializeAsString,
//    snappy into a std::string, copy into the QByteArray that is posted;
//  - writer: what it does now — the series' label bytes encoded once
//    (WriteRequestWriter::encodeLabels), then cached bytes plus samples
//    into a reused buffer, snappy straight into the QByteArray.
// Both bodies are checked to be identical before timing.
#include "remote/remote_write.h"
#include "remote/remote_write.pb.h"
#include "remote/write_request_writer.h"

#include <QByteArray>

#include <snappy.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <time.h>

using namespace vigil;

namespace {

QByteArray generated(const std::vector<model::Labels> &labels, const std::vector<model::Sample> &samples)
{
    remote::WriteRequest req;
    for (size_t i = 0; i < samples.size(); ++i) req.series.push_back({labels[i], {samples[i]}, {}});
    remote::pb::WriteRequest w;
    w.mutable_timeseries()->Reserve(int(req.series.size()));
    for (const auto &s : req.series) {
        remote::pb::TimeSeries *ts = w.add_timeseries();
        ts->mutable_labels()->Reserve(int(s.labels.size()));
        for (const auto &l : s.labels) {
            remote::pb::Label *p = ts->add_labels();
            p->set_name(l.name);
            p->set_value(l.value);
        }
        for (const auto &smp : s.samples) {
            remote::pb::Sample *p = ts->add_samples();
            p->set_value(smp.v);
            p->set_timestamp(smp.t);
        }
    }
    const std::string raw = w.SerializeAsString();
    std::string out;
    snappy::Compress(raw.data(), raw.size(), &out);
    return QByteArray::fromStdString(out);
}

QByteArray viaWriter(remote::WriteRequestWriter &w, const std::vector<std::string> &labelBytes,
                     const std::vector<model::Sample> &samples)
{
    w.clear();
    for (size_t i = 0; i < samples.size(); ++i) w.addSeries(labelBytes[i], &samples[i], 1);
    return w.compressed();
}

// CPU time of this thread: the machine is shared, wall time would count waiting.
int64_t threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

template <typename F>
double nsPerSample(int batches, size_t perBatch, F &&encode)
{
    size_t bytes = 0;
    const int64_t t0 = threadCpuNs();
    for (int b = 0; b < batches; ++b) bytes += size_t(encode(b).size());
    const int64_t t1 = threadCpuNs();
    if (bytes == 0) std::abort();  // keeps the work observable
    return double(t1 - t0) / double(batches) / double(perBatch);
}

}  // namespace

int main(int argc, char **argv)
{
    const int batches = argc > 1 ? std::atoi(argv[1]) : 2000;
    const size_t perBatch = argc > 2 ? size_t(std::atoi(argv[2])) : 500;
    // 20 batches' worth of distinct series, reused round-robin.
    const size_t seriesCount = perBatch * 20;
    std::vector<model::Labels> labels;
    std::vector<std::string> labelBytes;
    for (size_t i = 0; i < seriesCount; ++i) {
        labels.push_back(model::Labels{{"__name__", "bench_value"}, {"group", "g" + std::to_string(i % 50)},
                                       {"instance", "127.0.0.1:4" + std::to_string(1000 + i % 4)},
                                       {"job", "bench"}, {"series", std::to_string(i)},
                                       {"target", std::to_string(i % 4 + 1)}, {"writer", "vigil"}});
        labelBytes.push_back(remote::WriteRequestWriter::encodeLabels(labels.back()));
    }
    auto batchSamples = [&](int b) {
        std::vector<model::Sample> s(perBatch);
        for (size_t k = 0; k < perBatch; ++k) s[k] = {1'700'000'000'000 + int64_t(b) * 1000, double(k) * 0.37 + b};
        return s;
    };
    auto slice = [&](const auto &v, int b) {
        const size_t from = (size_t(b) % 20) * perBatch;
        return std::vector(v.begin() + ptrdiff_t(from), v.begin() + ptrdiff_t(from + perBatch));
    };
    // Precompute inputs so only encoding is timed.
    std::vector<std::vector<model::Sample>> samples;
    std::vector<std::vector<model::Labels>> labelSlices;
    std::vector<std::vector<std::string>> byteSlices;
    for (int b = 0; b < 20; ++b) {
        samples.push_back(batchSamples(b));
        labelSlices.push_back(slice(labels, b));
        byteSlices.push_back(slice(labelBytes, b));
    }
    remote::WriteRequestWriter writer;
    for (int b = 0; b < 20; ++b) {
        if (generated(labelSlices[size_t(b)], samples[size_t(b)]) != viaWriter(writer, byteSlices[size_t(b)], samples[size_t(b)])) {
            std::fprintf(stderr, "bodies differ in batch %d\n", b);
            return 1;
        }
    }
    const double gen = nsPerSample(batches, perBatch, [&](int b) {
        return generated(labelSlices[size_t(b % 20)], samples[size_t(b % 20)]);
    });
    const double wri = nsPerSample(batches, perBatch, [&](int b) {
        return viaWriter(writer, byteSlices[size_t(b % 20)], samples[size_t(b % 20)]);
    });
    std::printf("batches %d x %zu samples (one per series, 7 labels)\n", batches, perBatch);
    std::printf("generated protobuf classes: %.0f ns/sample, CPU time\n", gen);
    std::printf("WriteRequestWriter:         %.0f ns/sample (%.1fx less), CPU time\n", wri, gen / wri);
    return 0;
}
