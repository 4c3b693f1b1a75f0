// Email delivery to a real SMTP server on loopback: Debian's python3-aiosmtpd
// (tests/engine/notify/smtp_server.py) requiring STARTTLS and AUTH. The
// server parses each message with Python's email package, which checks the
// MIME structure independently of our builder.
#include "notify/notifier.h"
#include "store/secret_store.h"
#include "store/app_store.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::notify;

class TestSmtp : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void starttlsAuthPlain();
    void authLogin();
    void wrongPasswordIsNotRetried();
    void requireTlsRefusesPlainServer();

private:
    bool startServer(QProcess *p, quint16 *port, const QString &out, bool noPlain);
    std::unique_ptr<Notifier> notifier(quint16 port, const std::string &password, store::SecretStore *secrets);
    static void stop(QProcess *p);

    QTemporaryDir dir_;
    QString cert_, key_;
    QProcess server_, loginServer_;
    quint16 port_ = 0, loginPort_ = 0;
    store::AppStore store_;
};

bool TestSmtp::startServer(QProcess *p, quint16 *port, const QString &out, bool noPlain)
{
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0)) return false;
        *port = probe.serverPort();
    }
    QDir().mkpath(out);
    QStringList args{QString::fromUtf8(qgetenv("VIGIL_SOURCE_DIR")) + "/tests/engine/notify/smtp_server.py",
                     QString::number(*port), cert_, key_, QStringLiteral("s3cret"), out};
    if (noPlain) args << QStringLiteral("--no-plain");
    p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p->start(QStringLiteral("/usr/bin/python3"), args);
    if (!p->waitForStarted(10000)) return false;
    while (p->state() == QProcess::Running && !p->canReadLine()) p->waitForReadyRead(200);
    return p->readLine().trimmed() == "READY";
}

void TestSmtp::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral("/usr/lib/python3/dist-packages/aiosmtpd")),
             "Debian's python3-aiosmtpd is required");
    QVERIFY(!qgetenv("VIGIL_SOURCE_DIR").isEmpty());
    cert_ = dir_.filePath(QStringLiteral("cert.pem"));
    key_ = dir_.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost", "-addext",
                   "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key_, "-out", cert_});
    QVERIFY(openssl.waitForFinished(60000));
    QCOMPARE(openssl.exitCode(), 0);
    QVERIFY2(startServer(&server_, &port_, dir_.filePath("plain"), false), "aiosmtpd did not start");
    QVERIFY2(startServer(&loginServer_, &loginPort_, dir_.filePath("login"), true), "aiosmtpd did not start");
    QVERIFY(store_.open(dir_.filePath(QStringLiteral("app.db")).toStdString()).isOk());
}

void TestSmtp::stop(QProcess *p)
{
    if (p->state() == QProcess::NotRunning) return;
    p->terminate();  // SIGTERM to its PID
    if (!p->waitForFinished(10000)) {
        p->kill();
        p->waitForFinished(5000);
    }
}

void TestSmtp::cleanupTestCase()
{
    stop(&server_);
    stop(&loginServer_);
}

std::unique_ptr<Notifier> TestSmtp::notifier(quint16 port, const std::string &password, store::SecretStore *secrets)
{
    Notifier::Options o;
    o.delivery.initialBackoffMs = 50;
    o.delivery.maxAttempts = 3;
    o.delivery.externalUrl = "http://vigil.example:9090";
    auto n = std::make_unique<Notifier>(o, &store_, secrets);
    const std::string yaml = "global:\n  smtp_smarthost: '127.0.0.1:" + std::to_string(port) +
                             "'\n  smtp_from: 'Vigil <vigil@example.com>'\n  smtp_auth_username: vigil\n"
                             "  smtp_auth_password: '" + password + "'\n"
                             "route:\n  receiver: mail\n  group_by: [alertname]\n  group_wait: 0s\n"
                             "receivers:\n- name: mail\n  email_configs:\n  - to: 'ops@example.com, Lead <lead@example.com>'\n"
                             "    tls_config:\n      ca_file: " + cert_.toStdString() + "\n"
                             "    headers:\n      X-Vigil-Test: yes\n";
    auto cfg = NotifyConfig::loadString(yaml, "smtp.yml");
    if (!cfg) qFatal("%s", cfg.status().message().c_str());
    Status st = n->applyConfig(std::move(*cfg));
    if (!st) qFatal("%s", st.message().c_str());
    return n;
}

namespace {

model::Alert diskAlert()
{
    model::Alert a;
    a.labels = model::Labels{{"alertname", "DiskFull"}, {"severity", "critical"}, {"instance", "db1:9100"}};
    a.annotations = model::Labels{{"summary", "Disk 97 % full — 데이터"}, {"description", std::string(90, 'x') + "=end"}};
    a.startsAtMs = QDateTime::currentMSecsSinceEpoch();
    a.generatorUrl = "http://vigil:9090/graph";
    return a;
}

QJsonObject readMessage(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

}  // namespace

void TestSmtp::starttlsAuthPlain()
{
    store::SecretStore secrets(store::SecretStore::Backend::Memory);
    QVERIFY(secrets.writeBlocking("smtp", "s3cret").isOk());
    auto n = notifier(port_, "${keychain:smtp}", &secrets);
    QSignalSpy attempts(n.get(), &Notifier::deliveryAttempted);
    n->send({diskAlert()});
    QTRY_COMPARE_WITH_TIMEOUT(attempts.size(), 1, 15000);
    QVERIFY2(attempts.at(0).at(3).toBool(), qPrintable(attempts.at(0).at(5).toString()));
    const QJsonObject m = readMessage(dir_.filePath("plain/1.json"));
    QCOMPARE(m.value("mail_from").toString(), QStringLiteral("vigil@example.com"));
    QCOMPARE(m.value("rcpt_tos").toArray(), (QJsonArray{"ops@example.com", "lead@example.com"}));
    QCOMPARE(m.value("login").toString(), QStringLiteral("vigil"));
    QVERIFY(m.value("authenticated").toBool());
    QVERIFY(m.value("tls").toBool());
    const QJsonObject h = m.value("headers").toObject();
    QCOMPARE(h.value("Subject").toString(), QStringLiteral("[FIRING:1] DiskFull (db1:9100 critical)"));
    QCOMPARE(h.value("From").toString(), QStringLiteral("Vigil <vigil@example.com>"));
    QCOMPARE(h.value("To").toString(), QStringLiteral("ops@example.com, Lead <lead@example.com>"));
    QCOMPARE(h.value("X-Vigil-Test").toString(), QStringLiteral("yes"));
    QCOMPARE(h.value("MIME-Version").toString(), QStringLiteral("1.0"));
    QVERIFY(h.contains("Date") && h.contains("Message-Id"));
    QCOMPARE(m.value("content_type").toString(), QStringLiteral("text/plain"));
    QCOMPARE(m.value("charset").toString(), QStringLiteral("utf-8"));
    const QString text = m.value("text").toString();
    QVERIFY2(text.contains(QStringLiteral(" - alertname = DiskFull")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(" - summary = Disk 97 % full — 데이터")), qPrintable(text));
    QVERIFY2(text.contains(QString(90, 'x') + "=end"), qPrintable(text));  // long line, soft breaks and '=' decoded
    auto rows = store_.deliveryAttempts(1);
    QCOMPARE(rows->at(0).status, std::string("ok"));
    QCOMPARE(rows->at(0).integration, std::string("email[0]"));
}

void TestSmtp::authLogin()
{
    auto n = notifier(loginPort_, "s3cret", nullptr);
    QSignalSpy attempts(n.get(), &Notifier::deliveryAttempted);
    n->send({diskAlert()});
    QTRY_COMPARE_WITH_TIMEOUT(attempts.size(), 1, 15000);
    QVERIFY2(attempts.at(0).at(3).toBool(), qPrintable(attempts.at(0).at(5).toString()));
    QCOMPARE(readMessage(dir_.filePath("login/1.json")).value("login").toString(), QStringLiteral("vigil"));
}

void TestSmtp::wrongPasswordIsNotRetried()
{
    auto n = notifier(port_, "wrong-password", nullptr);
    QSignalSpy attempts(n.get(), &Notifier::deliveryAttempted);
    n->send({diskAlert()});
    QTRY_COMPARE_WITH_TIMEOUT(attempts.size(), 1, 15000);
    QTest::qWait(300);
    QCOMPARE(attempts.size(), 1);
    QVERIFY(!attempts.at(0).at(3).toBool());
    QVERIFY(!attempts.at(0).at(4).toBool());  // no retry
    const QString error = attempts.at(0).at(5).toString();
    QVERIFY2(error.contains("AUTH: 535"), qPrintable(error));
    QVERIFY(!error.contains("wrong-password"));
}

void TestSmtp::requireTlsRefusesPlainServer()
{
    // A server that does not offer STARTTLS: a plain TCP listener speaking just enough SMTP.
    QTcpServer plain;
    QVERIFY(plain.listen(QHostAddress::LocalHost, 0));
    connect(&plain, &QTcpServer::newConnection, this, [&] {
        QTcpSocket *s = plain.nextPendingConnection();
        s->write("220 plain ESMTP\r\n");
        connect(s, &QTcpSocket::readyRead, s, [s] {
            if (s->readAll().startsWith("EHLO")) s->write("250-plain\r\n250 AUTH PLAIN\r\n");
        });
    });
    auto n = notifier(plain.serverPort(), "s3cret", nullptr);
    QSignalSpy attempts(n.get(), &Notifier::deliveryAttempted);
    n->send({diskAlert()});
    QTRY_COMPARE_WITH_TIMEOUT(attempts.size(), 1, 15000);
    QVERIFY(!attempts.at(0).at(3).toBool());
    QVERIFY2(attempts.at(0).at(5).toString().contains("does not advertise the STARTTLS extension"),
             qPrintable(attempts.at(0).at(5).toString()));
}

QTEST_GUILESS_MAIN(TestSmtp)
#include "tst_smtp.moc"
