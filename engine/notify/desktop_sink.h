// DesktopSink: where desktop_configs deliver. The console implements it
// (notifications over D-Bus, pop-ups, the emergency alert window; issue 10);
// the Notifier also emits desktopNotification() for the same value.
//
// notify() is called on the Notifier's thread and must not block; a sink
// that needs the GUI thread queues the value there.
#pragma once

#include "model/alert.h"

#include <QMetaType>

#include <cstdint>
#include <string>
#include <vector>

namespace vigil::notify {

struct DesktopNotification {
    std::string groupKey;
    std::string receiver;
    std::string title;    // "[FIRING:2] HighCPU (web1)"
    std::string body;     // one line per alert
    std::string urgency;  // low, normal, critical
    bool persistent = false;   // stays until dismissed
    bool alertWindow = false;  // emergency: stays until acknowledged
    bool resolved = false;     // every alert of the group resolved
    model::AlertTier tier = model::AlertTier::Unknown;
    std::vector<model::Alert> alerts;
    int64_t timeMs = 0;
    int escalationStep = 0;      // > 0: sent by that step of an escalation ladder
    std::string acknowledgedBy;  // set when every firing alert is acknowledged
};

class DesktopSink {
public:
    virtual ~DesktopSink() = default;
    virtual void notify(const DesktopNotification &n) = 0;
};

}  // namespace vigil::notify
Q_DECLARE_METATYPE(vigil::notify::DesktopNotification)
