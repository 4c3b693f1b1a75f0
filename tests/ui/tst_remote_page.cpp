// Remote data sources and remote_write destinations in the console, against
// a real Prometheus 2.42 on loopback (remote-write receiver on, scraping
// itself) and a real engine scraping a real node exporter:
//  - the Explore page with the Prometheus source chosen: its table model
//    answers what Prometheus's own /api/v1/query answers, its graph reads the
//    remote series, and completion offers the remote metric and label names;
//  - a data source's Test button;
//  - Settings → Remote: a remote_write destination added on the page's model
//    starts sending at once (no restart), shows its queue health, and stops
//    when removed.
#include "../support/peer_process.h"
#include "../support/scraped_engine.h"

#include "data_sources.h"
#include "editor/promql_editor.h"
#include "models/instant_result_model.h"
#include "models/series_table_model.h"
#include "pages/data_source_dialog.h"
#include "pages/explore_page.h"
#include "pages/remote_page.h"
#include "remote/remote_write.h"
#include "widgets/graph_panel.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>

using namespace vigil;
using namespace vigil::ui;

class TestRemotePage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void exploreReadsTheRemoteSource();
    void completionUsesTheRemoteSource();
    void testButton();
    void remoteWriteDestinationAppliesAtOnce();

private:
    std::unique_ptr<testing::ScrapedEngine> fixture_;
    std::unique_ptr<testing::PeerProcess> prometheus_;
    QTemporaryDir dir_;
    QString prom_;
    std::unique_ptr<runtime::DataSourceRegistry> registry_;
};

namespace {

// Prometheus's own instant query answer as "labels value" lines, sorted.
QStringList promInstant(const QString &base, const QString &query)
{
    const auto r = testing::httpRequest("GET", base + QStringLiteral("/api/v1/query?query=") +
                                                   QString::fromUtf8(QUrl::toPercentEncoding(query)));
    QStringList out;
    for (const auto &s : QJsonDocument::fromJson(r.body)[QStringLiteral("data")][QStringLiteral("result")].toArray()) {
        const QJsonObject m = s[QStringLiteral("metric")].toObject();
        std::vector<model::Label> ls;
        for (auto it = m.begin(); it != m.end(); ++it) ls.push_back({it.key().toStdString(), it.value().toString().toStdString()});
        out << QString::fromStdString(model::Labels::fromUnsorted(std::move(ls)).toString()) + QLatin1Char(' ') +
                   s[QStringLiteral("value")].toArray()[1].toString();
    }
    out.sort();
    return out;
}

// The Explore table model's rows as the same lines.
QStringList tableRows(InstantResultModel *m)
{
    QStringList out;
    for (int r = 0; r < m->rowCount(); ++r)
        out << m->data(m->index(r, InstantResultModel::Series), Qt::DisplayRole).toString() + QLatin1Char(' ') +
                   m->data(m->index(r, InstantResultModel::Value), Qt::DisplayRole).toString();
    out.sort();
    return out;
}

}  // namespace

void TestRemotePage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(dir_.isValid());
    fixture_ = std::make_unique<testing::ScrapedEngine>();
    QVERIFY2(fixture_->ok(), "the engine did not scrape the node exporter");
    const quint16 port = testing::freePort();
    prom_ = QStringLiteral("http://127.0.0.1:%1").arg(port);
    QFile cfg(dir_.filePath(QStringLiteral("prometheus.yml")));
    QVERIFY(cfg.open(QIODevice::WriteOnly));
    cfg.write(QStringLiteral("global:\n  scrape_interval: 1s\nscrape_configs:\n- job_name: self\n"
                             "  static_configs:\n  - targets: ['127.0.0.1:%1']\n")
                  .arg(port)
                  .toUtf8());
    cfg.close();
    prometheus_ = std::make_unique<testing::PeerProcess>();
    QVERIFY2(prometheus_->start(QStringLiteral("/usr/bin/prometheus"),
                                {QStringLiteral("--config.file=") + cfg.fileName(),
                                 QStringLiteral("--storage.tsdb.path=") + dir_.filePath(QStringLiteral("prom")),
                                 QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port),
                                 QStringLiteral("--web.enable-remote-write-receiver")},
                                dir_.filePath(QStringLiteral("prometheus.log")), prom_ + QStringLiteral("/-/ready")),
             "prometheus 2.42 (Debian package \"prometheus\") did not start");
    QTRY_VERIFY_WITH_TIMEOUT(!promInstant(prom_, QStringLiteral("prometheus_build_info")).isEmpty(), 20000);

    registry_ = std::make_unique<runtime::DataSourceRegistry>(fixture_->engine());
    setDataSources(registry_.get());
    runtime::DataSource d;
    d.name = "team";
    d.url = prom_.toStdString();
    QSignalSpy changed(registry_.get(), &runtime::DataSourceRegistry::changed);
    const Status saved = testing::waitFor(registry_->save(d, ""));
    QVERIFY2(saved.isOk(), saved.toString().c_str());
    QTRY_VERIFY(registry_->backend("team") != nullptr);
}

void TestRemotePage::cleanupTestCase()
{
    setDataSources(nullptr);
    registry_.reset();
    prometheus_.reset();
    fixture_.reset();
}

void TestRemotePage::exploreReadsTheRemoteSource()
{
    ExplorePage page(fixture_->engine());
    QCOMPARE(page.dataSourceBox()->count(), 2);  // Local engine, team
    page.dataSourceBox()->setCurrentIndex(page.dataSourceBox()->findData(QStringLiteral("team")));
    QCOMPARE(page.dataSource(), QStringLiteral("team"));
    page.setView(ExplorePage::View::Table);
    for (const QString &q : {QStringLiteral("prometheus_build_info"), QStringLiteral("count by (job) (up) * 3"),
                             QStringLiteral("up{job=\"node\"}")}) {
        page.editor()->setPlainText(q);
        QSignalSpy done(&page, &ExplorePage::finished);
        page.run();
        QVERIFY(done.wait(20000));
        QVERIFY2(done.first().first().toString().isEmpty(), qPrintable(done.first().first().toString()));
        QCOMPARE(tableRows(page.tableModel()), promInstant(prom_, q));
    }
    // The node exporter's series are the local engine's, not Prometheus's.
    QCOMPARE(page.tableModel()->rowCount(), 0);
    // Explain stays with the local engine.
    page.setView(ExplorePage::View::Explain);
    QTRY_VERIFY(page.statusText().contains(QStringLiteral("local engine")));
    // The graph panel reads the remote source too.
    page.editor()->setPlainText(QStringLiteral("prometheus_build_info"));
    page.setView(ExplorePage::View::Graph);
    QSignalSpy refreshed(page.graph(), &GraphPanel::refreshed);
    page.run();
    QVERIFY(refreshed.wait(20000));
    QCOMPARE(page.graph()->config().dataSource, QStringLiteral("team"));
    QVERIFY2(refreshed.first().first().toString().isEmpty(), qPrintable(refreshed.first().first().toString()));
    QCOMPARE(page.graph()->legendModel()->rowCount(), 1);
    // Back to the local engine: node exporter series again.
    page.setDataSource(QString());
    page.setView(ExplorePage::View::Table);
    page.editor()->setPlainText(QStringLiteral("up{job=\"node\"}"));
    QSignalSpy done(&page, &ExplorePage::finished);
    page.run();
    QVERIFY(done.wait(20000));
    QCOMPARE(page.tableModel()->rowCount(), 1);
}

void TestRemotePage::completionUsesTheRemoteSource()
{
    PromqlEditor editor(fixture_->engine());
    auto complete = [&](const QString &text) {
        editor.setPlainText(text);
        QSignalSpy ready(&editor, &PromqlEditor::completionsReady);
        editor.requestCompletions(int(text.size()), false);
        if (ready.isEmpty()) ready.wait(20000);
        QStringList texts;
        for (const auto &i : editor.lastCompletions()) texts << i.text;
        return texts;
    };
    QVERIFY(!complete(QStringLiteral("prometheus_build")).contains(QStringLiteral("prometheus_build_info")));
    editor.setDataSource(QStringLiteral("team"));
    QVERIFY(complete(QStringLiteral("prometheus_build")).contains(QStringLiteral("prometheus_build_info")));
    QVERIFY(complete(QStringLiteral("prometheus_build_info{")).contains(QStringLiteral("goversion")));
    QVERIFY(complete(QStringLiteral("up{job=\"")).contains(QStringLiteral("self")));
    QVERIFY(!complete(QStringLiteral("node_cpu_sec")).contains(QStringLiteral("node_cpu_seconds_total")));
}

void TestRemotePage::testButton()
{
    runtime::DataSource d;
    DataSourceDialog dialog(d);
    dialog.findChild<QLineEdit *>(QStringLiteral("dsName"))->setText(QStringLiteral("x"));
    auto *url = dialog.findChild<QLineEdit *>(QStringLiteral("dsUrl"));
    auto *test = dialog.findChild<QPushButton *>(QStringLiteral("dsTest"));
    url->setText(prom_);
    test->click();
    QTRY_COMPARE_WITH_TIMEOUT(dialog.testResult()->text(), DataSourceDialog::tr("The server answers PromQL queries."), 20000);
    url->setText(QStringLiteral("http://127.0.0.1:%1").arg(testing::freePort()));
    test->click();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.testResult()->text().contains(QStringLiteral("127.0.0.1")), 20000);
    url->setText(QStringLiteral("ftp://nope"));
    QVERIFY(!test->isEnabled());
}

void TestRemotePage::remoteWriteDestinationAppliesAtOnce()
{
    runtime::RemoteWriteDestinations rw(fixture_->engine());
    RemotePage page(fixture_->engine(), &rw, registry_.get());
    QCOMPARE(page.sourcesTable()->rowCount(), 1);
    QCOMPARE(page.sourcesTable()->item(0, 0)->text(), QStringLiteral("team"));

    runtime::StoredRemoteWrite e;
    e.name = "to-prometheus";
    e.yaml = QStringLiteral("url: %1/api/v1/write\nqueue_config:\n  batch_send_deadline: 1s\n"
                            "write_relabel_configs:\n- source_labels: [__name__]\n  regex: up\n  action: keep\n")
                 .arg(prom_)
                 .toStdString();
    // A YAML that carries the password itself is refused (secrets go to the keychain).
    runtime::StoredRemoteWrite leaky = e;
    leaky.yaml += "basic_auth: {username: a, password: b}\n";
    QCOMPARE(testing::waitFor(rw.save(leaky, "")).code(), Status::Code::InvalidArgument);

    QSignalSpy changed(&rw, &runtime::RemoteWriteDestinations::changed);
    const Status saved = testing::waitFor(rw.save(e, ""));
    QVERIFY2(saved.isOk(), saved.toString().c_str());
    QVERIFY(changed.wait(10000) || !changed.isEmpty());
    QCOMPARE(page.destinationsTable()->rowCount(), 1);
    QCOMPARE(page.destinationsTable()->item(0, 0)->text(), QStringLiteral("to-prometheus"));
    // Samples reach Prometheus without a restart, and only the kept metric.
    QTRY_VERIFY_WITH_TIMEOUT(!promInstant(prom_, QStringLiteral("up{job=\"node\"}")).isEmpty(), 30000);
    QVERIFY(promInstant(prom_, QStringLiteral("node_load1")).isEmpty());
    // Queue health on the page.
    page.refreshHealth();
    QTRY_VERIFY_WITH_TIMEOUT(page.destinationsTable()->item(0, 3) &&
                                 page.destinationsTable()->item(0, 3)->text().toInt() >= 1,
                             10000);
    QVERIFY(page.destinationsTable()->item(0, 1)->text().contains(QStringLiteral("/api/v1/write")));
    QCOMPARE(page.destinationsTable()->item(0, 5)->text(), QStringLiteral("0"));

    // Removed: the queue stops and the row goes away.
    QVERIFY(testing::waitFor(rw.remove("to-prometheus")).isOk());
    QTRY_COMPARE_WITH_TIMEOUT(page.destinationsTable()->rowCount(), 0, 10000);
    QVERIFY(fixture_->engine()->remoteWriteHealth().empty());
}

QTEST_MAIN(TestRemotePage)
#include "tst_remote_page.moc"
