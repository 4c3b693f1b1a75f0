// Driver of the Vigil-vs-Prometheus TSDB benchmark (run.sh calls it; not a
// test). Subcommands, each printing "key value" lines for run.sh:
//   gen FILE SERIES STEPS           write the workload as an OpenMetrics file with timestamps
//   append DIR SERIES STEPS         append through tsdb::Db (WAL on), then persist: rate, RSS, bytes/sample
//   import FILE DIR [HOURS=2]       tsdb::importOpenMetrics of FILE into HOURS-long blocks: rate, bytes/sample
//   storage-choice DIR SERIES STEPS SQLite (XOR chunk rows) vs block files: bytes, write rate, query latency
//   serve PORT SERIES               /metrics of the workload (one step per scrape), for Prometheus's RSS
#include "workload.h"

#include "tsdb/block.h"
#include "tsdb/block_writer.h"
#include "tsdb/db.h"
#include "tsdb/openmetrics_import.h"
#include "tsdb/xor_chunk.h"
#include "tsdb/xor_iterator.h"

#include <sqlite3.h>

#include <arpa/inet.h>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

using namespace vigil;
namespace fs = std::filesystem;

namespace {

long rssKiB()
{
    std::ifstream f("/proc/self/status");
    std::string line;
    while (std::getline(f, line)) {
        if (line.rfind("VmRSS:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
    }
    return -1;
}

double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

double now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

uint64_t treeBytes(const std::string &dir)
{
    uint64_t total = 0;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec)) total += it->file_size(ec);
    }
    return total;
}

std::string fmtDouble(double v)
{
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    std::string s(buf, r.ptr);
    if (s == "inf") return "+Inf";
    if (s == "-inf") return "-Inf";
    if (s == "nan" || s == "-nan") return "NaN";
    return s;
}

std::string labelsText(const model::Labels &ls, bool withName)
{
    std::string out = withName ? std::string(ls.metricName()) : std::string();
    bool first = true;
    for (const auto &l : ls) {
        if (l.name == "__name__") continue;
        out += first ? "{" : ",";
        first = false;
        out += l.name + "=\"" + l.value + "\"";
    }
    if (!first) out += "}";
    return out;
}

// values[s][i]: the workload's value of series i at step s.
std::vector<std::vector<double>> matrix(bench::Workload &w, int steps)
{
    std::vector<std::vector<double>> m(steps);
    for (int s = 0; s < steps; ++s) {
        if (s > 0) w.step();
        m[s].reserve(w.series().size());
        for (const auto &d : w.series()) m[s].push_back(d.v);
    }
    return m;
}

int cmdGen(const std::string &file, int nSeries, int steps)
{
    bench::Workload w(nSeries);
    const auto m = matrix(w, steps);
    const auto &defs = w.series();
    std::FILE *f = std::fopen(file.c_str(), "w");
    if (!f) return 1;
    std::vector<std::string> families;
    std::map<std::string, std::vector<size_t>> byFamily;
    for (size_t i = 0; i < defs.size(); ++i) {
        if (!byFamily.count(defs[i].family)) families.push_back(defs[i].family);
        byFamily[defs[i].family].push_back(i);
    }
    auto ts = [&](int tg, int s) {
        const int64_t t = w.timestamp(tg, s);
        char buf[32];
        std::snprintf(buf, sizeof buf, "%lld.%03lld", (long long)(t / 1000), (long long)(t % 1000));
        return std::string(buf);
    };
    uint64_t lines = 0;
    for (const auto &fam : families) {
        const auto &idx = byFamily[fam];
        const bench::Kind kind = defs[idx.front()].kind;
        const char *type = kind == bench::Kind::Bucket ? "histogram"
                           : (kind == bench::Kind::CpuSeconds || kind == bench::Kind::RequestCounter) ? "counter"
                                                                                                       : "gauge";
        std::fprintf(f, "# TYPE %s %s\n", fam.c_str(), type);
        if (kind == bench::Kind::Bucket) {
            // Per histogram (target): per step, its buckets in le order.
            for (size_t k = 0; k < idx.size();) {
                size_t e = k;
                while (e < idx.size() && defs[idx[e]].target == defs[idx[k]].target) ++e;
                for (int s = 0; s < steps; ++s) {
                    for (size_t j = k; j < e; ++j) {
                        const auto &d = defs[idx[j]];
                        std::fprintf(f, "%s %s %s\n", labelsText(d.labels, true).c_str(), fmtDouble(m[s][idx[j]]).c_str(),
                                     ts(d.target, s).c_str());
                        ++lines;
                    }
                }
                k = e;
            }
        } else {
            for (size_t i : idx) {
                const std::string l = labelsText(defs[i].labels, true);
                for (int s = 0; s < steps; ++s) {
                    std::fprintf(f, "%s %s %s\n", l.c_str(), fmtDouble(m[s][i]).c_str(), ts(defs[i].target, s).c_str());
                    ++lines;
                }
            }
        }
    }
    std::fprintf(f, "# EOF\n");
    std::fclose(f);
    std::printf("gen_samples %llu\n", (unsigned long long)lines);
    return 0;
}

int cmdAppend(const std::string &dir, int nSeries, int steps)
{
    bench::Workload w(nSeries);
    const auto m = matrix(w, steps);
    const auto &defs = w.series();
    const long rss0 = rssKiB();
    tsdb::DbOptions o;
    o.maintenanceInterval = std::chrono::milliseconds(0);  // measure appends alone, then persist
    o.retentionMs = 0;
    auto db = tsdb::Db::open(dir, o);
    if (!db) {
        std::fprintf(stderr, "open: %s\n", db.status().toString().c_str());
        return 1;
    }
    std::vector<storage::SeriesRef> refs(defs.size(), 0);
    auto app = (*db)->appender();
    for (size_t i = 0; i < defs.size(); ++i) {
        auto r = app->append(0, defs[i].labels, w.timestamp(defs[i].target, 0), m[0][i]);
        if (!r) return 1;
        refs[i] = *r;
    }
    if (!app->commit().isOk()) return 1;
    // One commit per target scrape (40 samples), as scrapes arrive.
    const double c0 = cpuSeconds(), w0 = now();
    for (int s = 1; s < steps; ++s) {
        size_t i = 0;
        for (int tg = 0; tg < w.targets(); ++tg) {
            const int64_t t = w.timestamp(tg, s);
            for (; i < defs.size() && defs[i].target == tg; ++i) {
                if (!app->append(refs[i], {}, t, m[s][i])) return 1;
            }
            if (!app->commit().isOk()) return 1;
        }
    }
    const double cpu = cpuSeconds() - c0, wall = now() - w0;
    const long rss1 = rssKiB();
    const double appended = double(defs.size()) * (steps - 1);
    std::printf("append_samples %.0f\nappend_cpu_s %.3f\nappend_wall_s %.3f\n", appended, cpu, wall);
    std::printf("append_rate_cpu %.0f\n", appended / cpu);
    std::printf("rss_kib_total %ld\nrss_kib_delta %ld\nseries %zu\n", rss1, rss1 - rss0, defs.size());
    const double p0 = now();
    const Status st = (*db)->persistAll();
    if (!st.isOk()) {
        std::fprintf(stderr, "persist: %s\n", st.toString().c_str());
        return 1;
    }
    const auto stats = (*db)->stats();
    std::printf("persist_s %.3f\npersisted_bytes %llu\npersisted_samples %llu\n", now() - p0,
                (unsigned long long)stats.persistedBytes, (unsigned long long)stats.persistedSamples);
    return (*db)->close().isOk() ? 0 : 1;
}

int cmdImport(const std::string &file, const std::string &dir, int hours)
{
    tsdb::ImportStats st;
    tsdb::ImportOptions io;
    io.blockRangeMs = int64_t(hours) * 3600 * 1000;
    const double c0 = cpuSeconds(), w0 = now();
    const Status s = tsdb::importOpenMetrics(file, dir, &st, io);
    if (!s.isOk()) {
        std::fprintf(stderr, "import: %s\n", s.toString().c_str());
        return 1;
    }
    std::printf("import_cpu_s %.3f\nimport_wall_s %.3f\nimport_samples %llu\nimport_bytes %llu\nimport_blocks %llu\n",
                cpuSeconds() - c0, now() - w0, (unsigned long long)st.samples, (unsigned long long)st.bytes,
                (unsigned long long)st.blocks);
    return 0;
}

// --- storage choice: SQLite rows of XOR chunks vs block files -------------

int cmdStorageChoice(const std::string &dir, int nSeries, int steps)
{
    bench::Workload w(nSeries);
    const auto m = matrix(w, steps);
    const auto &defs = w.series();
    const double samples = double(defs.size()) * steps;
    const int64_t range = 2LL * 3600 * 1000;
    fs::create_directories(dir);
    // Series in label order (the block writer's order; SQLite ids follow it too).
    std::vector<size_t> order(defs.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return defs[a].labels < defs[b].labels; });
    auto windowOf = [&](int64_t t) { return (t / range) * range; };
    const int64_t firstWindow = windowOf(w.timestamp(0, 0));
    const int64_t lastT = w.timestamp(w.targets() - 1, steps - 1);

    // (a) SQLite: one row per 120-sample XOR chunk, one transaction per 2 h window.
    const std::string dbPath = dir + "/chunks.sqlite";
    fs::remove(dbPath);
    sqlite3 *sq = nullptr;
    sqlite3_open(dbPath.c_str(), &sq);
    sqlite3_exec(sq, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                     "CREATE TABLE series(id INTEGER PRIMARY KEY, labels TEXT NOT NULL UNIQUE);"
                     "CREATE TABLE chunks(series_id INTEGER NOT NULL, mint INTEGER NOT NULL, maxt INTEGER NOT NULL,"
                     " data BLOB NOT NULL, PRIMARY KEY(series_id, mint)) WITHOUT ROWID;",
                 nullptr, nullptr, nullptr);
    double sqCpu0 = cpuSeconds(), sqW0 = now();
    sqlite3_stmt *insS = nullptr, *insC = nullptr;
    sqlite3_prepare_v2(sq, "INSERT INTO series(id, labels) VALUES(?, ?)", -1, &insS, nullptr);
    sqlite3_prepare_v2(sq, "INSERT INTO chunks VALUES(?, ?, ?, ?)", -1, &insC, nullptr);
    sqlite3_exec(sq, "BEGIN", nullptr, nullptr, nullptr);
    for (size_t k = 0; k < order.size(); ++k) {
        const std::string l = defs[order[k]].labels.toString();
        sqlite3_bind_int64(insS, 1, int64_t(k + 1));
        sqlite3_bind_text(insS, 2, l.c_str(), int(l.size()), SQLITE_TRANSIENT);
        sqlite3_step(insS);
        sqlite3_reset(insS);
    }
    sqlite3_exec(sq, "COMMIT", nullptr, nullptr, nullptr);
    for (int64_t ws = firstWindow; ws <= lastT; ws += range) {
        sqlite3_exec(sq, "BEGIN", nullptr, nullptr, nullptr);
        for (size_t k = 0; k < order.size(); ++k) {
            const auto &d = defs[order[k]];
            tsdb::XorChunk c;
            auto flush = [&] {
                if (c.empty()) return;
                sqlite3_bind_int64(insC, 1, int64_t(k + 1));
                sqlite3_bind_int64(insC, 2, c.minTime());
                sqlite3_bind_int64(insC, 3, c.maxTime());
                sqlite3_bind_blob(insC, 4, c.data(), int(c.size()), SQLITE_TRANSIENT);
                sqlite3_step(insC);
                sqlite3_reset(insC);
                c.clear();
            };
            for (int s = 0; s < steps; ++s) {
                const int64_t t = w.timestamp(d.target, s);
                if (t < ws || t >= ws + range) continue;
                if (c.numSamples() >= 120) flush();
                c.append(t, m[s][order[k]]);
            }
            flush();
        }
        sqlite3_exec(sq, "COMMIT", nullptr, nullptr, nullptr);
    }
    sqlite3_exec(sq, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    const double sqCpu = cpuSeconds() - sqCpu0, sqWall = now() - sqW0;
    sqlite3_finalize(insS);
    sqlite3_finalize(insC);
    const uint64_t sqBytes = fs::file_size(dbPath);

    // (b) Block files: one per 2 h window.
    const std::string blockDir = dir + "/blocks";
    fs::remove_all(blockDir);
    fs::create_directories(blockDir);
    const double bCpu0 = cpuSeconds(), bW0 = now();
    std::vector<std::string> paths;
    uint64_t seq = 1;
    for (int64_t ws = firstWindow; ws <= lastT; ws += range) {
        const std::string p = blockDir + "/" + std::to_string(seq) + ".vblk";
        auto bw = tsdb::BlockWriter::create(p, seq++, tsdb::BlockMeta::Source::Head);
        if (!bw) return 1;
        std::vector<int64_t> ts;
        std::vector<double> vs;
        for (size_t k = 0; k < order.size(); ++k) {
            const auto &d = defs[order[k]];
            ts.clear();
            vs.clear();
            for (int s = 0; s < steps; ++s) {
                const int64_t t = w.timestamp(d.target, s);
                if (t < ws || t >= ws + range) continue;
                ts.push_back(t);
                vs.push_back(m[s][order[k]]);
            }
            if (!ts.empty() && !(*bw)->addSeries(d.labels, ts, vs).isOk()) return 1;
        }
        if (!(*bw)->finish()) return 1;
        paths.push_back(p);
    }
    const double bCpu = cpuSeconds() - bCpu0, bWall = now() - bW0;
    const uint64_t bBytes = treeBytes(blockDir);

    // Query latency: the whole range of 200 random series, read sample by sample.
    std::mt19937_64 rng(5);
    std::vector<size_t> picks(200);
    for (auto &p : picks) p = rng() % order.size();
    sqlite3_stmt *sel = nullptr;
    sqlite3_prepare_v2(sq,
                       "SELECT data FROM chunks WHERE series_id = (SELECT id FROM series WHERE labels = ?)"
                       " AND maxt >= ? AND mint <= ? ORDER BY mint",
                       -1, &sel, nullptr);
    double sum = 0;
    uint64_t readSq = 0;
    const double q0 = now();
    for (size_t p : picks) {
        const std::string l = defs[order[p]].labels.toString();
        sqlite3_bind_text(sel, 1, l.c_str(), int(l.size()), SQLITE_TRANSIENT);
        sqlite3_bind_int64(sel, 2, INT64_MIN);
        sqlite3_bind_int64(sel, 3, INT64_MAX);
        while (sqlite3_step(sel) == SQLITE_ROW) {
            tsdb::XorIterator it(static_cast<const uint8_t *>(sqlite3_column_blob(sel, 0)),
                                 size_t(sqlite3_column_bytes(sel, 0)));
            while (it.next()) {
                sum += it.v();
                ++readSq;
            }
        }
        sqlite3_reset(sel);
    }
    const double sqQuery = (now() - q0) / double(picks.size());
    sqlite3_finalize(sel);
    sqlite3_close(sq);

    std::vector<std::shared_ptr<const tsdb::Block>> blocks;
    for (const auto &p : paths) blocks.push_back(*tsdb::Block::open(p));
    uint64_t readB = 0;
    const double b0 = now();
    for (size_t p : picks) {
        std::vector<model::Matcher> ms;
        for (const auto &l : defs[order[p]].labels) ms.push_back(*model::Matcher::create(model::Matcher::Type::Equal, l.name, l.value));
        for (const auto &b : blocks) {
            auto q = b->querier(INT64_MIN, INT64_MAX);
            auto set = q->select(ms);
            for (const auto &s : *set) {
                auto it = s->iterator();
                while (it->next()) {
                    sum += it->at().v;
                    ++readB;
                }
            }
        }
    }
    const double bQuery = (now() - b0) / double(picks.size());
    std::printf("choice_samples %.0f\n", samples);
    std::printf("sqlite_bytes %llu\nsqlite_write_cpu_s %.3f\nsqlite_write_wall_s %.3f\nsqlite_query_ms %.3f\n",
                (unsigned long long)sqBytes, sqCpu, sqWall, sqQuery * 1000);
    std::printf("blocks_bytes %llu\nblocks_write_cpu_s %.3f\nblocks_write_wall_s %.3f\nblocks_query_ms %.3f\n",
                (unsigned long long)bBytes, bCpu, bWall, bQuery * 1000);
    std::printf("query_check %llu %llu %g\n", (unsigned long long)readSq, (unsigned long long)readB, sum);
    return 0;
}

// --- serve: the workload's /metrics for Prometheus ------------------------

int cmdServe(int port, int nSeries)
{
    bench::Workload w(nSeries);
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(uint16_t(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0 || ::listen(fd, 16) != 0) {
        std::perror("bind");
        return 1;
    }
    std::vector<std::string> names;
    for (const auto &d : w.series()) names.push_back(labelsText(d.labels, true));
    for (;;) {
        const int c = ::accept(fd, nullptr, nullptr);
        if (c < 0) continue;
        char req[4096];
        (void)::read(c, req, sizeof req);
        std::string body;
        body.reserve(names.size() * 100);
        for (size_t i = 0; i < names.size(); ++i) body += names[i] + " " + fmtDouble(w.series()[i].v) + "\n";
        w.step();
        const std::string head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: " +
                                 std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n";
        std::string all = head + body;
        for (size_t off = 0; off < all.size();) {
            const ssize_t n = ::write(c, all.data() + off, all.size() - off);
            if (n <= 0) break;
            off += size_t(n);
        }
        ::close(c);
    }
}

}  // namespace

int main(int argc, char **argv)
{
    const std::string cmd = argc > 1 ? argv[1] : "";
    if (cmd == "gen" && argc == 5) return cmdGen(argv[2], std::atoi(argv[3]), std::atoi(argv[4]));
    if (cmd == "append" && argc == 5) return cmdAppend(argv[2], std::atoi(argv[3]), std::atoi(argv[4]));
    if (cmd == "import" && (argc == 4 || argc == 5)) return cmdImport(argv[2], argv[3], argc == 5 ? std::atoi(argv[4]) : 2);
    if (cmd == "storage-choice" && argc == 5) return cmdStorageChoice(argv[2], std::atoi(argv[3]), std::atoi(argv[4]));
    if (cmd == "serve" && argc == 4) return cmdServe(std::atoi(argv[2]), std::atoi(argv[3]));
    std::fprintf(stderr, "usage: see the comment at the top of driver.cpp\n");
    return 2;
}
