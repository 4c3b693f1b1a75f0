// The Engine API as callers use it: result values, range queries, lookback,
// annotations, limits (max samples, deadline, cancellation) and concurrent
// queries on one engine. Semantics are covered by tst_conformance.
#include "promql/engine.h"
#include "tsdb/head.h"

#include <QtTest>

#include <atomic>
#include <thread>

using namespace vigil;
using namespace vigil::promql;

namespace {

// `series` series "load{i=...}" with one sample per 15 s over `minutes`.
std::unique_ptr<tsdb::Head> makeHead(int series, int minutes)
{
    auto head = std::make_unique<tsdb::Head>();
    auto app = head->appender();
    for (int s = 0; s < series; ++s) {
        model::Labels l{{"__name__", "load"}, {"i", std::to_string(s)}, {"job", s % 2 ? "odd" : "even"}};
        for (int k = 0; k <= minutes * 4; ++k) app->append(0, l, int64_t(k) * 15000, double(k * (s + 1)));
    }
    app->commit();
    return head;
}

}  // namespace

class TestPromqlEngine : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void instantVector();
    void scalarAndString();
    void rangeQuery();
    void rangeQueryRejectsBadArguments_data();
    void rangeQueryRejectsBadArguments();
    void lookbackDelta();
    void parseErrorHasPosition();
    void annotationsAreSeparate();
    void maxSamples();
    void deadline();
    void cancelBeforeStart();
    void cancelWhileRunning();
    void concurrentQueries();
};

void TestPromqlEngine::instantVector()
{
    auto head = makeHead(4, 10);
    Engine engine(*head);
    auto r = engine.instantQuery("sum by (job) (load)", 600000);
    QVERIFY2(r.isOk(), r.status().message().c_str());
    const auto *v = std::get_if<Vector>(&r->value);
    QVERIFY(v);
    QCOMPARE(v->size(), size_t(2));
    double total = 0;
    for (const auto &s : *v) {
        QCOMPARE(s.t, int64_t(600000));
        QVERIFY(!s.metric.has("__name__"));
        total += s.v;
    }
    QCOMPARE(total, 40.0 * (1 + 2 + 3 + 4));
}

void TestPromqlEngine::scalarAndString()
{
    tsdb::Head head;
    Engine engine(head);
    auto r = engine.instantQuery("2 ^ 3 ^ 2", 1000);
    QVERIFY(r.isOk());
    QCOMPARE(std::get<Scalar>(r->value).v, 512.0);
    r = engine.instantQuery("\"hello\"", 1000);
    QVERIFY(r.isOk());
    QCOMPARE(std::get<String>(r->value).v, std::string("hello"));
    QCOMPARE(valueTypeOf(r->value), ValueType::String);
}

void TestPromqlEngine::rangeQuery()
{
    auto head = makeHead(2, 10);
    Engine engine(*head);
    auto r = engine.rangeQuery("load{i=\"1\"} * 2", 0, 120000, 60000);
    QVERIFY2(r.isOk(), r.status().message().c_str());
    const auto &m = std::get<Matrix>(r->value);
    QCOMPARE(m.size(), size_t(1));
    QCOMPARE(m[0].metric.toString(), std::string("{i=\"1\", job=\"odd\"}"));
    QCOMPARE(m[0].points.size(), size_t(3));
    QCOMPARE(m[0].points[2].t, int64_t(120000));
    QCOMPARE(m[0].points[2].v, 2.0 * 8 * 2);

    r = engine.rangeQuery("time()", 0, 120000, 60000);
    QVERIFY(r.isOk());
    QCOMPARE(std::get<Matrix>(r->value)[0].points[1].v, 60.0);
}

void TestPromqlEngine::rangeQueryRejectsBadArguments_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<qint64>("step");
    QTest::addColumn<QString>("message");
    QTest::newRow("zero step") << "load" << qint64(0)
                               << "zero or negative query resolution step widths are not accepted";
    QTest::newRow("matrix") << "load[5m]" << qint64(1000)
                            << "invalid expression type \"range vector\" for range query";
    QTest::newRow("string") << "\"x\"" << qint64(1000)
                            << "invalid expression type \"string\" for range query";
}

void TestPromqlEngine::rangeQueryRejectsBadArguments()
{
    QFETCH(QString, query);
    QFETCH(qint64, step);
    QFETCH(QString, message);
    tsdb::Head head;
    Engine engine(head);
    auto r = engine.rangeQuery(query.toStdString(), 0, 60000, step);
    QVERIFY(!r.isOk());
    QCOMPARE(r.status().code(), Status::Code::InvalidArgument);
    QVERIFY2(QString::fromStdString(r.status().message()).startsWith(message), r.status().message().c_str());
}

void TestPromqlEngine::lookbackDelta()
{
    auto head = makeHead(1, 1);  // last sample at 60 s
    Engine engine(*head);
    auto r = engine.instantQuery("load", 60000 + 299000);
    QCOMPARE(std::get<Vector>(r->value).size(), size_t(1));
    r = engine.instantQuery("load", 60000 + 300000);  // the window is left-open
    QCOMPARE(std::get<Vector>(r->value).size(), size_t(0));
    QueryOptions qo;
    qo.lookbackDeltaMs = 30000;
    r = engine.instantQuery("load", 60000 + 31000, qo);
    QCOMPARE(std::get<Vector>(r->value).size(), size_t(0));
    Engine shortLookback(*head, EngineOptions{.lookbackDeltaMs = 10000});
    r = shortLookback.instantQuery("load", 60000 + 9000);
    QCOMPARE(std::get<Vector>(r->value).size(), size_t(1));
}

void TestPromqlEngine::parseErrorHasPosition()
{
    tsdb::Head head;
    Engine engine(head);
    auto r = engine.instantQuery("sum(rate(x[5m])", 0);
    QVERIFY(!r.isOk());
    QCOMPARE(r.status().code(), Status::Code::InvalidArgument);
    QVERIFY2(QString::fromStdString(r.status().message()).contains(": parse error: "),
             r.status().message().c_str());
}

void TestPromqlEngine::annotationsAreSeparate()
{
    auto head = makeHead(2, 10);
    Engine engine(*head);
    auto r = engine.instantQuery("rate(load[5m])", 600000);
    QVERIFY(r.isOk());
    QCOMPARE(std::get<Vector>(r->value).size(), size_t(2));
    QCOMPARE(r->infos.size(), size_t(1));
    QCOMPARE(r->infos[0], std::string("PromQL info: metric might not be a counter, name does not end in "
                                      "_total/_sum/_count/_bucket: \"load\" (1:6)"));
    r = engine.instantQuery("quantile(2, load)", 600000);
    QVERIFY(r.isOk());
    QCOMPARE(r->warnings.size(), size_t(1));
    QVERIFY(r->infos.empty());
}

void TestPromqlEngine::maxSamples()
{
    auto head = makeHead(20, 10);
    Engine engine(*head, EngineOptions{.maxSamples = 100});
    auto r = engine.instantQuery("load", 600000);
    QVERIFY(r.isOk());
    r = engine.instantQuery("sum(count_over_time(load[10m]))", 600000);  // 20 series x 40 samples
    QVERIFY(!r.isOk());
    QCOMPARE(r.status().code(), Status::Code::ResourceExhausted);
    QCOMPARE(r.status().message(),
             std::string("query processing would load too many samples into memory in query execution"));
    r = engine.rangeQuery("load", 0, 600000, 15000);  // 20 series x 41 steps held in the result
    QCOMPARE(r.status().code(), Status::Code::ResourceExhausted);
}

void TestPromqlEngine::deadline()
{
    auto head = makeHead(50, 60);
    Engine engine(*head);
    QueryOptions qo;
    qo.deadline = std::chrono::steady_clock::now() - std::chrono::milliseconds(1);
    auto r = engine.instantQuery("load", 600000, qo);
    QCOMPARE(r.status().code(), Status::Code::DeadlineExceeded);
    QCOMPARE(r.status().message(), std::string("query timed out in expression evaluation"));

    qo.deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(50);
    r = engine.rangeQuery("sum(max_over_time(rate(load[5m])[30m:15s]))", 0, 3600000, 15000, qo);
    QCOMPARE(r.status().code(), Status::Code::DeadlineExceeded);
}

void TestPromqlEngine::cancelBeforeStart()
{
    tsdb::Head head;
    Engine engine(head);
    auto token = std::make_shared<CancellationToken>();
    token->cancel();
    QueryOptions qo;
    qo.cancel = token;
    auto r = engine.instantQuery("1", 0, qo);
    QCOMPARE(r.status().code(), Status::Code::Cancelled);
    QCOMPARE(r.status().message(), std::string("query was canceled in expression evaluation"));
}

void TestPromqlEngine::cancelWhileRunning()
{
    auto head = makeHead(50, 60);
    Engine engine(*head);
    auto token = std::make_shared<CancellationToken>();
    QueryOptions qo;
    qo.cancel = token;
    std::atomic<bool> started{false};
    std::thread canceller([&] {
        while (!started.load()) std::this_thread::yield();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        token->cancel();
    });
    started = true;
    const auto t0 = std::chrono::steady_clock::now();
    auto r = engine.rangeQuery("sum(max_over_time(rate(load[5m])[30m:15s]))", 0, 3600000, 15000, qo);
    canceller.join();
    QCOMPARE(r.status().code(), Status::Code::Cancelled);
    QVERIFY(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(10));
}

void TestPromqlEngine::concurrentQueries()
{
    auto head = makeHead(30, 30);
    const Engine engine(*head);
    auto expected = engine.rangeQuery("sum by (job) (rate(load[5m]))", 0, 1800000, 60000);
    QVERIFY(expected.isOk());
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i)
        threads.emplace_back([&] {
            for (int k = 0; k < 5; ++k) {
                auto r = engine.rangeQuery("sum by (job) (rate(load[5m]))", 0, 1800000, 60000);
                const auto &a = std::get<Matrix>(r->value), &b = std::get<Matrix>(expected->value);
                if (a.size() != b.size()) ++mismatches;
                for (size_t s = 0; s < a.size() && s < b.size(); ++s)
                    for (size_t p = 0; p < a[s].points.size(); ++p)
                        if (a[s].points[p].v != b[s].points[p].v) ++mismatches;
            }
        });
    for (auto &t : threads) t.join();
    QCOMPARE(mismatches.load(), 0);
}

QTEST_GUILESS_MAIN(TestPromqlEngine)
#include "tst_promql_engine.moc"
