// Checks the "no heap allocation per sample" contract of both parsers by
// counting global operator new calls while samples are parsed.
#include "exposition/parser.h"

#include <QTest>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>

namespace {
std::atomic<bool> gCounting{false};
std::atomic<long> gAllocations{0};
}  // namespace

void *operator new(std::size_t n)
{
    if (gCounting.load(std::memory_order_relaxed)) gAllocations.fetch_add(1, std::memory_order_relaxed);
    if (void *p = std::malloc(n ? n : 1)) return p;
    throw std::bad_alloc();
}
void operator delete(void *p) noexcept
{
    std::free(p);
}
void operator delete(void *p, std::size_t) noexcept
{
    std::free(p);
}

using namespace vigil::exposition;

class TestParserAllocations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void noAllocationPerSample_data()
    {
        QTest::addColumn<Format>("format");
        QTest::newRow("text") << Format::Text;
        QTest::newRow("openmetrics") << Format::OpenMetrics;
    }
    void noAllocationPerSample()
    {
        QFETCH(Format, format);
        const bool om = format == Format::OpenMetrics;
        std::string body = "# TYPE req counter\n# HELP req Requests \\\\ with an escape.\n";
        for (int i = 0; i < 2000; ++i) {
            // Every line has labels, an escaped value (unescaped into scratch) and
            // a timestamp; OpenMetrics lines also carry an exemplar.
            body += "req_total{code=\"" + std::to_string(200 + i % 5) + "\",path=\"/a\\\"b\\\\c" +
                    std::to_string(i) + "\",method=\"GET\"} " + std::to_string(i) + ".5 " +
                    (om ? "1700000000.125" : "1700000000125") + (om ? " # {trace_id=\"abc\"} 0.5" : "") +
                    "\n";
        }
        // A histogram family too (bucket ordering bookkeeping).
        body += "# TYPE lat histogram\n";
        for (int s = 0; s < 200; ++s) {
            const std::string l = "{h=\"" + std::to_string(s) + "\",";
            body += "lat_bucket" + l + "le=\"0.1\"} 1\nlat_bucket" + l + "le=\"1\"} 2\nlat_bucket" + l +
                    "le=\"+Inf\"} 3\n";
        }
        if (om) body += "# EOF\n";
        if (!om) {
            // The text family name of a counter carries the suffix.
            body.replace(body.find("# TYPE req "), 11, "# TYPE req_total ");
            body.replace(body.find("# HELP req "), 11, "# HELP req_total ");
        }

        auto p = Parser::create(format, body);
        // Warm up: the first lines size the label slots and scratch buffer, and
        // each family allocates its bookkeeping once.
        int series = 0;
        Entry e;
        while (series < 3) {
            e = p->next();
            QVERIFY2(e != Entry::Invalid && e != Entry::Eof, p->status().message().c_str());
            series += e == Entry::Series;
        }
        gAllocations = 0;
        gCounting = true;
        long metadataLines = 0;
        while ((e = p->next()) != Entry::Eof && e != Entry::Invalid) {
            series += e == Entry::Series;
            metadataLines += e != Entry::Series;
        }
        gCounting = false;
        QVERIFY2(e == Entry::Eof, p->status().message().c_str());
        QCOMPARE(series, 2000 + 600);
        qInfo("%ld allocations while parsing %d samples and %ld metadata lines", gAllocations.load(),
              series - 3, metadataLines);
        // Only the new "lat" family may allocate (its bookkeeping entry).
        QVERIFY2(gAllocations <= 2 * metadataLines, qPrintable(QString::number(gAllocations.load())));
    }
};

QTEST_GUILESS_MAIN(TestParserAllocations)
#include "tst_parser_allocations.moc"
