#include "pages/remote_page.h"

#include "pages/data_source_dialog.h"
#include "pages/remote_write_dialog.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {

enum DestinationColumn { DName, DUrl, DPending, DShards, DLag, DFailed, DRetried, DStatus, DCount };
enum SourceColumn { SName, SKind, SUrl, SAuth, SStatus, SCount };

QTableWidget *makeTable(QWidget *parent, const QStringList &headers, const QString &name)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

void setCell(QTableWidget *t, int row, int col, const QString &text)
{
    auto *item = t->item(row, col);
    if (!item) {
        item = new QTableWidgetItem;
        t->setItem(row, col, item);
    }
    item->setText(text);
}

template <typename T, typename F>
void whenDone(QObject *context, QFuture<T> f, F fn)
{
    auto *w = new QFutureWatcher<T>(context);
    QObject::connect(w, &QFutureWatcher<T>::finished, context, [w, fn = std::move(fn)]() mutable {
        w->deleteLater();
        fn(w->future().resultCount() > 0 ? w->future().result() : T{});
    });
    w->setFuture(f);
}

}  // namespace

RemotePage::RemotePage(runtime::Engine *engine, runtime::RemoteWriteDestinations *destinations,
                       runtime::DataSourceRegistry *sources, QWidget *parent)
    : QWidget(parent), engine_(engine), rw_(destinations), ds_(sources)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 12);
    auto *title = new QLabel(tr("Remote"), this);
    title->setStyleSheet(QStringLiteral("font-size: 20pt; font-weight: 600;"));
    layout->addWidget(title);

    auto section = [&](const QString &heading, const QString &help) {
        auto *h = new QLabel(heading, this);
        h->setStyleSheet(QStringLiteral("font-size: 13pt; font-weight: 600; margin-top: 12px;"));
        layout->addWidget(h);
        auto *l = new QLabel(help, this);
        l->setWordWrap(true);
        layout->addWidget(l);
    };
    auto buttonRow = [&](std::initializer_list<std::pair<QString, void (RemotePage::*)()>> buttons) {
        auto *row = new QHBoxLayout;
        for (const auto &[text, slot] : buttons) {
            auto *b = new QPushButton(text, this);
            connect(b, &QPushButton::clicked, this, slot);
            row->addWidget(b);
        }
        row->addStretch();
        layout->addLayout(row);
    };

    section(tr("Remote write"),
            tr("Send every sample Vigil stores to Prometheus, Mimir, Thanos Receive or VictoriaMetrics "
               "(Remote-Write 1.0). Destinations in the --config.file's remote_write section are listed too."));
    destinations_ = makeTable(this, {tr("Name"), tr("URL"), tr("Pending samples"), tr("Shards"), tr("Lag"),
                                     tr("Failed samples"), tr("Retried samples"), tr("Status")},
                              QStringLiteral("remoteWriteTable"));
    layout->addWidget(destinations_, 1);
    buttonRow({{tr("Add…"), &RemotePage::addDestination},
               {tr("Edit…"), &RemotePage::editDestination},
               {tr("Remove"), &RemotePage::removeDestination}});

    section(tr("Data sources"),
            tr("Prometheus-compatible query endpoints that graph panels and Explore can read from "
               "instead of the local engine."));
    sources_ = makeTable(this, {tr("Name"), tr("Kind"), tr("URL"), tr("Authentication"), tr("Status")},
                         QStringLiteral("dataSourceTable"));
    layout->addWidget(sources_, 1);
    buttonRow({{tr("Add…"), &RemotePage::addSource},
               {tr("Edit…"), &RemotePage::editSource},
               {tr("Remove"), &RemotePage::removeSource},
               {tr("Test"), &RemotePage::testSource}});

    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("remoteMessage"));
    message_->setWordWrap(true);
    layout->addWidget(message_);

    connect(rw_, &runtime::RemoteWriteDestinations::changed, this, &RemotePage::showDestinations);
    connect(ds_, &runtime::DataSourceRegistry::changed, this, &RemotePage::showSources);
    healthTimer_ = new QTimer(this);
    healthTimer_->setInterval(2000);
    connect(healthTimer_, &QTimer::timeout, this, &RemotePage::refreshHealth);
    healthTimer_->start();
    showDestinations();
    showSources();
}

QString RemotePage::selectedName(QTableWidget *table) const
{
    const auto rows = table->selectionModel()->selectedRows();
    if (rows.isEmpty()) return {};
    auto *item = table->item(rows.first().row(), 0);
    return item ? item->text() : QString();
}

void RemotePage::report(const Status &s, const QString &done)
{
    const QString text = s.isOk() ? done : QString::fromStdString(s.message());
    message_->setStyleSheet(s.isOk() ? QString() : QStringLiteral("color: #b3261e;"));
    message_->setText(text);
    Q_EMIT operationFinished(s.isOk() ? QString() : text);
}

void RemotePage::showDestinations()
{
    // Console entries first (editable), then queues from --config.file (read-only, by name).
    QStringList names;
    for (const auto &e : rw_->entries()) names << QString::fromStdString(e.name);
    for (const auto &h : engine_->remoteWriteHealth())
        if (!names.contains(QString::fromStdString(h.name))) names << QString::fromStdString(h.name);
    destinations_->setRowCount(int(names.size()));
    for (int i = 0; i < names.size(); ++i) {
        setCell(destinations_, i, DName, names[i]);
        const std::string error = rw_->error(names[i].toStdString());
        if (!error.empty()) setCell(destinations_, i, DStatus, tr("Not applied: %1").arg(QString::fromStdString(error)));
    }
    refreshHealth();
}

void RemotePage::refreshHealth()
{
    const auto health = engine_->remoteWriteHealth();
    for (int row = 0; row < destinations_->rowCount(); ++row) {
        const std::string name = destinations_->item(row, DName)->text().toStdString();
        const std::string error = rw_->error(name);
        bool found = false;
        for (const auto &h : health) {
            if (h.name != name) continue;
            found = true;
            setCell(destinations_, row, DUrl, QString::fromStdString(h.url));
            setCell(destinations_, row, DPending, QString::number(h.samplesPending));
            setCell(destinations_, row, DShards, QString::number(h.shards));
            setCell(destinations_, row, DLag, tr("%1 s").arg(h.lagSeconds, 0, 'f', 1));
            setCell(destinations_, row, DFailed, QString::number(h.samplesFailed));
            setCell(destinations_, row, DRetried, QString::number(h.samplesRetried));
            setCell(destinations_, row, DStatus, h.samplesPending > 0 && h.lagSeconds > 60 ? tr("Behind") : tr("Sending"));
        }
        if (!found && error.empty()) setCell(destinations_, row, DStatus, tr("Starting…"));
    }
}

void RemotePage::showSources()
{
    const auto &list = ds_->sources();
    sources_->setRowCount(int(list.size()));
    for (int i = 0; i < int(list.size()); ++i) {
        const auto &s = list[size_t(i)];
        const QString name = QString::fromStdString(s.name);
        setCell(sources_, i, SName, name);
        setCell(sources_, i, SKind, QString::fromStdString(s.type));
        setCell(sources_, i, SUrl, QString::fromStdString(s.url));
        setCell(sources_, i, SAuth, s.auth == runtime::DataSource::Auth::Basic ? tr("Basic (%1)").arg(QString::fromStdString(s.username))
                                    : s.auth == runtime::DataSource::Auth::Bearer ? tr("Bearer token")
                                                                                  : tr("None"));
        const std::string error = ds_->error(s.name);
        setCell(sources_, i, SStatus, !error.empty() ? QString::fromStdString(error) : testResults_.value(name, tr("Ready")));
    }
}

void RemotePage::addDestination()
{
    RemoteWriteDialog dialog(runtime::StoredRemoteWrite{}, this);
    if (dialog.exec() != QDialog::Accepted) return;
    whenDone(this, rw_->save(dialog.entry(), dialog.secret()), [this](Status s) { report(s, tr("Destination saved; the queue starts now.")); });
}

void RemotePage::editDestination()
{
    const QString name = selectedName(destinations_);
    for (const auto &e : rw_->entries()) {
        if (QString::fromStdString(e.name) != name) continue;
        RemoteWriteDialog dialog(e, this);
        if (dialog.exec() != QDialog::Accepted) return;
        whenDone(this, rw_->save(dialog.entry(), dialog.secret()), [this](Status s) { report(s, tr("Destination saved and applied.")); });
        return;
    }
    report(Status::invalidArgument(tr("Choose a destination added here; those of the configuration file are edited there.").toStdString()), {});
}

void RemotePage::removeDestination()
{
    const QString name = selectedName(destinations_);
    if (name.isEmpty()) return;
    whenDone(this, rw_->remove(name.toStdString()), [this](Status s) { report(s, tr("Destination removed.")); });
}

void RemotePage::addSource()
{
    DataSourceDialog dialog(runtime::DataSource{}, this);
    if (dialog.exec() != QDialog::Accepted) return;
    whenDone(this, ds_->save(dialog.source(), dialog.secret()), [this](Status s) { report(s, tr("Data source saved.")); });
}

void RemotePage::editSource()
{
    const QString name = selectedName(sources_);
    for (const auto &s : ds_->sources()) {
        if (QString::fromStdString(s.name) != name) continue;
        DataSourceDialog dialog(s, this);
        if (dialog.exec() != QDialog::Accepted) return;
        whenDone(this, ds_->save(dialog.source(), dialog.secret()), [this](Status st) { report(st, tr("Data source saved.")); });
        return;
    }
}

void RemotePage::removeSource()
{
    const QString name = selectedName(sources_);
    if (name.isEmpty()) return;
    whenDone(this, ds_->remove(name.toStdString()), [this](Status s) { report(s, tr("Data source removed.")); });
}

void RemotePage::testSource()
{
    const QString name = selectedName(sources_);
    auto client = ds_->client(name.toStdString());
    if (!client) {
        report(Status::unavailable(ds_->error(name.toStdString()).empty() ? tr("Choose a data source.").toStdString()
                                                                          : ds_->error(name.toStdString())),
               {});
        return;
    }
    testResults_[name] = tr("Testing…");
    showSources();
    whenDone(this, client->check(), [this, name, client](Status s) {
        testResults_[name] = s.isOk() ? tr("Answers queries") : QString::fromStdString(s.message());
        showSources();
        report(s, tr("“%1” answers queries.").arg(name));
    });
}

}  // namespace vigil::ui
