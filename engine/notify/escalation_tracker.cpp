#include "notify/escalation_tracker.h"

#include "core/log.h"
#include "notify/alert_history.h"
#include "notify/payloads.h"
#include "store/app_store.h"

#include <climits>
#include <cstdlib>

namespace vigil::notify {

Status EscalationTracker::load()
{
    if (!store_) return Status::ok();
    auto rows = store_->escalationStates();
    if (!rows) return rows.status();
    entries_.clear();
    for (const store::StoredEscalation &r : *rows) {
        Entry e;
        e.alert.labels = labelsFromJson(r.labels);
        e.groupKey = r.groupKey;
        e.sinceMs = r.sinceMs;
        e.step = r.step;
        e.ackedMs = r.ackedMs;
        e.confirmed = false;
        const uint64_t fp = std::strtoull(r.fingerprint.c_str(), nullptr, 16);
        // The labels decide the fingerprint; a row that disagrees is stale.
        if (fp == 0 || e.alert.labels.hash() != fp) continue;
        entries_[fp] = std::move(e);
    }
    return Status::ok();
}

void EscalationTracker::persist(const Entry &e)
{
    if (!store_ || !store_->isOpen()) return;
    store::StoredEscalation r{fingerprintHex(e.alert.fingerprint()), e.groupKey, labelsToJson(e.alert.labels),
                              e.sinceMs, e.step, e.ackedMs, e.sinceMs};
    if (Status s = store_->putEscalationState(r); !s)
        qCWarning(lcNotify) << "cannot save escalation state:" << s.toString().c_str();
}

void EscalationTracker::notified(const model::Alert &alert, const std::string &groupKey, int64_t nowMs)
{
    const uint64_t fp = alert.fingerprint();
    auto it = entries_.find(fp);
    if (it != entries_.end()) {
        it->second.alert = alert;
        if (!it->second.confirmed) {
            it->second.confirmed = true;
            if (it->second.groupKey.empty()) it->second.groupKey = groupKey;
        }
        return;
    }
    Entry e;
    e.alert = alert;
    e.groupKey = groupKey;
    e.sinceMs = nowMs;
    persist(e);
    entries_.emplace(fp, std::move(e));
}

void EscalationTracker::confirm(const model::Alert &alert)
{
    auto it = entries_.find(alert.fingerprint());
    if (it == entries_.end()) return;
    it->second.alert = alert;
    it->second.confirmed = true;
}

bool EscalationTracker::resolve(uint64_t fingerprint)
{
    if (!entries_.erase(fingerprint)) return false;
    if (store_ && store_->isOpen()) {
        if (Status s = store_->removeEscalationState(fingerprintHex(fingerprint)); !s)
            qCWarning(lcNotify) << "cannot remove escalation state:" << s.toString().c_str();
    }
    return true;
}

std::vector<EscalationTracker::Due> EscalationTracker::takeDue(const NotifyConfig &config, int64_t nowMs,
                                                               const std::function<bool(const model::Alert &)> &hold)
{
    std::vector<Due> out;
    for (auto &[fp, e] : entries_) {
        // Restored entries wait until the alert is seen again: it may have
        // resolved while Vigil was not running.
        if (e.ackedMs != 0 || !e.confirmed) continue;
        const EscalationLadder *ladder = config.findLadder(e.alert.labels);
        if (!ladder || e.step >= int(ladder->steps.size())) continue;
        const EscalationStep &s = ladder->steps[size_t(e.step)];
        if (nowMs < e.sinceMs + s.afterMs) continue;
        if (hold && hold(e.alert)) continue;
        out.push_back({e.alert, e.groupKey, ladder->name, e.step, int(ladder->steps.size()), s});
        ++e.step;
        persist(e);
    }
    return out;
}

int64_t EscalationTracker::nextDueMs(const NotifyConfig &config) const
{
    int64_t next = INT64_MAX;
    for (const auto &[fp, e] : entries_) {
        if (e.ackedMs != 0 || !e.confirmed) continue;
        const EscalationLadder *ladder = config.findLadder(e.alert.labels);
        if (!ladder || e.step >= int(ladder->steps.size())) continue;
        next = std::min(next, e.sinceMs + ladder->steps[size_t(e.step)].afterMs);
    }
    return next;
}

std::vector<EscalationTracker::Entry> EscalationTracker::acknowledge(const AckTarget &target, const std::string &owner,
                                                                     int64_t nowMs)
{
    std::vector<Entry> out;
    for (auto &[fp, e] : entries_) {
        const bool match = target.fingerprint ? fp == target.fingerprint
                                              : !target.groupKey.empty() && e.groupKey == target.groupKey;
        if (!match || e.ackedMs != 0) continue;
        e.ackedMs = nowMs;
        e.ackOwner = owner;
        persist(e);
        out.push_back(e);
    }
    return out;
}

EscalationTracker::Entry EscalationTracker::acknowledgeUntracked(const model::Alert &alert, const std::string &groupKey,
                                                                 const std::string &owner, int64_t nowMs)
{
    Entry e;
    e.alert = alert;
    e.groupKey = groupKey;
    e.sinceMs = nowMs;
    e.ackedMs = nowMs;
    e.ackOwner = owner;
    persist(e);
    entries_[alert.fingerprint()] = e;
    return e;
}

std::vector<uint64_t> EscalationTracker::dropUnconfirmed()
{
    std::vector<uint64_t> gone;
    for (const auto &[fp, e] : entries_)
        if (!e.confirmed) gone.push_back(fp);
    for (uint64_t fp : gone) resolve(fp);
    return gone;
}

const EscalationTracker::Entry *EscalationTracker::find(uint64_t fingerprint) const
{
    auto it = entries_.find(fingerprint);
    return it == entries_.end() ? nullptr : &it->second;
}

}  // namespace vigil::notify
