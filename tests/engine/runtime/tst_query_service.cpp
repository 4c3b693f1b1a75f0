// QueryService against a real engine scraping a real node exporter.
#include "../../support/scraped_engine.h"

#include "scrape/scrape_manager.h"

#include <QElapsedTimer>

using vigil::runtime::QueryService;
using vigil::testing::waitFor;
using Code = vigil::Status::Code;

class TestQueryService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(QStringLiteral("/usr/bin/prometheus-node-exporter")),
                 "prometheus-node-exporter is required (packaging/dev.sh installs it)");
        fixture_ = std::make_unique<vigil::testing::ScrapedEngine>();
        QVERIFY2(fixture_->ok(), "the engine did not scrape the node exporter");
    }
    void cleanupTestCase() { fixture_.reset(); }

    void instantAndRange()
    {
        QueryService *qs = fixture_->service();
        const int64_t now = QDateTime::currentMSecsSinceEpoch();
        auto inst = waitFor(qs->instantQuery("count(node_cpu_seconds_total) > 0", now));
        QVERIFY2(inst.status.isOk(), inst.status.message().c_str());
        const auto *v = std::get_if<vigil::promql::Vector>(&inst.result.value);
        QVERIFY(v && v->size() == 1 && v->front().v > 0);

        auto range = waitFor(qs->rangeQuery("up", now - 60000, now, 1000));
        QVERIFY2(range.status.isOk(), range.status.message().c_str());
        const auto *m = std::get_if<vigil::promql::Matrix>(&range.result.value);
        QVERIFY(m && m->size() == 1);
        QCOMPARE(std::string(m->front().metric.get("job")), std::string("node"));
        QVERIFY(!m->front().points.empty());

        auto bad = waitFor(qs->instantQuery("sum(", now));
        QCOMPARE(bad.status.code(), Code::InvalidArgument);
        QVERIFY(bad.status.message().find("parse error") != std::string::npos);
    }

    void labelsAndMetadata()
    {
        QueryService *qs = fixture_->service();
        const int64_t now = QDateTime::currentMSecsSinceEpoch();
        auto names = waitFor(qs->labelValues("__name__", {}, now - 3600000, now));
        QVERIFY(names.status.isOk());
        QVERIFY(std::binary_search(names.values.begin(), names.values.end(), "node_cpu_seconds_total"));
        auto labels = waitFor(qs->labelNames({*vigil::model::Matcher::create(vigil::model::Matcher::Type::Equal, "__name__", "node_cpu_seconds_total")},
                                             now - 3600000, now));
        QVERIFY(labels.status.isOk());
        for (const char *l : {"cpu", "mode", "instance", "job"})
            QVERIFY2(std::binary_search(labels.values.begin(), labels.values.end(), l), l);
        auto modes = waitFor(qs->labelValues("mode", {}, now - 3600000, now));
        QVERIFY(std::binary_search(modes.values.begin(), modes.values.end(), "idle"));

        auto md = waitFor(qs->metadata());
        QVERIFY(md.status.isOk());
        auto it = md.metrics.find("node_cpu_seconds_total");
        QVERIFY(it != md.metrics.end());
        QCOMPARE(it->second.type, vigil::exposition::MetricType::Counter);
        QVERIFY(!it->second.help.empty());
    }

    void slowQueryIsCancelled()
    {
        QueryService *qs = fixture_->service();
        const int64_t now = QDateTime::currentMSecsSinceEpoch();
        // A subquery with a 1 ms step over a week: billions of evaluation steps.
        auto token = std::make_shared<vigil::promql::CancellationToken>();
        QElapsedTimer timer;
        timer.start();
        auto f = qs->instantQuery("count_over_time((vector(1) * 2)[7d:1ms])", now, token);
        QTest::qWait(300);
        QVERIFY2(!f.isFinished(), "the query finished before it could be cancelled: make it slower");
        token->cancel();
        auto r = waitFor(f, 10000);
        QCOMPARE(r.status.code(), Code::Cancelled);
        QVERIFY2(r.status.message().find("canceled") != std::string::npos, r.status.message().c_str());
        QVERIFY(timer.elapsed() < 8000);

        // A token cancelled before the work starts: not run at all.
        auto pre = std::make_shared<vigil::promql::CancellationToken>();
        pre->cancel();
        QCOMPARE(waitFor(qs->instantQuery("up", now, pre)).status.code(), Code::Cancelled);
    }

    void explainEvaluatesEveryNode()
    {
        QueryService *qs = fixture_->service();
        const int64_t now = QDateTime::currentMSecsSinceEpoch();
        auto r = waitFor(qs->explain("sum by (mode) (max_over_time(node_cpu_seconds_total[1m])) / 2", now));
        QVERIFY2(r.status.isOk(), r.status.message().c_str());
        QCOMPARE(int(r.nodes.size()), 5);  // binary, sum, max_over_time, range selector, 2
        QCOMPARE(r.nodes[0].kind, std::string("binary operator"));
        QCOMPARE(r.nodes[0].depth, 0);
        QCOMPARE(r.nodes[1].kind, std::string("aggregation"));
        QCOMPARE(r.nodes[2].kind, std::string("function call"));
        QCOMPARE(r.nodes[3].kind, std::string("range vector selector"));
        QCOMPARE(r.nodes[3].depth, 3);
        QCOMPARE(r.nodes[3].expr, std::string("node_cpu_seconds_total[1m]"));
        QCOMPARE(r.nodes[4].expr, std::string("2"));
        QCOMPARE(r.nodes[4].depth, 1);
        // sum by (mode) has one series per mode; the selector has more (one per cpu and mode).
        QVERIFY(r.nodes[1].seriesCount >= 2);
        QVERIFY(r.nodes[3].seriesCount >= r.nodes[1].seriesCount);
        QVERIFY(r.nodes[3].sampleCount >= r.nodes[3].seriesCount);
        QCOMPARE(r.nodes[0].seriesCount, r.nodes[1].seriesCount);
        for (const auto &n : r.nodes) QVERIFY2(n.status.isOk(), n.status.message().c_str());

        auto bad = waitFor(qs->explain("rate(x)", now));
        QCOMPARE(bad.status.code(), Code::InvalidArgument);
    }

private:
    std::unique_ptr<vigil::testing::ScrapedEngine> fixture_;
};

QTEST_GUILESS_MAIN(TestQueryService)
#include "tst_query_service.moc"
