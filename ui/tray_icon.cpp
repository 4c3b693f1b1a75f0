#include "tray_icon.h"

#include <QApplication>
#include <QIcon>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QSystemTrayIcon>

namespace vigil::ui {

QIcon statusIcon(const QColor &color, int size)
{
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(color.darker(140), size / 16.0));
    p.setBrush(color);
    const qreal m = size / 10.0;
    p.drawEllipse(QRectF(m, m, size - 2 * m, size - 2 * m));
    // An eye-like pupil: "vigil".
    p.setPen(Qt::NoPen);
    p.setBrush(Qt::white);
    p.drawEllipse(QRectF(size * 0.32, size * 0.32, size * 0.36, size * 0.36));
    p.setBrush(color.darker(160));
    p.drawEllipse(QRectF(size * 0.42, size * 0.42, size * 0.16, size * 0.16));
    return QIcon(pm);
}

TrayIcon::TrayIcon(QObject *parent) : QObject(parent)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        tray_ = new QSystemTrayIcon(this);
        auto *menu = new QMenu();
        connect(this, &QObject::destroyed, menu, &QObject::deleteLater);
        menu->addAction(tr("Show Vigil"), this, &TrayIcon::showRequested);
        menu->addSeparator();
        menu->addAction(tr("Quit"), qApp, &QApplication::quit);
        tray_->setContextMenu(menu);
        connect(tray_, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
            if (r == QSystemTrayIcon::Trigger) Q_EMIT showRequested();
        });
        tray_->show();
    }
    update();
}

bool TrayIcon::isVisible() const { return tray_ && tray_->isVisible(); }

void TrayIcon::setEngineState(runtime::Engine::State state)
{
    state_ = state;
    update();
}

void TrayIcon::setAlertTier(Tier tier)
{
    tier_ = tier;
    update();
}

void TrayIcon::update()
{
    QString tip;
    if (state_ != runtime::Engine::State::Running) {
        color_ = state_ == runtime::Engine::State::Failed ? QColor(0xb3, 0x26, 0x1e) : QColor(0x9e, 0x9e, 0x9e);
        tip = state_ == runtime::Engine::State::Failed ? tr("Vigil: engine failed") : tr("Vigil: engine not running");
    } else {
        switch (tier_) {
        case Tier::None: color_ = QColor(0x2e, 0x7d, 0x32); tip = tr("Vigil: all clear"); break;
        case Tier::Warning: color_ = QColor(0xf9, 0xa8, 0x25); tip = tr("Vigil: warning alerts active"); break;
        case Tier::Critical: color_ = QColor(0xc6, 0x28, 0x28); tip = tr("Vigil: critical alerts active"); break;
        case Tier::Emergency: color_ = QColor(0x6a, 0x1b, 0x9a); tip = tr("Vigil: emergency alerts active"); break;
        }
    }
    if (tray_) {
        tray_->setIcon(statusIcon(color_));
        tray_->setToolTip(tip);
    }
}

}  // namespace vigil::ui
