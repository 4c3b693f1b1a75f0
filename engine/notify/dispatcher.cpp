#include "notify/dispatcher.h"

#include <algorithm>
#include <climits>

namespace vigil::notify {

namespace {

bool isResolved(int64_t expiresMs, int64_t nowMs)
{
    return expiresMs != 0 && expiresMs <= nowMs;
}

model::Labels groupLabelsFor(const Route &r, const model::Labels &labels)
{
    if (r.groupByAll) return labels;
    std::vector<model::Label> out;
    for (const std::string &name : r.groupBy)
        if (std::string_view v = labels.get(name); !v.empty()) out.push_back({name, std::string(v)});
    return model::Labels::fromSorted(std::move(out));
}

std::string logKey(const std::string &groupKey, const std::string &receiver, IntegrationKind k, size_t i)
{
    return groupKey + "\x1f" + receiver + "\x1f" + integrationKindName(k) + std::to_string(i);
}

struct IntegrationSlot {
    IntegrationKind kind;
    size_t index;
    bool sendResolved;
};

std::vector<IntegrationSlot> slotsOf(const Receiver &r)
{
    std::vector<IntegrationSlot> out;
    for (size_t i = 0; i < r.webhookConfigs.size(); ++i)
        out.push_back({IntegrationKind::Webhook, i, r.webhookConfigs[i].sendResolved});
    for (size_t i = 0; i < r.slackConfigs.size(); ++i)
        out.push_back({IntegrationKind::Slack, i, r.slackConfigs[i].sendResolved});
    for (size_t i = 0; i < r.emailConfigs.size(); ++i)
        out.push_back({IntegrationKind::Email, i, r.emailConfigs[i].sendResolved});
    for (size_t i = 0; i < r.desktopConfigs.size(); ++i)
        out.push_back({IntegrationKind::Desktop, i, r.desktopConfigs[i].sendResolved});
    for (size_t i = 0; i < r.smsConfigs.size(); ++i)
        out.push_back({IntegrationKind::Sms, i, r.smsConfigs[i].sendResolved});
    for (size_t i = 0; i < r.actionConfigs.size(); ++i)
        out.push_back({IntegrationKind::Action, i, r.actionConfigs[i].sendResolved});
    return out;
}

}  // namespace

Dispatcher::Dispatcher(std::shared_ptr<const NotifyConfig> config, const Silences *silences)
    : config_(std::move(config)), silences_(silences)
{
}

void Dispatcher::setConfig(std::shared_ptr<const NotifyConfig> config, int64_t nowMs)
{
    config_ = std::move(config);
    groups_.clear();
    for (const auto &[fp, s] : alerts_)
        if (!isResolved(s.expiresMs, nowMs)) route(s, nowMs);
}

std::vector<const Route *> Dispatcher::matchRoutes(const Route &root, const model::Labels &labels)
{
    if (!matchesAll(root.matchers, labels)) return {};
    std::vector<const Route *> all;
    for (const Route &child : root.routes) {
        std::vector<const Route *> m = matchRoutes(child, labels);
        all.insert(all.end(), m.begin(), m.end());
        if (!m.empty() && !child.continueMatching) break;
    }
    if (all.empty()) all.push_back(&root);
    return all;
}

void Dispatcher::put(const std::vector<model::Alert> &alerts, int64_t nowMs)
{
    for (const model::Alert &in : alerts) {
        // Pending and inactive alerts are the rule engine's business; only
        // firing and resolved ones are notified (Prometheus sends no others).
        if (in.labels.empty() || in.state == model::AlertState::Pending || in.state == model::AlertState::Inactive)
            continue;
        const uint64_t fp = in.fingerprint();
        Stored s{in, 0, nowMs};
        if (s.alert.startsAtMs == 0) s.alert.startsAtMs = nowMs;
        if (in.endsAtMs != 0 || in.state == model::AlertState::Resolved) {
            s.alert.state = model::AlertState::Resolved;
            s.expiresMs = in.endsAtMs != 0 ? in.endsAtMs : nowMs;
        } else {
            s.alert.state = model::AlertState::Firing;
            s.expiresMs = nowMs + config_->global.resolveTimeoutMs;
        }
        if (auto it = alerts_.find(fp); it != alerts_.end()) {
            // Alertmanager's merge: keep the earliest start of the same alert
            // (unless the stored one had resolved before this one started).
            const Stored &old = it->second;
            if (!(isResolved(old.expiresMs, nowMs) && old.expiresMs < s.alert.startsAtMs))
                s.alert.startsAtMs = std::min(old.alert.startsAtMs, s.alert.startsAtMs);
        }
        alerts_[fp] = s;
        route(s, nowMs);
    }
}

void Dispatcher::route(const Stored &s, int64_t nowMs)
{
    for (const Route *r : matchRoutes(config_->route, s.alert.labels)) {
        const model::Labels gl = groupLabelsFor(*r, s.alert.labels);
        const std::string id = r->id + "\x1f" + gl.toString();
        auto [it, created] = groups_.try_emplace(id);
        Group &g = it->second;
        if (created) {
            g.route = r;
            g.groupLabels = gl;
            g.key = r->key + ":{";
            for (size_t i = 0; i < gl.size(); ++i)
                g.key += (i ? ", " : "") + gl[i].name + "=" + model::quoteLabelValue(gl[i].value);
            g.key += "}";
            g.nextFlushMs = nowMs + r->groupWaitMs;
        }
        g.alerts[s.alert.fingerprint()] = s;
        // An alert that started long ago need not wait (Alertmanager's
        // aggrGroup.insert).
        if (!g.flushed && s.alert.startsAtMs + r->groupWaitMs < nowMs) g.nextFlushMs = std::min(g.nextFlushMs, nowMs);
    }
}

int64_t Dispatcher::nextFlushMs() const
{
    int64_t next = INT64_MAX;
    for (const auto &[id, g] : groups_) next = std::min(next, g.nextFlushMs);
    return next;
}

std::vector<Notification> Dispatcher::flushDue(int64_t nowMs)
{
    std::vector<Notification> out;
    for (auto it = groups_.begin(); it != groups_.end();) {
        Group &g = it->second;
        if (g.nextFlushMs <= nowMs) {
            flush(g, nowMs, &out);
            g.nextFlushMs = nowMs + g.route->groupIntervalMs;
            g.flushed = true;
        }
        it = g.alerts.empty() ? groups_.erase(it) : std::next(it);
    }
    // Forget alerts resolved a while ago that no group holds any more.
    for (auto it = alerts_.begin(); it != alerts_.end();) {
        const bool old = isResolved(it->second.expiresMs, nowMs) && it->second.expiresMs + 15 * 60'000 < nowMs;
        it = old ? alerts_.erase(it) : std::next(it);
    }
    return out;
}

std::vector<uint64_t> Dispatcher::inhibitors(const model::Labels &target, uint64_t fp, int64_t nowMs) const
{
    std::vector<uint64_t> by;
    for (const InhibitRule &rule : config_->inhibitRules) {
        if (!matchesAll(rule.targetMatchers, target)) continue;
        for (const auto &entry : alerts_) {
            const uint64_t sfp = entry.first;
            const Stored &s = entry.second;
            if (sfp == fp || isResolved(s.expiresMs, nowMs)) continue;
            if (!matchesAll(rule.sourceMatchers, s.alert.labels)) continue;
            const bool equal = std::all_of(rule.equal.begin(), rule.equal.end(), [&](const std::string &n) {
                return s.alert.labels.get(n) == target.get(n);
            });
            if (equal) by.push_back(sfp);
        }
    }
    return by;
}

bool Dispatcher::timeMuted(const Route &r, int64_t nowMs) const
{
    for (const std::string &name : r.muteTimeIntervals)
        if (auto it = config_->timeIntervals.find(name); it != config_->timeIntervals.end() &&
                                                          inAnyInterval(it->second, nowMs))
            return true;
    if (r.activeTimeIntervals.empty()) return false;
    for (const std::string &name : r.activeTimeIntervals)
        if (auto it = config_->timeIntervals.find(name); it != config_->timeIntervals.end() &&
                                                          inAnyInterval(it->second, nowMs))
            return false;
    return true;
}

bool Dispatcher::needsUpdate(const LogEntry *e, const std::set<uint64_t> &firing, const std::set<uint64_t> &resolved,
                             bool sendResolved, int64_t repeatMs, int64_t nowMs)
{
    // Alertmanager's DedupStage.needsUpdate.
    if (!e) return !firing.empty();
    if (!std::includes(e->firing.begin(), e->firing.end(), firing.begin(), firing.end())) return true;
    if (firing.empty()) return !e->firing.empty();
    if (sendResolved && !std::includes(e->resolved.begin(), e->resolved.end(), resolved.begin(), resolved.end()))
        return true;
    return e->timeMs <= nowMs - repeatMs;
}

void Dispatcher::flush(Group &g, int64_t nowMs, std::vector<Notification> *out)
{
    std::vector<model::Alert> kept;
    std::vector<uint64_t> resolvedNow;
    for (auto &[fp, s] : g.alerts) {
        const bool resolved = isResolved(s.expiresMs, nowMs);
        if (resolved) resolvedNow.push_back(fp);
        model::Alert a = s.alert;
        a.state = resolved ? model::AlertState::Resolved : model::AlertState::Firing;
        if (resolved) a.endsAtMs = s.expiresMs;
        else a.endsAtMs = 0;
        if (!resolved && !inhibitors(a.labels, fp, nowMs).empty()) continue;
        if (silences_ && !silences_->mutedBy(a.labels, nowMs).empty()) continue;
        kept.push_back(std::move(a));
    }
    if (timeMuted(*g.route, nowMs)) {
        // Vigil's policy: an emergency is never muted by time.
        kept.erase(std::remove_if(kept.begin(), kept.end(),
                                  [](const model::Alert &a) { return a.tier() != model::AlertTier::Emergency; }),
                   kept.end());
    }
    std::sort(kept.begin(), kept.end(), [](const model::Alert &a, const model::Alert &b) { return a.labels < b.labels; });

    const Receiver *receiver = config_->findReceiver(g.route->receiver);
    if (!kept.empty() && receiver) {
        std::set<uint64_t> firing, resolved;
        for (const model::Alert &a : kept)
            (a.state == model::AlertState::Resolved ? resolved : firing).insert(a.fingerprint());
        for (const IntegrationSlot &slot : slotsOf(*receiver)) {
            const std::string key = logKey(g.key, receiver->name, slot.kind, slot.index);
            auto it = log_.find(key);
            if (!needsUpdate(it == log_.end() ? nullptr : &it->second, firing, resolved, slot.sendResolved,
                             g.route->repeatIntervalMs, nowMs))
                continue;
            Notification n;
            n.groupKey = g.key;
            n.receiver = receiver->name;
            n.kind = slot.kind;
            n.index = slot.index;
            n.groupLabels = g.groupLabels;
            n.timeMs = nowMs;
            for (const model::Alert &a : kept)
                if (slot.sendResolved || a.state != model::AlertState::Resolved) n.alerts.push_back(a);
            log_[key] = LogEntry{firing, resolved, nowMs};
            if (!n.alerts.empty()) out->push_back(std::move(n));
        }
    }
    // Resolved alerts have been reported (or were muted): they leave the group.
    for (uint64_t fp : resolvedNow) g.alerts.erase(fp);
}

void Dispatcher::deliveryFailed(const Notification &n)
{
    log_.erase(logKey(n.groupKey, n.receiver, n.kind, n.index));
}

std::vector<Dispatcher::AlertStatus> Dispatcher::alerts(int64_t nowMs) const
{
    std::vector<AlertStatus> out;
    for (const auto &[fp, s] : alerts_) {
        AlertStatus st;
        st.alert = s.alert;
        const bool resolved = isResolved(s.expiresMs, nowMs);
        st.alert.state = resolved ? model::AlertState::Resolved : model::AlertState::Firing;
        if (!resolved) st.inhibitedBy = inhibitors(s.alert.labels, fp, nowMs);
        if (silences_) st.silencedBy = silences_->mutedBy(s.alert.labels, nowMs);
        for (const Route *r : matchRoutes(config_->route, s.alert.labels)) st.receivers.push_back(r->receiver);
        out.push_back(std::move(st));
    }
    return out;
}

std::optional<model::Alert> Dispatcher::firingAlert(uint64_t fingerprint, int64_t nowMs) const
{
    auto it = alerts_.find(fingerprint);
    if (it == alerts_.end() || isResolved(it->second.expiresMs, nowMs)) return std::nullopt;
    return it->second.alert;
}

}  // namespace vigil::notify
