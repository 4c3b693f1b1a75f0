#include "notify/alert_history.h"

#include "notify/payloads.h"
#include "store/app_store.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdlib>

namespace vigil::notify {

namespace {

constexpr std::pair<HistoryEvent::Kind, const char *> kKindNames[] = {
    {HistoryEvent::Kind::Fired, "fired"},
    {HistoryEvent::Kind::Acknowledged, "acknowledged"},
    {HistoryEvent::Kind::Escalated, "escalated"},
    {HistoryEvent::Kind::Resolved, "resolved"},
    {HistoryEvent::Kind::Silenced, "silenced"},
};

}  // namespace

const char *historyKindName(HistoryEvent::Kind k)
{
    for (const auto &[kind, name] : kKindNames)
        if (kind == k) return name;
    return "unknown";
}

bool historyKindFromName(std::string_view name, HistoryEvent::Kind *out)
{
    if (name == "firing") {  // the rule engine recorder's word for it
        *out = HistoryEvent::Kind::Fired;
        return true;
    }
    for (const auto &[kind, n] : kKindNames) {
        if (name == n) {
            *out = kind;
            return true;
        }
    }
    return false;
}

std::string labelsToJson(const model::Labels &labels)
{
    QJsonObject o;
    for (const model::Label &l : labels) o.insert(QString::fromStdString(l.name), QString::fromStdString(l.value));
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

model::Labels labelsFromJson(const std::string &json)
{
    const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
    std::vector<model::Label> out;
    for (auto it = o.begin(); it != o.end(); ++it)
        out.push_back({it.key().toStdString(), it.value().toString().toStdString()});
    return model::Labels::fromUnsorted(std::move(out));
}

Status AlertHistory::record(const HistoryEvent &e)
{
    if (!store_ || !store_->isOpen()) return Status::ok();
    store::AppStore::AlertEvent row;
    row.timeMs = e.timeMs;
    row.alertName = e.alertName();
    row.severity = std::string(e.labels.get("severity"));
    row.state = historyKindName(e.kind);
    row.labelsJson = labelsToJson(e.labels);
    row.message = e.message;
    row.fingerprint = fingerprintHex(e.fingerprint);
    row.groupKey = e.groupKey;
    row.actor = e.actor;
    row.receiver = e.receiver;
    return store_->appendAlertEvent(row);
}

Status AlertHistory::record(HistoryEvent::Kind kind, const model::Alert &alert, const std::string &groupKey,
                            int64_t timeMs, const std::string &actor, const std::string &receiver,
                            const std::string &message)
{
    HistoryEvent e;
    e.kind = kind;
    e.timeMs = timeMs;
    e.fingerprint = alert.fingerprint();
    e.labels = alert.labels;
    e.groupKey = groupKey;
    e.actor = actor;
    e.receiver = receiver;
    e.message = message;
    return record(e);
}

Result<std::vector<HistoryEvent>> AlertHistory::query(const HistoryFilter &f) const
{
    if (!store_ || !store_->isOpen()) return std::vector<HistoryEvent>{};
    store::AppStore::AlertEventFilter sf;
    sf.fromMs = f.fromMs;
    sf.toMs = f.toMs;
    if (f.fingerprint) sf.fingerprint = fingerprintHex(f.fingerprint);
    sf.alertName = f.alertName;
    sf.groupKey = f.groupKey;
    for (HistoryEvent::Kind k : f.kinds) {
        sf.states.push_back(historyKindName(k));
        if (k == HistoryEvent::Kind::Fired) sf.states.push_back("firing");  // the recorder's word
    }
    sf.limit = f.limit;
    auto rows = store_->alertEvents(sf);
    if (!rows) return rows.status();
    std::vector<HistoryEvent> out;
    out.reserve(rows->size());
    for (const store::AppStore::AlertEvent &r : *rows) {
        HistoryEvent e;
        // Rows written by other code (older "firing" states) are skipped, not guessed.
        if (!historyKindFromName(r.state, &e.kind)) continue;
        e.timeMs = r.timeMs;
        e.fingerprint = std::strtoull(r.fingerprint.c_str(), nullptr, 16);
        e.labels = labelsFromJson(r.labelsJson);
        e.groupKey = r.groupKey;
        e.actor = r.actor;
        e.receiver = r.receiver;
        e.message = r.message;
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace vigil::notify
