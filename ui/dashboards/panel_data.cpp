#include "dashboards/panel_data.h"

#include "widgets/plot_series.h"

#include <cmath>

namespace vigil::ui {

QVector<PanelItem> itemsFromValue(const promql::Value &value, int queryIndex, const QString &legendTemplate)
{
    QVector<PanelItem> items;
    if (const auto *v = std::get_if<promql::Vector>(&value)) {
        for (const auto &s : *v) {
            const QString name = legendTemplate.isEmpty() ? (s.metric.empty() ? QString() : labelsText(s.metric)) : expandLegendTemplate(legendTemplate, s.metric);
            items.push_back({name, s.v, queryIndex});
        }
    } else if (const auto *sc = std::get_if<promql::Scalar>(&value)) {
        items.push_back({legendTemplate, sc->v, queryIndex});
    }
    return items;
}

QColor baseColor() { return QColor(0x2e, 0x7d, 0x32); }

QColor thresholdColor(double value, const QList<Threshold> &thresholds, const QColor &base)
{
    if (std::isnan(value)) return QColor(0x9e, 0x9e, 0x9e);
    QColor c = base;
    for (const auto &t : thresholds) {
        if (value >= t.value) c = t.color;
    }
    return c;
}

}  // namespace vigil::ui
