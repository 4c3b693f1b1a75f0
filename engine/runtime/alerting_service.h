// AlertingService: what the console's Alerts and Rules pages ask of the
// engine — rule and alert snapshots, silences, the alert history, the
// console's notification settings and Send test — each as a QFuture that
// never blocks the GUI. Reads and app.db writes run on
// QThreadPool::globalInstance() (the console drains it before stopping the
// engine); the steps that must run on the Notifier's thread (applying a
// configuration, delivering a test) are queued to it.
//
// Silences "until resolved" are ordinary silences with a far end time
// (kUntilResolvedMs) plus an app.db document (kind
// kUntilResolvedDocKind, name = silence id); the engine expires them when
// the alert they were made for resolves (Engine::endSilencesUntilResolved).
//
// Secrets entered in the forms go to the keychain (store::SecretStore,
// service "vigil") on the worker thread before anything references them;
// the settings hold only ${keychain:NAME}.
//
// Threads: construct and call on the engine's thread (the GUI thread); the
// engine must be Running for a call to do anything (FailedPrecondition
// otherwise) and must outlive the service's running futures.
#pragma once

#include "notify/console_notify_config.h"
#include "notify/silences.h"
#include "notify/test_send.h"
#include "rules/rule_manager.h"
#include "store/app_store.h"

#include <QFuture>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace vigil::store { class SecretStore; }

namespace vigil::runtime {

class Engine;

inline constexpr const char *kUntilResolvedDocKind = "silence_until_resolved";
inline constexpr int64_t kUntilResolvedMs = int64_t(10) * 365 * 24 * 3600 * 1000;

struct AlertingSnapshot {
    Status status;
    std::vector<rules::GroupSnapshot> groups;  // rule groups with their pending and firing alerts
    std::vector<notify::Silence> silences;     // all, expired ones too
    std::vector<std::string> untilResolved;    // ids of "until resolved" silences
    int64_t nowMs = 0;
};

struct AlertHistorySnapshot {
    Status status;
    std::vector<store::AppStore::AlertEvent> events;  // newest first
    std::vector<store::DeliveryAttempt> attempts;     // newest first
};

struct SilenceOutcome {
    Status status;
    std::string id;
};

struct NotifySettingsOutcome {
    Status status;
    notify::ConsoleNotifyConfig config;
    bool fileInUse = false;  // --notifier.config.file is set: the console's settings are not applied
};

struct TestSendOutcome {
    Status status;  // errors before any delivery (keychain, validation)
    std::vector<notify::TestSendResult> results;
};

// A secret to store in the keychain under `name` before the settings refer to it.
using SecretWrite = std::pair<std::string, std::string>;

class AlertingService {
public:
    // `secrets`: where form secrets are written and test sends read them
    // (null: the engine's, the system keychain). Not owned.
    explicit AlertingService(Engine *engine, store::SecretStore *secrets = nullptr);
    ~AlertingService();

    QFuture<AlertingSnapshot> snapshot();
    QFuture<AlertHistorySnapshot> history(int limit);

    // Creates `s` (startsAt/endsAt set by the caller; untilResolved: endsAt
    // is replaced by now + kUntilResolvedMs) and records "silenced" in the
    // history with `alertLabels`.
    QFuture<SilenceOutcome> createSilence(notify::Silence s, model::Labels alertLabels, bool untilResolved);
    QFuture<Status> expireSilence(std::string id);

    QFuture<NotifySettingsOutcome> notifySettings();
    // Writes the secrets, validates, stores the settings in app.db and
    // applies them to the Notifier (unless a config file is in use:
    // FailedPrecondition, nothing stored).
    QFuture<Status> saveNotifySettings(notify::ConsoleNotifyConfig config, std::vector<SecretWrite> secrets);
    // Sends a test notification through `tier`'s channels as configured in
    // `config` (not necessarily saved).
    QFuture<TestSendOutcome> sendTest(notify::ConsoleNotifyConfig config, notify::ConsoleTier tier,
                                      std::vector<SecretWrite> secrets);

private:
    Engine *engine_;
    store::SecretStore *secrets_;
};

}  // namespace vigil::runtime
