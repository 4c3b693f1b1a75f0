#include "dashboards/dashboard.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace vigil::ui {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("vigil::ui::Dashboard", s); }

QJsonObject translationsJson(const QHash<QString, QString> &t)
{
    QJsonObject o;
    for (auto it = t.begin(); it != t.end(); ++it) o[it.key()] = it.value();
    return o;
}

bool readTranslations(const QJsonValue &v, QHash<QString, QString> *out)
{
    if (v.isUndefined()) return true;
    if (!v.isObject()) return false;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!it.value().isString()) return false;
        out->insert(it.key(), it.value().toString());
    }
    return true;
}

bool readStrings(const QJsonValue &v, QStringList *out)
{
    if (v.isUndefined()) return true;
    if (!v.isArray()) return false;
    for (const auto &e : v.toArray()) {
        if (!e.isString()) return false;
        out->append(e.toString());
    }
    return true;
}

}  // namespace

QString panelTypeName(PanelType t)
{
    switch (t) {
    case PanelType::Graph: return QStringLiteral("graph");
    case PanelType::Stat: return QStringLiteral("stat");
    case PanelType::Gauge: return QStringLiteral("gauge");
    case PanelType::Table: return QStringLiteral("table");
    case PanelType::StatusGrid: return QStringLiteral("statusgrid");
    }
    return QStringLiteral("graph");
}

bool panelTypeFromName(const QString &name, PanelType *out)
{
    for (PanelType t : {PanelType::Graph, PanelType::Stat, PanelType::Gauge, PanelType::Table, PanelType::StatusGrid}) {
        if (panelTypeName(t) == name) {
            *out = t;
            return true;
        }
    }
    return false;
}

QString LocalizedText::forLanguage(const QString &language) const
{
    const QString t = translations.value(language);
    return t.isEmpty() ? text : t;
}

QString DashboardPanel::title(const QString &language) const
{
    const QString t = titleTranslations.value(language);
    return t.isEmpty() ? config.title : t;
}

bool Dashboard::isValidName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9_-]{1,64}$"));
    return re.match(name).hasMatch();
}

int Dashboard::nextFreeRow() const
{
    int row = 0;
    for (const auto &p : panels) row = std::max(row, p.grid.y() + p.grid.height());
    return row;
}

QJsonObject Dashboard::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("vigilDashboard")] = kFormatVersion;
    o[QStringLiteral("name")] = name;
    o[QStringLiteral("title")] = title.text;
    o[QStringLiteral("titles")] = translationsJson(title.translations);
    o[QStringLiteral("range")] = double(rangeSeconds);
    o[QStringLiteral("refresh")] = refreshSeconds;
    QJsonArray vars;
    for (const auto &v : variables) {
        vars.append(QJsonObject{{QStringLiteral("name"), v.name},
                                {QStringLiteral("label"), v.label.text},
                                {QStringLiteral("titles"), translationsJson(v.label.translations)},
                                {QStringLiteral("query"), v.query},
                                {QStringLiteral("values"), QJsonArray::fromStringList(v.values)},
                                {QStringLiteral("multi"), v.multi},
                                {QStringLiteral("includeAll"), v.includeAll},
                                {QStringLiteral("current"), QJsonArray::fromStringList(v.current)}});
    }
    o[QStringLiteral("variables")] = vars;
    QJsonArray panelsJson;
    for (const auto &p : panels) {
        QJsonObject po = p.config.toJson();
        // The dashboard owns range and refresh; a panel's own would only confuse a reader.
        po.remove(QStringLiteral("range"));
        po.remove(QStringLiteral("refresh"));
        po[QStringLiteral("type")] = panelTypeName(p.type);
        po[QStringLiteral("grid")] = QJsonObject{{QStringLiteral("x"), p.grid.x()},
                                                 {QStringLiteral("y"), p.grid.y()},
                                                 {QStringLiteral("w"), p.grid.width()},
                                                 {QStringLiteral("h"), p.grid.height()}};
        po[QStringLiteral("titles")] = translationsJson(p.titleTranslations);
        po[QStringLiteral("min")] = p.min;
        po[QStringLiteral("max")] = p.max;
        panelsJson.append(po);
    }
    o[QStringLiteral("panels")] = panelsJson;
    return o;
}

QByteArray Dashboard::toJsonBytes() const { return QJsonDocument(toJson()).toJson(QJsonDocument::Indented); }

bool Dashboard::fromJsonBytes(const QByteArray &bytes, Dashboard *out, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
    if (pe.error != QJsonParseError::NoError) {
        if (error) *error = tr("not valid JSON at byte %1: %2").arg(pe.offset).arg(pe.errorString());
        return false;
    }
    if (!doc.isObject()) {
        if (error) *error = tr("a dashboard must be a JSON object");
        return false;
    }
    return fromJson(doc.object(), out, error);
}

bool Dashboard::fromJson(const QJsonObject &o, Dashboard *out, QString *error)
{
    auto fail = [error](const QString &msg) {
        if (error) *error = msg;
        return false;
    };
    const QJsonValue version = o.value(QStringLiteral("vigilDashboard"));
    if (!version.isDouble()) return fail(tr("\"vigilDashboard\" (the format version) is missing; is this a Vigil dashboard?"));
    if (version.toInt() > kFormatVersion || version.toInt() < 1)
        return fail(tr("format version %1 is not supported (this Vigil reads version %2)").arg(version.toInt()).arg(kFormatVersion));

    Dashboard d;
    d.name = o.value(QStringLiteral("name")).toString();
    if (!isValidName(d.name)) return fail(tr("\"name\" must be 1-64 characters of a-z, 0-9, _ and -"));
    if (!o.value(QStringLiteral("title")).isUndefined() && !o.value(QStringLiteral("title")).isString())
        return fail(tr("\"title\" must be a string"));
    d.title.text = o.value(QStringLiteral("title")).toString(d.name);
    if (!readTranslations(o.value(QStringLiteral("titles")), &d.title.translations))
        return fail(tr("\"titles\" must map language codes to strings"));
    if (o.contains(QStringLiteral("range"))) {
        const double r = o.value(QStringLiteral("range")).toDouble(-1);
        if (r < 1) return fail(tr("\"range\" must be a positive number of seconds"));
        d.rangeSeconds = qint64(r);
    }
    if (o.contains(QStringLiteral("refresh"))) {
        const double r = o.value(QStringLiteral("refresh")).toDouble(-1);
        if (r < 0) return fail(tr("\"refresh\" must be a number of seconds >= 0"));
        d.refreshSeconds = int(r);
    }

    const QJsonValue vars = o.value(QStringLiteral("variables"));
    if (!vars.isUndefined() && !vars.isArray()) return fail(tr("\"variables\" must be an array"));
    static const QRegularExpression varName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    for (const auto &vv : vars.toArray()) {
        const QJsonObject vo = vv.toObject();
        DashboardVariable v;
        v.name = vo.value(QStringLiteral("name")).toString();
        if (!varName.match(v.name).hasMatch() || v.name.startsWith(QLatin1String("__")))
            return fail(tr("variable \"%1\": a name is letters, digits and _, not starting with a digit or __").arg(v.name));
        v.label.text = vo.value(QStringLiteral("label")).toString(v.name);
        v.query = vo.value(QStringLiteral("query")).toString();
        v.multi = vo.value(QStringLiteral("multi")).toBool(false);
        v.includeAll = vo.value(QStringLiteral("includeAll")).toBool(false);
        if (!readTranslations(vo.value(QStringLiteral("titles")), &v.label.translations) ||
            !readStrings(vo.value(QStringLiteral("values")), &v.values) ||
            !readStrings(vo.value(QStringLiteral("current")), &v.current))
            return fail(tr("variable \"%1\": \"titles\", \"values\" and \"current\" must hold strings").arg(v.name));
        d.variables.append(v);
    }

    const QJsonValue panels = o.value(QStringLiteral("panels"));
    if (!panels.isUndefined() && !panels.isArray()) return fail(tr("\"panels\" must be an array"));
    int index = 0;
    for (const auto &pv : panels.toArray()) {
        ++index;
        if (!pv.isObject()) return fail(tr("panel %1 must be an object").arg(index));
        const QJsonObject po = pv.toObject();
        DashboardPanel p;
        const QString type = po.value(QStringLiteral("type")).toString(QStringLiteral("graph"));
        if (!panelTypeFromName(type, &p.type))
            return fail(tr("panel %1: unknown type \"%2\" (graph, stat, gauge, table, statusgrid)").arg(index).arg(type));
        const QJsonObject g = po.value(QStringLiteral("grid")).toObject();
        p.grid = QRect(g.value(QStringLiteral("x")).toInt(0), g.value(QStringLiteral("y")).toInt(0),
                       g.value(QStringLiteral("w")).toInt(6), g.value(QStringLiteral("h")).toInt(4));
        if (p.grid.x() < 0 || p.grid.width() < 1 || p.grid.x() + p.grid.width() > kColumns || p.grid.y() < 0 ||
            p.grid.height() < 1 || p.grid.height() > 100 || p.grid.y() > 10000)
            return fail(tr("panel %1: \"grid\" must lie within %2 columns (x + w <= %2, w and h >= 1)").arg(index).arg(kColumns));
        QString panelError;
        if (!PanelConfig::fromJson(po, &p.config, &panelError)) return fail(tr("panel %1: %2").arg(index).arg(panelError));
        if (!readTranslations(po.value(QStringLiteral("titles")), &p.titleTranslations))
            return fail(tr("panel %1: \"titles\" must map language codes to strings").arg(index));
        p.min = po.value(QStringLiteral("min")).toDouble(0);
        p.max = po.value(QStringLiteral("max")).toDouble(100);
        if (!(p.max > p.min)) return fail(tr("panel %1: \"max\" must be greater than \"min\"").arg(index));
        p.config.lastSeconds = d.rangeSeconds;
        p.config.refreshSeconds = 0;
        d.panels.append(p);
    }
    *out = std::move(d);
    return true;
}

}  // namespace vigil::ui
