// DesktopAlertSink: the console's notify::DesktopSink — every desktop_configs
// notification becomes one freedesktop notification per alert group
// (NotificationClient), updated in place through replaces_id rather than
// stacked, closed when the group resolves.
//
//   urgency hint by tier: warning (and unknown) normal, critical/emergency
//   critical; never lower than the receiver's `urgency` (an escalation step
//   to the critical channels is shown as critical). `resident` and no
//   expiry for critical urgency or `persistent` receivers.
//   actions: default (click) and "open-graph" → openGraphRequested;
//   "acknowledge" → acknowledgeRequested (dropped once acknowledged);
//   "silence-1h" → silenceRequested; "runbook" (only with a runbook_url
//   annotation) → QDesktopServices::openUrl.
//
// Without a notification server (the Notify call fails) the message goes to
// the fallback (the tray's showMessage), without actions.
//
// Threading: lives on the GUI thread; notify() may be called from any thread
// (it is queued to the sink's thread and never blocks).
#pragma once

#include "notify/acknowledgement.h"
#include "notify/desktop_sink.h"

#include <QHash>
#include <QObject>

#include <functional>

namespace vigil::ui {

class NotificationClient;

class DesktopAlertSink : public QObject, public notify::DesktopSink {
    Q_OBJECT
public:
    // `client` must outlive the sink.
    explicit DesktopAlertSink(NotificationClient *client, QObject *parent = nullptr);

    void notify(const notify::DesktopNotification &n) override;
    // Shows the acknowledgement on the group's notification (updated body, no
    // Acknowledge action any more).
    void markAcknowledged(const notify::Acknowledgement &ack);

    using Fallback = std::function<void(const QString &summary, const QString &body, model::AlertTier tier)>;
    void setFallback(Fallback f) { fallback_ = std::move(f); }

    // The server's id of the group's notification (0: none shown).
    uint notificationId(const QString &groupKey) const;
    QString groupOf(uint id) const { return byId_.value(id); }
    // The last notification shown for a group.
    notify::DesktopNotification lastNotification(const QString &groupKey) const;

Q_SIGNALS:
    // After a notification was handled (shown, updated or closed), on the sink's thread.
    void delivered(const vigil::notify::DesktopNotification &n);
    void acknowledgeRequested(const QString &groupKey);
    void silenceRequested(const vigil::notify::DesktopNotification &n);
    void openGraphRequested(const vigil::notify::DesktopNotification &n);
    // The notification server could not be used; the fallback showed it.
    void fallbackUsed(const QString &error);

private:
    struct Group {
        uint id = 0;
        bool pending = false;  // a Notify call is in flight
        bool again = false;    // show the latest state once it answers
        notify::DesktopNotification last;
        int urgency = 1;       // highest urgency while firing
        QString ackOwner;
    };
    void handle(const notify::DesktopNotification &n);
    void show(const QString &key);
    void onAction(uint id, const QString &action);
    void onClosed(uint id, uint reason);

    NotificationClient *client_;
    Fallback fallback_;
    QHash<QString, Group> groups_;
    QHash<uint, QString> byId_;
};

// 0 low, 1 normal, 2 critical (the spec's urgency byte) for a notification.
int urgencyFor(const notify::DesktopNotification &n);

}  // namespace vigil::ui
