// make_seeds: writes the binary seed inputs of the WAL, XOR chunk and block
// fuzzers with the engine's own encoders, so the seeds are real encodings:
//   build-fuzz/tests/fuzz/make_seeds tests/fuzz/corpus
// Built with -DVIGIL_FUZZ=ON; not a test. The data imitates a scrape of a
// node exporter: a few series, 15 s interval with millisecond jitter,
// counters, gauges and a stale marker.
#include "tsdb/block_writer.h"
#include "tsdb/wal/record_encoder.h"
#include "tsdb/xor_chunk.h"

#include <bit>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

using namespace vigil;
using namespace vigil::tsdb;

namespace {

constexpr uint64_t kStaleNaN = 0x7ff0000000000002ull;

struct Series {
    model::Labels labels;
    std::vector<int64_t> t;
    std::vector<double> v;
};

std::vector<Series> makeSeries(int samples)
{
    std::vector<Series> out;
    const char *modes[] = {"idle", "system", "user"};
    for (int i = 0; i < 3; ++i) {
        Series s;
        s.labels = model::Labels{{"__name__", "node_cpu_seconds_total"},
                                 {"cpu", "0"},
                                 {"instance", "127.0.0.1:9100"},
                                 {"job", "node"},
                                 {"mode", modes[i]}};
        double v = 1000.0 * (i + 1);
        for (int k = 0; k < samples; ++k) {
            s.t.push_back(1700000000000 + k * 15000 + (k * 7919 % 13));
            v += 0.37 * (k % 5) + i;
            s.v.push_back(v);
        }
        out.push_back(std::move(s));
    }
    Series g;
    g.labels = model::Labels{{"__name__", "node_memory_MemAvailable_bytes"}, {"instance", "127.0.0.1:9100"},
                             {"job", "node"}};
    for (int k = 0; k < samples; ++k) {
        g.t.push_back(1700000000000 + k * 15000);
        g.v.push_back(k + 1 == samples ? std::bit_cast<double>(kStaleNaN) : 8.0e9 - 4096.0 * (k * k % 17));
    }
    out.push_back(std::move(g));
    return out;
}

bool writeFile(const std::string &path, const void *data, size_t size)
{
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f.write(static_cast<const char *>(data), std::streamsize(size));
    return bool(f);
}

}  // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_seeds CORPUS_DIR\n");
        return 2;
    }
    const std::string dir = argv[1];
    const auto series = makeSeries(20);
    bool ok = true;

    // XOR chunks: one per series, plus a single-sample chunk.
    for (size_t i = 0; i < series.size(); ++i) {
        XorChunk c;
        for (size_t k = 0; k < series[i].t.size(); ++k) c.append(series[i].t[k], series[i].v[k]);
        ok &= writeFile(dir + "/fuzz_xor_chunk/series" + std::to_string(i) + ".xor", c.data(), c.size());
    }
    XorChunk one;
    one.append(-5, -0.0);
    ok &= writeFile(dir + "/fuzz_xor_chunk/one_sample.xor", one.data(), one.size());

    // WAL segment: a series record, then samples records, then a tombstone.
    wal::RecordEncoder enc;
    std::string segment;
    std::vector<std::pair<uint64_t, model::Labels>> refs;
    for (size_t i = 0; i < series.size(); ++i) refs.emplace_back(i + 1, series[i].labels);
    segment += enc.series(refs);
    for (size_t k = 0; k < 4; ++k) {
        std::vector<RefSample> batch;
        for (size_t i = 0; i < series.size(); ++i) batch.push_back({i + 1, series[i].t[k], series[i].v[k]});
        segment += enc.samples(batch);
    }
    segment += enc.tombstones({{2, 1700000000000, 1700000030000}});
    ok &= writeFile(dir + "/fuzz_wal_segment/scrape.seg", segment.data(), segment.size());
    // The same segment torn in the middle of its last record.
    ok &= writeFile(dir + "/fuzz_wal_segment/torn_tail.seg", segment.data(), segment.size() - 5);

    // Block file.
    const std::string blockPath = dir + "/fuzz_block/small.vblk";
    auto w = BlockWriter::create(blockPath, 1, BlockMeta::Source::Head, 1);
    if (!w.isOk()) {
        std::fprintf(stderr, "%s\n", w.status().message().c_str());
        return 1;
    }
    for (const auto &s : series) ok &= (*w)->addSeries(s.labels, s.t, s.v).isOk();
    auto meta = (*w)->finish();
    ok &= meta.isOk();
    if (!ok) std::fprintf(stderr, "make_seeds: a write failed\n");
    return ok ? 0 : 1;
}
