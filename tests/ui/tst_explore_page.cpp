// The PromQL editor (completion, highlighting, error underlining) and the
// Explore page, against a real engine scraping a real node exporter.
#include "../support/scraped_engine.h"

#include "dashboards/dashboard_library.h"
#include "dashboards/dashboard_view.h"
#include "dashboards/panel_frame.h"
#include "editor/completion_context.h"
#include "editor/promql_editor.h"
#include "editor/promql_highlighter.h"
#include "models/instant_result_model.h"
#include "models/series_table_model.h"
#include "pages/add_to_dashboard_dialog.h"
#include "pages/dashboards_page.h"
#include "pages/explore_page.h"
#include "pages/metrics_explorer_dialog.h"
#include "ui_settings.h"
#include "widgets/graph_panel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QCheckBox>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeWidget>

using namespace vigil::ui;
using Kind = CompletionContext::Kind;
using ItemKind = CompletionItem::Kind;

namespace {

bool has(const QList<CompletionItem> &items, const QString &text, ItemKind kind)
{
    return std::any_of(items.begin(), items.end(), [&](const CompletionItem &i) { return i.text == text && i.kind == kind; });
}

}  // namespace

class TestExplorePage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);  // history goes to a test settings file
        QVERIFY2(QFile::exists(QStringLiteral("/usr/bin/prometheus-node-exporter")),
                 "prometheus-node-exporter is required (packaging/dev.sh installs it)");
        fixture_ = std::make_unique<vigil::testing::ScrapedEngine>();
        QVERIFY2(fixture_->ok(), "the engine did not scrape the node exporter");
    }
    void cleanupTestCase() { fixture_.reset(); }

    void completionContext_data()
    {
        QTest::addColumn<QString>("text");  // '|' marks the cursor
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QString>("label");
        QTest::newRow("metric") << "rat|" << int(Kind::MetricOrFunction) << "rat" << "" << "";
        QTest::newRow("middle") << "rate(node_cp|[5m])" << int(Kind::MetricOrFunction) << "node_cp" << "" << "";
        QTest::newRow("label name") << "up{jo|" << int(Kind::LabelName) << "jo" << "up" << "";
        QTest::newRow("second label") << "up{job=\"a\", ins|}" << int(Kind::LabelName) << "ins" << "up" << "";
        QTest::newRow("label value") << "up{job=\"no|" << int(Kind::LabelValue) << "no" << "up" << "job";
        QTest::newRow("regex value") << "x{mode!~\"id|\"}" << int(Kind::LabelValue) << "id" << "x" << "mode";
        QTest::newRow("value no quote") << "x{mode=|" << int(Kind::LabelValue) << "" << "x" << "mode";
        QTest::newRow("no metric") << "{job=\"a\",mo|" << int(Kind::LabelName) << "mo" << "" << "";
        QTest::newRow("by") << "sum by (ins|" << int(Kind::LabelName) << "ins" << "" << "";
        QTest::newRow("after by") << "sum by (job) (ra|" << int(Kind::MetricOrFunction) << "ra" << "" << "";
        QTest::newRow("duration") << "rate(x[5|" << int(Kind::None) << "" << "" << "";
        QTest::newRow("string arg") << "label_join(x, \"ab|" << int(Kind::None) << "" << "" << "";
        QTest::newRow("comment") << "x # rat|" << int(Kind::None) << "" << "" << "";
        QTest::newRow("number") << "x > 12|" << int(Kind::None) << "" << "" << "";
    }
    void completionContext()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        QFETCH(QString, prefix);
        QFETCH(QString, metric);
        QFETCH(QString, label);
        const int cursor = int(text.indexOf(QLatin1Char('|')));
        text.remove(cursor, 1);
        const CompletionContext c = completionContextAt(text, cursor);
        QCOMPARE(int(c.kind), kind);
        if (kind == int(Kind::None)) return;
        QCOMPARE(c.prefix, prefix);
        QCOMPARE(c.metric, metric);
        QCOMPARE(c.label, label);
        QCOMPARE(c.replaceStart + int(prefix.size()), cursor);
    }

    void editorCompletesFromTheEngine_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("kind");
        QTest::newRow("metric name") << "node_cpu_sec|" << "node_cpu_seconds_total" << int(ItemKind::Metric);
        QTest::newRow("metric in call") << "rate(node_cpu_sec|[1m])" << "node_cpu_seconds_total" << int(ItemKind::Metric);
        QTest::newRow("function") << "irat|" << "irate" << int(ItemKind::Function);
        QTest::newRow("aggregation") << "su|" << "sum" << int(ItemKind::Aggregation);
        QTest::newRow("label name") << "node_cpu_seconds_total{mo|" << "mode" << int(ItemKind::Label);
        QTest::newRow("label value") << "node_cpu_seconds_total{mode=\"id|" << "idle" << int(ItemKind::LabelValue);
        QTest::newRow("job value") << "up{job=~\"|\"}" << "node" << int(ItemKind::LabelValue);
        QTest::newRow("grouping") << "sum by (inst|) (up)" << "instance" << int(ItemKind::Label);
    }
    void editorCompletesFromTheEngine()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QFETCH(int, kind);
        const int cursor = int(text.indexOf(QLatin1Char('|')));
        text.remove(cursor, 1);
        PromqlEditor editor(fixture_->engine());
        editor.setPlainText(text);
        QSignalSpy ready(&editor, &PromqlEditor::completionsReady);
        editor.requestCompletions(cursor, false);
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() > 0, 10000);
        const auto items = editor.lastCompletions();
        QVERIFY2(has(items, expected, ItemKind(kind)), qPrintable(QStringLiteral("%1 items").arg(items.size())));
        if (kind == int(ItemKind::Function)) {
            const auto it = std::find_if(items.begin(), items.end(), [&](const CompletionItem &i) { return i.text == expected; });
            QCOMPARE(it->detail, QStringLiteral("irate(range vector) → instant vector"));
            QVERIFY(!it->doc.isEmpty());
        }
        if (kind == int(ItemKind::Label)) QVERIFY(!has(items, QStringLiteral("__name__"), ItemKind::Label));
        if (kind == int(ItemKind::LabelValue) && expected == QLatin1String("idle"))
            QVERIFY(!has(items, QStringLiteral("node"), ItemKind::LabelValue));  // values of "mode" only
    }

    void errorIsUnderlined_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("at");  // the underlined text starts with this
        QTest::addColumn<QString>("message");
        QTest::newRow("operator") << "foo + * bar" << "*" << "unexpected <op:*>";
        QTest::newRow("after utf-8") << "foo{a=\"한국어\"} + * bar" << "*" << "unexpected <op:*>";
        QTest::newRow("type") << "rate(foo)" << "foo" << "expected type range vector";
        QTest::newRow("unclosed") << "sum(rate(x[5m])" << ")" << "unclosed left parenthesis";
    }
    void errorIsUnderlined()
    {
        QFETCH(QString, query);
        QFETCH(QString, at);
        QFETCH(QString, message);
        PromqlEditor editor(nullptr);
        QSignalSpy changed(&editor, &PromqlEditor::parseErrorChanged);
        editor.setPlainText(query);
        QVERIFY(changed.wait(2000));  // parsed after the typing pause, without checkNow()
        QVERIFY2(editor.parseError().contains(message), qPrintable(editor.parseError()));
        const auto sels = editor.extraSelections();
        QCOMPARE(sels.size(), 1);
        QCOMPARE(sels.first().format.underlineStyle(), QTextCharFormat::WaveUnderline);
        const int start = sels.first().cursor.selectionStart();
        QCOMPARE(start, editor.errorRange().first);
        QVERIFY2(query.mid(start).startsWith(at), qPrintable(QStringLiteral("underline at %1").arg(start)));
        // Fixing the query removes the underline.
        editor.setPlainText(QStringLiteral("foo + bar"));
        editor.checkNow();
        QVERIFY(editor.parseError().isEmpty());
        QVERIFY(editor.extraSelections().isEmpty());
    }

    void highlighting()
    {
        PromqlEditor editor(nullptr);
        editor.setPlainText(QStringLiteral("sum by (job) (rate(foo{mode=\"idle\"}[5m])) > 2 # x"));
        using R = PromqlHighlighter::Role;
        PromqlHighlighter *h = editor.highlighter();
        QCOMPARE(h->roleAt(0), R::Keyword);     // sum
        QCOMPARE(h->roleAt(14), R::Function);   // rate
        QCOMPARE(h->roleAt(19), R::Metric);     // foo
        QCOMPARE(h->roleAt(23), R::Label);      // mode
        QCOMPARE(h->roleAt(28), R::String);     // "idle"
        QCOMPARE(h->roleAt(36), R::Number);     // 5m
        QCOMPARE(h->roleAt(42), R::Operator);   // >
        QCOMPARE(h->roleAt(48), R::Comment);
    }

    void instantResultModel()
    {
        InstantResultModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        vigil::promql::Vector v;
        v.push_back({vigil::model::Labels{{"__name__", "up"}, {"job", "a"}}, 1000, 1});
        v.push_back({vigil::model::Labels{{"__name__", "up"}, {"job", "b"}}, 1000, 0.5});
        model.setResult(v);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0, 0), Qt::DisplayRole).toString(), QStringLiteral("up{job=\"a\"}"));
        QCOMPARE(model.data(model.index(1, 1), Qt::DisplayRole).toString(), QStringLiteral("0.5"));
        model.setResult(vigil::promql::Scalar{1000, 3});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0, 1), Qt::DisplayRole).toString(), QStringLiteral("3"));
        vigil::promql::Matrix m(1);
        m[0].metric = vigil::model::Labels{{"a", "b"}};
        m[0].points = {{1000, 1}, {2000, 2}};
        model.setResult(m);
        QCOMPARE(model.data(model.index(0, 1), Qt::DisplayRole).toString().count(QLatin1Char('\n')), 1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void exploreRunsTableGraphAndExplain()
    {
        ExplorePage page(fixture_->engine());
        page.resize(1200, 800);
        page.show();
        QSignalSpy finished(&page, &ExplorePage::finished);
        page.editor()->setPlainText(QStringLiteral("up{job=\"node\"}"));

        page.setView(ExplorePage::View::Table);
        page.run();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() > 0, 10000);
        QCOMPARE(finished.last().first().toString(), QString());
        QCOMPARE(page.tableModel()->rowCount(), 1);
        QVERIFY(page.tableModel()->data(page.tableModel()->index(0, 0), Qt::DisplayRole).toString().contains(QStringLiteral("job=\"node\"")));
        QCOMPARE(UiSettings::queryHistory().first(), QStringLiteral("up{job=\"node\"}"));

        finished.clear();
        page.findChild<QLineEdit *>(QStringLiteral("legendTemplate"))->setText(QStringLiteral("{{job}} on {{instance}}"));
        page.setView(ExplorePage::View::Graph);  // switching views reruns the query there
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() > 0, 10000);
        QCOMPARE(page.graph()->legendModel()->rowCount(), 1);
        QVERIFY(page.graph()->legendModel()->row(0).name.startsWith(QStringLiteral("node on 127.0.0.1:")));

        finished.clear();
        page.editor()->setPlainText(QStringLiteral("sum(up) * 2"));
        page.setView(ExplorePage::View::Explain);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() > 0, 10000);
        QTreeWidget *tree = page.explainTree();
        QCOMPARE(tree->topLevelItemCount(), 1);
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("sum(up) * 2"));
        QCOMPARE(tree->topLevelItem(0)->childCount(), 2);
        QCOMPARE(tree->topLevelItem(0)->child(0)->child(0)->text(0), QStringLiteral("up"));
    }

    void exploreCancelsASlowQuery()
    {
        ExplorePage page(fixture_->engine());
        QSignalSpy finished(&page, &ExplorePage::finished);
        page.setView(ExplorePage::View::Table);
        page.editor()->setPlainText(QStringLiteral("count_over_time((vector(1) * 2)[7d:1ms])"));
        page.run();
        QVERIFY(page.isRunning());
        auto *cancel = page.findChild<QPushButton *>(QStringLiteral("cancelButton"));
        QVERIFY(cancel->isEnabled());
        QTest::qWait(200);
        QVERIFY(page.isRunning());  // still evaluating: the GUI did not wait for it
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(!page.isRunning());
        QCOMPARE(page.statusText(), QStringLiteral("Cancelled."));
        QVERIFY(!cancel->isEnabled());
    }

    void metricsExplorer()
    {
        MetricsExplorerDialog dialog(fixture_->engine());
        QSignalSpy loaded(&dialog, &MetricsExplorerDialog::loaded);
        QVERIFY(loaded.wait(10000));
        QAbstractItemModelTester tester(dialog.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        dialog.searchField()->setText(QStringLiteral("node_cpu_seconds_tot"));
        QCOMPARE(dialog.proxy()->rowCount(), 1);
        QCOMPARE(dialog.proxy()->index(0, 1).data().toString(), QStringLiteral("counter"));
        QVERIFY(!dialog.proxy()->index(0, 2).data().toString().isEmpty());
        // Help text is searchable too.
        dialog.searchField()->setText(QStringLiteral("seconds the CPUs spent"));
        QVERIFY(dialog.proxy()->rowCount() >= 1);
    }

    // "Add to dashboard": the query lands in app.db as a graph panel of an
    // existing (here built-in) or a new dashboard, and the Dashboards page,
    // shown again, shows it and runs it.
    void addToDashboard()
    {
        vigil::runtime::Engine *engine = fixture_->engine();
        const QString expr = QStringLiteral("sum by (mode) (node_cpu_seconds_total)");
        auto cleanup = qScopeGuard([engine] {
            dashboard_library::remove(engine->appStore(), QStringLiteral("operations"));
            dashboard_library::remove(engine->appStore(), QStringLiteral("explore-picks"));
        });

        // The Dashboards page has "operations" open, then another page is shown.
        DashboardsPage dashboards(engine);
        dashboards.resize(1200, 800);
        QSignalSpy listed(&dashboards, &DashboardsPage::listLoaded);
        dashboards.show();
        QVERIFY(listed.wait(10000));
        QVERIFY(dashboards.openDashboard(QStringLiteral("operations")));
        const qsizetype before = dashboards.view()->dashboard().panels.size();
        QVERIFY(before > 0);
        int bottom = 0;
        for (const auto &p : dashboards.view()->dashboard().panels) bottom = std::max(bottom, p.grid.bottom() + 1);
        dashboards.hide();

        ExplorePage page(engine);
        page.show();
        auto *button = page.findChild<QToolButton *>(QStringLiteral("addToDashboardButton"));
        page.editor()->setPlainText(QString());
        QVERIFY(!button->isEnabled());
        QVERIFY(page.addToDashboard() == nullptr);
        page.editor()->setPlainText(expr);
        QVERIFY(button->isEnabled());
        page.findChild<QLineEdit *>(QStringLiteral("legendTemplate"))->setText(QStringLiteral("{{mode}}"));
        QSignalSpy added(&page, &ExplorePage::addedToDashboard);

        AddToDashboardDialog *dialog = page.addToDashboard();
        QVERIFY(dialog);
        QSignalSpy loaded(dialog, &AddToDashboardDialog::loaded);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(dialog->errorText(), QString());
        QVERIFY(dialog->titleField()->text() == expr);  // the query is the default title
        QVERIFY(dialog->selectDashboard(QStringLiteral("operations")));
        QVERIFY(!dialog->newTitleField()->isEnabled());
        dialog->titleField()->setText(QStringLiteral("CPU by mode"));
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(added.wait(10000));
        QCOMPARE(added.first().first().toString(), QStringLiteral("operations"));
        QVERIFY2(page.statusText().contains(QStringLiteral("CPU by mode")), qPrintable(page.statusText()));

        // In app.db: the built-in now has a saved copy with the panel below the others.
        auto stored = dashboard_library::find(engine->appStore(), QStringLiteral("operations"));
        QVERIFY(stored.isOk());
        QCOMPARE(stored->panels.size(), before + 1);
        const DashboardPanel &p = stored->panels.last();
        QCOMPARE(p.type, PanelType::Graph);
        QCOMPARE(p.config.title, QStringLiteral("CPU by mode"));
        QCOMPARE(p.config.queries.size(), 1);
        QCOMPARE(p.config.queries.first().expr, expr);
        QCOMPARE(p.config.queries.first().legend, QStringLiteral("{{mode}}"));
        QCOMPARE(p.grid, QRect(0, bottom, 12, 6));
        QCOMPARE(p.config.lastSeconds, stored->rangeSeconds);

        // The Dashboards page, shown again, shows the stored version and runs the new panel.
        dashboards.show();
        QTRY_COMPARE_WITH_TIMEOUT(dashboards.view()->dashboard().panels.size(), before + 1, 10000);
        PanelFrame *frame = dashboards.view()->panelFrame(int(before));
        QVERIFY(frame);
        QCOMPARE(frame->panel().config.queries.first().expr, expr);
        QTRY_VERIFY_WITH_TIMEOUT(frame->hasData(), 15000);
        QVERIFY(frame->graph() != nullptr);

        // A new dashboard, opened afterwards.
        dashboards.hide();
        added.clear();
        QSignalSpy requested(&page, &ExplorePage::dashboardRequested);
        dialog = page.addToDashboard();
        QSignalSpy loaded2(dialog, &AddToDashboardDialog::loaded);
        QVERIFY(loaded2.wait(10000));
        QVERIFY(dialog->dashboardBox()->findData(QStringLiteral("operations")) > 0);
        QVERIFY(dialog->selectDashboard(QString()));
        QVERIFY(dialog->newTitleField()->isEnabled());
        ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());  // a new dashboard needs a title
        dialog->newTitleField()->setText(QStringLiteral("Explore picks"));
        dialog->findChild<QCheckBox *>(QStringLiteral("openAfter"))->setChecked(true);
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(added.wait(10000));
        QCOMPARE(added.first().first().toString(), QStringLiteral("explore-picks"));
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().first().toString(), QStringLiteral("explore-picks"));
        auto created = dashboard_library::find(engine->appStore(), QStringLiteral("explore-picks"));
        QVERIFY(created.isOk());
        QCOMPARE(created->title.text, QStringLiteral("Explore picks"));
        QCOMPARE(created->panels.size(), 1);
        QCOMPARE(created->panels.first().config.queries.first().expr, expr);
        QCOMPARE(created->panels.first().grid, QRect(0, 0, 12, 6));
        // What the console does on dashboardRequested: show the page and open the dashboard.
        dashboards.show();
        dashboards.openDashboard(QStringLiteral("explore-picks"));
        QTRY_COMPARE_WITH_TIMEOUT(dashboards.currentName(), QStringLiteral("explore-picks"), 10000);
        QCOMPARE(dashboards.view()->dashboard().panels.size(), 1);
    }

    // Without a running engine the dialog says so and offers nothing to press.
    void addToDashboardWithoutEngine()
    {
        QTemporaryDir dir;
        vigil::config::EngineOptions o;
        o.storagePath = dir.path().toStdString();
        o.webEnabled = false;
        vigil::runtime::Engine stopped(o);
        DashboardPanel panel;
        panel.config.title = QStringLiteral("up");
        panel.config.queries = {{QStringLiteral("up"), QString()}};
        AddToDashboardDialog dialog(&stopped, panel);
        QVERIFY(dialog.errorText().contains(QStringLiteral("not running")));
        QVERIFY(!dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    }

private:
    std::unique_ptr<vigil::testing::ScrapedEngine> fixture_;
};

QTEST_MAIN(TestExplorePage)
#include "tst_explore_page.moc"
