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

QColor tierColor(AlertTier tier)
{
    switch (tier) {
    case AlertTier::Emergency: return QColor(0x6a, 0x1b, 0x9a);
    case AlertTier::Critical: return QColor(0xc6, 0x28, 0x28);
    case AlertTier::Warning: return QColor(0xf9, 0xa8, 0x25);
    case AlertTier::Info: break;
    }
    return QColor(0x15, 0x65, 0xc0);
}

QPointF badgeCentre(AlertTier tier)
{
    switch (tier) {
    case AlertTier::Emergency: return {0.72, 0.28};
    case AlertTier::Critical: return {0.72, 0.72};
    case AlertTier::Warning: return {0.28, 0.72};
    case AlertTier::Info: break;
    }
    return {0.28, 0.28};
}

QPixmap trayPixmap(const QColor &color, const TierCounts &counts, int size)
{
    QPixmap pm = statusIcon(color, size).pixmap(size, size);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const std::pair<AlertTier, int> badges[] = {
        {AlertTier::Warning, counts.warning}, {AlertTier::Critical, counts.critical}, {AlertTier::Emergency, counts.emergency}};
    for (const auto &[tier, n] : badges) {
        if (n <= 0) continue;
        const QPointF c = badgeCentre(tier) * size;
        const qreal r = size * 0.27;
        const QColor bc = tierColor(tier);
        p.setPen(QPen(Qt::white, size / 32.0));
        p.setBrush(bc);
        p.drawEllipse(c, r, r);
        QFont f = p.font();
        f.setBold(true);
        const QString text = n > 99 ? QStringLiteral("99+") : QString::number(n);
        f.setPixelSize(int(r * (text.size() > 2 ? 0.8 : text.size() > 1 ? 1.05 : 1.4)));
        p.setFont(f);
        p.setPen(bc.lightness() > 150 ? Qt::black : Qt::white);
        p.drawText(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), Qt::AlignCenter, text);
    }
    return pm;
}

TrayIcon::TrayIcon(QObject *parent) : QObject(parent)
{
    // The menu exists without a system tray too (its alert entries are then only read by tests).
    menu_ = new QMenu();
    connect(this, &QObject::destroyed, menu_, &QObject::deleteLater);
    menu_->addAction(tr("Show Vigil"), this, &TrayIcon::showRequested);
    menu_->addSeparator();
    menu_->addAction(tr("Quit"), qApp, &QApplication::quit);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        tray_ = new QSystemTrayIcon(this);
        tray_->setContextMenu(menu_);
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

void TrayIcon::setAlerts(const QVector<ActiveAlert> &alerts)
{
    counts_ = countTiers(alerts);
    tier_ = counts_.emergency ? Tier::Emergency : counts_.critical ? Tier::Critical : counts_.warning ? Tier::Warning : Tier::None;
    if (menu_) {
        qDeleteAll(alertActions_);
        alertActions_.clear();
        QAction *before = menu_->actions().value(1);  // after "Show Vigil"
        for (const auto &a : alerts) {
            const QString text = a.instance.isEmpty() ? QStringLiteral("%1 (%2)").arg(a.name, a.severity)
                                                      : QStringLiteral("%1 (%2) — %3").arg(a.name, a.severity, a.instance);
            auto *act = new QAction(statusIcon(tierColor(a.tier), 16), text, menu_);
            connect(act, &QAction::triggered, this, &TrayIcon::showRequested);
            menu_->insertAction(before, act);
            alertActions_ << act;
        }
        if (!alerts.isEmpty()) alertActions_ << menu_->insertSeparator(before);
    }
    update();
}

void TrayIcon::setAcknowledgements(const QStringList &lines)
{
    ackLines_ = lines;
    qDeleteAll(ackActions_);
    ackActions_.clear();
    QAction *before = menu_->actions().value(1);  // after "Show Vigil"
    for (const QString &line : lines) {
        auto *act = new QAction(tr("Acknowledged: %1").arg(line), menu_);
        connect(act, &QAction::triggered, this, &TrayIcon::showRequested);
        menu_->insertAction(before, act);
        ackActions_ << act;
    }
    if (!lines.isEmpty()) ackActions_ << menu_->insertSeparator(before);
    update();
}

QStringList TrayIcon::menuAcknowledgementTexts() const
{
    QStringList out;
    for (const QAction *a : ackActions_) {
        if (!a->isSeparator()) out << a->text();
    }
    return out;
}

bool TrayIcon::showMessage(const QString &title, const QString &body, bool critical)
{
    if (!tray_) return false;
    tray_->showMessage(title, body, critical ? QSystemTrayIcon::Critical : QSystemTrayIcon::Warning,
                       critical ? 0 : 10000);
    return true;
}

QStringList TrayIcon::menuAlertTexts() const
{
    QStringList out;
    for (const QAction *a : alertActions_) {
        if (!a->isSeparator()) out << a->text();
    }
    return out;
}

QIcon TrayIcon::icon() const
{
    const bool running = state_ == runtime::Engine::State::Running;
    return QIcon(trayPixmap(color_, running ? counts_ : TierCounts{}, 64));
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
    if (state_ == runtime::Engine::State::Running && counts_.total() > 0) {
        tip += QLatin1Char('\n') + tr("Firing: %1 emergency, %2 critical, %3 warning")
                                     .arg(counts_.emergency).arg(counts_.critical).arg(counts_.warning);
    }
    if (!ackLines_.isEmpty()) tip += QLatin1Char('\n') + tr("Acknowledged: %1").arg(ackLines_.join(QStringLiteral("; ")));
    toolTip_ = tip;
    if (tray_) {
        tray_->setIcon(icon());
        tray_->setToolTip(tip);
    }
}

}  // namespace vigil::ui
