// Record codecs and framing of the WAL: round trips, bit-exact values,
// malformed payloads and damaged frames (docs/format/wal.md).
#include "model/sample.h"
#include "tsdb/wal/record_decoder.h"
#include "tsdb/wal/record_encoder.h"
#include "tsdb/wal/segment_reader.h"

#include <QRandomGenerator>
#include <QTest>

#include <bit>
#include <limits>

using namespace vigil;
using namespace vigil::tsdb;
using namespace vigil::tsdb::wal;

namespace {

std::string toHex(std::string_view s)
{
    static const char *d = "0123456789abcdef";
    std::string out;
    for (unsigned char c : s) {
        out.push_back(d[c >> 4]);
        out.push_back(d[c & 15]);
    }
    return out;
}

QString unspaced(const char *hex)
{
    return QString::fromLatin1(hex).remove(' ');
}

std::string_view payloadOf(std::string_view record)
{
    return record.substr(kRecordHeaderSize);
}

}  // namespace

class TestWalRecord : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void samplesRoundTripBitExact_data()
    {
        QTest::addColumn<quint64>("bits");
        QTest::newRow("stale NaN") << quint64(model::kStaleNaNBits);
        QTest::newRow("quiet NaN") << quint64(0x7ff8000000000000ULL);
        QTest::newRow("signalling NaN") << quint64(0x7ff0000000000001ULL);
        QTest::newRow("negative NaN payload") << quint64(0xfff00000deadbeefULL);
        QTest::newRow("+inf") << quint64(0x7ff0000000000000ULL);
        QTest::newRow("-inf") << quint64(0xfff0000000000000ULL);
        QTest::newRow("-0") << quint64(0x8000000000000000ULL);
        QTest::newRow("+0") << quint64(0);
        QTest::newRow("smallest denormal") << quint64(1);
        QTest::newRow("max double") << quint64(0x7fefffffffffffffULL);
        QTest::newRow("1.5") << quint64(std::bit_cast<uint64_t>(1.5));
    }
    void samplesRoundTripBitExact()
    {
        QFETCH(quint64, bits);
        const double v = std::bit_cast<double>(uint64_t(bits));
        std::vector<RefSample> in{{7, 1000, 1.0}, {7, 2000, v}, {9, 1500, v}};
        RecordEncoder enc;
        const std::string rec(enc.samples(in));
        SegmentReader r(rec);
        QVERIFY(r.next());
        QCOMPARE(int(r.type()), int(RecordType::Samples));
        std::vector<RefSample> out;
        QVERIFY(RecordDecoder::samples(r.payload(), &out).isOk());
        QCOMPARE(out.size(), in.size());
        for (size_t i = 0; i < in.size(); ++i) {
            QCOMPARE(out[i].ref, in[i].ref);
            QCOMPARE(out[i].t, in[i].t);
            QCOMPARE(std::bit_cast<uint64_t>(out[i].v), std::bit_cast<uint64_t>(in[i].v));
        }
        QVERIFY(!r.next());
        QVERIFY(!r.corrupted());
    }

    void samplesExtremeRefsAndTimes()
    {
        // Deltas relative to the first sample wrap modulo 2^64 in both directions.
        std::vector<RefSample> in{{UINT64_MAX, std::numeric_limits<int64_t>::max(), 1},
                                  {0, std::numeric_limits<int64_t>::min(), 2},
                                  {1ULL << 63, 0, 3},
                                  {UINT64_MAX, -1, 4}};
        RecordEncoder enc;
        const std::string rec(enc.samples(in));
        std::vector<RefSample> out;
        QVERIFY(RecordDecoder::samples(payloadOf(rec), &out).isOk());
        QCOMPARE(out.size(), in.size());
        for (size_t i = 0; i < in.size(); ++i) {
            QCOMPARE(out[i].ref, in[i].ref);
            QCOMPARE(out[i].t, in[i].t);
            QCOMPARE(out[i].v, in[i].v);
        }
    }

    void samplesAreCompact()
    {
        // Close refs and timestamps: ~1+2 varint bytes + 8 value bytes per sample.
        std::vector<RefSample> in;
        for (uint64_t i = 0; i < 1000; ++i) in.push_back({100000 + i, 1700000000000 + int64_t(i), double(i)});
        RecordEncoder enc;
        const size_t size = enc.samples(in).size();
        QVERIFY2(size < 1000 * 13, std::to_string(size).c_str());
    }

    void goldenSampleRecord()
    {
        // Fixed bytes: changing them is a format change (update docs/format/wal.md).
        RecordEncoder enc;
        const std::string rec(enc.samples({{5, 1000, 1.0}, {6, 1015, model::staleNaN()}}));
        // The CRC was computed independently: zlib.crc32(type + length + payload) in Python.
        QCOMPARE(QString::fromStdString(toHex(rec)),
                 unspaced("02 18000000 04fc35f0"        // type 2, length 24, crc
                          " 02 05 d00f"                 // count 2, base ref 5, base t 1000 (zigzag 2000)
                          " 00 00 000000000000f03f"     // +0 ref, +0 ms, 1.0
                          " 02 1e 020000000000f07f"));  // +1 ref, +15 ms, stale NaN
    }

    void goldenSeriesRecord()
    {
        RecordEncoder enc;
        const std::string rec(enc.series({{3, model::Labels{{"__name__", "up"}, {"job", "a"}}}}));
        const QString expected =
            unspaced("01 03 02") +  // 1 series, ref 3, 2 labels
            "08" + QString::fromStdString(toHex("__name__")) + "02" + QString::fromStdString(toHex("up")) +
            "03" + QString::fromStdString(toHex("job")) + "01" + QString::fromStdString(toHex("a"));
        QCOMPARE(QString::fromStdString(toHex(payloadOf(rec))), expected);
    }

    void readsIndependentlyEncodedSegment()
    {
        // Written by a small Python encoder that follows docs/format/wal.md
        // (zlib.crc32, LEB128, zigzag): a series, a samples and a tombstone record.
        const QByteArray seg = QByteArray::fromHex(
            "0122000000620b7a01020102085f5f6e616d655f5f027570036a6f6201610201085f5f6e616d655f5f0178"
            "0222000000bb29a29b0301d00f0000000000000000f03f021e020000000000f07f003c000000000000008003"
            "04000000cdc7e1d10102090a");
        SegmentReader r(std::string_view(seg.constData(), size_t(seg.size())));
        QVERIFY(r.next());
        std::vector<std::pair<uint64_t, model::Labels>> series;
        QVERIFY(RecordDecoder::series(r.payload(), &series).isOk());
        QVERIFY(series == (std::vector<std::pair<uint64_t, model::Labels>>{
                              {1, model::Labels{{"__name__", "up"}, {"job", "a"}}},
                              {2, model::Labels{{"__name__", "x"}}}}));
        QVERIFY(r.next());
        std::vector<RefSample> samples;
        QVERIFY(RecordDecoder::samples(r.payload(), &samples).isOk());
        QCOMPARE(samples.size(), size_t(3));
        QCOMPARE(samples[1].ref, uint64_t(2));
        QCOMPARE(samples[1].t, int64_t(1015));
        QVERIFY(model::isStaleNaN(samples[1].v));
        QCOMPARE(samples[2].t, int64_t(1030));
        QCOMPARE(std::bit_cast<uint64_t>(samples[2].v), uint64_t(0x8000000000000000ULL));
        QVERIFY(r.next());
        std::vector<WalTombstone> tombstones;
        QVERIFY(RecordDecoder::tombstones(r.payload(), &tombstones).isOk());
        QCOMPARE(tombstones.size(), size_t(1));
        QCOMPARE(tombstones[0].mint, int64_t(-5));
        QVERIFY(!r.next());
        QVERIFY(!r.corrupted());
    }

    void randomMutationsNeverCrash()
    {
        // A bounded, deterministic fuzz pass (the libFuzzer target goes further).
        RecordEncoder enc;
        std::string seg(enc.series({{1, model::Labels{{"__name__", "up"}, {"job", "a"}}}}));
        seg += enc.samples({{1, 1000, 1.0}, {1, 2000, 2.0}, {7, 900, model::staleNaN()}});
        seg += enc.tombstones({{1, 0, 10}});
        QRandomGenerator rng(42);
        std::vector<std::pair<uint64_t, model::Labels>> series;
        std::vector<RefSample> samples;
        std::vector<WalTombstone> tombstones;
        for (int iter = 0; iter < 20000; ++iter) {
            std::string m = seg;
            const int edits = int(rng.bounded(1, 4));
            for (int e = 0; e < edits; ++e) m[rng.bounded(int(m.size()))] = char(rng.bounded(256));
            if (rng.bounded(4) == 0) m.resize(rng.bounded(int(m.size())));
            SegmentReader r(m);
            uint64_t last = 0;
            while (r.next()) {
                QVERIFY(r.goodOffset() > last && r.goodOffset() <= m.size());
                last = r.goodOffset();
                (void)RecordDecoder::series(r.payload(), &series);
                (void)RecordDecoder::samples(r.payload(), &samples);
                (void)RecordDecoder::tombstones(r.payload(), &tombstones);
            }
            QVERIFY(r.corrupted() ? last < m.size() : last == m.size());
        }
    }

    void seriesRoundTrip()
    {
        std::vector<std::pair<uint64_t, model::Labels>> in{
            {1, model::Labels{{"__name__", "up"}, {"job", "node"}, {"instance", "a:9100"}}},
            {UINT64_MAX, model::Labels{}},
            {300, model::Labels{{"__name__", "x"}, {"text", std::string(1000, 'v') + "\xc3\xa9\n\"\\"}}},
        };
        RecordEncoder enc;
        const std::string rec(enc.series(in));
        SegmentReader r(rec);
        QVERIFY(r.next());
        QCOMPARE(int(r.type()), int(RecordType::Series));
        std::vector<std::pair<uint64_t, model::Labels>> out;
        QVERIFY(RecordDecoder::series(r.payload(), &out).isOk());
        QVERIFY(out == in);
    }

    void tombstonesRoundTrip()
    {
        std::vector<WalTombstone> in{
            {1, -5, 5},
            {UINT64_MAX, std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max()}};
        RecordEncoder enc;
        const std::string rec(enc.tombstones(in));
        std::vector<WalTombstone> out;
        QVERIFY(RecordDecoder::tombstones(payloadOf(rec), &out).isOk());
        QCOMPARE(out.size(), in.size());
        for (size_t i = 0; i < in.size(); ++i) {
            QCOMPARE(out[i].ref, in[i].ref);
            QCOMPARE(out[i].mint, in[i].mint);
            QCOMPARE(out[i].maxt, in[i].maxt);
        }
    }

    void emptyBatches()
    {
        RecordEncoder enc;
        std::vector<RefSample> s{{1, 1, 1}};
        QVERIFY(RecordDecoder::samples(payloadOf(std::string(enc.samples({}))), &s).isOk());
        QVERIFY(s.empty());
        std::vector<std::pair<uint64_t, model::Labels>> l;
        QVERIFY(RecordDecoder::series(payloadOf(std::string(enc.series({}))), &l).isOk());
        QVERIFY(l.empty());
    }

    void everyTruncatedPayloadIsRejected()
    {
        RecordEncoder enc;
        const std::string samples(payloadOf(enc.samples({{1, 10, 1.0}, {300, -20, 2.0}, {2, 1 << 20, 3.0}})));
        const std::string series(payloadOf(enc.series({{1, model::Labels{{"a", "b"}, {"cc", "dd"}}}})));
        std::vector<RefSample> s;
        std::vector<std::pair<uint64_t, model::Labels>> l;
        for (size_t n = 0; n < samples.size(); ++n) {
            const Status st = RecordDecoder::samples(std::string_view(samples).substr(0, n), &s);
            QVERIFY2(st.code() == Status::Code::Corruption, std::to_string(n).c_str());
        }
        for (size_t n = 0; n < series.size(); ++n) {
            const Status st = RecordDecoder::series(std::string_view(series).substr(0, n), &l);
            QVERIFY2(st.code() == Status::Code::Corruption, std::to_string(n).c_str());
        }
        // Trailing bytes are rejected too.
        QCOMPARE(RecordDecoder::samples(samples + "x", &s).code(), Status::Code::Corruption);
        QCOMPARE(RecordDecoder::series(series + "x", &l).code(), Status::Code::Corruption);
    }

    void hugeCountsDoNotAllocate()
    {
        // A count of 2^63 in a few bytes must be refused before reserving memory.
        const std::string p("\xff\xff\xff\xff\xff\xff\xff\xff\x7f\x01\x02", 11);
        std::vector<RefSample> s;
        std::vector<std::pair<uint64_t, model::Labels>> l;
        std::vector<WalTombstone> t;
        QCOMPARE(RecordDecoder::samples(p, &s).code(), Status::Code::Corruption);
        QCOMPARE(RecordDecoder::series(p, &l).code(), Status::Code::Corruption);
        QCOMPARE(RecordDecoder::tombstones(p, &t).code(), Status::Code::Corruption);
    }

    void frameDamageIsDetected_data()
    {
        QTest::addColumn<int>("byte");
        for (int i = 0; i < 40; ++i) QTest::newRow(std::to_string(i).c_str()) << i;
    }
    void frameDamageIsDetected()
    {
        // Flipping any bit of the second record is caught; the first survives.
        QFETCH(int, byte);
        RecordEncoder enc;
        std::string seg(enc.samples({{1, 10, 1.0}}));
        const size_t firstEnd = seg.size();
        seg += enc.samples({{2, 20, 2.0}, {3, 30, 3.0}});
        if (size_t(byte) >= seg.size() - firstEnd) return;
        for (int bit = 0; bit < 8; ++bit) {
            std::string bad = seg;
            bad[firstEnd + size_t(byte)] = char(bad[firstEnd + size_t(byte)] ^ (1 << bit));
            SegmentReader r(bad);
            QVERIFY(r.next());
            QVERIFY(!r.next());
            QVERIFY(r.corrupted());
            QCOMPARE(r.goodOffset(), uint64_t(firstEnd));
        }
    }

    void everyTruncationIsDetected()
    {
        RecordEncoder enc;
        std::string seg(enc.series({{1, model::Labels{{"a", "b"}}}}));
        const size_t firstEnd = seg.size();
        seg += enc.samples({{1, 20, 2.0}});
        for (size_t n = firstEnd + 1; n < seg.size(); ++n) {
            SegmentReader r(std::string_view(seg).substr(0, n));
            QVERIFY(r.next());
            QVERIFY(!r.next());
            QVERIFY2(r.corrupted(), std::to_string(n).c_str());
            QCOMPARE(r.goodOffset(), uint64_t(firstEnd));
        }
    }

    void unknownTypeAndZeroTail()
    {
        RecordEncoder enc;
        std::string seg(enc.samples({{1, 10, 1.0}}));
        const size_t firstEnd = seg.size();
        const std::string unknown(enc.frame(static_cast<RecordType>(42), "abc"));
        const std::string withUnknown = seg + unknown;
        SegmentReader r1(withUnknown);
        QVERIFY(r1.next());
        QVERIFY(!r1.next());
        QVERIFY(r1.error().find("unknown record type 42") != std::string::npos);
        QCOMPARE(r1.goodOffset(), uint64_t(firstEnd));

        const std::string withZeros = seg + std::string(4096, '\0');
        SegmentReader r2(withZeros);
        QVERIFY(r2.next());
        QVERIFY(!r2.next());
        QVERIFY(r2.corrupted());
        QCOMPARE(r2.goodOffset(), uint64_t(firstEnd));
    }
};

QTEST_GUILESS_MAIN(TestWalRecord)
#include "tst_wal_record.moc"
