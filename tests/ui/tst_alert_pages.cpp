// The Alerts and Rules pages against a running engine (offscreen): rules
// from a rule file fire and pend, the pages show them by tier with the time
// to fire; silences from an alert (1 h, until resolved, expire early) reach
// the notifier; the history from app.db (fired, silenced, silence expired)
// filters by text, tier and time; "until resolved" ends when the alert
// resolves; Open graph; the rule editor validates, backtests (shaded
// intervals) and saves a group the engine runs at once; export passes the
// real `promtool check rules`; the channel forms save quiet hours into the
// notifier's configuration and Send test delivers to a real HTTP receiver
// and a real command. Every model runs under QAbstractItemModelTester.
#include "models/alert_history_model.h"
#include "models/alert_list_model.h"
#include "models/rule_group_model.h"
#include "models/silence_model.h"
#include "notify/notifier.h"
#include "store/secret_store.h"
#include "pages/alerts_page.h"
#include "pages/channels_form.h"
#include "pages/rule_editor_dialog.h"
#include "pages/rules_page.h"
#include "widgets/graph_panel.h"
#include "editor/promql_editor.h"
#include "rules/rule_manager.h"
#include "store/app_store.h"
#include "../engine/notify/webhook_receiver.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>
#include <QTreeView>
#include <QTableView>

using namespace vigil;
using namespace vigil::ui;

namespace {

const char *kRules = R"(groups:
- name: file-group
  interval: 1s
  rules:
  - alert: DiskFull
    expr: vector(1)
    labels: {severity: critical, instance: db1}
    annotations: {summary: disk full on db1}
  - alert: SlowBurn
    expr: vector(2)
    for: 1h
    labels: {severity: warning}
  - alert: Panic
    expr: vector(3)
    labels: {severity: emergency}
  - alert: Blinker
    expr: vector(time() % 10) < 5
    labels: {severity: warning, blink: "yes"}
)";

// Screenshots for the issue (artifacts, not compared).
void saveShot(QWidget *w, const char *name)
{
    const QString dir = qEnvironmentVariable("VIGIL_BINARY_DIR") + QStringLiteral("/artifacts/screenshots");
    QDir().mkpath(dir);
    w->grab().save(dir + QLatin1Char('/') + QLatin1String(name));
}

QModelIndex findFiring(AlertListModel *m, const QString &name)
{
    for (int t = 0; t < m->rowCount(); ++t) {
        const QModelIndex tier = m->index(t, 0);
        for (int i = 0; i < m->rowCount(tier); ++i)
            if (m->rowAt(m->index(i, 0, tier))->alertName == name) return m->index(i, 0, tier);
    }
    return {};
}

bool selectIn(QAbstractItemView *v, const QModelIndex &i)
{
    if (!i.isValid()) return false;
    v->selectionModel()->setCurrentIndex(i, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return true;
}

}  // namespace

class TestAlertPages : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void alertsByTierAndPending();
    void silencesFromAnAlert();
    void untilResolvedEndsWithTheAlert();
    void historyFilters();
    void openGraph();
    void rulesPageAndEditor();
    void channelForms();

private:
    QTemporaryDir dir_;
    std::unique_ptr<runtime::Engine> engine_;
    std::unique_ptr<AlertsPage> alerts_;
};

void TestAlertPages::initTestCase()
{
    QVERIFY(dir_.isValid());
    QFile rules(dir_.filePath(QStringLiteral("rules.yml")));
    QVERIFY(rules.open(QIODevice::WriteOnly));
    rules.write(kRules);
    rules.close();
    QFile cfg(dir_.filePath(QStringLiteral("prometheus.yml")));
    QVERIFY(cfg.open(QIODevice::WriteOnly));
    cfg.write("global:\n  evaluation_interval: 1s\nrule_files: [rules.yml]\nscrape_configs: []\n");
    cfg.close();
    config::EngineOptions o;
    o.storagePath = dir_.filePath(QStringLiteral("data")).toStdString();
    o.configFile = cfg.fileName().toStdString();
    o.webEnabled = false;
    engine_ = std::make_unique<runtime::Engine>(o);
    engine_->setNodeExporterAddress(QStringLiteral("127.0.0.1:1"));
    engine_->start();
    QTRY_COMPARE_WITH_TIMEOUT(engine_->state(), runtime::Engine::State::Running, 30000);
    alerts_ = std::make_unique<AlertsPage>(engine_.get());
    new QAbstractItemModelTester(alerts_->firingModel(), QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    new QAbstractItemModelTester(alerts_->pendingModel(), QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    new QAbstractItemModelTester(alerts_->silenceModel(), QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    new QAbstractItemModelTester(alerts_->historyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    new QAbstractItemModelTester(alerts_->historyFilter(), QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    alerts_->resize(1200, 800);
    alerts_->show();
}

void TestAlertPages::cleanupTestCase()
{
    alerts_.reset();
    QThreadPool::globalInstance()->waitForDone();
    if (engine_) engine_->stop();
}

void TestAlertPages::alertsByTierAndPending()
{
    AlertListModel *f = alerts_->firingModel();
    QTRY_VERIFY_WITH_TIMEOUT(f->count(Tier::Critical) == 1 && f->count(Tier::Emergency) == 1, 20000);
    QCOMPARE(f->rowCount(), kTierCount);
    QCOMPARE(f->index(int(Tier::Critical), 0).data().toString(), QStringLiteral("Critical (1)"));
    const QModelIndex disk = findFiring(f, QStringLiteral("DiskFull"));
    QVERIFY(disk.isValid());
    QCOMPARE(disk.parent().row(), int(Tier::Critical));
    QCOMPARE(disk.siblingAtColumn(AlertListModel::Labels).data().toString(), QStringLiteral("instance=\"db1\""));
    QCOMPARE(disk.siblingAtColumn(AlertListModel::Value).data(Qt::UserRole).toDouble(), 1.0);
    QCOMPARE(disk.siblingAtColumn(AlertListModel::Acknowledged).data().toString(), QStringLiteral("—"));
    QCOMPARE(disk.data(Qt::ToolTipRole).toString(), QStringLiteral("disk full on db1"));
    // Pending: SlowBurn, `for` 1h, fires in just under an hour.
    AlertListModel *p = alerts_->pendingModel();
    QTRY_COMPARE_WITH_TIMEOUT(p->alertCount(), 1, 10000);
    const QModelIndex slow = p->index(0, 0);
    QCOMPARE(slow.data().toString(), QStringLiteral("SlowBurn"));
    const qint64 left = slow.siblingAtColumn(AlertListModel::Since).data(Qt::UserRole).toLongLong();
    QVERIFY2(left > 55 * 60'000 && left <= 60 * 60'000, qPrintable(QString::number(left)));
    QVERIFY(slow.siblingAtColumn(AlertListModel::Since).data().toString().startsWith(QStringLiteral("in ")));
    saveShot(alerts_.get(), "alerts-page-firing.png");
    // The acknowledgement slot takes values by fingerprint.
    f->setAcknowledgements({{f->rowAt(disk)->fingerprint, QStringLiteral("ana: on it")}});
    QCOMPARE(findFiring(f, QStringLiteral("DiskFull")).siblingAtColumn(AlertListModel::Acknowledged).data().toString(),
             QStringLiteral("ana: on it"));
}

void TestAlertPages::silencesFromAnAlert()
{
    alerts_->setTab(AlertsPage::Tab::Firing);
    QVERIFY(selectIn(alerts_->firingView(), findFiring(alerts_->firingModel(), QStringLiteral("DiskFull"))));
    QCOMPARE(alerts_->firingView()->selectionModel()->selectedRows().size(), 1);
    alerts_->commentField()->setText(QStringLiteral("db1 maintenance"));
    QSignalSpy changed(alerts_.get(), &AlertsPage::silenceChanged);
    alerts_->silenceSelected(3'600'000);
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 10000);
    QCOMPARE(changed.takeFirst().at(0).toString(), QString());
    const auto list = engine_->notifier()->silences().list();
    QCOMPARE(list.size(), size_t(1));
    const notify::Silence &s = list.front();
    QCOMPARE(s.comment, std::string("db1 maintenance"));
    QVERIFY(s.isActive(QDateTime::currentMSecsSinceEpoch()));
    const int64_t length = s.endsAtMs - s.startsAtMs;
    QVERIFY(length >= 3'599'000 && length <= 3'601'000);
    QVERIFY(notify::matchesAll(s.matchers, {{"alertname", "DiskFull"}, {"instance", "db1"}, {"severity", "critical"}}));
    QVERIFY(!notify::matchesAll(s.matchers, {{"alertname", "Panic"}, {"severity", "emergency"}}));
    // The page shows it: the silences tab and the alert's Silenced column.
    QTRY_COMPARE_WITH_TIMEOUT(alerts_->silenceModel()->rowCount(), 1, 10000);
    QCOMPARE(alerts_->silenceModel()->index(0, SilenceModel::State).data().toString(), QStringLiteral("active"));
    QTRY_COMPARE_WITH_TIMEOUT(findFiring(alerts_->firingModel(), QStringLiteral("DiskFull"))
                                  .siblingAtColumn(AlertListModel::Silenced)
                                  .data()
                                  .toString(),
                              QStringLiteral("silenced"), 10000);

    // Expire early.
    alerts_->setTab(AlertsPage::Tab::Silences);
    alerts_->silenceView()->selectRow(0);
    alerts_->expireSelectedSilence();
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 10000);
    QCOMPARE(changed.takeFirst().at(0).toString(), QString());
    QVERIFY(!engine_->notifier()->silences().list().front().isActive(QDateTime::currentMSecsSinceEpoch() + 1));
    QTRY_COMPARE_WITH_TIMEOUT(alerts_->silenceModel()->index(0, SilenceModel::State).data().toString(),
                              QStringLiteral("expired"), 10000);
}

void TestAlertPages::untilResolvedEndsWithTheAlert()
{
    // Blinker fires for 5 s of every 10: silence it until resolved while it fires.
    alerts_->setTab(AlertsPage::Tab::Firing);
    QTRY_VERIFY_WITH_TIMEOUT(findFiring(alerts_->firingModel(), QStringLiteral("Blinker")).isValid(), 20000);
    QVERIFY(selectIn(alerts_->firingView(), findFiring(alerts_->firingModel(), QStringLiteral("Blinker"))));
    QSignalSpy changed(alerts_.get(), &AlertsPage::silenceChanged);
    alerts_->silenceSelected(0);
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 10000);
    QCOMPARE(changed.takeFirst().at(0).toString(), QString());
    auto blinkSilence = [&]() -> std::optional<notify::Silence> {
        for (const auto &s : engine_->notifier()->silences().list())
            if (notify::matchesAll(s.matchers, {{"alertname", "Blinker"}, {"blink", "yes"}, {"severity", "warning"}}))
                return s;
        return std::nullopt;
    };
    QVERIFY(blinkSilence().has_value());
    QTRY_VERIFY_WITH_TIMEOUT(alerts_->silenceModel()->rowCount() == 2, 10000);
    bool shown = false;
    for (int r = 0; r < 2; ++r)
        shown |= alerts_->silenceModel()->index(r, SilenceModel::Ends).data().toString() == QStringLiteral("until resolved");
    QVERIFY(shown);
    // The alert resolves within 10 s; the engine expires the silence then.
    QTRY_VERIFY_WITH_TIMEOUT(!blinkSilence()->isActive(QDateTime::currentMSecsSinceEpoch()), 15000);
}

void TestAlertPages::historyFilters()
{
    alerts_->setTab(AlertsPage::Tab::History);
    auto *h = alerts_->historyModel();
    auto hasRow = [&](HistoryRow::Kind kind, const QString &alert) {
        for (int i = 0; i < h->rowCount(); ++i)
            if (h->rowAt(i)->kind == kind && h->rowAt(i)->alert == alert) return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT((alerts_->refreshHistory(), hasRow(HistoryRow::Kind::SilenceExpired, "Blinker")), 15000);
    QVERIFY(hasRow(HistoryRow::Kind::Fired, "DiskFull"));
    QVERIFY(hasRow(HistoryRow::Kind::Fired, "Panic"));
    QVERIFY(hasRow(HistoryRow::Kind::Silenced, "DiskFull"));
    QVERIFY(hasRow(HistoryRow::Kind::SilenceExpired, "DiskFull"));
    QVERIFY(hasRow(HistoryRow::Kind::Resolved, "Blinker"));
    QVERIFY(!hasRow(HistoryRow::Kind::Fired, "SlowBurn"));  // pending only

    auto *f = alerts_->historyFilter();
    const int all = f->rowCount();
    QVERIFY(all >= 6);
    alerts_->historyText()->setText(QStringLiteral("db1 maintenance"));
    QVERIFY(f->rowCount() >= 2);  // silenced + silence expired carry the comment
    for (int i = 0; i < f->rowCount(); ++i)
        QVERIFY(f->index(i, AlertHistoryModel::Alert).data().toString().contains(QStringLiteral("DiskFull")));
    alerts_->historyText()->clear();
    alerts_->historyTier()->setCurrentIndex(alerts_->historyTier()->findData(int(Tier::Emergency)));
    QVERIFY(f->rowCount() >= 1);
    for (int i = 0; i < f->rowCount(); ++i)
        QCOMPARE(f->index(i, AlertHistoryModel::TierColumn).data().toString(), QStringLiteral("Emergency"));
    alerts_->historyTier()->setCurrentIndex(0);
    QCOMPARE(f->rowCount(), all);
    f->setTimeRange(QDateTime::currentMSecsSinceEpoch() + 60'000, 0);  // the future: nothing
    QCOMPARE(f->rowCount(), 0);
    alerts_->historyTime()->setCurrentIndex(3);  // all times
    QCOMPARE(f->rowCount(), all);
}

void TestAlertPages::openGraph()
{
    alerts_->setTab(AlertsPage::Tab::Firing);
    const QModelIndex disk = findFiring(alerts_->firingModel(), QStringLiteral("DiskFull"));
    QVERIFY(selectIn(alerts_->firingView(), disk));
    const qint64 fired = alerts_->firingModel()->rowAt(disk)->firedAtMs;
    QSignalSpy spy(alerts_.get(), &AlertsPage::openGraphRequested);
    alerts_->openGraphOfSelected();
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("vector(1)"));
    QCOMPARE(spy.at(0).at(1).toLongLong(), fired - 3'600'000);
    QVERIFY(spy.at(0).at(2).toLongLong() > fired);
}

void TestAlertPages::rulesPageAndEditor()
{
    RulesPage page(engine_.get());
    new QAbstractItemModelTester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest, &page);
    page.resize(1200, 800);
    page.show();
    RuleGroupModel *m = page.model();
    QTRY_VERIFY_WITH_TIMEOUT(m->indexOfGroup(QStringLiteral("file-group")).isValid(), 10000);
    const QModelIndex fileGroup = m->indexOfGroup(QStringLiteral("file-group"));
    QVERIFY(!RuleGroupModel::isEditable(*m->groupAt(fileGroup)));
    QVERIFY(fileGroup.siblingAtColumn(RuleGroupModel::Source).data().toString().contains(QStringLiteral("read-only")));
    QCOMPARE(m->rowCount(fileGroup), 4);
    QTRY_VERIFY_WITH_TIMEOUT((page.refresh(), m->index(0, RuleGroupModel::Health, m->indexOfGroup("file-group"))
                                                      .data()
                                                      .toString() == QStringLiteral("ok")),
                             10000);
    QVERIFY(m->index(0, RuleGroupModel::State, m->indexOfGroup("file-group")).data().toString().startsWith("firing"));
    QVERIFY(m->index(0, RuleGroupModel::LastEvaluation, m->indexOfGroup("file-group")).data(Qt::UserRole).toLongLong() > 0);
    QVERIFY(selectIn(page.view(), m->indexOfGroup(QStringLiteral("file-group"))));
    QVERIFY(!page.editorForSelected());  // read-only

    std::unique_ptr<RuleEditorDialog> d(page.editorForNewGroup());
    d->groupName()->setText(QStringLiteral("console-group"));
    d->interval()->setText(QStringLiteral("1s"));
    d->ruleName()->setText(QStringLiteral("HighValue"));
    d->exprEditor()->setPlainText(QStringLiteral("vector(5) >"));
    d->forField()->setText(QStringLiteral("2m"));
    d->tierBox()->setCurrentIndex(d->tierBox()->findData(QStringLiteral("critical")));
    d->summaryField()->setText(QStringLiteral("value is {{ $value }}"));
    d->runbookField()->setText(QStringLiteral("https://runbooks.example.org/high"));
    QVERIFY(!d->validate().isEmpty());  // the expression does not parse
    QTRY_VERIFY(!d->exprEditor()->parseError().isEmpty());  // and the editor underlines it
    d->exprEditor()->setPlainText(QStringLiteral("vector(5) > 3"));
    d->forField()->setText(QStringLiteral("two minutes"));
    QVERIFY(d->validate().contains(QStringLiteral("duration")));
    d->forField()->setText(QStringLiteral("2m"));
    QCOMPARE(d->validate(), QString());

    // Backtest over the last hour at 1 s: pending for 2 min, then firing to the end.
    d->backtestRange()->setCurrentIndex(0);
    QSignalSpy bt(d.get(), &RuleEditorDialog::backtestFinished);
    d->backtest();
    QTRY_VERIFY_WITH_TIMEOUT(!bt.isEmpty(), 60000);
    QCOMPARE(bt.at(0).at(0).toString(), QString());
    const auto &r = d->lastBacktest();
    QCOMPARE(r.series.size(), size_t(1));
    QCOMPARE(r.series[0].pending.size(), size_t(1));
    QCOMPARE(r.series[0].firing.size(), size_t(1));
    QCOMPARE(r.series[0].firing[0].startMs - r.series[0].pending[0].startMs, int64_t(120'000));
    QVERIFY(r.series[0].firing[0].open);
    QCOMPARE(std::string(r.series[0].labels.get("severity")), std::string("critical"));
    QCOMPARE(d->shadedIntervals(), 2);
    d->show();
    QTRY_VERIFY_WITH_TIMEOUT(!d->backtestGraph()->isRunning(), 20000);
    saveShot(d.get(), "rule-editor-backtest.png");

    QSignalSpy saved(d.get(), &RuleEditorDialog::saveFinished);
    d->save();
    QTRY_VERIFY_WITH_TIMEOUT(!saved.isEmpty(), 20000);
    QCOMPARE(saved.at(0).at(0).toString(), QString());
    // The engine runs it at once.
    bool running = false;
    for (const auto &g : engine_->rules()->groups())
        if (g.name == "console-group" && g.rules.size() == 1 && g.rules[0].spec.name == "HighValue") running = true;
    QVERIFY(running);
    QTRY_VERIFY_WITH_TIMEOUT((page.refresh(), m->indexOfGroup(QStringLiteral("console-group")).isValid()), 10000);
    QVERIFY(RuleGroupModel::isEditable(*m->groupAt(m->indexOfGroup(QStringLiteral("console-group")))));
    QVERIFY(selectIn(page.view(), m->indexOfGroup(QStringLiteral("console-group"))));
    std::unique_ptr<RuleEditorDialog> again(page.editorForSelected());
    QVERIFY(again);
    QCOMPARE(again->ruleName()->text(), QStringLiteral("HighValue"));
    QCOMPARE(again->forField()->text(), QStringLiteral("2m"));
    QCOMPARE(again->runbookField()->text(), QStringLiteral("https://runbooks.example.org/high"));

    // Export: a rule file promtool accepts.
    const QString exported = dir_.filePath(QStringLiteral("exported.yml"));
    QSignalSpy ex(&page, &RulesPage::exported);
    page.exportTo(exported);
    QTRY_VERIFY_WITH_TIMEOUT(!ex.isEmpty(), 10000);
    QCOMPARE(ex.at(0).at(0).toString(), QString());
    QProcess promtool;
    promtool.start(QStringLiteral("/usr/bin/promtool"), {QStringLiteral("check"), QStringLiteral("rules"), exported});
    QVERIFY(promtool.waitForFinished(30000));
    QVERIFY2(promtool.exitCode() == 0, promtool.readAll().constData());

    // Delete.
    page.setProperty("noConfirm", true);
    QVERIFY(selectIn(page.view(), m->indexOfGroup(QStringLiteral("console-group"))));
    QSignalSpy del(&page, &RulesPage::changed);
    page.deleteSelected();
    QTRY_VERIFY_WITH_TIMEOUT(!del.isEmpty(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!m->indexOfGroup(QStringLiteral("console-group")).isValid(), 10000);
}

void TestAlertPages::channelForms()
{
    vigil::testing::WebhookReceiver rx;
    QVERIFY(rx.listenLoopback());
    store::SecretStore secrets(store::SecretStore::Backend::Memory);
    ChannelsForm form(engine_.get(), &secrets);
    QSignalSpy loaded(&form, &ChannelsForm::loaded);
    form.load();
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 10000);
    const auto &w = form.tier(notify::ConsoleTier::Warning);
    QVERIFY(!form.tier(notify::ConsoleTier::Emergency).quietEnabled);  // emergency has no quiet hours

    // Send test through a typed Slack URL: it goes to the (memory) keychain, the receiver gets the message.
    w.slackUrl->setText(rx.url("/slack"));
    QSignalSpy tested(&form, &ChannelsForm::testFinished);
    form.sendTest(notify::ConsoleTier::Warning);
    QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 20000);
    QVERIFY2(tested.at(0).at(1).toString().contains(QStringLiteral("slack[0]: delivered")),
             qPrintable(tested.at(0).at(1).toString()));
    QCOMPARE(rx.count("/slack"), 1);
    QCOMPARE(secrets.readBlocking("notify-warning-slack").value(), rx.url("/slack").toStdString());
    w.slackUrl->clear();

    const auto &e = form.tier(notify::ConsoleTier::Emergency);
    e.actionCommand->setText(QStringLiteral("/bin/false"));
    form.sendTest(notify::ConsoleTier::Emergency);
    QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 2, 20000);
    QVERIFY2(tested.at(1).at(1).toString().contains(QStringLiteral("action[0]: failed")),
             qPrintable(tested.at(1).at(1).toString()));

    // Save quiet hours and an action: the notifier's configuration has them at once.
    e.actionCommand->setText(QStringLiteral("/bin/true --page"));
    w.quietEnabled->setChecked(true);
    w.quietFrom->setTime(QTime(22, 0));
    w.quietTo->setTime(QTime(7, 0));
    w.quietWeekdaysOnly->setChecked(true);
    QSignalSpy saved(&form, &ChannelsForm::saved);
    form.save();
    QTRY_VERIFY_WITH_TIMEOUT(!saved.isEmpty(), 20000);
    QCOMPARE(saved.at(0).at(0).toString(), QString());
    const notify::NotifyConfig &cfg = engine_->notifier()->config();
    QVERIFY(cfg.timeIntervals.count("quiet-warning"));
    QVERIFY(!cfg.timeIntervals.count("quiet-emergency"));
    const notify::Receiver *em = cfg.findReceiver("tier-emergency");
    QVERIFY(em);
    QCOMPARE(em->actionConfigs.size(), size_t(1));
    QCOMPARE(em->actionConfigs[0].args, std::vector<std::string>{"--page"});
    // Stored in app.db without any secret value.
    auto docs = engine_->appStore()->documents(notify::kConsoleNotifyDocKind);
    QVERIFY(docs.isOk() && docs->size() == 1);
    QVERIFY(!QString::fromStdString(docs->front().json).contains(QStringLiteral("127.0.0.1")));
    QVERIFY(QString::fromStdString(docs->front().json).contains(QStringLiteral("monday:friday")));
}

QTEST_MAIN(TestAlertPages)
#include "tst_alert_pages.moc"
