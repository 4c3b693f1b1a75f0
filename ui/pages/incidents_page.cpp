#include "pages/incidents_page.h"

#include "models/incident_list_model.h"
#include "reports/incident_report.h"
#include "reports/report_graphs.h"

#include "runtime/engine.h"

#include <QCheckBox>
#include <QDateTime>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {

// The operator's name for acknowledgements and notes: the login name.
std::string operatorName()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty()) user = qEnvironmentVariable("USERNAME");
    return user.toStdString();
}

}  // namespace

IncidentsPage::IncidentsPage(runtime::Engine *engine, QWidget *parent) : QWidget(parent), engine_(engine)
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    openOnly_ = new QCheckBox(tr("Open incidents only"), this);
    auto *refresh = new QPushButton(tr("Refresh"), this);
    auto *marker = new QPushButton(tr("Add marker…"), this);
    marker->setToolTip(tr("Mark a deploy or change now; the marker is drawn on every graph."));
    connect(marker, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString text = QInputDialog::getText(this, tr("Add marker"), tr("What changed (e.g. deploy api 1.4):"),
                                                   QLineEdit::Normal, QString(), &ok);
        if (ok && !text.trimmed().isEmpty()) addMarker(text.trimmed());
    });
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("incidentsStatus"));
    bar->addWidget(openOnly_);
    bar->addWidget(refresh);
    bar->addWidget(marker);
    bar->addWidget(status_, 1);
    layout->addLayout(bar);

    auto *split = new QSplitter(Qt::Horizontal, this);
    model_ = new IncidentListModel(this);
    list_ = new QTableView(split);
    list_->setObjectName(QStringLiteral("incidentList"));
    list_->setModel(model_);
    list_->setSelectionBehavior(QAbstractItemView::SelectRows);
    list_->setSelectionMode(QAbstractItemView::SingleSelection);
    list_->verticalHeader()->hide();
    list_->horizontalHeader()->setSectionResizeMode(IncidentListModel::Title, QHeaderView::Stretch);

    auto *detail = new QWidget(split);
    auto *dl = new QVBoxLayout(detail);
    header_ = new QLabel(tr("Select an incident."), detail);
    header_->setObjectName(QStringLiteral("incidentHeader"));
    header_->setWordWrap(true);
    header_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    dl->addWidget(header_);
    auto *actions = new QHBoxLayout;
    ackButton_ = new QPushButton(tr("Acknowledge"), detail);
    auto *mdButton = new QPushButton(tr("Export Markdown…"), detail);
    auto *pdfButton = new QPushButton(tr("Export PDF…"), detail);
    actions->addWidget(ackButton_);
    actions->addStretch(1);
    actions->addWidget(mdButton);
    actions->addWidget(pdfButton);
    dl->addLayout(actions);

    tabs_ = new QTabWidget(detail);
    // Timeline with the note field.
    auto *tlPage = new QWidget(tabs_);
    auto *tll = new QVBoxLayout(tlPage);
    timeline_ = new QTableWidget(0, 4, tlPage);
    timeline_->setObjectName(QStringLiteral("incidentTimeline"));
    timeline_->setHorizontalHeaderLabels({tr("Time"), tr("Event"), tr("By"), tr("Details")});
    timeline_->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    timeline_->verticalHeader()->hide();
    timeline_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    tll->addWidget(timeline_, 1);
    auto *noteRow = new QHBoxLayout;
    note_ = new QLineEdit(tlPage);
    note_->setObjectName(QStringLiteral("noteEdit"));
    note_->setPlaceholderText(tr("Write a note for the timeline…"));
    noteButton_ = new QPushButton(tr("Add note"), tlPage);
    noteRow->addWidget(note_, 1);
    noteRow->addWidget(noteButton_);
    tll->addLayout(noteRow);
    tabs_->addTab(tlPage, tr("Timeline"));

    // Scope: affected targets and related graphs.
    auto *scopePage = new QWidget(tabs_);
    auto *sl = new QVBoxLayout(scopePage);
    auto *scopeButton = new QPushButton(tr("Show scope"), scopePage);
    scopeButton->setToolTip(tr("Affected targets and graphs of the alert expression, its inputs and the node's "
                               "CPU, memory, disk and network over the incident window."));
    scopeTargets_ = new QLabel(scopePage);
    scopeTargets_->setWordWrap(true);
    scopeTargets_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *scroll = new QScrollArea(scopePage);
    scroll->setWidgetResizable(true);
    auto *graphs = new QWidget(scroll);
    scopeLayout_ = new QVBoxLayout(graphs);
    scroll->setWidget(graphs);
    sl->addWidget(scopeButton, 0, Qt::AlignLeft);
    sl->addWidget(scopeTargets_);
    sl->addWidget(scroll, 1);
    tabs_->addTab(scopePage, tr("Scope"));

    // Correlation.
    auto *corrPage = new QWidget(tabs_);
    auto *cl = new QVBoxLayout(corrPage);
    auto *corrButton = new QPushButton(tr("Find correlated series"), corrPage);
    corrButton->setToolTip(tr("Ranks the other series of the same instance by how strongly they moved with the "
                              "alert's input in the 30 minutes before it fired (Pearson correlation; counters as rates)."));
    correlationStatus_ = new QLabel(corrPage);
    correlationStatus_->setWordWrap(true);
    correlation_ = new QTableWidget(0, 2, corrPage);
    correlation_->setObjectName(QStringLiteral("correlationTable"));
    correlation_->setHorizontalHeaderLabels({tr("Series"), tr("Pearson r")});
    correlation_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    correlation_->verticalHeader()->hide();
    correlation_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    cl->addWidget(corrButton, 0, Qt::AlignLeft);
    cl->addWidget(correlationStatus_);
    cl->addWidget(correlation_, 1);
    tabs_->addTab(corrPage, tr("Correlation"));
    dl->addWidget(tabs_, 1);

    split->addWidget(list_);
    split->addWidget(detail);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    layout->addWidget(split, 1);

    connect(openOnly_, &QCheckBox::toggled, this, &IncidentsPage::reload);
    connect(refresh, &QPushButton::clicked, this, &IncidentsPage::reload);
    connect(list_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &i) {
        if (i.isValid()) select(model_->data(model_->index(i.row(), 0), IncidentListModel::IdRole).toLongLong());
    });
    connect(noteButton_, &QPushButton::clicked, this, &IncidentsPage::addNote);
    connect(note_, &QLineEdit::returnPressed, this, &IncidentsPage::addNote);
    connect(ackButton_, &QPushButton::clicked, this, &IncidentsPage::acknowledge);
    connect(scopeButton, &QPushButton::clicked, this, &IncidentsPage::showScope);
    connect(corrButton, &QPushButton::clicked, this, &IncidentsPage::correlate);
    connect(mdButton, &QPushButton::clicked, this, [this] { chooseExport(false); });
    connect(pdfButton, &QPushButton::clicked, this, [this] { chooseExport(true); });
    connect(engine_, &runtime::Engine::stateChanged, this, &IncidentsPage::onEngineState);
    onEngineState(engine_->state());
}

IncidentsPage::~IncidentsPage()
{
    if (correlationToken_) correlationToken_->cancel();
}

incidents::IncidentService *IncidentsPage::service() const
{
    return engine_ && engine_->state() == runtime::Engine::State::Running ? engine_->incidents() : nullptr;
}

void IncidentsPage::onEngineState(runtime::Engine::State state)
{
    if (state == runtime::Engine::State::Running) {
        connectService();
        reload();
    } else {
        serviceConnection_ = nullptr;
    }
}

void IncidentsPage::connectService()
{
    incidents::IncidentService *svc = engine_->incidents();
    if (!svc || serviceConnection_ == svc) return;
    serviceConnection_ = svc;
    connect(svc, &incidents::IncidentService::incidentChanged, this, [this](qint64 id) {
        reload();
        if (id == selected_) loadDetail(id);
    });
}

void IncidentsPage::reload()
{
    auto *svc = service();
    if (!svc) {
        status_->setText(tr("The engine is not running."));
        return;
    }
    auto *w = new QFutureWatcher<incidents::IncidentList>(this);
    connect(w, &QFutureWatcher<incidents::IncidentList>::finished, this, [this, w] {
        w->deleteLater();
        if (w->future().resultCount() == 0) return;
        incidents::IncidentList list = w->future().result();
        if (!list.status.isOk()) {
            status_->setText(QString::fromStdString(list.status.message()));
            return;
        }
        const qint64 keep = selected_;
        size_t open = 0;
        for (const auto &i : list.incidents) open += i.isOpen() ? 1 : 0;
        status_->setText(tr("%n incident(s), %1 open", nullptr, int(list.incidents.size())).arg(open));
        model_->setIncidents(std::move(list.incidents));
        if (const int row = model_->rowOf(keep); row >= 0) {
            const QSignalBlocker block(list_->selectionModel());
            list_->selectRow(row);
        }
        Q_EMIT loaded();
    });
    w->setFuture(svc->incidents(openOnly_->isChecked()));
}

void IncidentsPage::select(qint64 id)
{
    if (id == selected_ && current_.incident.id == id) return;
    selected_ = id;
    for (QWidget *p : scopePanels_) p->deleteLater();
    scopePanels_.clear();
    scopeTargets_->clear();
    correlation_->setRowCount(0);
    correlationStatus_->clear();
    lastCorrelation_ = {};
    loadDetail(id);
}

void IncidentsPage::loadDetail(qint64 id)
{
    auto *svc = service();
    if (!svc) return;
    auto *w = new QFutureWatcher<incidents::IncidentDetail>(this);
    connect(w, &QFutureWatcher<incidents::IncidentDetail>::finished, this, [this, w, id] {
        w->deleteLater();
        if (w->future().resultCount() == 0 || id != selected_) return;
        current_ = w->future().result();
        showDetail();
        Q_EMIT detailLoaded();
    });
    w->setFuture(svc->incident(id));
}

void IncidentsPage::showDetail()
{
    if (!current_.status.isOk()) {
        header_->setText(QString::fromStdString(current_.status.message()));
        return;
    }
    const auto &inc = current_.incident;
    QString h = QStringLiteral("<b>%1</b><br>").arg(QString::fromStdString(inc.title).toHtmlEscaped());
    h += tr("Severity %1 · grouped by %2").arg(QString::fromStdString(inc.severity), QString::fromStdString(inc.groupKey).toHtmlEscaped());
    h += QStringLiteral("<br>") + tr("Fired %1 · to detect %2 · to acknowledge %3 · to resolve %4")
                                      .arg(IncidentReport::formatTime(inc.openedAtMs),
                                           IncidentReport::formatDuration(inc.timeToDetectMs()),
                                           IncidentReport::formatDuration(inc.timeToAcknowledgeMs()),
                                           IncidentReport::formatDuration(inc.timeToResolveMs()));
    if (inc.acknowledgedAtMs > 0)
        h += QStringLiteral("<br>") + tr("Acknowledged by %1").arg(QString::fromStdString(inc.acknowledgedBy).toHtmlEscaped());
    header_->setText(h);
    ackButton_->setEnabled(inc.isOpen() && inc.acknowledgedAtMs == 0);
    timeline_->setRowCount(int(current_.timeline.size()));
    for (int r = 0; r < int(current_.timeline.size()); ++r) {
        const auto &e = current_.timeline[size_t(r)];
        timeline_->setItem(r, 0, new QTableWidgetItem(IncidentReport::formatTime(e.timeMs)));
        timeline_->setItem(r, 1, new QTableWidgetItem(IncidentReport::eventTitle(e.kind)));
        timeline_->setItem(r, 2, new QTableWidgetItem(QString::fromStdString(e.author)));
        timeline_->setItem(r, 3, new QTableWidgetItem(QString::fromStdString(e.text)));
    }
    timeline_->resizeColumnsToContents();
    timeline_->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
}

void IncidentsPage::addNote()
{
    auto *svc = service();
    const QString text = note_->text().trimmed();
    if (!svc || selected_ == 0 || text.isEmpty()) return;
    noteButton_->setEnabled(false);
    auto *w = new QFutureWatcher<Status>(this);
    connect(w, &QFutureWatcher<Status>::finished, this, [this, w] {
        w->deleteLater();
        noteButton_->setEnabled(true);
        const Status s = w->future().resultCount() ? w->future().result() : Status::cancelled("engine stopped");
        if (s.isOk()) note_->clear();
        else status_->setText(tr("The note was not saved: %1").arg(QString::fromStdString(s.message())));
    });
    w->setFuture(svc->addNote(selected_, operatorName(), text.toStdString()));
}

void IncidentsPage::acknowledge()
{
    auto *svc = service();
    if (!svc || selected_ == 0) return;
    const std::string owner = operatorName();
    const std::string comment = note_->text().trimmed().toStdString();
    // Acknowledge the incident's firing alerts with the notifier, so their
    // escalation stops too; the notifier's acknowledged() signal puts the
    // acknowledgement into this incident's timeline (engine_notify.cpp).
    std::vector<uint64_t> firing;
    for (const auto &a : current_.incident.alerts) {
        if (a.endsAtMs != 0 || a.fingerprint.empty()) continue;
        bool ok = false;
        const qulonglong fp = QString::fromStdString(a.fingerprint).toULongLong(&ok, 16);
        if (ok) firing.push_back(fp);
    }
    auto done = [this](const Status &s) {
        if (s.isOk()) note_->clear();
        else status_->setText(tr("Not acknowledged: %1").arg(QString::fromStdString(s.message())));
    };
    // Without a firing alert the notifier knows, the acknowledgement is only
    // recorded in the timeline.
    auto recordOnly = [this, svc, owner, comment, done] {
        incidents::IncidentEvent e;
        e.incidentId = selected_;
        e.kind = incidents::EventKind::Acknowledged;
        e.author = owner;
        e.text = comment;
        auto *w = new QFutureWatcher<Status>(this);
        connect(w, &QFutureWatcher<Status>::finished, this, [w, done] {
            w->deleteLater();
            done(w->future().resultCount() ? w->future().result() : Status::cancelled("engine stopped"));
        });
        w->setFuture(svc->recordEvent(e));
    };
    if (firing.empty()) {
        recordOnly();
        return;
    }
    auto pending = std::make_shared<int>(static_cast<int>(firing.size()));
    auto anyOk = std::make_shared<bool>(false);
    for (uint64_t fp : firing) {
        auto *w = new QFutureWatcher<runtime::Engine::AckOpResult>(this);
        connect(w, &QFutureWatcher<runtime::Engine::AckOpResult>::finished, this,
                [w, pending, anyOk, done, recordOnly] {
                    w->deleteLater();
                    if (w->future().resultCount() && w->future().result().status.isOk()) *anyOk = true;
                    if (--*pending > 0) return;
                    if (*anyOk) done(Status::ok());
                    else recordOnly();  // e.g. the notifier already forgot the alert
                });
        w->setFuture(engine_->acknowledge(notify::AckTarget{fp, {}}, owner, comment));
    }
}

void IncidentsPage::addMarker(const QString &text)
{
    auto *svc = service();
    if (!svc) {
        Q_EMIT markerAdded(tr("The engine is not running."));
        return;
    }
    incidents::Marker m;
    m.timeMs = QDateTime::currentMSecsSinceEpoch();
    m.text = text.toStdString();
    m.source = "manual";
    auto *w = new QFutureWatcher<Status>(this);
    connect(w, &QFutureWatcher<Status>::finished, this, [this, w] {
        w->deleteLater();
        const Status s = w->future().resultCount() ? w->future().result() : Status::cancelled("engine stopped");
        const QString error = s.isOk() ? QString() : QString::fromStdString(s.message());
        if (!s.isOk()) status_->setText(tr("The marker was not saved: %1").arg(error));
        Q_EMIT markerAdded(error);
    });
    w->setFuture(svc->addMarker(std::move(m)));
}

void IncidentsPage::chooseExport(bool pdf)
{
    if (current_.incident.id == 0) return;
    const QString name = QStringLiteral("incident-%1.%2").arg(current_.incident.id).arg(pdf ? QStringLiteral("pdf") : QStringLiteral("md"));
    const QString path = QFileDialog::getSaveFileName(this, pdf ? tr("Export incident as PDF") : tr("Export incident as Markdown"),
                                                      name, pdf ? tr("PDF documents (*.pdf)") : tr("Markdown (*.md)"));
    if (!path.isEmpty()) exportTo(path);
}

}  // namespace vigil::ui
