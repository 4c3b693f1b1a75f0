// Security properties of a running Engine (docs/security.md lists each with
// the test that checks it):
//   - the API listens on loopback unless told otherwise;
//   - secrets (a console target's basic-auth password, a notifier receiver's
//     ${keychain:NAME} token) are used — the target is scraped with the
//     password, the webhook is called at the URL with the token — yet appear
//     in no file of the data directory (app.db, its WAL, the TSDB) and in
//     no log line, with every vigil.* category at debug level;
//   - /api/v1/status/config shows the config file with its inline secrets
//     as <secret> (as Prometheus does), never their values;
//   - the HTTP API cannot create or change receivers, so an action (a local
//     command) comes only from the local configuration: every route,
//     including the lifecycle, admin and remote-write ones, is fed a
//     notification config with an action receiver, and the engine's
//     notifier still has only the file's receivers and nothing ran.
// Uses a private D-Bus bus with gnome-keyring-daemon (tests/support/keychain_bus.h).
#include "runtime/engine.h"

#include "../../support/keychain_bus.h"
#include "../notify/webhook_receiver.h"
#include "../scrape/test_http_server.h"

#include "config/engine_options.h"
#include "notify/notifier.h"
#include "scrape/scrape_manager.h"
#include "store/app_store.h"
#include "store/secret_store.h"
#include "web/config_redaction.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using vigil::runtime::Engine;

namespace {

QMutex gLogMutex;
QStringList gLog;  // every message while a test runs
QtMessageHandler gPrevious = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    {
        QMutexLocker lock(&gLogMutex);
        gLog << QString::fromLatin1(ctx.category ? ctx.category : "") + QLatin1Char(' ') + msg;
    }
    if (gPrevious) gPrevious(type, ctx, msg);
}

int post(const QString &url, const QByteArray &body, const QByteArray &contentType)
{
    QNetworkAccessManager nam;
    QNetworkRequest req{QUrl(url)};
    req.setTransferTimeout(5000);
    req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    QNetworkReply *r = nam.post(req, body);
    QSignalSpy done(r, &QNetworkReply::finished);
    if (!r->isFinished()) done.wait(6000);
    const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r->deleteLater();
    return status;
}

// One raw HTTP/1.1 request with exactly the given headers (QNetworkAccessManager
// would write its own Host); returns the status code, 0 without an answer.
int rawRequest(quint16 port, const QByteArray &method, const QByteArray &path, const QList<QByteArray> &headers)
{
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!s.waitForConnected(5000)) return 0;
    QByteArray req = method + ' ' + path + " HTTP/1.1\r\n";
    for (const QByteArray &h : headers) req += h + "\r\n";
    req += "Content-Length: 0\r\nConnection: close\r\n\r\n";
    s.write(req);
    QByteArray answer;
    QElapsedTimer t;
    t.start();
    while (!answer.contains("\r\n") && t.elapsed() < 10000) {
        if (s.waitForReadyRead(1000)) answer += s.readAll();
        else if (s.state() != QAbstractSocket::ConnectedState) break;
    }
    // "HTTP/1.1 403 Forbidden"
    const QList<QByteArray> first = answer.left(answer.indexOf("\r\n")).split(' ');
    return first.size() >= 2 ? first[1].toInt() : 0;
}

void writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

// Files under `dir` whose bytes contain `needle`.
QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle)) hits << f.fileName();
    }
    return hits;
}

vigil::config::EngineOptions optionsFor(const QTemporaryDir &dir)
{
    vigil::config::EngineOptions o;
    o.storagePath = dir.filePath(QStringLiteral("data")).toStdString();
    o.listenAddress = "127.0.0.1:0";
    return o;
}

// The future's result, running the event loop meanwhile (keychain jobs and
// engine operations finish on this thread).
template <typename T>
T await(QFuture<T> f)
{
    if (!QTest::qWaitFor([&] { return f.isFinished(); }, 30000)) qFatal("an engine operation did not finish in 30 s");
    return f.result();
}

}  // namespace

class TestSecurity : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QString error = bus_.startBus();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        error = bus_.startKeyring();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QLoggingCategory::setFilterRules(QStringLiteral("vigil.*.debug=true"));
        gPrevious = qInstallMessageHandler(captureMessage);
    }

    void cleanupTestCase() { qInstallMessageHandler(gPrevious); }

    void apiIsLoopbackByDefault()
    {
        const vigil::config::EngineOptions defaults;
        QVERIFY2(defaults.listenAddress.rfind("127.0.0.1:", 0) == 0, defaults.listenAddress.c_str());
        QVERIFY(!defaults.allowNonLoopback);
        vigil::config::EngineOptions parsed;
        QVERIFY(vigil::config::parseFlags(std::vector<std::string>{}, parsed).isOk());
        QCOMPARE(parsed.listenAddress, defaults.listenAddress);
        // Started with the default host (any port), the API answers on 127.0.0.1 only.
        QTemporaryDir dir;
        auto o = optionsFor(dir);
        o.listenAddress = defaults.listenAddress.substr(0, defaults.listenAddress.rfind(':')) + ":0";
        Engine engine(o, true);
        engine.start();
        QTRY_COMPARE(engine.state(), Engine::State::Running);
        QVERIFY2(engine.status().listenAddress.startsWith(QStringLiteral("127.0.0.1:")),
                 qPrintable(engine.status().listenAddress));
        engine.stop();
    }

    void secretsNeverInDataDirectoryOrLogs()
    {
        const QByteArray password = "tgt-Pa55-" + QByteArray::number(QRandomGenerator::global()->generate());
        const QByteArray token = "hook-T0ken-" + QByteArray::number(QRandomGenerator::global()->generate());

        // A target that wants the password, a webhook that wants the token.
        vigil::testing::TestHttpServer target;
        QVERIFY(target.listenLoopback());
        vigil::testing::Route metrics{};
        metrics.body = "secured_metric 1\n";
        metrics.authorization = "Basic " + ("u:" + password).toBase64();
        target.setRoute("/metrics", metrics);
        vigil::testing::WebhookReceiver hook;
        QVERIFY(hook.listenLoopback());

        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("prometheus.yml")),
                  "global:\n  evaluation_interval: 1s\nrule_files:\n- rules.yml\n");
        writeFile(dir.filePath(QStringLiteral("rules.yml")),
                  "groups:\n- name: g\n  interval: 1s\n  rules:\n  - alert: AlwaysOn\n"
                  "    expr: vector(1)\n    labels:\n      severity: critical\n");
        writeFile(dir.filePath(QStringLiteral("am.yml")),
                  "route:\n  receiver: hook\n  group_wait: 0s\n  group_by: [alertname]\nreceivers:\n"
                  "- name: hook\n  webhook_configs:\n  - url: '" + hook.url("/hook/").toUtf8() +
                      "${keychain:vigil-test-hook}'\n");
        auto o = optionsFor(dir);
        QVERIFY(vigil::config::parseFlags(
                    {"--config.file=" + dir.filePath(QStringLiteral("prometheus.yml")).toStdString(),
                     "--notifier.config.file=" + dir.filePath(QStringLiteral("am.yml")).toStdString()},
                    o)
                    .isOk());

        // The secrets go to the keychain first, as the console does.
        {
            vigil::store::SecretStore keychain(QStringLiteral("vigil"));
            QVERIFY(await(keychain.write("vigil-test-hook", token.toStdString())).isOk());
            QVERIFY(await(keychain.write("vigil-test-target", password.toStdString())).isOk());
        }
        {
            QMutexLocker lock(&gLogMutex);
            gLog.clear();
        }
        Engine engine(o, true);
        engine.start();
        QTRY_COMPARE_WITH_TIMEOUT(engine.state(), Engine::State::Running, 30000);
        vigil::store::StoredTarget t;
        t.job = "secured";
        t.address = target.address().toStdString();
        t.intervalMs = 500;
        t.timeoutMs = 400;
        t.authType = "basic";
        t.authUser = "u";
        t.authSecretRef = "vigil-test-target";
        const auto saved = await(engine.saveTarget(t));
        QVERIFY2(saved.status.isOk(), saved.status.message().c_str());

        // Both secrets are used: the target is up, the webhook was called with the token.
        auto targetUp = [&] {
            for (const auto &s : engine.scraper()->targets())
                if (s.job == "secured") return s.health.health == vigil::scrape::HealthState::Up;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(targetUp(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(hook.count("/hook/" + token) >= 1, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!engine.appStore()->deliveryAttempts(5)->empty(), 10000);
        engine.stop();

        const QString data = dir.filePath(QStringLiteral("data"));
        QVERIFY(QFile::exists(data + QStringLiteral("/app.db")));
        QVERIFY2(!filesContaining(data, "vigil-test-target").isEmpty(), "the reference is stored");
        for (const QByteArray &secret : {password, token, ("u:" + password).toBase64()})
            QVERIFY2(filesContaining(data, secret).isEmpty(),
                     qPrintable(secret + " in " + filesContaining(data, secret).join(',')));
        QMutexLocker lock(&gLogMutex);
        QVERIFY(gLog.size() > 5);  // debug logging was on and captured
        for (const QString &line : std::as_const(gLog))
            QVERIFY2(!line.contains(QString::fromUtf8(password)) && !line.contains(QString::fromUtf8(token)),
                     qPrintable(line));
    }

    void statusConfigRedactsSecrets()
    {
        // Every kind of secret Prometheus's configuration has, in one file.
        const std::string all =
            "scrape_configs:\n"
            "- job_name: basic\n  basic_auth: {username: u, password: pw-S3cret}\n"
            "- job_name: oauth\n  oauth2: {client_id: c, client_secret: oauth-S3cret, token_url: 'http://t/'}\n"
            "  consul_sd_configs: [{server: 'c:8500', token: consul-S3cret}]\n"
            "- job_name: legacy\n  bearer_token: bt-S3cret\n"
            "remote_write:\n- url: http://rw:url-S3cret@127.0.0.1:3/api/v1/write\n"
            "  sigv4: {access_key: AK, secret_key: sigv4-S3cret}\n";
        const std::string redacted = vigil::web::redactConfigSecrets(all);
        QVERIFY2(redacted.find("S3cret") == std::string::npos, redacted.c_str());
        QVERIFY2(redacted.find("rw:<secret>@127.0.0.1:3") != std::string::npos, redacted.c_str());
        QVERIFY2(redacted.find("access_key: AK") != std::string::npos, redacted.c_str());
        // Unparsable text is not echoed.
        QCOMPARE(vigil::web::redactConfigSecrets("password: \"unterminated pw-S3cret"), std::string());

        // End to end through the API of an engine started with such a file.
        QTemporaryDir dir;
        const QByteArray yaml =
            "global:\n  scrape_interval: 15s\nscrape_configs:\n"
            "- job_name: basic\n  basic_auth: {username: u, password: pw-S3cret}\n"
            "  static_configs: [{targets: ['127.0.0.1:1']}]\n"
            "- job_name: bearer\n  authorization:\n    credentials: tok-S3cret\n"
            "  proxy_url: http://p:proxy-S3cret@127.0.0.1:3128\n  proxy_connect_header: {X-Auth: [hdr-S3cret]}\n"
            "  static_configs: [{targets: ['127.0.0.1:2']}]\n";
        writeFile(dir.filePath(QStringLiteral("prometheus.yml")), yaml);
        auto o = optionsFor(dir);
        o.configFile = dir.filePath(QStringLiteral("prometheus.yml")).toStdString();
        Engine engine(o, true);
        engine.start();
        QTRY_COMPARE_WITH_TIMEOUT(engine.state(), Engine::State::Running, 30000);
        QNetworkAccessManager nam;
        QNetworkReply *r = nam.get(QNetworkRequest(
            QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/status/config").arg(engine.webPort()))));
        QSignalSpy done(r, &QNetworkReply::finished);
        QVERIFY(r->isFinished() || done.wait(10000));
        const QByteArray body = QJsonDocument::fromJson(r->readAll())
                                    .object()
                                    .value(QStringLiteral("data"))
                                    .toObject()
                                    .value(QStringLiteral("yaml"))
                                    .toString()
                                    .toUtf8();
        r->deleteLater();
        engine.stop();
        QVERIFY2(body.contains("job_name: basic") && body.contains("job_name: bearer"), body.constData());
        QVERIFY2(body.count("<secret>") == 4, body.constData());
        QVERIFY2(!body.contains("S3cret"), body.constData());
        QVERIFY2(body.contains("X-Auth: [<secret>]"), body.constData());
    }

    // A web page in the operator's browser must neither read the loopback API
    // through DNS rebinding (its Host header names the attacker's domain) nor
    // make the browser POST to it (lifecycle, admin, remote write).
    void browserRequestsRefused()
    {
        QTemporaryDir dir;
        auto o = optionsFor(dir);
        QVERIFY(vigil::config::parseFlags({"--web.enable-lifecycle", "--web.enable-admin-api"}, o).isOk());
        o.listenAddress = "127.0.0.1:0";
        Engine engine(o, true);
        QSignalSpy quit(&engine, &Engine::quitRequested);
        engine.start();
        QTRY_COMPARE_WITH_TIMEOUT(engine.state(), Engine::State::Running, 30000);
        const quint16 port = engine.webPort();
        const QByteArray hostPort = "127.0.0.1:" + QByteArray::number(port);
        const QByteArray query = "/api/v1/query?query=1";

        // Reading: loopback names only.
        QCOMPARE(rawRequest(port, "GET", query, {"Host: " + hostPort}), 200);
        QCOMPARE(rawRequest(port, "GET", query, {"Host: localhost:" + QByteArray::number(port)}), 200);
        QCOMPARE(rawRequest(port, "GET", query, {"Host: [::1]:" + QByteArray::number(port)}), 200);
        QCOMPARE(rawRequest(port, "GET", query, {"Host: grafana.localhost"}), 200);
        QCOMPARE(rawRequest(port, "GET", query, {"Host: rebind.example.com:" + QByteArray::number(port)}), 403);
        QCOMPARE(rawRequest(port, "GET", query, {"Host: 10.0.0.7"}), 403);
        QCOMPARE(rawRequest(port, "GET", "/metrics", {"Host: localhost.example.com"}), 403);

        // Writing: a browser's cross-origin POST is refused before any handler runs.
        QCOMPARE(rawRequest(port, "POST", "/-/quit", {"Host: " + hostPort, "Origin: http://evil.example.com"}), 403);
        QCOMPARE(rawRequest(port, "POST", "/-/quit", {"Host: " + hostPort, "Origin: null"}), 403);
        QCOMPARE(rawRequest(port, "POST", "/-/quit", {"Host: " + hostPort, "Sec-Fetch-Site: cross-site"}), 403);
        QCOMPARE(rawRequest(port, "POST", "/api/v1/admin/tsdb/snapshot",
                            {"Host: " + hostPort, "Origin: http://localhost:" + QByteArray::number(port + 1)}),
                 403);
        QTest::qWait(200);  // a queued quit would have arrived by now
        QCOMPARE(quit.count(), 0);
        QCOMPARE(engine.state(), Engine::State::Running);
        const QDir snapshots(QString::fromStdString(o.storagePath) + QStringLiteral("/snapshots"));
        QVERIFY(snapshots.isEmpty(QDir::Dirs | QDir::NoDotAndDotDot));

        // Same origin and clients that are not browsers (no Origin) still work.
        QCOMPARE(rawRequest(port, "POST", query, {"Host: " + hostPort, "Origin: http://" + hostPort}), 200);
        QCOMPARE(rawRequest(port, "POST", "/api/v1/admin/tsdb/snapshot", {"Host: " + hostPort}), 200);
        QVERIFY(!snapshots.isEmpty(QDir::Dirs | QDir::NoDotAndDotDot));  // the refusal above was the guard's
        QCOMPARE(rawRequest(port, "POST", "/-/quit", {"Host: " + hostPort}), 200);
        QTRY_COMPARE(quit.count(), 1);
        engine.stop();
    }

    void actionReceiversOnlyFromLocalConfiguration()
    {
        QTemporaryDir dir;
        const QString marker = dir.filePath(QStringLiteral("action-ran"));
        vigil::testing::WebhookReceiver hook;
        QVERIFY(hook.listenLoopback());
        writeFile(dir.filePath(QStringLiteral("am.yml")),
                  "route:\n  receiver: local\n  group_wait: 0s\nreceivers:\n- name: local\n  webhook_configs:\n"
                  "  - url: '" + hook.url("/local").toUtf8() + "'\n");
        auto o = optionsFor(dir);
        QVERIFY(vigil::config::parseFlags({"--notifier.config.file=" + dir.filePath(QStringLiteral("am.yml")).toStdString(),
                                           "--web.enable-lifecycle", "--web.enable-admin-api",
                                           "--web.enable-remote-write-receiver"},
                                          o)
                    .isOk());
        Engine engine(o, true);
        engine.start();
        QTRY_COMPARE_WITH_TIMEOUT(engine.state(), Engine::State::Running, 30000);
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(engine.webPort());

        const QByteArray evil = "route:\n  receiver: act\n  group_wait: 0s\nreceivers:\n- name: act\n"
                                "  action_configs:\n  - command: /usr/bin/touch\n    args: ['" +
                                marker.toUtf8() + "']\n";
        const QByteArray json = "{\"receivers\":[{\"name\":\"act\",\"action_configs\":[{\"command\":\"/usr/bin/touch\","
                                "\"args\":[\"" + marker.toUtf8() + "\"]}]}]}";
        // Every route Vigil serves, and the ones Alertmanager and Prometheus have for configuration.
        // (Not /-/quit: it would stop the engine, and it reads no body.)
        const char *paths[] = {"/-/reload", "/api/v1/write", "/api/v1/admin/tsdb/snapshot",
                               "/api/v1/admin/tsdb/delete_series", "/api/v1/admin/tsdb/clean_tombstones",
                               "/api/v1/query", "/api/v1/rules", "/api/v1/alerts", "/api/v1/status/config",
                               "/api/v1/receivers", "/api/v2/receivers", "/api/v2/alerts", "/api/v2/silences",
                               "/api/v1/notifier", "/api/v1/targets"};
        for (const char *p : paths) {
            for (const auto &[body, type] : {std::pair{evil, QByteArray("application/yaml")},
                                             std::pair{json, QByteArray("application/json")}}) {
                const int status = post(base + QLatin1String(p), body, type);
                qInfo("POST %s (%s) -> %d", p, type.constData(), status);
                QVERIFY2(status != 0, p);  // the engine answered
            }
        }
        QCOMPARE(engine.state(), Engine::State::Running);
        const auto receivers = engine.notifier()->config().receivers;  // a copy: a reload replaces the config
        QCOMPARE(receivers.size(), size_t(1));
        QCOMPARE(receivers[0].name, std::string("local"));
        QVERIFY(receivers[0].actionConfigs.empty());
        // An alert reaches only the file's receiver; nothing ran.
        vigil::model::Alert a;
        a.labels = vigil::model::Labels{{"alertname", "X"}, {"severity", "critical"}};
        engine.notifier()->send({a});
        QTRY_VERIFY_WITH_TIMEOUT(!engine.appStore()->deliveryAttempts(5)->empty(), 20000);
        const auto attempts = engine.appStore()->deliveryAttempts(5);
        QVERIFY(attempts.isOk());
        for (const auto &attempt : *attempts)
            QCOMPARE(attempt.receiver, std::string("local"));
        QVERIFY(hook.count("/local") >= 1);
        QVERIFY(!QFile::exists(marker));
        engine.stop();
    }

private:
    vigil::test::KeychainBus bus_;
};

QTEST_GUILESS_MAIN(TestSecurity)
#include "tst_security.moc"
