// The head's series lookup structures: SeriesRefTable (open addressing with
// tombstones) against std::map, and StripedSeriesMap with forced labels-hash
// collisions, pins and removal.
#include "tsdb/series_ref_table.h"
#include "tsdb/striped_series_map.h"

#include <QTest>

#include <map>
#include <mutex>
#include <random>

using namespace vigil;
using namespace vigil::tsdb;

namespace {

model::Labels lbl(const std::string &v) { return model::Labels{{"__name__", "m"}, {"i", v}}; }

}  // namespace

class TestSeriesMap : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void refTableAgainstMap_data()
    {
        QTest::addColumn<int>("shift");
        QTest::addColumn<int>("keySpace");
        QTest::newRow("dense") << 0 << 500;
        QTest::newRow("striped") << 10 << 1'000'000;
        QTest::newRow("sparse") << 0 << 1'000'000'000;
    }
    void refTableAgainstMap()
    {
        QFETCH(int, shift);
        QFETCH(int, keySpace);
        SeriesRefTable table{unsigned(shift)};
        std::map<uint64_t, std::shared_ptr<MemSeries>> ref;
        std::mt19937_64 rng(uint64_t(shift) * 7 + uint64_t(keySpace));
        for (int op = 0; op < 20000; ++op) {
            const uint64_t key = 1 + rng() % uint64_t(keySpace);
            switch (rng() % 3) {
            case 0: {
                auto s = std::make_shared<MemSeries>(key, lbl(std::to_string(key)));
                const bool inserted = table.insert(key, s);
                QCOMPARE(inserted, ref.emplace(key, s).second);
                break;
            }
            case 1:
                QCOMPARE(table.erase(key), ref.erase(key) == 1);
                break;
            default: {
                auto it = ref.find(key);
                QCOMPARE(table.find(key), it == ref.end() ? nullptr : it->second.get());
            }
            }
            QCOMPARE(table.size(), ref.size());
        }
        size_t n = 0;
        table.forEach([&](uint64_t key, const std::shared_ptr<MemSeries> &s) {
            ++n;
            QCOMPARE(ref.at(key), s);
        });
        QCOMPARE(n, ref.size());
        QVERIFY(!table.insert(0, nullptr));  // 0 is not a valid ref
    }

    void hashCollisions()
    {
        StripedSeriesMap map(4, [](const model::Labels &) -> uint64_t { return 42; });  // all collide
        bool created = false;
        MemSeries *a = map.getOrCreate(lbl("a"), 1, false, &created);
        QVERIFY(created);
        MemSeries *b = map.getOrCreate(lbl("b"), 2, false, &created);
        QVERIFY(created);
        MemSeries *c = map.getOrCreate(lbl("c"), 3, false, &created);
        QVERIFY(created);
        QCOMPARE(map.getOrCreate(lbl("b"), 9, false, &created), b);
        QVERIFY(!created);
        QCOMPARE(map.getByLabels(lbl("a"), false), a);
        QCOMPARE(map.getByLabels(lbl("c"), false), c);
        QCOMPARE(map.getByLabels(lbl("d"), false), nullptr);
        // A ref already used by other labels is refused.
        QCOMPARE(map.getOrCreate(lbl("d"), 2, false, &created), nullptr);

        // Remove the one in the primary slot: the others stay reachable.
        auto removed = map.removeIf({map.getByRef(1)}, [](MemSeries &) { return true; });
        QCOMPARE(removed.size(), size_t(1));
        QCOMPARE(map.getByLabels(lbl("a"), false), nullptr);
        QCOMPARE(map.getByLabels(lbl("b"), false), b);
        QCOMPARE(map.getByLabels(lbl("c"), false), c);
        QCOMPARE(map.getByRef(1), nullptr);
        QCOMPARE(map.size(), size_t(2));

        // Pinned series are not removed.
        QCOMPARE(map.getByRefPinned(3), c);
        removed = map.removeIf({map.getByRef(2), map.getByRef(3)}, [](MemSeries &) { return true; });
        QCOMPARE(removed.size(), size_t(1));
        QCOMPARE(map.getByLabels(lbl("c"), false), c);
        c->pins.fetch_sub(1);
        QCOMPARE(map.removeIf({map.getByRef(3)}, [](MemSeries &) { return true; }).size(), size_t(1));
        QCOMPARE(map.size(), size_t(0));
    }

    void reservedHashValuesShareAKey()
    {
        // Hashes 0 and 1 map to the same table key; both series must stay
        // reachable whichever is removed first.
        StripedSeriesMap map(1, [](const model::Labels &l) -> uint64_t { return l.get("i") == "zero" ? 0 : 1; });
        bool created = false;
        MemSeries *zero = map.getOrCreate(lbl("zero"), 1, false, &created);
        MemSeries *one = map.getOrCreate(lbl("one"), 2, false, &created);
        QVERIFY(zero && one && zero != one);
        QCOMPARE(map.getByLabels(lbl("one"), false), one);
        map.removeIf({map.getByRef(1)}, [](MemSeries &) { return true; });
        QCOMPARE(map.getByLabels(lbl("one"), false), one);
        QCOMPARE(map.getByLabels(lbl("zero"), false), nullptr);
    }

    void aliasesGoWithTheirSeries()
    {
        StripedSeriesMap map(4);
        bool created = false;
        map.getOrCreate(lbl("a"), 5, false, &created);
        map.addAlias(9, map.getByRef(5));
        QCOMPARE(map.getByRef(9), map.getByRef(5));
        QCOMPARE(map.all().size(), size_t(1));  // aliases are not listed twice
        map.removeIf({map.getByRef(5)}, [](MemSeries &) { return true; });
        QCOMPARE(map.getByRef(9), nullptr);
    }
};

QTEST_GUILESS_MAIN(TestSeriesMap)
#include "tst_series_map.moc"
