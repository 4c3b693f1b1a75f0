// The Engine's notification part: the Notifier (engine/notify) with
// --notifier.config.file or the built-in tier policy.
#include "runtime/engine.h"

#include "core/log.h"
#include "notify/console_notify_config.h"
#include "notify/default_config.h"
#include "notify/notifier.h"
#include "notify/secret_store.h"
#include "scrape/prometheus_config.h"
#include "store/app_store.h"

namespace vigil::runtime {

Status Engine::startNotifier()
{
    // The keychain is only asked when a configuration references a secret
    // (${keychain:NAME}), so machines without one run fine otherwise.
    if (!notifySecrets_) notifySecrets_ = std::make_unique<notify::KeychainSecretStore>();
    notify::Notifier::Options o;
    o.delivery.externalUrl =
        options_.externalUrl.empty() ? "http://" + options_.listenAddress : options_.externalUrl;
    notifier_ = new notify::Notifier(o, store_.get(), notifySecrets_.get(), this);
    Status config = reloadNotifier();
    Status started = notifier_->start();
    alertNotifier_.store(notifier_);  // the rule engine's alerts reach it from now on
    if (!started.isOk()) qCWarning(lcEngine).noquote() << "silences:" << started.message().c_str();
    return config;
}

std::optional<notify::ConsoleNotifyConfig> Engine::consoleNotifyConfig() const
{
    if (!store_) return std::nullopt;
    auto docs = store_->documents(notify::kConsoleNotifyDocKind);
    if (!docs) return std::nullopt;
    for (const auto &d : *docs) {
        if (d.name != notify::kConsoleNotifyDocName) continue;
        auto c = notify::ConsoleNotifyConfig::fromJson(d.json);
        if (c) return std::move(*c);
        qCWarning(lcEngine).noquote() << "stored notification settings:" << c.status().message().c_str();
    }
    return std::nullopt;
}

Status Engine::reloadNotifier()
{
    if (!notifier_) return Status::ok();
    // prometheus.yml's alerting section: forward to real Alertmanagers too.
    notify::AlertingConfig alerting;
    if (!options_.configFile.empty()) {
        auto prom = scrape::PrometheusConfig::loadFile(options_.configFile);
        if (!prom) return prom.status();
        if (auto it = prom->rawSections.find("alerting"); it != prom->rawSections.end()) {
            auto parsed = notify::AlertingConfig::parse(it->second, options_.configFile);
            if (!parsed) return parsed.status();
            alerting = std::move(*parsed);
        }
    }
    notifier_->setAlertmanagers(std::move(alerting));
    if (options_.notifierConfigFile.empty()) {
        // The console's channels and quiet hours (Rules page) when saved, else
        // desktop notifications for every tier.
        if (auto console = consoleNotifyConfig(); console.has_value()) {
            Result<notify::NotifyConfig> cfg = console->toNotifyConfig();
            if (!cfg) return cfg.status();
            return notifier_->applyConfig(std::move(*cfg));
        }
        Result<notify::NotifyConfig> cfg = notify::defaultConfig({});
        if (!cfg) return cfg.status();
        return notifier_->applyConfig(std::move(*cfg));
    }
    Status s = notifier_->loadConfigFile(options_.notifierConfigFile);
    if (s.isOk()) qCInfo(lcEngine) << "notification configuration loaded from" << options_.notifierConfigFile.c_str();
    return s;
}

}  // namespace vigil::runtime
