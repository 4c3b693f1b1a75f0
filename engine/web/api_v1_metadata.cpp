// ApiV1: /api/v1/series, /labels, /label/<name>/values, /metadata, /targets, /targets/metadata.
#include "web/api_v1.h"

#include "promql/duration.h"
#include "promql/parser.h"
#include "web/api_params.h"
#include "web/json_writer.h"

#include <QUrl>

#include <algorithm>
#include <charconv>
#include <set>

namespace vigil::web {

namespace {

using ErrorType = ApiV1::ErrorType;

// limit: empty means none (-1); "0" also means none (as Prometheus).
Result<int64_t> parseLimit(const ApiParams &p)
{
    const std::string s = p.get("limit");
    if (s.empty()) return int64_t(-1);
    int64_t v = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || ptr != s.data() + s.size() || v < 0) {
        return Status::invalidArgument("limit must be a number");
    }
    return v == 0 ? int64_t(-1) : v;
}

bool validLabelName(std::string_view n)
{
    if (n.empty()) return false;
    for (size_t i = 0; i < n.size(); ++i) {
        const char c = n[i];
        const bool ok =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
        if (!ok) return false;
    }
    return true;
}

struct RangeAndMatchers {
    int64_t start = 0;
    int64_t end = 0;
    std::vector<std::vector<model::Matcher>> sets;
    int64_t limit = -1;
};

Result<RangeAndMatchers> rangeAndMatchers(const ApiParams &p)
{
    RangeAndMatchers r;
    auto start = timeParam(p, "start", kApiMinTimeMs);
    if (!start.isOk()) return start.status();
    auto end = timeParam(p, "end", kApiMaxTimeMs);
    if (!end.isOk()) return end.status();
    auto sets = parseMatchParams(p.all("match[]"));
    if (!sets.isOk()) return sets.status();
    auto limit = parseLimit(p);
    if (!limit.isOk()) return limit.status();
    r.start = *start;
    r.end = *end;
    r.sets = std::move(*sets);
    r.limit = *limit;
    return r;
}

const char *kTruncated = "results truncated due to limit";

// Sorted unique strings, truncated to limit (warning when truncated).
QHttpServerResponse stringListResponse(std::set<std::string> values, int64_t limit)
{
    std::vector<std::string> out(values.begin(), values.end());
    std::vector<std::string> warnings;
    if (limit > 0 && int64_t(out.size()) > limit) {
        out.resize(size_t(limit));
        warnings.push_back(kTruncated);
    }
    JsonWriter w;
    w.stringArray(out);
    return ApiV1::success(w.str(), warnings);
}

std::string goDuration(int64_t ms)
{
    return promql::formatDuration(ms);
}

std::string globalUrl(const std::string &url, const std::string &externalUrl)
{
    if (externalUrl.empty()) return url;
    QUrl u(QString::fromStdString(url));
    const QUrl ext(QString::fromStdString(externalUrl));
    const QString host = u.host();
    if (host == QLatin1String("localhost") || host.startsWith(QLatin1String("127.")) ||
        host == QLatin1String("::1")) {
        u.setHost(ext.host());
    }
    return u.toString().toStdString();
}

}  // namespace

QHttpServerResponse ApiV1::series(const ApiParams &p)
{
    if (!p.has("match[]")) return error(ErrorType::BadData, "no match[] parameter provided");
    auto args = rangeAndMatchers(p);
    if (!args.isOk()) return error(ErrorType::BadData, args.status().message());
    auto querier = sources_.queryable->querier(args->start, args->end);
    if (!querier.isOk()) return error(errorTypeFor(querier.status()), querier.status().message());
    std::set<model::Labels> found;
    for (const auto &set : args->sets) {
        auto series = (*querier)->select(set);
        if (!series.isOk()) return error(ErrorType::Execution, series.status().message());
        for (const auto &s : *series) found.insert(s->labels());
    }
    std::vector<std::string> warnings;
    JsonWriter w;
    w.beginArray();
    int64_t n = 0;
    for (const auto &ls : found) {
        if (args->limit > 0 && n == args->limit) {
            warnings.push_back(kTruncated);
            break;
        }
        w.labels(ls);
        ++n;
    }
    w.endArray();
    return success(w.str(), warnings);
}

QHttpServerResponse ApiV1::labelNames(const ApiParams &p)
{
    auto args = rangeAndMatchers(p);
    if (!args.isOk()) return error(ErrorType::BadData, args.status().message());
    auto querier = sources_.queryable->querier(args->start, args->end);
    if (!querier.isOk()) return error(errorTypeFor(querier.status()), querier.status().message());
    std::set<std::string> names;
    if (args->sets.empty()) args->sets.emplace_back();
    for (const auto &set : args->sets) {
        auto r = (*querier)->labelNames(set);
        if (!r.isOk()) return error(ErrorType::Execution, r.status().message());
        names.insert(r->begin(), r->end());
    }
    return stringListResponse(std::move(names), args->limit);
}

QHttpServerResponse ApiV1::labelValues(const std::string &name, const ApiParams &p)
{
    if (!validLabelName(name)) return error(ErrorType::BadData, "invalid label name: \"" + name + "\"");
    auto args = rangeAndMatchers(p);
    if (!args.isOk()) return error(ErrorType::BadData, args.status().message());
    auto querier = sources_.queryable->querier(args->start, args->end);
    if (!querier.isOk()) return error(errorTypeFor(querier.status()), querier.status().message());
    std::set<std::string> values;
    if (args->sets.empty()) args->sets.emplace_back();
    for (const auto &set : args->sets) {
        auto r = (*querier)->labelValues(name, set);
        if (!r.isOk()) return error(ErrorType::Execution, r.status().message());
        values.insert(r->begin(), r->end());
    }
    return stringListResponse(std::move(values), args->limit);
}

QHttpServerResponse ApiV1::metricMetadata(const ApiParams &p)
{
    auto limit = parseLimit(p);
    if (!limit.isOk()) return error(ErrorType::BadData, limit.status().message());
    int64_t perMetric = -1;
    if (const std::string s = p.get("limit_per_metric"); !s.empty()) {
        auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), perMetric);
        if (ec != std::errc() || ptr != s.data() + s.size()) {
            return error(ErrorType::BadData, "limit_per_metric must be a number");
        }
    }
    const std::string metric = p.get("metric");
    using Key = std::tuple<std::string, std::string, std::string>;  // type, help, unit
    std::map<std::string, std::vector<Key>> metrics;
    auto add = [&](const std::string &name, const exposition::MetricMetadata &md) {
        auto &list = metrics[name];
        Key k{std::string(exposition::metricTypeName(md.type)), md.help, md.unit};
        if (std::find(list.begin(), list.end(), k) != list.end()) return;
        if (perMetric > 0 && int64_t(list.size()) >= perMetric) return;
        list.push_back(std::move(k));
    };
    if (sources_.metadata) {
        for (const auto &[url, mds] : sources_.metadata()) {
            if (metric.empty()) {
                for (const auto &[name, md] : mds) add(name, md);
            } else if (auto it = mds.find(metric); it != mds.end()) {
                add(metric, it->second);
            }
        }
    }
    JsonWriter w;
    w.beginObject();
    int64_t n = 0;
    for (const auto &[name, list] : metrics) {
        if (*limit >= 0 && n >= *limit) break;
        w.key(name).beginArray();
        for (const auto &[type, help, unit] : list) {
            w.beginObject()
                .key("type")
                .string(type)
                .key("help")
                .string(help)
                .key("unit")
                .string(unit)
                .endObject();
        }
        w.endArray();
        ++n;
    }
    w.endObject();
    return success(w.str());
}

QHttpServerResponse ApiV1::targets(const ApiParams &p)
{
    const std::string state = p.get("state");
    const bool any = state.empty() || state == "any";
    const bool active = any || state == "active";
    const bool dropped = any || state == "dropped";
    const std::string pool = p.get("scrapePool");
    JsonWriter w;
    w.beginObject().key("activeTargets");
    if (active) {
        w.beginArray();
        const auto list = sources_.targets ? sources_.targets() : std::vector<scrape::TargetSnapshot>{};
        for (const auto &t : list) {
            if (!pool.empty() && t.job != pool) continue;
            w.beginObject();
            w.key("discoveredLabels").labels(t.discoveredLabels);
            w.key("labels").labels(t.labels);
            w.key("scrapePool").string(t.job);
            w.key("scrapeUrl").string(t.url);
            w.key("globalUrl").string(globalUrl(t.url, sources_.options.externalUrl));
            w.key("lastError").string(t.health.lastError);
            w.key("lastScrape")
                .string(t.health.lastScrapeMs == 0 ? std::string("0001-01-01T00:00:00Z")
                                                   : formatRfc3339Nano(t.health.lastScrapeMs));
            w.key("lastScrapeDuration").number(double(t.health.lastScrapeDurationMs) / 1000.0);
            w.key("health").string(scrape::healthStateName(t.health.health));
            w.key("scrapeInterval").string(goDuration(t.intervalMs));
            w.key("scrapeTimeout").string(goDuration(t.timeoutMs));
            w.endObject();
        }
        w.endArray();
    } else {
        w.beginArray().endArray();
    }
    w.key("droppedTargets");
    if (dropped) {
        w.beginArray();
        const auto list = sources_.droppedTargets ? sources_.droppedTargets() : std::vector<model::Labels>{};
        for (const auto &ls : list) w.beginObject().key("discoveredLabels").labels(ls).endObject();
        w.endArray();
    } else {
        w.beginArray().endArray();
    }
    w.endObject();
    return success(w.str());
}

QHttpServerResponse ApiV1::targetsMetadata(const ApiParams &p)
{
    auto limit = parseLimit(p);
    if (!limit.isOk()) return error(ErrorType::BadData, limit.status().message());
    std::vector<model::Matcher> matchers;
    const std::string matchTarget = p.get("match_target");
    if (!matchTarget.empty()) {
        auto ms = promql::parseMetricSelector(matchTarget);
        if (!ms.isOk()) return error(ErrorType::BadData, ms.status().message());
        matchers = std::move(*ms);
    }
    const std::string metric = p.get("metric");
    const auto all = sources_.metadata ? sources_.metadata() : std::map<std::string, TargetMetadata>{};
    const auto list = sources_.targets ? sources_.targets() : std::vector<scrape::TargetSnapshot>{};
    JsonWriter w;
    w.beginArray();
    int64_t n = 0;
    auto entry = [&](const scrape::TargetSnapshot &t, const std::string *name,
                     const exposition::MetricMetadata &md) {
        w.beginObject().key("target").labels(t.labels);
        if (name) w.key("metric").string(*name);
        w.key("type").string(exposition::metricTypeName(md.type)).key("help").string(md.help);
        w.key("unit").string(md.unit).endObject();
        ++n;
    };
    for (const auto &t : list) {
        if (*limit >= 0 && n >= *limit) break;
        bool match = true;
        for (const auto &m : matchers) match = match && m.matches(t.labels.get(m.name()));
        if (!match) continue;
        const auto it = all.find(t.url);
        if (it == all.end()) continue;
        if (metric.empty()) {
            for (const auto &[name, md] : it->second) entry(t, &name, md);
        } else if (auto mit = it->second.find(metric); mit != it->second.end()) {
            entry(t, nullptr, mit->second);
        }
    }
    w.endArray();
    return success(w.str());
}

}  // namespace vigil::web
