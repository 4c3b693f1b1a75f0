// sendTestNotification: the rule editor's "Send test" — one synthetic firing
// alert (alertname "VigilTestNotification", the receiver's tier as severity)
// delivered once, without retries, through every integration of one
// receiver except the desktop (Slack, email, SMS, webhook, action), with
// each integration's result or error.
//
// The delivery runs on the calling thread's event loop (asynchronous, as
// Delivery is); the future finishes there once every integration answered
// (each is bounded by its timeout). `config` must have its secrets resolved
// (resolveSecrets in notifier.h). Attempts are not written to app.db (a test
// is not alert history). A receiver that is not in `config` or has no
// integration besides the desktop gives an empty list.
//
// Thread: call on a thread with an event loop (the Notifier's).
#pragma once

#include "notify/delivery.h"
#include "notify/notify_config.h"

#include <QFuture>

#include <memory>
#include <string>
#include <vector>

namespace vigil::notify {

struct TestSendResult {
    std::string integration;  // "slack[0]", "email[0]", ...
    bool ok = false;
    std::string error;  // empty when ok; never holds secrets
};

QFuture<std::vector<TestSendResult>> sendTestNotification(std::shared_ptr<const NotifyConfig> config,
                                                          const std::string &receiver, DeliveryOptions options = {});

}  // namespace vigil::notify
