// Engine: the built-in VigilStorageWriteFailing alert.
//
// A rule over vigil_tsdb_wal_write_failures_total cannot raise this one: while
// the disk is full the rule engine can neither store the self metric's samples
// nor its ALERTS series. So the engine raises it itself, from the status it
// refreshes every 2 s, through the same fan-out as rule alerts (history,
// incidents, the console's desktop sink, the notifier). It fires while the
// most recent WAL write failed, is re-sent every --rules.alert.resend-delay
// like a rule's alert (the notifier would otherwise resolve it after
// resolve_timeout), and resolves at the first status after a write succeeded.
#include "runtime/engine.h"

#include "core/log.h"
#include "model/alert.h"
#include "rules/alert_sink.h"

#include <QDateTime>

namespace vigil::runtime {

void Engine::updateStorageAlert(bool failing, const QString &lastWalError)
{
    if (!alertFanOut_) return;  // no rule engine yet: the banner and the log still tell
    const int64_t nowMs = QDateTime::currentMSecsSinceEpoch();
    if (!failing && storageAlertStartsMs_ == 0) return;
    if (failing && storageAlertStartsMs_ != 0 && nowMs - storageAlertSentMs_ < options_.rulesResendDelayMs) return;

    model::Alert a;
    a.labels = model::Labels{{"alertname", "VigilStorageWriteFailing"}, {"severity", "critical"},
                             {"component", "storage"}, {"job", "vigil"}};
    a.annotations = model::Labels{
        {"summary", "Vigil cannot write to its data directory"},
        {"description", "Scraped samples are being dropped: " + lastWalError.toStdString() +
                            ". Free space in " + dataDir_.toStdString() + "; ingestion resumes by itself."},
    };
    if (failing) {
        if (storageAlertStartsMs_ == 0) {
            storageAlertStartsMs_ = nowMs;
            qCWarning(lcEngine) << "alert VigilStorageWriteFailing firing";
        }
        a.state = model::AlertState::Firing;
        a.activeAtMs = a.startsAtMs = storageAlertStartsMs_;
        a.value = 1;
        storageAlertSentMs_ = nowMs;
    } else {
        a.state = model::AlertState::Resolved;
        a.activeAtMs = a.startsAtMs = storageAlertStartsMs_;
        a.endsAtMs = nowMs;
        storageAlertStartsMs_ = 0;
        qCInfo(lcEngine) << "alert VigilStorageWriteFailing resolved";
    }
    alertFanOut_->send({std::move(a)});
}

}  // namespace vigil::runtime
