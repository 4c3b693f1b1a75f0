// completionContextAt: what kind of completion fits at a cursor position in a
// PromQL query, decided from the text before the cursor only:
//   rat|                          -> MetricOrFunction, prefix "rat"
//   up{jo|                        -> LabelName, metric "up", prefix "jo"
//   up{job="no|                   -> LabelValue, metric "up", label "job", prefix "no"
//   sum by (ins|                  -> LabelName (no metric), prefix "ins"
//   rate(x[5|  "a string|  # comment|  -> None
// `replaceStart` is where the prefix begins (the completion replaces
// [replaceStart, cursor)). Positions are QString (UTF-16) indexes.
// Pure function, thread-safe.
#pragma once

#include <QString>

namespace vigil::ui {

struct CompletionContext {
    enum class Kind { None, MetricOrFunction, LabelName, LabelValue };
    Kind kind = Kind::None;
    QString prefix;
    QString metric;  // the selector's metric name, if written before the braces
    QString label;   // LabelValue: the label being matched
    int replaceStart = 0;
    bool inQuotes = false;  // LabelValue: the cursor is inside the quotes already
};

CompletionContext completionContextAt(const QString &text, int cursor);

}  // namespace vigil::ui
