#include "pages/alerts_page.h"

#include "models/alert_history_model.h"
#include "models/alert_list_model.h"
#include "models/silence_model.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {

constexpr int kRefreshMs = 5000;
constexpr int kHistoryRows = 5000;
constexpr qint64 kHour = 3'600'000;

QString userName()
{
    QString u = qEnvironmentVariable("USER");
    return u.isEmpty() ? QStringLiteral("console") : u;
}

void setupTree(QTreeView *v)
{
    v->setRootIsDecorated(true);
    v->setUniformRowHeights(true);
    v->setSelectionBehavior(QAbstractItemView::SelectRows);
    v->setSelectionMode(QAbstractItemView::SingleSelection);
    v->setAlternatingRowColors(true);
    v->header()->setStretchLastSection(false);
    v->header()->setSectionResizeMode(AlertListModel::Labels, QHeaderView::Stretch);
    v->header()->setSectionResizeMode(AlertListModel::Name, QHeaderView::ResizeToContents);
    v->header()->setSectionResizeMode(AlertListModel::Since, QHeaderView::ResizeToContents);
}

}  // namespace

AlertsPage::AlertsPage(runtime::Engine *engine, QWidget *parent)
    : QWidget(parent), engine_(engine), service_(std::make_unique<runtime::AlertingService>(engine)),
      firing_(new AlertListModel(AlertListModel::Mode::Firing, this)),
      pending_(new AlertListModel(AlertListModel::Mode::Pending, this)), silences_(new SilenceModel(this)),
      history_(new AlertHistoryModel(this)), historyFilter_(new AlertHistoryFilter(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("alertsSummary"));
    QFont f = summary_->font();
    f.setPointSizeF(f.pointSizeF() * 1.2);
    f.setBold(true);
    summary_->setFont(f);
    auto *refreshButton = new QPushButton(tr("Refresh"), this);
    top->addWidget(summary_, 1);
    top->addWidget(refreshButton);
    layout->addLayout(top);

    tabs_ = new QTabWidget(this);
    tabs_->addTab(buildFiringTab(), tr("Firing"));
    tabs_->addTab(buildPendingTab(), tr("Pending"));
    tabs_->addTab(buildSilencesTab(), tr("Silences"));
    tabs_->addTab(buildHistoryTab(), tr("History"));
    layout->addWidget(tabs_, 1);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("alertsStatus"));
    status_->setWordWrap(true);
    layout->addWidget(status_);

    timer_ = new QTimer(this);
    timer_->setInterval(kRefreshMs);
    connect(timer_, &QTimer::timeout, this, &AlertsPage::refresh);
    connect(refreshButton, &QPushButton::clicked, this, [this] {
        refresh();
        refreshHistory();
    });
    connect(tabs_, &QTabWidget::currentChanged, this, [this](int i) {
        if (Tab(i) == Tab::History) refreshHistory();
        updateButtons();
    });
    connect(engine_, &runtime::Engine::stateChanged, this, [this](runtime::Engine::State s) {
        if (s == runtime::Engine::State::Running && isVisible()) refresh();
    });
    summary_->setText(tr("No alerts are firing."));
    updateButtons();
}

AlertsPage::~AlertsPage() = default;

QWidget *AlertsPage::buildFiringTab()
{
    auto *w = new QWidget(this);
    auto *l = new QVBoxLayout(w);
    firingView_ = new QTreeView(w);
    firingView_->setObjectName(QStringLiteral("firingAlerts"));
    firingView_->setModel(firing_);
    setupTree(firingView_);
    l->addWidget(firingView_, 1);

    auto *row = new QHBoxLayout;
    comment_ = new QLineEdit(w);
    comment_->setObjectName(QStringLiteral("silenceComment"));
    comment_->setPlaceholderText(tr("Comment for the silence (why, who is on it)"));
    silence1h_ = new QPushButton(tr("Silence 1 h"), w);
    silence4h_ = new QPushButton(tr("Silence 4 h"), w);
    silenceResolved_ = new QPushButton(tr("Silence until resolved"), w);
    openGraph_ = new QPushButton(tr("Open graph"), w);
    silence1h_->setToolTip(tr("Mute notifications of this alert (all its labels) for one hour"));
    silenceResolved_->setToolTip(tr("Mute notifications of this alert until it resolves"));
    openGraph_->setToolTip(tr("Graph the alert's expression around its firing time in Explore"));
    row->addWidget(comment_, 1);
    row->addWidget(silence1h_);
    row->addWidget(silence4h_);
    row->addWidget(silenceResolved_);
    row->addWidget(openGraph_);
    l->addLayout(row);
    connect(silence1h_, &QPushButton::clicked, this, [this] { silenceSelected(kHour); });
    connect(silence4h_, &QPushButton::clicked, this, [this] { silenceSelected(4 * kHour); });
    connect(silenceResolved_, &QPushButton::clicked, this, [this] { silenceSelected(0); });
    connect(openGraph_, &QPushButton::clicked, this, &AlertsPage::openGraphOfSelected);
    connect(firingView_, &QTreeView::doubleClicked, this, &AlertsPage::openGraphOfSelected);
    connect(firingView_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AlertsPage::updateButtons);
    return w;
}

QWidget *AlertsPage::buildPendingTab()
{
    auto *w = new QWidget(this);
    auto *l = new QVBoxLayout(w);
    auto *hint = new QLabel(tr("Alerts whose condition holds but whose “for” duration has not passed yet."), w);
    hint->setWordWrap(true);
    pendingView_ = new QTreeView(w);
    pendingView_->setObjectName(QStringLiteral("pendingAlerts"));
    pendingView_->setModel(pending_);
    setupTree(pendingView_);
    pendingView_->setRootIsDecorated(false);
    l->addWidget(hint);
    l->addWidget(pendingView_, 1);
    connect(pendingView_, &QTreeView::doubleClicked, this, &AlertsPage::openGraphOfSelected);
    connect(pendingView_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AlertsPage::updateButtons);
    return w;
}

QWidget *AlertsPage::buildSilencesTab()
{
    auto *w = new QWidget(this);
    auto *l = new QVBoxLayout(w);
    silenceView_ = new QTableView(w);
    silenceView_->setObjectName(QStringLiteral("silences"));
    silenceView_->setModel(silences_);
    silenceView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    silenceView_->setSelectionMode(QAbstractItemView::SingleSelection);
    silenceView_->verticalHeader()->hide();
    silenceView_->horizontalHeader()->setSectionResizeMode(SilenceModel::Matchers, QHeaderView::Stretch);
    silenceView_->horizontalHeader()->setSectionResizeMode(SilenceModel::Comment, QHeaderView::Stretch);
    expire_ = new QPushButton(tr("Expire now"), w);
    expire_->setToolTip(tr("End the selected silence early"));
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(expire_);
    l->addWidget(silenceView_, 1);
    l->addLayout(row);
    connect(expire_, &QPushButton::clicked, this, &AlertsPage::expireSelectedSilence);
    connect(silenceView_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AlertsPage::updateButtons);
    return w;
}

QWidget *AlertsPage::buildHistoryTab()
{
    auto *w = new QWidget(this);
    auto *l = new QVBoxLayout(w);
    auto *row = new QHBoxLayout;
    historyText_ = new QLineEdit(w);
    historyText_->setObjectName(QStringLiteral("historyFilter"));
    historyText_->setPlaceholderText(tr("Filter: alert, label, receiver, error…"));
    historyText_->setClearButtonEnabled(true);
    historyTier_ = new QComboBox(w);
    historyTier_->addItem(tr("All tiers"), -1);
    for (int t = 0; t < kTierCount; ++t) historyTier_->addItem(tierTitle(Tier(t)), t);
    historyTime_ = new QComboBox(w);
    historyTime_->addItem(tr("Last hour"), kHour);
    historyTime_->addItem(tr("Last 24 hours"), 24 * kHour);
    historyTime_->addItem(tr("Last 7 days"), 7 * 24 * kHour);
    historyTime_->addItem(tr("All"), 0);
    historyTime_->setCurrentIndex(1);
    row->addWidget(historyText_, 1);
    row->addWidget(historyTier_);
    row->addWidget(historyTime_);
    l->addLayout(row);
    historyFilter_->setSourceModel(history_);
    historyFilter_->setSortRole(Qt::UserRole);
    historyView_ = new QTableView(w);
    historyView_->setObjectName(QStringLiteral("alertHistory"));
    historyView_->setModel(historyFilter_);
    historyView_->setSortingEnabled(true);
    historyView_->sortByColumn(AlertHistoryModel::Time, Qt::DescendingOrder);
    historyView_->verticalHeader()->hide();
    historyView_->setWordWrap(false);
    historyView_->horizontalHeader()->setSectionResizeMode(AlertHistoryModel::Details, QHeaderView::Stretch);
    historyView_->horizontalHeader()->setSectionResizeMode(AlertHistoryModel::Time, QHeaderView::ResizeToContents);
    l->addWidget(historyView_, 1);
    connect(historyText_, &QLineEdit::textChanged, this, &AlertsPage::applyHistoryFilter);
    connect(historyTier_, &QComboBox::currentIndexChanged, this, &AlertsPage::applyHistoryFilter);
    connect(historyTime_, &QComboBox::currentIndexChanged, this, &AlertsPage::applyHistoryFilter);
    applyHistoryFilter();
    return w;
}

void AlertsPage::setTab(Tab t) { tabs_->setCurrentIndex(int(t)); }

QString AlertsPage::statusText() const { return status_->text(); }

void AlertsPage::setStatus(const QString &text, bool error)
{
    status_->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
    status_->setText(text);
}

void AlertsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    timer_->start();
    refresh();
    if (Tab(tabs_->currentIndex()) == Tab::History) refreshHistory();
}

void AlertsPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    timer_->stop();
}

void AlertsPage::refresh()
{
    const quint64 gen = ++generation_;
    service_->snapshot().then(this, [this, gen](const runtime::AlertingSnapshot &s) {
        if (gen != generation_) return;  // a newer refresh is on its way
        if (!s.status.isOk()) {
            setStatus(tr("Alerts are not available: %1").arg(QString::fromStdString(s.status.message())), true);
            Q_EMIT refreshed(QString::fromStdString(s.status.message()));
            return;
        }
        applySnapshot(s);
        refreshAcknowledgements(s.nowMs);
        Q_EMIT refreshed(QString());
    });
}

void AlertsPage::refreshAcknowledgements(qint64 nowMs)
{
    // The acknowledgement column: the newest acknowledgement of each alert,
    // shown while it belongs to the alert's current firing episode.
    if (!engine_ || engine_->state() != runtime::Engine::State::Running) return;
    const quint64 gen = generation_;
    constexpr qint64 kWindowMs = 30LL * 24 * 3600 * 1000;
    engine_->acknowledgements(nowMs - kWindowMs, nowMs + 60'000)
        .then(this, [this, gen](const runtime::Engine::AckOpResult &r) {
            if (gen != generation_ || !r.status.isOk()) return;
            QHash<quint64, const notify::Acknowledgement *> newest;
            for (const auto &a : r.acknowledgements) newest[a.fingerprint] = &a;  // oldest first
            QHash<quint64, QString> text;
            for (AlertListModel *m : {firing_, pending_}) {
                for (auto it = newest.cbegin(); it != newest.cend(); ++it) {
                    const QModelIndex i = m->indexOf(it.key());
                    const AlertRow *row = i.isValid() ? m->rowAt(i) : nullptr;
                    if (!row || row->firedAtMs == 0 || it.value()->timeMs < row->firedAtMs) continue;
                    const notify::Acknowledgement &a = *it.value();
                    text.insert(it.key(), a.comment.empty() ? QString::fromStdString(a.owner)
                                                            : QStringLiteral("%1: %2").arg(QString::fromStdString(a.owner),
                                                                                          QString::fromStdString(a.comment)));
                }
            }
            firing_->setAcknowledgements(text);
            pending_->setAcknowledgements(text);
        });
}

void AlertsPage::applySnapshot(const runtime::AlertingSnapshot &s)
{
    // Keep the selection across the reset (by fingerprint).
    const AlertRow *sel = selectedAlert();
    const quint64 selected = sel ? sel->fingerprint : 0;
    const QVector<AlertRow> rows = alertRows(s);
    firing_->setRows(rows, s.nowMs);
    pending_->setRows(rows, s.nowMs);
    firingView_->expandAll();
    for (AlertListModel *m : {firing_, pending_}) {
        QTreeView *v = m == firing_ ? firingView_ : pendingView_;
        if (QModelIndex i = m->indexOf(selected); i.isValid())
            v->selectionModel()->select(i, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    QSet<QString> until;
    for (const auto &id : s.untilResolved) until.insert(QString::fromStdString(id));
    const QModelIndexList silenceRows = silenceView_->selectionModel()->selectedRows();
    const notify::Silence *selSilence = silenceRows.isEmpty() ? nullptr : silences_->silenceAt(silenceRows.first().row());
    const std::string selectedSilence = selSilence ? selSilence->id : std::string();
    silences_->setSilences(s.silences, until, s.nowMs);
    for (int i = 0; i < silences_->rowCount(); ++i)
        if (!selectedSilence.empty() && silences_->silenceAt(i)->id == selectedSilence) silenceView_->selectRow(i);

    const int firing = firing_->alertCount();
    const int pending = pending_->alertCount();
    if (firing == 0) {
        summary_->setText(pending == 0 ? tr("No alerts are firing.")
                                       : tr("No alerts are firing; %n pending.", nullptr, pending));
    } else {
        QStringList parts;
        for (int t = 0; t < kTierCount; ++t)
            if (int n = firing_->count(Tier(t)); n > 0) parts << QStringLiteral("%1 %2").arg(n).arg(tierTitle(Tier(t)));
        summary_->setText(tr("%n firing (%1), %2 pending", nullptr, firing).arg(parts.join(QStringLiteral(", "))).arg(pending));
    }
    tabs_->setTabText(int(Tab::Firing), tr("Firing (%1)").arg(firing));
    tabs_->setTabText(int(Tab::Pending), tr("Pending (%1)").arg(pending));
    setStatus(tr("Updated %1.").arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(s.nowMs).time(), QLocale::ShortFormat)),
              false);
    updateButtons();
}

void AlertsPage::refreshHistory()
{
    const quint64 gen = ++historyGeneration_;
    service_->history(kHistoryRows).then(this, [this, gen](const runtime::AlertHistorySnapshot &h) {
        if (gen != historyGeneration_) return;
        if (!h.status.isOk()) {
            setStatus(tr("The alert history is not available: %1").arg(QString::fromStdString(h.status.message())), true);
            Q_EMIT historyLoaded(QString::fromStdString(h.status.message()));
            return;
        }
        history_->setHistory(h.events, h.attempts);
        applyHistoryFilter();
        Q_EMIT historyLoaded(QString());
    });
}

void AlertsPage::applyHistoryFilter()
{
    historyFilter_->setText(historyText_->text());
    historyFilter_->setTier(historyTier_->currentData().toInt());
    const qint64 span = historyTime_->currentData().toLongLong();
    historyFilter_->setTimeRange(span > 0 ? QDateTime::currentMSecsSinceEpoch() - span : 0, 0);
}

const AlertRow *AlertsPage::selectedAlert() const
{
    if (!firingView_ || !pendingView_) return nullptr;
    const bool pending = tabs_ && Tab(tabs_->currentIndex()) == Tab::Pending;
    QTreeView *v = pending ? pendingView_ : firingView_;
    AlertListModel *m = pending ? pending_ : firing_;
    const QModelIndexList rows = v->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m->rowAt(rows.first());
}

void AlertsPage::updateButtons()
{
    const bool alert = selectedAlert() != nullptr;
    for (QPushButton *b : {silence1h_, silence4h_, silenceResolved_, openGraph_})
        if (b) b->setEnabled(alert);
    if (expire_) {
        const QModelIndexList rows = silenceView_->selectionModel()->selectedRows();
        const auto *s = rows.isEmpty() ? nullptr : silences_->silenceAt(rows.first().row());
        const bool sel = s != nullptr;
        expire_->setEnabled(sel && s && s->state(QDateTime::currentMSecsSinceEpoch()) != notify::Silence::State::Expired);
    }
}

void AlertsPage::silenceSelected(qint64 durationMs)
{
    const AlertRow *r = selectedAlert();
    if (!r) {
        setStatus(tr("Select an alert first."), true);
        Q_EMIT silenceChanged(tr("Select an alert first."));
        return;
    }
    notify::Silence s;
    for (const auto &l : r->labels) {
        auto m = model::Matcher::create(model::Matcher::Type::Equal, l.name, l.value);
        if (m) s.matchers.push_back(std::move(*m));
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    s.startsAtMs = now;
    s.endsAtMs = now + (durationMs > 0 ? durationMs : kHour);
    s.createdBy = userName().toStdString();
    s.comment = comment_->text().trimmed().toStdString();
    if (s.comment.empty())
        s.comment = (durationMs > 0 ? tr("Silenced from the Alerts page") : tr("Silenced until resolved from the Alerts page"))
                        .toStdString();
    const QString name = r->alertName;
    service_->createSilence(std::move(s), r->labels, durationMs == 0)
        .then(this, [this, name](const runtime::SilenceOutcome &o) {
            if (!o.status.isOk()) {
                setStatus(tr("Could not silence %1: %2").arg(name, QString::fromStdString(o.status.message())), true);
                Q_EMIT silenceChanged(QString::fromStdString(o.status.message()));
                return;
            }
            comment_->clear();
            setStatus(tr("%1 is silenced.").arg(name), false);
            refresh();
            Q_EMIT silenceChanged(QString());
        });
}

void AlertsPage::expireSelectedSilence()
{
    const QModelIndexList rows = silenceView_->selectionModel()->selectedRows();
    const notify::Silence *s = rows.isEmpty() ? nullptr : silences_->silenceAt(rows.first().row());
    if (!s) {
        setStatus(tr("Select a silence first."), true);
        Q_EMIT silenceChanged(tr("Select a silence first."));
        return;
    }
    service_->expireSilence(s->id).then(this, [this](const Status &st) {
        if (!st.isOk()) setStatus(tr("Could not expire the silence: %1").arg(QString::fromStdString(st.message())), true);
        else setStatus(tr("The silence has expired."), false);
        refresh();
        Q_EMIT silenceChanged(QString::fromStdString(st.message()));
    });
}

void AlertsPage::openGraphOfSelected()
{
    const AlertRow *r = selectedAlert();
    if (!r || r->expr.isEmpty()) return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 center = r->firedAtMs > 0 ? r->firedAtMs : r->activeAtMs;
    const qint64 from = center - kHour;
    qint64 to = qMin(now, center + kHour);
    if (to <= center) to = now;
    Q_EMIT openGraphRequested(r->expr, from, to);
}

}  // namespace vigil::ui
