// Discoverer: one service discovery mechanism instance (one entry of a
// job's *_sd_configs). It lives on the discovery thread (DiscoveryManager)
// and reports its complete current set of target groups through the sink
// whenever it changes. On an error (unreadable file, failed HTTP request) it
// keeps and re-reports its last good groups with the error, so a broken
// source never drops running targets.
#pragma once

#include "discovery/target_group.h"

#include <QObject>

#include <functional>
#include <string>
#include <vector>

namespace vigil::discovery {

struct DiscoveryUpdate {
    std::vector<TargetGroup> groups;  // the full current set
    std::string error;                // empty when the last refresh succeeded
};

class Discoverer : public QObject {
    Q_OBJECT
public:
    using Sink = std::function<void(DiscoveryUpdate)>;

    using QObject::QObject;
    ~Discoverer() override = default;

    // Starts discovering (timers, watchers, first refresh). Called once on
    // the thread the discoverer lives in; `sink` is called on that thread.
    virtual void start(Sink sink) = 0;
};

}  // namespace vigil::discovery
