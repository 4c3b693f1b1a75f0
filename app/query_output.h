// Rendering of Prometheus API "data" values for `vigil query` (table form).
// Pure functions over QJson values; unknown shapes render as JSON.
#pragma once

#include <QJsonValue>

#include <string>

// `kind`: "instant" or "range" (data: {"resultType", "result"}), "series"
// (array of label objects), "labels" (array of strings). Ends with "\n"
// unless empty.
std::string renderTable(const std::string &kind, const QJsonValue &data);

// {"__name__":"up","job":"x"} as up{job="x"} (Prometheus's notation).
std::string formatMetric(const QJsonObject &metric);
