// ApiV1: /api/v1/query, /api/v1/query_range, /api/v1/format_query, /api/v1/parse_query.
#include "web/api_v1.h"

#include "promql/go_strconv.h"
#include "promql/parser.h"
#include "promql/printer.h"
#include "rules/go_format.h"
#include "web/api_params.h"
#include "web/ast_json.h"
#include "web/json_writer.h"

#include <QDateTime>

#include <cmath>
#include <type_traits>

namespace vigil::web {

namespace {

using ErrorType = ApiV1::ErrorType;

// Prometheus's timestamp form: seconds, then '.' and three digits of ms when
// the ms part is not zero ("1435781451.781", "1.500", "12").
void writeTimestamp(std::string &out, int64_t t)
{
    if (t < 0) {
        out.push_back('-');
        t = -t;
    }
    out += std::to_string(t / 1000);
    const int64_t frac = t % 1000;
    if (frac != 0) {
        out.push_back('.');
        if (frac < 100) out.push_back('0');
        if (frac < 10) out.push_back('0');
        out += std::to_string(frac);
    }
}

// [<t>,"<v>"]
std::string pointJson(int64_t t, std::string_view value)
{
    std::string out = "[";
    writeTimestamp(out, t);
    out.push_back(',');
    appendJsonString(out, value);
    out.push_back(']');
    return out;
}

// A vector's or matrix's sample value as Prometheus 2.42's marshalPointJSON
// prints it: 'f' form, but 'e' below 1e-6 and from 1e21 on ("1.5e-07",
// "1e+21"); scalars keep the plain 'f' form.
std::string sampleValue(double v)
{
    const double a = std::fabs(v);
    if (a != 0 && (a < 1e-6 || a >= 1e21)) return rules::goFormatFloatE(v);
    return promql::formatFloat(v);
}

std::string valueJson(const promql::Value &value, const char *&resultType)
{
    JsonWriter w;
    std::visit(
        [&](const auto &v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, promql::Scalar>) {
                resultType = "scalar";
                w.raw(pointJson(v.t, promql::formatFloat(v.v)));
            } else if constexpr (std::is_same_v<T, promql::String>) {
                resultType = "string";
                w.raw(pointJson(v.t, v.v));
            } else if constexpr (std::is_same_v<T, promql::Vector>) {
                resultType = "vector";
                w.beginArray();
                for (const auto &s : v) {
                    w.beginObject().key("metric").labels(s.metric);
                    w.key("value").raw(pointJson(s.t, sampleValue(s.v)));
                    w.endObject();
                }
                w.endArray();
            } else {
                resultType = "matrix";
                w.beginArray();
                for (const auto &s : v) {
                    w.beginObject().key("metric").labels(s.metric).key("values").beginArray();
                    for (const auto &p : s.points) w.raw(pointJson(p.t, sampleValue(p.v)));
                    w.endArray().endObject();
                }
                w.endArray();
            }
        },
        value);
    return w.take();
}

QHttpServerResponse invalidParam(const std::string &name, const std::string &message)
{
    return ApiV1::error(ErrorType::BadData, "invalid parameter \"" + name + "\": " + message);
}

}  // namespace

Result<std::chrono::steady_clock::time_point> ApiV1::deadlineFrom(const ApiParams &p) const
{
    int64_t timeoutMs = sources_.options.queryTimeoutMs > 0 ? sources_.options.queryTimeoutMs : INT64_MAX / 4;
    if (const std::string to = p.get("timeout"); !to.empty()) {
        auto d = parseApiDuration(to);
        if (!d.isOk())
            return Status::invalidArgument("invalid parameter \"timeout\": " + d.status().message());
        timeoutMs = std::min(timeoutMs, std::max<int64_t>(*d, 0));
    }
    return std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
}

QHttpServerResponse ApiV1::query(const ApiParams &p)
{
    QueryRequest req;
    req.instant = true;
    auto t = timeParam(p, "time", QDateTime::currentMSecsSinceEpoch());
    if (!t.isOk()) return error(ErrorType::BadData, t.status().message());
    req.startMs = req.endMs = *t;
    auto deadline = deadlineFrom(p);
    if (!deadline.isOk()) return error(ErrorType::BadData, deadline.status().message());
    req.deadline = *deadline;
    req.query = p.get("query");
    return runQuery(std::move(req));
}

QHttpServerResponse ApiV1::queryRange(const ApiParams &p)
{
    QueryRequest req;
    req.instant = false;
    auto start = parseApiTime(p.get("start"));
    if (!start.isOk()) return invalidParam("start", start.status().message());
    auto end = parseApiTime(p.get("end"));
    if (!end.isOk()) return invalidParam("end", end.status().message());
    if (*end < *start) return invalidParam("end", "end timestamp must not be before start time");
    auto step = parseApiDuration(p.get("step"));
    if (!step.isOk()) return invalidParam("step", step.status().message());
    if (*step <= 0) {
        return invalidParam(
            "step", "zero or negative query resolution step widths are not accepted. Try a positive integer");
    }
    if ((*end - *start) / *step > 11000) {
        return error(ErrorType::BadData,
                     "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query "
                     "resolution (?step=XX)");
    }
    auto deadline = deadlineFrom(p);
    if (!deadline.isOk()) return error(ErrorType::BadData, deadline.status().message());
    req.startMs = *start;
    req.endMs = *end;
    req.stepMs = *step;
    req.deadline = *deadline;
    req.query = p.get("query");
    return runQuery(std::move(req));
}

QHttpServerResponse ApiV1::runQuery(QueryRequest req)
{
    // Parse errors are the caller's (bad_data); everything after is execution.
    if (auto parsed = promql::parseExpr(req.query); !parsed.isOk()) {
        return invalidParam("query", parsed.status().message());
    }
    if (!sources_.query) return error(ErrorType::Unavailable, "the query engine is not available");
    auto result = sources_.query(req);
    if (!result.isOk()) return error(errorTypeFor(result.status()), result.status().message());
    const char *resultType = "";
    std::string data = valueJson(result->value, resultType);
    JsonWriter w;
    w.beginObject().key("resultType").string(resultType).key("result").raw(data).endObject();
    return success(w.str(), result->warnings, result->infos);
}

QHttpServerResponse ApiV1::queryExemplars(const ApiParams &p)
{
    // Vigil stores no exemplars: a valid request gets the empty list Prometheus
    // returns when there are none (Grafana asks for them with every panel query).
    auto start = timeParam(p, "start", kApiMinTimeMs);
    if (!start.isOk()) return error(ErrorType::BadData, start.status().message());
    auto end = timeParam(p, "end", kApiMaxTimeMs);
    if (!end.isOk()) return error(ErrorType::BadData, end.status().message());
    if (*end < *start) return invalidParam("end", "end timestamp must not be before start time");
    auto parsed = promql::parseExpr(p.get("query"));
    if (!parsed.isOk())
        return error(ErrorType::BadData, parsed.status().message());  // unwrapped, as Prometheus
    return success("[]");
}

QHttpServerResponse ApiV1::formatQuery(const ApiParams &p)
{
    auto parsed = promql::parseExpr(p.get("query"));
    if (!parsed.isOk()) return invalidParam("query", parsed.status().message());
    JsonWriter w;
    w.string(promql::prettyString(**parsed));
    return success(w.str());
}

QHttpServerResponse ApiV1::parseQuery(const ApiParams &p)
{
    auto parsed = promql::parseExpr(p.get("query"));
    if (!parsed.isOk()) return invalidParam("query", parsed.status().message());
    JsonWriter w;
    writeAstJson(w, **parsed);
    return success(w.str());
}

}  // namespace vigil::web
