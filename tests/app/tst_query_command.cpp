// `vigil query instant|range|series|labels` against a real Prometheus 2.42
// and against `vigil --headless`, both serving the same imported OpenMetrics
// data (promtool tsdb create-blocks-from / vigil tsdb import openmetrics) and
// both behind the same web config file (basic auth): the JSON output must be
// the same for both servers, the table output is checked row by row, and the
// exit codes (0 ok, 1 server refused, 2 usage or no answer) are checked.
//
// Needs prometheus and promtool: the test fails when they are missing. Both
// servers are stopped by PID; all waits are bounded.
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <crypt.h>

#include <memory>

namespace {

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

struct Run {
    int exitCode = -1;
    QByteArray out, err;
};

Run vigil(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(VIGIL_EXE), args);
    Run r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

}  // namespace

class TestQueryCommand : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void sameJsonFromBoth_data();
    void sameJsonFromBoth();
    void tables();
    void exitCodes_data();
    void exitCodes();

private:
    bool waitReady(quint16 port, QProcess *p);
    void stop(QProcess *p);
    QString url(quint16 port, bool withCredentials = true) const
    {
        return withCredentials ? QStringLiteral("http://alice:s3cret@127.0.0.1:%1").arg(port)
                               : QStringLiteral("http://127.0.0.1:%1").arg(port);
    }

    QTemporaryDir dir_;
    QProcess prometheus_, vigil_;
    quint16 promPort_ = 0, vigilPort_ = 0;
    qint64 t0_ = 0;  // seconds
};

bool TestQueryCommand::waitReady(quint16 port, QProcess *p)
{
    QNetworkAccessManager nam;
    for (int i = 0; i < 120; ++i) {
        QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1/-/ready").arg(port)));
        req.setRawHeader("Authorization", "Basic " + QByteArray("alice:s3cret").toBase64());
        QNetworkReply *r = nam.get(req);
        QSignalSpy done(r, &QNetworkReply::finished);
        if (!r->isFinished()) done.wait(5000);
        const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        delete r;
        if (status == 200) return true;
        if (p->state() != QProcess::Running) return false;
        QTest::qWait(500);
    }
    return false;
}

void TestQueryCommand::stop(QProcess *p)
{
    if (p->state() == QProcess::NotRunning) return;
    p->terminate();  // SIGTERM to its PID
    if (!p->waitForFinished(15000)) {
        p->kill();
        p->waitForFinished(5000);
    }
}

void TestQueryCommand::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral("/usr/bin/promtool")) &&
                 QFile::exists(QStringLiteral("/usr/bin/prometheus")),
             "promtool and prometheus (Debian package \"prometheus\") are required");
    QVERIFY(dir_.isValid());
    auto write = [&](const QString &name, const QByteArray &content) {
        QFile f(dir_.filePath(name));
        if (f.open(QIODevice::WriteOnly)) f.write(content);
        return f.fileName();
    };
    // 1 h of one-minute samples, 3 h ago.
    t0_ = (QDateTime::currentSecsSinceEpoch() - 3 * 3600) / 3600 * 3600;
    QByteArray om = "# HELP req Requests.\n# TYPE req counter\n";
    for (const char *code : {"200", "500"}) {
        for (int i = 0; i <= 60; ++i) {
            om += QByteArray("req_total{code=\"") + code + "\",path=\"/a b+c\"} " +
                  QByteArray::number(i * (code[0] == '2' ? 3 : 1)) + " " + QByteArray::number(t0_ + i * 60) +
                  "\n";
        }
    }
    om += "# EOF\n";
    const QString omPath = write(QStringLiteral("data.om.txt"), om);
    const QString config = write(QStringLiteral("prometheus.yml"), "global:\n  scrape_interval: 15s\n");
    char setting[CRYPT_GENSALT_OUTPUT_SIZE];
    QVERIFY(crypt_gensalt_rn("$2y$", 5, nullptr, 0, setting, sizeof setting));
    auto data = std::make_unique<crypt_data>();
    const char *hash = crypt_rn("s3cret", setting, data.get(), int(sizeof(crypt_data)));
    QVERIFY(hash);
    const QString webConfig =
        write(QStringLiteral("web.yml"), QByteArray("basic_auth_users:\n  alice: ") + hash + "\n");

    const QString promData = dir_.filePath(QStringLiteral("prometheus-data"));
    QProcess tool;
    tool.start(QStringLiteral("/usr/bin/promtool"),
               {QStringLiteral("tsdb"), QStringLiteral("create-blocks-from"), QStringLiteral("openmetrics"),
                omPath, promData});
    QVERIFY2(tool.waitForFinished(120000) && tool.exitCode() == 0, tool.readAllStandardError().constData());
    const QString vigilData = dir_.filePath(QStringLiteral("vigil-data"));
    const Run imported =
        vigil({QStringLiteral("tsdb"), QStringLiteral("import"), QStringLiteral("openmetrics"), omPath,
               QStringLiteral("--storage.tsdb.path=") + vigilData});
    QVERIFY2(imported.exitCode == 0, imported.err.constData());

    promPort_ = freePort();
    prometheus_.setProcessChannelMode(QProcess::MergedChannels);
    prometheus_.setStandardOutputFile(dir_.filePath(QStringLiteral("prometheus.log")));
    prometheus_.start(
        QStringLiteral("/usr/bin/prometheus"),
        {QStringLiteral("--storage.tsdb.path=") + promData,
         QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(promPort_),
         QStringLiteral("--config.file=") + config, QStringLiteral("--web.config.file=") + webConfig});
    vigilPort_ = freePort();
    vigil_.setProcessChannelMode(QProcess::MergedChannels);
    vigil_.setStandardOutputFile(dir_.filePath(QStringLiteral("vigil.log")));
    vigil_.start(QStringLiteral(VIGIL_EXE),
                 {QStringLiteral("--headless"), QStringLiteral("--storage.tsdb.path=") + vigilData,
                  QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(vigilPort_),
                  QStringLiteral("--config.file=") + config, QStringLiteral("--web.config.file=") + webConfig,
                  QStringLiteral("--no-scrape.self")});
    QVERIFY2(waitReady(promPort_, &prometheus_), "prometheus did not become ready in 60 s");
    QVERIFY2(waitReady(vigilPort_, &vigil_), "vigil --headless did not become ready in 60 s");
}

void TestQueryCommand::cleanupTestCase()
{
    stop(&prometheus_);
    stop(&vigil_);
}

void TestQueryCommand::sameJsonFromBoth_data()
{
    QTest::addColumn<QStringList>("args");
    const QString at = QString::number(t0_ + 1830);
    const QString start = QString::number(t0_ + 30), end = QString::number(t0_ + 3630);
    const QString rfcStart = QDateTime::fromSecsSinceEpoch(t0_ + 30, Qt::UTC).toString(Qt::ISODate);
    QTest::newRow("instant vector") << QStringList{"instant", "--time=" + at, "req_total"};
    QTest::newRow("instant, label value with + and space")
        << QStringList{"instant", "--time", at, "req_total{path=\"/a b+c\",code=\"500\"}"};
    QTest::newRow("instant scalar") << QStringList{"instant", "--time=" + at, "1 + 2.5"};
    QTest::newRow("instant rate") << QStringList{"instant", "--time=" + at,
                                                 "sum by (code) (rate(req_total[5m]))"};
    QTest::newRow("range") << QStringList{"range", "--start=" + start, "--end=" + end, "--step=5m",
                                          "req_total"};
    QTest::newRow("range rfc3339 start, default step")
        << QStringList{"range", "--start=" + rfcStart, "--end=" + end, "sum(req_total)"};
    QTest::newRow("series") << QStringList{"series",           "--match=req_total{code=\"200\"}",
                                           "--match",          "req_total",
                                           "--start=" + start, "--end=" + end};
    QTest::newRow("labels") << QStringList{"labels", "--start=" + start, "--end=" + end, "code"};
    QTest::newRow("labels with match") << QStringList{"labels", "--match=req_total{code=\"500\"}",
                                                      "--start=" + start, "--end=" + end, "path"};
}

void TestQueryCommand::sameJsonFromBoth()
{
    QFETCH(QStringList, args);
    const QStringList common = {QStringLiteral("query"), args.first(), QStringLiteral("--format=json")};
    const Run p = vigil(common + QStringList{"--url=" + url(promPort_)} + args.mid(1));
    const Run v = vigil(common + QStringList{"--url=" + url(vigilPort_)} + args.mid(1));
    QVERIFY2(p.exitCode == 0, p.err.constData());
    QVERIFY2(v.exitCode == 0, v.err.constData());
    const QJsonDocument pj = QJsonDocument::fromJson(p.out), vj = QJsonDocument::fromJson(v.out);
    QVERIFY2(!pj.isNull() && !vj.isNull(), (p.out + "\n" + v.out).constData());
    QVERIFY2(pj == vj, ("prometheus: " + p.out + "vigil:      " + v.out).constData());
    // Not trivially empty.
    QVERIFY2(p.out.size() > 8, p.out.constData());
}

void TestQueryCommand::tables()
{
    const QString at = QString::number(t0_ + 1800);
    const QString when = QDateTime::fromSecsSinceEpoch(t0_ + 1800, Qt::UTC).toString(Qt::ISODateWithMs);
    for (quint16 port : {promPort_, vigilPort_}) {
        Run r = vigil({"query", "instant", "--url=" + url(port), "--time=" + at, "req_total"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QList<QByteArray> lines = r.out.split('\n');
        QCOMPARE(lines.size(), 4);  // header, two rows, final newline
        QVERIFY(lines[0].startsWith("METRIC") && lines[0].contains("VALUE") && lines[0].endsWith("TIME"));
        QCOMPARE(lines[1].simplified(),
                 QByteArray("req_total{code=\"200\", path=\"/a b+c\"} 90 ") + when.toLatin1());
        QCOMPARE(lines[2].simplified(),
                 QByteArray("req_total{code=\"500\", path=\"/a b+c\"} 30 ") + when.toLatin1());
        // Columns are aligned: VALUE starts at the same offset in every line.
        const qsizetype col = lines[0].indexOf("VALUE");
        QCOMPARE(lines[1].mid(col, 2), QByteArray("90"));

        r = vigil({"query", "range", "--url=" + url(port), "--start=" + QString::number(t0_),
                   "--end=" + QString::number(t0_ + 120), "--step=1m", "req_total{code=\"500\"}"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        lines = r.out.split('\n');
        QCOMPARE(lines.size(), 5);  // header, 3 samples
        const QList<QByteArray> fields = lines[3].simplified().split(' ');
        QCOMPARE(fields.at(fields.size() - 2), QByteArray("2"));  // METRIC (has spaces) VALUE TIME

        r = vigil({"query", "labels", "--url=" + url(port), "code"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("VALUE\n200\n500\n"));
        r = vigil({"query", "series", "--url=" + url(port), "--match=req_total{code=\"500\"}",
                   "--start=" + QString::number(t0_)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("SERIES\nreq_total{code=\"500\", path=\"/a b+c\"}\n"));
    }
}

void TestQueryCommand::exitCodes_data()
{
    QTest::addColumn<QStringList>("args");  // %URL% is replaced by each server's URL
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stderrHas");
    QTest::newRow("parse error") << QStringList{"instant", "--url=%URL%", "sum(req_total"} << 1 << "bad_data";
    QTest::newRow("execution error (many-to-many)")
        << QStringList{"instant", "--url=%URL%", "--time=" + QString::number(t0_ + 1800),
                       "req_total + on(path) req_total"}
        << 1 << "execution";
    QTest::newRow("bad series matcher")
        << QStringList{"series", "--url=%URL%", "--match={foo"} << 1 << "bad_data";
    QTest::newRow("no credentials") << QStringList{"instant", "--url=%NOAUTH%", "1"} << 1 << "401";
    QTest::newRow("wrong password") << QStringList{"instant", "--url=%BADAUTH%", "1"} << 1 << "401";
    QTest::newRow("connection refused")
        << QStringList{"instant", "--url=http://127.0.0.1:1", "1"} << 2 << "no answer";
    QTest::newRow("missing --url") << QStringList{"instant", "1"} << 2 << "--url";
    QTest::newRow("bad url") << QStringList{"instant", "--url=ftp://x", "1"} << 2 << "--url";
    QTest::newRow("missing expr") << QStringList{"instant", "--url=%URL%"} << 2 << "EXPR";
    QTest::newRow("series without --match") << QStringList{"series", "--url=%URL%"} << 2 << "--match";
    QTest::newRow("bad time") << QStringList{"instant", "--url=%URL%", "--time=soon", "1"} << 2 << "--time";
    QTest::newRow("bad step") << QStringList{"range", "--url=%URL%", "--step=0", "1"} << 2 << "--step";
    QTest::newRow("unknown flag") << QStringList{"labels", "--url=%URL%", "--limit=3", "job"} << 2
                                  << "--limit";
    QTest::newRow("bad format") << QStringList{"labels", "--url=%URL%", "--format=yaml", "job"} << 2
                                << "--format";
}

void TestQueryCommand::exitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, stderrHas);
    for (quint16 port : {promPort_, vigilPort_}) {
        QStringList a = args;
        for (QString &s : a) {
            s.replace(QLatin1String("%URL%"), url(port));
            s.replace(QLatin1String("%NOAUTH%"), url(port, false));
            s.replace(QLatin1String("%BADAUTH%"), QStringLiteral("http://alice:nope@127.0.0.1:%1").arg(port));
        }
        const Run r = vigil(QStringList{QStringLiteral("query")} + a);
        const QByteArray context = "port " + QByteArray::number(port) + ": " + r.err;
        QVERIFY2(r.exitCode == exitCode, context.constData());
        QVERIFY2(r.err.contains(stderrHas.toUtf8()), context.constData());
        if (exitCode != 0) QVERIFY(r.out.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestQueryCommand)
#include "tst_query_command.moc"
