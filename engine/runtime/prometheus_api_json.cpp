#include "runtime/prometheus_api_json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace vigil::runtime {

namespace {

Status apiError(const QJsonObject &o)
{
    const std::string type = o.value(QStringLiteral("errorType")).toString().toStdString();
    const std::string msg = o.value(QStringLiteral("error")).toString().toStdString();
    if (type == "bad_data" || type == "execution") return Status::invalidArgument(msg);
    if (type == "timeout") return Status::deadlineExceeded(msg);
    if (type == "canceled") return Status::cancelled(msg);
    if (type == "unavailable") return Status::unavailable(msg);
    if (type == "not_found") return Status::notFound(msg);
    return Status::internal(type.empty() ? msg : type + ": " + msg);
}

// The "data" member of a successful answer, plus warnings.
Result<QJsonValue> dataOf(const QByteArray &body, int httpStatus, std::vector<std::string> *warnings = nullptr)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        std::string head = body.left(200).simplified().toStdString();
        return Status::unavailable("the server did not answer with the Prometheus API (HTTP " +
                                   std::to_string(httpStatus) + (head.empty() ? "" : ": " + head) + ")");
    }
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("status")).toString() != QLatin1String("success")) return apiError(o);
    if (warnings) {
        for (const auto &w : o.value(QStringLiteral("warnings")).toArray()) warnings->push_back(w.toString().toStdString());
    }
    return o.value(QStringLiteral("data"));
}

model::Labels labelsOf(const QJsonObject &metric)
{
    std::vector<model::Label> v;
    v.reserve(size_t(metric.size()));
    for (auto it = metric.begin(); it != metric.end(); ++it)
        v.push_back({it.key().toStdString(), it.value().toString().toStdString()});
    return model::Labels::fromUnsorted(std::move(v));
}

// [<unix seconds>, "<value>"]
Result<promql::Point> pointOf(const QJsonValue &v)
{
    const QJsonArray a = v.toArray();
    if (a.size() != 2 || !a[0].isDouble() || !a[1].isString()) return Status::unavailable("malformed sample in the answer");
    auto value = parseApiValue(a[1].toString());
    if (!value.isOk()) return value.status();
    return promql::Point{int64_t(std::llround(a[0].toDouble() * 1000.0)), *value};
}

}  // namespace

Result<double> parseApiValue(const QString &s)
{
    if (s == QLatin1String("NaN")) return std::numeric_limits<double>::quiet_NaN();
    if (s == QLatin1String("+Inf") || s == QLatin1String("Inf")) return std::numeric_limits<double>::infinity();
    if (s == QLatin1String("-Inf")) return -std::numeric_limits<double>::infinity();
    bool ok = false;
    const double d = s.toDouble(&ok);
    if (!ok) return Status::unavailable("malformed sample value \"" + s.toStdString() + "\" in the answer");
    return d;
}

Result<promql::QueryResult> parseQueryResponse(const QByteArray &body, int httpStatus)
{
    promql::QueryResult out;
    auto data = dataOf(body, httpStatus, &out.warnings);
    if (!data.isOk()) return data.status();
    const QJsonObject d = data->toObject();
    const QString type = d.value(QStringLiteral("resultType")).toString();
    const QJsonValue result = d.value(QStringLiteral("result"));
    if (type == QLatin1String("scalar") || type == QLatin1String("string")) {
        const QJsonArray a = result.toArray();
        if (a.size() != 2) return Status::unavailable("malformed " + type.toStdString() + " in the answer");
        const int64_t t = int64_t(std::llround(a[0].toDouble() * 1000.0));
        if (type == QLatin1String("string")) {
            out.value = promql::String{t, a[1].toString().toStdString()};
        } else {
            auto p = pointOf(result);
            if (!p.isOk()) return p.status();
            out.value = promql::Scalar{p->t, p->v};
        }
    } else if (type == QLatin1String("vector")) {
        promql::Vector v;
        for (const auto &e : result.toArray()) {
            const QJsonObject o = e.toObject();
            auto p = pointOf(o.value(QStringLiteral("value")));
            if (!p.isOk()) return p.status();
            v.push_back({labelsOf(o.value(QStringLiteral("metric")).toObject()), p->t, p->v});
        }
        out.value = std::move(v);
    } else if (type == QLatin1String("matrix")) {
        promql::Matrix m;
        for (const auto &e : result.toArray()) {
            const QJsonObject o = e.toObject();
            promql::MatrixSeries s;
            s.metric = labelsOf(o.value(QStringLiteral("metric")).toObject());
            for (const auto &pv : o.value(QStringLiteral("values")).toArray()) {
                auto p = pointOf(pv);
                if (!p.isOk()) return p.status();
                s.points.push_back(*p);
            }
            m.push_back(std::move(s));
        }
        out.value = std::move(m);
    } else {
        return Status::unavailable("unknown resultType \"" + type.toStdString() + "\" in the answer");
    }
    return out;
}

Result<std::vector<std::string>> parseStringListResponse(const QByteArray &body, int httpStatus)
{
    auto data = dataOf(body, httpStatus);
    if (!data.isOk()) return data.status();
    std::set<std::string> values;
    for (const auto &v : data->toArray()) values.insert(v.toString().toStdString());
    return std::vector<std::string>(values.begin(), values.end());
}

Result<std::vector<model::Labels>> parseSeriesResponse(const QByteArray &body, int httpStatus)
{
    auto data = dataOf(body, httpStatus);
    if (!data.isOk()) return data.status();
    std::vector<model::Labels> out;
    for (const auto &v : data->toArray()) out.push_back(labelsOf(v.toObject()));
    std::sort(out.begin(), out.end());
    return out;
}

Result<std::map<std::string, exposition::MetricMetadata>> parseMetadataResponse(const QByteArray &body, int httpStatus)
{
    auto data = dataOf(body, httpStatus);
    if (!data.isOk()) return data.status();
    std::map<std::string, exposition::MetricMetadata> out;
    const QJsonObject o = data->toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QJsonObject first = it.value().toArray().first().toObject();
        exposition::MetricMetadata md;
        const std::string type = first.value(QStringLiteral("type")).toString().toStdString();
        md.type = exposition::parseOpenMetricsMetricType(type).value_or(
            exposition::parseTextMetricType(type).value_or(exposition::MetricType::Unknown));
        md.help = first.value(QStringLiteral("help")).toString().toStdString();
        md.unit = first.value(QStringLiteral("unit")).toString().toStdString();
        out.emplace(it.key().toStdString(), std::move(md));
    }
    return out;
}

}  // namespace vigil::runtime
