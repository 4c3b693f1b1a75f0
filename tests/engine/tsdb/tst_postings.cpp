// The inverted index: postings set operations, PostingsForMatchers against a
// brute-force reference (including matchers that match the empty string),
// removal, and label names/values through the head querier.
#include "tsdb/head.h"
#include "tsdb/mem_postings.h"
#include "tsdb/postings.h"
#include "tsdb/postings_for_matchers.h"

#include "tsdb_test_util.h"

#include <QTest>

#include <algorithm>
#include <random>
#include <set>

using namespace vigil;
using namespace vigil::tsdb;
using Type = model::Matcher::Type;

namespace {

struct Corpus {
    std::vector<model::Labels> series;  // ref = index + 1
    MemPostings index;
};

// Random series over a few label names, each optionally absent.
void buildCorpus(Corpus *c, uint32_t seed, int n)
{
    std::mt19937 rng(seed);
    const std::vector<std::string> names = {"a", "b", "c"};
    const std::vector<std::string> jobs = {"x", "y", "z"};
    const std::vector<std::string> envs = {"prod", "dev", "prod-eu"};
    std::set<model::Labels> seen;
    while (int(c->series.size()) < n) {
        std::vector<model::Label> ls;
        ls.push_back({"__name__", names[rng() % names.size()]});
        if (rng() % 4 != 0) ls.push_back({"job", jobs[rng() % jobs.size()]});
        if (rng() % 3 != 0) ls.push_back({"inst", std::to_string(rng() % 20)});
        if (rng() % 2 != 0) ls.push_back({"env", envs[rng() % envs.size()]});
        auto l = model::Labels::fromUnsorted(ls);
        if (!seen.insert(l).second) continue;
        c->series.push_back(l);
    }
    // Insert in a shuffled ref order to exercise sorted insertion.
    std::vector<size_t> order(c->series.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t i : order) c->index.add(i + 1, c->series[i]);
}

postings::List bruteForce(const Corpus &c, const std::vector<model::Matcher> &ms)
{
    postings::List out;
    for (size_t i = 0; i < c.series.size(); ++i) {
        bool ok = true;
        for (const auto &m : ms) ok = ok && m.matches(c.series[i].get(m.name()));
        if (ok) out.push_back(i + 1);
    }
    return out;
}

model::Matcher randomMatcher(std::mt19937 &rng)
{
    static const std::vector<std::string> names = {"__name__", "job", "inst", "env", "missing"};
    static const std::vector<std::string> plain = {"", "a", "b", "x", "z", "prod", "prod-eu", "7", "nope"};
    static const std::vector<std::string> regexes = {"",     ".*",     ".+",      "x|y",   "x|",       "prod.*",
                                                     "p.*|d.*", "(x)",  "[0-9]",  "1.*",   "a|b|c",    "|z",
                                                     "nope", "prod|prod-eu", ".*eu", "x|nope"};
    const std::string &name = names[rng() % names.size()];
    const auto type = Type(rng() % 4);
    const bool re = type == Type::Regex || type == Type::NotRegex;
    const std::string &value = re ? regexes[rng() % regexes.size()] : plain[rng() % plain.size()];
    return tsdbtest::mustMatcher(type, name, value);
}

std::string describe(const std::vector<model::Matcher> &ms)
{
    std::string s = "{";
    for (const auto &m : ms) s += m.toString() + ",";
    return s + "}";
}

}  // namespace

class TestPostings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void setOperations()
    {
        std::mt19937 rng(1);
        for (int round = 0; round < 200; ++round) {
            auto randomList = [&](int max) {
                std::set<uint64_t> s;
                const int n = int(rng() % max);
                for (int i = 0; i < n; ++i) s.insert(rng() % 2000);
                return s;
            };
            // Very different sizes exercise the galloping path.
            const std::set<uint64_t> a = randomList(round % 2 ? 20 : 1500), b = randomList(1500);
            const postings::List la(a.begin(), a.end()), lb(b.begin(), b.end());
            postings::List inter, uni, diff;
            std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(inter));
            std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(uni));
            std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(diff));
            QCOMPARE(postings::intersect(la, lb), inter);
            QCOMPARE(postings::intersect(lb, la), inter);
            QCOMPARE(postings::merge(la, lb), uni);
            QCOMPARE(postings::mergeAll({la, lb, la}), uni);
            QCOMPARE(postings::without(la, lb), diff);
            QCOMPARE(postings::intersectAll({la, lb, uni}), inter);
        }
        QCOMPARE(postings::intersectAll({}), postings::List{});
        QCOMPARE(postings::mergeAll({}), postings::List{});
    }

    void emptyMatchingSemantics_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::newRow("eq-empty") << int(Type::Equal) << "env" << "";
        QTest::newRow("neq-value") << int(Type::NotEqual) << "env" << "prod";
        QTest::newRow("neq-empty") << int(Type::NotEqual) << "env" << "";
        QTest::newRow("re-alt-with-empty") << int(Type::Regex) << "job" << "x|";
        QTest::newRow("re-empty-first") << int(Type::Regex) << "job" << "|x";
        QTest::newRow("re-dotstar") << int(Type::Regex) << "job" << ".*";
        QTest::newRow("re-dotplus") << int(Type::Regex) << "job" << ".+";
        QTest::newRow("re-set") << int(Type::Regex) << "job" << "x|y";
        QTest::newRow("nre-set") << int(Type::NotRegex) << "job" << "x|y";
        QTest::newRow("nre-value") << int(Type::NotRegex) << "env" << "prod.*";
        QTest::newRow("nre-dotstar") << int(Type::NotRegex) << "env" << ".*";
        QTest::newRow("nre-dotplus") << int(Type::NotRegex) << "env" << ".+";
        QTest::newRow("missing-label-eq-empty") << int(Type::Equal) << "missing" << "";
        QTest::newRow("missing-label-neq") << int(Type::NotEqual) << "missing" << "x";
        QTest::newRow("missing-label-eq") << int(Type::Equal) << "missing" << "x";
    }
    void emptyMatchingSemantics()
    {
        QFETCH(int, type);
        QFETCH(QString, name);
        QFETCH(QString, value);
        Corpus c;
        buildCorpus(&c, 99, 300);
        const std::vector<model::Matcher> ms = {
            tsdbtest::mustMatcher(Type(type), name.toStdString(), value.toStdString())};
        const postings::List want = bruteForce(c, ms);
        QCOMPARE(postingsForMatchers(c.index, ms), want);
        // Also combined with a positive matcher.
        std::vector<model::Matcher> ms2 = ms;
        ms2.push_back(tsdbtest::eq("__name__", "a"));
        QCOMPARE(postingsForMatchers(c.index, ms2), bruteForce(c, ms2));
    }

    void randomMatchersAgainstBruteForce()
    {
        Corpus c;
        buildCorpus(&c, 12345, 600);
        std::mt19937 rng(777);
        int nonTrivial = 0;
        for (int round = 0; round < 3000; ++round) {
            std::vector<model::Matcher> ms;
            const int n = 1 + int(rng() % 3);
            for (int i = 0; i < n; ++i) ms.push_back(randomMatcher(rng));
            const postings::List want = bruteForce(c, ms);
            const postings::List got = postingsForMatchers(c.index, ms);
            if (!want.empty() && want.size() < c.series.size()) ++nonTrivial;
            if (got != want) {
                QFAIL(qPrintable(QStringLiteral("%1: got %2 series, want %3")
                                     .arg(QString::fromStdString(describe(ms)))
                                     .arg(got.size())
                                     .arg(want.size())));
            }
        }
        QVERIFY(nonTrivial > 500);  // the generator produces meaningful cases
    }

    void removal()
    {
        Corpus c;
        buildCorpus(&c, 5, 200);
        std::vector<std::pair<uint64_t, const model::Labels *>> gone;
        for (size_t i = 0; i < c.series.size(); i += 3) gone.emplace_back(i + 1, &c.series[i]);
        c.index.remove(gone);
        // Reference: the corpus without the removed series.
        std::mt19937 rng(8);
        for (int round = 0; round < 500; ++round) {
            std::vector<model::Matcher> ms = {randomMatcher(rng)};
            postings::List want;
            for (uint64_t ref : bruteForce(c, ms)) {
                if ((ref - 1) % 3 != 0) want.push_back(ref);
            }
            QCOMPARE(postingsForMatchers(c.index, ms), want);
        }
        // Values only carried by removed series disappear.
        std::set<std::string> envs;
        for (size_t i = 0; i < c.series.size(); ++i) {
            if (i % 3 != 0 && c.series[i].has("env")) envs.insert(std::string(c.series[i].get("env")));
        }
        const auto values = c.index.labelValues("env");
        QCOMPARE(values, std::vector<std::string>(envs.begin(), envs.end()));
    }

    void headSelectAndLabelsAgainstBruteForce()
    {
        Corpus c;
        buildCorpus(&c, 4242, 300);
        Head head;
        auto app = head.appender();
        for (const auto &l : c.series) QVERIFY(app->append(0, l, 1000, 1).isOk());
        QVERIFY(app->commit().isOk());
        auto q = head.querier(0, 2000);
        QVERIFY(q.isOk());
        std::mt19937 rng(31);
        for (int round = 0; round < 500; ++round) {
            std::vector<model::Matcher> ms;
            const int n = 1 + int(rng() % 2);
            for (int i = 0; i < n; ++i) ms.push_back(randomMatcher(rng));
            std::vector<model::Labels> want;
            std::set<std::string> wantNames, wantJobs;
            for (uint64_t ref : bruteForce(c, ms)) {
                const auto &l = c.series[ref - 1];
                want.push_back(l);
                for (const auto &x : l) wantNames.insert(x.name);
                if (l.has("job")) wantJobs.insert(std::string(l.get("job")));
            }
            std::sort(want.begin(), want.end());
            auto set = (*q)->select(ms);
            QVERIFY(set.isOk());
            std::vector<model::Labels> got;
            for (const auto &s : *set) got.push_back(s->labels());
            if (got != want) QFAIL(qPrintable(QString::fromStdString(describe(ms))));
            QCOMPARE(*(*q)->labelNames(ms), std::vector<std::string>(wantNames.begin(), wantNames.end()));
            QCOMPARE(*(*q)->labelValues("job", ms), std::vector<std::string>(wantJobs.begin(), wantJobs.end()));
        }
        // Unrestricted listings.
        std::set<std::string> insts;
        for (const auto &l : c.series) {
            if (l.has("inst")) insts.insert(std::string(l.get("inst")));
        }
        QCOMPARE(*(*q)->labelValues("inst", {}), std::vector<std::string>(insts.begin(), insts.end()));
        QCOMPARE(*(*q)->labelNames({}), (std::vector<std::string>{"__name__", "env", "inst", "job"}));
    }
};

QTEST_GUILESS_MAIN(TestPostings)
#include "tst_postings.moc"
