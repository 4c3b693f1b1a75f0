// Throughput of the WAL's hot path (not a test; belongs in bench/).
//
//   wal_bench [dir]
// Prints samples/s for encoding alone and for logging to disk with the
// Manual and Interval sync policies, batches of 1000 samples over 10,000
// series, plus a raw write(2)+memcpy baseline of the same byte volume.
#include "tsdb/wal/record_encoder.h"
#include "tsdb/wal/wal.h"

#include <QTemporaryDir>

#include <fcntl.h>
#include <unistd.h>
#include <chrono>
#include <cstdio>

using namespace vigil;
using namespace vigil::tsdb;
using namespace vigil::tsdb::wal;

namespace {

constexpr int kBatch = 1000;
constexpr int kBatches = 5000;  // 5 M samples

double seconds(std::chrono::steady_clock::time_point since)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

void makeBatch(int b, std::vector<RefSample> *out)
{
    out->clear();
    for (int i = 0; i < kBatch; ++i) {
        const uint64_t n = uint64_t(b) * kBatch + uint64_t(i);
        out->push_back({n % 10000, 1700000000000 + int64_t(b) * 15000 + i % 7, double(n % 977) * 1.25});
    }
}

}  // namespace

int main(int argc, char **argv)
{
    QTemporaryDir tmp;
    const std::string base = argc > 1 ? argv[1] : tmp.path().toStdString();
    std::vector<RefSample> batch;
    batch.reserve(kBatch);

    RecordEncoder enc;
    size_t bytes = 0;
    auto t0 = std::chrono::steady_clock::now();
    for (int b = 0; b < kBatches; ++b) {
        makeBatch(b, &batch);
        bytes += enc.samples(batch).size();
    }
    double s = seconds(t0);
    std::printf("encode only:          %6.2f M samples/s  (%.1f bytes/sample)\n",
                kBatches * double(kBatch) / s / 1e6, double(bytes) / (kBatches * double(kBatch)));

    for (WalSyncPolicy policy : {WalSyncPolicy::Manual, WalSyncPolicy::Interval}) {
        const std::string dir = base + (policy == WalSyncPolicy::Manual ? "/manual" : "/interval");
        WalOptions o;
        o.syncPolicy = policy;
        auto wal = Wal::open(dir, o);
        if (!wal) {
            std::fprintf(stderr, "%s\n", wal.status().toString().c_str());
            return 1;
        }
        t0 = std::chrono::steady_clock::now();
        for (int b = 0; b < kBatches; ++b) {
            makeBatch(b, &batch);
            if (Status st = (*wal)->logSamples(batch); !st.isOk()) {
                std::fprintf(stderr, "%s\n", st.toString().c_str());
                return 1;
            }
        }
        (void)(*wal)->sync();
        s = seconds(t0);
        std::printf("log + final sync (%s): %6.2f M samples/s\n",
                    policy == WalSyncPolicy::Manual ? "manual  " : "interval",
                    kBatches * double(kBatch) / s / 1e6);
    }

    // Peer: the same number of bytes written with plain write(2), no encoding.
    const std::string raw = base + "/raw";
    const int fd = ::open(raw.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::string chunk(bytes / kBatches, 'x');
    t0 = std::chrono::steady_clock::now();
    for (int b = 0; b < kBatches; ++b) {
        makeBatch(b, &batch);
        if (::write(fd, chunk.data(), chunk.size()) < 0) return 1;
    }
    ::fdatasync(fd);
    s = seconds(t0);
    ::close(fd);
    std::printf("raw write(2) peer:    %6.2f M samples/s-equivalent\n", kBatches * double(kBatch) / s / 1e6);
    return 0;
}
