#include "main_window.h"

#include "tray_icon.h"
#include "alerts/alert_desk.h"
#include "alerts/desktop_alert_sink.h"
#include "notify/notifier.h"
#include "tray/alert_feed.h"
#include "ui_settings.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace vigil::ui {

QString componentTitle(const QString &component)
{
    if (component == QLatin1String("storage")) return MainWindow::tr("Storage");
    if (component == QLatin1String("store")) return MainWindow::tr("Settings database");
    if (component == QLatin1String("web")) return MainWindow::tr("HTTP API");
    if (component == QLatin1String("scrape")) return MainWindow::tr("Scraper");
    if (component == QLatin1String("rules")) return MainWindow::tr("Rules");
    if (component == QLatin1String("keychain")) return MainWindow::tr("Keychain");
    if (component == QLatin1String("config")) return MainWindow::tr("Configuration file");
    return component;
}

QString stateTitle(runtime::Engine::State state)
{
    using S = runtime::Engine::State;
    switch (state) {
    case S::Stopped: return MainWindow::tr("Stopped");
    case S::Starting: return MainWindow::tr("Starting");
    case S::Running: return MainWindow::tr("Running");
    case S::Stopping: return MainWindow::tr("Stopping");
    case S::Failed: return MainWindow::tr("Failed");
    }
    return {};
}

MainWindow::MainWindow(runtime::Engine *engine, QWidget *parent) : QMainWindow(parent), engine_(engine)
{
    setWindowTitle(tr("Vigil — Monitoring Console"));
    setObjectName(QStringLiteral("mainWindow"));

    auto *central = new QWidget(this);
    auto *outer = new QVBoxLayout(central);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);

    banner_ = new QLabel(central);
    banner_->setObjectName(QStringLiteral("errorBanner"));
    banner_->setWordWrap(true);
    banner_->setStyleSheet(QStringLiteral("QLabel { background: #b3261e; color: white; padding: 8px; }"));
    banner_->hide();
    outer->addWidget(banner_);

    auto *row = new QHBoxLayout;
    row->setSpacing(0);
    nav_ = new QListWidget(central);
    nav_->setObjectName(QStringLiteral("navigation"));
    nav_->setFixedWidth(190);
    nav_->setStyleSheet(QStringLiteral("QListWidget { border: none; font-size: 11pt; padding-top: 8px; padding-left: 10px; }"
                                       "QListWidget::item { padding: 10px 14px; }"));
    stack_ = new QStackedWidget(central);
    row->addWidget(nav_);
    row->addWidget(stack_, 1);
    outer->addLayout(row, 1);
    setCentralWidget(central);
    connect(nav_, &QListWidget::currentRowChanged, stack_, &QStackedWidget::setCurrentIndex);

    stateLabel_ = new QLabel(this);
    seriesLabel_ = new QLabel(this);
    rateLabel_ = new QLabel(this);
    failuresLabel_ = new QLabel(this);
    diskLabel_ = new QLabel(this);
    apiLabel_ = new QLabel(this);
    ingestLabel_ = new QLabel(this);
    ingestLabel_->setObjectName(QStringLiteral("ingestErrorsLabel"));
    for (QLabel *l : {stateLabel_, seriesLabel_, rateLabel_, failuresLabel_, diskLabel_, apiLabel_, ingestLabel_}) {
        statusBar()->addWidget(l);
    }
    ingestLabel_->hide();

    tray_ = new TrayIcon(this);
    connect(tray_, &TrayIcon::showRequested, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });

    // Firing alerts for the tray, from the ALERTS series until the alerting UI feeds them directly.
    auto *alerts = new AlertFeed(engine_, 15000, this);
    connect(alerts, &AlertFeed::alertsChanged, tray_, &TrayIcon::setAlerts);

    // Desktop notifications (D-Bus; the tray's balloon without a notification server), pop-ups, acknowledgements.
    desk_ = new AlertDesk(nullptr, engine_, this);
    desk_->sink()->setFallback([this](const QString &title, const QString &body, model::AlertTier tier) {
        tray_->showMessage(title, body, tier >= model::AlertTier::Critical);
    });
    connect(desk_, &AlertDesk::acknowledgementsChanged, this, [this](const QVector<notify::Acknowledgement> &acks) {
        QStringList lines;
        for (const notify::Acknowledgement &a : acks)
            lines << tr("%1 — %2").arg(QString::fromStdString(std::string(a.labels.get("alertname"))),
                                       QString::fromStdString(a.owner));
        tray_->setAcknowledgements(lines);
    });
    connect(desk_, &AlertDesk::openGraphRequested, this, [this](const QString &expr, qint64 from, qint64 to) {
        showNormal();
        raise();
        activateWindow();
        Q_EMIT openGraphRequested(expr, from, to);
    });

    connect(engine_, &runtime::Engine::statusUpdated, this, &MainWindow::onStatus);
    connect(engine_, &runtime::Engine::stateChanged, this, &MainWindow::onEngineState);
    connect(engine_, &runtime::Engine::errorOccurred, this, &MainWindow::onEngineError);
    onEngineState(engine_->state());
    onStatus(engine_->status());

    const QByteArray geometry = UiSettings::windowGeometry();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) resize(1280, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::addPage(const QString &id, const QString &title, QWidget *page)
{
    page->setObjectName(id + QStringLiteral("Page"));
    ids_ << id;
    stack_->addWidget(page);
    nav_->addItem(title);
    if (nav_->currentRow() < 0) nav_->setCurrentRow(0);
}

bool MainWindow::showPage(const QString &id)
{
    const int i = ids_.indexOf(id);
    if (i < 0) return false;
    nav_->setCurrentRow(i);
    return true;
}

QString MainWindow::currentPageId() const
{
    const int i = nav_->currentRow();
    return i >= 0 && i < ids_.size() ? ids_.at(i) : QString();
}

QStringList MainWindow::pageIds() const { return ids_; }

QString MainWindow::currentPageTitle() const
{
    const auto *item = nav_->currentItem();
    return item ? item->text() : QString();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    UiSettings::setWindowGeometry(saveGeometry());
    UiSettings::setLastPage(currentPageId());
    QMainWindow::closeEvent(event);
}

void MainWindow::onStatus(const runtime::EngineStatus &s)
{
    const QLocale loc;
    seriesLabel_->setText(tr("Series: %1").arg(loc.toString(qlonglong(s.headSeries))));
    rateLabel_->setText(tr("Samples/s: %1").arg(loc.toString(s.samplesPerSecond, 'f', 0)));
    failuresLabel_->setText(tr("Scrape failures: %1").arg(loc.toString(qlonglong(s.scrapeFailures))));
    diskLabel_->setText(tr("Disk: %1").arg(loc.formattedDataSize(s.diskBytes)));
    apiLabel_->setText(s.listenAddress.isEmpty() ? tr("API: off") : tr("API: %1").arg(s.listenAddress));
    // Samples dropped by failed storage writes (full disk, I/O errors): red while writes
    // fail, then plain, so the operator sees both "now" and "it happened".
    ingestLabel_->setVisible(s.ingestErrors > 0);
    if (s.ingestErrors > 0) {
        const bool failing = s.storageWriteFailing;
        ingestLabel_->setText(tr("Ingestion errors: %1").arg(loc.toString(qlonglong(s.ingestErrors))));
        ingestLabel_->setStyleSheet(failing ? QStringLiteral("color: #c62828; font-weight: bold;") : QString());
        ingestLabel_->setToolTip(failing ? tr("Storage writes are failing: scraped samples are being dropped.")
                                         : tr("Storage writes failed earlier; they succeed again."));
    }
}

void MainWindow::onEngineState(runtime::Engine::State state)
{
    stateLabel_->setText(tr("Engine: %1").arg(stateTitle(state)));
    tray_->setEngineState(state);
    desk_->setNotifier(state == runtime::Engine::State::Running ? engine_->notifier() : nullptr);
}

void MainWindow::onEngineError(const QString &component, const QString &message)
{
    // Engine messages are plain English; the component name is translated.
    banner_->setText(tr("%1: %2").arg(componentTitle(component), message));
    banner_->show();
}

}  // namespace vigil::ui
