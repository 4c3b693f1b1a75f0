// The TSDB status page and the tray against a running engine that scrapes a
// real prometheus-node-exporter (tests/support/scraped_engine.h): the
// page's figures and top-10 tables agree with PromQL counts over the same
// storage; the tray's badges show per-tier counts of the ALERTS series the
// rule engine writes (appended here through the storage's own appender).
#include "models/cardinality_model.h"
#include "pages/status_page.h"
#include "tray/alert_feed.h"
#include "tray_icon.h"
#include "tsdb/db.h"

#include "../support/scraped_engine.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace vigil;
using namespace vigil::ui;

namespace {

double instantValue(runtime::QueryService *qs, const std::string &q)
{
    const auto r = testing::waitFor(qs->instantQuery(q, QDateTime::currentMSecsSinceEpoch()));
    const auto *v = std::get_if<promql::Vector>(&r.result.value);
    return r.status.isOk() && v && !v->empty() ? v->front().v : -1;
}

// True when the pixel at `where` (fractions of the size) is close to `c`.
bool near(const QImage &img, QPointF where, const QColor &c)
{
    const QColor p = img.pixelColor(int(where.x() * img.width()), int(where.y() * img.height()));
    return std::abs(p.red() - c.red()) < 24 && std::abs(p.green() - c.green()) < 24 && std::abs(p.blue() - c.blue()) < 24;
}

model::Labels alertLabels(const char *name, const char *severity, const char *state)
{
    return model::Labels{{"__name__", "ALERTS"}, {"alertname", name}, {"alertstate", state}, {"instance", "db1:9100"}, {"severity", severity}};
}

}  // namespace

class TestStatusTray : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<testing::ScrapedEngine> fx_;

private Q_SLOTS:
    void initTestCase()
    {
        fx_ = std::make_unique<testing::ScrapedEngine>();
        QVERIFY2(fx_->ok(), "node exporter and engine must come up (prometheus-node-exporter installed?)");
    }
    void cleanupTestCase() { fx_.reset(); }

    void statusPageMatchesStorage()
    {
        StatusPage page(fx_->engine());
        QAbstractItemModelTester t1(page.metricsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(page.labelPairsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy spy(&page, &StatusPage::refreshed);
        page.show();  // showing refreshes
        QVERIFY(spy.wait(20000));
        QCOMPARE(spy.last().at(0).toString(), QString());
        const double series = instantValue(fx_->service(), "count({__name__=~\".+\"})");
        QVERIFY(series > 100);
        QVERIFY(page.figureText(QStringLiteral("series")).remove(QLatin1Char(',')).toDouble() >= series * 0.9);
        QVERIFY(page.figureText(QStringLiteral("chunks")).remove(QLatin1Char(',')).toDouble() > 0);
        QVERIFY(!page.figureText(QStringLiteral("wal")).isEmpty());
        CardinalityModel *m = page.metricsModel();
        QCOMPARE(m->rowCount(), 10);
        // The largest metric's count is what PromQL counts for that name.
        const QString top = m->data(m->index(0, CardinalityModel::Name), Qt::DisplayRole).toString();
        const qulonglong n = m->data(m->index(0, CardinalityModel::Count), Qt::UserRole).toULongLong();
        QCOMPARE(qulonglong(instantValue(fx_->service(), "count({__name__=\"" + top.toStdString() + "\"})")), n);
        for (int r = 1; r < m->rowCount(); ++r)
            QVERIFY(m->data(m->index(r, CardinalityModel::Count), Qt::UserRole).toULongLong() <= n);
        QVERIFY(page.labelNamesModel()->rowCount() > 0);
        // The job="node" pair is on every node series.
        bool job = false;
        for (int r = 0; r < page.labelPairsModel()->rowCount(); ++r)
            job = job || page.labelPairsModel()->data(page.labelPairsModel()->index(r, 0), Qt::DisplayRole).toString() == QStringLiteral("job=node");
        QVERIFY(job);
    }

    void tierCounting()
    {
        promql::Vector v;
        v.push_back({alertLabels("DiskFull", "critical", "firing"), 0, 1});
        v.push_back({alertLabels("Slow", "warning", "firing"), 0, 1});
        v.push_back({alertLabels("Down", "emergency", "firing"), 0, 1});
        v.push_back({alertLabels("Pending", "critical", "pending"), 0, 1});
        v.push_back({alertLabels("Note", "info", "firing"), 0, 1});
        const auto alerts = alertsFromVector(v);
        QCOMPARE(alerts.size(), 4);
        QCOMPARE(alerts.front().name, QStringLiteral("Down"));  // worst first
        const TierCounts c = countTiers(alerts);
        QCOMPARE(c.emergency, 1);
        QCOMPARE(c.critical, 1);
        QCOMPARE(c.warning, 1);
        QCOMPARE(c.info, 1);
        QCOMPARE(tierOfSeverity(QStringLiteral("PAGE")), AlertTier::Critical);
    }

    void iconBadges()
    {
        const QColor base(0x2e, 0x7d, 0x32);
        const QImage none = trayPixmap(base, {}, 64).toImage();
        TierCounts c;
        c.critical = 3;
        c.warning = 12;
        const QImage img = trayPixmap(QColor(0xc6, 0x28, 0x28), c, 64).toImage();
        for (AlertTier t : {AlertTier::Warning, AlertTier::Critical, AlertTier::Emergency}) {
            // A point inside the badge, off its number.
            const QPointF p = badgeCentre(t) + QPointF(0.27 * 0.55, -0.27 * 0.55);
            QVERIFY(!near(none, p, tierColor(t)));
            QCOMPARE(near(img, p, tierColor(t)), t != AlertTier::Emergency);
        }
        // The count is drawn: inside the badge, pixels of another colour than the badge.
        const QPointF w = badgeCentre(AlertTier::Warning);
        int textPixels = 0;
        for (int dy = -6; dy <= 6; ++dy)
            for (int dx = -8; dx <= 8; ++dx)
                textPixels += near(img, w + QPointF(dx / 64.0, dy / 64.0), tierColor(AlertTier::Warning)) ? 0 : 1;
        QVERIFY2(textPixels > 10, qPrintable(QString::number(textPixels)));
    }

    // ALERTS series in the real storage reach the tray through the feed's query.
    void feedToTray()
    {
        auto app = fx_->engine()->storage()->appender();
        const int64_t now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(app->append(0, alertLabels("DiskFull", "critical", "firing"), now, 1).isOk());
        QVERIFY(app->append(0, alertLabels("HighLoad", "warning", "firing"), now, 1).isOk());
        QVERIFY(app->append(0, alertLabels("HighLatency", "warning", "firing"), now, 1).isOk());
        QVERIFY(app->append(0, alertLabels("Flapping", "critical", "pending"), now, 1).isOk());
        QVERIFY(app->commit().isOk());

        AlertFeed feed(fx_->engine(), 60000);
        TrayIcon tray;
        tray.setEngineState(runtime::Engine::State::Running);
        connect(&feed, &AlertFeed::alertsChanged, &tray, &TrayIcon::setAlerts);
        QSignalSpy spy(&feed, &AlertFeed::polled);
        feed.poll();
        QVERIFY(spy.wait(10000));
        QCOMPARE(feed.alerts().size(), 3);
        QCOMPARE(tray.counts().critical, 1);
        QCOMPARE(tray.counts().warning, 2);
        QCOMPARE(tray.counts().emergency, 0);
        QCOMPARE(tray.currentColor(), tierColor(AlertTier::Critical));
        const QImage img = tray.icon().pixmap(64, 64).toImage();
        QVERIFY(near(img, badgeCentre(AlertTier::Critical) + QPointF(0.15, -0.15), tierColor(AlertTier::Critical)));
        QVERIFY(near(img, badgeCentre(AlertTier::Warning) + QPointF(0.15, -0.15), tierColor(AlertTier::Warning)));
        const QStringList menu = tray.menuAlertTexts();
        QCOMPARE(menu.size(), 3);
        QVERIFY2(menu.front().startsWith(QStringLiteral("DiskFull (critical)")), qPrintable(menu.front()));
    }
};

QTEST_MAIN(TestStatusTray)
#include "tst_status_tray.moc"
