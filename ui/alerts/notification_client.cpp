#include "alerts/notification_client.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>

namespace vigil::ui {

NotificationClient::NotificationClient(const QDBusConnection &bus, QObject *parent) : QObject(parent), bus_(bus)
{
    // The string-based form is the only one QDBusConnection::connect offers.
    bus_.connect(QString::fromLatin1(kService), QString::fromLatin1(kPath), QString::fromLatin1(kService),
                 QStringLiteral("ActionInvoked"), this, SLOT(onActionInvoked(uint, QString)));
    bus_.connect(QString::fromLatin1(kService), QString::fromLatin1(kPath), QString::fromLatin1(kService),
                 QStringLiteral("NotificationClosed"), this, SLOT(onNotificationClosed(uint, uint)));
}

void NotificationClient::notify(const Message &m, Done done)
{
    QDBusMessage call = QDBusMessage::createMethodCall(QString::fromLatin1(kService), QString::fromLatin1(kPath),
                                                       QString::fromLatin1(kService), QStringLiteral("Notify"));
    call << m.appName << m.replacesId << m.icon << m.summary << m.body << m.actions << m.hints << m.timeoutMs;
    // A server that hangs must not keep a notification pending for long.
    auto *w = new QDBusPendingCallWatcher(bus_.asyncCall(call, 5000), this);
    connect(w, &QDBusPendingCallWatcher::finished, this, [w, done = std::move(done)] {
        QDBusPendingReply<uint> reply = *w;
        w->deleteLater();
        if (!done) return;
        if (reply.isError()) done(0, reply.error().name() + QStringLiteral(": ") + reply.error().message());
        else done(reply.value(), {});
    });
}

void NotificationClient::close(uint id)
{
    if (id == 0) return;
    QDBusMessage call = QDBusMessage::createMethodCall(QString::fromLatin1(kService), QString::fromLatin1(kPath),
                                                       QString::fromLatin1(kService),
                                                       QStringLiteral("CloseNotification"));
    call << id;
    bus_.asyncCall(call, 5000);  // fire and forget: a notification already gone is fine
}

void NotificationClient::onActionInvoked(uint id, const QString &actionKey) { Q_EMIT actionInvoked(id, actionKey); }

void NotificationClient::onNotificationClosed(uint id, uint reason) { Q_EMIT notificationClosed(id, reason); }

}  // namespace vigil::ui
