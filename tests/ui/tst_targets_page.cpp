#include "models/target_table_model.h"
#include "pages/target_dialog.h"
#include "pages/targets_page.h"
#include "scrape/scrape_manager.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QTabWidget>
#include <QTableWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QScopeGuard>

using vigil::runtime::Engine;
using namespace vigil::ui;

namespace {

vigil::scrape::TargetSnapshot snapshot(const std::string &job, const std::string &url, vigil::scrape::HealthState h)
{
    vigil::scrape::TargetSnapshot t;
    t.job = job;
    t.url = url;
    t.labels = vigil::model::Labels{{"job", job}, {"instance", "x"}};
    t.health.health = h;
    t.health.lastScrapeMs = h == vigil::scrape::HealthState::Unknown ? 0 : 1000;
    t.health.lastSamples = 42;
    if (h == vigil::scrape::HealthState::Down) t.health.lastError = "connection refused";
    return t;
}

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

}  // namespace

class TestTargetsPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void modelIsConsistent()
    {
        TargetTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        using H = vigil::scrape::HealthState;
        model.setTargets({snapshot("b", "http://b/metrics", H::Up), snapshot("a", "http://a/metrics", H::Down)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0, TargetTableModel::Job)).toString(), QStringLiteral("a"));
        QCOMPARE(model.data(model.index(0, TargetTableModel::Health)).toString(), QStringLiteral("Down"));
        QCOMPARE(model.data(model.index(0, TargetTableModel::Error)).toString(), QStringLiteral("connection refused"));
        model.setNow(11000);
        QCOMPARE(model.data(model.index(1, TargetTableModel::LastScrape)).toString(), QStringLiteral("10 s ago"));
        // Update in place, then insert in order.
        model.updateTarget(snapshot("a", "http://a/metrics", H::Up));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0, TargetTableModel::Health)).toString(), QStringLiteral("Up"));
        model.updateTarget(snapshot("aa", "http://aa/metrics", H::Unknown));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.data(model.index(1, TargetTableModel::Job)).toString(), QStringLiteral("aa"));
        QCOMPARE(model.data(model.index(1, TargetTableModel::LastScrape)).toString(), QStringLiteral("never"));
    }

    void formValidation_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("job");
        QTest::addColumn<QString>("labels");
        QTest::addColumn<int>("interval");
        QTest::addColumn<int>("timeout");
        QTest::addColumn<QString>("error");
        QTest::newRow("ok") << "127.0.0.1:9100" << "node" << "zone=a" << 15 << 10 << "";
        QTest::newRow("url") << "https://host.example:8443/custom" << "web" << "" << 15 << 10 << "";
        QTest::newRow("no port") << "localhost" << "node" << "" << 15 << 10 << "host:port";
        QTest::newRow("bad url") << "ftp://x:1/" << "node" << "" << 15 << 10 << "URL";
        QTest::newRow("no job") << "127.0.0.1:9100" << "" << "" << 15 << 10 << "job name";
        QTest::newRow("timeout") << "127.0.0.1:9100" << "node" << "" << 5 << 10 << "timeout";
        QTest::newRow("bad label") << "127.0.0.1:9100" << "node" << "1zone=a" << 15 << 10 << "1zone=a";
        QTest::newRow("reserved label") << "127.0.0.1:9100" << "node" << "__x=a" << 15 << 10 << "__x=a";
    }

    // Auth, TLS and relabel fields of the form.
    void formValidationAdvanced_data()
    {
        QTest::addColumn<QString>("auth");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("caFile");
        QTest::addColumn<QString>("certFile");
        QTest::addColumn<QString>("relabel");
        QTest::addColumn<QString>("error");
        QTest::newRow("none") << "" << "" << "" << "" << "" << "" << "";
        QTest::newRow("basic ok") << "basic" << "u" << "p" << "" << "" << "" << "";
        QTest::newRow("basic no user") << "basic" << "" << "p" << "" << "" << "" << "username";
        QTest::newRow("basic no password") << "basic" << "u" << "" << "" << "" << "" << "password";
        QTest::newRow("bearer no token") << "bearer" << "" << "" << "" << "" << "" << "token";
        QTest::newRow("missing CA") << "" << "" << "" << "/nonexistent/ca.pem" << "" << "" << "/nonexistent/ca.pem";
        QTest::newRow("cert without key") << "" << "" << "" << "" << "SELF" << "" << "key file";
        QTest::newRow("relabel ok") << "" << "" << "" << "" << "" << "- target_label: a\n  replacement: b" << "";
        QTest::newRow("relabel bad action") << "" << "" << "" << "" << "" << "- action: explode" << "Relabeling";
        QTest::newRow("relabel not yaml") << "" << "" << "" << "" << "" << "- [unclosed" << "Relabeling";
    }
    void formValidationAdvanced()
    {
        QFETCH(QString, auth);
        QFETCH(QString, user);
        QFETCH(QString, secret);
        QFETCH(QString, caFile);
        QFETCH(QString, certFile);
        QFETCH(QString, relabel);
        QFETCH(QString, error);
        QTemporaryDir dir;
        vigil::config::EngineOptions o;
        o.storagePath = dir.path().toStdString();
        o.webEnabled = false;
        Engine engine(o);
        TargetDialog d(&engine, vigil::store::StoredTarget{});
        d.findChild<QLineEdit *>(QStringLiteral("address"))->setText(QStringLiteral("127.0.0.1:9100"));
        d.findChild<QLineEdit *>(QStringLiteral("job"))->setText(QStringLiteral("node"));
        auto *type = d.findChild<QComboBox *>(QStringLiteral("authType"));
        type->setCurrentIndex(type->findData(auth));
        d.findChild<QLineEdit *>(QStringLiteral("authUser"))->setText(user);
        d.findChild<QLineEdit *>(QStringLiteral("authSecret"))->setText(secret);
        d.findChild<QLineEdit *>(QStringLiteral("caFile"))->setText(caFile);
        if (certFile == QLatin1String("SELF")) certFile = QCoreApplication::applicationFilePath();
        d.findChild<QLineEdit *>(QStringLiteral("certFile"))->setText(certFile);
        d.findChild<QPlainTextEdit *>(QStringLiteral("relabel"))->setPlainText(relabel.replace(QStringLiteral("\\n"), QStringLiteral("\n")));
        vigil::store::StoredTarget t;
        QString message;
        const bool ok = d.formTarget(t, message);
        QVERIFY2(ok == error.isEmpty(), qPrintable(message));
        if (!ok) QVERIFY2(message.contains(error), qPrintable(message));
        if (ok) {
            QCOMPARE(t.authType, auth.toStdString());
            QVERIFY(t.authSecretRef.empty());  // the secret is not in the target
        }
    }

    void relabelPreviewShowsEachStep()
    {
        QTemporaryDir dir;
        vigil::config::EngineOptions o;
        o.storagePath = dir.path().toStdString();
        o.webEnabled = false;
        Engine engine(o);
        TargetDialog d(&engine, vigil::store::StoredTarget{});
        d.findChild<QLineEdit *>(QStringLiteral("address"))->setText(QStringLiteral("db1.example:9100"));
        d.findChild<QLineEdit *>(QStringLiteral("job"))->setText(QStringLiteral("node"));
        d.findChild<QPlainTextEdit *>(QStringLiteral("labels"))->setPlainText(QStringLiteral("env=prod"));
        auto *relabel = d.findChild<QPlainTextEdit *>(QStringLiteral("relabel"));
        relabel->setPlainText(QStringLiteral("- source_labels: [__address__]\n  regex: '([^.]+)\\..*'\n"
                                             "  target_label: host\n"
                                             "- action: labeldrop\n  regex: env\n"));
        d.updateRelabelPreview();
        auto *table = d.findChild<QTableWidget *>(QStringLiteral("relabelPreview"));
        QCOMPARE(table->rowCount(), 4);  // discovered, rule 1, rule 2, target labels
        QVERIFY(table->item(0, 2)->text().contains(QStringLiteral("__address__=\"db1.example:9100\"")));
        QVERIFY(table->item(0, 2)->text().contains(QStringLiteral("env=\"prod\"")));
        QVERIFY(table->item(1, 2)->text().contains(QStringLiteral("host=\"db1\"")));
        QVERIFY(table->item(1, 2)->text().contains(QStringLiteral("env=")));
        QVERIFY(!table->item(2, 2)->text().contains(QStringLiteral("env=")));
        QCOMPARE(table->item(1, 1)->text(), QStringLiteral("+host=\"db1\""));  // each rule's effect
        QCOMPARE(table->item(2, 1)->text(), QStringLiteral("−env"));
        QCOMPARE(table->item(3, 2)->text(),
                 QStringLiteral("host=\"db1\", instance=\"db1.example:9100\", job=\"node\""));
        QVERIFY2(d.relabelVerdict().startsWith(QStringLiteral("Kept")), qPrintable(d.relabelVerdict()));
        // The form as a test artifact, to look at (build/artifacts/screenshots/).
        {
            const QString shots = QDir(qEnvironmentVariable("VIGIL_BINARY_DIR", QDir::currentPath()))
                                      .filePath(QStringLiteral("artifacts/screenshots"));
            QDir().mkpath(shots);
            d.findChild<QTabWidget *>(QStringLiteral("tabs"))->setCurrentIndex(3);
            const QImage shot = d.grab().toImage();
            QVERIFY(shot.save(QDir(shots).filePath(QStringLiteral("target-dialog-relabel.png"))));
            QCOMPARE(shot.size(), d.size());
        }

        // A drop rule: the step that drops, and the verdict.
        relabel->setPlainText(QStringLiteral("- target_label: a\n  replacement: b\n"
                                             "- source_labels: [env]\n  regex: prod\n  action: drop\n"
                                             "- target_label: never\n  replacement: x\n"));
        d.updateRelabelPreview();
        QCOMPARE(table->rowCount(), 3);  // discovered, rule 1, rule 2 (dropped)
        QCOMPARE(table->item(2, 2)->text(), QStringLiteral("— dropped —"));
        QVERIFY2(d.relabelVerdict().contains(QStringLiteral("Dropped by rule 2")), qPrintable(d.relabelVerdict()));
    }
    void formValidation()
    {
        QFETCH(QString, address);
        QFETCH(QString, job);
        QFETCH(QString, labels);
        QFETCH(int, interval);
        QFETCH(int, timeout);
        QFETCH(QString, error);
        QTemporaryDir dir;
        vigil::config::EngineOptions o;
        o.storagePath = dir.path().toStdString();
        o.webEnabled = false;
        Engine engine(o);
        TargetDialog d(&engine, vigil::store::StoredTarget{});
        d.findChild<QLineEdit *>(QStringLiteral("address"))->setText(address);
        d.findChild<QLineEdit *>(QStringLiteral("job"))->setText(job);
        d.findChild<QPlainTextEdit *>(QStringLiteral("labels"))->setPlainText(labels);
        d.findChild<QSpinBox *>(QStringLiteral("interval"))->setValue(interval);
        d.findChild<QSpinBox *>(QStringLiteral("timeout"))->setValue(timeout);
        vigil::store::StoredTarget t;
        QString message;
        const bool ok = d.formTarget(t, message);
        QCOMPARE(ok, error.isEmpty());
        if (!ok) QVERIFY2(message.contains(error), qPrintable(message));
        if (ok && address.startsWith(QLatin1String("https"))) {
            QCOMPARE(t.scheme, std::string("https"));
            QCOMPARE(t.address, std::string("host.example:8443"));
            QCOMPARE(t.metricsPath, std::string("/custom"));
        }
    }

    void testSaveAndRemoveAgainstNodeExporter()
    {
        QVERIFY2(QFile::exists(QStringLiteral("/usr/bin/prometheus-node-exporter")),
                 "prometheus-node-exporter is required (packaging/dev.sh installs it)");
        const quint16 port = freePort();
        QProcess node;
        node.start(QStringLiteral("/usr/bin/prometheus-node-exporter"),
                   {QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port)});
        QVERIFY(node.waitForStarted(5000));
        auto killNode = qScopeGuard([&] {
            node.kill();
            node.waitForFinished(5000);
        });

        QTemporaryDir dir;
        vigil::config::EngineOptions o;
        o.storagePath = dir.path().toStdString();
        o.webEnabled = false;  // no self-scrape target: the table holds only ours
        Engine engine(o);
        engine.setNodeExporterAddress(QStringLiteral("127.0.0.1:1"));
        TargetsPage page(&engine);
        engine.start();
        QTRY_COMPARE(engine.state(), Engine::State::Running);

        TargetDialog d(&engine, vigil::store::StoredTarget{});
        d.findChild<QLineEdit *>(QStringLiteral("address"))->setText(QStringLiteral("127.0.0.1:%1").arg(port));
        d.findChild<QLineEdit *>(QStringLiteral("job"))->setText(QStringLiteral("node"));
        d.findChild<QPlainTextEdit *>(QStringLiteral("labels"))->setPlainText(QStringLiteral("zone=lab"));
        QSignalSpy tested(&d, &TargetDialog::testFinished);
        d.test();
        QVERIFY(tested.wait(15000));
        QCOMPARE(tested.first().first().toBool(), true);
        QVERIFY2(d.resultText().startsWith(QStringLiteral("OK: ")), qPrintable(d.resultText()));
        // The exposition was linted as `vigil check metrics` does.
        QVERIFY2(d.lintText().contains(QStringLiteral("no problems")), qPrintable(d.lintText()));

        // A closed port: the exact error is shown.
        d.findChild<QLineEdit *>(QStringLiteral("address"))->setText(QStringLiteral("127.0.0.1:%1").arg(freePort()));
        tested.clear();
        d.test();
        QVERIFY(tested.wait(15000));
        QCOMPARE(tested.first().first().toBool(), false);
        QVERIFY2(d.resultText().contains(QStringLiteral("refused"), Qt::CaseInsensitive), qPrintable(d.resultText()));

        // Save the good one: it is stored and scraped without restart.
        d.findChild<QLineEdit *>(QStringLiteral("address"))->setText(QStringLiteral("127.0.0.1:%1").arg(port));
        QSignalSpy saved(&d, &TargetDialog::saved);
        d.save();
        QVERIFY(saved.wait(10000));
        QTRY_COMPARE(page.model()->rowCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(page.model()->target(0).health.health, vigil::scrape::HealthState::Up, 20000);
        QCOMPARE(std::string(page.model()->target(0).labels.get("zone")), std::string("lab"));
        QTRY_VERIFY(page.storedTargetAt(0) != nullptr);

        // Remove through the engine (the page's button asks for confirmation).
        QSignalSpy changed(engine.scraper(), &vigil::scrape::ScrapeManager::targetsChanged);
        auto removed = engine.removeTarget(page.storedTargetAt(0)->id);
        removed.waitForFinished();
        QVERIFY(removed.result().status.isOk());
        QTRY_COMPARE(page.model()->rowCount(), 0);
        auto stored = engine.storedTargets();
        stored.waitForFinished();
        QVERIFY(stored.result().empty());
    }

    void modelSourcesAndPausedRows()
    {
        TargetTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        using H = vigil::scrape::HealthState;
        auto a = snapshot("a", "http://a:1/metrics", H::Up);
        a.discoveredLabels = vigil::model::Labels{{"__address__", "a:1"}};
        auto b = snapshot("b", "http://b:2/metrics", H::Up);
        b.discoveredLabels = vigil::model::Labels{{"__address__", "b:2"}};
        model.setTargets({a, b});
        model.setOrigins({{"b", "b:2"}}, {});
        QCOMPARE(model.data(model.index(0, TargetTableModel::Source)).toString(), QStringLiteral("Configuration file"));
        QCOMPARE(model.data(model.index(1, TargetTableModel::Source)).toString(), QStringLiteral("Console"));
        QCOMPARE(model.data(model.index(1, 0), TargetTableModel::ConsoleRole).toBool(), true);
        model.setOrigins({{"b", "b:2"}}, {{"b", "b:2"}});
        QCOMPARE(model.data(model.index(1, TargetTableModel::Health)).toString(), QStringLiteral("Paused"));
        QCOMPARE(model.data(model.index(0, TargetTableModel::Health)).toString(), QStringLiteral("Up"));
    }

    void discoveryKind_data()
    {
        QTest::addColumn<QStringList>("labels");  // name=value
        QTest::addColumn<QString>("kind");
        QTest::newRow("static") << QStringList{"__address__=a:1", "job=x"} << QString();
        QTest::newRow("file") << QStringList{"__address__=a:1", "__meta_filepath=/x.json", "__meta_custom=1"}
                              << QStringLiteral("file_sd");
        QTest::newRow("http") << QStringList{"__address__=a:1", "__meta_url=http://sd"} << QStringLiteral("http_sd");
        QTest::newRow("dns") << QStringList{"__address__=a:1", "__meta_dns_name=_x._tcp.example"} << QStringLiteral("dns_sd");
        QTest::newRow("kubernetes") << QStringList{"__address__=a:1", "__meta_kubernetes_pod_name=p"}
                                    << QStringLiteral("kubernetes_sd");
    }
    void discoveryKind()
    {
        QFETCH(QStringList, labels);
        QFETCH(QString, kind);
        std::vector<vigil::model::Label> list;
        for (const QString &l : labels) list.push_back({l.section('=', 0, 0).toStdString(), l.section('=', 1).toStdString()});
        QCOMPARE(TargetTableModel::discoveryKind(vigil::model::Labels::fromUnsorted(list)), kind);
    }

    void bulkActionsImportExport()
    {
        QVERIFY2(QFile::exists(QStringLiteral("/usr/bin/prometheus-node-exporter")), "prometheus-node-exporter is required");
        const quint16 port = freePort();
        QProcess node;
        node.start(QStringLiteral("/usr/bin/prometheus-node-exporter"),
                   {QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port)});
        QVERIFY(node.waitForStarted(5000));
        auto killNode = qScopeGuard([&] {
            node.kill();
            node.waitForFinished(5000);
        });
        QTemporaryDir dir;
        vigil::config::EngineOptions o;
        o.storagePath = dir.filePath(QStringLiteral("data")).toStdString();
        o.webEnabled = false;
        Engine engine(o);
        engine.setNodeExporterAddress(QStringLiteral("127.0.0.1:1"));
        TargetsPage page(&engine);
        engine.start();
        QTRY_COMPARE(engine.state(), Engine::State::Running);

        // Import: two static targets of two jobs; a file_sd job is reported, not imported.
        const QString yml = dir.filePath(QStringLiteral("in.yml"));
        {
            QFile f(yml);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral("scrape_configs:\n"
                                   "  - job_name: node-a\n    scrape_interval: 5s\n    scrape_timeout: 5s\n"
                                   "    static_configs: [{targets: ['127.0.0.1:%1'], labels: {zone: a}}]\n"
                                   "  - job_name: node-b\n"
                                   "    static_configs: [{targets: ['localhost:%1']}]\n"
                                   "  - job_name: discovered\n    file_sd_configs: [{files: [x.json]}]\n")
                        .arg(port)
                        .toUtf8());
        }
        QSignalSpy imported(&page, &TargetsPage::importFinished);
        page.importFile(yml);
        QVERIFY(imported.wait(20000));
        const QString report = imported.first().first().toString();
        QVERIFY2(report.contains(QStringLiteral("Imported 2 of 2")), qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("discovered")) && report.contains(QStringLiteral("file_sd_configs")),
                 qPrintable(report));
        QTRY_COMPARE(page.model()->rowCount(), 2);
        QTRY_VERIFY(page.storedTargetAt(0) && page.storedTargetAt(1));
        QTRY_COMPARE_WITH_TIMEOUT(page.model()->target(0).health.health, vigil::scrape::HealthState::Up, 20000);

        // Filter box.
        page.filter()->setText(QStringLiteral("node-b"));
        QCOMPARE(page.view()->model()->rowCount(), 1);
        page.filter()->clear();
        QCOMPARE(page.view()->model()->rowCount(), 2);

        // Multi-selection: change interval, test, pause, resume.
        page.view()->selectAll();
        QCOMPARE(page.selectedStoredTargets().size(), size_t(2));
        QSignalSpy bulk(&page, &TargetsPage::bulkFinished);
        page.setSelectedInterval(30);
        QVERIFY(bulk.wait(20000));
        QVERIFY2(bulk.last().first().toString().contains(QStringLiteral("2 done, 0 failed")), qPrintable(bulk.last().first().toString()));
        QTRY_VERIFY(page.storedTargetAt(0) && page.storedTargetAt(0)->intervalMs == 30000);
        QTRY_VERIFY(page.storedTargetAt(1) && page.storedTargetAt(1)->intervalMs == 30000);

        page.view()->selectAll();
        page.testSelected();
        QVERIFY(bulk.wait(20000));
        QVERIFY2(bulk.last().first().toString().startsWith(QStringLiteral("Test: 2 OK, 0 failed")), qPrintable(bulk.last().first().toString()));

        page.view()->selectAll();
        page.setSelectedEnabled(false);
        QVERIFY(bulk.wait(20000));
        QTRY_COMPARE(engine.scraper()->targets().size(), size_t(0));  // not scraped any more
        QTRY_COMPARE(page.model()->rowCount(), 2);                     // but still listed
        QTRY_COMPARE(page.model()->data(page.model()->index(0, TargetTableModel::Health)).toString(), QStringLiteral("Paused"));
        page.view()->selectAll();
        page.setSelectedEnabled(true);
        QVERIFY(bulk.wait(20000));
        QTRY_COMPARE(engine.scraper()->targets().size(), size_t(2));

        // Export: promtool accepts it, and it holds both targets.
        const QString out = dir.filePath(QStringLiteral("out.yml"));
        QSignalSpy exported(&page, &TargetsPage::exportFinished);
        page.exportFile(out);
        QVERIFY(exported.wait(20000));
        QVERIFY2(exported.first().first().toBool(), qPrintable(exported.first().at(1).toString()));
        QProcess promtool;
        promtool.start(QStringLiteral("/usr/bin/promtool"), {QStringLiteral("check"), QStringLiteral("config"), out});
        QVERIFY(promtool.waitForFinished(30000));
        QVERIFY2(promtool.exitCode() == 0, promtool.readAllStandardOutput() + promtool.readAllStandardError());
        auto cfg = vigil::scrape::PrometheusConfig::loadFile(out.toStdString());
        QVERIFY(cfg.isOk());
        QCOMPARE(cfg->scrapeConfigs.size(), size_t(2));
        QCOMPARE(cfg->scrapeConfigs[0].scrapeIntervalMs, int64_t(30000));

        // Remove both.
        page.view()->selectAll();
        page.removeSelected(false);
        QVERIFY(bulk.wait(20000));
        QTRY_COMPARE(page.model()->rowCount(), 0);
    }

    // Targets from file_sd_configs of --config.file: listed as discovered,
    // with their labels before and after relabeling; a target dropped by a
    // relabel rule is listed (under "Show dropped targets") with the reason;
    // the rows are read-only but can be copied as a console target; and an
    // edit of the SD file changes the table while the engine runs.
    void discoveredAndDroppedTargets()
    {
        QVERIFY2(QFile::exists(QStringLiteral("/usr/bin/prometheus-node-exporter")), "prometheus-node-exporter is required");
        const quint16 port = freePort();
        const quint16 closed = freePort();
        QProcess node;
        node.start(QStringLiteral("/usr/bin/prometheus-node-exporter"),
                   {QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port)});
        QVERIFY(node.waitForStarted(5000));
        auto killNode = qScopeGuard([&] {
            node.kill();
            node.waitForFinished(5000);
        });
        QTemporaryDir dir;
        const QString sd = dir.filePath(QStringLiteral("targets.json"));
        auto writeSd = [&sd](const QByteArray &json) {
            QFile f(sd);
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
            return f.write(json) == json.size();
        };
        QVERIFY(writeSd(QStringLiteral("[{\"targets\": [\"127.0.0.1:%1\"], \"labels\": {\"env\": \"lab\"}},"
                                       " {\"targets\": [\"127.0.0.1:%2\"], \"labels\": {\"env\": \"retired\"}}]")
                            .arg(port)
                            .arg(closed)
                            .toUtf8()));
        const QString yml = dir.filePath(QStringLiteral("prometheus.yml"));
        {
            QFile f(yml);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral("global: {scrape_interval: 1s, scrape_timeout: 1s}\n"
                                   "scrape_configs:\n"
                                   "  - job_name: sd\n"
                                   "    file_sd_configs: [{files: ['%1']}]\n"
                                   "    relabel_configs:\n"
                                   "      - {source_labels: [env], regex: retired, action: drop}\n"
                                   "      - {source_labels: [__meta_filepath], target_label: sd_file}\n")
                        .arg(sd)
                        .toUtf8());
        }
        vigil::config::EngineOptions o;
        o.storagePath = dir.filePath(QStringLiteral("data")).toStdString();
        o.configFile = yml.toStdString();
        o.webEnabled = false;
        Engine engine(o);
        engine.setNodeExporterAddress(QStringLiteral("127.0.0.1:1"));
        TargetsPage page(&engine);
        page.resize(1200, 600);
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        engine.start();
        QTRY_COMPARE(engine.state(), Engine::State::Running);

        TargetTableModel *model = page.model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 10000);
        QCOMPARE(model->activeCount(), 1);
        auto text = [model](int row, int column) { return model->data(model->index(row, column)).toString(); };
        // The scraped one: discovered by file_sd, labels after relabeling, both label sets in the tooltip.
        QCOMPARE(text(0, TargetTableModel::Source), QStringLiteral("Discovered (file_sd)"));
        QCOMPARE(model->data(model->index(0, 0), TargetTableModel::DiscoveryRole).toString(), QStringLiteral("file_sd"));
        QVERIFY2(text(0, TargetTableModel::Labels).contains(QStringLiteral("env=\"lab\"")), qPrintable(text(0, TargetTableModel::Labels)));
        QVERIFY(text(0, TargetTableModel::Labels).contains(QStringLiteral("sd_file=\"%1\"").arg(sd)));
        const QString tip = model->data(model->index(0, TargetTableModel::Endpoint), Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("__meta_filepath=\"%1\"").arg(sd)), qPrintable(tip));
        QVERIFY(tip.contains(QStringLiteral("__address__=\"127.0.0.1:%1\"").arg(port)));
        QVERIFY(tip.indexOf(QStringLiteral("sd_file=")) > tip.indexOf(QStringLiteral("after relabeling")));
        QTRY_COMPARE_WITH_TIMEOUT(model->target(0).health.health, vigil::scrape::HealthState::Up, 20000);
        // The dropped one, with the reason.
        QVERIFY(model->isDropped(1));
        QCOMPARE(text(1, TargetTableModel::Health), QStringLiteral("Dropped"));
        QCOMPARE(text(1, TargetTableModel::Job), QStringLiteral("sd"));
        QCOMPARE(text(1, TargetTableModel::Endpoint), QStringLiteral("127.0.0.1:%1").arg(closed));
        QCOMPARE(text(1, TargetTableModel::Error), QStringLiteral("dropped by relabel_configs"));
        QCOMPARE(text(1, TargetTableModel::Source), QStringLiteral("Discovered (file_sd)"));
        QVERIFY(model->data(model->index(1, TargetTableModel::Job), Qt::ToolTipRole).toString().contains(QStringLiteral("env=\"retired\"")));
        // Hidden unless asked for.
        QCOMPARE(page.view()->model()->rowCount(), 1);
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("summary"))->text().contains(QStringLiteral("1 dropped")));
        page.showDroppedBox()->setChecked(true);
        QCOMPARE(page.view()->model()->rowCount(), 2);
        page.filter()->setText(QStringLiteral("relabel_configs"));
        QCOMPARE(page.view()->model()->rowCount(), 1);
        page.filter()->clear();
        page.showDroppedBox()->setChecked(false);
        QCOMPARE(page.view()->model()->rowCount(), 1);

        // Read-only: no edit or remove; "Copy as console target" fills the form from it.
        page.view()->selectRow(0);
        QVERIFY(page.storedTargetAt(0) == nullptr);
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("editTarget"))->isEnabled());
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("removeTarget"))->isEnabled());
        TargetDialog *copy = page.copySelectedAsConsoleTarget();
        QVERIFY(copy);
        QCOMPARE(copy->findChild<QLineEdit *>(QStringLiteral("address"))->text(), QStringLiteral("127.0.0.1:%1").arg(port));
        QCOMPARE(copy->findChild<QLineEdit *>(QStringLiteral("job"))->text(), QStringLiteral("sd-static"));
        const QString labels = copy->findChild<QPlainTextEdit *>(QStringLiteral("labels"))->toPlainText();
        QVERIFY2(labels.contains(QStringLiteral("env=lab")) && !labels.contains(QStringLiteral("job=")), qPrintable(labels));
        QSignalSpy saved(copy, &TargetDialog::saved);
        copy->save();
        QVERIFY(saved.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(model->activeCount(), 2, 10000);
        QTRY_VERIFY(page.storedTargetAt(1) != nullptr);
        QCOMPARE(text(1, TargetTableModel::Job), QStringLiteral("sd-static"));
        QCOMPARE(text(1, TargetTableModel::Source), QStringLiteral("Console"));

        // The SD file changes: the table follows without restart.
        QVERIFY(writeSd(QStringLiteral("[{\"targets\": [\"127.0.0.1:%1\", \"localhost:%1\"], \"labels\": {\"env\": \"lab\"}}]")
                            .arg(port)
                            .toUtf8()));
        QTRY_COMPARE_WITH_TIMEOUT(model->activeCount(), 3, 15000);
        QCOMPARE(model->rowCount(), 3);  // nothing dropped any more
        QCOMPARE(text(1, TargetTableModel::Endpoint), QStringLiteral("http://localhost:%1/metrics").arg(port));
        QCOMPARE(text(1, TargetTableModel::Source), QStringLiteral("Discovered (file_sd)"));
        QVERIFY(!page.findChild<QLabel *>(QStringLiteral("summary"))->text().contains(QStringLiteral("dropped")));
    }

    // A body that is not a valid exposition: the Test result says where, as
    // `vigil check metrics` would. Served by a real HTTP server (python3's).
    void testLintsABadExposition()
    {
        QTemporaryDir www;
        {
            QFile f(www.filePath(QStringLiteral("metrics")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("# TYPE ok counter\nok_total 1\nbad{label=\"x\" 2\n");
        }
        const quint16 port = freePort();
        QProcess http;
        http.setWorkingDirectory(www.path());
        http.start(QStringLiteral("python3"), {QStringLiteral("-m"), QStringLiteral("http.server"),
                                               QStringLiteral("--bind"), QStringLiteral("127.0.0.1"), QString::number(port)});
        QVERIFY2(http.waitForStarted(5000), "python3 is required");
        auto stop = qScopeGuard([&] {
            http.kill();
            http.waitForFinished(5000);
        });
        QTemporaryDir dir;
        vigil::config::EngineOptions o;
        o.storagePath = dir.path().toStdString();
        o.webEnabled = false;
        Engine engine(o);
        engine.setNodeExporterAddress(QStringLiteral("127.0.0.1:1"));
        engine.start();
        QTRY_COMPARE(engine.state(), Engine::State::Running);
        TargetDialog d(&engine, vigil::store::StoredTarget{});
        d.findChild<QLineEdit *>(QStringLiteral("address"))->setText(QStringLiteral("127.0.0.1:%1").arg(port));
        d.findChild<QLineEdit *>(QStringLiteral("job"))->setText(QStringLiteral("files"));
        QSignalSpy tested(&d, &TargetDialog::testFinished);
        // The server may need a moment to listen.
        for (int attempt = 0; attempt < 50; ++attempt) {
            tested.clear();
            d.test();
            QVERIFY(tested.wait(15000));
            if (!d.resultText().contains(QStringLiteral("refused"))) break;
            QTest::qWait(100);
        }
        QCOMPARE(tested.first().first().toBool(), false);
        QVERIFY2(d.lintText().contains(QStringLiteral("found a problem at 3:")), qPrintable(d.lintText()));
    }

    // TLS options of the form reach the scrape: a node exporter serving
    // HTTPS with a certificate for "vigil.test" only (made by openssl here).
    void testTlsOptionsAgainstNodeExporter()
    {
        QTemporaryDir tls;
        QProcess openssl;
        openssl.setWorkingDirectory(tls.path());
        openssl.start(QStringLiteral("openssl"),
                      {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
                       "key.pem", "-out", "cert.pem", "-days", "2", "-subj", "/CN=vigil.test", "-addext",
                       "subjectAltName=DNS:vigil.test"});
        QVERIFY2(openssl.waitForFinished(20000) && openssl.exitCode() == 0, "the openssl command line tool is required");
        {
            QFile f(tls.filePath(QStringLiteral("web.yml")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral("tls_server_config:\n  cert_file: %1\n  key_file: %2\n")
                        .arg(tls.filePath(QStringLiteral("cert.pem")), tls.filePath(QStringLiteral("key.pem")))
                        .toUtf8());
        }
        const quint16 port = freePort();
        QProcess node;
        node.start(QStringLiteral("/usr/bin/prometheus-node-exporter"),
                   {QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port),
                    QStringLiteral("--web.config.file=") + tls.filePath(QStringLiteral("web.yml"))});
        QVERIFY(node.waitForStarted(5000));
        auto killNode = qScopeGuard([&] {
            node.kill();
            node.waitForFinished(5000);
        });
        QTemporaryDir dir;
        vigil::config::EngineOptions o;
        o.storagePath = dir.path().toStdString();
        o.webEnabled = false;
        Engine engine(o);
        engine.setNodeExporterAddress(QStringLiteral("127.0.0.1:1"));
        engine.start();
        QTRY_COMPARE(engine.state(), Engine::State::Running);
        TargetDialog d(&engine, vigil::store::StoredTarget{});
        d.findChild<QLineEdit *>(QStringLiteral("address"))->setText(QStringLiteral("https://127.0.0.1:%1/metrics").arg(port));
        d.findChild<QLineEdit *>(QStringLiteral("job"))->setText(QStringLiteral("tls"));
        QSignalSpy tested(&d, &TargetDialog::testFinished);
        auto run = [&] {
            tested.clear();
            d.test();
            return tested.wait(15000) && tested.first().first().toBool();
        };
        // Wait until the exporter listens (a refused connection is not a TLS answer).
        for (int i = 0; i < 50; ++i) {
            run();
            if (!d.resultText().contains(QStringLiteral("refused"))) break;
            QTest::qWait(100);
        }
        QVERIFY2(!tested.first().first().toBool(), qPrintable(d.resultText()));  // untrusted certificate
        d.findChild<QLineEdit *>(QStringLiteral("caFile"))->setText(tls.filePath(QStringLiteral("cert.pem")));
        QVERIFY2(!run(), qPrintable(d.resultText()));  // trusted, but issued for vigil.test, not 127.0.0.1
        d.findChild<QLineEdit *>(QStringLiteral("serverName"))->setText(QStringLiteral("vigil.test"));
        QVERIFY2(run(), qPrintable(d.resultText()));
        d.findChild<QLineEdit *>(QStringLiteral("caFile"))->clear();
        d.findChild<QLineEdit *>(QStringLiteral("serverName"))->clear();
        d.findChild<QCheckBox *>(QStringLiteral("insecure"))->setChecked(true);
        QVERIFY2(run(), qPrintable(d.resultText()));
    }
};

QTEST_MAIN(TestTargetsPage)
#include "tst_targets_page.moc"
