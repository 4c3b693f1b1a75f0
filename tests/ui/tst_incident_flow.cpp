// End to end: a real target misbehaves, a real rule fires (critical), the
// engine opens an incident, an action runs, the operator acknowledges it and
// writes a note, the target recovers, the incident resolves, and the report
// is exported as Markdown (checked line by line) and PDF (checked as a PDF).
//
// The target is a loopback HTTP server (tests/engine/scrape/test_http_server)
// whose error ratio jumps from 0.01 to 0.9 and back; the engine scrapes it
// every second and evaluates the rule every second. Everything runs through
// the real engine, notifier (an action receiver running /bin/echo) and the
// console's report code, offscreen.
#include "../engine/scrape/test_http_server.h"

#include "incidents/incident_service.h"
#include "notify/payloads.h"
#include "reports/incident_report.h"
#include "reports/report_graphs.h"
#include "store/app_store.h"
#include "runtime/engine.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QImage>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;
using vigil::runtime::Engine;

namespace {

template <typename T>
T await(QFuture<T> f, int timeoutMs = 20000)
{
    QFutureWatcher<T> w;
    w.setFuture(f);
    if (!f.isFinished()) {
        QSignalSpy done(&w, &QFutureWatcher<T>::finished);
        done.wait(timeoutMs);
    }
    return f.resultCount() ? f.result() : T{};
}

QByteArray metrics(double errorRatio)
{
    return "# TYPE app_error_ratio gauge\napp_error_ratio " + QByteArray::number(errorRatio) +
           "\n# TYPE app_db_pool_in_use gauge\napp_db_pool_in_use " + QByteArray::number(errorRatio * 50) + "\n";
}

}  // namespace

class TestIncidentFlow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fireAcknowledgeResolveReport()
    {
        testing::TestHttpServer target;
        QVERIFY(target.listenLoopback());
        testing::Route ok;
        ok.body = metrics(0.01);
        target.setRoute("/metrics", ok);

        QTemporaryDir dir;
        auto write = [&dir](const char *name, const QByteArray &text) {
            QFile f(dir.filePath(QString::fromLatin1(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        };
        write("prometheus.yml", "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n  evaluation_interval: 1s\n"
                                "rule_files:\n- rules.yml\nscrape_configs:\n- job_name: app\n  static_configs:\n"
                                "  - targets: ['" + target.address() + "']\n");
        write("rules.yml", "groups:\n- name: app\n  interval: 1s\n  rules:\n  - alert: HighErrorRatio\n"
                           "    expr: app_error_ratio > 0.5\n    for: 2s\n    labels:\n      severity: critical\n"
                           "    annotations:\n      summary: error ratio {{ $value }}\n");
        write("am.yml", "route:\n  receiver: restart\n  group_wait: 0s\n  group_interval: 1s\n  group_by: [alertname]\n"
                        "receivers:\n- name: restart\n  action_configs:\n  - command: /bin/echo\n"
                        "    args: [restarting app pool]\n");
        config::EngineOptions o;
        o.storagePath = dir.filePath(QStringLiteral("data")).toStdString();
        o.webEnabled = false;
        QVERIFY(config::parseFlags({"--config.file=" + dir.filePath(QStringLiteral("prometheus.yml")).toStdString(),
                                    "--notifier.config.file=" + dir.filePath(QStringLiteral("am.yml")).toStdString(),
                                    "--rules.alert.resend-delay=1s"},
                                   o)
                    .isOk());
        Engine engine(o);
        engine.start();
        QTRY_COMPARE_WITH_TIMEOUT(engine.state(), Engine::State::Running, 20000);
        incidents::IncidentService *svc = engine.incidents();
        QVERIFY(svc);
        QSignalSpy changed(svc, &incidents::IncidentService::incidentChanged);

        // A few healthy scrapes, then the target misbehaves.
        QTRY_VERIFY_WITH_TIMEOUT(target.hits("/metrics") >= 3, 15000);
        const int64_t jumpMs = QDateTime::currentMSecsSinceEpoch();
        target.route("/metrics").body = metrics(0.9);

        QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 30000);
        const qint64 id = changed.first().at(0).toLongLong();
        incidents::IncidentDetail d = await(svc->incident(id));
        QVERIFY2(d.status.isOk(), d.status.toString().c_str());
        QCOMPARE(d.incident.alerts.size(), size_t(1));
        const incidents::IncidentAlert alert = d.incident.alerts.front();
        QCOMPARE(alert.alertName, std::string("HighErrorRatio"));
        QCOMPARE(alert.expr, std::string("app_error_ratio > 0.5"));
        QCOMPARE(d.incident.title, "HighErrorRatio on " + target.address().toStdString());
        QVERIFY(d.incident.isOpen());
        // The condition held from the first scrape after the jump, firing `for` 2 s later.
        QVERIFY2(d.incident.detectedAtMs >= jumpMs - 1000, qPrintable(QString::number(d.incident.detectedAtMs - jumpMs)));
        QVERIFY(d.incident.timeToDetectMs() >= 2000);
        QVERIFY(d.incident.timeToDetectMs() < 10000);  // generous: rule rounds may slip on a loaded machine

        // The operator acknowledges (as the acknowledgement UI will) and writes a note.
        QTest::qWait(300);
        QVERIFY(await(svc->acknowledgeAlert(alert.fingerprint, "alice", "looking at it")).isOk());
        QTest::qWait(300);
        QVERIFY(await(svc->addNote(id, "alice", "db pool exhausted; raised max connections")).isOk());
        // The action receiver ran for the alert (notification log, joined into the timeline).
        QTRY_VERIFY_WITH_TIMEOUT(!engine.appStore()->deliveryAttempts(5)->empty(), 20000);

        // The target recovers; the incident resolves.
        target.route("/metrics").body = metrics(0.01);
        QTRY_VERIFY_WITH_TIMEOUT(!await(svc->incident(id)).incident.isOpen(), 30000);
        d = await(svc->incident(id));
        QVERIFY(d.status.isOk());
        QStringList kinds;
        for (const auto &e : d.timeline) kinds << QString::fromLatin1(incidents::kindName(e.kind).data());
        QVERIFY2(kinds.indexOf(QStringLiteral("fired")) == 0, qPrintable(kinds.join(',')));
        QVERIFY2(kinds.contains(QStringLiteral("action")), qPrintable(kinds.join(',')));
        QVERIFY(kinds.indexOf(QStringLiteral("acknowledged")) < kinds.indexOf(QStringLiteral("note")));
        QCOMPARE(kinds.last(), QStringLiteral("resolved"));
        QCOMPARE(d.incident.acknowledgedBy, std::string("alice"));

        // The report: graphs of the alert expression drawn off screen, then Markdown and PDF.
        const auto [from, to] = ui::IncidentReport::graphWindow(d.incident, QDateTime::currentMSecsSinceEpoch());
        ui::ReportGraphs graphs(&engine, {{QStringLiteral("Alert expression"), QString::fromStdString(alert.expr)},
                                          {QStringLiteral("Pool"), QStringLiteral("app_db_pool_in_use")}},
                                from, to);
        QSignalSpy drawn(&graphs, &ui::ReportGraphs::finished);
        graphs.start();
        QVERIFY(drawn.wait(30000));
        QCOMPARE(graphs.graphs().size(), size_t(2));
        ui::IncidentReport report;
        report.incident = d.incident;
        report.timeline = d.timeline;
        report.graphs = graphs.graphs();
        QVERIFY2(!report.graphs[0].image.isNull(), qPrintable(report.graphs[0].error));
        // The graph shows data: more than a handful of distinct colours (axes, grid, the line).
        {
            QSet<QRgb> colours;
            const QImage img = report.graphs[0].image;
            for (int y = 0; y < img.height(); y += 3)
                for (int x = 0; x < img.width(); x += 3) colours.insert(img.pixel(x, y));
            QVERIFY2(colours.size() > 4, qPrintable(QString::number(colours.size())));
        }

        const QString md = dir.filePath(QStringLiteral("incident.md"));
        const QString pdf = dir.filePath(QStringLiteral("incident.pdf"));
        QString error;
        QVERIFY2(report.writeMarkdown(md, &error), qPrintable(error));
        QVERIFY2(report.writePdf(pdf, &error), qPrintable(error));

        QFile mdFile(md);
        QVERIFY(mdFile.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(mdFile.readAll());
        const auto &inc = d.incident;
        QVERIFY(text.startsWith(QStringLiteral("# Incident %1: HighErrorRatio on ").arg(id)));
        QVERIFY(text.contains(QStringLiteral("| Time to detect | %1 |").arg(ui::IncidentReport::formatDuration(inc.timeToDetectMs()))));
        QVERIFY(text.contains(QStringLiteral("| Time to acknowledge | %1 |").arg(ui::IncidentReport::formatDuration(inc.timeToAcknowledgeMs()))));
        QVERIFY(text.contains(QStringLiteral("| Time to resolve | %1 |").arg(ui::IncidentReport::formatDuration(inc.timeToResolveMs()))));
        QVERIFY(inc.timeToAcknowledgeMs() > 0 && inc.timeToAcknowledgeMs() < inc.timeToResolveMs());
        QVERIFY(text.contains(QStringLiteral("Acknowledged: %1 by alice").arg(ui::IncidentReport::formatTime(inc.acknowledgedAtMs))));
        QVERIFY(text.contains(QStringLiteral("`app_error_ratio > 0.5`")));
        QVERIFY(text.contains(QStringLiteral("restarting app pool")));  // the action's output
        QVERIFY(text.contains(QStringLiteral("db pool exhausted; raised max connections")));
        // Timeline rows in order: fired, acknowledged, note, ..., resolved.
        const int fired = text.indexOf(QStringLiteral(" | fired | "));
        const int acked = text.indexOf(QStringLiteral(" | acknowledged | alice | looking at it |"));
        const int note = text.indexOf(QStringLiteral(" | note | alice | db pool exhausted"));
        const int resolved = text.indexOf(QStringLiteral(" | resolved | "));
        QVERIFY2(fired > 0 && fired < acked && acked < note && note < resolved, qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("![Alert expression](incident-graph-1.png)")));
        QImage png(dir.filePath(QStringLiteral("incident-graph-1.png")));
        QCOMPARE(png.size(), QSize(900, 320));

        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdfFile.readAll();
        QVERIFY(bytes.startsWith("%PDF-1."));
        QVERIFY(bytes.trimmed().endsWith("%%EOF"));
        const qsizetype pages = bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r") + bytes.count("/Type /Page ") +
                                bytes.count("/Type /Page>");
        QVERIFY2(pages >= 1, bytes.left(400).constData());
        QVERIFY(bytes.contains("/Subtype /Image"));  // the graphs are embedded

        // Kept for a look: <build>/artifacts/incident-report/.
        if (const QString bin = qEnvironmentVariable("VIGIL_BINARY_DIR"); !bin.isEmpty()) {
            const QDir out(bin + QStringLiteral("/artifacts/incident-report"));
            QDir().mkpath(out.path());
            for (const QString name : {QStringLiteral("incident.md"), QStringLiteral("incident.pdf"),
                                       QStringLiteral("incident-graph-1.png"), QStringLiteral("incident-graph-2.png")}) {
                QFile::remove(out.filePath(name));
                QFile::copy(dir.filePath(name), out.filePath(name));
            }
        }
        engine.stop();
    }
};

QTEST_MAIN(TestIncidentFlow)
#include "tst_incident_flow.moc"
