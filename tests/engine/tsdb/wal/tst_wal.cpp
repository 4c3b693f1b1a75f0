// The WAL on disk: round trips across segments, repair of damaged tails,
// checkpoints, sync policies and I/O errors surfaced through the file seam.
#include "model/sample.h"
#include "tsdb/wal/record_encoder.h"
#include "tsdb/wal/wal.h"
#include "tsdb/wal/wal_dir_listing.h"
#include "tsdb/wal/wal_env.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <bit>
#include <cmath>
#include <thread>

using namespace vigil;
using namespace vigil::tsdb;
using namespace vigil::tsdb::wal;

namespace {

using SeriesBatch = std::vector<std::pair<uint64_t, model::Labels>>;

// Everything a replay delivered, in order.
struct Replayed {
    SeriesBatch series;
    std::vector<RefSample> samples;
    std::vector<WalTombstone> tombstones;
    std::vector<size_t> sampleBatchSizes;

    WalReplayCallbacks callbacks()
    {
        WalReplayCallbacks cb;
        cb.series = [this](const SeriesBatch &b) {
            series.insert(series.end(), b.begin(), b.end());
            return Status::ok();
        };
        cb.samples = [this](const std::vector<RefSample> &b) {
            samples.insert(samples.end(), b.begin(), b.end());
            sampleBatchSizes.push_back(b.size());
            return Status::ok();
        };
        cb.tombstones = [this](const std::vector<WalTombstone> &b) {
            tombstones.insert(tombstones.end(), b.begin(), b.end());
            return Status::ok();
        };
        return cb;
    }
};

model::Labels labelsFor(uint64_t ref)
{
    return model::Labels{{"__name__", "metric_" + std::to_string(ref % 7)}, {"id", std::to_string(ref)}};
}

bool sameSample(const RefSample &a, const RefSample &b)
{
    return a.ref == b.ref && a.t == b.t && std::bit_cast<uint64_t>(a.v) == std::bit_cast<uint64_t>(b.v);
}

// Sample i of the standard test stream.
RefSample sampleAt(uint64_t i)
{
    return {i % 50, int64_t(1000 * i), double(i) * 0.5};
}

WalOptions smallSegments(WalEnv *env = nullptr)
{
    WalOptions o;
    o.segmentSize = 4096;
    o.syncPolicy = WalSyncPolicy::Manual;
    o.env = env;
    return o;
}

// Logs 50 series, then `batches` sample batches of 10 samples (sampleAt order).
void fill(Wal &wal, int batches)
{
    SeriesBatch series;
    for (uint64_t r = 0; r < 50; ++r) series.emplace_back(r, labelsFor(r));
    QVERIFY(wal.logSeries(series).isOk());
    std::vector<RefSample> batch;
    for (int b = 0; b < batches; ++b) {
        batch.clear();
        for (int i = 0; i < 10; ++i) batch.push_back(sampleAt(uint64_t(b * 10 + i)));
        const Status st = wal.logSamples(batch);
        QVERIFY2(st.isOk(), st.toString().c_str());
    }
}

std::string segPath(const QTemporaryDir &d, uint32_t n)
{
    return d.path().toStdString() + "/" + WalDirListing::segmentName(n);
}

QByteArray readAll(const std::string &path)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.readAll();
}

void writeAll(const std::string &path, const QByteArray &data)
{
    QFile f(QString::fromStdString(path));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(data), data.size());
}

std::vector<uint32_t> segmentsIn(const QTemporaryDir &d)
{
    auto l = WalDirListing::read(WalEnv::posix(), d.path().toStdString());
    return l ? l->segments : std::vector<uint32_t>{};
}

// A WalEnv over the POSIX one that can fail appends (after a byte budget,
// leaving a partial write behind, like a disk filling up) and syncs.
class FaultyEnv final : public WalEnv {
public:
    std::atomic<int64_t> appendBudget{-1};  // bytes still accepted; -1 = unlimited
    std::atomic<bool> failSync{false};
    std::atomic<bool> failCreate{false};
    std::atomic<int> syncs{0};

    class File final : public WalWritableFile {
    public:
        File(FaultyEnv *env, std::unique_ptr<WalWritableFile> base) : env_(env), base_(std::move(base)) {}
        Status append(const char *data, size_t n) override
        {
            const int64_t budget = env_->appendBudget.load();
            if (budget >= 0 && int64_t(n) > budget) {
                (void)base_->append(data, size_t(budget));  // partial write, then the disk is full
                env_->appendBudget = 0;
                return Status::resourceExhausted("no space left on device: injected");
            }
            if (budget >= 0) env_->appendBudget = budget - int64_t(n);
            return base_->append(data, n);
        }
        Status sync() override
        {
            env_->syncs++;
            if (env_->failSync) return Status::ioError("fdatasync: injected EIO");
            return base_->sync();
        }
        Status truncate(uint64_t size) override { return base_->truncate(size); }
        Status close() override { return base_->close(); }

    private:
        FaultyEnv *env_;
        std::unique_ptr<WalWritableFile> base_;
    };

    Result<std::unique_ptr<WalWritableFile>> newWritableFile(const std::string &path) override
    {
        if (failCreate) return Status::resourceExhausted("no space left on device: injected for " + path);
        auto f = base()->newWritableFile(path);
        if (!f) return f.status();
        return std::unique_ptr<WalWritableFile>(new File(this, std::move(*f)));
    }
    Status readFile(const std::string &p, std::string *out) override { return base()->readFile(p, out); }
    Result<std::vector<std::string>> listDir(const std::string &d) override { return base()->listDir(d); }
    bool isDirectory(const std::string &p) override { return base()->isDirectory(p); }
    Status createDir(const std::string &d) override { return base()->createDir(d); }
    Status removeFile(const std::string &p) override { return base()->removeFile(p); }
    Status removeDir(const std::string &d) override { return base()->removeDir(d); }
    Status rename(const std::string &a, const std::string &b) override { return base()->rename(a, b); }
    Status truncateFile(const std::string &p, uint64_t s) override { return base()->truncateFile(p, s); }
    Status syncDir(const std::string &d) override { return base()->syncDir(d); }

private:
    static WalEnv *base() { return WalEnv::posix(); }
};

}  // namespace

class TestWal : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripAcrossSegments()
    {
        QTemporaryDir dir;
        {
            auto wal = Wal::open(dir.path().toStdString(), smallSegments());
            QVERIFY2(wal.isOk(), wal.status().toString().c_str());
            QVERIFY(!(*wal)->replayStats().corrupted);
            fill(**wal, 200);  // 2000 samples, ~25 KB: several 4 KiB segments
            QVERIFY((*wal)->close().isOk());
        }
        QVERIFY(segmentsIn(dir).size() >= 5);

        Replayed got;
        auto wal = Wal::open(dir.path().toStdString(), smallSegments(), got.callbacks());
        QVERIFY2(wal.isOk(), wal.status().toString().c_str());
        const WalReplayStats &st = (*wal)->replayStats();
        QVERIFY(!st.corrupted);
        QCOMPARE(st.series, uint64_t(50));
        QCOMPARE(st.samples, uint64_t(2000));
        QCOMPARE(st.records, uint64_t(201));
        QCOMPARE(got.series.size(), size_t(50));
        for (uint64_t r = 0; r < 50; ++r) {
            QCOMPARE(got.series[r].first, r);
            QVERIFY(got.series[r].second == labelsFor(r));
        }
        QCOMPARE(got.samples.size(), size_t(2000));
        for (size_t i = 0; i < got.samples.size(); ++i) QVERIFY(sameSample(got.samples[i], sampleAt(i)));
        // Each logged batch comes back as one batch.
        for (size_t n : got.sampleBatchSizes) QCOMPARE(n, size_t(10));
        // Writing continues in a fresh segment after the replayed ones.
        QCOMPARE((*wal)->segmentRange().last, *st.lastSegment + 1);
        QCOMPARE((*wal)->segmentRange().first, *st.firstSegment);
    }

    void specialValuesBitExact()
    {
        const std::vector<uint64_t> bits{
            model::kStaleNaNBits,  0x7ff8000000000000ULL, 0x7ff0000000000001ULL, 0xfff8000000000123ULL,
            0x7ff0000000000000ULL, 0xfff0000000000000ULL, 0x8000000000000000ULL, 1};
        QTemporaryDir dir;
        std::vector<RefSample> in;
        for (size_t i = 0; i < bits.size(); ++i)
            in.push_back({i, int64_t(i), std::bit_cast<double>(bits[i])});
        {
            auto wal = Wal::open(dir.path().toStdString(), smallSegments());
            QVERIFY(wal.isOk());
            QVERIFY((*wal)->logSamples(in).isOk());
        }
        Replayed got;
        auto wal = Wal::open(dir.path().toStdString(), smallSegments(), got.callbacks());
        QVERIFY(wal.isOk());
        QCOMPARE(got.samples.size(), in.size());
        for (size_t i = 0; i < in.size(); ++i) QVERIFY(sameSample(got.samples[i], in[i]));
        QVERIFY(model::isStaleNaN(got.samples[0].v));
    }

    void truncatedTailEveryLength()
    {
        // Reference WAL: one segment whose last record is a 3-sample batch.
        QTemporaryDir ref;
        const std::vector<RefSample> last{{1, 5000, 1.0}, {2, 5001, model::staleNaN()}, {3, 5002, -0.0}};
        {
            auto wal = Wal::open(ref.path().toStdString(), smallSegments());
            QVERIFY(wal.isOk());
            fill(**wal, 3);
            QVERIFY((*wal)->logSamples(last).isOk());
        }
        const QByteArray full = readAll(segPath(ref, 0));
        RecordEncoder enc;
        const qsizetype lastLen = qsizetype(enc.samples(last).size());
        const qsizetype lastStart = full.size() - lastLen;
        QVERIFY(lastStart > 0);

        for (qsizetype cut = 1; cut <= lastLen; ++cut) {
            QTemporaryDir dir;
            writeAll(segPath(dir, 0), full.left(full.size() - cut));
            if (cut < lastLen) {
                QTest::ignoreMessage(QtWarningMsg,
                                     QRegularExpression("segment 00000000 damaged at offset " +
                                                        QString::number(lastStart) + ": truncated"));
            }
            Replayed got;
            auto wal = Wal::open(dir.path().toStdString(), smallSegments(), got.callbacks());
            QVERIFY2(wal.isOk(), wal.status().toString().c_str());
            const WalReplayStats &st = (*wal)->replayStats();
            QCOMPARE(st.corrupted, cut < lastLen);  // cutting exactly one record leaves a clean log
            if (st.corrupted) {
                QCOMPARE(st.corruptSegment, 0u);
                QCOMPARE(st.corruptOffset, uint64_t(lastStart));
            }
            QCOMPARE(got.samples.size(), size_t(30));
            QCOMPARE(QFileInfo(QString::fromStdString(segPath(dir, 0))).size(), lastStart);
            // The log is writable again and the new record replays after the old ones.
            QVERIFY((*wal)->logSamples(last).isOk());
            QVERIFY((*wal)->close().isOk());
            Replayed again;
            auto wal2 = Wal::open(dir.path().toStdString(), smallSegments(), again.callbacks());
            QVERIFY(wal2.isOk());
            QVERIFY(!(*wal2)->replayStats().corrupted);
            QCOMPARE(again.samples.size(), size_t(33));
            QVERIFY(sameSample(again.samples[31], last[1]));
        }
    }

    void flippedByteInTheMiddle()
    {
        QTemporaryDir dir;
        {
            auto wal = Wal::open(dir.path().toStdString(), smallSegments());
            QVERIFY(wal.isOk());
            fill(**wal, 200);
        }
        const auto segs = segmentsIn(dir);
        QVERIFY(segs.size() >= 5);
        // Count what segment 0 and 1 hold, then damage the middle of segment 2.
        const uint32_t victim = segs[2];
        QByteArray data = readAll(segPath(dir, victim));
        const qsizetype pos = data.size() / 2;
        data[pos] = char(data[pos] ^ 0x10);
        writeAll(segPath(dir, victim), data);

        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression("segment 00000002 damaged at offset \\d+: "
                                                "crc mismatch.*later segments removed: 00000003"));
        Replayed got;
        auto wal = Wal::open(dir.path().toStdString(), smallSegments(), got.callbacks());
        QVERIFY2(wal.isOk(), wal.status().toString().c_str());
        const WalReplayStats &st = (*wal)->replayStats();
        QVERIFY(st.corrupted);
        QCOMPARE(st.corruptSegment, victim);
        QVERIFY(st.corruptOffset <= uint64_t(pos) && st.corruptOffset > 0);
        QCOMPARE(st.segmentsRemoved.size(), segs.size() - 3);
        // Everything before the damaged record, in order, nothing after it.
        QVERIFY(got.samples.size() > 500 && got.samples.size() < 2000);
        for (size_t i = 0; i < got.samples.size(); ++i) QVERIFY(sameSample(got.samples[i], sampleAt(i)));
        QCOMPARE(QFileInfo(QString::fromStdString(segPath(dir, victim))).size(), qint64(st.corruptOffset));
        for (uint32_t s : st.segmentsRemoved) {
            // victim + 1 is reused as the new, empty, segment.
            if (s == victim + 1)
                QCOMPARE(QFileInfo(QString::fromStdString(segPath(dir, s))).size(), qint64(0));
            else
                QVERIFY(!QFile::exists(QString::fromStdString(segPath(dir, s))));
        }
        // New records land in the segment after the cut one.
        QCOMPARE((*wal)->segmentRange().last, victim + 1);
        QVERIFY((*wal)->logSamples({sampleAt(999999)}).isOk());
        QVERIFY((*wal)->close().isOk());
        Replayed again;
        auto wal2 = Wal::open(dir.path().toStdString(), smallSegments(), again.callbacks());
        QVERIFY(wal2.isOk());
        QVERIFY(!(*wal2)->replayStats().corrupted);
        QCOMPARE(again.samples.size(), got.samples.size() + 1);
    }

    void garbageAppended_data()
    {
        QTest::addColumn<QByteArray>("garbage");
        QTest::newRow("one byte") << QByteArray("\x02", 1);
        QTest::newRow("zeros") << QByteArray(8192, '\0');
        QTest::newRow("text") << QByteArray("this is not a record, it is some text written by accident");
        QByteArray random;
        for (int i = 0; i < 1000; ++i) random.append(char((i * 7919 + 13) % 251));
        QTest::newRow("pseudo-random") << random;
        // A well-formed header claiming a length far beyond the file.
        QTest::newRow("huge length") << QByteArray("\x02\xff\xff\xff\x0f\x00\x00\x00\x00", 9);
    }
    void garbageAppended()
    {
        QFETCH(QByteArray, garbage);
        QTemporaryDir dir;
        {
            auto wal = Wal::open(dir.path().toStdString(), smallSegments());
            QVERIFY(wal.isOk());
            fill(**wal, 20);
        }
        const uint32_t lastSeg = segmentsIn(dir).back();
        QByteArray data = readAll(segPath(dir, lastSeg));
        const qsizetype goodSize = data.size();
        writeAll(segPath(dir, lastSeg), data + garbage);

        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression("damaged at offset " + QString::number(goodSize) + ": "));
        Replayed got;
        auto wal = Wal::open(dir.path().toStdString(), smallSegments(), got.callbacks());
        QVERIFY(wal.isOk());
        QVERIFY((*wal)->replayStats().corrupted);
        QCOMPARE(got.samples.size(), size_t(200));
        QCOMPARE(QFileInfo(QString::fromStdString(segPath(dir, lastSeg))).size(), goodSize);
    }

    void missingSegmentCutsAtTheGap()
    {
        QTemporaryDir dir;
        {
            auto wal = Wal::open(dir.path().toStdString(), smallSegments());
            QVERIFY(wal.isOk());
            fill(**wal, 200);
        }
        const auto segs = segmentsIn(dir);
        QVERIFY(QFile::remove(QString::fromStdString(segPath(dir, segs[3]))));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("segment 00000003 is missing"));
        Replayed got;
        auto wal = Wal::open(dir.path().toStdString(), smallSegments(), got.callbacks());
        QVERIFY(wal.isOk());
        QVERIFY((*wal)->replayStats().corrupted);
        QCOMPARE((*wal)->segmentRange().last, segs[2] + 1);
        QCOMPARE(segmentsIn(dir).size(), size_t(4));  // 0, 1, 2 and the new 3
    }

    void checkpointAndReplayEquivalence()
    {
        QTemporaryDir dir;
        auto wal = Wal::open(dir.path().toStdString(), smallSegments());
        QVERIFY(wal.isOk());
        fill(**wal, 200);
        QVERIFY((*wal)->logTombstones({{2, 0, 10}, {3, 0, 10}, {4, 0, 500000}}).isOk());
        const Wal::SegmentRange before = (*wal)->segmentRange();
        QVERIFY(before.last >= 5);
        const uint32_t upTo = before.last - 2;

        // What replaying segments <= upTo gives, filtered, is what the checkpoint must hold.
        auto keep = [](uint64_t ref) { return ref % 2 == 0; };
        const int64_t mint = 300000;
        Wal::CheckpointStats cs;
        const Status st = (*wal)->checkpoint(upTo, keep, mint, &cs);
        QVERIFY2(st.isOk(), st.toString().c_str());
        QCOMPARE(cs.seriesKept, uint64_t(25));
        QCOMPARE(cs.seriesDropped, uint64_t(25));
        QVERIFY(cs.samplesKept > 0 && cs.samplesDropped > 0);
        QCOMPARE((*wal)->segmentRange().first, upTo + 1);
        QVERIFY(QDir(dir.path() + "/checkpoint." + QString::asprintf("%08u", upTo)).exists());
        for (uint32_t s = 0; s <= upTo; ++s) QVERIFY(!QFile::exists(QString::fromStdString(segPath(dir, s))));

        // Log more after the checkpoint, then replay everything.
        QVERIFY((*wal)->logSamples({{2, 9999999, 42.0}}).isOk());
        QVERIFY((*wal)->close().isOk());
        wal = Result<std::unique_ptr<Wal>>(Status::internal("closed"));

        Replayed got;
        auto re = Wal::open(dir.path().toStdString(), smallSegments(), got.callbacks());
        QVERIFY2(re.isOk(), re.status().toString().c_str());
        const WalReplayStats &rs = (*re)->replayStats();
        QVERIFY(!rs.corrupted);
        QCOMPARE(rs.checkpoint, std::optional<uint32_t>(upTo));
        QCOMPARE(got.series.size(), size_t(25));
        for (const auto &s : got.series) QVERIFY(keep(s.first) && s.second == labelsFor(s.first));

        // Expected samples: in segments <= upTo only kept ones with t >= mint; after it, all.
        std::vector<RefSample> expected;
        const uint64_t inCheckpoint = cs.samplesKept + cs.samplesDropped;
        for (uint64_t i = 0; i < 2000; ++i) {
            const RefSample s = sampleAt(i);
            if (i < inCheckpoint && !(keep(s.ref) && s.t >= mint)) continue;
            expected.push_back(s);
        }
        expected.push_back({2, 9999999, 42.0});
        QCOMPARE(got.samples.size(), expected.size());
        for (size_t i = 0; i < expected.size(); ++i) QVERIFY(sameSample(got.samples[i], expected[i]));
        // Tombstones were logged after all samples, in the newest segments: kept as is.
        QCOMPARE(got.tombstones.size(), size_t(3));

        // A second checkpoint carries the first one's series forward and replaces it.
        const uint32_t upTo2 = (*re)->segmentRange().last;
        QVERIFY((*re)->checkpoint(upTo2, keep, mint).isOk());
        QVERIFY(!QDir(dir.path() + "/checkpoint." + QString::asprintf("%08u", upTo)).exists());
        QVERIFY((*re)->close().isOk());
        Replayed got2;
        auto re2 = Wal::open(dir.path().toStdString(), smallSegments(), got2.callbacks());
        QVERIFY(re2.isOk());
        QCOMPARE(got2.series.size(), size_t(25));
        // Tombstones of dropped refs (3) and those ending before mint (2) are gone.
        QCOMPARE(got2.tombstones.size(), size_t(1));
        QCOMPARE(got2.tombstones[0].ref, uint64_t(4));
        QCOMPARE(got2.samples.back().t, int64_t(9999999));
    }

    void interruptedTruncationIsFinishedOnOpen()
    {
        // A crash after checkpoint.N was renamed into place but before the
        // segments <= N and the older checkpoint were deleted.
        QTemporaryDir dir;
        QByteArray seg3;
        {
            auto wal = Wal::open(dir.path().toStdString(), smallSegments());
            QVERIFY(wal.isOk());
            fill(**wal, 200);
            QVERIFY((*wal)
                        ->checkpoint(
                            1, [](uint64_t) { return true; }, 0)
                        .isOk());
            seg3 = readAll(segPath(dir, 3));
            QVERIFY((*wal)
                        ->checkpoint(
                            3, [](uint64_t) { return true; }, 0)
                        .isOk());
        }
        QVERIFY(!QFile::exists(QString::fromStdString(segPath(dir, 3))));
        writeAll(segPath(dir, 3), seg3);  // "not yet deleted"
        QVERIFY(QDir(dir.path()).mkdir("checkpoint.00000001"));
        Replayed got;
        auto wal = Wal::open(dir.path().toStdString(), smallSegments(), got.callbacks());
        QVERIFY(wal.isOk());
        QCOMPARE((*wal)->replayStats().checkpoint, std::optional<uint32_t>(3));
        QCOMPARE(got.samples.size(), size_t(2000));  // nothing read twice
        for (size_t i = 0; i < got.samples.size(); ++i) QVERIFY(sameSample(got.samples[i], sampleAt(i)));
        QVERIFY(!QFile::exists(QString::fromStdString(segPath(dir, 3))));
        QVERIFY(!QDir(dir.path() + "/checkpoint.00000001").exists());
    }

    void checkpointArguments()
    {
        QTemporaryDir dir;
        auto wal = Wal::open(dir.path().toStdString(), smallSegments());
        QVERIFY(wal.isOk());
        auto all = [](uint64_t) { return true; };
        QCOMPARE((*wal)->checkpoint(5, all, 0).code(), Status::Code::InvalidArgument);
        fill(**wal, 5);
        // Checkpointing the segment being written cuts a new one first.
        QVERIFY((*wal)->checkpoint(0, all, 0).isOk());
        QCOMPARE((*wal)->segmentRange().first, 1u);
        QCOMPARE((*wal)->segmentRange().last, 1u);
        QVERIFY((*wal)->checkpoint(0, all, 0).isOk());  // already covered: no-op
    }

    void unfinishedCheckpointIsIgnored()
    {
        QTemporaryDir dir;
        {
            auto wal = Wal::open(dir.path().toStdString(), smallSegments());
            QVERIFY(wal.isOk());
            fill(**wal, 200);
        }
        // A crash while writing checkpoint.00000002 leaves the .tmp directory.
        QVERIFY(QDir(dir.path()).mkdir("checkpoint.00000002.tmp"));
        writeAll(dir.path().toStdString() + "/checkpoint.00000002.tmp/00000000", QByteArray("partial"));
        Replayed got;
        auto wal = Wal::open(dir.path().toStdString(), smallSegments(), got.callbacks());
        QVERIFY(wal.isOk());
        QVERIFY(!(*wal)->replayStats().corrupted);
        QVERIFY(!(*wal)->replayStats().checkpoint);
        QCOMPARE(got.samples.size(), size_t(2000));
        QVERIFY(!QDir(dir.path() + "/checkpoint.00000002.tmp").exists());
    }

    void damagedCheckpointIsAnError()
    {
        QTemporaryDir dir;
        {
            auto wal = Wal::open(dir.path().toStdString(), smallSegments());
            QVERIFY(wal.isOk());
            fill(**wal, 200);
            QVERIFY((*wal)
                        ->checkpoint(
                            2, [](uint64_t) { return true; }, 0)
                        .isOk());
        }
        const std::string cpSeg = dir.path().toStdString() + "/checkpoint.00000002/00000000";
        QByteArray data = readAll(cpSeg);
        data[20] = char(data[20] ^ 1);
        writeAll(cpSeg, data);
        auto wal = Wal::open(dir.path().toStdString(), smallSegments());
        QCOMPARE(wal.status().code(), Status::Code::Corruption);
        QVERIFY(QString::fromStdString(wal.status().message()).contains("checkpoint.00000002"));
    }

    void callbackErrorStopsReplay()
    {
        QTemporaryDir dir;
        {
            auto wal = Wal::open(dir.path().toStdString(), smallSegments());
            QVERIFY(wal.isOk());
            fill(**wal, 20);
        }
        WalReplayCallbacks cb;
        cb.samples = [](const std::vector<RefSample> &) {
            return Status::invalidArgument("unknown series ref");
        };
        auto wal = Wal::open(dir.path().toStdString(), smallSegments(), cb);
        QCOMPARE(wal.status().code(), Status::Code::InvalidArgument);
        // Nothing was repaired or removed.
        Replayed got;
        auto again = Wal::open(dir.path().toStdString(), smallSegments(), got.callbacks());
        QVERIFY(again.isOk());
        QCOMPARE(got.samples.size(), size_t(200));
    }

    void cutSegmentAndRange()
    {
        QTemporaryDir dir;
        auto wal = Wal::open(dir.path().toStdString(), smallSegments());
        QVERIFY(wal.isOk());
        QCOMPARE((*wal)->segmentRange().first, 0u);
        QCOMPARE((*wal)->segmentRange().last, 0u);
        fill(**wal, 1);
        auto next = (*wal)->cutSegment();
        QVERIFY(next.isOk());
        QCOMPARE(*next, 1u);
        QCOMPARE((*wal)->segmentRange().last, 1u);
        QVERIFY(QFile::exists(QString::fromStdString(segPath(dir, 1))));
        QVERIFY((*wal)->close().isOk());
        QCOMPARE((*wal)->logSamples({sampleAt(0)}).code(), Status::Code::FailedPrecondition);
        QCOMPARE((*wal)->close().code(), Status::Code::FailedPrecondition);
    }

    void diskFullIsResourceExhaustedAndRecoverable()
    {
        QTemporaryDir dir;
        FaultyEnv env;
        {
            auto wal = Wal::open(dir.path().toStdString(), smallSegments(&env));
            QVERIFY(wal.isOk());
            fill(**wal, 2);
            env.appendBudget = 30;  // the next record is written only partly
            const Status st = (*wal)->logSamples({sampleAt(20), sampleAt(21), sampleAt(22)});
            QCOMPARE(st.code(), Status::Code::ResourceExhausted);
            QVERIFY(QString::fromStdString(st.message()).contains("no space left"));
            // Space comes back: the WAL goes on, the failed batch is simply absent.
            env.appendBudget = -1;
            QVERIFY((*wal)->logSamples({sampleAt(23)}).isOk());
            QVERIFY((*wal)->close().isOk());
        }
        Replayed got;
        auto wal = Wal::open(dir.path().toStdString(), smallSegments(), got.callbacks());
        QVERIFY(wal.isOk());
        QVERIFY(!(*wal)->replayStats().corrupted);
        QCOMPARE(got.samples.size(), size_t(21));
        QVERIFY(sameSample(got.samples.back(), sampleAt(23)));
    }

    void failedSegmentCreationIsRetried()
    {
        QTemporaryDir dir;
        FaultyEnv env;
        {
            auto wal = Wal::open(dir.path().toStdString(), smallSegments(&env));
            QVERIFY(wal.isOk());
            env.failCreate = true;
            // Filling the 4 KiB segment eventually needs a new one, which cannot be created.
            Status st;
            uint64_t logged = 0;
            for (; logged < 1000 && st.isOk(); ++logged) st = (*wal)->logSamples({sampleAt(logged)});
            QCOMPARE(st.code(), Status::Code::ResourceExhausted);
            QCOMPARE((*wal)->segmentRange().last, 0u);
            env.failCreate = false;
            QVERIFY((*wal)->logSamples({sampleAt(logged - 1)}).isOk());
            QCOMPARE((*wal)->segmentRange().last, 1u);
            QVERIFY((*wal)->close().isOk());
        }
        Replayed got;
        auto wal = Wal::open(dir.path().toStdString(), smallSegments(), got.callbacks());
        QVERIFY(wal.isOk());
        QVERIFY(!(*wal)->replayStats().corrupted);
        for (size_t i = 0; i < got.samples.size(); ++i) QVERIFY(sameSample(got.samples[i], sampleAt(i)));
    }

    void failedCheckpointLeavesTheWalIntact()
    {
        QTemporaryDir dir;
        FaultyEnv env;
        auto wal = Wal::open(dir.path().toStdString(), smallSegments(&env));
        QVERIFY(wal.isOk());
        fill(**wal, 200);
        env.appendBudget = 1000;  // the checkpoint runs out of space part-way
        const Status st = (*wal)->checkpoint(
            3, [](uint64_t) { return true; }, 0);
        QCOMPARE(st.code(), Status::Code::ResourceExhausted);
        QVERIFY(QString::fromStdString(st.message()).contains("checkpoint.00000003"));
        env.appendBudget = -1;
        QVERIFY(!QDir(dir.path() + "/checkpoint.00000003.tmp").exists());
        QVERIFY(!QDir(dir.path() + "/checkpoint.00000003").exists());
        QCOMPARE((*wal)->segmentRange().first, 0u);
        // Still usable, and a retry succeeds.
        QVERIFY((*wal)->logSamples({sampleAt(2000)}).isOk());
        QVERIFY((*wal)
                    ->checkpoint(
                        3, [](uint64_t) { return true; }, 0)
                    .isOk());
        QVERIFY((*wal)->close().isOk());
        Replayed got;
        auto re = Wal::open(dir.path().toStdString(), smallSegments(), got.callbacks());
        QVERIFY(re.isOk());
        QCOMPARE(got.samples.size(), size_t(2001));
        for (size_t i = 0; i < got.samples.size(); ++i) QVERIFY(sameSample(got.samples[i], sampleAt(i)));
    }

    void failedSyncBreaksTheWal()
    {
        QTemporaryDir dir;
        FaultyEnv env;
        WalOptions o = smallSegments(&env);
        o.syncPolicy = WalSyncPolicy::EveryCommit;
        auto wal = Wal::open(dir.path().toStdString(), o);
        QVERIFY(wal.isOk());
        QVERIFY((*wal)->logSamples({sampleAt(0)}).isOk());
        env.failSync = true;
        QCOMPARE((*wal)->logSamples({sampleAt(1)}).code(), Status::Code::IOError);
        env.failSync = false;
        // Sticky: the page cache may have lost data, so nothing more is accepted.
        QCOMPARE((*wal)->logSamples({sampleAt(2)}).code(), Status::Code::IOError);
        QCOMPARE((*wal)->sync().code(), Status::Code::IOError);
        QCOMPARE((*wal)->cutSegment().status().code(), Status::Code::IOError);
        QCOMPARE((*wal)->close().code(), Status::Code::IOError);
    }

    void realDiskFullThroughPosixSeam()
    {
        // /dev/full makes write(2) fail with ENOSPC on every system.
        if (!QFile::exists("/dev/full")) QFAIL("/dev/full is missing");
        auto f = WalEnv::posix()->newWritableFile("/dev/full");
        QVERIFY2(f.isOk(), f.status().toString().c_str());
        const Status st = (*f)->append("abc", 3);
        QCOMPARE(st.code(), Status::Code::ResourceExhausted);
        QVERIFY(QString::fromStdString(st.message()).contains("/dev/full"));
    }

    void unusableDirectoryIsAnError()
    {
        QTemporaryDir dir;
        const std::string file = dir.path().toStdString() + "/plain-file";
        writeAll(file, "x");
        auto wal = Wal::open(file, smallSegments());
        QVERIFY(!wal.isOk());
        QCOMPARE(wal.status().code(), Status::Code::IOError);
        auto nested = Wal::open(file + "/wal", smallSegments());
        QVERIFY(!nested.isOk());
    }

    void intervalPolicySyncsInTheBackground()
    {
        QTemporaryDir dir;
        FaultyEnv env;
        WalOptions o = smallSegments(&env);
        o.syncPolicy = WalSyncPolicy::Interval;
        o.syncInterval = std::chrono::milliseconds(20);
        auto wal = Wal::open(dir.path().toStdString(), o);
        QVERIFY(wal.isOk());
        QCOMPARE(env.syncs.load(), 0);
        QVERIFY((*wal)->logSamples({sampleAt(0)}).isOk());
        QCOMPARE(env.syncs.load(), 0);  // not synced inline
        QTRY_COMPARE_WITH_TIMEOUT(env.syncs.load(), 1, 2000);
        // Nothing new written: no more syncs.
        QTest::qWait(100);
        QCOMPARE(env.syncs.load(), 1);
        // A background sync failure is reported by the next call (and on close).
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression("WAL background sync: fdatasync: injected EIO"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("closing WAL .* failed: .*injected EIO"));
        env.failSync = true;
        QVERIFY((*wal)->logSamples({sampleAt(1)}).isOk());
        QTRY_COMPARE_WITH_TIMEOUT((*wal)->logSamples({sampleAt(2)}).code(), Status::Code::IOError, 2000);
    }

    void everyCommitPolicySyncsEachBatch()
    {
        QTemporaryDir dir;
        FaultyEnv env;
        WalOptions o = smallSegments(&env);
        o.syncPolicy = WalSyncPolicy::EveryCommit;
        auto wal = Wal::open(dir.path().toStdString(), o);
        QVERIFY(wal.isOk());
        for (int i = 0; i < 5; ++i) QVERIFY((*wal)->logSamples({sampleAt(uint64_t(i))}).isOk());
        QCOMPARE(env.syncs.load(), 5);
    }

    void concurrentLoggers()
    {
        QTemporaryDir dir;
        {
            WalOptions o = smallSegments();
            o.syncPolicy = WalSyncPolicy::Interval;
            o.syncInterval = std::chrono::milliseconds(5);
            auto wal = Wal::open(dir.path().toStdString(), o);
            QVERIFY(wal.isOk());
            Wal *w = wal->get();
            std::atomic<int> failures{0};
            std::vector<std::thread> threads;
            for (int t = 0; t < 4; ++t) {
                threads.emplace_back([w, t, &failures] {
                    for (int i = 0; i < 500; ++i) {
                        if (!w->logSamples(
                                  {{uint64_t(t), int64_t(i), double(i)}, {uint64_t(t), int64_t(i), 1.0}})
                                 .isOk()) {
                            failures++;
                        }
                        if (i % 100 == 0 && !w->cutSegment().isOk()) failures++;
                    }
                });
            }
            for (auto &th : threads) th.join();
            QCOMPARE(failures.load(), 0);
        }
        Replayed got;
        auto wal = Wal::open(dir.path().toStdString(), smallSegments(), got.callbacks());
        QVERIFY(wal.isOk());
        QVERIFY(!(*wal)->replayStats().corrupted);
        QCOMPARE(got.samples.size(), size_t(4 * 500 * 2));
        // Per thread, batches stay in order.
        std::vector<int64_t> lastT(4, -1);
        for (const RefSample &s : got.samples) {
            QVERIFY(s.t >= lastT[s.ref]);
            lastT[s.ref] = s.t;
        }
    }

    void oversizedBatchIsSplit()
    {
        QTemporaryDir dir;
        std::vector<RefSample> big(1200000);
        for (size_t i = 0; i < big.size(); ++i) big[i] = {i % 1000, int64_t(i), double(i)};
        {
            WalOptions o = smallSegments();
            o.segmentSize = 32u << 20;
            auto wal = Wal::open(dir.path().toStdString(), o);
            QVERIFY(wal.isOk());
            QVERIFY((*wal)->logSamples(big).isOk());
        }
        Replayed got;
        auto wal = Wal::open(dir.path().toStdString(), smallSegments(), got.callbacks());
        QVERIFY(wal.isOk());
        QCOMPARE(got.samples.size(), big.size());
        QCOMPARE(got.sampleBatchSizes.size(), size_t(2));
        QVERIFY(sameSample(got.samples.back(), big.back()));
    }
};

QTEST_GUILESS_MAIN(TestWal)
#include "tst_wal.moc"
