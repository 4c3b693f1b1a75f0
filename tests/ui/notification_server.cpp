// notification_server (tests only): a minimal org.freedesktop.Notifications
// service for a private session bus. It records every Notify and
// CloseNotification call as one JSON line in the file given as argv[1] and,
// on request through its test interface (org.vigil.TestNotifications at
// /test: InvokeAction(id, key), Dismiss(id)), emits ActionInvoked /
// NotificationClosed as a real server does when the user clicks. Prints
// "ready" once it owns the name; exits when the bus goes away or on SIGTERM.
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");

void emitSignal(const QString &name, const QVariantList &args)
{
    QDBusMessage s = QDBusMessage::createSignal(kPath, kService, name);
    s.setArguments(args);
    QDBusConnection::sessionBus().send(s);
}

}  // namespace

class Server : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    explicit Server(const QString &path) : file_(path) { file_.open(QIODevice::WriteOnly | QIODevice::Append); }

public Q_SLOTS:
    uint Notify(const QString &app, uint replacesId, const QString &icon, const QString &summary, const QString &body,
                const QStringList &actions, const QVariantMap &hints, int timeout)
    {
        const uint id = replacesId ? replacesId : ++lastId_;
        QJsonObject o{{"method", "Notify"},   {"id", qint64(id)},     {"replaces_id", qint64(replacesId)},
                      {"app", app},           {"icon", icon},         {"summary", summary},
                      {"body", body},         {"actions", QJsonArray::fromStringList(actions)},
                      {"timeout", timeout}};
        if (hints.contains(QStringLiteral("urgency"))) o.insert("urgency", hints.value("urgency").toInt());
        if (hints.contains(QStringLiteral("resident"))) o.insert("resident", hints.value("resident").toBool());
        write(o);
        return id;
    }
    void CloseNotification(uint id)
    {
        write({{"method", "CloseNotification"}, {"id", qint64(id)}});
        emitSignal(QStringLiteral("NotificationClosed"), {id, 3u});
    }
    QStringList GetCapabilities() { return {"actions", "body", "persistence"}; }
    QString GetServerInformation(QString &vendor, QString &version, QString &spec)
    {
        vendor = QStringLiteral("vigil-tests");
        version = QStringLiteral("1");
        spec = QStringLiteral("1.2");
        return QStringLiteral("notification_server");
    }

private:
    void write(const QJsonObject &o)
    {
        file_.write(QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n');
        file_.flush();
    }

    QFile file_;
    uint lastId_ = 100;  // ids from 101, so a 0 or a stale id is never mistaken for a real one
};

class Control : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.vigil.TestNotifications")
public Q_SLOTS:
    void InvokeAction(uint id, const QString &key) { emitSignal(QStringLiteral("ActionInvoked"), {id, key}); }
    void Dismiss(uint id) { emitSignal(QStringLiteral("NotificationClosed"), {id, 2u}); }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: notification_server RECORD_FILE\n");
        return 2;
    }
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        std::fprintf(stderr, "no session bus\n");
        return 1;
    }
    Server server(QString::fromLocal8Bit(argv[1]));
    Control control;
    if (!bus.registerObject(kPath, &server, QDBusConnection::ExportAllSlots) ||
        !bus.registerObject(QStringLiteral("/test"), &control, QDBusConnection::ExportAllSlots) ||
        !bus.registerService(kService)) {
        std::fprintf(stderr, "cannot register: %s\n", qPrintable(bus.lastError().message()));
        return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    return app.exec();
}

#include "notification_server.moc"
