// Throughput of the exposition parsers (not a test; not built by CMake).
//
// Parses generated node-exporter-like bodies (text 0.0.4 and OpenMetrics)
// in a loop and prints MB/s, samples/s and CPU time per body (thread CPU
// time of the fastest batch of 10, so a busy shared machine inflates the
// figures less). If a peer command
// is given (e.g. "promtool check metrics"), it is timed on the same text body
// fed through stdin, once on the body and once on an empty input to show the
// process start-up cost, so the figures sit side by side (the peer is timed
// by wall clock, so it is only comparable on an idle machine).
//
// Build and run from the repository root:
//   g++ -std=c++20 -O2 -DNDEBUG -I engine -I tests/engine/exposition bench/exposition/bench_exposition.cpp \
//       engine/exposition/*.cpp engine/model/labels.cpp engine/core/status.cpp -o bench_exposition
//   ./bench_exposition "promtool check metrics"
#include "exposition/parser.h"
#include "node_like_body.h"

#include <time.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

using namespace vigil::exposition;
using Clock = std::chrono::steady_clock;

namespace {

// CPU time of this thread: the machine may be shared, wall time would
// include time spent waiting for a core.
double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

struct Figures {
    double secondsPerBody;
    size_t samples;
};

Figures measure(Format fmt, const std::string &body, double minSeconds)
{
    // Batches of runs; the fastest batch is reported (least disturbed by
    // other processes on a shared machine).
    size_t samples = 0;
    double best = 1e30;
    const double start = threadCpuSeconds();
    do {
        const double batchStart = threadCpuSeconds();
        constexpr int kBatch = 10;
        for (int i = 0; i < kBatch; ++i) {
            auto p = Parser::create(fmt, body);
            size_t n = 0;
            for (Entry e; (e = p->next()) != Entry::Eof;) {
                if (e == Entry::Invalid) {
                    std::fprintf(stderr, "parse error: %s\n", p->status().message().c_str());
                    std::exit(1);
                }
                n += e == Entry::Series;
            }
            samples = n;
        }
        best = std::min(best, (threadCpuSeconds() - batchStart) / kBatch);
    } while (threadCpuSeconds() - start < minSeconds);
    return {best, samples};
}

void report(const char *name, const std::string &body, const Figures &f)
{
    std::printf("%-28s %8.1f KiB %6zu samples  %8.1f us/body  %7.1f MB/s  %6.2f M samples/s\n", name,
                double(body.size()) / 1024, f.samples, f.secondsPerBody * 1e6,
                double(body.size()) / f.secondsPerBody / 1e6, double(f.samples) / f.secondsPerBody / 1e6);
}

double timeCommand(const std::string &cmd, const std::string &file, int runs)
{
    const std::string full = cmd + " < " + file + " > /dev/null 2>&1";
    const auto start = Clock::now();
    for (int i = 0; i < runs; ++i) (void)std::system(full.c_str());
    return std::chrono::duration<double>(Clock::now() - start).count() / runs;
}

}  // namespace

int main(int argc, char **argv)
{
    for (int cpus : {8, 256}) {
        const auto text = testutil::generateNodeLikeBody(false, cpus);
        const auto om = testutil::generateNodeLikeBody(true, cpus);
        std::printf("-- node-like body, %d cpus\n", cpus);
        report("vigil text 0.0.4", text.body, measure(Format::Text, text.body, 1.0));
        report("vigil OpenMetrics 1.0", om.body, measure(Format::OpenMetrics, om.body, 1.0));
        if (argc > 1) {
            const auto tmp = std::filesystem::temp_directory_path();
            const std::string file = (tmp / "bench_exposition_body.txt").string();
            const std::string empty = (tmp / "bench_exposition_empty.txt").string();
            if (FILE *f = std::fopen(file.c_str(), "w")) {
                std::fwrite(text.body.data(), 1, text.body.size(), f);
                std::fclose(f);
            }
            if (FILE *f = std::fopen(empty.c_str(), "w")) std::fclose(f);
            const double withBody = timeCommand(argv[1], file, 5);
            const double startup = timeCommand(argv[1], empty, 5);
            const double parse = withBody > startup ? withBody - startup : 0;
            std::printf(
                "%-28s %8.1f KiB %6zu samples  %8.1f us/body  %7.1f MB/s  (process %.1f ms, start-up %.1f ms "
                "subtracted)\n",
                "peer (text)", double(text.body.size()) / 1024, text.series, parse * 1e6,
                parse > 0 ? double(text.body.size()) / parse / 1e6 : 0.0, withBody * 1e3, startup * 1e3);
        }
    }
    return 0;
}
