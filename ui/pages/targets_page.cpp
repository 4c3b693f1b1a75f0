#include "pages/targets_page.h"

#include "models/target_filter_proxy.h"
#include "models/target_table_model.h"
#include "pages/target_dialog.h"
#include "scrape/scrape_manager.h"

#include <QCheckBox>
#include <QDateTime>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {

// A paused console target is not in the scraper; it still gets a row.
scrape::TargetSnapshot pausedSnapshot(const store::StoredTarget &t)
{
    scrape::TargetSnapshot s;
    s.job = t.job;
    s.url = t.scheme + "://" + t.address + t.metricsPath;
    std::vector<model::Label> labels{{"job", t.job}, {"instance", t.address}};
    for (const auto &[n, v] : t.labels) labels.push_back({n, v});
    s.labels = model::Labels::fromUnsorted(labels);
    s.discoveredLabels = model::Labels{{"__address__", t.address}};
    s.intervalMs = t.intervalMs;
    s.timeoutMs = t.timeoutMs;
    return s;
}

}  // namespace

TargetsPage::TargetsPage(runtime::Engine *engine, QWidget *parent)
    : QWidget(parent),
      engine_(engine),
      model_(new TargetTableModel(this)),
      proxy_(new TargetFilterProxy(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    auto *title = new QLabel(tr("Targets"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    title->setStyleSheet(QStringLiteral("font-size: 20pt; font-weight: 600;"));
    layout->addWidget(title);

    auto *bar = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add target…"), this);
    add->setObjectName(QStringLiteral("addTarget"));
    editButton_ = new QPushButton(tr("Edit…"), this);
    editButton_->setObjectName(QStringLiteral("editTarget"));
    removeButton_ = new QPushButton(tr("Remove"), this);
    removeButton_->setObjectName(QStringLiteral("removeTarget"));
    bulkButton_ = new QPushButton(tr("Selected targets"), this);
    bulkButton_->setObjectName(QStringLiteral("bulkActions"));
    auto *bulkMenu = new QMenu(bulkButton_);
    bulkMenu->addAction(tr("Test"), this, &TargetsPage::testSelected);
    bulkMenu->addAction(tr("Pause"), this, [this] { setSelectedEnabled(false); });
    bulkMenu->addAction(tr("Resume"), this, [this] { setSelectedEnabled(true); });
    bulkMenu->addAction(tr("Change interval…"), this, [this] {
        bool ok = false;
        const int s = QInputDialog::getInt(this, tr("Change interval"), tr("Scrape interval in seconds:"), 15,
                                           1, 3600, 1, &ok);
        if (ok) setSelectedInterval(s);
    });
    bulkMenu->addAction(tr("Remove"), this, [this] { removeSelected(true); });
    bulkButton_->setMenu(bulkMenu);
    auto *file = new QPushButton(tr("prometheus.yml"), this);
    file->setObjectName(QStringLiteral("fileActions"));
    auto *fileMenu = new QMenu(file);
    fileMenu->addAction(tr("Import…"), this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Import targets from prometheus.yml"), QString(),
                                         tr("Prometheus configuration (*.yml *.yaml);;All files (*)"));
        if (!path.isEmpty()) importFile(path);
    });
    fileMenu->addAction(tr("Export…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export console targets to prometheus.yml"), QStringLiteral("prometheus.yml"),
            tr("Prometheus configuration (*.yml *.yaml)"));
        if (!path.isEmpty()) exportFile(path);
    });
    file->setMenu(fileMenu);
    filter_ = new QLineEdit(this);
    filter_->setObjectName(QStringLiteral("filter"));
    filter_->setPlaceholderText(tr("Filter by job, endpoint, label, error or source"));
    filter_->setClearButtonEnabled(true);
    showDropped_ = new QCheckBox(tr("Show dropped targets"), this);
    showDropped_->setObjectName(QStringLiteral("showDropped"));
    showDropped_->setToolTip(tr("Also list the discovered targets that are not scraped (dropped by relabeling, "
                                "or with invalid labels), with the reason"));
    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("summary"));
    bar->addWidget(add);
    bar->addWidget(editButton_);
    bar->addWidget(removeButton_);
    bar->addWidget(bulkButton_);
    bar->addWidget(file);
    bar->addSpacing(12);
    bar->addWidget(filter_, 1);
    bar->addWidget(showDropped_);
    bar->addWidget(summary_);
    layout->addLayout(bar);

    // Without a configuration file the other targets are Vigil's default set.
    model_->setOtherSource(engine_->options().configFile.empty() ? tr("Built-in") : tr("Configuration file"));
    proxy_->setSourceModel(model_);
    view_ = new QTableView(this);
    view_->setObjectName(QStringLiteral("targetsView"));
    view_->setModel(proxy_);
    view_->setSortingEnabled(true);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view_->verticalHeader()->hide();
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view_->horizontalHeader()->setDefaultSectionSize(90);
    view_->setColumnWidth(TargetTableModel::Job, 110);
    view_->setColumnWidth(TargetTableModel::Endpoint, 220);
    view_->setColumnWidth(TargetTableModel::Labels, 220);
    view_->setColumnWidth(TargetTableModel::Source, 150);  // "Discovered (file_sd)" on one line
    view_->setContextMenuPolicy(Qt::CustomContextMenu);
    layout->addWidget(view_, 1);

    discoveryErrors_ = new QLabel(this);
    discoveryErrors_->setObjectName(QStringLiteral("discoveryErrors"));
    discoveryErrors_->setStyleSheet(QStringLiteral("color: #b3261e;"));
    discoveryErrors_->setWordWrap(true);
    discoveryErrors_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    discoveryErrors_->hide();
    layout->addWidget(discoveryErrors_);

    report_ = new QLabel(this);
    report_->setObjectName(QStringLiteral("report"));
    report_->setWordWrap(true);
    report_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    report_->hide();
    layout->addWidget(report_);

    connect(filter_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);
    connect(showDropped_, &QCheckBox::toggled, proxy_, &TargetFilterProxy::setShowDropped);
    connect(view_, &QTableView::customContextMenuRequested, this, &TargetsPage::showContextMenu);
    connect(add, &QPushButton::clicked, this, &TargetsPage::addTarget);
    connect(editButton_, &QPushButton::clicked, this, &TargetsPage::editSelected);
    connect(removeButton_, &QPushButton::clicked, this, [this] { removeSelected(true); });
    connect(view_, &QTableView::doubleClicked, this, &TargetsPage::editSelected);
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TargetsPage::updateButtons);
    connect(model_, &QAbstractItemModel::modelReset, this, &TargetsPage::updateSummary);
    connect(model_, &QAbstractItemModel::dataChanged, this, &TargetsPage::updateSummary);
    connect(model_, &QAbstractItemModel::rowsInserted, this, &TargetsPage::updateSummary);

    tick_ = new QTimer(this);
    tick_->setInterval(1000);
    connect(tick_, &QTimer::timeout, this, [this] { model_->setNow(QDateTime::currentMSecsSinceEpoch()); });
    tick_->start();

    connect(engine_, &runtime::Engine::stateChanged, this, &TargetsPage::onEngineState);
    onEngineState(engine_->state());
    updateButtons();
    updateSummary();
}

void TargetsPage::onEngineState(runtime::Engine::State state)
{
    if (state != runtime::Engine::State::Running) {
        connected_ = false;
        model_->setTargets({});
        stored_.clear();
        return;
    }
    if (connected_ || !engine_->scraper()) return;
    connected_ = true;
    auto *scraper = engine_->scraper();
    connect(scraper, &scrape::ScrapeManager::targetHealthChanged, this,
            [this](const scrape::TargetSnapshot &t) { model_->updateTarget(t); });
    connect(scraper, &scrape::ScrapeManager::targetsChanged, this, [this] {
        reloadTargets();
        reloadStored();  // a console target may have been added or removed elsewhere
    });
    reloadTargets();
    reloadStored();
}

void TargetsPage::reloadTargets()
{
    auto *scraper = engine_->scraper();
    if (!scraper) return;
    // Copies taken under the scraper's lock, which is only held while a job is re-planned.
    std::vector<scrape::TargetSnapshot> all = scraper->targets();
    for (const auto &[key, t] : stored_) {
        if (!t.enabled) all.push_back(pausedSnapshot(t));
    }
    model_->setTargets(std::move(all), scraper->droppedTargetDetails());
    updateOrigins();
    // A failing discovery source keeps its last targets; say why they may be stale.
    QStringList errors;
    for (const auto &[job, list] : scraper->discoveryErrors()) {
        for (const auto &e : list)
            errors << tr("Service discovery of %1: %2").arg(QString::fromStdString(job), QString::fromStdString(e));
    }
    discoveryErrors_->setText(errors.join(QLatin1Char('\n')));
    discoveryErrors_->setVisible(!errors.isEmpty());
}

void TargetsPage::updateOrigins()
{
    std::set<TargetTableModel::Key> console, paused;
    for (const auto &[key, t] : stored_) {
        console.insert(key);
        if (!t.enabled) paused.insert(key);
    }
    model_->setOrigins(std::move(console), std::move(paused));
}

void TargetsPage::reloadStored()
{
    auto *watcher = new QFutureWatcher<std::vector<store::StoredTarget>>(this);
    connect(watcher, &QFutureWatcher<std::vector<store::StoredTarget>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        stored_.clear();
        for (const auto &t : watcher->result()) stored_[{t.job, t.address}] = t;
        reloadTargets();  // paused rows and sources follow the stored set
        updateButtons();
        Q_EMIT storedTargetsLoaded();
    });
    watcher->setFuture(engine_->storedTargets());
}

const store::StoredTarget *TargetsPage::storedTargetAt(int sourceRow) const
{
    if (sourceRow < 0 || sourceRow >= model_->activeCount()) return nullptr;
    auto it = stored_.find(TargetTableModel::keyOf(model_->target(sourceRow)));
    return it == stored_.end() ? nullptr : &it->second;
}

std::vector<store::StoredTarget> TargetsPage::selectedStoredTargets() const
{
    std::vector<store::StoredTarget> out;
    for (const QModelIndex &i : view_->selectionModel()->selectedRows()) {
        if (const auto *t = storedTargetAt(proxy_->mapToSource(i).row())) out.push_back(*t);
    }
    return out;
}

int TargetsPage::selectedSourceRow() const
{
    const auto rows = view_->selectionModel()->selectedRows();
    return rows.size() != 1 ? -1 : proxy_->mapToSource(rows.first()).row();
}

void TargetsPage::updateButtons()
{
    const bool editable = storedTargetAt(selectedSourceRow()) != nullptr;
    const bool anyConsole = !selectedStoredTargets().empty();
    editButton_->setEnabled(editable);
    removeButton_->setEnabled(anyConsole);
    bulkButton_->setEnabled(anyConsole);
    const int row = selectedSourceRow();
    const QString hint =
        anyConsole ? QString()
        : row >= 0 && !model_->discoveryOf(row).isEmpty()
            ? tr("Discovered targets follow their discovery source; copy one as a console target to change it.")
            : tr("Only targets added in the console can be changed here.");
    editButton_->setToolTip(editable ? QString() : hint);
    removeButton_->setToolTip(hint);
    bulkButton_->setToolTip(hint);
}

void TargetsPage::updateSummary()
{
    int up = 0;
    for (int r = 0; r < model_->activeCount(); ++r) {
        if (model_->target(r).health.health == scrape::HealthState::Up && !model_->isPaused(r)) ++up;
    }
    QString text = tr("%1 of %2 up").arg(up).arg(model_->activeCount());
    const int dropped = model_->rowCount() - model_->activeCount();
    if (dropped > 0) text += QStringLiteral(" · ") + tr("%n dropped", nullptr, dropped);
    summary_->setText(text);
    showDropped_->setEnabled(dropped > 0 || showDropped_->isChecked());
}

void TargetsPage::addTarget()
{
    auto *dialog = new TargetDialog(engine_, store::StoredTarget{}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TargetDialog::saved, this, &TargetsPage::reloadStored);
    dialog->open();
}

void TargetsPage::editSelected()
{
    const store::StoredTarget *t = storedTargetAt(selectedSourceRow());
    if (!t) return;
    auto *dialog = new TargetDialog(engine_, *t, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TargetDialog::saved, this, &TargetsPage::reloadStored);
    dialog->open();
}

TargetDialog *TargetsPage::copySelectedAsConsoleTarget()
{
    const int row = selectedSourceRow();
    if (row < 0 || row >= model_->activeCount() || model_->isConsole(row)) return nullptr;
    const scrape::TargetSnapshot &snap = model_->target(row);
    const QUrl url(QString::fromStdString(snap.url));
    store::StoredTarget t;
    t.job = snap.job + "-static";  // the source's job name belongs to the configuration file
    t.address = QStringLiteral("%1:%2").arg(url.host()).arg(url.port(url.scheme() == QLatin1String("https") ? 443 : 80)).toStdString();
    t.scheme = url.scheme().toStdString();
    t.metricsPath = url.path().isEmpty() ? std::string("/metrics") : url.path().toStdString();
    if (snap.intervalMs > 0) t.intervalMs = snap.intervalMs;
    if (snap.timeoutMs > 0) t.timeoutMs = snap.timeoutMs;
    for (const auto &l : snap.labels) {
        if (l.name == "job" || (l.name == "instance" && l.value == t.address)) continue;
        t.labels.emplace_back(l.name, l.value);
    }
    auto *dialog = new TargetDialog(engine_, t, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TargetDialog::saved, this, &TargetsPage::reloadStored);
    dialog->open();
    return dialog;
}

void TargetsPage::showContextMenu(const QPoint &pos)
{
    const QModelIndex at = view_->indexAt(pos);
    if (!at.isValid()) return;
    if (!view_->selectionModel()->isRowSelected(at.row(), {})) view_->selectRow(at.row());
    const int row = selectedSourceRow();
    QMenu menu(this);
    QAction *edit = menu.addAction(tr("Edit…"), this, &TargetsPage::editSelected);
    edit->setEnabled(storedTargetAt(row) != nullptr);
    QAction *copy = menu.addAction(tr("Copy as console target…"), this, [this] { copySelectedAsConsoleTarget(); });
    copy->setEnabled(row >= 0 && row < model_->activeCount() && !model_->isConsole(row));
    QAction *remove = menu.addAction(tr("Remove"), this, [this] { removeSelected(true); });
    remove->setEnabled(!selectedStoredTargets().empty());
    menu.exec(view_->viewport()->mapToGlobal(pos));
}

void TargetsPage::showReport(const QString &title, const QString &report)
{
    report_->setText(QStringLiteral("<b>%1</b> %2")
                         .arg(title.toHtmlEscaped(),
                              report.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"))));
    report_->show();
}

}  // namespace vigil::ui
