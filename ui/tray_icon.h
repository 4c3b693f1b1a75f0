// TrayIcon: the system-tray presence. Its colour shows the worst condition:
// green (all well), yellow (warning), red (critical), purple (emergency),
// grey (engine not running). Alert tiers feed in through setAlertTier() once
// alerting lands; until then the engine state decides.
#pragma once

#include "runtime/engine.h"

#include <QObject>
#include <QColor>

class QSystemTrayIcon;

namespace vigil::ui {

class TrayIcon : public QObject {
    Q_OBJECT
public:
    enum class Tier { None, Warning, Critical, Emergency };

    explicit TrayIcon(QObject *parent = nullptr);
    void setEngineState(runtime::Engine::State state);
    void setAlertTier(Tier tier);
    QColor currentColor() const { return color_; }
    bool isVisible() const;

Q_SIGNALS:
    void showRequested();

private:
    void update();

    QSystemTrayIcon *tray_ = nullptr;
    runtime::Engine::State state_ = runtime::Engine::State::Stopped;
    Tier tier_ = Tier::None;
    QColor color_;
};

// A round icon of the given colour, drawn at `size` pixels.
QIcon statusIcon(const QColor &color, int size = 64);

}  // namespace vigil::ui
