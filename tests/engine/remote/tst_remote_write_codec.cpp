// Remote-Write 1.0 encoding against a real receiver: bodies encoded by
// vigil::remote are POSTed with the spec's headers to Prometheus 2.42
// (--web.enable-remote-write-receiver) and read back through its query API;
// decoding rejects bad bodies with clear messages.
#include "../../support/peer_process.h"
#include "remote/remote_write.h"
#include "remote/remote_write.pb.h"
#include "remote/write_request_writer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <snappy.h>

#include <cmath>
#include <cstring>
#include <limits>

using namespace vigil;

class TestRemoteWriteCodec : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip();
    void writerMatchesGeneratedSerializer();
    void rejectsBadBodies();
    void prometheusAcceptsOurBodies();
};

namespace {
remote::WriteRequest sampleRequest(int64_t baseMs)
{
    remote::WriteRequest req;
    for (int i = 0; i < 3; ++i) {
        remote::TimeSeries ts;
        ts.labels = model::Labels{{"__name__", "vigil_codec_test"}, {"instance", "i" + std::to_string(i)},
                                  {"job", "codec"}, {"unicode", "\xc3\xa9t\xc3\xa9"}};
        for (int k = 0; k < 10; ++k) ts.samples.push_back({baseMs + k * 1000, i * 100.0 + k + 0.25});
        req.series.push_back(std::move(ts));
    }
    req.metadata.push_back({remote::MetricMetadata::Type::Gauge, "vigil_codec_test", "A test gauge.", ""});
    return req;
}
}  // namespace

void TestRemoteWriteCodec::roundTrip()
{
    remote::WriteRequest req = sampleRequest(1'700'000'000'000);
    req.series[0].samples.push_back({1'700'000'100'000, std::nan("")});
    req.series[1].exemplars.push_back({model::Labels{{"trace_id", "abc"}}, 1.5, 1'700'000'000'500});
    const std::string body = remote::encodeWriteRequest(req);
    QVERIFY(body.size() < remote::serializeWriteRequest(req).size());  // snappy did compress
    auto back = remote::decodeWriteRequest(body);
    QVERIFY2(back.isOk(), back.status().toString().c_str());
    QCOMPARE(back.value().series.size(), size_t(3));
    QCOMPARE(back.value().sampleCount(), req.sampleCount());
    for (size_t i = 0; i < 3; ++i) {
        QCOMPARE(back.value().series[i].labels, req.series[i].labels);
        for (size_t k = 0; k < 10; ++k) {
            QCOMPARE(back.value().series[i].samples[k].t, req.series[i].samples[k].t);
            QCOMPARE(back.value().series[i].samples[k].v, req.series[i].samples[k].v);
        }
    }
    QVERIFY(std::isnan(back.value().series[0].samples.back().v));
    QCOMPARE(back.value().series[1].exemplars.size(), size_t(1));
    QCOMPARE(back.value().series[1].exemplars[0].labels.get("trace_id"), std::string_view("abc"));
    QCOMPARE(back.value().metadata.size(), size_t(1));
    QCOMPARE(back.value().metadata[0].help, std::string("A test gauge."));
    QCOMPARE(int(back.value().metadata[0].type), int(remote::MetricMetadata::Type::Gauge));
}

// The reference: the same request built with the classes protoc generates
// from remote_write.proto and serialised by libprotobuf.
static std::string generatedSerialization(const remote::WriteRequest &req)
{
    remote::pb::WriteRequest w;
    auto putLabels = [](const model::Labels &in, auto *out) {
        for (const auto &l : in) {
            remote::pb::Label *p = out->Add();
            p->set_name(l.name);
            p->set_value(l.value);
        }
    };
    for (const auto &s : req.series) {
        remote::pb::TimeSeries *ts = w.add_timeseries();
        putLabels(s.labels, ts->mutable_labels());
        for (const auto &smp : s.samples) {
            remote::pb::Sample *p = ts->add_samples();
            p->set_value(smp.v);
            p->set_timestamp(smp.t);
        }
        for (const auto &e : s.exemplars) {
            remote::pb::Exemplar *p = ts->add_exemplars();
            putLabels(e.labels, p->mutable_labels());
            p->set_value(e.value);
            p->set_timestamp(e.timestampMs);
        }
    }
    for (const auto &m : req.metadata) {
        remote::pb::MetricMetadata *p = w.add_metadata();
        p->set_type(remote::pb::MetricMetadata::MetricType(int(m.type)));
        p->set_metric_family_name(m.familyName);
        p->set_help(m.help);
        p->set_unit(m.unit);
    }
    return w.SerializeAsString();
}

// The hand-written encoder must produce exactly libprotobuf's bytes, also for
// the values proto3 omits or encodes specially: 0.0 (omitted) and -0.0 (not),
// timestamp 0 (omitted) and negative ones (10-byte varints), NaN/±Inf,
// lengths needing 2- and 3-byte varints, empty series, exemplars with and
// without labels, metadata with default fields.
void TestRemoteWriteCodec::writerMatchesGeneratedSerializer()
{
    remote::WriteRequest req = sampleRequest(1'700'000'000'000);
    const double inf = std::numeric_limits<double>::infinity();
    for (double v : {0.0, -0.0, std::nan(""), inf, -inf, 5e-324, -1.0, 1e308}) req.series[0].samples.push_back({0, v});
    for (int64_t t : {int64_t(-1), int64_t(-1'700'000'000'000), std::numeric_limits<int64_t>::min(),
                      std::numeric_limits<int64_t>::max(), int64_t(127), int64_t(128)})
        req.series[1].samples.push_back({t, 0.0});
    req.series[1].exemplars.push_back({model::Labels{{"trace_id", "abc"}}, 1.5, 1'700'000'000'500});
    req.series[1].exemplars.push_back({model::Labels{}, 0.0, 0});
    remote::TimeSeries big;  // a 300-byte value and a 20000-byte one: multi-byte lengths
    big.labels = model::Labels{{"__name__", "big"}, {"a", std::string(300, 'x')}, {"b", std::string(20'000, 'y')}};
    for (int k = 0; k < 2000; ++k) big.samples.push_back({1'700'000'000'000 + k, k * 0.5});  // > 16 KiB of samples
    req.series.push_back(std::move(big));
    remote::TimeSeries empty;  // no samples at all
    empty.labels = model::Labels{{"__name__", "empty"}};
    req.series.push_back(std::move(empty));
    req.metadata.push_back({remote::MetricMetadata::Type::Unknown, "", "", ""});
    req.metadata.push_back({remote::MetricMetadata::Type::StateSet, "s", std::string(200, 'h'), "seconds"});

    const std::string reference = generatedSerialization(req);
    const std::string ours = remote::serializeWriteRequest(req);
    QCOMPARE(ours.size(), reference.size());
    QVERIFY(ours == reference);

    // The writer as the queue uses it: pre-encoded labels, reused buffer.
    remote::WriteRequestWriter w;
    w.addSeries("junk", nullptr, 0);
    w.clear();
    for (const auto &s : req.series)
        w.addSeries(remote::WriteRequestWriter::encodeLabels(s.labels), s.samples.data(), s.samples.size(),
                    s.exemplars.data(), s.exemplars.size());
    for (const auto &m : req.metadata) w.addMetadata(m);
    QVERIFY(w.raw() == reference);

    // Both compressed forms decode (snappy, then libprotobuf) to the request.
    std::string body;
    w.compress(&body);
    QVERIFY(w.compressed().toStdString() == body);
    std::string raw;
    QVERIFY(snappy::Uncompress(body.data(), body.size(), &raw));
    QVERIFY(raw == reference);
    auto back = remote::decodeWriteRequest(body);
    QVERIFY2(back.isOk(), back.status().toString().c_str());
    QCOMPARE(back.value().series.size(), req.series.size());
    for (size_t i = 0; i < req.series.size(); ++i) {
        QCOMPARE(back.value().series[i].labels, req.series[i].labels);
        QCOMPARE(back.value().series[i].samples.size(), req.series[i].samples.size());
        for (size_t k = 0; k < req.series[i].samples.size(); ++k) {
            QCOMPARE(back.value().series[i].samples[k].t, req.series[i].samples[k].t);
            const double a = back.value().series[i].samples[k].v, b = req.series[i].samples[k].v;
            QVERIFY(std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b)));
        }
    }
}

void TestRemoteWriteCodec::rejectsBadBodies()
{
    auto notSnappy = remote::decodeWriteRequest("\xff\xff\xff\xff\xff garbage");
    QVERIFY(!notSnappy.isOk());
    QVERIFY2(notSnappy.status().message().find("snappy") != std::string::npos, notSnappy.status().message().c_str());

    std::string notProto;
    const std::string junk = "\x0a\xff\xff\xff\xff\x0f";  // a field-1 length running past the end
    snappy::Compress(junk.data(), junk.size(), &notProto);
    auto bad = remote::decodeWriteRequest(notProto);
    QVERIFY(!bad.isOk());
    QVERIFY2(bad.status().message().find("WriteRequest") != std::string::npos, bad.status().message().c_str());

    // Unsorted labels (built by hand: model::Labels would sort them).
    remote::WriteRequest req;
    remote::TimeSeries ts;
    ts.labels = model::Labels::fromSorted({{"job", "x"}, {"__name__", "m"}});
    ts.samples.push_back({1, 1});
    req.series.push_back(ts);
    auto unsorted = remote::decodeWriteRequest(remote::encodeWriteRequest(req));
    QVERIFY(!unsorted.isOk());
    QVERIFY2(unsorted.status().message().find("not sorted") != std::string::npos,
             unsorted.status().message().c_str());

    req.series[0].labels = model::Labels{{"job", "x"}};
    auto noName = remote::decodeWriteRequest(remote::encodeWriteRequest(req));
    QVERIFY(!noName.isOk());
    QVERIFY2(noName.status().message().find("__name__") != std::string::npos, noName.status().message().c_str());
}

void TestRemoteWriteCodec::prometheusAcceptsOurBodies()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile cfg(dir.filePath(QStringLiteral("prometheus.yml")));
    QVERIFY(cfg.open(QIODevice::WriteOnly));
    cfg.write("global:\n  scrape_interval: 1m\n");
    cfg.close();
    const quint16 port = testing::freePort();
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
    testing::PeerProcess prom;
    QVERIFY2(prom.start(QStringLiteral("/usr/bin/prometheus"),
                        {QStringLiteral("--config.file=") + cfg.fileName(),
                         QStringLiteral("--storage.tsdb.path=") + dir.filePath(QStringLiteral("data")),
                         QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port),
                         QStringLiteral("--web.enable-remote-write-receiver")},
                        dir.filePath(QStringLiteral("prometheus.log")), base + QStringLiteral("/-/ready")),
             "prometheus 2.42 (Debian package \"prometheus\") did not start");

    const int64_t now = QDateTime::currentMSecsSinceEpoch();
    const remote::WriteRequest req = sampleRequest(now - 20'000);
    QList<std::pair<QByteArray, QByteArray>> headers;
    for (const auto &[k, v] : remote::remoteWriteHeaders()) headers.append({QByteArray::fromStdString(k), QByteArray::fromStdString(v)});
    auto r = testing::httpRequest("POST", base + QStringLiteral("/api/v1/write"),
                                  QByteArray::fromStdString(remote::encodeWriteRequest(req)), headers);
    QVERIFY2(r.status == 204, qPrintable(QStringLiteral("status %1: %2").arg(r.status).arg(QString::fromUtf8(r.body))));

    // Every sample is there, with the UTF-8 label intact.
    const QString q = QStringLiteral("/api/v1/query?query=") +
                      QString::fromUtf8(QUrl::toPercentEncoding(QStringLiteral("vigil_codec_test[1m]"))) +
                      QStringLiteral("&time=%1").arg(double(now) / 1000.0, 0, 'f', 3);
    auto qr = testing::httpRequest("GET", base + q);
    QCOMPARE(qr.status, 200);
    const QJsonArray result =
        QJsonDocument::fromJson(qr.body).object()[QStringLiteral("data")].toObject()[QStringLiteral("result")].toArray();
    QCOMPARE(result.size(), 3);
    for (const auto &s : result) {
        const QJsonObject m = s.toObject()[QStringLiteral("metric")].toObject();
        QCOMPARE(m[QStringLiteral("unicode")].toString(), QString::fromUtf8("\xc3\xa9t\xc3\xa9"));
        const int i = m[QStringLiteral("instance")].toString().mid(1).toInt();
        const QJsonArray values = s.toObject()[QStringLiteral("values")].toArray();
        QCOMPARE(values.size(), 10);
        for (int k = 0; k < 10; ++k) {
            const QJsonArray v = values[k].toArray();
            QCOMPARE(qint64(std::llround(v[0].toDouble() * 1000)), now - 20'000 + k * 1000);
            QCOMPARE(v[1].toString().toDouble(), i * 100.0 + k + 0.25);
        }
    }

    // Prometheus refuses a body that is not snappy: so must our decoder.
    auto bad = testing::httpRequest("POST", base + QStringLiteral("/api/v1/write"), "not snappy", headers);
    QCOMPARE(bad.status, 400);
    QVERIFY(!remote::decodeWriteRequest("not snappy").isOk());
}

QTEST_MAIN(TestRemoteWriteCodec)
#include "tst_remote_write_codec.moc"
