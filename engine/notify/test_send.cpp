#include "notify/test_send.h"

#include <QDateTime>
#include <QPromise>

namespace vigil::notify {

QFuture<std::vector<TestSendResult>> sendTestNotification(std::shared_ptr<const NotifyConfig> config,
                                                          const std::string &receiverName, DeliveryOptions options)
{
    auto promise = std::make_shared<QPromise<std::vector<TestSendResult>>>();
    QFuture<std::vector<TestSendResult>> future = promise->future();
    promise->start();
    const Receiver *receiver = config ? config->findReceiver(receiverName) : nullptr;
    std::vector<std::pair<IntegrationKind, size_t>> slots;
    if (receiver) {
        for (size_t i = 0; i < receiver->slackConfigs.size(); ++i) slots.push_back({IntegrationKind::Slack, i});
        for (size_t i = 0; i < receiver->emailConfigs.size(); ++i) slots.push_back({IntegrationKind::Email, i});
        for (size_t i = 0; i < receiver->smsConfigs.size(); ++i) slots.push_back({IntegrationKind::Sms, i});
        for (size_t i = 0; i < receiver->webhookConfigs.size(); ++i) slots.push_back({IntegrationKind::Webhook, i});
        for (size_t i = 0; i < receiver->actionConfigs.size(); ++i) slots.push_back({IntegrationKind::Action, i});
    }
    if (slots.empty()) {
        promise->addResult(std::vector<TestSendResult>{});
        promise->finish();
        return future;
    }

    options.maxAttempts = 1;  // a test shows the first answer; no retries
    auto *delivery = new Delivery(options, nullptr);
    auto results = std::make_shared<std::vector<TestSendResult>>();
    const size_t expected = slots.size();
    QObject::connect(delivery, &Delivery::attempted, delivery,
                     [delivery, promise, results, expected](const QString &, const QString &integration, int, bool ok,
                                                            bool, const QString &error) {
                         results->push_back({integration.toStdString(), ok, error.toStdString()});
                         if (results->size() < expected) return;
                         promise->addResult(std::move(*results));
                         promise->finish();
                         delivery->deleteLater();
                     });

    const int64_t now = QDateTime::currentMSecsSinceEpoch();
    model::Alert alert;
    std::string severity = receiverName.rfind("tier-", 0) == 0 ? receiverName.substr(5) : std::string("warning");
    alert.labels = model::Labels{{"alertname", "VigilTestNotification"}, {"severity", severity}};
    alert.annotations = model::Labels{{"summary", "Test notification from Vigil"},
                                      {"description", "Sent with Send test in the console; no action is needed."}};
    alert.state = model::AlertState::Firing;
    alert.activeAtMs = alert.startsAtMs = now;
    for (const auto &[kind, index] : slots) {
        Notification n;
        n.groupKey = "{}:{alertname=\"VigilTestNotification\"}";
        n.receiver = receiverName;
        n.kind = kind;
        n.index = index;
        n.groupLabels = model::Labels{{"alertname", "VigilTestNotification"}};
        n.alerts = {alert};
        n.timeMs = now;
        delivery->deliver(n, config);
    }
    return future;
}

}  // namespace vigil::notify
