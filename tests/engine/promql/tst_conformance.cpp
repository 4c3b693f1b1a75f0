// Runs the upstream PromQL test scripts (../shared/promqltest/testdata, read
// at test time, never copied) against Vigil's engine with a tsdb::Head.
//
// Every eval of the core files must pass, except the ones listed with a
// reason in conformance_known_failures.txt ("<file>:<line> <reason>"): those
// are printed, and any other failure fails the test. Native-histogram evals
// and the experimental files are counted as skipped, with the reason.
#include "promql/test_script_runner.h"
#include "tsdb/head.h"

#include <QFile>
#include <QTextStream>
#include <QtTest>

#include <map>
#include <set>

using namespace vigil;
using vigil::promql::TestScriptRunner;

namespace {

const char *const kCoreFiles[] = {
    "aggregators",         "at_modifier", "collision",     "functions", "histograms", "literals",
    "name_label_dropping", "operators",   "range_queries", "selectors", "staleness",  "subquery",
    "trig_functions",
};
const char *const kExperimentalFiles[] = {
    "duration_expression", "extended_vectors", "fill-modifier",     "info", "limit",
    "type_and_unit",       "start_timestamps", "native_histograms",
};

QString testdataDir()
{
    // Set by CTest (CMake finds shared/promqltest/testdata beside the checkout or an ancestor).
    if (qEnvironmentVariableIsSet("VIGIL_PROMQLTEST_DIR")) return qEnvironmentVariable("VIGIL_PROMQLTEST_DIR");
    return qEnvironmentVariable("VIGIL_SOURCE_DIR") + QStringLiteral("/../shared/promqltest/testdata");
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.readAll();
}

TestScriptRunner::Store makeHead()
{
    auto head = std::make_shared<tsdb::Head>();
    return {head, head};
}

}  // namespace

class TestConformance : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void coreFiles_data();
    void coreFiles();
    void experimentalFilesAreSkipped();
    void vigilFiles_data();
    void vigilFiles();
    void cleanupTestCase();

private:
    std::map<QString, QString> known_;  // "file.test:line" -> reason
    std::set<QString> knownSeen_;
    int passed_ = 0, failed_ = 0, skipped_ = 0;
};

void TestConformance::initTestCase()
{
    QVERIFY2(QFile::exists(testdataDir()), qPrintable("missing " + testdataDir()));
    const QString listPath = qEnvironmentVariable("VIGIL_SOURCE_DIR") +
                             QStringLiteral("/tests/engine/promql/conformance_known_failures.txt");
    const QByteArray list = readFile(listPath);
    for (const QByteArray &raw : list.split('\n')) {
        QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#')) continue;
        int sp = line.indexOf(' ');
        known_[QString::fromUtf8(sp < 0 ? line : line.left(sp))] =
            QString::fromUtf8(sp < 0 ? "" : line.mid(sp + 1));
    }
}

void TestConformance::coreFiles_data()
{
    QTest::addColumn<QString>("file");
    for (const char *f : kCoreFiles) QTest::newRow(f) << QString::fromLatin1(f) + QStringLiteral(".test");
}

void TestConformance::coreFiles()
{
    QFETCH(QString, file);
    const QByteArray text = readFile(testdataDir() + '/' + file);
    QVERIFY2(!text.isEmpty(), qPrintable("cannot read " + file));

    TestScriptRunner runner(makeHead);
    const auto report = runner.run(std::string_view(text.constData(), size_t(text.size())));
    QVERIFY2(report.scriptError.empty(), report.scriptError.c_str());

    QStringList newFailures;
    int knownFailures = 0;
    for (const auto &e : report.evals) {
        const QString key = file + ':' + QString::number(e.line);
        if (e.outcome == TestScriptRunner::Outcome::Skipped) {
            qInfo("SKIP %s %s: %s", qPrintable(key), e.query.c_str(), e.message.c_str());
        } else if (e.outcome == TestScriptRunner::Outcome::Failed) {
            if (known_.count(key)) {
                ++knownFailures;
                knownSeen_.insert(key);
                qInfo("KNOWN FAIL %s %s: %s [%s]", qPrintable(key), e.query.c_str(), e.message.c_str(),
                      qPrintable(known_[key]));
            } else {
                newFailures << QStringLiteral("%1 %2: %3")
                                   .arg(key, QString::fromStdString(e.query),
                                        QString::fromStdString(e.message));
            }
        }
    }
    passed_ += report.passed();
    failed_ += report.failed();
    skipped_ += report.skipped();
    qInfo("%s: %d passed, %d failed (%d known), %d skipped", qPrintable(file), report.passed(),
          report.failed(), knownFailures, report.skipped());
    for (const QString &f : newFailures) qWarning("FAIL %s", qPrintable(f));
    QVERIFY2(newFailures.isEmpty(),
             qPrintable(QStringLiteral("%1 new failure(s) in %2").arg(newFailures.size()).arg(file)));
}

void TestConformance::experimentalFilesAreSkipped()
{
    for (const char *f : kExperimentalFiles) {
        const QString file = QString::fromLatin1(f) + QStringLiteral(".test");
        const QByteArray text = readFile(testdataDir() + '/' + file);
        int evals = 0;
        for (const QByteArray &line : text.split('\n'))
            if (line.startsWith("eval")) ++evals;
        skipped_ += evals;
        qInfo(
            "%s: 0 passed, 0 failed, %d skipped (experimental file: native histograms or feature-flagged "
            "syntax)",
            qPrintable(file), evals);
    }
}

void TestConformance::vigilFiles_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(qEnvironmentVariable("VIGIL_SOURCE_DIR") +
                   QStringLiteral("/tests/engine/promql/testdata"));
    for (const QString &f : dir.entryList({QStringLiteral("*.test")}, QDir::Files, QDir::Name))
        QTest::newRow(qPrintable(f)) << dir.filePath(f);
}

// Vigil's own scripts (tests/engine/promql/testdata): every eval must pass.
void TestConformance::vigilFiles()
{
    QFETCH(QString, path);
    const QByteArray text = readFile(path);
    QVERIFY2(!text.isEmpty(), qPrintable("cannot read " + path));
    TestScriptRunner runner(makeHead);
    const auto report = runner.run(std::string_view(text.constData(), size_t(text.size())));
    QVERIFY2(report.scriptError.empty(), report.scriptError.c_str());
    for (const auto &e : report.evals)
        if (e.outcome != TestScriptRunner::Outcome::Passed)
            qWarning("FAIL %s:%d %s: %s", qPrintable(QFileInfo(path).fileName()), e.line, e.query.c_str(),
                     e.message.c_str());
    passed_ += report.passed();
    failed_ += report.failed();
    qInfo("%s: %d passed, %d failed, %d skipped", qPrintable(QFileInfo(path).fileName()), report.passed(),
          report.failed(), report.skipped());
    QCOMPARE(report.passed(), int(report.evals.size()));
}

void TestConformance::cleanupTestCase()
{
    for (const auto &[key, reason] : known_)
        if (!knownSeen_.count(key))
            qInfo("known failure %s no longer fails: remove it from conformance_known_failures.txt",
                  qPrintable(key));
    qInfo("%d passed, %d failed, %d skipped", passed_, failed_, skipped_);
}

QTEST_GUILESS_MAIN(TestConformance)
#include "tst_conformance.moc"
