// Acknowledgement: someone took ownership of a firing alert. It stops the
// alert's escalation ladder (escalation_tracker.h) for the rest of that
// firing episode; when the alert resolves and fires again, it climbs anew.
// Acknowledgements are kept in app.db (table alert_acknowledgements) as
// history, e.g. for markers on graphs.
//
// Plain values; thread-safe to copy.
#pragma once

#include "model/labels.h"

#include <QMetaType>

#include <cstdint>
#include <string>
#include <vector>

namespace vigil::notify {

struct Acknowledgement {
    int64_t id = 0;            // row id in app.db (0 when not persisted)
    uint64_t fingerprint = 0;  // the alert (model::Alert::fingerprint())
    std::string groupKey;      // the aggregation group it was notified in
    model::Labels labels;      // the alert's labels
    std::string owner;
    std::string comment;
    int64_t timeMs = 0;        // when acknowledged
    int64_t startsAtMs = 0;    // the firing episode acknowledged
};

// What to acknowledge: one alert by fingerprint, or every firing alert of an
// aggregation group by its key (as in DesktopNotification::groupKey). Set
// exactly one.
struct AckTarget {
    uint64_t fingerprint = 0;
    std::string groupKey;
};

}  // namespace vigil::notify
Q_DECLARE_METATYPE(vigil::notify::Acknowledgement)
