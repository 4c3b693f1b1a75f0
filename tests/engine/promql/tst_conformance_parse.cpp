// Conformance (parse only): every eval query of the upstream Prometheus
// PromQL test scripts must parse, unless its eval block expects a failure.
//
// The scripts live outside the project, in ../shared/promqltest/testdata
// relative to VIGIL_SOURCE_DIR (see that directory's README). The test fails
// when the directory is missing. Experimental-feature files are skipped with
// the reason printed. Evals whose block contains native histogram data ({{)
// are counted separately and not required to parse. Every query that parses
// must also round-trip: printing it (canonical and pretty form) and parsing the
// print gives the same text.
// The series lines of "load" blocks must parse as series descriptions unless
// they hold native histograms.
#include "promql/parser.h"
#include "promql/printer.h"
#include "promql/series_description.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace vigil::promql;

namespace {

struct SeriesLine {
    QString file;
    int line = 0;
    QString text;
};

struct EvalCase {
    QString file;
    int line = 0;
    QString query;
    bool expectFail = false;
    bool nativeHistograms = false;
};

// Files that exercise experimental features Vigil does not implement.
const QMap<QString, QString> &skippedFiles()
{
    static const QMap<QString, QString> m = {
        {QStringLiteral("duration_expression.test"), QStringLiteral("experimental duration expressions")},
        {QStringLiteral("extended_vectors.test"), QStringLiteral("experimental anchored/smoothed range selectors")},
        {QStringLiteral("fill-modifier.test"), QStringLiteral("experimental fill() binary operator modifiers")},
        {QStringLiteral("info.test"), QStringLiteral("experimental info() function")},
        {QStringLiteral("limit.test"), QStringLiteral("experimental limitk()/limit_ratio() aggregations")},
        {QStringLiteral("type_and_unit.test"), QStringLiteral("experimental type and unit labels")},
        {QStringLiteral("start_timestamps.test"), QStringLiteral("experimental start timestamps")},
        {QStringLiteral("native_histograms.test"), QStringLiteral("native histograms are not supported")},
    };
    return m;
}

QString testdataDir()
{
    // Set by CTest (CMake finds shared/promqltest/testdata beside the checkout or an ancestor).
    const QByteArray dir = qgetenv("VIGIL_PROMQLTEST_DIR");
    if (!dir.isEmpty()) return QDir::cleanPath(QString::fromLocal8Bit(dir));
    const QByteArray src = qgetenv("VIGIL_SOURCE_DIR");
    if (src.isEmpty()) return {};
    return QDir::cleanPath(QString::fromLocal8Bit(src) + QStringLiteral("/../shared/promqltest/testdata"));
}

// Splits a script into eval cases. An eval block is the eval line plus the
// indented lines that follow it.
QList<EvalCase> readEvals(const QString &path, const QString &name)
{
    static const QRegularExpression evalRe(QStringLiteral(
        "^(eval(?:_fail|_ordered|_warn|_info)?)\\s+"
        "(?:instant\\s+at\\s+\\S+|range\\s+from\\s+\\S+\\s+to\\s+\\S+\\s+step\\s+\\S+)\\s+(.+)$"));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) return {};
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    QList<EvalCase> out;
    EvalCase *current = nullptr;
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines[i];
        const bool indented = !line.isEmpty() && (line[0] == QLatin1Char(' ') || line[0] == QLatin1Char('\t'));
        if (current && indented && !line.trimmed().isEmpty()) {
            const QString t = line.trimmed();
            if (t.startsWith(QLatin1String("expect fail"))) current->expectFail = true;
            if (t.contains(QLatin1String("{{"))) current->nativeHistograms = true;
            continue;
        }
        current = nullptr;
        const auto m = evalRe.match(line);
        if (!m.hasMatch()) continue;
        EvalCase c;
        c.file = name;
        c.line = i + 1;
        c.query = m.captured(2).trimmed();
        c.expectFail = m.captured(1) == QLatin1String("eval_fail");
        c.nativeHistograms = c.query.contains(QLatin1String("{{"));
        out.push_back(c);
        current = &out.back();
    }
    return out;
}

// The indented lines following "load <interval>" (or "load_with_nhcb").
QList<SeriesLine> readLoadLines(const QString &path, const QString &name)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) return {};
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    QList<SeriesLine> out;
    bool inLoad = false;
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines[i];
        const bool indented = !line.isEmpty() && (line[0] == QLatin1Char(' ') || line[0] == QLatin1Char('\t'));
        if (!indented) {
            inLoad = line.startsWith(QLatin1String("load ")) || line.startsWith(QLatin1String("load_with_nhcb "));
            continue;
        }
        if (inLoad && !line.trimmed().isEmpty()) out.push_back({name, i + 1, line.trimmed()});
    }
    return out;
}

}  // namespace

class TestConformanceParse : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void allEvalQueriesParse()
    {
        const QString dir = testdataDir();
        QVERIFY2(!dir.isEmpty(), "VIGIL_SOURCE_DIR is not set (run the test through ctest)");
        QVERIFY2(QDir(dir).exists(), qPrintable(QStringLiteral("testdata directory missing: ") + dir));
        const QStringList files = QDir(dir).entryList({QStringLiteral("*.test")}, QDir::Files, QDir::Name);
        QVERIFY2(!files.isEmpty(), qPrintable(QStringLiteral("no .test files in ") + dir));

        ParseOptions options;
        options.enableExperimentalFunctions = true;  // as Prometheus's test runner does

        int required = 0, requiredOk = 0;
        int failCases = 0, failAtParse = 0;
        int histogramCases = 0, histogramOk = 0;
        int skippedFilesCount = 0, skippedEvals = 0;
        int roundTripFailures = 0;
        QStringList problems;

        for (const QString &name : files) {
            const QList<EvalCase> evals = readEvals(dir + QLatin1Char('/') + name, name);
            if (skippedFiles().contains(name)) {
                ++skippedFilesCount;
                skippedEvals += int(evals.size());
                qInfo("skip %s (%d evals): %s", qPrintable(name), int(evals.size()),
                      qPrintable(skippedFiles().value(name)));
                continue;
            }
            int fileOk = 0;
            for (const EvalCase &c : evals) {
                const std::string q = c.query.toStdString();
                auto r = parseExpr(q, options);
                if (r.isOk()) {
                    const std::string printed = toString(**r);
                    auto again = parseExpr(printed, options);
                    if (!again.isOk() || toString(**again) != printed) {
                        ++roundTripFailures;
                        problems << QStringLiteral("%1:%2: round trip of %3 via %4 failed")
                                        .arg(c.file).arg(c.line).arg(c.query, QString::fromStdString(printed));
                    }
                    // The multi-line form (narrow, to force splitting) must mean the same.
                    const std::string prettyText = prettyString(**r, 20);
                    auto fromPretty = parseExpr(prettyText, options);
                    if (!fromPretty.isOk() || toString(**fromPretty) != printed) {
                        ++roundTripFailures;
                        problems << QStringLiteral("%1:%2: pretty form of %3 does not parse back:\n%4")
                                        .arg(c.file).arg(c.line).arg(c.query, QString::fromStdString(prettyText));
                    }
                }
                if (c.expectFail) {
                    ++failCases;
                    if (!r.isOk()) ++failAtParse;
                    continue;
                }
                if (c.nativeHistograms) {
                    ++histogramCases;
                    if (r.isOk()) ++histogramOk;
                    continue;
                }
                ++required;
                if (r.isOk()) {
                    ++requiredOk;
                    ++fileOk;
                } else {
                    problems << QStringLiteral("%1:%2: %3 -> %4")
                                    .arg(c.file).arg(c.line).arg(c.query,
                                                                 QString::fromStdString(r.status().message()));
                }
            }
            qInfo("%-26s %4d evals, %4d required queries parsed", qPrintable(name), int(evals.size()), fileOk);
        }

        qInfo("required (no expect fail, no native histograms): %d/%d parsed", requiredOk, required);
        qInfo("expect fail: %d evals, %d rejected by the parser, %d left for evaluation", failCases, failAtParse,
              failCases - failAtParse);
        qInfo("native histogram evals (not required): %d/%d parsed", histogramOk, histogramCases);
        qInfo("skipped: %d experimental files, %d evals", skippedFilesCount, skippedEvals);
        qInfo("round-trip failures: %d", roundTripFailures);
        for (const QString &p : problems) qWarning("%s", qPrintable(p));

        QVERIFY2(required > 1000, "suspiciously few eval queries found; is the testdata complete?");
        QCOMPARE(requiredOk, required);
        QCOMPARE(roundTripFailures, 0);
    }

    void allLoadLinesParse()
    {
        const QString dir = testdataDir();
        QVERIFY2(!dir.isEmpty(), "VIGIL_SOURCE_DIR is not set (run the test through ctest)");
        QVERIFY2(QDir(dir).exists(), qPrintable(QStringLiteral("testdata directory missing: ") + dir));
        const QStringList files = QDir(dir).entryList({QStringLiteral("*.test")}, QDir::Files, QDir::Name);
        int required = 0, ok = 0, histogramLines = 0;
        QStringList problems;
        for (const QString &name : files) {
            if (skippedFiles().contains(name)) continue;
            for (const SeriesLine &l : readLoadLines(dir + QLatin1Char('/') + name, name)) {
                if (l.text.contains(QLatin1String("{{"))) {
                    ++histogramLines;
                    continue;
                }
                ++required;
                auto r = parseSeriesDescription(l.text.toStdString());
                if (r.isOk()) {
                    ++ok;
                } else {
                    problems << QStringLiteral("%1:%2: %3 -> %4")
                                    .arg(l.file).arg(l.line).arg(l.text, QString::fromStdString(r.status().message()));
                }
            }
        }
        qInfo("load series lines: %d/%d parsed, %d native histogram lines skipped", ok, required, histogramLines);
        for (const QString &p : problems) qWarning("%s", qPrintable(p));
        QVERIFY2(required > 500, "suspiciously few load lines found");
        QCOMPARE(ok, required);
    }

    void missingDirectoryIsDetected()
    {
        // The runner must not silently pass when pointed at nothing.
        QVERIFY(!QDir(testdataDir() + QStringLiteral("-does-not-exist")).exists());
    }
};

QTEST_GUILESS_MAIN(TestConformanceParse)
#include "tst_conformance_parse.moc"
