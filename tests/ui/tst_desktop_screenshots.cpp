// Screenshots of the desktop alert path with a real notification daemon:
// under Xvfb (xvfb-run), a private D-Bus session bus with Debian's dunst on
// it; the real Notifier → AlertDesk → dunst. Writes
// <build>/artifacts/screenshots/desktop-*.png and checks that dunst drew the
// notification (its frame colour appears in the top-right corner of the
// screen). Fails, not skips, without dunst (packaging/dev.sh installs it).
// The emergency window graphs a real series: an Engine scraping Debian's
// prometheus-node-exporter (tests/support/scraped_engine.h).
// dbus-daemon, dunst and the exporter are started here and stopped by PID.
#include "alerts/alert_desk.h"
#include "alerts/alert_popup.h"
#include "alerts/desktop_alert_sink.h"
#include "alerts/emergency_window.h"
#include "alerts/notification_client.h"
#include "notify/notifier.h"
#include "store/app_store.h"
#include "../support/keychain_bus.h"
#include "../support/scraped_engine.h"
#include "widgets/graph_panel.h"

#include <QApplication>
#include <QDateTime>
#include <QDBusConnectionInterface>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::notify;
using namespace vigil::ui;

namespace {

const std::string kConfig = R"(
route:
  receiver: warn
  group_by: [alertname, instance]
  group_wait: 0s
  routes:
  - matchers: ['severity="critical"']
    receiver: crit
  - matchers: ['severity="emergency"']
    receiver: emerg
receivers:
- name: warn
  desktop_configs: [{urgency: normal}]
- name: crit
  desktop_configs: [{urgency: critical, persistent: true}]
- name: emerg
  desktop_configs: [{urgency: critical, persistent: true, alert_window: true}]
)";

// dunst's look: a distinctive frame colour the test looks for on screen.
const char kDunstrc[] = R"([global]
    font = Noto Sans CJK KR 11
    width = 420
    height = 200
    origin = top-right
    offset = 10x10
    frame_width = 3
    frame_color = "#00ff7f"
    format = "<b>%s</b>\n%b"
    show_indicators = no
[urgency_low]
    background = "#263238"
    foreground = "#ffffff"
[urgency_normal]
    background = "#263238"
    foreground = "#ffffff"
[urgency_critical]
    background = "#b71c1c"
    foreground = "#ffffff"
    frame_color = "#00ff7f"
)";

model::Alert alert(const char *name, const char *instance, const char *severity)
{
    model::Alert a;
    a.labels = model::Labels{{"alertname", name}, {"severity", severity}, {"instance", instance}};
    a.annotations = model::Labels{{"summary", std::string("Filesystem /var almost full on ") + instance},
                                  {"runbook_url", "https://runbooks.example/disk-full"}};
    a.startsAtMs = QDateTime::currentMSecsSinceEpoch() - 120'000;
    a.value = 97.5;
    a.generatorUrl = "http://127.0.0.1:9090/graph?g0.expr=node_memory_MemAvailable_bytes&g0.tab=1";
    return a;
}

// Pixels of `color` (exactly) in the rectangle.
int countColour(const QImage &img, const QRect &r, QRgb color)
{
    int n = 0;
    for (int y = r.top(); y <= r.bottom() && y < img.height(); ++y)
        for (int x = r.left(); x <= r.right() && x < img.width(); ++x) n += (img.pixel(x, y) & 0xffffff) == (color & 0xffffff);
    return n;
}

}  // namespace

class TestDesktopScreenshots : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void dunstShowsTheNotifications();

private:
    QString save(const QImage &img, const QString &name);

    test::KeychainBus bus_;
    QProcess dunst_;
    QTemporaryDir dir_;
    QString outDir_;
};

void TestDesktopScreenshots::initTestCase()
{
    QVERIFY2(!qEnvironmentVariable("DISPLAY").isEmpty(), "run under xvfb-run (an X display is needed)");
    const QString dunst = QStandardPaths::findExecutable(QStringLiteral("dunst"));
    QVERIFY2(!dunst.isEmpty(), "dunst is required (packaging/dev.sh installs it)");
    const QString err = bus_.startBus();
    QVERIFY2(err.isEmpty(), qPrintable(err));
    const QString rc = dir_.filePath(QStringLiteral("dunstrc"));
    QFile f(rc);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(kDunstrc);
    f.close();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), bus_.address());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir_.path());
    dunst_.setProcessEnvironment(env);
    dunst_.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    dunst_.start(dunst, {QStringLiteral("-config"), rc});
    QVERIFY2(dunst_.waitForStarted(5000), qPrintable(dunst_.errorString()));
    QDBusConnection probe = QDBusConnection::connectToBus(bus_.address(), QStringLiteral("vigil-dunst-probe"));
    QTRY_VERIFY_WITH_TIMEOUT(probe.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.Notifications")),
                             10000);
    outDir_ = qEnvironmentVariable("VIGIL_BINARY_DIR") + QStringLiteral("/artifacts/screenshots");
    QVERIFY(QDir().mkpath(outDir_));
}

void TestDesktopScreenshots::cleanupTestCase()
{
    if (dunst_.state() != QProcess::NotRunning) {
        dunst_.terminate();
        if (!dunst_.waitForFinished(3000)) dunst_.kill();
        dunst_.waitForFinished(3000);
    }
}

QString TestDesktopScreenshots::save(const QImage &img, const QString &name)
{
    const QString file = outDir_ + QLatin1Char('/') + name;
    if (!img.save(file)) return {};
    qInfo().noquote() << "screenshot:" << file;
    return file;
}

void TestDesktopScreenshots::dunstShowsTheNotifications()
{
    QTemporaryDir data;
    store::AppStore store;
    QVERIFY(store.open(data.filePath(QStringLiteral("app.db")).toStdString()).isOk());
    Notifier notifier({}, &store, nullptr);
    auto cfg = NotifyConfig::loadString(kConfig, "test.yml");
    QVERIFY2(cfg.isOk(), cfg.status().message().c_str());
    QVERIFY(notifier.applyConfig(std::move(*cfg)).isOk());
    QVERIFY(notifier.start().isOk());
    NotificationClient client(QDBusConnection::connectToBus(bus_.address(), QStringLiteral("vigil-desktop")));
    testing::ScrapedEngine scraped;
    QVERIFY2(scraped.ok(), "the engine did not scrape prometheus-node-exporter");
    QTest::qWait(3000);  // a few more scrapes for the emergency window's graph
    AlertDesk desk(&client, scraped.engine());
    desk.setNotifier(&notifier);

    notifier.send({alert("DiskFull", "web1", "warning"), alert("DiskFull", "db1", "critical")});
    const QString warnKey = QStringLiteral("{}:{alertname=\"DiskFull\", instance=\"web1\"}");
    const QString critKey = QStringLiteral("{}/{severity=\"critical\"}:{alertname=\"DiskFull\", instance=\"db1\"}");
    QTRY_VERIFY_WITH_TIMEOUT(desk.sink()->notificationId(warnKey) != 0 && desk.sink()->notificationId(critKey) != 0,
                             10000);
    // dunst draws asynchronously: look for its frame colour in the top-right corner.
    QScreen *screen = QGuiApplication::primaryScreen();
    const QRect corner(screen->geometry().width() - 460, 0, 460, 500);
    QImage shot;
    QTRY_VERIFY_WITH_TIMEOUT((shot = screen->grabWindow(0).toImage(), countColour(shot, corner, qRgb(0, 255, 127)) > 200),
                             10000);
    QVERIFY(!save(shot, QStringLiteral("desktop-notifications-dunst.png")).isEmpty());

    // The critical pop-up beside the notifications.
    AlertPopup *popup = desk.popup(critKey);
    QVERIFY(popup);
    popup->move(40, 40);
    QTRY_VERIFY_WITH_TIMEOUT(popup->isVisible(), 5000);
    QTest::qWait(300);  // let the window manager-less X server map and paint it
    QVERIFY(!save(popup->grab().toImage(), QStringLiteral("desktop-critical-popup.png")).isEmpty());

    // The emergency window (always on top, stays until acknowledged).
    notifier.send({alert("ArrayDegraded", "db2", "emergency")});
    const QString emKey = QStringLiteral("{}/{severity=\"emergency\"}:{alertname=\"ArrayDegraded\", instance=\"db2\"}");
    QTRY_VERIFY_WITH_TIMEOUT(desk.emergencyWindow(emKey), 5000);
    EmergencyWindow *w = desk.emergencyWindow(emKey);
    w->appendActionOutput(QStringLiteral("exit 0: paged the on-call engineer"));
    QTRY_VERIFY_WITH_TIMEOUT(w->isVisible(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!w->graph()->isRunning(), 10000);
    QTRY_VERIFY2_WITH_TIMEOUT(w->graph()->statusText().startsWith(QStringLiteral("1 series")),
                              qPrintable(w->graph()->statusText()), 10000);
    QTest::qWait(300);
    QVERIFY(!save(w->grab().toImage(), QStringLiteral("desktop-emergency-window.png")).isEmpty());
    QTest::qWait(500);  // dunst shows the emergency notification too
    QVERIFY(!save(screen->grabWindow(0).toImage(), QStringLiteral("desktop-screen.png")).isEmpty());

    // Acknowledged from the window: the notification's body is updated in place.
    w->commentEdit()->setText(QStringLiteral("replacing the disk"));
    QPointer<EmergencyWindow> guard(w);
    QTest::mouseClick(w->acknowledgeButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!guard, 5000);
    desk.setNotifier(nullptr);
}

QTEST_MAIN(TestDesktopScreenshots)
#include "tst_desktop_screenshots.moc"
