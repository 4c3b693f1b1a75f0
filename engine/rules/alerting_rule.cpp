#include "rules/alerting_rule.h"

#include "promql/parser.h"
#include "rules/template_functions.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

namespace vigil::rules {

namespace {

TemplateQueryFunc templateQuery(const RuleQueryFunc &query, int64_t tMs)
{
    return [query, tMs](const std::string &q) -> Result<std::vector<std::pair<model::Labels, double>>> {
        auto e = promql::parseExpr(q);
        if (!e) return e.status();
        auto r = query(**e, tMs);
        if (!r) return r.status();
        std::vector<std::pair<model::Labels, double>> out;
        for (const auto &s : *r) out.emplace_back(s.metric, s.v);
        return out;
    };
}

}  // namespace

AlertingRule::AlertingRule(RuleSpec spec, promql::ExprPtr expr, model::Labels externalLabels, std::string externalUrl)
    : Rule(std::move(spec), std::move(expr)), externalLabels_(std::move(externalLabels)),
      externalUrl_(std::move(externalUrl))
{
}

Result<promql::Vector> AlertingRule::eval(int64_t tMs, const RuleQueryFunc &query, int64_t limit)
{
    auto res = query(*expr_, tMs);
    if (!res) return res.status();

    // New alert candidates from this result.
    std::map<uint64_t, Alert> current;
    TemplateContext ctx;
    ctx.externalLabels = externalLabels_;
    ctx.externalUrl = externalUrl_;
    ctx.query = templateQuery(query, tMs);
    for (const auto &s : *res) {
        ctx.labels = s.metric;
        ctx.value = s.v;
        model::LabelsBuilder b(s.metric);
        b.del(model::kMetricName);
        for (const auto &l : spec_.labels) b.set(l.name, expandRuleTemplate(spec_.name, l.value, ctx));
        b.set("alertname", spec_.name);
        std::vector<model::Label> ann;
        for (const auto &a : spec_.annotations) ann.push_back({a.name, expandRuleTemplate(spec_.name, a.value, ctx)});
        Alert a;
        a.labels = b.labels();
        a.annotations = model::Labels::fromUnsorted(std::move(ann));
        a.activeAtMs = tMs;
        a.state = model::AlertState::Pending;
        a.value = s.v;
        const uint64_t h = a.labels.hash();
        if (current.count(h)) {
            return Status::invalidArgument("vector contains metrics with the same labelset after applying alert labels");
        }
        current.emplace(h, std::move(a));
    }

    std::lock_guard lock(mu_);
    for (auto &[h, a] : current) {
        auto it = active_.find(h);
        if (it != active_.end() && it->second.state != model::AlertState::Inactive) {
            it->second.value = a.value;
            it->second.annotations = a.annotations;
            continue;
        }
        active_[h] = std::move(a);
    }

    promql::Vector vec;
    int64_t numActive = 0;
    for (auto it = active_.begin(); it != active_.end();) {
        Alert &a = it->second;
        if (!current.count(it->first)) {
            bool keepFiring = false;
            if (a.state == model::AlertState::Firing && spec_.keepFiringForMs > 0) {
                if (a.keepFiringSinceMs == 0) a.keepFiringSinceMs = tMs;
                if (tMs - a.keepFiringSinceMs < spec_.keepFiringForMs) keepFiring = true;
            }
            // A pending alert goes away at once; a resolved one after the retention.
            if (a.state == model::AlertState::Pending ||
                (a.resolvedAtMs != 0 && tMs - a.resolvedAtMs > kResolvedRetentionMs)) {
                it = active_.erase(it);
                continue;
            }
            if (a.state != model::AlertState::Inactive && !keepFiring) {
                a.state = model::AlertState::Inactive;
                a.resolvedAtMs = tMs;
            }
            if (!keepFiring) {
                ++it;
                continue;
            }
        } else {
            a.keepFiringSinceMs = 0;
        }
        ++numActive;
        if (a.state == model::AlertState::Pending && tMs - a.activeAtMs >= spec_.forMs) {
            a.state = model::AlertState::Firing;
            a.firedAtMs = tMs;
        }
        if (restored_.load()) {
            model::LabelsBuilder alerts(a.labels);
            alerts.set(model::kMetricName, "ALERTS");
            alerts.set("alertstate", a.state == model::AlertState::Firing ? "firing" : "pending");
            vec.push_back({alerts.labels(), tMs, 1.0});
            model::LabelsBuilder forState(a.labels);
            forState.set(model::kMetricName, "ALERTS_FOR_STATE");
            vec.push_back({forState.labels(), tMs, double(a.activeAtMs / 1000)});
        }
        ++it;
    }
    if (limit > 0 && numActive > limit) {
        active_.clear();
        return Status::resourceExhausted("exceeded limit of " + std::to_string(limit) + " with " +
                                         std::to_string(numActive) + " alerts");
    }
    return vec;
}

std::vector<model::Alert> AlertingRule::alertsToSend(int64_t tMs, int64_t resendDelayMs, int64_t intervalMs)
{
    std::vector<model::Alert> out;
    std::lock_guard lock(mu_);
    for (auto &[h, a] : active_) {
        if (a.state == model::AlertState::Pending) continue;
        const bool needs = (a.resolvedAtMs != 0 && a.resolvedAtMs > a.lastSentAtMs) ||
                           a.lastSentAtMs + resendDelayMs < tMs || a.lastSentAtMs == 0;
        if (!needs) continue;
        (void)intervalMs;
        a.lastSentAtMs = tMs;
        out.push_back(toModel(a));
    }
    std::sort(out.begin(), out.end(), [](const model::Alert &x, const model::Alert &y) { return x.labels < y.labels; });
    return out;
}

model::Alert AlertingRule::toModel(const Alert &a) const
{
    model::Alert m;
    m.labels = a.labels;
    m.annotations = a.annotations;
    m.state = a.state == model::AlertState::Inactive ? model::AlertState::Resolved : a.state;
    m.activeAtMs = a.activeAtMs;
    m.startsAtMs = a.firedAtMs ? a.firedAtMs : a.activeAtMs;
    m.endsAtMs = a.state == model::AlertState::Inactive ? a.resolvedAtMs : 0;
    m.value = a.value;
    // Prometheus's link: externalURL + "/graph?g0.expr=" + url.QueryEscape(expr) + "&g0.tab=1".
    std::string escaped;
    static const char *hex = "0123456789ABCDEF";
    for (unsigned char c : query_) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') escaped.push_back(char(c));
        else if (c == ' ') escaped.push_back('+');
        else {
            escaped.push_back('%');
            escaped.push_back(hex[c >> 4]);
            escaped.push_back(hex[c & 15]);
        }
    }
    m.generatorUrl = externalUrl_ + "/graph?g0.expr=" + escaped + "&g0.tab=1";
    return m;
}

void AlertingRule::restoreForState(storage::Querier &q, int64_t tMs, int64_t gracePeriodMs)
{
    const int64_t hold = spec_.forMs;
    if (hold < gracePeriodMs) {
        // Waiting `for` again would be no longer than the grace period anyway.
        restored_.store(true);
        return;
    }
    std::lock_guard lock(mu_);
    for (auto &[h, a] : active_) {
        if (a.state == model::AlertState::Inactive) continue;
        std::vector<model::Matcher> matchers;
        auto m = model::Matcher::create(model::Matcher::Type::Equal, std::string(model::kMetricName), "ALERTS_FOR_STATE");
        if (!m) continue;
        matchers.push_back(std::move(m).value());
        for (const auto &l : a.labels) {
            auto lm = model::Matcher::create(model::Matcher::Type::Equal, l.name, l.value);
            if (lm) matchers.push_back(std::move(lm).value());
        }
        auto set = q.select(matchers);
        if (!set) continue;
        const storage::Series *found = nullptr;
        for (const auto &s : *set) {
            if (s->labels().size() == a.labels.size() + 1) found = s.get();  // exactly the alert's labels
        }
        if (!found) continue;
        auto it = found->iterator();
        int64_t t = 0;
        double v = 0;
        bool any = false;
        while (it->next()) {
            t = it->at().t;
            v = it->at().v;
            any = true;
        }
        if (!any || model::isStaleNaN(v)) continue;  // the alert was not active
        const int64_t downAt = (t / 1000) * 1000;
        int64_t restoredActiveAt = int64_t(v) * 1000;
        const int64_t spentPending = downAt - restoredActiveAt;
        const int64_t remaining = hold - spentPending;
        if (remaining <= 0) {
            // It was firing when Vigil went down; the next evaluation fires it again.
        } else if (remaining < gracePeriodMs) {
            restoredActiveAt = tMs + gracePeriodMs - hold;
        } else {
            restoredActiveAt += tMs - downAt;  // the outage does not count as pending time
        }
        a.activeAtMs = restoredActiveAt;
    }
    restored_.store(true);
}

void AlertingRule::copyStateFrom(const AlertingRule &old)
{
    std::scoped_lock lock(mu_, old.mu_);
    active_ = old.active_;
    restored_.store(old.restored_.load());
}

std::vector<AlertingRule::Alert> AlertingRule::activeAlerts() const
{
    std::vector<Alert> out;
    {
        std::lock_guard lock(mu_);
        for (const auto &[h, a] : active_) {
            if (a.state != model::AlertState::Inactive) out.push_back(a);
        }
    }
    std::sort(out.begin(), out.end(), [](const Alert &x, const Alert &y) { return x.labels < y.labels; });
    return out;
}

model::AlertState AlertingRule::state() const
{
    std::lock_guard lock(mu_);
    model::AlertState s = model::AlertState::Inactive;
    for (const auto &[h, a] : active_) {
        if (a.state == model::AlertState::Firing) return a.state;
        if (a.state == model::AlertState::Pending) s = a.state;
    }
    return s;
}

}  // namespace vigil::rules
