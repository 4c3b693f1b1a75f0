#include "pages/targets_page.h"

#include "models/target_table_model.h"
#include "pages/target_dialog.h"
#include "scrape/scrape_manager.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace vigil::ui {

TargetsPage::TargetsPage(runtime::Engine *engine, QWidget *parent)
    : QWidget(parent), engine_(engine), model_(new TargetTableModel(this)), proxy_(new QSortFilterProxyModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    auto *title = new QLabel(tr("Targets"), this);
    title->setStyleSheet(QStringLiteral("font-size: 20pt; font-weight: 600;"));
    layout->addWidget(title);

    auto *bar = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add target…"), this);
    add->setObjectName(QStringLiteral("addTarget"));
    editButton_ = new QPushButton(tr("Edit…"), this);
    editButton_->setObjectName(QStringLiteral("editTarget"));
    removeButton_ = new QPushButton(tr("Remove"), this);
    removeButton_->setObjectName(QStringLiteral("removeTarget"));
    filter_ = new QLineEdit(this);
    filter_->setObjectName(QStringLiteral("filter"));
    filter_->setPlaceholderText(tr("Filter by job, endpoint, label or error"));
    filter_->setClearButtonEnabled(true);
    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("summary"));
    bar->addWidget(add);
    bar->addWidget(editButton_);
    bar->addWidget(removeButton_);
    bar->addSpacing(12);
    bar->addWidget(filter_, 1);
    bar->addWidget(summary_);
    layout->addLayout(bar);

    proxy_->setSourceModel(model_);
    proxy_->setFilterKeyColumn(-1);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    view_ = new QTableView(this);
    view_->setObjectName(QStringLiteral("targetsView"));
    view_->setModel(proxy_);
    view_->setSortingEnabled(true);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->verticalHeader()->hide();
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(view_, 1);

    connect(filter_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);
    connect(add, &QPushButton::clicked, this, &TargetsPage::addTarget);
    connect(editButton_, &QPushButton::clicked, this, &TargetsPage::editSelected);
    connect(removeButton_, &QPushButton::clicked, this, &TargetsPage::removeSelected);
    connect(view_, &QTableView::doubleClicked, this, &TargetsPage::editSelected);
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TargetsPage::updateButtons);
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
    if (auto *scraper = engine_->scraper()) model_->setTargets(scraper->targets());
}

void TargetsPage::reloadStored()
{
    auto *watcher = new QFutureWatcher<std::vector<store::StoredTarget>>(this);
    connect(watcher, &QFutureWatcher<std::vector<store::StoredTarget>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        stored_.clear();
        for (const auto &t : watcher->result()) stored_[{t.job, t.address}] = t;
        updateButtons();
        Q_EMIT storedTargetsLoaded();
    });
    watcher->setFuture(engine_->storedTargets());
}

const store::StoredTarget *TargetsPage::storedTargetAt(int sourceRow) const
{
    if (sourceRow < 0 || sourceRow >= model_->rowCount()) return nullptr;
    const auto &t = model_->target(sourceRow);
    const std::string address(t.discoveredLabels.get("__address__"));
    auto it = stored_.find({t.job, address});
    return it == stored_.end() ? nullptr : &it->second;
}

int TargetsPage::selectedSourceRow() const
{
    const auto rows = view_->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : proxy_->mapToSource(rows.first()).row();
}

void TargetsPage::updateButtons()
{
    const bool editable = storedTargetAt(selectedSourceRow()) != nullptr;
    editButton_->setEnabled(editable);
    removeButton_->setEnabled(editable);
    const QString hint = editable ? QString() : tr("Only targets added in the console can be edited here.");
    editButton_->setToolTip(hint);
    removeButton_->setToolTip(hint);
}

void TargetsPage::updateSummary()
{
    int up = 0;
    for (int r = 0; r < model_->rowCount(); ++r) {
        if (model_->target(r).health.health == scrape::HealthState::Up) ++up;
    }
    summary_->setText(tr("%1 of %2 up").arg(up).arg(model_->rowCount()));
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

void TargetsPage::removeSelected()
{
    const store::StoredTarget *t = storedTargetAt(selectedSourceRow());
    if (!t) return;
    const int64_t id = t->id;
    const auto answer = QMessageBox::question(
        this, tr("Remove target"),
        tr("Stop scraping %1 (job %2) and remove it?").arg(QString::fromStdString(t->address), QString::fromStdString(t->job)));
    if (answer != QMessageBox::Yes) return;
    auto *watcher = new QFutureWatcher<runtime::Engine::TargetOpResult>(this);
    connect(watcher, &QFutureWatcher<runtime::Engine::TargetOpResult>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const auto r = watcher->result();
        if (!r.status.isOk()) {
            QMessageBox::warning(this, tr("Remove target"), QString::fromStdString(r.status.message()));
        }
        reloadStored();
    });
    watcher->setFuture(engine_->removeTarget(id));
}

}  // namespace vigil::ui
