// Driver of the PromQL range-query benchmark, Vigil vs Prometheus 2.42
// (run.sh calls it; not a test). Subcommands, printing "key value" lines:
//   gen FILE END_MS               the workload as OpenMetrics with timestamps, 1 h at 15 s ending at END_MS
//   import FILE DIR               tsdb::importOpenMetrics of FILE into the database DIR
//   serve DIR PORT                Vigil's /api/v1 (ApiV1 over tsdb::Db of DIR) on 127.0.0.1:PORT until SIGTERM
//   inproc DIR START END STEP REPS QUERY...
//                                 promql::Engine::rangeQuery in process (no HTTP, no JSON): median ms per query
//
// Workload (10,000 series, deterministic):
//   x_total{job,instance,method}  counter; 1000 instances host-0..host-999, job-(i%10), 5 methods: 5000 series
//   h_bucket{job,instance,le}     classic histogram buckets of the first 500 instances, 10 le: 5000 series
// (the histogram is written as an "unknown" family h_bucket, so that no _count/_sum series are added).
#include "config/engine_options.h"
#include "promql/engine.h"
#include "tsdb/db.h"
#include "tsdb/openmetrics_import.h"
#include "web/api_v1.h"
#include "web/api_v1_engine_sources.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QHttpServer>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

using namespace vigil;

namespace {

constexpr int kInstances = 1000;
constexpr int kJobs = 10;
constexpr int kMethods = 5;
constexpr int kHistInstances = 500;
constexpr int64_t kStepMs = 15000;
constexpr int kSteps = 241;  // 1 h inclusive of both ends
const char *const kMethodNames[kMethods] = {"get", "put", "post", "delete", "head"};
const char *const kLes[10] = {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "+Inf"};

int usage()
{
    std::fprintf(stderr,
                 "usage: bench_promql gen FILE END_MS | import FILE DIR | serve DIR PORT |\n"
                 "       inproc DIR START_MS END_MS STEP_MS REPS QUERY...\n");
    return 2;
}

void printTs(std::FILE *f, int64_t ms)
{
    std::fprintf(f, " %lld.%03lld\n", static_cast<long long>(ms / 1000), static_cast<long long>(ms % 1000));
}

int gen(const char *path, int64_t endMs)
{
    endMs -= endMs % kStepMs;
    const int64_t startMs = endMs - (kSteps - 1) * kStepMs;
    std::FILE *f = std::fopen(path, "w");
    if (!f) return 1;
    std::mt19937_64 rng(42);
    uint64_t samples = 0;

    // Counter family: one value per series, advanced per step.
    std::fprintf(f, "# HELP x Requests.\n# TYPE x counter\n");
    std::vector<double> xs(size_t(kInstances) * kMethods, 0.0);
    std::vector<int> xrate(xs.size());
    for (auto &r : xrate) r = 1 + int(rng() % 50);
    for (int s = 0; s < kSteps; ++s) {
        const int64_t t = startMs + s * kStepMs;
        for (int i = 0; i < kInstances; ++i) {
            for (int m = 0; m < kMethods; ++m) {
                const size_t k = size_t(i) * kMethods + m;
                xs[k] += double(std::max(0, xrate[k] * 15 + int(rng() % 31) - 15));
                std::fprintf(f, "x_total{job=\"job-%d\",instance=\"host-%d\",method=\"%s\"} %.0f", i % kJobs, i,
                             kMethodNames[m], xs[k]);
                printTs(f, t);
                ++samples;
            }
        }
    }

    // Histogram buckets (cumulative per instance).
    std::fprintf(f, "# HELP h_bucket Request latency buckets.\n# TYPE h_bucket unknown\n");
    std::vector<double> hb(size_t(kHistInstances) * 10, 0.0);
    for (int s = 0; s < kSteps; ++s) {
        const int64_t t = startMs + s * kStepMs;
        for (int i = 0; i < kHistInstances; ++i) {
            // 0-200 observations this step, spread over the buckets.
            const int n = int(rng() % 201);
            double cum = 0;
            for (int b = 0; b < 10; ++b) {
                const int remaining = n - int(cum);
                const int inBucket = b == 9 ? remaining : int(remaining * ((rng() % 40) / 100.0));
                cum += inBucket;
                double &v = hb[size_t(i) * 10 + b];
                v += cum;
                std::fprintf(f, "h_bucket{job=\"job-%d\",instance=\"host-%d\",le=\"%s\"} %.0f", i % kJobs, i,
                             kLes[b], v);
                printTs(f, t);
                ++samples;
            }
        }
    }
    std::fprintf(f, "# EOF\n");
    std::fclose(f);
    std::printf("start_ms %lld\nend_ms %lld\nseries %d\nsamples %llu\n", static_cast<long long>(startMs),
                static_cast<long long>(endMs), kInstances * kMethods + kHistInstances * 10,
                static_cast<unsigned long long>(samples));
    return 0;
}

int importFile(const char *file, const char *dir)
{
    tsdb::ImportStats st;
    const Status s = tsdb::importOpenMetrics(file, dir, &st);
    if (!s.isOk()) {
        std::fprintf(stderr, "import: %s\n", s.toString().c_str());
        return 1;
    }
    std::printf("import_series %llu\nimport_samples %llu\nimport_blocks %llu\n",
                static_cast<unsigned long long>(st.series), static_cast<unsigned long long>(st.samples),
                static_cast<unsigned long long>(st.blocks));
    return 0;
}

std::atomic<bool> gStop{false};
void onSignal(int) { gStop.store(true); }

int serve(int argc, char **argv, const char *dir, int port)
{
    QCoreApplication app(argc, argv);
    auto db = tsdb::Db::open(dir);
    if (!db) {
        std::fprintf(stderr, "open: %s\n", db.status().toString().c_str());
        return 1;
    }
    config::EngineOptions options;
    options.storagePath = dir;
    auto *api = new web::ApiV1(web::engineApiSources(db.value().get(), nullptr, options));
    QHttpServer server;
    api->registerRoutes(&server);
    if (server.listen(QHostAddress::LocalHost, quint16(port)) == 0) {
        std::fprintf(stderr, "cannot listen on 127.0.0.1:%d\n", port);
        return 1;
    }
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &app, [] {
        if (gStop.load()) QCoreApplication::quit();
    });
    poll.start(100);
    std::printf("listening %d\n", port);
    std::fflush(stdout);
    app.exec();
    api->close();
    delete api;
    (void)db.value()->close();
    return 0;
}

double nowMs()
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

int inproc(const char *dir, int64_t start, int64_t end, int64_t step, int reps, int nq, char **queries)
{
    auto db = tsdb::Db::open(dir);
    if (!db) {
        std::fprintf(stderr, "open: %s\n", db.status().toString().c_str());
        return 1;
    }
    promql::Engine engine(*db.value());
    for (int q = 0; q < nq; ++q) {
        std::vector<double> ms;
        size_t series = 0, points = 0;
        for (int r = 0; r <= reps; ++r) {  // r == 0: warm-up, not counted
            const double t0 = nowMs();
            auto res = engine.rangeQuery(queries[q], start, end, step);
            const double t1 = nowMs();
            if (!res) {
                std::fprintf(stderr, "query %s: %s\n", queries[q], res.status().toString().c_str());
                return 1;
            }
            if (r == 0) {
                if (const auto *m = std::get_if<promql::Matrix>(&res->value)) {
                    series = m->size();
                    for (const auto &s : *m) points += s.points.size();
                }
                continue;
            }
            ms.push_back(t1 - t0);
        }
        std::sort(ms.begin(), ms.end());
        std::printf("q%d median_ms %.3f min_ms %.3f series %zu points %zu\n", q, ms[ms.size() / 2], ms.front(),
                    series, points);
    }
    (void)db.value()->close();
    return 0;
}

}  // namespace

int main(int argc, char **argv)
{
    if (argc < 2) return usage();
    const std::string cmd = argv[1];
    if (cmd == "gen" && argc == 4) return gen(argv[2], std::strtoll(argv[3], nullptr, 10));
    if (cmd == "import" && argc == 4) return importFile(argv[2], argv[3]);
    if (cmd == "serve" && argc == 4) return serve(argc, argv, argv[2], std::atoi(argv[3]));
    if (cmd == "inproc" && argc >= 8) {
        return inproc(argv[2], std::strtoll(argv[3], nullptr, 10), std::strtoll(argv[4], nullptr, 10),
                      std::strtoll(argv[5], nullptr, 10), std::atoi(argv[6]), argc - 7, argv + 7);
    }
    return usage();
}
