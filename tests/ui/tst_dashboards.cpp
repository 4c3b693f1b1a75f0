// Dashboards without an engine: JSON round trip and errors, variable
// expansion, the built-ins' queries parsing, the grid's snapping and mouse
// editing, the table model, the panel editor's threshold syntax, and the
// library over a real app.db.
#include "dashboards/dashboard.h"
#include "dashboards/dashboard_grid.h"
#include "dashboards/dashboard_library.h"
#include "dashboards/panel_data.h"
#include "dashboards/panel_editor_dialog.h"
#include "dashboards/panel_table_model.h"
#include "dashboards/variable_expansion.h"
#include "promql/parser.h"
#include "store/app_store.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil::ui;

namespace {

Dashboard sample()
{
    Dashboard d;
    d.name = QStringLiteral("my-board_1");
    d.title = {QStringLiteral("My board"), {{QStringLiteral("ko"), QStringLiteral("내 보드")}}};
    d.rangeSeconds = 900;
    d.refreshSeconds = 5;
    DashboardVariable v;
    v.name = QStringLiteral("instance");
    v.label = {QStringLiteral("Instance"), {{QStringLiteral("ko"), QStringLiteral("인스턴스")}}};
    v.query = QStringLiteral("label_values(up{job=\"node\"}, instance)");
    v.multi = true;
    v.includeAll = true;
    v.current = {QStringLiteral("a:9100"), QStringLiteral("b:9100")};
    d.variables << v;
    DashboardVariable fixed;
    fixed.name = QStringLiteral("mode");
    fixed.values = {QStringLiteral("idle"), QStringLiteral("user")};
    fixed.current = {QStringLiteral("user")};
    d.variables << fixed;
    int x = 0;
    for (PanelType t : {PanelType::Graph, PanelType::Stat, PanelType::Gauge, PanelType::Table, PanelType::StatusGrid}) {
        DashboardPanel p;
        p.type = t;
        p.grid = QRect(x, 2, 4, 3);
        x += 4;
        p.config.title = panelTypeName(t);
        p.config.queries = {{QStringLiteral("rate(x{instance=~\"$instance\"}[5m])"), QStringLiteral("{{instance}}")}};
        p.config.unit = ValueUnit::Percent;
        p.config.thresholds = PanelConfig::percentThresholds();
        p.config.style = PanelStyle::StackedAreas;
        p.config.lastSeconds = d.rangeSeconds;
        p.titleTranslations.insert(QStringLiteral("ko"), QStringLiteral("패널"));
        p.min = -1;
        p.max = 2;
        d.panels << p;
    }
    return d;
}

QStringList builtinNames()
{
    QStringList names;
    for (const auto &d : dashboard_library::builtins()) names << d.name;
    return names;
}

}  // namespace

class TestDashboards : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void jsonRoundTrip()
    {
        const Dashboard d = sample();
        Dashboard back;
        QString error;
        QVERIFY2(Dashboard::fromJsonBytes(d.toJsonBytes(), &back, &error), qPrintable(error));
        QCOMPARE(back, d);
        QCOMPARE(back.toJsonBytes(), d.toJsonBytes());
        QCOMPARE(back.panels[3].type, PanelType::Table);
        QCOMPARE(back.panels[1].title(QStringLiteral("ko")), QStringLiteral("패널"));
        QCOMPARE(back.panels[1].title(QStringLiteral("en")), QStringLiteral("stat"));
        QCOMPARE(back.title.forLanguage(QStringLiteral("ko")), QStringLiteral("내 보드"));
    }

    void builtinsLoadAndRoundTrip()
    {
        QCOMPARE(builtinNames(), (QStringList{QStringLiteral("developers"), QStringLiteral("executive"), QStringLiteral("operations")}));
        for (const auto &name : builtinNames()) {
            QFile f(QStringLiteral(":/dashboards/%1.json").arg(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            Dashboard d;
            QString error;
            QVERIFY2(Dashboard::fromJsonBytes(f.readAll(), &d, &error), qPrintable(name + QStringLiteral(": ") + error));
            QVERIFY(!d.title.translations.value(QStringLiteral("ko")).isEmpty());
            Dashboard back;
            QVERIFY(Dashboard::fromJsonBytes(d.toJsonBytes(), &back, &error));
            QCOMPARE(back, d);
            for (const auto &p : d.panels) {
                QVERIFY2(!p.titleTranslations.value(QStringLiteral("ko")).isEmpty(), qPrintable(p.config.title));
                QVERIFY(p.grid.right() < Dashboard::kColumns);
                // No two panels overlap.
                for (const auto &o : d.panels) {
                    if (&o != &p) QVERIFY2(!o.grid.intersects(p.grid), qPrintable(name + QStringLiteral(": ") + p.config.title));
                }
            }
        }
        // The installed copies (packaging) are the same files.
        const QString src = qEnvironmentVariable("VIGIL_SOURCE_DIR");
        QVERIFY(!src.isEmpty());
        QFile onDisk(src + QStringLiteral("/resources/dashboards/operations.json"));
        QFile res(QStringLiteral(":/dashboards/operations.json"));
        QVERIFY(onDisk.open(QIODevice::ReadOnly) && res.open(QIODevice::ReadOnly));
        QCOMPARE(res.readAll(), onDisk.readAll());
    }

    // Every query of every built-in parses with Vigil's PromQL parser once its variables are expanded.
    void builtinQueriesParse()
    {
        int queries = 0;
        for (const auto &d : dashboard_library::builtins()) {
            VariableContext c;
            for (const auto &v : d.variables) {
                c.values.insert(v.name, {QStringLiteral("a.b:9100"), QStringLiteral("c")});
                c.regex.insert(v.name, v.multi || v.includeAll);
                LabelValuesQuery lq;
                QVERIFY2(parseLabelValuesQuery(v.query, &lq), qPrintable(v.query));
                QVERIFY(vigil::promql::parseMetricSelector(lq.selector.toStdString()).isOk());
            }
            for (const auto &p : d.panels) {
                QVERIFY(!p.config.queries.isEmpty());
                for (const auto &q : p.config.queries) {
                    const QString expanded = expandVariables(q.expr, c);
                    QVERIFY2(!expanded.contains(QLatin1Char('$')), qPrintable(expanded));
                    const auto r = vigil::promql::parseExpr(expanded.toStdString());
                    QVERIFY2(r.isOk(), qPrintable(d.name + QStringLiteral(" / ") + p.config.title + QStringLiteral(": ") +
                                                   QString::fromStdString(r.status().message())));
                    ++queries;
                }
            }
        }
        QVERIFY(queries >= 25);
    }

    void badJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("not json") << QByteArray("{") << "not valid JSON";
        QTest::newRow("array") << QByteArray("[]") << "must be a JSON object";
        QTest::newRow("no version") << QByteArray(R"({"name":"a"})") << "\"vigilDashboard\"";
        QTest::newRow("newer") << QByteArray(R"({"vigilDashboard":2,"name":"a"})") << "format version 2 is not supported";
        QTest::newRow("bad name") << QByteArray(R"({"vigilDashboard":1,"name":"A b"})") << "\"name\"";
        QTest::newRow("range") << QByteArray(R"({"vigilDashboard":1,"name":"a","range":0})") << "\"range\"";
        QTest::newRow("variable name") << QByteArray(R"({"vigilDashboard":1,"name":"a","variables":[{"name":"1x"}]})")
                                       << "variable \"1x\"";
        QTest::newRow("panel type") << QByteArray(R"({"vigilDashboard":1,"name":"a","panels":[{"type":"pie"}]})")
                                    << "panel 1: unknown type \"pie\"";
        QTest::newRow("grid") << QByteArray(R"({"vigilDashboard":1,"name":"a","panels":[{},{"grid":{"x":20,"w":6}}]})")
                              << "panel 2: \"grid\"";
        QTest::newRow("panel unit") << QByteArray(R"({"vigilDashboard":1,"name":"a","panels":[{"unit":"furlongs"}]})")
                                    << "panel 1: panel: \"unit\"";
        QTest::newRow("gauge scale") << QByteArray(R"({"vigilDashboard":1,"name":"a","panels":[{"min":5,"max":5}]})")
                                     << "\"max\" must be greater";
    }
    void badJson()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        Dashboard d = sample();
        const Dashboard before = d;
        QString message;
        QVERIFY(!Dashboard::fromJsonBytes(json, &d, &message));
        QVERIFY2(message.contains(error), qPrintable(message));
        QCOMPARE(d, before);  // untouched
    }

    void expansion_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<bool>("regex");
        QTest::addColumn<QString>("expected");
        const QStringList one{QStringLiteral("host:9100")};
        QTest::newRow("single") << "up{instance=\"$instance\"}" << one << false << "up{instance=\"host:9100\"}";
        QTest::newRow("braces") << "up{instance=\"${instance}\"}" << one << false << "up{instance=\"host:9100\"}";
        QTest::newRow("string escaping") << "x{a=\"$instance\"}" << QStringList{QStringLiteral("a\"b\\c")} << false
                                         << "x{a=\"a\\\"b\\\\c\"}";
        QTest::newRow("regex one") << "up{instance=~\"$instance\"}" << QStringList{QStringLiteral("a.b:9100")} << true
                                   << "up{instance=~\"a\\\\.b:9100\"}";
        QTest::newRow("regex many") << "up{instance=~\"$instance\"}"
                                    << QStringList{QStringLiteral("a.b"), QStringLiteral("c(d)|e")} << true
                                    << "up{instance=~\"(a\\\\.b|c\\\\(d\\\\)\\\\|e)\"}";
        QTest::newRow("longest name wins") << "x{a=\"$instance2\"}" << one << false << "x{a=\"$instance2\"}";
        QTest::newRow("unknown kept") << "x{a=\"$other\"}" << one << false << "x{a=\"$other\"}";
        QTest::newRow("range") << "rate(x[$__range])" << one << false << "rate(x[3600s])";
        QTest::newRow("range_s") << "x / $__range_s" << one << false << "x / 3600";
        QTest::newRow("interval") << "rate(x[$__interval])" << one << false << "rate(x[15s])";
        QTest::newRow("rate_interval") << "rate(x[$__rate_interval])" << one << false << "rate(x[60s])";
    }
    void expansion()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, values);
        QFETCH(bool, regex);
        QFETCH(QString, expected);
        VariableContext c;
        c.values.insert(QStringLiteral("instance"), values);
        c.regex.insert(QStringLiteral("instance"), regex);
        QCOMPARE(expandVariables(query, c), expected);
    }

    // The expanded regex matches exactly the selected values (RE2 through Vigil's matcher).
    void regexExpansionMatchesLiterally()
    {
        const QStringList values{QStringLiteral("a.b"), QStringLiteral("c(d)|e"), QStringLiteral("x+y*")};
        VariableContext c;
        c.values.insert(QStringLiteral("v"), values);
        c.regex.insert(QStringLiteral("v"), true);
        const auto matchers = vigil::promql::parseMetricSelector(expandVariables(QStringLiteral("{l=~\"$v\"}"), c).toStdString());
        QVERIFY(matchers.isOk());
        const auto &m = matchers->front();
        for (const auto &v : values) QVERIFY2(m.matches(v.toStdString()), qPrintable(v));
        for (const char *other : {"aXb", "c(d)", "e", "xyy", "x+y"}) QVERIFY2(!m.matches(other), other);
    }

    void selection()
    {
        DashboardVariable v;
        v.name = QStringLiteral("i");
        const QStringList avail{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
        QCOMPARE(resolveSelection(v, avail), QStringList{QStringLiteral("a")});  // nothing chosen: the first
        v.current = {QStringLiteral("b"), QStringLiteral("c")};
        QCOMPARE(resolveSelection(v, avail), QStringList{QStringLiteral("b")});  // single-valued keeps one
        v.multi = true;
        QCOMPARE(resolveSelection(v, avail), (QStringList{QStringLiteral("b"), QStringLiteral("c")}));
        v.current = {QStringLiteral("gone")};
        v.includeAll = true;
        QCOMPARE(resolveSelection(v, avail), avail);  // nothing valid with All allowed: all
        v.current = {DashboardVariable::kAllValue};
        QCOMPARE(resolveSelection(v, avail), avail);
    }

    void labelValuesQueries()
    {
        LabelValuesQuery q;
        QVERIFY(parseLabelValuesQuery(QStringLiteral("label_values(instance)"), &q));
        QCOMPARE(q.selector, QString());
        QCOMPARE(q.label, QStringLiteral("instance"));
        QVERIFY(parseLabelValuesQuery(QStringLiteral(" label_values( up{job=\"a,b\"} , instance ) "), &q));
        QCOMPARE(q.selector, QStringLiteral("up{job=\"a,b\"}"));
        QCOMPARE(q.label, QStringLiteral("instance"));
        QVERIFY(!parseLabelValuesQuery(QStringLiteral("query_result(up)"), &q));
        QVERIFY(!parseLabelValuesQuery(QStringLiteral("label_values(up, 1x)"), &q));
    }

    void thresholdColours()
    {
        const auto ts = PanelConfig::percentThresholds();
        QCOMPARE(thresholdColor(10, ts, baseColor()), baseColor());
        QCOMPARE(thresholdColor(70, ts, baseColor()), ts[0].color);
        QCOMPARE(thresholdColor(90, ts, baseColor()), ts[1].color);
        QCOMPARE(thresholdColor(99, ts, baseColor()), ts[2].color);
        QCOMPARE(thresholdColor(qQNaN(), ts, baseColor()), QColor(0x9e, 0x9e, 0x9e));
    }

    void editorThresholdSyntax()
    {
        QList<Threshold> ts;
        QString error;
        QVERIFY(PanelEditorDialog::parseThresholds(QStringLiteral("85 #f57c00, 70 #f2c037"), &ts, &error));
        QCOMPARE(ts.size(), 2);
        QCOMPARE(ts[0].value, 70.0);  // sorted
        QCOMPARE(PanelEditorDialog::thresholdsText(ts), QStringLiteral("70 #f2c037, 85 #f57c00"));
        QVERIFY(!PanelEditorDialog::parseThresholds(QStringLiteral("70 nocolour"), &ts, &error));
        QVERIFY(error.contains(QStringLiteral("70 nocolour")));
    }

    void editorRejectsBadQuery()
    {
        DashboardPanel p;
        p.config.queries = {{QStringLiteral("rate(x{i=~\"$instance\"}[5m])"), {}}};
        PanelEditorDialog dialog(p);
        auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());  // $instance expands to a placeholder
        auto *q = dialog.findChild<QLineEdit *>(QStringLiteral("query0"));
        q->setText(QStringLiteral("rate(x[5m]"));
        QVERIFY(!ok->isEnabled());
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("panelEditorError"))->text().contains(QStringLiteral("Query 1")));
        q->setText(QStringLiteral("sum(up)"));
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.panel().config.queries.front().expr, QStringLiteral("sum(up)"));
    }

    void tableModel()
    {
        PanelTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setItems({{QStringLiteral("a"), 0.25, 0}, {QStringLiteral("b"), 2048, 0}}, ValueUnit::Bytes, {});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(1, PanelTableModel::Value), Qt::DisplayRole).toString(), QStringLiteral("2 KiB"));
        QCOMPARE(model.data(model.index(1, PanelTableModel::Value), Qt::UserRole).toDouble(), 2048.0);
        model.setItems({}, ValueUnit::None, {});
        QCOMPARE(model.rowCount(), 0);
    }

    void itemsFromResults()
    {
        vigil::promql::Vector v;
        v.push_back({vigil::model::Labels{{"__name__", "up"}, {"instance", "a"}}, 0, 1});
        v.push_back({vigil::model::Labels{{"__name__", "up"}, {"instance", "b"}}, 0, 0});
        const auto items = itemsFromValue(v, 2, QStringLiteral("{{instance}}"));
        QCOMPARE(items.size(), 2);
        QCOMPARE(items[1].name, QStringLiteral("b"));
        QCOMPARE(items[1].value, 0.0);
        QCOMPARE(items[1].queryIndex, 2);
        const auto scalar = itemsFromValue(vigil::promql::Scalar{0, 4.5}, 0, QString());
        QCOMPARE(scalar.size(), 1);
        QCOMPARE(scalar[0].value, 4.5);
    }

    void gridSnapsAndDrags()
    {
        DashboardGrid grid;
        grid.resize(24 * 40, 600);  // 40 px per column
        auto *a = new QWidget;
        auto *b = new QWidget;
        grid.addPanel(a, QRect(0, 0, 6, 4));
        grid.addPanel(b, QRect(6, 0, 6, 4));
        grid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&grid));
        QCOMPARE(a->geometry(), grid.pixelRect(QRect(0, 0, 6, 4)));
        QCOMPARE(grid.snapToCells(grid.pixelRect(QRect(3, 2, 5, 3))), QRect(3, 2, 5, 3));
        QCOMPARE(grid.minimumHeight(), 4 * DashboardGrid::kRowHeight + DashboardGrid::kGap);

        QSignalSpy spy(&grid, &DashboardGrid::geometryEdited);
        // Not editing: a drag does nothing.
        QTest::mousePress(a, Qt::LeftButton, {}, QPoint(20, 10));
        QTest::mouseRelease(a, Qt::LeftButton, {}, QPoint(20, 10));
        QCOMPARE(spy.count(), 0);

        grid.setEditing(true);
        // Move: drag the title bar 2 columns right and 1 row down (snaps to whole cells).
        QTest::mousePress(a, Qt::LeftButton, {}, QPoint(20, 10));
        QMouseEvent move(QEvent::MouseMove, QPointF(20 + 83, 10 + DashboardGrid::kRowHeight + 5), a->mapToGlobal(QPointF(0, 0)),
                         Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(a, &move);
        QTest::mouseRelease(a, Qt::LeftButton, {}, a->mapFromParent(a->geometry().topLeft()) + QPoint(20, 10));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toInt(), 0);
        QCOMPARE(spy.at(0).at(1).toRect(), QRect(2, 1, 6, 4));
        QCOMPARE(grid.cells(0), QRect(2, 1, 6, 4));

        // Resize: drag the lower right corner 3 columns wider and 2 rows taller.
        const QPoint corner(b->width() - 5, b->height() - 5);
        QTest::mousePress(b, Qt::LeftButton, {}, corner);
        QMouseEvent grow(QEvent::MouseMove, QPointF(corner + QPoint(120, 2 * DashboardGrid::kRowHeight)), QPointF(),
                         Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(b, &grow);
        QTest::mouseRelease(b, Qt::LeftButton, {}, corner);
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(1).toRect(), QRect(6, 0, 9, 6));
    }

    // Saved dashboards in a real app.db: override a built-in, add one, list, revert.
    void libraryOverAppStore()
    {
        QTemporaryDir dir;
        vigil::store::AppStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("app.db")).toStdString()).isOk());
        auto ops = dashboard_library::find(&store, QStringLiteral("operations"));
        QVERIFY(ops.isOk());
        Dashboard changed = *ops;
        changed.refreshSeconds = 60;
        QVERIFY(dashboard_library::save(&store, changed).isOk());
        QVERIFY(dashboard_library::save(&store, sample()).isOk());
        auto list = dashboard_library::list(&store);
        QVERIFY(list.isOk());
        QCOMPARE(list->size(), 4);
        for (const auto &e : *list) {
            if (e.name == QStringLiteral("operations")) {
                QVERIFY(e.builtin && e.saved);
                QCOMPARE(e.dashboard.refreshSeconds, 60);
            }
        }
        QCOMPARE(*dashboard_library::find(&store, sample().name), sample());
        QVERIFY(dashboard_library::remove(&store, QStringLiteral("operations")).isOk());
        QCOMPARE(dashboard_library::find(&store, QStringLiteral("operations"))->refreshSeconds, ops->refreshSeconds);
        QCOMPARE(dashboard_library::find(&store, QStringLiteral("nope")).status().code(), vigil::Status::Code::NotFound);
        // A stored document that no longer parses is listed with its error, not dropped.
        QVERIFY(store.putDocument("dashboard", {"broken", "{\"vigilDashboard\": 9}", 0}).isOk());
        list = dashboard_library::list(&store);
        bool found = false;
        for (const auto &e : *list) found = found || (e.name == QStringLiteral("broken") && e.error.contains(QStringLiteral("version 9")));
        QVERIFY(found);
    }
};

QTEST_MAIN(TestDashboards)
#include "tst_dashboards.moc"
