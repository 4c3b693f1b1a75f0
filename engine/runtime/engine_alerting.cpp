// Engine: "until resolved" silences end when the alert they were made for
// resolves (see alerting_service.h).
#include "runtime/engine.h"

#include "core/log.h"
#include "notify/label_matchers.h"
#include "notify/notifier.h"
#include "runtime/alert_history.h"
#include "runtime/alerting_service.h"
#include "store/app_store.h"

#include <QDateTime>

namespace vigil::runtime {

void Engine::endSilencesUntilResolved(const model::Alert &resolved)
{
    notify::Notifier *n = alertNotifier_.load();
    if (!n || !store_) return;
    auto docs = store_->documents(kUntilResolvedDocKind);
    if (!docs || docs->empty()) return;
    const int64_t now = QDateTime::currentMSecsSinceEpoch();
    const std::vector<notify::Silence> silences = n->silences().list();
    for (const auto &d : *docs) {
        auto it = std::find_if(silences.begin(), silences.end(), [&](const notify::Silence &s) { return s.id == d.name; });
        if (it == silences.end() || it->state(now) == notify::Silence::State::Expired) {
            (void)store_->removeDocument(kUntilResolvedDocKind, d.name);  // gone or expired by hand
            continue;
        }
        if (!notify::matchesAll(it->matchers, resolved.labels)) continue;
        if (Status s = n->silences().expire(it->id, now); !s.isOk()) {
            qCWarning(lcEngine).noquote() << "silence" << it->id.c_str() << ":" << s.toString().c_str();
            continue;
        }
        (void)store_->removeDocument(kUntilResolvedDocKind, d.name);
        if (alertHistory_) alertHistory_->recordSilence("silence expired", resolved.labels, it->comment, now);
    }
}

}  // namespace vigil::runtime
