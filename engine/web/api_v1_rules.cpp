// /api/v1/rules and /api/v1/alerts with Prometheus 2.42's JSON shapes.
#include "web/api_v1.h"

#include "rules/go_format.h"
#include "web/api_params.h"
#include "web/json_writer.h"

namespace vigil::web {

namespace {

const char *stateName(model::AlertState s)
{
    switch (s) {
        case model::AlertState::Pending: return "pending";
        case model::AlertState::Firing: return "firing";
        default: return "inactive";
    }
}

std::string evalTime(int64_t ms) { return ms == 0 ? std::string("0001-01-01T00:00:00Z") : formatRfc3339Nano(ms); }

void writeAlert(JsonWriter &w, const model::Alert &a)
{
    w.beginObject();
    w.key("labels").labels(a.labels);
    w.key("annotations").labels(a.annotations);
    w.key("state").string(stateName(a.state));
    w.key("activeAt").string(formatRfc3339Nano(a.activeAtMs));
    w.key("value").string(rules::goFormatFloatE(a.value));
    w.endObject();
}

}  // namespace

QHttpServerResponse ApiV1::rules(const ApiParams &p)
{
    const std::string type = p.get("type");
    std::string lower;
    for (char c : type) lower.push_back(char(std::tolower(static_cast<unsigned char>(c))));
    if (!lower.empty() && lower != "alert" && lower != "record") {
        return error(ErrorType::BadData, "invalid parameter \"type\": not supported value \"" + type + "\"");
    }
    const bool wantAlerts = lower.empty() || lower == "alert";
    const bool wantRecords = lower.empty() || lower == "record";
    const auto groups = sources_.ruleGroups ? sources_.ruleGroups() : std::vector<rules::GroupSnapshot>{};
    JsonWriter w;
    w.beginObject().key("groups").beginArray();
    for (const auto &g : groups) {
        w.beginObject();
        w.key("name").string(g.name);
        w.key("file").string(g.file);
        w.key("rules").beginArray();
        for (const auto &r : g.rules) {
            const bool alerting = r.spec.kind == rules::RuleSpec::Kind::Alerting;
            if (alerting ? !wantAlerts : !wantRecords) continue;
            w.beginObject();
            if (alerting) {
                w.key("state").string(stateName(r.state));
                w.key("name").string(r.spec.name);
                w.key("query").string(r.query);
                w.key("duration").number(double(r.spec.forMs) / 1000.0);
                w.key("keepFiringFor").number(double(r.spec.keepFiringForMs) / 1000.0);
                w.key("labels").labels(r.spec.labels);
                w.key("annotations").labels(r.spec.annotations);
                w.key("alerts").beginArray();
                for (const auto &a : r.alerts) writeAlert(w, a);
                w.endArray();
            } else {
                w.key("name").string(r.spec.name);
                w.key("query").string(r.query);
                if (!r.spec.labels.empty()) w.key("labels").labels(r.spec.labels);
            }
            w.key("health").string(rules::ruleHealthName(r.status.health));
            if (!r.status.lastError.empty()) w.key("lastError").string(r.status.lastError);
            w.key("evaluationTime").number(r.status.evaluationSeconds);
            w.key("lastEvaluation").string(evalTime(r.status.lastEvaluationMs));
            w.key("type").string(alerting ? "alerting" : "recording");
            w.endObject();
        }
        w.endArray();
        w.key("interval").number(double(g.intervalMs) / 1000.0);
        w.key("limit").integer(g.limit);
        w.key("evaluationTime").number(g.evaluationSeconds);
        w.key("lastEvaluation").string(evalTime(g.lastEvaluationMs));
        w.endObject();
    }
    w.endArray().endObject();
    return success(w.str());
}

QHttpServerResponse ApiV1::alerts(const ApiParams &)
{
    const auto groups = sources_.ruleGroups ? sources_.ruleGroups() : std::vector<rules::GroupSnapshot>{};
    JsonWriter w;
    w.beginObject().key("alerts").beginArray();
    for (const auto &g : groups) {
        for (const auto &r : g.rules) {
            for (const auto &a : r.alerts) writeAlert(w, a);
        }
    }
    w.endArray().endObject();
    return success(w.str());
}

}  // namespace vigil::web
