// Differential test: the same data in Vigil (a tsdb::Head) and in a real
// Prometheus 2.42 (Debian's /usr/bin/prometheus, blocks made by promtool from
// a generated OpenMetrics file), the same queries against both, the same
// answers expected (labels, timestamps, values within 1e-9 relative, and the
// same error / no-error outcome).
//
// Prometheus runs on a loopback port chosen free, with its own temporary
// storage, and is stopped by its PID in cleanupTestCase(). Missing binaries
// fail the test (CI must have them). Waits are bounded.
//
// Prometheus 2.42 selects ranges as [t - range, t], Prometheus 3 (and Vigil)
// as (t - range, t]; samples sit at :07, :22, :37, :52 and queries run at
// :30 so that no sample or subquery step lies on a window boundary.
#include "promql/engine.h"
#include "tsdb/head.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <map>

using namespace vigil;

namespace {

constexpr int64_t kStepMs = 15000;
constexpr int kSamples = 480;  // 2 h at 15 s

struct GenSeries {
    model::Labels labels;
    std::vector<model::Sample> samples;
};

// Deterministic data: counters (with one reset), gauges, a classic histogram.
std::vector<GenSeries> generate(int64_t t0)
{
    std::vector<GenSeries> out;
    auto add = [&](model::Labels l, auto valueAt) {
        GenSeries s{std::move(l), {}};
        for (int i = 0; i < kSamples; ++i) s.samples.push_back({t0 + 7000 + i * kStepMs, valueAt(i)});
        out.push_back(std::move(s));
    };
    const char *jobs[] = {"api", "web"};
    const char *methods[] = {"get", "post"};
    for (int j = 0; j < 2; ++j)
        for (int inst = 0; inst < 3; ++inst)
            for (int m = 0; m < 2; ++m) {
                const double inc = 1 + j * 3 + inst * 0.7 + m * 2.3;
                const bool reset = j == 1 && inst == 2 && m == 0;
                add(model::Labels{{"__name__", "http_requests_total"},
                                  {"job", jobs[j]},
                                  {"instance", std::to_string(inst)},
                                  {"method", methods[m]}},
                    [=](int i) {
                        double v = inc * i + (i % 7) * 0.25 * (m + 1);
                        if (reset && i >= 300) v = inc * (i - 300) * 0.5;
                        return v;
                    });
            }
    for (int inst = 0; inst < 3; ++inst)
        add(model::Labels{{"__name__", "memory_bytes"}, {"instance", std::to_string(inst)}, {"job", "api"}},
            [=](int i) { return 1e6 * (inst + 1) + 250000 * std::sin(i / (10.0 + inst)) + i * 13.0; });
    const char *rooms[] = {"kitchen", "hall", "attic"};
    for (int r = 0; r < 3; ++r)
        add(model::Labels{{"__name__", "temperature_celsius"}, {"room", rooms[r]}},
            [=](int i) { return -5.0 + r * 9.5 + 4 * std::cos(i / 17.0 + r) + (i % 5) * 0.1; });
    const char *les[] = {"0.05", "0.1", "0.25", "0.5", "1", "2.5", "+Inf"};
    const double shares[] = {0.10, 0.25, 0.55, 0.80, 0.93, 0.99, 1.0};
    for (int j = 0; j < 2; ++j) {
        const double rate = 3 + j * 5;
        for (int b = 0; b < 7; ++b)
            add(
                model::Labels{
                    {"__name__", "request_duration_seconds_bucket"}, {"job", jobs[j]}, {"le", les[b]}},
                [=](int i) { return std::floor(rate * i * shares[b] + (b == 6 ? 0 : 0)); });
        add(model::Labels{{"__name__", "request_duration_seconds_count"}, {"job", jobs[j]}},
            [=](int i) { return std::floor(rate * i); });
        add(model::Labels{{"__name__", "request_duration_seconds_sum"}, {"job", jobs[j]}},
            [=](int i) { return rate * i * 0.21; });
    }
    add(model::Labels{{"__name__", "build_info"}, {"version", "1.2.3"}, {"job", "api"}},
        [](int) { return 1.0; });
    return out;
}

QByteArray openMetrics(const std::vector<GenSeries> &series)
{
    QByteArray out;
    // Each metric name is its own (untyped) family; families are contiguous.
    std::map<std::string, std::vector<const GenSeries *>> byName;
    for (const auto &s : series) byName[std::string(s.labels.metricName())].push_back(&s);
    for (const auto &[name, list] : byName) {
        for (const GenSeries *s : list) {
            std::string lbl;
            for (const auto &l : s->labels) {
                if (l.name == model::kMetricName) continue;
                if (!lbl.empty()) lbl += ',';
                lbl += l.name + "=\"" + l.value + "\"";
            }
            for (const auto &smp : s->samples) {
                out += QByteArray::fromStdString(name + "{" + lbl + "} ");
                out += QByteArray::number(smp.v, 'g', 17);
                out += ' ';
                out += QByteArray::number(double(smp.t) / 1000.0, 'f', 3);
                out += '\n';
            }
        }
    }
    out += "# EOF\n";
    return out;
}

struct Sample {
    int64_t t;
    double v;
};
using Answer = std::map<QString, std::vector<Sample>>;  // label set -> points

QString labelsKey(const model::Labels &l)
{
    QStringList parts;
    for (const auto &lab : l) parts << QString::fromStdString(lab.name + "=" + lab.value);
    return parts.join(',');
}

double parseValue(const QString &s)
{
    if (s == QLatin1String("NaN")) return std::nan("");
    if (s == QLatin1String("+Inf")) return INFINITY;
    if (s == QLatin1String("-Inf")) return -INFINITY;
    return s.toDouble();
}

Sample parsePoint(const QJsonArray &a)
{
    return {std::llround(a.at(0).toDouble() * 1000.0), parseValue(a.at(1).toString())};
}

bool close(double a, double b)
{
    if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
    if (a == b) return true;
    return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b)) + 1e-12;
}

QString describe(const Answer &a)
{
    QString s;
    for (const auto &[k, pts] : a) {
        s += '{' + k + "}:";
        for (size_t i = 0; i < pts.size() && i < 4; ++i)
            s += QStringLiteral(" %1@%2").arg(pts[i].v, 0, 'g', 17).arg(pts[i].t);
        if (pts.size() > 4) s += QStringLiteral(" ... (%1 points)").arg(pts.size());
        s += '\n';
    }
    return s;
}

}  // namespace

class TestPrometheusAgreement : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void agree_data();
    void agree();
    void cleanupTestCase();

private:
    // Runs `query` on Prometheus; *isError set on an API error.
    bool askPrometheus(const QString &query, bool range, Answer *out, bool *isError, QString *why);
    Answer askVigil(const QString &query, bool range, bool *isError, QString *why);

    QTemporaryDir dir_;
    QProcess prometheus_;
    quint16 port_ = 0;
    QNetworkAccessManager nam_;
    std::unique_ptr<tsdb::Head> head_;
    std::unique_ptr<promql::Engine> engine_;
    int64_t t0_ = 0;
    int64_t evalMs_ = 0, rangeStartMs_ = 0, rangeEndMs_ = 0;
    static constexpr int64_t kRangeStepMs = 60000;
    int answers_ = 0, nonEmptyAnswers_ = 0;
};

void TestPrometheusAgreement::initTestCase()
{
    const QString promtool = QStringLiteral("/usr/bin/promtool");
    const QString prometheus = QStringLiteral("/usr/bin/prometheus");
    QVERIFY2(QFile::exists(promtool) && QFile::exists(prometheus),
             "promtool and prometheus (Debian package \"prometheus\") are required");
    QVERIFY(dir_.isValid());

    // Data from ~4 h ago to ~2 h ago, aligned to the hour.
    const int64_t now = QDateTime::currentMSecsSinceEpoch();
    t0_ = (now - 4 * 3600 * 1000) / 3600000 * 3600000;
    evalMs_ = t0_ + 90 * 60000 + 30000;
    rangeStartMs_ = t0_ + 40 * 60000 + 30000;
    rangeEndMs_ = t0_ + 115 * 60000 + 30000;

    const auto series = generate(t0_);
    const QString omPath = dir_.filePath(QStringLiteral("data.om.txt"));
    {
        QFile f(omPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(openMetrics(series));
    }
    const QString dataDir = dir_.filePath(QStringLiteral("tsdb"));
    QProcess tool;
    tool.start(promtool, {QStringLiteral("tsdb"), QStringLiteral("create-blocks-from"),
                          QStringLiteral("openmetrics"), omPath, dataDir});
    QVERIFY2(tool.waitForFinished(120000), "promtool did not finish in 120 s");
    QVERIFY2(tool.exitCode() == 0, tool.readAllStandardError().constData());

    head_ = std::make_unique<tsdb::Head>();
    auto app = head_->appender();
    for (const auto &s : series)
        for (const auto &smp : s.samples) QVERIFY(app->append(0, s.labels, smp.t, smp.v).isOk());
    QVERIFY(app->commit().isOk());
    engine_ = std::make_unique<promql::Engine>(*head_);

    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port_ = probe.serverPort();
    }
    const QString config = dir_.filePath(QStringLiteral("prometheus.yml"));
    {
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("global:\n  evaluation_interval: 1m\n");
    }
    prometheus_.setProcessChannelMode(QProcess::MergedChannels);
    prometheus_.setStandardOutputFile(dir_.filePath(QStringLiteral("prometheus.log")));
    prometheus_.start(prometheus, {QStringLiteral("--storage.tsdb.path=") + dataDir,
                                   QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port_),
                                   QStringLiteral("--config.file=") + config});
    QVERIFY2(prometheus_.waitForStarted(10000), "prometheus did not start");

    // Ready within 60 s.
    bool ready = false;
    for (int i = 0; i < 120 && !ready; ++i) {
        QNetworkReply *r =
            nam_.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/-/ready").arg(port_))));
        QSignalSpy done(r, &QNetworkReply::finished);
        if (!r->isFinished()) done.wait(2000);
        ready = r->isFinished() && r->error() == QNetworkReply::NoError &&
                r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
        r->deleteLater();
        if (!ready) QTest::qWait(500);
        QVERIFY2(prometheus_.state() == QProcess::Running, "prometheus exited during startup");
    }
    QVERIFY2(ready, "prometheus did not become ready in 60 s");
}

void TestPrometheusAgreement::cleanupTestCase()
{
    qInfo("%d answers compared, %d of them non-empty", answers_, nonEmptyAnswers_);
    // Guards against a vacuous pass (e.g. Prometheus not seeing the blocks).
    QVERIFY2(nonEmptyAnswers_ * 10 >= answers_ * 9, "most answers should have data");
    if (prometheus_.state() != QProcess::NotRunning) {
        prometheus_.terminate();  // SIGTERM to its PID
        if (!prometheus_.waitForFinished(15000)) {
            prometheus_.kill();
            prometheus_.waitForFinished(5000);
        }
    }
}

void TestPrometheusAgreement::agree_data()
{
    QTest::addColumn<QString>("query");
    const char *queries[] = {
        // Selectors, offset, @.
        "http_requests_total",
        "http_requests_total{job=\"api\",method=~\"g.*\"}",
        "memory_bytes offset 7m",
        "memory_bytes offset -3m",
        "{__name__=~\"temp.*\"}",
        "temperature_celsius{room!=\"hall\"}",
        // Range functions.
        "rate(http_requests_total[5m])",
        "irate(http_requests_total[5m])",
        "increase(http_requests_total[10m])",
        "delta(memory_bytes[10m])",
        "idelta(memory_bytes[3m])",
        "deriv(memory_bytes[15m])",
        "predict_linear(memory_bytes[20m], 3600)",
        "resets(http_requests_total[2h])",
        "changes(temperature_celsius[10m])",
        "avg_over_time(temperature_celsius[10m])",
        "sum_over_time(memory_bytes[5m])",
        "min_over_time(temperature_celsius[30m])",
        "max_over_time(temperature_celsius[30m])",
        "count_over_time(memory_bytes[7m])",
        "stddev_over_time(temperature_celsius[20m])",
        "stdvar_over_time(memory_bytes[20m])",
        "quantile_over_time(0.9, temperature_celsius[30m])",
        "present_over_time(build_info[5m])",
        "absent_over_time(nonexistent[5m])",
        "absent(nonexistent{job=\"x\"})",
        // Aggregations.
        "sum by (job) (rate(http_requests_total[5m]))",
        "avg without (instance) (memory_bytes)",
        "min(temperature_celsius)",
        "max by (method) (http_requests_total)",
        "count by (job) (http_requests_total)",
        "group by (job) (http_requests_total)",
        "stddev(temperature_celsius)",
        "stdvar by (job) (rate(http_requests_total[5m]))",
        "topk(3, rate(http_requests_total[5m]))",
        "bottomk(2, memory_bytes)",
        "quantile(0.75, temperature_celsius)",
        "count_values(\"value\", build_info)",
        // Binary operators and matching.
        "http_requests_total / 60",
        "2 ^ 3 ^ 0.5 * -1",
        "rate(http_requests_total[5m]) > bool 2",
        "temperature_celsius > 0",
        "sum by (job) (rate(http_requests_total[5m])) / ignoring(method) group_left sum by (job, method) "
        "(rate(http_requests_total[5m]))",
        "rate(http_requests_total[5m]) / on(job, instance) group_left(version) (memory_bytes * 0 + 1)",
        "memory_bytes and on(instance) temperature_celsius",
        "memory_bytes unless on(instance) (memory_bytes > 1500000)",
        "memory_bytes or temperature_celsius",
        "http_requests_total % 7 == bool 3",
        "atan2(memory_bytes, 1e6)",
        // Histograms.
        "histogram_quantile(0.9, sum by (le) (rate(request_duration_seconds_bucket[5m])))",
        "histogram_quantile(0.5, rate(request_duration_seconds_bucket[10m]))",
        "rate(request_duration_seconds_sum[5m]) / rate(request_duration_seconds_count[5m])",
        // Functions on instant vectors.
        "abs(temperature_celsius)",
        "ceil(temperature_celsius)",
        "round(temperature_celsius, 0.5)",
        "clamp(temperature_celsius, -2, 8)",
        "clamp_min(temperature_celsius, 0)",
        "sqrt(memory_bytes)",
        "ln(memory_bytes)",
        "exp(temperature_celsius / 10)",
        "sgn(temperature_celsius)",
        "cos(temperature_celsius)",
        "label_replace(memory_bytes, \"host\", \"h-$1\", \"instance\", \"(.*)\")",
        "label_join(memory_bytes, \"id\", \"/\", \"job\", \"instance\")",
        "timestamp(memory_bytes)",
        "hour(timestamp(memory_bytes))",
        "day_of_week()",
        "days_in_month(vector(time()))",
        "vector(1) + scalar(sum(build_info))",
        "time() - timestamp(build_info)",
        // Subqueries and @.
        "max_over_time(rate(http_requests_total[5m])[30m:1m])",
        "avg_over_time(memory_bytes[20m:])",
        "min_over_time(sum by (job) (http_requests_total)[1h:5m] offset 10m)",
        "rate(http_requests_total[5m] @ end())",
        "memory_bytes @ start()",
    };
    for (const char *q : queries) QTest::newRow(q) << QString::fromLatin1(q);

    // Generated: every range function over every metric family and a few
    // windows, bare and aggregated.
    const char *functions[] = {"rate",
                               "increase",
                               "delta",
                               "irate",
                               "idelta",
                               "deriv",
                               "changes",
                               "resets",
                               "avg_over_time",
                               "min_over_time",
                               "max_over_time",
                               "sum_over_time",
                               "count_over_time",
                               "stddev_over_time",
                               "stdvar_over_time",
                               "last_over_time"};
    const char *selectors[] = {"http_requests_total{job=\"web\"}", "memory_bytes", "temperature_celsius",
                               "request_duration_seconds_bucket{le=\"0.25\"}"};
    const char *windows[] = {"1m", "5m", "17m"};
    int n = 0;
    for (const char *f : functions)
        for (const char *sel : selectors)
            for (const char *w : windows) {
                const QString base =
                    QStringLiteral("%1(%2[%3])").arg(QLatin1String(f), QLatin1String(sel), QLatin1String(w));
                const QString q = (n % 3 == 0)   ? base
                                  : (n % 3 == 1) ? QStringLiteral("sum without (instance) (%1)").arg(base)
                                                 : QStringLiteral("max by (job) (%1) > bool 1").arg(base);
                QTest::newRow(qPrintable(QStringLiteral("gen %1: %2").arg(n).arg(q))) << q;
                ++n;
            }
}

bool TestPrometheusAgreement::askPrometheus(const QString &query, bool range, Answer *out, bool *isError,
                                            QString *why)
{
    QUrl url(QStringLiteral("http://127.0.0.1:%1/api/v1/%2").arg(port_).arg(range ? "query_range" : "query"));
    // Encoded by hand: QUrlQuery would leave '+' as is, which the server reads as a blank.
    QByteArray q = "query=" + QUrl::toPercentEncoding(query);
    auto secs = [](int64_t ms) { return QByteArray::number(double(ms) / 1000.0, 'f', 3); };
    if (range)
        q += "&start=" + secs(rangeStartMs_) + "&end=" + secs(rangeEndMs_) +
             "&step=" + QByteArray::number(kRangeStepMs / 1000);
    else
        q += "&time=" + secs(evalMs_);
    url.setQuery(QString::fromLatin1(q), QUrl::StrictMode);
    QNetworkReply *reply = nam_.get(QNetworkRequest(url));
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !done.wait(30000)) {
        reply->abort();
        reply->deleteLater();
        *why = QStringLiteral("no answer from Prometheus in 30 s");
        return false;
    }
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    const QJsonObject doc = QJsonDocument::fromJson(body).object();
    if (doc.value(QStringLiteral("status")).toString() != QLatin1String("success")) {
        *isError = true;
        *why = doc.value(QStringLiteral("error")).toString();
        return true;
    }
    *isError = false;
    const QJsonObject data = doc.value(QStringLiteral("data")).toObject();
    const QString type = data.value(QStringLiteral("resultType")).toString();
    const QJsonValue result = data.value(QStringLiteral("result"));
    if (type == QLatin1String("scalar")) {
        (*out)[QString()].push_back(parsePoint(result.toArray()));
        return true;
    }
    for (const QJsonValue &v : result.toArray()) {
        const QJsonObject o = v.toObject();
        std::vector<model::Label> ls;
        const QJsonObject m = o.value(QStringLiteral("metric")).toObject();
        for (auto it = m.begin(); it != m.end(); ++it)
            ls.push_back({it.key().toStdString(), it.value().toString().toStdString()});
        const QString key = labelsKey(model::Labels::fromUnsorted(std::move(ls)));
        auto &pts = (*out)[key];
        if (o.contains(QStringLiteral("value")))
            pts.push_back(parsePoint(o.value(QStringLiteral("value")).toArray()));
        for (const QJsonValue &p : o.value(QStringLiteral("values")).toArray())
            pts.push_back(parsePoint(p.toArray()));
    }
    return true;
}

Answer TestPrometheusAgreement::askVigil(const QString &query, bool range, bool *isError, QString *why)
{
    Answer out;
    const std::string q = query.toStdString();
    auto r = range ? engine_->rangeQuery(q, rangeStartMs_, rangeEndMs_, kRangeStepMs)
                   : engine_->instantQuery(q, evalMs_);
    *isError = !r.isOk();
    if (!r.isOk()) {
        *why = QString::fromStdString(r.status().message());
        return out;
    }
    if (auto *s = std::get_if<promql::Scalar>(&r->value)) out[QString()].push_back({s->t, s->v});
    if (auto *v = std::get_if<promql::Vector>(&r->value))
        for (const auto &smp : *v) out[labelsKey(smp.metric)].push_back({smp.t, smp.v});
    if (auto *m = std::get_if<promql::Matrix>(&r->value))
        for (const auto &s : *m)
            for (const auto &p : s.points) out[labelsKey(s.metric)].push_back({p.t, p.v});
    return out;
}

void TestPrometheusAgreement::agree()
{
    QFETCH(QString, query);
    for (bool range : {false, true}) {
        Answer prom;
        bool promError = false;
        QString why;
        QVERIFY2(askPrometheus(query, range, &prom, &promError, &why), qPrintable(why));
        bool vigilError = false;
        QString vigilWhy;
        Answer vigil = askVigil(query, range, &vigilError, &vigilWhy);
        const QString kind = range ? QStringLiteral("range") : QStringLiteral("instant");
        QVERIFY2(promError == vigilError,
                 qPrintable(kind + ": Prometheus error \"" + why + "\", Vigil error \"" + vigilWhy + "\""));
        if (promError) continue;
        if (!prom.empty()) ++nonEmptyAnswers_;
        ++answers_;
        const QString diff = kind + "\nPrometheus:\n" + describe(prom) + "Vigil:\n" + describe(vigil);
        QVERIFY2(prom.size() == vigil.size(), qPrintable("series count differs, " + diff));
        for (const auto &[key, pts] : prom) {
            auto it = vigil.find(key);
            QVERIFY2(it != vigil.end(), qPrintable("missing {" + key + "}, " + diff));
            QVERIFY2(it->second.size() == pts.size(),
                     qPrintable("point count differs for {" + key + "}, " + diff));
            for (size_t i = 0; i < pts.size(); ++i) {
                QVERIFY2(it->second[i].t == pts[i].t && close(it->second[i].v, pts[i].v),
                         qPrintable(QStringLiteral("{%1} point %2: Prometheus %3@%4, Vigil %5@%6")
                                        .arg(key)
                                        .arg(i)
                                        .arg(pts[i].v, 0, 'g', 17)
                                        .arg(pts[i].t)
                                        .arg(it->second[i].v, 0, 'g', 17)
                                        .arg(it->second[i].t)));
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestPrometheusAgreement)
#include "tst_prometheus_agreement.moc"
