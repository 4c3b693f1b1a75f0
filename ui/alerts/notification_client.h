// NotificationClient: the freedesktop.org Desktop Notifications service
// (org.freedesktop.Notifications, spec 1.2) over QtDBus — Notify with
// actions and hints, CloseNotification, and the ActionInvoked /
// NotificationClosed signals. Qt's tray messages cannot carry actions, hence
// this client.
//
// Every call is asynchronous: notify() hands the server's id (or an error,
// e.g. when no notification server is on the bus) to a callback on the
// client's thread, so the GUI never waits for the bus.
//
// Threading: one thread (the GUI's); the bus connection is Qt's per-thread
// shared one.
#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QStringList>
#include <QVariantMap>

#include <functional>

namespace vigil::ui {

class NotificationClient : public QObject {
    Q_OBJECT
public:
    static constexpr const char *kService = "org.freedesktop.Notifications";
    static constexpr const char *kPath = "/org/freedesktop/Notifications";

    struct Message {
        QString appName;
        uint replacesId = 0;  // 0: a new notification
        QString icon;
        QString summary;
        QString body;
        QStringList actions;  // key, label, key, label, ...
        QVariantMap hints;    // "urgency" (uchar 0/1/2), "resident" (bool), ...
        int timeoutMs = -1;   // -1: server default; 0: never expires
    };
    // `done(id, error)`: id 0 and a D-Bus error text on failure.
    using Done = std::function<void(uint id, const QString &error)>;

    explicit NotificationClient(const QDBusConnection &bus = QDBusConnection::sessionBus(), QObject *parent = nullptr);

    void notify(const Message &m, Done done);
    void close(uint id);
    bool isConnected() const { return bus_.isConnected(); }

Q_SIGNALS:
    void actionInvoked(uint id, const QString &actionKey);
    // reason: 1 expired, 2 dismissed by the user, 3 closed by CloseNotification, 4 undefined
    void notificationClosed(uint id, uint reason);

private Q_SLOTS:
    // QtDBus delivers bus signals only to slots named by signature.
    void onActionInvoked(uint id, const QString &actionKey);
    void onNotificationClosed(uint id, uint reason);

private:
    QDBusConnection bus_;
};

}  // namespace vigil::ui
