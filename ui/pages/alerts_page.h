// AlertsPage: what is alerting now and what happened — firing alerts by
// tier, pending alerts with the time left until they fire, silences (one
// click from an alert: 1 h, 4 h or until it resolves, with a comment;
// expire early) and the alert history from app.db (fired, resolved,
// silenced, every notification attempt), filterable by text, tier and time.
// "Open graph" asks the main window to graph the alert's expression around
// its firing time (openGraphRequested → Explore).
//
// Every engine read and write goes through runtime::AlertingService
// (futures on the global pool); the page refreshes every 5 s while visible
// and drops answers that a newer refresh superseded. GUI thread only.
#pragma once

#include "runtime/alerting_service.h"
#include "runtime/engine.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;
class QTreeView;

namespace vigil::ui {

class AlertListModel;
class AlertHistoryFilter;
class AlertHistoryModel;
class SilenceModel;
struct AlertRow;

class AlertsPage : public QWidget {
    Q_OBJECT
public:
    enum class Tab { Firing = 0, Pending = 1, Silences = 2, History = 3 };

    explicit AlertsPage(runtime::Engine *engine, QWidget *parent = nullptr);
    ~AlertsPage() override;

    AlertListModel *firingModel() const { return firing_; }
    AlertListModel *pendingModel() const { return pending_; }
    SilenceModel *silenceModel() const { return silences_; }
    AlertHistoryModel *historyModel() const { return history_; }
    AlertHistoryFilter *historyFilter() const { return historyFilter_; }
    QTreeView *firingView() const { return firingView_; }
    QTreeView *pendingView() const { return pendingView_; }
    QTableView *silenceView() const { return silenceView_; }
    QLineEdit *commentField() const { return comment_; }
    QLineEdit *historyText() const { return historyText_; }
    QComboBox *historyTier() const { return historyTier_; }
    QComboBox *historyTime() const { return historyTime_; }
    void setTab(Tab t);
    QString statusText() const;

public Q_SLOTS:
    void refresh();
    void refreshHistory();
    // Silences the selected firing (or pending) alert for `durationMs`, or
    // until it resolves when durationMs is 0, with the comment field's text.
    void silenceSelected(qint64 durationMs);
    void expireSelectedSilence();
    void openGraphOfSelected();

Q_SIGNALS:
    void openGraphRequested(const QString &expr, qint64 fromMs, qint64 toMs);
    // After each refresh / history load / silence change (error text, empty on success).
    void refreshed(const QString &error);
    void historyLoaded(const QString &error);
    void silenceChanged(const QString &error);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QWidget *buildFiringTab();
    QWidget *buildPendingTab();
    QWidget *buildSilencesTab();
    QWidget *buildHistoryTab();
    const AlertRow *selectedAlert() const;
    void refreshAcknowledgements(qint64 nowMs);
    void applySnapshot(const runtime::AlertingSnapshot &s);
    void applyHistoryFilter();
    void setStatus(const QString &text, bool error);
    void updateButtons();

    runtime::Engine *engine_;
    std::unique_ptr<runtime::AlertingService> service_;
    AlertListModel *firing_;
    AlertListModel *pending_;
    SilenceModel *silences_;
    AlertHistoryModel *history_;
    AlertHistoryFilter *historyFilter_;
    QTabWidget *tabs_ = nullptr;
    QTreeView *firingView_ = nullptr;
    QTreeView *pendingView_ = nullptr;
    QTableView *silenceView_ = nullptr;
    QTableView *historyView_ = nullptr;
    QLineEdit *comment_ = nullptr;
    QPushButton *silence1h_ = nullptr;
    QPushButton *silence4h_ = nullptr;
    QPushButton *silenceResolved_ = nullptr;
    QPushButton *openGraph_ = nullptr;
    QPushButton *expire_ = nullptr;
    QLineEdit *historyText_ = nullptr;
    QComboBox *historyTier_ = nullptr;
    QComboBox *historyTime_ = nullptr;
    QLabel *summary_ = nullptr;
    QLabel *status_ = nullptr;
    QTimer *timer_ = nullptr;
    quint64 generation_ = 0;
    quint64 historyGeneration_ = 0;
};

}  // namespace vigil::ui
