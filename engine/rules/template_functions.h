// Prometheus's alert-template functions and the expansion of rule labels and
// annotations as Prometheus does it.
//
// Every template gets the data {Labels, ExternalLabels, ExternalURL, Value}
// and the variables $labels, $externalLabels, $externalURL, $value (declared
// by a prefix Prometheus puts in front of the text, so line and column
// numbers in errors agree with Prometheus's). The functions are query,
// first, label, value, strvalue, sortByLabel, reReplaceAll, match, title,
// toUpper, toLower, safeHtml, humanize, humanize1024, humanizeDuration,
// humanizePercentage, humanizeTimestamp, toTime, pathPrefix, externalURL,
// parseDuration, graphLink, tableLink, plus the text/template built-ins.
//
// Thread safety: pure functions; `query` is called on the caller's thread.
#pragma once

#include "core/status.h"
#include "model/labels.h"
#include "rules/template.h"

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace vigil::rules {

// Evaluates a PromQL expression at the template's evaluation time; returns
// the samples (a scalar as one sample without labels).
using TemplateQueryFunc =
    std::function<Result<std::vector<std::pair<model::Labels, double>>>(const std::string &query)>;

struct TemplateContext {
    model::Labels labels;  // the sample's labels (as the expression returned them)
    model::Labels externalLabels;
    std::string externalUrl;
    double value = 0;
    TemplateQueryFunc query;  // may be empty: query() then fails
};

// The function map for templates (the query function from `ctx`).
std::shared_ptr<const Template::FunctionMap> prometheusTemplateFunctions(const TemplateQueryFunc &query,
                                                                         const std::string &externalUrl);

// Expands `text` for the rule named `ruleName` (template name "__alert_" + ruleName).
// On failure the result is Prometheus's "<error expanding template: ...>" text
// and *error (when non-null) receives the message.
std::string expandRuleTemplate(const std::string &ruleName, const std::string &text, const TemplateContext &ctx,
                               std::string *error = nullptr);

// Parses `text` as expandRuleTemplate would (promtool's template check).
// InvalidArgument "template: __alert_NAME:LINE: MESSAGE".
Status checkRuleTemplate(const std::string &ruleName, const std::string &text);

// humanize & co. as plain functions (also used by the console).
std::string humanize(double v);
std::string humanize1024(double v);
std::string humanizeDuration(double seconds);
std::string humanizePercentage(double ratio);
// Go's time.Time String() of a Unix time in seconds, UTC, millisecond precision.
std::string humanizeTimestamp(double seconds);

}  // namespace vigil::rules
