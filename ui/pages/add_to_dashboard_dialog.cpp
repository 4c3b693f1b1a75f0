#include "pages/add_to_dashboard_dialog.h"

#include "dashboards/dashboard_library.h"
#include "i18n.h"
#include "runtime/future_helpers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QThreadPool>
#include <QVBoxLayout>

namespace vigil::ui {

AddToDashboardDialog::AddToDashboardDialog(runtime::Engine *engine, const DashboardPanel &panel,
                                           QWidget *parent)
    : QDialog(parent), engine_(engine), panel_(panel)
{
    setWindowTitle(tr("Add to dashboard"));
    setObjectName(QStringLiteral("addToDashboardDialog"));
    setMinimumWidth(460);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    title_ = new QLineEdit(panel_.config.title, this);
    title_->setObjectName(QStringLiteral("panelTitle"));
    dashboards_ = new QComboBox(this);
    dashboards_->setObjectName(QStringLiteral("dashboardBox"));
    dashboards_->addItem(tr("New dashboard"), QString());
    newTitle_ = new QLineEdit(this);
    newTitle_->setObjectName(QStringLiteral("newDashboardTitle"));
    newTitle_->setPlaceholderText(tr("Title of the new dashboard"));
    openAfter_ = new QCheckBox(tr("Open the dashboard afterwards"), this);
    openAfter_->setObjectName(QStringLiteral("openAfter"));
    form->addRow(tr("Panel title:"), title_);
    form->addRow(tr("Dashboard:"), dashboards_);
    form->addRow(tr("New dashboard:"), newTitle_);
    form->addRow(QString(), openAfter_);
    layout->addLayout(form);
    message_ = new QLabel(tr("Loading the dashboards…"), this);
    message_->setObjectName(QStringLiteral("addToDashboardMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(message_);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    addButton_ = buttons->button(QDialogButtonBox::Ok);
    addButton_->setText(tr("Add panel"));
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &AddToDashboardDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(dashboards_, &QComboBox::currentIndexChanged, this, &AddToDashboardDialog::updateFields);
    connect(title_, &QLineEdit::textChanged, this, &AddToDashboardDialog::updateFields);
    connect(newTitle_, &QLineEdit::textChanged, this, &AddToDashboardDialog::updateFields);
    updateFields();
    load();
}

QString AddToDashboardDialog::errorText() const
{
    return message_->property("error").toBool() ? message_->text() : QString();
}

void AddToDashboardDialog::showError(const QString &error)
{
    message_->setProperty("error", true);
    message_->setStyleSheet(QStringLiteral("color: #b3261e;"));
    message_->setText(error);
}

void AddToDashboardDialog::load()
{
    store::AppStore *store = engine_ ? engine_->appStore() : nullptr;
    if (!store || engine_->state() != runtime::Engine::State::Running) {
        showError(tr("The engine is not running: dashboards cannot be saved now."));
        Q_EMIT loaded();
        return;
    }
    using Entries = Result<QList<DashboardEntry>>;
    auto *w = new QFutureWatcher<Entries>(this);
    connect(w, &QFutureWatcher<Entries>::finished, this, [this, w] {
        w->deleteLater();
        const Entries r = w->future().result();
        if (!r.isOk()) {
            showError(tr("Could not read the saved dashboards: %1")
                          .arg(QString::fromStdString(r.status().message())));
        } else {
            message_->clear();
            const QString language = activeLanguage();
            for (const DashboardEntry &e : *r) {
                if (!e.error.isEmpty()) continue;  // unreadable: adding to it would overwrite it
                const QString title = e.dashboard.title.forLanguage(language);
                dashboards_->addItem(title == e.name || title.isEmpty()
                                         ? e.name
                                         : QStringLiteral("%1 (%2)").arg(title, e.name),
                                     e.name);
            }
            // The last dashboard opened is the likely one.
            const int last =
                dashboards_->findData(QSettings().value(QStringLiteral("dashboards/last")).toString());
            if (last > 0) dashboards_->setCurrentIndex(last);
        }
        updateFields();
        Q_EMIT loaded();
    });
    w->setFuture(runtime::runOn<Entries>(*QThreadPool::globalInstance(),
                                         [store] { return dashboard_library::list(store); }));
}

bool AddToDashboardDialog::selectDashboard(const QString &name)
{
    const int i = dashboards_->findData(name);
    if (i < 0) return false;
    dashboards_->setCurrentIndex(i);
    return true;
}

void AddToDashboardDialog::updateFields()
{
    const bool isNew = dashboards_->currentData().toString().isEmpty();
    newTitle_->setEnabled(isNew && !saving_);
    const bool running =
        engine_ && engine_->appStore() && engine_->state() == runtime::Engine::State::Running;
    addButton_->setEnabled(running && !saving_ && !title_->text().trimmed().isEmpty() &&
                           (!isNew || !newTitle_->text().trimmed().isEmpty()));
}

void AddToDashboardDialog::accept()
{
    store::AppStore *store = engine_ ? engine_->appStore() : nullptr;
    if (saving_ || !store) return;
    const QString name = dashboards_->currentData().toString();
    const QString newTitle = newTitle_->text().trimmed();
    DashboardPanel panel = panel_;
    panel.config.title = title_->text().trimmed();
    if (panel.config.title.isEmpty() || (name.isEmpty() && newTitle.isEmpty())) return;
    saving_ = true;
    updateFields();
    message_->setProperty("error", false);
    message_->setStyleSheet(QString());
    message_->setText(tr("Saving…"));
    using Saved = Result<Dashboard>;
    auto *w = new QFutureWatcher<Saved>(this);
    connect(w, &QFutureWatcher<Saved>::finished, this, [this, w, title = panel.config.title] {
        w->deleteLater();
        saving_ = false;
        const Saved r = w->future().result();
        if (!r.isOk()) {
            const QString error = QString::fromStdString(r.status().message());
            showError(tr("Could not add the panel: %1").arg(error));
            updateFields();
            Q_EMIT failed(error);
            return;
        }
        Q_EMIT added(r->name, title, openAfter_->isChecked());
        QDialog::accept();
    });
    w->setFuture(runtime::runOn<Saved>(*QThreadPool::globalInstance(), [store, name, newTitle, panel] {
        return dashboard_library::addPanel(store, name, newTitle, panel);
    }));
}

}  // namespace vigil::ui
