// MainWindow: navigation between the console's pages, the engine-health
// status bar, an error banner for engine errors, and the tray icon.
// It never calls into the engine synchronously except to read the last
// status snapshot; engine news arrives through queued signals.
#pragma once

#include "runtime/engine.h"

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace vigil::ui {

class AlertDesk;
class TrayIcon;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(runtime::Engine *engine, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Adds a page to the navigation; `id` is stable (saved as the last page).
    void addPage(const QString &id, const QString &title, QWidget *page);
    // Shows the page with `id`; false if there is none.
    bool showPage(const QString &id);
    QString currentPageId() const;
    // The navigation title of the current page (translated).
    QString currentPageTitle() const;
    QStringList pageIds() const;
    // Desktop notifications, pop-ups and acknowledgements (ui/alerts).
    AlertDesk *alertDesk() const { return desk_; }

Q_SIGNALS:
    // An alert's "Open graph": its expression over [fromMs, toMs] (Explore shows it).
    void openGraphRequested(const QString &expr, qint64 fromMs, qint64 toMs);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void onStatus(const runtime::EngineStatus &s);
    void onEngineState(runtime::Engine::State state);
    void onEngineError(const QString &component, const QString &message);

    runtime::Engine *engine_;
    QListWidget *nav_ = nullptr;
    QStackedWidget *stack_ = nullptr;
    QLabel *banner_ = nullptr;
    QLabel *stateLabel_ = nullptr;
    QLabel *seriesLabel_ = nullptr;
    QLabel *rateLabel_ = nullptr;
    QLabel *failuresLabel_ = nullptr;
    QLabel *diskLabel_ = nullptr;
    QLabel *apiLabel_ = nullptr;
    QLabel *ingestLabel_ = nullptr;  // hidden until storage drops samples
    TrayIcon *tray_ = nullptr;
    AlertDesk *desk_ = nullptr;
    QStringList ids_;
};

// Localized name of an engine component ("storage", "web", "store", ...).
QString componentTitle(const QString &component);
// Localized engine state.
QString stateTitle(runtime::Engine::State state);

}  // namespace vigil::ui
