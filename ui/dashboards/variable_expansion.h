// Dashboard variables in queries, as Grafana's Prometheus data source expands
// them:
//   $name and ${name}  the variable's selection;
//   $__range, $__range_s, $__range_ms    the dashboard's range ("3600s", "3600", "3600000");
//   $__interval, $__interval_ms          the graph step ("15s", "15000");
//   $__rate_interval   max($__interval + scrape interval, 4 × scrape interval).
// A single-valued variable (neither multi nor includeAll) expands to its value
// escaped for a PromQL double-quoted string (\ and "). A multi-value or
// includeAll variable is meant for =~ matchers: every value is escaped as a
// regular expression (then as a string literal, so "a.b" becomes a\\.b in the
// query text) and several are joined as (a|b); "All" selects every value.
// Unknown names stay as they are (the parser then reports them). Longer
// names win ($instance2 is not $instance + "2").
//
// parseLabelValuesQuery() reads the variable query forms
// label_values(label) and label_values(selector, label).
// Thread safety: pure functions.
#pragma once

#include "dashboards/dashboard.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace vigil::ui {

struct VariableContext {
    QHash<QString, QStringList> values;  // by variable name: the selected values ("All" already resolved)
    QHash<QString, bool> regex;          // by variable name: multi or includeAll (regex formatting)
    qint64 rangeMs = 3600000;
    qint64 intervalMs = 15000;
    qint64 scrapeIntervalMs = 15000;
};

QString expandVariables(const QString &query, const VariableContext &context);

// Escapes a value for a PromQL double-quoted string literal.
QString escapeStringLiteral(const QString &value);
// Escapes a value as a literal regular expression inside a PromQL string ("a.b" -> a\\.b).
QString escapeRegexLiteral(const QString &value);
// Formats a variable's values for a query.
QString formatVariableValues(const QStringList &values, bool regex);

// The selected values of `v` among `available` (all of them for "All"; when
// nothing valid is selected, the first available value, or all for includeAll).
QStringList resolveSelection(const DashboardVariable &v, const QStringList &available);

struct LabelValuesQuery {
    QString selector;  // empty: every series
    QString label;
};
bool parseLabelValuesQuery(const QString &query, LabelValuesQuery *out);

// A duration in PromQL form from milliseconds: "90s", "5m" stays "300s".
QString durationText(qint64 ms);

}  // namespace vigil::ui
