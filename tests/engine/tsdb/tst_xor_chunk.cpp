// Round trips of the XOR chunk encoding: bit-exact values, awkward
// timestamps, seek, corruption, and a golden byte sequence.
#include "tsdb/xor_chunk.h"
#include "tsdb/xor_iterator.h"

#include "model/sample.h"

#include <QTest>

#include <bit>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

using vigil::tsdb::XorChunk;
using vigil::tsdb::XorIterator;

namespace {

struct S {
    int64_t t;
    uint64_t bits;
};

using Samples = std::vector<S>;

S s(int64_t t, double v) { return {t, std::bit_cast<uint64_t>(v)}; }

Samples decodeAll(const uint8_t *data, size_t len, bool *ok)
{
    Samples out;
    XorIterator it(data, len);
    while (it.next()) out.push_back({it.t(), it.vBits()});
    *ok = it.status().isOk();
    return out;
}

}  // namespace

Q_DECLARE_METATYPE(Samples)

class TestXorChunk : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<Samples>("samples");
        const double inf = std::numeric_limits<double>::infinity();
        const double qnan = std::numeric_limits<double>::quiet_NaN();
        const double denorm = std::numeric_limits<double>::denorm_min();
        QTest::newRow("single") << Samples{s(1000, 1.5)};
        QTest::newRow("two") << Samples{s(1000, 1.5), s(16000, 2.5)};
        QTest::newRow("regular-counter") << [] {
            Samples v;
            for (int i = 0; i < 120; ++i) v.push_back(s(1'700'000'000'000 + i * 15000, 100.0 + i * 3));
            return v;
        }();
        QTest::newRow("nan-payloads") << Samples{s(1, qnan), s(2, vigil::model::staleNaN()), s(3, 1.0),
                                                 {4, 0x7ff8000000000001ULL}, {5, 0xfff0000000000001ULL},
                                                 s(6, vigil::model::staleNaN())};
        QTest::newRow("infinities") << Samples{s(0, inf), s(1, -inf), s(2, inf), s(3, 0.0), s(4, -0.0)};
        QTest::newRow("extremes") << Samples{s(0, std::numeric_limits<double>::max()),
                                             s(10, std::numeric_limits<double>::lowest()), s(20, denorm),
                                             s(30, -denorm), s(40, 1e-310), s(50, -1e300), s(60, 0.0)};
        QTest::newRow("equal-timestamps") << Samples{s(5, 1), s(5, 2), s(5, 3), s(6, 3), s(6, 3)};
        QTest::newRow("long-gaps") << Samples{s(0, 1), s(1, 1), s(1'000'000'000, 2), s(1'000'000'001, 2),
                                              s(int64_t(1) << 50, 3), s((int64_t(1) << 50) + 8192, 4),
                                              s((int64_t(1) << 50) + 8192 * 2 + 65536, 5)};
        QTest::newRow("negative-timestamps") << Samples{s(-1'000'000, 1), s(-999'985, 2), s(-15, 3), s(0, 4),
                                                        s(15, 5)};
        QTest::newRow("int64-extremes") << Samples{s(std::numeric_limits<int64_t>::min(), 1), s(-1, 2),
                                                   s(std::numeric_limits<int64_t>::max(), 3)};
        // Delta-of-delta exactly at every bucket edge (both signs).
        QTest::newRow("dod-bucket-edges") << [] {
            Samples v{s(0, 0), s(100000000, 0)};
            int64_t delta = 100000000, t = 100000000;
            for (int nbits : {14, 17, 20}) {
                const int64_t half = int64_t(1) << (nbits - 1);
                for (int64_t dod : {half, half + 1, -(half - 1), -half, -half - 1}) {
                    delta += dod;
                    t += delta;
                    v.push_back(s(t, double(dod)));
                }
            }
            return v;
        }();
    }
    void roundTrip()
    {
        QFETCH(Samples, samples);
        XorChunk c;
        for (const S &x : samples) c.append(x.t, std::bit_cast<double>(x.bits));
        QCOMPARE(c.numSamples(), uint32_t(samples.size()));
        QCOMPARE(c.minTime(), samples.front().t);
        QCOMPARE(c.maxTime(), samples.back().t);
        bool ok = false;
        const Samples got = decodeAll(c.data(), c.size(), &ok);
        QVERIFY(ok);
        QCOMPARE(got.size(), samples.size());
        for (size_t i = 0; i < got.size(); ++i) {
            QCOMPARE(got[i].t, samples[i].t);
            QCOMPARE(got[i].bits, samples[i].bits);
        }
    }

    void randomRoundTrip()
    {
        std::mt19937_64 rng(42);
        for (int round = 0; round < 300; ++round) {
            const int n = 1 + int(rng() % 500);
            Samples in;
            int64_t t = int64_t(rng()) >> (2 + rng() % 62);  // leaves headroom: no overflow below
            double v = 0;
            for (int i = 0; i < n; ++i) {
                switch (rng() % 6) {
                case 0: t += 15000; break;
                case 1: t += int64_t(rng() % 100000); break;
                case 2: break;  // equal timestamp
                case 3: t += int64_t(rng() % 3); break;
                case 4: t += int64_t(rng() >> (rng() % 48 + 16)); break;
                default: t += 15000 + int64_t(rng() % 200) - 100; break;
                }
                switch (rng() % 5) {
                case 0: break;
                case 1: v += 1; break;
                case 2: v = std::bit_cast<double>(rng()); break;
                case 3: v = double(int64_t(rng() % 1000)) / 7.0; break;
                default: v = v * 1.01; break;
                }
                in.push_back(s(t, v));
            }
            XorChunk c;
            for (const S &x : in) c.append(x.t, std::bit_cast<double>(x.bits));
            bool ok = false;
            const Samples got = decodeAll(c.data(), c.size(), &ok);
            QVERIFY(ok);
            QCOMPARE(got.size(), in.size());
            for (size_t i = 0; i < got.size(); ++i) {
                if (got[i].t != in[i].t || got[i].bits != in[i].bits)
                    QFAIL(qPrintable(QStringLiteral("round %1 sample %2 differs").arg(round).arg(i)));
            }
        }
    }

    void copiesMidwayAreComplete()
    {
        // The bytes after every append form a readable chunk (the head copies
        // the open chunk for queries).
        XorChunk c;
        for (int i = 0; i < 50; ++i) {
            c.append(i * 1000 + (i % 3), std::sin(i));
            std::vector<uint8_t> copy(c.data(), c.data() + c.size());
            bool ok = false;
            const Samples got = decodeAll(copy.data(), copy.size(), &ok);
            QVERIFY(ok);
            QCOMPARE(int(got.size()), i + 1);
            QCOMPARE(got.back().t, int64_t(i * 1000 + (i % 3)));
        }
    }

    void seek_data()
    {
        QTest::addColumn<qint64>("target");
        QTest::addColumn<qint64>("expected");  // -1: none
        QTest::newRow("before-start") << qint64(-100) << qint64(0);
        QTest::newRow("exact") << qint64(30) << qint64(30);
        QTest::newRow("between") << qint64(31) << qint64(40);
        QTest::newRow("last") << qint64(90) << qint64(90);
        QTest::newRow("past-end") << qint64(91) << qint64(-1);
    }
    void seek()
    {
        QFETCH(qint64, target);
        QFETCH(qint64, expected);
        XorChunk c;
        for (int i = 0; i < 10; ++i) c.append(i * 10, i);
        XorIterator it(c.data(), c.size());
        const bool found = it.seek(target);
        QCOMPARE(found, expected >= 0);
        if (found) {
            QCOMPARE(it.t(), int64_t(expected));
            QCOMPARE(it.v(), double(expected / 10));
            // Seeking backwards stays put.
            QVERIFY(it.seek(target - 1000));
            QCOMPARE(it.t(), int64_t(expected));
        }
    }

    void goldenWindows()
    {
        // Hand-derived (docs/format/chunks.md): new XOR window, a window too
        // narrow (new one), a reused window, and a 14-bit delta-of-delta.
        //   (0,1.0)    00 | 3ff0000000000000
        //   (10,2.0)   uvarint 0a | 1 1 00001 001011 11111111111      -> c2 5f ff
        //   (20,3.0)   dod 0 | 1 1 01100 000001 1
        //   (30,2.0)   dod 0 | 1 0 1 (reuse lz=12 tz=51)
        //   (1000,2.0) 10 00001111000000 (dod 960) | 0
        XorChunk c;
        c.append(0, 1.0);
        c.append(10, 2.0);
        c.append(20, 3.0);
        c.append(30, 2.0);
        c.append(1000, 2.0);
        const std::vector<uint8_t> expected = {0x00, 0x05, 0x00, 0x3f, 0xf0, 0x00, 0x00, 0x00, 0x00, 0x00,
                                               0x00, 0x0a, 0xc2, 0x5f, 0xff, 0x6c, 0x06, 0xb0, 0x78, 0x00};
        QCOMPARE(std::vector<uint8_t>(c.data(), c.data() + c.size()), expected);
        bool ok = false;
        const Samples got = decodeAll(expected.data(), expected.size(), &ok);
        QVERIFY(ok);
        QCOMPARE(got.size(), size_t(5));
        QCOMPARE(got[4].t, int64_t(1000));
        QCOMPARE(got[2].bits, std::bit_cast<uint64_t>(3.0));
    }

    void emptyAndCorrupt()
    {
        XorIterator empty(nullptr, 0);
        QVERIFY(!empty.next());
        QVERIFY(empty.status().isOk());

        XorChunk c;
        for (int i = 0; i < 20; ++i) c.append(i * 15000, i * 1.5);
        for (size_t cut = 1; cut < c.size(); ++cut) {
            XorIterator it(c.data(), cut);
            int n = 0;
            while (it.next()) ++n;
            QVERIFY2(!it.status().isOk(), qPrintable(QStringLiteral("cut at %1 not detected").arg(cut)));
            QCOMPARE(it.status().code(), vigil::Status::Code::Corruption);
            QVERIFY(n < 20);
        }
    }

    void golden()
    {
        // Hand-derived from the format description in docs/format/chunks.md:
        // header 0x0003; varint(1000)=d0 0f; 64 bits of 1.0 (3ff0...);
        // uvarint(15000)=98 75; value 2.0: xor=0x7ff0000000000000... etc.
        XorChunk c;
        c.append(1000, 1.0);
        c.append(16000, 1.0);
        c.append(31000, 1.0);
        const std::vector<uint8_t> expected = {0x00, 0x03, 0xd0, 0x0f, 0x3f, 0xf0, 0x00, 0x00, 0x00,
                                               0x00, 0x00, 0x00, 0x98, 0x75, 0x00};
        // Sample 1 value: '0' (same). Sample 2: dod '0', value '0'. => 3 zero
        // bits after the uvarint, in one trailing byte.
        QCOMPARE(std::vector<uint8_t>(c.data(), c.data() + c.size()), expected);
    }
};

QTEST_GUILESS_MAIN(TestXorChunk)
#include "tst_xor_chunk.moc"
