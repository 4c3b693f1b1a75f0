// ScrapeManager against hostile targets on a loopback test server, all
// scraped at once (every 3 s, 2.5 s timeout: room for the limits to trip
// before the timeout on a loaded machine) next to one healthy target
// scraped every 500 ms:
//   - slow trickle (1 byte every 20 ms)            -> scrape timeout
//   - endless body with body_size_limit            -> "body size limit exceeded"
//   - endless body without a limit, 5 s timeout    -> Vigil's 128 MiB ceiling (or the timeout on a
//                                                     slow machine); memory bounded either way
//   - a million series in one scrape, sample_limit -> "sample limit exceeded", nothing stored
//   - a 4 MiB label value, label_value_length_limit, a 10 KB label name with
//     label_name_length_limit, 300 labels (303 with __name__, job and instance)
//     with label_limit -> the limit's error
//   - invalid UTF-8 in a label value                -> parse error, nothing stored
//   - NaN, garbage and overflowing timestamps       -> parse error, nothing stored
//   - duplicate series                              -> up, first sample kept, duplicate rejected
// Each failing target is down with the error in its health; the healthy
// target keeps being scraped (no gap of 4 s between its samples and a
// recent last one: shorter than the endless target's 5 s timeout, so a
// scrape thread blocked by it would show) and the process's resident memory grows by less
// than a generous bound. Bodies are parsed on the scrape worker's ingest pool,
// so the million-series body no longer delays the healthy target's scrapes
// (largest gap ~550 ms for its 500 ms interval; tst_slow_body_isolation asserts that).
#include "head_reader.h"
#include "test_http_server.h"

#include "scrape/prometheus_config.h"
#include "scrape/scrape_manager.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>

using namespace vigil;
using namespace vigil::scrape;
using vigil::testing::lastValue;
using vigil::testing::readSeries;
using vigil::testing::Route;
using vigil::testing::TestHttpServer;

namespace {

// Resident set size of this process in MiB (Linux /proc).
qint64 rssMiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly)) return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:")) return line.mid(6).trimmed().split(' ').value(0).toLongLong() / 1024;
    return -1;
}

std::optional<TargetSnapshot> findTarget(const ScrapeManager &m, const std::string &job)
{
    for (const TargetSnapshot &t : m.targets())
        if (t.job == job) return t;
    return std::nullopt;
}

Route textRoute(QByteArray body)
{
    Route r{};
    r.body = std::move(body);
    return r;
}

}  // namespace

class TestHostileTargets : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void hostileTargetsFailAloneWithinLimits()
    {
        TestHttpServer http;
        QVERIFY(http.listenLoopback());
        http.setRoute("/ok", textRoute("healthy_metric 1\n"));

        Route trickle = textRoute(QByteArray(4096, '#') + "\ntrickled 1\n");
        trickle.trickleBytes = 1;
        trickle.trickleIntervalMs = 20;
        http.setRoute("/trickle", trickle);

        Route endless = textRoute(QByteArray("endless_metric{i=\"1\"} 1\n").repeated(4096));
        endless.endless = true;
        http.setRoute("/endless", endless);

        QByteArray million;
        million.reserve(30 << 20);
        for (int i = 0; i < 1'000'000; ++i) million += "m{i=\"" + QByteArray::number(i) + "\"} 1\n";
        http.setRoute("/million", textRoute(million));
        million.clear();

        http.setRoute("/biglabel", textRoute("big{v=\"" + QByteArray(4 << 20, 'x') + "\"} 1\n"));
        http.setRoute("/longname", textRoute("long{" + QByteArray(10000, 'n') + "=\"v\"} 1\n"));
        QByteArray many = "many{";
        for (int i = 0; i < 300; ++i) many += "l" + QByteArray::number(i) + "=\"v\",";
        http.setRoute("/manylabels", textRoute(many + "} 1\n"));
        http.setRoute("/badutf8", textRoute("good 1\nbad{v=\"\xff\xfe\xc3\"} 1\n"));
        http.setRoute("/nants", textRoute("good 1\nts_metric 1 NaN\n"));
        http.setRoute("/garbagets", textRoute("good 1\nts_metric 1 12abc\n"));
        http.setRoute("/hugets", textRoute("good 1\nts_metric 1 99999999999999999999999\n"));
        http.setRoute("/duplicate", textRoute("dup{a=\"1\"} 1\ndup{a=\"1\"} 2\nother 3\n"));

        const std::string h = http.address().toStdString();
        auto job = [&](const std::string &name, const std::string &path, const std::string &extra = {}) {
            return "  - job_name: " + name + "\n    metrics_path: " + path + "\n" + extra +
                   "    static_configs:\n      - targets: ['" + h + "']\n";
        };
        const std::string yaml =
            "global:\n  scrape_interval: 3s\n  scrape_timeout: 2500ms\nscrape_configs:\n" +
            job("healthy", "/ok", "    scrape_interval: 500ms\n    scrape_timeout: 400ms\n") +
            job("trickle", "/trickle") + job("endless_limited", "/endless", "    body_size_limit: 1MB\n") +
            job("endless", "/endless", "    scrape_interval: 5s\n    scrape_timeout: 5s\n") + job("million", "/million", "    sample_limit: 50000\n") +
            job("biglabel", "/biglabel", "    label_value_length_limit: 1024\n") +
            job("longname", "/longname", "    label_name_length_limit: 256\n") +
            job("manylabels", "/manylabels", "    label_limit: 64\n") + job("badutf8", "/badutf8") +
            job("nants", "/nants") + job("garbagets", "/garbagets") + job("hugets", "/hugets") +
            job("duplicate", "/duplicate");
        auto cfg = PrometheusConfig::loadString(yaml, "hostile.yml");
        QVERIFY2(cfg, cfg.status().message().c_str());

        const qint64 rssBefore = rssMiB();
        QVERIFY(rssBefore > 0);
        qint64 rssPeak = rssBefore;
        QTimer sampler;
        connect(&sampler, &QTimer::timeout, this, [&] { rssPeak = std::max(rssPeak, rssMiB()); });
        sampler.start(50);

        tsdb::Head head;
        ScrapeManager mgr(&head);
        QVERIFY(mgr.applyConfig(*cfg));
        QElapsedTimer running;
        running.start();
        // Every hostile target gets at least three scrapes.
        auto settled = [&] {
            for (const TargetSnapshot &t : mgr.targets())
                if (t.health.health == HealthState::Unknown) return false;
            return running.elapsed() > 4000;
        };
        QTRY_VERIFY_WITH_TIMEOUT(settled(), 20000);
        sampler.stop();
        qInfo("RSS %lld -> peak %lld MiB", rssBefore, rssPeak);

        auto errorOf = [&](const std::string &j) {
            auto t = findTarget(mgr, j);
            return t ? QString::fromStdString(t->health.lastError) : QStringLiteral("<no target>");
        };
        struct Down {
            const char *job;
            QStringList errors;  // any of
        };
        const Down downs[] = {
            {"trickle", {"context deadline exceeded"}},
            {"endless_limited", {"body size limit exceeded"}},
            {"endless", {"body size limit exceeded (no body_size_limit set; Vigil stops at 128MiB)",
                         "context deadline exceeded"}},
            {"million", {"sample limit exceeded (limit 50000)"}},
            {"biglabel", {"label_value_length_limit exceeded"}},
            {"longname", {"label_name_length_limit exceeded"}},
            {"manylabels", {"label_limit exceeded (metric: many, number of labels: 303, limit: 64)"}},
            {"badutf8", {"invalid UTF-8"}},
            {"nants", {"2:"}},
            {"garbagets", {"2:"}},
            {"hugets", {"2:"}},
        };
        for (const Down &d : downs) {
            const QString err = errorOf(d.job);
            qInfo("%s: %s", d.job, qPrintable(err));
            auto t = findTarget(mgr, d.job);
            QVERIFY2(t && t->health.health == HealthState::Down, d.job);
            QVERIFY2(std::any_of(d.errors.begin(), d.errors.end(), [&](const QString &e) { return err.contains(e); }),
                     qPrintable(QString(d.job) + ": " + err));
            QCOMPARE(lastValue(head, {{"__name__", "up"}, {"job", d.job}}), 0.0);
        }
        // All or nothing: no sample of a failed scrape is stored.
        for (const char *name : {"trickled", "endless_metric", "m", "big", "long", "many", "bad", "ts_metric"})
            QVERIFY2(readSeries(head, {{"__name__", name}}).empty(), name);
        QVERIFY(readSeries(head, {{"__name__", "good"}}).empty());

        // Duplicates: the scrape succeeds, the first sample is kept.
        QCOMPARE(findTarget(mgr, "duplicate")->health.health, HealthState::Up);
        QCOMPARE(lastValue(head, {{"__name__", "dup"}, {"job", "duplicate"}}), 1.0);
        QCOMPARE(lastValue(head, {{"__name__", "other"}, {"job", "duplicate"}}), 3.0);

        // The healthy target kept its schedule while the others misbehaved.
        QCOMPARE(findTarget(mgr, "healthy")->health.health, HealthState::Up);
        const auto ups = readSeries(head, {{"__name__", "healthy_metric"}, {"job", "healthy"}});
        QCOMPARE(ups.size(), size_t(1));
        const auto &s = ups[0].samples;
        QVERIFY2(s.size() >= 2, qPrintable(QString::number(s.size())));
        // Still being scraped at the end, not only early on.
        QVERIFY2(QDateTime::currentMSecsSinceEpoch() - s.back().t < 4000,
                 qPrintable(QString::number(QDateTime::currentMSecsSinceEpoch() - s.back().t)));
        int64_t maxGap = 0;
        for (size_t i = 1; i < s.size(); ++i) maxGap = std::max(maxGap, s[i].t - s[i - 1].t);
        qInfo("healthy: %zu samples in %lld ms, largest gap %lld ms", s.size(),
              qint64(running.elapsed()), qint64(maxGap));
        QVERIFY2(maxGap < 4000, qPrintable(QString::number(maxGap)));
        // Generous: the endless body up to the 128 MiB ceiling (its string may hold twice that while
        // growing), one million-series body (~18 MiB) at both ends of the connection, buffers.
        QVERIFY2(rssPeak - rssBefore < 640, qPrintable(QString::number(rssPeak - rssBefore)));
        mgr.stop();
    }
};

QTEST_GUILESS_MAIN(TestHostileTargets)
#include "tst_hostile_targets.moc"
