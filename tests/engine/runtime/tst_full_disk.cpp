// The data directory on a full filesystem: an 8 MiB tmpfs mounted for the
// test (needs root or password-less sudo; without either the test skips and
// says why). The engine scrapes itself every second; a filler file then takes
// every free byte. Checked:
//   - nothing crashes; the engine stays Running and healthy;
//   - failed writes are counted (EngineStatus::ingestErrors and the self
//     metric vigil_tsdb_wal_write_failures_total) and reported once through
//     errorOccurred("storage", ...), which the console shows;
//   - the built-in VigilStorageWriteFailing alert (critical) fires through the
//     engine's alert fan-out, where the console's desktop sink listens;
//   - when the filler is removed, ingestion resumes (new samples are stored)
//     and the alert resolves;
//   - afterwards the WAL replays without damage and app.db passes SQLite's
//     integrity_check.
#include "../../support/tmpfs_mount.h"
#include "runtime/engine.h"
#include "rules/alert_sink.h"
#include "tsdb/db.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <sqlite3.h>
#include <unistd.h>

using vigil::runtime::Engine;
using vigil::runtime::EngineStatus;

namespace {

QByteArray get(const QString &url, int *status = nullptr)
{
    QNetworkAccessManager nam;
    QNetworkRequest req{QUrl(url)};
    req.setTransferTimeout(5000);
    QNetworkReply *r = nam.get(req);
    QSignalSpy done(r, &QNetworkReply::finished);
    if (!r->isFinished()) done.wait(6000);
    if (status) *status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = r->readAll();
    r->deleteLater();
    return body;
}

// The value of an unlabelled series in a /metrics body, -1 if absent.
double metricValue(const QByteArray &body, const QByteArray &name)
{
    for (const QByteArray &line : body.split('\n'))
        if (line.startsWith(name + ' ')) return line.mid(name.size() + 1).toDouble();
    return -1;
}

}  // namespace

class TestFullDisk : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        mnt_ = dir_.filePath(QStringLiteral("mnt"));
        tmpfs_ = std::make_unique<vigil::test::TmpfsMount>(mnt_, QStringLiteral("8m"));
        if (!tmpfs_->isMounted()) QSKIP(vigil::test::TmpfsMount::why());
    }

    void cleanupTestCase()
    {
        if (tmpfs_) QVERIFY(tmpfs_->unmount());
    }

    void fullDiskIsCountedReportedAndRecovered()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        QFile cfg(dir_.filePath(QStringLiteral("prometheus.yml")));
        QVERIFY(cfg.open(QIODevice::WriteOnly));
        cfg.write(QStringLiteral("global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: self\n"
                                 "    static_configs:\n      - targets: ['127.0.0.1:%1']\n")
                      .arg(port)
                      .toUtf8());
        cfg.close();
        vigil::config::EngineOptions o;
        o.storagePath = (mnt_ + QStringLiteral("/data")).toStdString();
        o.configFile = cfg.fileName().toStdString();
        o.listenAddress = QStringLiteral("127.0.0.1:%1").arg(port).toStdString();

        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
        auto lastScrapeMs = [&] {
            QUrlQuery q;
            q.addQueryItem(QStringLiteral("query"), QStringLiteral("timestamp(up{job=\"self\"})"));
            QUrl url(base + QStringLiteral("/api/v1/query"));
            url.setQuery(q);
            const QJsonArray r = QJsonDocument::fromJson(get(url.toString()))
                                     .object()[QStringLiteral("data")][QStringLiteral("result")]
                                     .toArray();
            return r.isEmpty() ? qint64(0)
                               : qint64(r.at(0)[QStringLiteral("value")].toArray().at(1).toString().toDouble() * 1000);
        };
        {
            QMutex alertsMu;
            std::vector<vigil::model::Alert> alerts;  // what reached the alert sink (rule threads, engine thread)
            vigil::rules::FunctionAlertSink sink([&](std::vector<vigil::model::Alert> a) {
                QMutexLocker lock(&alertsMu);
                for (auto &x : a)
                    if (x.labels.get("alertname") == "VigilStorageWriteFailing") alerts.push_back(std::move(x));
            });
            auto storageAlerts = [&] {
                QMutexLocker lock(&alertsMu);
                return alerts;
            };
            Engine engine(o, true);
            engine.setAlertSink(&sink);
            QSignalSpy errors(&engine, &Engine::errorOccurred);
            QSignalSpy status(&engine, &Engine::statusUpdated);
            engine.start();
            QTRY_COMPARE_WITH_TIMEOUT(engine.state(), Engine::State::Running, 10000);
            QTRY_VERIFY_WITH_TIMEOUT(lastScrapeMs() > 0, 5000);

            // Take every free byte (unbuffered, smaller writes at the end). What is left is
            // the slack in the last page of the WAL's segment, which the next scrapes fill.
            QFile filler(mnt_ + QStringLiteral("/filler"));
            QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
            const QByteArray block(64 * 1024, 'x');
            for (qsizetype chunk = block.size(); chunk > 0; chunk /= 8)
                while (filler.write(block.constData(), chunk) == chunk) {
                }
            filler.close();
            qInfo("filler: %lld bytes", qint64(QFileInfo(filler).size()));

            // Reported once, counted, and the engine keeps running.
            QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 15000);
            QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("storage"));
            const QString message = errors.at(0).at(1).toString();
            qInfo("errorOccurred: %s", qPrintable(message));
            QVERIFY2(message.startsWith(QStringLiteral("cannot write to the data directory")), qPrintable(message));
            QVERIFY2(message.contains(QStringLiteral("No space left on device")), qPrintable(message));
            QTRY_VERIFY_WITH_TIMEOUT(status.last().at(0).value<EngineStatus>().ingestErrors > 0, 5000);
            const double failures = metricValue(get(base + QStringLiteral("/metrics")),
                                                "vigil_tsdb_wal_write_failures_total");
            QVERIFY2(failures > 0, qPrintable(QString::number(failures)));
            int healthy = 0;
            get(base + QStringLiteral("/-/healthy"), &healthy);
            QCOMPARE(healthy, 200);
            QTest::qWait(2500);  // several failing scrapes
            QCOMPARE(engine.state(), Engine::State::Running);
            QCOMPARE(errors.count(), 1);  // once per episode, not per failed scrape
            // Raised as an alert, critical, naming the error.
            QTRY_VERIFY_WITH_TIMEOUT(!storageAlerts().empty(), 5000);
            {
                const vigil::model::Alert a = storageAlerts().front();
                QVERIFY(a.state == vigil::model::AlertState::Firing);
                QCOMPARE(a.labels.get("severity"), std::string_view("critical"));
                QVERIFY2(a.annotations.get("description").find("No space left on device") != std::string_view::npos,
                         std::string(a.annotations.get("description")).c_str());
            }

            // Space returns: ingestion resumes.
            QVERIFY(QFile::remove(filler.fileName()));
            const qint64 freedAt = QDateTime::currentMSecsSinceEpoch();
            QTRY_VERIFY_WITH_TIMEOUT(lastScrapeMs() > freedAt, 5000);
            QTRY_VERIFY_WITH_TIMEOUT(storageAlerts().back().state == vigil::model::AlertState::Resolved, 5000);
            QCOMPARE(storageAlerts().back().startsAtMs, storageAlerts().front().startsAtMs);  // one episode
            const double before = metricValue(get(base + QStringLiteral("/metrics")),
                                               "vigil_tsdb_wal_write_failures_total");
            QTest::qWait(2500);
            QCOMPARE(metricValue(get(base + QStringLiteral("/metrics")), "vigil_tsdb_wal_write_failures_total"),
                     before);
            engine.stop();
        }

        // Nothing left corrupt: the WAL replays without a cut, app.db is intact.
        auto db = vigil::tsdb::Db::open((mnt_ + QStringLiteral("/data")).toStdString());
        QVERIFY2(db.isOk(), db.status().toString().c_str());
        const auto st = (*db)->stats();
        QVERIFY(!st.replayCutCorruptTail);
        QVERIFY(st.replayedSamples > 0);
        QVERIFY((*db)->close().isOk());
        sqlite3 *sql = nullptr;
        QCOMPARE(sqlite3_open_v2(QFile::encodeName(mnt_ + QStringLiteral("/data/app.db")).constData(), &sql,
                                 SQLITE_OPEN_READONLY, nullptr),
                 SQLITE_OK);
        sqlite3_stmt *stmt = nullptr;
        QCOMPARE(sqlite3_prepare_v2(sql, "PRAGMA integrity_check", -1, &stmt, nullptr), SQLITE_OK);
        QCOMPARE(sqlite3_step(stmt), SQLITE_ROW);
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0))), QByteArray("ok"));
        sqlite3_finalize(stmt);
        sqlite3_close(sql);
    }

private:
    QTemporaryDir dir_;
    QString mnt_;
    std::unique_ptr<vigil::test::TmpfsMount> tmpfs_;
};

QTEST_GUILESS_MAIN(TestFullDisk)
#include "tst_full_disk.moc"
