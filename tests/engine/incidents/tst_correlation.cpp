// The correlation helper on synthetic data in a real head: a database
// connection pool that saturates drives request latency, other series of the
// same instance are noise; the pool's series must rank first.
#include "incidents/correlation.h"
#include "tsdb/head.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace vigil;
using namespace vigil::incidents;

namespace {

constexpr int64_t kT0 = 1'700'000'000'000;
constexpr int64_t kStep = 15'000;
constexpr int kSteps = 4 * 60;  // one hour at 15 s

// The pool's use over time: slow waves plus a saturation episode.
double poolInUse(int k)
{
    const double t = double(k);
    double v = 20 + 10 * std::sin(t / 12.0) + 6 * std::sin(t / 5.0);
    if (k > 150 && k < 200) v += 18;  // saturation
    return std::min(50.0, std::max(0.0, v));
}

void fill(tsdb::Head &head)
{
    std::mt19937 rng(42);
    std::normal_distribution<double> noise(0, 1);
    std::uniform_real_distribution<double> uni(0, 1);
    auto app = head.appender();
    const std::string inst = "app:8080";
    double latencySum = 0, requests = 0, otherTotal = 0;
    for (int k = 0; k <= kSteps; ++k) {
        const int64_t t = kT0 + k * kStep;
        const double pool = poolInUse(k) + noise(rng) * 0.5;
        // Latency per request grows with the pool's use; 100 requests per step.
        requests += 100;
        latencySum += 100 * (0.02 + 0.01 * poolInUse(k)) * (1 + 0.02 * noise(rng));
        otherTotal += 50 * uni(rng);
        app->append(0, model::Labels{{"__name__", "http_request_duration_seconds_sum"}, {"instance", inst}, {"job", "app"}}, t, latencySum);
        app->append(0, model::Labels{{"__name__", "http_request_duration_seconds_count"}, {"instance", inst}, {"job", "app"}}, t, requests);
        app->append(0, model::Labels{{"__name__", "db_pool_connections_in_use"}, {"instance", inst}, {"job", "app"}}, t, pool);
        app->append(0, model::Labels{{"__name__", "db_pool_connections_idle"}, {"instance", inst}, {"job", "app"}}, t, 50 - pool);
        app->append(0, model::Labels{{"__name__", "cache_hits_total"}, {"instance", inst}, {"job", "app"}}, t, otherTotal);
        app->append(0, model::Labels{{"__name__", "temperature_celsius"}, {"instance", inst}, {"job", "app"}}, t, 40 + noise(rng));
        app->append(0, model::Labels{{"__name__", "constant_gauge"}, {"instance", inst}, {"job", "app"}}, t, 7);
        // The same pool metric on another instance: out of scope.
        app->append(0, model::Labels{{"__name__", "db_pool_connections_in_use"}, {"instance", "other:8080"}, {"job", "app"}}, t, pool);
    }
    QVERIFY(app->commit().isOk());
}

}  // namespace

class TestCorrelation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pearsonBasics()
    {
        QCOMPARE(pearson({1, 2, 3, 4}, {2, 4, 6, 8}), 1.0);
        QCOMPARE(pearson({1, 2, 3, 4}, {8, 6, 4, 2}), -1.0);
        QVERIFY(std::isnan(pearson({1, 2, 3}, {5, 5, 5})));  // no variance
        QVERIFY(std::isnan(pearson({1}, {1})));
        QVERIFY(looksLikeCounter("x_total"));
        QVERIFY(!looksLikeCounter("x_created"));
        QVERIFY(!looksLikeCounter("x_bytes"));
    }

    void ranksThePoolFirst()
    {
        tsdb::Head head;
        fill(head);
        promql::Engine engine(head);
        CorrelationRequest r;
        r.targetExpr = "rate(http_request_duration_seconds_sum{instance=\"app:8080\"}[1m]) / "
                       "rate(http_request_duration_seconds_count{instance=\"app:8080\"}[1m])";
        r.scopeValue = "app:8080";
        r.startMs = kT0 + 5 * 60'000;
        r.endMs = kT0 + kSteps * kStep;
        r.stepMs = kStep;
        r.topN = 5;
        auto result = correlate(head, engine, r);
        QVERIFY2(result.isOk(), result.status().toString().c_str());
        QVERIFY(result->ranked.size() >= 3);
        QStringList names;
        for (const auto &s : result->ranked) {
            names << QString::fromStdString(std::string(s.labels.metricName())) + QStringLiteral(" %1").arg(s.coefficient, 0, 'f', 3);
            QCOMPARE(s.labels.get("instance"), std::string_view("app:8080"));  // scope
            QVERIFY(s.labels.metricName().rfind("http_request_duration_seconds", 0) != 0);  // its own inputs left out
        }
        qInfo() << "ranking:" << names;
        const auto &top = result->ranked;
        QSet<QString> firstTwo{QString::fromStdString(std::string(top[0].labels.metricName())),
                               QString::fromStdString(std::string(top[1].labels.metricName()))};
        QCOMPARE(firstTwo, (QSet<QString>{"db_pool_connections_in_use", "db_pool_connections_idle"}));
        for (int i = 0; i < 2; ++i) QVERIFY2(std::abs(top[size_t(i)].coefficient) > 0.9, qPrintable(names.join(", ")));
        for (const auto &s : top) {
            if (s.labels.metricName() == "db_pool_connections_idle") QVERIFY(s.coefficient < 0);
            if (s.labels.metricName() == "db_pool_connections_in_use") QVERIFY(s.coefficient > 0);
            if (s.labels.metricName() == "temperature_celsius" || s.labels.metricName() == "cache_hits_total")
                QVERIFY2(std::abs(s.coefficient) < 0.5, qPrintable(names.join(", ")));
            QVERIFY(s.labels.metricName() != "constant_gauge");  // no variance: no score
        }
        QVERIFY(result->ranked.front().points >= 8);
    }

    void badRequestsAndCancel()
    {
        tsdb::Head head;
        fill(head);
        promql::Engine engine(head);
        CorrelationRequest r;
        r.targetExpr = "temperature_celsius";
        r.scopeValue = "app:8080";
        r.startMs = kT0;
        r.endMs = kT0;  // empty window
        QCOMPARE(correlate(head, engine, r).status().code(), Status::Code::InvalidArgument);
        r.endMs = kT0 + 60 * 60'000;
        r.targetExpr = "sum(";
        QCOMPARE(correlate(head, engine, r).status().code(), Status::Code::InvalidArgument);
        r.targetExpr = "no_such_metric";
        QCOMPARE(correlate(head, engine, r).status().code(), Status::Code::InvalidArgument);
        r.targetExpr = "temperature_celsius";
        auto token = std::make_shared<promql::CancellationToken>();
        token->cancel();
        QCOMPARE(correlate(head, engine, r, token).status().code(), Status::Code::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestCorrelation)
#include "tst_correlation.moc"
