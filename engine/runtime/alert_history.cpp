#include "runtime/alert_history.h"

#include "core/log.h"
#include "notify/payloads.h"
#include "store/app_store.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace vigil::runtime {

namespace {
// Resolved episodes are remembered this long so re-sent resolved alerts
// (the rule engine repeats them for 15 minutes) are not recorded twice.
constexpr int64_t kForgetResolvedMs = 60 * 60 * 1000;
}  // namespace

std::string AlertHistoryRecorder::labelsJson(const model::Labels &labels)
{
    QJsonObject o;
    for (const auto &l : labels) o.insert(QString::fromStdString(l.name), QString::fromStdString(l.value));
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

void AlertHistoryRecorder::append(int64_t timeMs, const model::Alert &a, const std::string &state)
{
    if (!store_) return;
    store::AppStore::AlertEvent e;
    e.timeMs = timeMs;
    e.alertName = std::string(a.labels.get("alertname"));
    e.severity = std::string(a.labels.get("severity"));
    e.state = state;
    e.labelsJson = labelsJson(a.labels);
    std::string_view msg = a.annotations.get("summary");
    if (msg.empty()) msg = a.annotations.get("description");
    e.message = std::string(msg);
    // The fingerprint joins these rows with the notifier's acknowledged and
    // escalated rows (notify/alert_history.h).
    e.fingerprint = notify::fingerprintHex(a.fingerprint());
    if (Status s = store_->appendAlertEvent(e); !s.isOk())
        qCWarning(lcEngine).noquote() << "alert history:" << s.toString().c_str();
}

void AlertHistoryRecorder::setResolvedHandler(std::function<void(const model::Alert &)> f)
{
    std::lock_guard lock(mu_);
    onResolved_ = std::move(f);
}

void AlertHistoryRecorder::record(const std::vector<model::Alert> &alerts)
{
    std::vector<model::Alert> resolvedNow;
    std::function<void(const model::Alert &)> onResolved;
    std::unique_lock lock(mu_);
    onResolved = onResolved_;
    int64_t latest = 0;
    for (const model::Alert &a : alerts) {
        const uint64_t fp = a.fingerprint();
        const bool resolved = a.state == model::AlertState::Resolved;
        const int64_t seen = resolved ? a.endsAtMs : a.startsAtMs;
        latest = std::max(latest, seen);
        auto it = episodes_.find(fp);
        if (!resolved) {
            if (it != episodes_.end() && it->second.startsAtMs == a.startsAtMs && !it->second.resolved) continue;
            append(a.startsAtMs, a, "fired");
            episodes_[fp] = Episode{a.startsAtMs, false, seen};
        } else {
            if (it != episodes_.end() && it->second.startsAtMs == a.startsAtMs && it->second.resolved) continue;
            append(a.endsAtMs, a, "resolved");
            episodes_[fp] = Episode{a.startsAtMs, true, seen};
            resolvedNow.push_back(a);
        }
    }
    for (auto it = episodes_.begin(); it != episodes_.end();) {
        if (it->second.resolved && latest - it->second.seenMs > kForgetResolvedMs) it = episodes_.erase(it);
        else ++it;
    }
    lock.unlock();
    if (onResolved)
        for (const model::Alert &a : resolvedNow) onResolved(a);
}

void AlertHistoryRecorder::recordSilence(const std::string &state, const model::Labels &labels,
                                         const std::string &comment, int64_t timeMs)
{
    model::Alert a;
    a.labels = labels;
    a.annotations = model::Labels{{"summary", comment}};
    std::lock_guard lock(mu_);
    append(timeMs, a, state);
}

}  // namespace vigil::runtime
