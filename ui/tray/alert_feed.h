// AlertFeed: the firing alerts for the tray, read by querying
// ALERTS{alertstate="firing"} through the engine's QueryService every
// `intervalMs` (15 s by default) while the engine runs — until the alerting
// UI (issue 10) provides a direct feed. A poll still running when the next is
// due is cancelled. alertsChanged() is emitted when the set changes.
// Threading: GUI thread only.
#pragma once

#include "runtime/engine.h"
#include "runtime/query_service.h"
#include "tray/active_alerts.h"

#include <QObject>

class QTimer;

namespace vigil::ui {

class AlertFeed : public QObject {
    Q_OBJECT
public:
    explicit AlertFeed(runtime::Engine *engine, int intervalMs = 15000, QObject *parent = nullptr);
    ~AlertFeed() override;

    const QVector<ActiveAlert> &alerts() const { return alerts_; }

public Q_SLOTS:
    void poll();

Q_SIGNALS:
    void alertsChanged(const QVector<vigil::ui::ActiveAlert> &alerts);
    void polled();  // after every poll, changed or not

private:
    runtime::Engine *engine_;
    QTimer *timer_;
    runtime::CancelToken token_;
    uint64_t generation_ = 0;
    QVector<ActiveAlert> alerts_;
};

}  // namespace vigil::ui
