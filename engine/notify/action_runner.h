// runAction: runs an action_configs command (argv, no shell) for a
// notification. Arguments may use the placeholders of payloads.h
// ({{alertname}}, {{status}}, ...). The webhook v4 JSON goes to stdin;
// VIGIL_ALERT_STATUS, VIGIL_ALERT_NAME, VIGIL_ALERT_SEVERITY,
// VIGIL_ALERT_COUNT, VIGIL_GROUP_KEY and VIGIL_RECEIVER are set in the
// environment. Standard output and error (merged, at most 64 KiB kept) and
// the exit code go to the result's detail and the log. A non-zero exit or a
// timeout (the process is killed) fails without retry: an action such as
// scaling out must not run twice because it was slow.
//
// Asynchronous: `done` runs once on the calling thread's event loop.
#pragma once

#include "notify/attempt_result.h"
#include "notify/notification.h"
#include "notify/receiver_config.h"

class QObject;

namespace vigil::notify {

void runAction(QObject *context, const ActionConfig &cfg, const Notification &n, const std::string &externalUrl,
               AttemptDone done);

}  // namespace vigil::notify
