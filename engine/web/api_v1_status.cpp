// ApiV1: /api/v1/status/{buildinfo,config,flags,runtimeinfo,tsdb}.
#include "web/api_v1.h"

#include "promql/duration.h"
#include "web/api_params.h"
#include "web/json_writer.h"

#include <QDateTime>
#include <QThread>

#include <algorithm>
#include <map>
#include <set>

namespace vigil::web {

namespace {

using ErrorType = ApiV1::ErrorType;

std::string boolString(bool b)
{
    return b ? "true" : "false";
}

// The flag values the engine runs with, by Prometheus flag name.
std::map<std::string, std::string> flagValues(const config::EngineOptions &o)
{
    auto dur = [](int64_t ms) { return promql::formatDuration(ms); };
    return {
        {"config.file", o.configFile},
        {"storage.tsdb.path", o.storagePath},
        {"storage.tsdb.retention.time", dur(o.retentionTimeMs)},
        {"storage.tsdb.retention.size",
         o.retentionSizeBytes > 0 ? std::to_string(o.retentionSizeBytes) + "B" : "0B"},
        {"web.listen-address", o.listenAddress},
        {"web.enable", boolString(o.webEnabled)},
        {"web.allow-non-loopback", boolString(o.allowNonLoopback)},
        {"web.enable-lifecycle", boolString(o.enableLifecycle)},
        {"web.enable-admin-api", boolString(o.enableAdminApi)},
        {"web.enable-remote-write-receiver", boolString(o.enableRemoteWriteReceiver)},
        {"web.external-url", o.externalUrl},
        {"query.lookback-delta", dur(o.lookbackDeltaMs)},
        {"query.timeout", dur(o.queryTimeoutMs)},
        {"query.max-concurrency", std::to_string(o.queryMaxConcurrency)},
        {"query.max-samples", std::to_string(o.queryMaxSamples)},
        {"log.level", o.logLevel},
        {"rules.alert.for-outage-tolerance", dur(o.rulesOutageToleranceMs)},
        {"rules.alert.for-grace-period", dur(o.rulesForGracePeriodMs)},
        {"rules.alert.resend-delay", dur(o.rulesResendDelayMs)},
        {"scrape.self", boolString(o.selfScrape)},
    };
}

struct Count {
    std::string name;
    uint64_t value;
};

// The 10 largest entries, largest first (ties by name).
std::vector<Count> top10(const std::map<std::string, uint64_t> &m)
{
    std::vector<Count> v;
    v.reserve(m.size());
    for (const auto &[k, n] : m) v.push_back({k, n});
    std::sort(v.begin(), v.end(), [](const Count &a, const Count &b) {
        return a.value != b.value ? a.value > b.value : a.name < b.name;
    });
    if (v.size() > 10) v.resize(10);
    return v;
}

void writeCounts(JsonWriter &w, const char *key, const std::map<std::string, uint64_t> &m)
{
    w.key(key).beginArray();
    for (const auto &c : top10(m)) {
        w.beginObject().key("name").string(c.name).key("value").integer(int64_t(c.value)).endObject();
    }
    w.endArray();
}

}  // namespace

QHttpServerResponse ApiV1::buildInfo(const ApiParams &)
{
    const BuildInfo &b = sources_.buildInfo;
    JsonWriter w;
    w.beginObject()
        .key("version")
        .string(b.version)
        .key("revision")
        .string(b.revision)
        .key("branch")
        .string(b.branch)
        .key("buildUser")
        .string(b.buildUser)
        .key("buildDate")
        .string(b.buildDate)
        .key("goVersion")
        .string(b.goVersion)
        .endObject();
    return success(w.str());
}

QHttpServerResponse ApiV1::configStatus(const ApiParams &)
{
    JsonWriter w;
    w.beginObject()
        .key("yaml")
        .string(sources_.configYaml ? sources_.configYaml() : std::string())
        .endObject();
    return success(w.str());
}

QHttpServerResponse ApiV1::flags(const ApiParams &)
{
    JsonWriter w;
    w.beginObject();
    for (const auto &[k, v] : flagValues(sources_.options)) w.key(k).string(v);
    w.endObject();
    return success(w.str());
}

QHttpServerResponse ApiV1::runtimeInfo(const ApiParams &)
{
    const auto &o = sources_.options;
    std::string retention;
    if (o.retentionTimeMs > 0) retention = promql::formatDuration(o.retentionTimeMs);
    if (o.retentionSizeBytes > 0) {
        retention += (retention.empty() ? "" : " or ") + std::to_string(o.retentionSizeBytes) + "B";
    }
    JsonWriter w;
    w.beginObject()
        .key("startTime")
        .string(formatRfc3339Nano(sources_.startTimeMs))
        .key("CWD")
        .string(sources_.workingDirectory)
        .key("reloadConfigSuccess")
        .boolean(true)
        .key("lastConfigTime")
        .string(formatRfc3339Nano(sources_.startTimeMs))
        .key("corruptionCount")
        .integer(0)
        .key("goroutineCount")
        .integer(QThreadPool::globalInstance()->activeThreadCount() + 1)
        .key("GOMAXPROCS")
        .integer(QThread::idealThreadCount())
        .key("GOGC")
        .string("")
        .key("GODEBUG")
        .string("")
        .key("storageRetention")
        .string(retention)
        .endObject();
    return success(w.str());
}

QHttpServerResponse ApiV1::tsdbStatus(const ApiParams &)
{
    HeadStatsInfo head = sources_.headStats ? sources_.headStats() : HeadStatsInfo{};
    auto querier = sources_.queryable->querier(kApiMinTimeMs, kApiMaxTimeMs);
    if (!querier.isOk()) return error(errorTypeFor(querier.status()), querier.status().message());
    auto matcher = model::Matcher::create(model::Matcher::Type::Regex, std::string(model::kMetricName), ".+");
    auto all = (*querier)->select({*matcher});
    if (!all.isOk()) return error(ErrorType::Internal, all.status().message());
    std::map<std::string, uint64_t> byMetric, bytesByName, byPair;
    std::map<std::string, std::set<std::string>> valuesByName;
    uint64_t labelPairs = 0;
    std::set<std::pair<std::string, std::string>> pairs;
    // Head-like window for minTime/maxTime: the last three hours of samples.
    const int64_t cutoff = QDateTime::currentMSecsSinceEpoch() - 3 * 3600 * 1000;
    int64_t minT = INT64_MAX, maxT = INT64_MIN;
    const bool computeTimes = head.minTimeMs == 0 && head.maxTimeMs == 0;
    for (const auto &s : *all) {
        const model::Labels &ls = s->labels();
        if (computeTimes) {
            auto it = s->iterator();
            if (it->seek(cutoff)) {
                minT = std::min(minT, it->at().t);
                int64_t last = it->at().t;
                while (it->next()) last = it->at().t;
                maxT = std::max(maxT, last);
            }
        }
        ++byMetric[std::string(ls.metricName())];
        for (const auto &l : ls) {
            const std::string pair = l.name + "=" + l.value;
            ++byPair[pair];
            if (pairs.insert({l.name, l.value}).second) {
                ++labelPairs;
                valuesByName[l.name].insert(l.value);
                bytesByName[l.name] += l.value.size();
            }
        }
    }
    std::map<std::string, uint64_t> valueCounts;
    for (const auto &[name, vals] : valuesByName) valueCounts[name] = vals.size();
    if (head.numSeries == 0) head.numSeries = all->size();
    if (computeTimes) {
        // Prometheus reports an empty head as minTime MaxInt64, maxTime MinInt64.
        head.minTimeMs = minT;
        head.maxTimeMs = maxT;
    }
    JsonWriter w;
    w.beginObject()
        .key("headStats")
        .beginObject()
        .key("numSeries")
        .integer(int64_t(head.numSeries))
        .key("numLabelPairs")
        .integer(int64_t(labelPairs))
        .key("chunkCount")
        .integer(int64_t(head.chunkCount))
        .key("minTime")
        .integer(head.minTimeMs)
        .key("maxTime")
        .integer(head.maxTimeMs)
        .endObject();
    writeCounts(w, "seriesCountByMetricName", byMetric);
    writeCounts(w, "labelValueCountByLabelName", valueCounts);
    writeCounts(w, "memoryInBytesByLabelName", bytesByName);
    writeCounts(w, "seriesCountByLabelValuePair", byPair);
    w.endObject();
    return success(w.str());
}

}  // namespace vigil::web
