#include "query_output.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <vector>

namespace {

using Row = std::vector<std::string>;

// Left-aligned columns separated by two spaces; the last column unpadded.
std::string columns(const std::vector<Row> &rows)
{
    if (rows.empty()) return {};
    std::vector<size_t> width(rows.front().size(), 0);
    for (const Row &r : rows)
        for (size_t i = 0; i < r.size() && i < width.size(); ++i) width[i] = std::max(width[i], r[i].size());
    std::string out;
    for (const Row &r : rows) {
        for (size_t i = 0; i < r.size(); ++i) {
            out += r[i];
            if (i + 1 < r.size()) out += std::string(width[i] - r[i].size() + 2, ' ');
        }
        out += "\n";
    }
    return out;
}

// [1700000000.123, "1.5"] -> time (RFC 3339, UTC, ms) and value as sent.
void samplePair(const QJsonValue &v, std::string *time, std::string *value)
{
    const QJsonArray a = v.toArray();
    const double secs = a.at(0).toDouble();
    *time = QDateTime::fromMSecsSinceEpoch(qint64(secs * 1000.0 + (secs >= 0 ? 0.5 : -0.5)), Qt::UTC)
                .toString(Qt::ISODateWithMs)
                .toStdString();
    *value = a.at(1).toString().toStdString();
}

std::string json(const QJsonValue &v)
{
    if (v.isArray()) return QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact).toStdString();
    if (v.isObject()) return QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact).toStdString();
    return v.toVariant().toString().toStdString();
}

}  // namespace

std::string formatMetric(const QJsonObject &metric)
{
    std::string name = metric.value(QStringLiteral("__name__")).toString().toStdString();
    std::string labels;
    QStringList keys = metric.keys();
    keys.sort();
    for (const QString &k : keys) {
        if (k == QLatin1String("__name__")) continue;
        std::string value = metric.value(k).toString().toStdString();
        std::string escaped;
        for (char c : value) {
            if (c == '\\' || c == '"') escaped += '\\';
            if (c == '\n') {
                escaped += "\\n";
                continue;
            }
            escaped += c;
        }
        labels += (labels.empty() ? "" : ", ") + k.toStdString() + "=\"" + escaped + "\"";
    }
    if (labels.empty()) return name.empty() ? "{}" : name;
    return name + "{" + labels + "}";
}

std::string renderTable(const std::string &kind, const QJsonValue &data)
{
    std::vector<Row> rows;
    if (kind == "series") {
        rows.push_back({"SERIES"});
        for (const auto &s : data.toArray()) rows.push_back({formatMetric(s.toObject())});
        return columns(rows);
    }
    if (kind == "labels") {
        rows.push_back({"VALUE"});
        for (const auto &s : data.toArray()) rows.push_back({s.toString().toStdString()});
        return columns(rows);
    }
    const QJsonObject d = data.toObject();
    const QString type = d.value(QStringLiteral("resultType")).toString();
    const QJsonValue result = d.value(QStringLiteral("result"));
    std::string time, value;
    if (type == QLatin1String("vector")) {
        rows.push_back({"METRIC", "VALUE", "TIME"});
        for (const auto &s : result.toArray()) {
            const QJsonObject o = s.toObject();
            samplePair(o.value(QStringLiteral("value")), &time, &value);
            rows.push_back({formatMetric(o.value(QStringLiteral("metric")).toObject()), value, time});
        }
    } else if (type == QLatin1String("matrix")) {
        rows.push_back({"METRIC", "VALUE", "TIME"});
        for (const auto &s : result.toArray()) {
            const QJsonObject o = s.toObject();
            const std::string metric = formatMetric(o.value(QStringLiteral("metric")).toObject());
            for (const auto &p : o.value(QStringLiteral("values")).toArray()) {
                samplePair(p, &time, &value);
                rows.push_back({metric, value, time});
            }
        }
    } else if (type == QLatin1String("scalar") || type == QLatin1String("string")) {
        rows.push_back({"VALUE", "TIME"});
        samplePair(result, &time, &value);
        rows.push_back({value, time});
    } else {
        return json(data) + "\n";
    }
    return columns(rows);
}
