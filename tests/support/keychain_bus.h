// KeychainBus (tests only): a private D-Bus session bus for the test process,
// optionally with a real Secret Service on it (gnome-keyring-daemon, unlocked
// with a throw-away password, its files in a temporary directory). The bus
// has no service directories, so nothing is started by D-Bus activation:
// before startKeyring() there is no keychain at all, which is how the
// "no keychain" path is tested.
//
// Use before anything in the process talks to D-Bus (it sets
// DBUS_SESSION_BUS_ADDRESS for this process). Every process it starts is
// stopped by its PID in the destructor.
#pragma once

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

namespace vigil::test {

class KeychainBus {
public:
    ~KeychainBus()
    {
        for (QProcess *p : {&keyring_, &bus_}) {
            if (p->state() == QProcess::NotRunning) continue;
            p->terminate();
            if (!p->waitForFinished(3000)) {
                p->kill();
                p->waitForFinished(3000);
            }
        }
    }

    // Starts dbus-daemon; empty on success, else the reason.
    QString startBus()
    {
        if (!dir_.isValid()) return QStringLiteral("no temporary directory");
        const QString config = dir_.filePath(QStringLiteral("bus.conf"));
        QFile f(config);
        if (!f.open(QIODevice::WriteOnly)) return QStringLiteral("cannot write %1").arg(config);
        f.write(QStringLiteral(
                    "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\" "
                    "\"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                    "<busconfig><type>session</type><listen>unix:dir=%1</listen>"
                    "<policy context=\"default\"><allow send_destination=\"*\"/><allow own=\"*\"/>"
                    "<allow receive_sender=\"*\"/><allow user=\"*\"/></policy></busconfig>\n")
                    .arg(dir_.path())
                    .toUtf8());
        f.close();
        bus_.start(QStringLiteral("dbus-daemon"),
                   {QStringLiteral("--config-file=") + config, QStringLiteral("--nofork"),
                    QStringLiteral("--print-address=1")});
        if (!bus_.waitForStarted(5000))
            return QStringLiteral("dbus-daemon did not start: ") + bus_.errorString();
        QDeadlineTimer deadline(10000);
        while (!bus_.canReadLine() && !deadline.hasExpired()) bus_.waitForReadyRead(200);
        address_ = QString::fromUtf8(bus_.readLine()).trimmed();
        if (address_.isEmpty()) return QStringLiteral("dbus-daemon printed no address");
        qputenv("DBUS_SESSION_BUS_ADDRESS", address_.toUtf8());
        return {};
    }

    // Starts gnome-keyring-daemon's Secret Service on the bus and waits until
    // org.freedesktop.secrets is owned; empty on success, else the reason.
    QString startKeyring()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), address_);
        env.insert(QStringLiteral("HOME"), dir_.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir_.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), dir_.path());
        keyring_.setProcessEnvironment(env);
        keyring_.start(QStringLiteral("gnome-keyring-daemon"),
                       {QStringLiteral("--foreground"), QStringLiteral("--unlock"),
                        QStringLiteral("--components=secrets")});
        if (!keyring_.waitForStarted(5000)) {
            return QStringLiteral(
                       "gnome-keyring-daemon did not start (packaging/dev.sh installs gnome-keyring): ") +
                   keyring_.errorString();
        }
        keyring_.write("vigil-test-password");
        keyring_.waitForBytesWritten(5000);  // no event loop runs here to flush it
        keyring_.closeWriteChannel();
        QDBusConnection bus = QDBusConnection::connectToBus(address_, QStringLiteral("vigil-keychain-probe"));
        QDeadlineTimer deadline(15000);
        while (!deadline.hasExpired()) {
            if (bus.interface() &&
                bus.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.secrets")))
                return {};
            if (keyring_.state() == QProcess::NotRunning) break;
            QThread::msleep(100);
        }
        return QStringLiteral("the Secret Service did not appear on the bus (connected: %1, daemon %2): %3")
            .arg(bus.isConnected())
            .arg(keyring_.state() == QProcess::NotRunning ? QStringLiteral("exited")
                                                          : QStringLiteral("running"))
            .arg(QString::fromUtf8(keyring_.readAllStandardError() + keyring_.readAllStandardOutput()));
    }

    QString address() const { return address_; }

private:
    QTemporaryDir dir_;
    QProcess bus_;
    QProcess keyring_;
    QString address_;
};

}  // namespace vigil::test
