#include "pages/dashboards_page.h"

#include "dashboards/dashboard_view.h"
#include "i18n.h"

#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QThreadPool>
#include <QTimer>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {

// Runs `work` on the global pool and `done(result)` back on `context`'s thread (dropped if it is gone).
template <typename Work, typename Done>
void runInBackground(QObject *context, Work work, Done done)
{
    QPointer<QObject> guard(context);
    QThreadPool::globalInstance()->start([guard, work = std::move(work), done = std::move(done)]() mutable {
        auto result = work();
        QObject *ctx = guard.data();
        if (!ctx) return;
        QMetaObject::invokeMethod(
            ctx, [guard, done = std::move(done), result = std::move(result)]() mutable {
                if (guard) done(std::move(result));
            },
            Qt::QueuedConnection);
    });
}

}  // namespace

DashboardsPage::DashboardsPage(runtime::Engine *engine, QWidget *parent) : QWidget(parent), engine_(engine)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *split = new QSplitter(this);
    auto *side = new QWidget(split);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(8, 8, 0, 8);
    auto *addTarget = new QPushButton(tr("Add target…"), side);
    addTarget->setObjectName(QStringLiteral("addTargetButton"));
    addTarget->setToolTip(tr("Scrape another exporter or service: opens the Targets page's form."));
    addTarget->setStyleSheet(QStringLiteral("QPushButton { background: #1565c0; color: white; font-weight: 600;"
                                            " padding: 8px; border-radius: 4px; }"));
    sideLayout->addWidget(addTarget);
    list_ = new QListWidget(side);
    list_->setObjectName(QStringLiteral("dashboardList"));
    sideLayout->addWidget(list_, 1);
    auto *buttons = new QGridLayout;
    auto *newButton = new QPushButton(tr("New"), side);
    auto *dupButton = new QPushButton(tr("Duplicate"), side);
    deleteButton_ = new QPushButton(tr("Delete"), side);
    auto *importButton = new QPushButton(tr("Import…"), side);
    auto *exportButton = new QPushButton(tr("Export…"), side);
    buttons->addWidget(newButton, 0, 0);
    buttons->addWidget(dupButton, 0, 1);
    buttons->addWidget(deleteButton_, 1, 0);
    buttons->addWidget(importButton, 1, 1);
    buttons->addWidget(exportButton, 2, 0);
    sideLayout->addLayout(buttons);
    message_ = new QLabel(side);
    message_->setWordWrap(true);
    message_->setObjectName(QStringLiteral("dashboardsMessage"));
    sideLayout->addWidget(message_);
    view_ = new DashboardView(engine_, split);
    split->addWidget(side);
    split->addWidget(view_);
    split->setStretchFactor(1, 1);
    split->setSizes({200, 1000});
    layout->addWidget(split);

    saveTimer_ = new QTimer(this);
    saveTimer_->setSingleShot(true);
    saveTimer_->setInterval(1000);
    connect(saveTimer_, &QTimer::timeout, this, [this] { save(pendingSave_); });
    connect(view_, &DashboardView::dashboardEdited, this, [this](const Dashboard &d) {
        pendingSave_ = d;
        saveTimer_->start();
    });
    connect(addTarget, &QPushButton::clicked, this, &DashboardsPage::addTargetRequested);
    connect(list_, &QListWidget::currentRowChanged, this, &DashboardsPage::showEntry);
    connect(newButton, &QPushButton::clicked, this, &DashboardsPage::newDashboard);
    connect(dupButton, &QPushButton::clicked, this, &DashboardsPage::duplicateCurrent);
    connect(deleteButton_, &QPushButton::clicked, this, &DashboardsPage::deleteCurrent);
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Import dashboard"), {}, tr("Dashboards (*.json)"));
        if (!f.isEmpty()) importFile(f);
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getSaveFileName(this, tr("Export dashboard"), current_ + QStringLiteral(".json"),
                                                       tr("Dashboards (*.json)"));
        if (!f.isEmpty()) exportCurrent(f);
    });
    connect(engine_, &runtime::Engine::stateChanged, this, [this](runtime::Engine::State s) {
        if (s == runtime::Engine::State::Running) reload();
    });

    // Built-ins at once (no I/O but resources); the saved ones once the engine runs.
    QList<DashboardEntry> builtins;
    for (const auto &d : dashboard_library::builtins()) builtins << DashboardEntry{d, d.name, true, false, {}};
    setEntries(builtins);
    if (engine_->state() == runtime::Engine::State::Running) reload();
}

QStringList DashboardsPage::names() const
{
    QStringList out;
    for (const auto &e : entries_) out << e.name;
    return out;
}

void DashboardsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (engine_->state() == runtime::Engine::State::Running) reload();
}

void DashboardsPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    if (saveTimer_->isActive()) {  // leaving the page: save now, before another page writes the dashboard
        saveTimer_->stop();
        save(pendingSave_);
    }
}

void DashboardsPage::reload()
{
    store::AppStore *store = engine_->appStore();
    if (!store) return;
    const uint64_t savesBefore = savesDone_;
    const bool saving = savesInFlight_ > 0;
    runInBackground(
        this, [store] { return dashboard_library::list(store); },
        [this, savesBefore, saving](Result<QList<DashboardEntry>> r) {
            if (saving || savesDone_ != savesBefore) {  // may predate one of our saves: read again after them
                reloadAfterSaves_ = true;
                if (savesInFlight_ == 0) {
                    reloadAfterSaves_ = false;
                    reload();
                }
                return;
            }
            if (!r.isOk()) {
                message_->setText(tr("Could not read the saved dashboards: %1").arg(QString::fromStdString(r.status().message())));
                return;
            }
            setEntries(*r);
            Q_EMIT listLoaded();
        });
}

void DashboardsPage::setEntries(const QList<DashboardEntry> &entries)
{
    entries_ = entries;
    const QString language = activeLanguage();
    const QString keep = !wanted_.isEmpty() ? wanted_ : current_;
    const QSignalBlocker block(list_);
    list_->clear();
    int row = -1;
    for (int i = 0; i < entries_.size(); ++i) {
        const DashboardEntry &e = entries_[i];
        QString text = e.error.isEmpty() ? e.dashboard.title.forLanguage(language) : e.name;
        if (!e.error.isEmpty()) text += QStringLiteral(" ⚠");
        auto *item = new QListWidgetItem(text, list_);
        item->setData(Qt::UserRole, e.name);
        item->setToolTip(e.error.isEmpty() ? (e.builtin ? tr("%1 (built-in)").arg(e.name) : e.name)
                                           : tr("%1 cannot be read: %2").arg(e.name, e.error));
        if (e.name == keep) row = i;
    }
    if (row >= 0) {
        wanted_.clear();
        list_->setCurrentRow(row);
        const DashboardEntry &e = entries_[row];
        // Shown again when another dashboard was open, or the stored copy changed (and no edit is waiting).
        const bool changed = e.error.isEmpty() && !saveTimer_->isActive() && view_->dashboard() != e.dashboard;
        if (current_ != e.name || view_->dashboard().name != e.name || changed) showEntry(row);
    }
}

bool DashboardsPage::openDashboard(const QString &name)
{
    for (int i = 0; i < entries_.size(); ++i) {
        if (entries_[i].name == name) {
            list_->setCurrentRow(i);
            showEntry(i);
            return true;
        }
    }
    wanted_ = name;  // a saved one may arrive with the list from app.db
    return false;
}

void DashboardsPage::showEntry(int row)
{
    if (row < 0 || row >= entries_.size()) return;
    const DashboardEntry &e = entries_[row];
    deleteButton_->setEnabled(e.saved);
    deleteButton_->setText(e.builtin && e.saved ? tr("Revert") : tr("Delete"));
    if (!e.error.isEmpty()) {
        message_->setText(tr("“%1” cannot be read: %2").arg(e.name, e.error));
        return;
    }
    message_->clear();
    if (saveTimer_->isActive()) {  // save the previous dashboard's pending edit first
        saveTimer_->stop();
        save(pendingSave_);
    }
    current_ = e.name;
    QSettings().setValue(QStringLiteral("dashboards/last"), current_);
    view_->setDashboard(e.dashboard);
}

void DashboardsPage::save(const Dashboard &d)
{
    for (auto &e : entries_) {
        if (e.name == d.name) {
            e.dashboard = d;
            e.saved = true;
        }
    }
    store::AppStore *store = engine_->appStore();
    if (!store) {
        message_->setText(tr("Not saved: the engine is not running."));
        Q_EMIT saved(d.name, message_->text());
        return;
    }
    ++savesInFlight_;
    runInBackground(
        this, [store, d] { return dashboard_library::save(store, d); },
        [this, name = d.name](Status s) {
            --savesInFlight_;
            ++savesDone_;
            if (savesInFlight_ == 0 && reloadAfterSaves_) {
                reloadAfterSaves_ = false;
                reload();
            }
            const QString error = s.isOk() ? QString() : QString::fromStdString(s.message());
            if (!s.isOk()) message_->setText(tr("Could not save “%1”: %2").arg(name, error));
            Q_EMIT saved(name, error);
        });
}

QString DashboardsPage::uniqueName(const QString &base) const
{
    const QStringList taken = names();
    QString name = base;
    for (int i = 2; taken.contains(name); ++i) name = base + QStringLiteral("-%1").arg(i);
    return name;
}

void DashboardsPage::newDashboard()
{
    bool ok = false;
    const QString title = QInputDialog::getText(this, tr("New dashboard"), tr("Title:"), QLineEdit::Normal, {}, &ok);
    if (!ok || title.trimmed().isEmpty()) return;
    Dashboard d;
    d.name = dashboard_library::nameForTitle(title, names());
    d.title.text = title.trimmed();
    entries_ << DashboardEntry{d, d.name, false, true, {}};
    wanted_ = d.name;
    setEntries(entries_);
    save(d);
    view_->setEditing(true);
}

void DashboardsPage::duplicateCurrent()
{
    Dashboard d = view_->dashboard();
    if (d.name.isEmpty()) return;
    d.name = uniqueName(d.name + QStringLiteral("-copy"));
    d.title.text = tr("%1 (copy)").arg(d.title.forLanguage(activeLanguage()));
    d.title.translations.clear();
    entries_ << DashboardEntry{d, d.name, false, true, {}};
    wanted_ = d.name;
    setEntries(entries_);
    save(d);
}

void DashboardsPage::deleteCurrent()
{
    const QString name = current_;
    store::AppStore *store = engine_->appStore();
    if (name.isEmpty() || !store) return;
    const bool builtin = dashboard_library::isBuiltinName(name);
    const QString question = builtin ? tr("Revert “%1” to the built-in version? Your changes are lost.").arg(name)
                                     : tr("Delete the dashboard “%1”?").arg(name);
    if (QMessageBox::question(this, tr("Dashboards"), question) != QMessageBox::Yes) return;
    saveTimer_->stop();
    if (!builtin) current_.clear();
    runInBackground(
        this, [store, name] { return dashboard_library::remove(store, name); },
        [this](Status s) {
            if (!s.isOk()) message_->setText(QString::fromStdString(s.message()));
            reload();
        });
}

void DashboardsPage::importFile(const QString &file)
{
    QFile f(file);
    Dashboard d;
    QString error;
    if (!f.open(QIODevice::ReadOnly)) error = f.errorString();
    else Dashboard::fromJsonBytes(f.readAll(), &d, &error);
    if (!error.isEmpty()) {
        message_->setText(tr("Could not import %1: %2").arg(file, error));
        return;
    }
    if (names().contains(d.name)) d.name = uniqueName(d.name);  // never overwrite silently
    entries_ << DashboardEntry{d, d.name, false, true, {}};
    wanted_ = d.name;
    setEntries(entries_);
    save(d);
    message_->setText(tr("Imported “%1”.").arg(d.name));
}

void DashboardsPage::exportCurrent(const QString &file)
{
    QFile f(file);
    const QByteArray json = view_->dashboard().toJsonBytes();
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(json) != json.size() || !f.flush()) {
        message_->setText(tr("Could not write %1: %2").arg(file, f.errorString()));
        return;
    }
    message_->setText(tr("Exported to %1.").arg(file));
}

}  // namespace vigil::ui
