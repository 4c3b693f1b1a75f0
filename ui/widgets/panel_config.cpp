#include "widgets/panel_config.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace vigil::ui {

QString styleName(PanelStyle s)
{
    switch (s) {
    case PanelStyle::Lines: return QStringLiteral("lines");
    case PanelStyle::StackedAreas: return QStringLiteral("stacked");
    case PanelStyle::Bars: return QStringLiteral("bars");
    case PanelStyle::Points: return QStringLiteral("points");
    }
    return QStringLiteral("lines");
}

QList<Threshold> PanelConfig::percentThresholds()
{
    return {{70, QColor(0xf2, 0xc0, 0x37)}, {85, QColor(0xf5, 0x7c, 0x00)}, {95, QColor(0xd3, 0x2f, 0x2f)}};
}

QJsonObject PanelConfig::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("title")] = title;
    QJsonArray qs;
    for (const auto &q : queries) {
        qs.append(QJsonObject{{QStringLiteral("expr"), q.expr}, {QStringLiteral("legend"), q.legend}});
    }
    o[QStringLiteral("queries")] = qs;
    if (lastSeconds > 0) {
        o[QStringLiteral("range")] = QJsonObject{{QStringLiteral("last"), double(lastSeconds)}};
    } else {
        o[QStringLiteral("range")] =
            QJsonObject{{QStringLiteral("from"), double(fromMs)}, {QStringLiteral("to"), double(toMs)}};
    }
    o[QStringLiteral("refresh")] = refreshSeconds;
    o[QStringLiteral("style")] = styleName(style);
    o[QStringLiteral("unit")] = unitName(unit);
    QJsonArray ts;
    for (const auto &t : thresholds) {
        ts.append(QJsonObject{{QStringLiteral("value"), t.value},
                              {QStringLiteral("color"), t.color.name(QColor::HexArgb)}});
    }
    o[QStringLiteral("thresholds")] = ts;
    QStringList hiddenList(hidden.begin(), hidden.end());
    hiddenList.sort();
    o[QStringLiteral("hidden")] = QJsonArray::fromStringList(hiddenList);
    o[QStringLiteral("legendTable")] = legendTable;
    if (compareOffsetSeconds > 0) o[QStringLiteral("compareOffset")] = double(compareOffsetSeconds);
    return o;
}

bool PanelConfig::fromJson(const QJsonObject &o, PanelConfig *out, QString *error)
{
    auto fail = [error](const QString &key, const QString &what) {
        if (error) *error = QCoreApplication::translate("PanelConfig", "panel: \"%1\" %2").arg(key, what);
        return false;
    };
    auto wrongType = [&](const char *key, const QJsonValue &v, QJsonValue::Type t) {
        return o.contains(QLatin1String(key)) && v.type() != t;
    };
    PanelConfig c;
    if (wrongType("title", o.value(QStringLiteral("title")), QJsonValue::String))
        return fail(QStringLiteral("title"), QCoreApplication::translate("PanelConfig", "must be a string"));
    c.title = o.value(QStringLiteral("title")).toString();
    if (wrongType("queries", o.value(QStringLiteral("queries")), QJsonValue::Array))
        return fail(QStringLiteral("queries"), QCoreApplication::translate("PanelConfig", "must be an array"));
    for (const auto &v : o.value(QStringLiteral("queries")).toArray()) {
        if (!v.isObject()) return fail(QStringLiteral("queries"), QCoreApplication::translate("PanelConfig", "must hold objects"));
        const QJsonObject q = v.toObject();
        if (!q.value(QStringLiteral("expr")).isString())
            return fail(QStringLiteral("queries.expr"), QCoreApplication::translate("PanelConfig", "must be a string"));
        c.queries.append({q.value(QStringLiteral("expr")).toString(), q.value(QStringLiteral("legend")).toString()});
    }
    if (o.contains(QStringLiteral("range"))) {
        const QJsonValue r = o.value(QStringLiteral("range"));
        if (!r.isObject()) return fail(QStringLiteral("range"), QCoreApplication::translate("PanelConfig", "must be an object"));
        const QJsonObject ro = r.toObject();
        if (ro.contains(QStringLiteral("last"))) {
            const double last = ro.value(QStringLiteral("last")).toDouble(-1);
            if (last <= 0) return fail(QStringLiteral("range.last"), QCoreApplication::translate("PanelConfig", "must be a positive number of seconds"));
            c.lastSeconds = qint64(last);
        } else {
            const double from = ro.value(QStringLiteral("from")).toDouble(-1);
            const double to = ro.value(QStringLiteral("to")).toDouble(-1);
            if (from < 0 || to <= from)
                return fail(QStringLiteral("range"), QCoreApplication::translate("PanelConfig", "needs \"last\" or \"from\" < \"to\" (ms)"));
            c.lastSeconds = 0;
            c.fromMs = qint64(from);
            c.toMs = qint64(to);
        }
    }
    if (o.contains(QStringLiteral("refresh"))) {
        const double r = o.value(QStringLiteral("refresh")).toDouble(-1);
        if (r < 0) return fail(QStringLiteral("refresh"), QCoreApplication::translate("PanelConfig", "must be a number of seconds >= 0"));
        c.refreshSeconds = int(r);
    }
    if (o.contains(QStringLiteral("style"))) {
        const QString s = o.value(QStringLiteral("style")).toString();
        bool found = false;
        for (PanelStyle st : {PanelStyle::Lines, PanelStyle::StackedAreas, PanelStyle::Bars, PanelStyle::Points}) {
            if (styleName(st) == s) {
                c.style = st;
                found = true;
            }
        }
        if (!found) return fail(QStringLiteral("style"), QCoreApplication::translate("PanelConfig", "must be lines, stacked, bars or points"));
    }
    if (o.contains(QStringLiteral("unit"))) {
        bool ok = false;
        c.unit = unitFromName(o.value(QStringLiteral("unit")).toString(), &ok);
        if (!ok) return fail(QStringLiteral("unit"), QCoreApplication::translate("PanelConfig", "must be none, percent, bytes, seconds or ops"));
    }
    if (wrongType("thresholds", o.value(QStringLiteral("thresholds")), QJsonValue::Array))
        return fail(QStringLiteral("thresholds"), QCoreApplication::translate("PanelConfig", "must be an array"));
    for (const auto &v : o.value(QStringLiteral("thresholds")).toArray()) {
        const QJsonObject t = v.toObject();
        const QColor color(t.value(QStringLiteral("color")).toString());
        if (!t.value(QStringLiteral("value")).isDouble() || !color.isValid())
            return fail(QStringLiteral("thresholds"), QCoreApplication::translate("PanelConfig", "entries need a number \"value\" and a \"color\""));
        c.thresholds.append({t.value(QStringLiteral("value")).toDouble(), color});
    }
    if (wrongType("hidden", o.value(QStringLiteral("hidden")), QJsonValue::Array))
        return fail(QStringLiteral("hidden"), QCoreApplication::translate("PanelConfig", "must be an array"));
    for (const auto &v : o.value(QStringLiteral("hidden")).toArray()) c.hidden.insert(v.toString());
    c.legendTable = o.value(QStringLiteral("legendTable")).toBool(true);
    if (o.contains(QStringLiteral("compareOffset"))) {
        const double off = o.value(QStringLiteral("compareOffset")).toDouble(-1);
        if (off < 0) return fail(QStringLiteral("compareOffset"), QCoreApplication::translate("PanelConfig", "must be a number of seconds >= 0"));
        c.compareOffsetSeconds = qint64(off);
    }
    *out = std::move(c);
    return true;
}

}  // namespace vigil::ui
