// AlertDesk: the console's desktop alerting, between the engine's Notifier
// and the desktop. It installs a DesktopAlertSink on the Notifier (desktop
// notifications over D-Bus, tray messages without a server) and opens the
// tier's window: critical (a `persistent` receiver) → AlertPopup, emergency
// (an `alert_window` receiver) → EmergencyWindow. It carries out what the
// user does there:
//   Acknowledge → Notifier::acknowledge, queued to the notifier's thread
//     (from a notification: owner = the OS user, no comment; from a window:
//     its owner and comment);
//   Silence 1 h → a silence on the group's shared labels through
//     Notifier::silences(), on a worker thread (it writes app.db);
//   Open graph (or a click on the notification) → openGraphRequested(expr,
//     from, to): the main window shows Explore over the firing time.
// Acknowledgements (Notifier::acknowledged) update the notification, the
// windows and acknowledgementsChanged() (the tray and graph markers).
//
// Threading: GUI thread. The Notifier may live on another thread; every call
// into it is queued, so the GUI never waits on it.
#pragma once

#include "notify/acknowledgement.h"
#include "notify/desktop_sink.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QVector>

namespace vigil::notify { class Notifier; }
namespace vigil::runtime { class Engine; }

namespace vigil::ui {

class AlertPopup;
class DesktopAlertSink;
class EmergencyWindow;
class NotificationClient;

class AlertDesk : public QObject {
    Q_OBJECT
public:
    // `client` may be null (the session bus is used); `engine` (may be null)
    // gives the emergency window its graph data and must outlive the desk.
    AlertDesk(NotificationClient *client, runtime::Engine *engine, QObject *parent = nullptr);
    ~AlertDesk() override;

    // Attaches to a Notifier (null detaches). The Notifier must be alive while attached.
    void setNotifier(notify::Notifier *notifier);
    DesktopAlertSink *sink() const { return sink_; }
    // The group's open windows (null when none).
    AlertPopup *popup(const QString &groupKey) const;
    EmergencyWindow *emergencyWindow(const QString &groupKey) const;
    // Acknowledgements of alerts still firing (for the tray and graph markers).
    QVector<notify::Acknowledgement> acknowledgements() const { return acks_; }

public Q_SLOTS:
    void acknowledge(const QString &groupKey, const QString &owner, const QString &comment);
    void silenceOneHour(const vigil::notify::DesktopNotification &n);

Q_SIGNALS:
    void openGraphRequested(const QString &expr, qint64 fromMs, qint64 toMs);
    void acknowledgementsChanged(const QVector<vigil::notify::Acknowledgement> &acks);
    // An acknowledgement or silence failed (engine message, plain English).
    void actionFailed(const QString &message);
    // A silence was created (its id).
    void silenced(const QString &id);

private:
    void onDelivered(const notify::DesktopNotification &n);
    void onAcknowledged(const notify::Acknowledgement &ack);
    void onActionFinished(const QString &groupKey, bool ok, const QString &detail);
    void openGraph(const notify::DesktopNotification &n);
    void refreshAcknowledgements();

    NotificationClient *client_;
    runtime::Engine *engine_;
    DesktopAlertSink *sink_;
    QPointer<notify::Notifier> notifier_;
    QList<QMetaObject::Connection> connections_;
    QHash<QString, QPointer<AlertPopup>> popups_;
    QHash<QString, QPointer<EmergencyWindow>> emergencies_;
    QVector<notify::Acknowledgement> acks_;
};

}  // namespace vigil::ui
