#include "widgets/plot_series.h"

#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace vigil::ui {

QString labelsText(const model::Labels &labels)
{
    QString out = QString::fromUtf8(labels.metricName().data(), qsizetype(labels.metricName().size()));
    QStringList parts;
    for (const auto &l : labels) {
        if (l.name == model::kMetricName) continue;
        parts << QStringLiteral("%1=\"%2\"").arg(QString::fromStdString(l.name), QString::fromStdString(l.value));
    }
    if (!parts.isEmpty() || out.isEmpty()) out += QLatin1Char('{') + parts.join(QStringLiteral(", ")) + QLatin1Char('}');
    return out;
}

QString expandLegendTemplate(const QString &tmpl, const model::Labels &labels)
{
    if (tmpl.trimmed().isEmpty()) return labelsText(labels);
    static const QRegularExpression re(QStringLiteral("\\{\\{\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\}\\}"));
    QString out;
    qsizetype pos = 0;
    for (auto it = re.globalMatch(tmpl); it.hasNext();) {
        const auto m = it.next();
        out += tmpl.mid(pos, m.capturedStart() - pos);
        const std::string name = m.captured(1).toStdString();
        const std::string_view v = labels.get(name);
        out += QString::fromUtf8(v.data(), qsizetype(v.size()));
        pos = m.capturedEnd();
    }
    out += tmpl.mid(pos);
    return out;
}

QString seriesKey(int queryIndex, const model::Labels &labels)
{
    return QString::number(queryIndex) + QLatin1Char('|') + QString::fromStdString(labels.toString());
}

SeriesStats computeStats(const QVector<double> &y)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    SeriesStats s{nan, nan, nan, nan};
    double sum = 0;
    qsizetype n = 0;
    for (double v : y) {
        if (std::isnan(v)) continue;
        if (n == 0 || v < s.min) s.min = v;
        if (n == 0 || v > s.max) s.max = v;
        sum += v;
        s.last = v;
        ++n;
    }
    if (n > 0) s.mean = sum / double(n);
    return s;
}

std::vector<PlotSeries> mapMatrix(const promql::Matrix &m, int queryIndex, const QString &legendTemplate,
                                  int64_t stepMs)
{
    std::vector<PlotSeries> out;
    out.reserve(m.size());
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (const auto &s : m) {
        PlotSeries p;
        p.key = seriesKey(queryIndex, s.metric);
        p.name = expandLegendTemplate(legendTemplate, s.metric);
        p.queryIndex = queryIndex;
        p.x.reserve(qsizetype(s.points.size()));
        p.y.reserve(qsizetype(s.points.size()));
        int64_t prev = 0;
        for (size_t i = 0; i < s.points.size(); ++i) {
            const auto &pt = s.points[i];
            if (i > 0 && stepMs > 0 && pt.t - prev > stepMs * 3 / 2) {  // a missing step: break the line
                p.x.push_back(double(prev + stepMs) / 1000.0);
                p.y.push_back(nan);
            }
            p.x.push_back(double(pt.t) / 1000.0);
            p.y.push_back(pt.v);
            prev = pt.t;
        }
        p.stats = computeStats(p.y);
        out.push_back(std::move(p));
    }
    return out;
}

}  // namespace vigil::ui
