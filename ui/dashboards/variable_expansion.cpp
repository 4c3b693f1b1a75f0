#include "dashboards/variable_expansion.h"

#include <QRegularExpression>

#include <algorithm>

namespace vigil::ui {

QString escapeStringLiteral(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (QChar c : value) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('"')) out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

QString escapeRegexLiteral(const QString &value)
{
    // RE2 metacharacters get a backslash; in the string literal that
    // backslash is itself written as two.
    static const QString meta = QStringLiteral("\\^$.|?*+()[]{}");
    QString out;
    for (QChar c : value) {
        if (meta.contains(c)) out += QStringLiteral("\\\\");
        if (c == QLatin1Char('"')) out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

QString formatVariableValues(const QStringList &values, bool regex)
{
    if (!regex) return values.isEmpty() ? QString() : escapeStringLiteral(values.first());
    QStringList escaped;
    for (const auto &v : values) escaped << escapeRegexLiteral(v);
    if (escaped.size() == 1) return escaped.first();
    return QLatin1Char('(') + escaped.join(QLatin1Char('|')) + QLatin1Char(')');
}

QStringList resolveSelection(const DashboardVariable &v, const QStringList &available)
{
    if (v.current.contains(DashboardVariable::kAllValue) && v.includeAll) return available;
    QStringList chosen;
    for (const auto &c : v.current) {
        if (available.contains(c)) chosen << c;
    }
    if (!v.multi && chosen.size() > 1) chosen = chosen.mid(0, 1);
    if (chosen.isEmpty() && !available.isEmpty()) {
        if (v.includeAll) return available;
        chosen << available.first();
    }
    return chosen;
}

QString durationText(qint64 ms)
{
    if (ms % 1000 != 0) return QStringLiteral("%1ms").arg(ms);
    return QStringLiteral("%1s").arg(ms / 1000);
}

QString expandVariables(const QString &query, const VariableContext &context)
{
    QHash<QString, QString> replacements;
    replacements.insert(QStringLiteral("__range"), durationText(context.rangeMs));
    replacements.insert(QStringLiteral("__range_s"), QString::number(context.rangeMs / 1000));
    replacements.insert(QStringLiteral("__range_ms"), QString::number(context.rangeMs));
    replacements.insert(QStringLiteral("__interval"), durationText(context.intervalMs));
    replacements.insert(QStringLiteral("__interval_ms"), QString::number(context.intervalMs));
    replacements.insert(QStringLiteral("__rate_interval"),
                        durationText(std::max(context.intervalMs + context.scrapeIntervalMs, 4 * context.scrapeIntervalMs)));
    for (auto it = context.values.begin(); it != context.values.end(); ++it) {
        replacements.insert(it.key(), formatVariableValues(it.value(), context.regex.value(it.key())));
    }

    // ${name} or $name where name is the longest identifier; unknown names are kept.
    static const QRegularExpression ref(QStringLiteral("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)\\}|([A-Za-z_][A-Za-z0-9_]*))"));
    QString out;
    qsizetype last = 0;
    auto it = ref.globalMatch(query);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString name = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
        out += query.mid(last, m.capturedStart() - last);
        auto found = replacements.constFind(name);
        out += found != replacements.constEnd() ? *found : m.captured(0);
        last = m.capturedEnd();
    }
    out += query.mid(last);
    return out;
}

bool parseLabelValuesQuery(const QString &query, LabelValuesQuery *out)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*label_values\\s*\\(\\s*(?:(.*\\S)\\s*,\\s*)?([A-Za-z_][A-Za-z0-9_]*)\\s*\\)\\s*$"));
    const auto m = re.match(query);
    if (!m.hasMatch()) return false;
    out->selector = m.captured(1);
    out->label = m.captured(2);
    return true;
}

}  // namespace vigil::ui
