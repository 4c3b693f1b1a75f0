// TrayIcon: the system-tray presence. Its colour shows the worst condition:
// green (all well), yellow (warning), red (critical), purple (emergency),
// grey (engine not running). setAlerts() (fed by AlertFeed from the ALERTS
// series) sets the tier, draws the per-tier counts into the icon as badges
// and lists the alerts in the menu; a click opens the console.
#pragma once

#include "runtime/engine.h"
#include "tray/active_alerts.h"

#include <QObject>
#include <QColor>
#include <QIcon>
#include <QPixmap>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace vigil::ui {

class TrayIcon : public QObject {
    Q_OBJECT
public:
    enum class Tier { None, Warning, Critical, Emergency };

    explicit TrayIcon(QObject *parent = nullptr);
    void setEngineState(runtime::Engine::State state);
    void setAlertTier(Tier tier);
    // The firing alerts: tier, badges and menu.
    void setAlerts(const QVector<ActiveAlert> &alerts);
    const TierCounts &counts() const { return counts_; }
    // The icon as drawn now (for tests).
    QIcon icon() const;
    // Texts of the alert entries in the menu.
    QStringList menuAlertTexts() const;
    // Acknowledged alerts ("HighCPU — alice"): listed in the menu and the tooltip.
    void setAcknowledgements(const QStringList &lines);
    QStringList menuAcknowledgementTexts() const;
    QString toolTip() const { return toolTip_; }
    // A tray balloon (the desktop notifications' fallback without a
    // notification server); false when there is no system tray.
    bool showMessage(const QString &title, const QString &body, bool critical);
    QColor currentColor() const { return color_; }
    bool isVisible() const;

Q_SIGNALS:
    void showRequested();

private:
    void update();

    QSystemTrayIcon *tray_ = nullptr;
    QMenu *menu_ = nullptr;
    QList<QAction *> alertActions_;
    QList<QAction *> ackActions_;
    QStringList ackLines_;
    QString toolTip_;
    TierCounts counts_;
    runtime::Engine::State state_ = runtime::Engine::State::Stopped;
    Tier tier_ = Tier::None;
    QColor color_;
};

// A round icon of the given colour, drawn at `size` pixels.
QIcon statusIcon(const QColor &color, int size = 64);
// The status icon with per-tier count badges: emergency (purple) top right,
// critical (red) bottom right, warning (yellow) bottom left; a tier with no
// alerts has no badge; counts above 99 show "99+".
QPixmap trayPixmap(const QColor &color, const TierCounts &counts, int size = 64);
// Badge colours, and where a tier's badge is centred (fractions of the size).
QColor tierColor(AlertTier tier);
QPointF badgeCentre(AlertTier tier);

}  // namespace vigil::ui
