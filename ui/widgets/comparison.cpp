#include "widgets/comparison.h"

#include <QCoreApplication>

#include <cmath>
#include <unordered_map>

namespace vigil::ui {

namespace {
const QString kPrefix = QStringLiteral("cmp|");
}

double changePercent(double now, double before)
{
    if (std::isnan(now) || std::isnan(before) || before == 0) return std::nan("");
    return (now - before) / std::abs(before) * 100.0;
}

std::vector<PlotSeries> shiftSeries(std::vector<PlotSeries> earlier, double offsetSec, const QString &label)
{
    for (auto &s : earlier) {
        for (double &x : s.x) x += offsetSec;
        s.key = kPrefix + s.key;
        s.name = QStringLiteral("%1 (%2)").arg(s.name, label);
    }
    return earlier;
}

int annotateChanges(std::vector<PlotSeries> &current, const std::vector<PlotSeries> &shifted, const QString &label)
{
    std::unordered_map<QString, const PlotSeries *> byKey;
    for (const auto &s : shifted) byKey.emplace(s.key.mid(kPrefix.size()), &s);
    int n = 0;
    for (auto &s : current) {
        auto it = byKey.find(s.key);
        if (it == byKey.end()) continue;
        const double pct = changePercent(s.stats.mean, it->second->stats.mean);
        if (std::isnan(pct)) continue;
        s.name += QStringLiteral(" (%1%2 % vs %3)")
                      .arg(pct >= 0 ? QStringLiteral("+") : QString())
                      .arg(pct, 0, 'f', 1)
                      .arg(label);
        ++n;
    }
    return n;
}

QString offsetLabel(qint64 s)
{
    // Literals marked with QT_TRANSLATE_NOOP so lupdate finds them in the panel's context.
    auto tr = [](const char *text) { return QCoreApplication::translate("vigil::ui::GraphPanel", text); };
    if (s == 86400) return tr(QT_TRANSLATE_NOOP("vigil::ui::GraphPanel", "1 day earlier"));
    if (s == 7 * 86400) return tr(QT_TRANSLATE_NOOP("vigil::ui::GraphPanel", "1 week earlier"));
    if (s % (7 * 86400) == 0) return tr(QT_TRANSLATE_NOOP("vigil::ui::GraphPanel", "%1 weeks earlier")).arg(s / (7 * 86400));
    if (s % 86400 == 0) return tr(QT_TRANSLATE_NOOP("vigil::ui::GraphPanel", "%1 days earlier")).arg(s / 86400);
    if (s % 3600 == 0) return tr(QT_TRANSLATE_NOOP("vigil::ui::GraphPanel", "%1 h earlier")).arg(s / 3600);
    if (s % 60 == 0) return tr(QT_TRANSLATE_NOOP("vigil::ui::GraphPanel", "%1 min earlier")).arg(s / 60);
    return tr(QT_TRANSLATE_NOOP("vigil::ui::GraphPanel", "%1 s earlier")).arg(s);
}

}  // namespace vigil::ui
