#include "tsdb/openmetrics_import.h"

#include "tsdb/block_format.h"
#include "tsdb/block_writer.h"

#include "core/log.h"
#include "exposition/parser.h"
#include "model/labels.h"

#include <QDir>
#include <QLockFile>
#include <QString>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <unordered_map>

namespace vigil::tsdb {

namespace fs = std::filesystem;

namespace {

struct ImportSample {
    int64_t t;
    double v;
    uint32_t line;
};

struct ImportSeries {
    model::Labels labels;
    std::vector<ImportSample> samples;
};

int64_t alignDown(int64_t t, int64_t range)
{
    int64_t q = t / range;
    if (t % range != 0 && t < 0) --q;
    return q * range;
}

uint64_t nextSeq(const std::string &blocksDir)
{
    uint64_t maxSeq = 0;
    std::error_code ec;
    for (fs::directory_iterator it(blocksDir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.ends_with(block_format::kFileSuffix)) continue;
        maxSeq = std::max<uint64_t>(maxSeq, std::strtoull(name.c_str(), nullptr, 10));
    }
    return maxSeq + 1;
}

std::string seqName(uint64_t seq)
{
    char name[32];
    std::snprintf(name, sizeof name, "%010llu%s", (unsigned long long)seq, block_format::kFileSuffix);
    return name;
}

// Parses and validates the whole file into series sorted by labels, each
// sorted by timestamp without duplicates.
Status parseFile(const std::string &file, std::vector<ImportSeries> *out, ImportStats *stats)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) return Status::notFound("cannot open " + file + ": " + std::strerror(errno));
    std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return Status::ioError("reading " + file + ": " + std::strerror(errno));

    std::unordered_map<std::string, uint32_t> index;
    std::vector<ImportSeries> series;
    std::string key;
    std::vector<model::Label> ls;
    auto p = exposition::Parser::create(exposition::Format::OpenMetrics, body);
    for (;;) {
        const exposition::Entry e = p->next();
        if (e == exposition::Entry::Eof) break;
        if (e == exposition::Entry::Invalid) return Status::invalidArgument(file + ":" + p->status().message());
        if (e != exposition::Entry::Series) continue;
        ++stats->lines;
        if (!p->hasTimestamp())
            return Status::invalidArgument(file + ":" + std::to_string(p->line()) +
                                           ": sample without a timestamp (every sample of an import needs one)");
        ls.clear();
        ls.push_back({std::string(model::kMetricName), std::string(p->metricName())});
        for (const auto &l : p->labels()) {
            if (!l.value.empty()) ls.push_back({std::string(l.name), std::string(l.value)});
        }
        std::sort(ls.begin(), ls.end(), [](const model::Label &a, const model::Label &b) { return a.name < b.name; });
        key.clear();
        for (const auto &l : ls) {
            key += l.name;
            key.push_back('\0');
            key += l.value;
            key.push_back('\0');
        }
        auto [it, inserted] = index.try_emplace(key, uint32_t(series.size()));
        if (inserted) series.push_back({model::Labels::fromSorted(ls), {}});
        series[it->second].samples.push_back({p->timestamp(), p->value(), uint32_t(p->line())});
    }
    for (ImportSeries &s : series) {
        std::stable_sort(s.samples.begin(), s.samples.end(),
                         [](const ImportSample &a, const ImportSample &b) { return a.t < b.t; });
        size_t w = 0;
        for (size_t r = 0; r < s.samples.size(); ++r) {
            if (w > 0 && s.samples[w - 1].t == s.samples[r].t) {
                if (std::bit_cast<uint64_t>(s.samples[w - 1].v) != std::bit_cast<uint64_t>(s.samples[r].v)) {
                    const uint32_t a = std::min(s.samples[w - 1].line, s.samples[r].line);
                    const uint32_t b = std::max(s.samples[w - 1].line, s.samples[r].line);
                    return Status::invalidArgument(file + ":" + std::to_string(b) + ": " +
                                                   "duplicate sample for timestamp with a different value than line " +
                                                   std::to_string(a) + " (" + s.labels.toString() + ")");
                }
                ++stats->duplicatesDropped;
                continue;
            }
            s.samples[w++] = s.samples[r];
        }
        s.samples.resize(w);
        stats->samples += w;
    }
    std::sort(series.begin(), series.end(),
              [](const ImportSeries &a, const ImportSeries &b) { return a.labels < b.labels; });
    stats->series = series.size();
    *out = std::move(series);
    return Status::ok();
}

// Writes one block per aligned range holding data into `staging`; returns
// the file names written.
Status writeBlocks(const std::vector<ImportSeries> &series, const std::string &staging, uint64_t seq,
                   int64_t range, std::vector<std::string> *names, ImportStats *stats)
{
    std::set<int64_t> windows;
    for (const auto &s : series) {
        for (const auto &smp : s.samples) windows.insert(alignDown(smp.t, range));
    }
    std::vector<int64_t> ts;
    std::vector<double> vs;
    for (int64_t ws : windows) {
        const int64_t we = ws > INT64_MAX - range ? INT64_MAX : ws + range;  // exclusive
        const std::string name = seqName(seq);
        auto w = BlockWriter::create(staging + "/" + name, seq, BlockMeta::Source::Import, 9);
        if (!w) return w.status();
        for (const auto &s : series) {
            auto lo = std::lower_bound(s.samples.begin(), s.samples.end(), ws,
                                       [](const ImportSample &a, int64_t t) { return a.t < t; });
            ts.clear();
            vs.clear();
            for (auto it = lo; it != s.samples.end() && (it->t < we || we == INT64_MAX); ++it) {
                ts.push_back(it->t);
                vs.push_back(it->v);
            }
            if (!ts.empty()) VIGIL_RETURN_IF_ERROR((*w)->addSeries(s.labels, ts, vs));
        }
        auto meta = (*w)->finish();
        if (!meta) return meta.status();
        if (meta->numSeries == 0) continue;
        std::error_code ec;
        stats->bytes += fs::file_size(staging + "/" + name, ec);
        names->push_back(name);
        ++stats->blocks;
        ++seq;
    }
    return Status::ok();
}

}  // namespace

Status importOpenMetrics(const std::string &file, const std::string &dbDir, ImportStats *statsOut,
                         const ImportOptions &options)
{
    ImportStats stats;
    if (options.blockRangeMs <= 0) return Status::invalidArgument("block range must be > 0 ms");
    const QString lockDir = QString::fromStdString(options.lockDir.empty() ? dbDir : options.lockDir);
    if (!QDir().mkpath(lockDir) || !QDir().mkpath(QString::fromStdString(dbDir + "/blocks")))
        return Status::ioError("cannot create " + dbDir);
    QLockFile lock(QDir(lockDir).filePath(QStringLiteral("lock")));
    lock.setStaleLockTime(0);
    if (!lock.tryLock(100)) {
        qint64 pid = 0;
        QString host, app;
        lock.getLockInfo(&pid, &host, &app);
        return Status::failedPrecondition("data directory " + lockDir.toStdString() +
                                          " is in use by another Vigil (pid " + std::to_string(pid) + ")");
    }

    std::vector<ImportSeries> series;
    VIGIL_RETURN_IF_ERROR(parseFile(file, &series, &stats));
    if (stats.samples > 0) {
        stats.minTime = INT64_MAX;
        stats.maxTime = INT64_MIN;
        for (const auto &s : series) {
            stats.minTime = std::min(stats.minTime, s.samples.front().t);
            stats.maxTime = std::max(stats.maxTime, s.samples.back().t);
        }
    }

    const std::string blocksDir = dbDir + "/blocks";
    const std::string staging = dbDir + "/import.tmp";
    std::error_code ec;
    fs::remove_all(staging, ec);
    fs::create_directories(staging, ec);
    if (ec) return Status::ioError("creating " + staging + ": " + ec.message());
    std::vector<std::string> names;
    Status st = writeBlocks(series, staging, nextSeq(blocksDir), options.blockRangeMs, &names, &stats);
    // Commit: move every block into place, or none.
    std::vector<std::string> moved;
    for (size_t i = 0; st.isOk() && i < names.size(); ++i) {
        fs::rename(staging + "/" + names[i], blocksDir + "/" + names[i], ec);
        if (ec)
            st = Status::ioError("moving " + names[i] + " into " + blocksDir + ": " + ec.message());
        else
            moved.push_back(names[i]);
    }
    if (!st.isOk()) {
        for (const auto &n : moved) fs::remove(blocksDir + "/" + n, ec);
    }
    fs::remove_all(staging, ec);
    if (!st.isOk()) return st;
    // Make the renames durable.
    if (const int fd = ::open(blocksDir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
    qCInfo(lcTsdb, "imported %s: %llu series, %llu samples in %llu blocks", file.c_str(),
           (unsigned long long)stats.series, (unsigned long long)stats.samples, (unsigned long long)stats.blocks);
    if (statsOut) *statsOut = stats;
    return Status::ok();
}

}  // namespace vigil::tsdb
