#include "incidents/scope.h"

#include "promql/ast.h"
#include "promql/parser.h"
#include "promql/printer.h"

#include <algorithm>
#include <functional>

namespace vigil::incidents {

namespace {

void collectSelectors(const promql::Expr &e, std::vector<const promql::VectorSelector *> &out)
{
    if (e.kind() == promql::NodeKind::VectorSelector) out.push_back(static_cast<const promql::VectorSelector *>(&e));
    for (const promql::Expr *c : promql::children(e)) collectSelectors(*c, out);
}

void addUnique(std::vector<std::string> &v, std::string s)
{
    if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(std::move(s));
}

}  // namespace

std::string quoteLabelValue(const std::string &v)
{
    std::string out = "\"";
    for (char c : v) {
        if (c == '\\' || c == '"') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

std::vector<std::string> inputSelectors(const std::string &expr)
{
    std::vector<std::string> out;
    auto parsed = promql::parseExpr(expr);
    if (!parsed.isOk()) return out;
    std::vector<const promql::VectorSelector *> sels;
    collectSelectors(**parsed, sels);
    for (const auto *s : sels) addUnique(out, promql::toString(*s));
    return out;
}

std::vector<std::string> inputMetricNames(const std::string &expr)
{
    std::vector<std::string> out;
    auto parsed = promql::parseExpr(expr);
    if (!parsed.isOk()) return out;
    std::vector<const promql::VectorSelector *> sels;
    collectSelectors(**parsed, sels);
    for (const auto *s : sels) {
        for (const auto &m : s->matchers) {
            if (m.name() == model::kMetricName && m.type() == model::Matcher::Type::Equal) addUnique(out, m.value());
        }
    }
    return out;
}

std::vector<ScopeQuery> scopeQueries(const Incident &incident)
{
    std::vector<ScopeQuery> out;
    std::vector<std::string> exprs, inputs, instances;
    for (const auto &a : incident.alerts) {
        addUnique(exprs, a.expr);
        for (auto &s : inputSelectors(a.expr)) addUnique(inputs, s);
        addUnique(instances, std::string(a.labels.get("instance")));
    }
    for (const auto &e : exprs) out.push_back({"Alert expression", "alert", e});
    for (const auto &s : inputs) out.push_back({"Input " + s, "input", s});
    for (const auto &inst : instances) {
        const std::string sel = "instance=" + quoteLabelValue(inst);
        out.push_back({"CPU busy on " + inst, "cpu",
                       "1 - avg by (instance) (rate(node_cpu_seconds_total{" + sel + ", mode=\"idle\"}[1m]))"});
        out.push_back({"Memory in use on " + inst, "memory",
                       "1 - node_memory_MemAvailable_bytes{" + sel + "} / node_memory_MemTotal_bytes{" + sel + "}"});
        out.push_back({"Filesystem use on " + inst, "disk",
                       "1 - node_filesystem_avail_bytes{" + sel + ", fstype!~\"tmpfs|ramfs|overlay\"} / "
                       "node_filesystem_size_bytes{" + sel + ", fstype!~\"tmpfs|ramfs|overlay\"}"});
        out.push_back({"Network bytes/s on " + inst, "network",
                       "sum by (instance) (rate(node_network_receive_bytes_total{" + sel + ", device!=\"lo\"}[1m]) + "
                       "rate(node_network_transmit_bytes_total{" + sel + ", device!=\"lo\"}[1m]))"});
    }
    return out;
}

}  // namespace vigil::incidents
