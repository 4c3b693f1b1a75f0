#include "alerts/alert_desk.h"

#include "alerts/alert_links.h"
#include "alerts/alert_popup.h"
#include "alerts/desktop_alert_sink.h"
#include "alerts/emergency_window.h"
#include "alerts/notification_client.h"
#include "notify/notifier.h"

#include <QThreadPool>

namespace vigil::ui {

AlertDesk::AlertDesk(NotificationClient *client, runtime::Engine *engine, QObject *parent)
    : QObject(parent), client_(client ? client : new NotificationClient(QDBusConnection::sessionBus(), this)),
      engine_(engine), sink_(new DesktopAlertSink(client_, this))
{
    qRegisterMetaType<vigil::notify::Acknowledgement>();
    connect(sink_, &DesktopAlertSink::delivered, this, &AlertDesk::onDelivered);
    connect(sink_, &DesktopAlertSink::acknowledgeRequested, this,
            [this](const QString &key) { acknowledge(key, osUserName(), {}); });
    connect(sink_, &DesktopAlertSink::silenceRequested, this, &AlertDesk::silenceOneHour);
    connect(sink_, &DesktopAlertSink::openGraphRequested, this, &AlertDesk::openGraph);
}

AlertDesk::~AlertDesk()
{
    setNotifier(nullptr);
    for (const auto &w : popups_) delete w.data();
    for (const auto &w : emergencies_) delete w.data();
}

AlertPopup *AlertDesk::popup(const QString &groupKey) const { return popups_.value(groupKey).data(); }

EmergencyWindow *AlertDesk::emergencyWindow(const QString &groupKey) const
{
    return emergencies_.value(groupKey).data();
}

void AlertDesk::setNotifier(notify::Notifier *notifier)
{
    if (notifier_ == notifier) return;
    for (const auto &c : connections_) disconnect(c);
    connections_.clear();
    if (notifier_) {
        if (notifier_->thread() == thread()) notifier_->setDesktopSink(nullptr);
        else QMetaObject::invokeMethod(notifier_.data(), [n = notifier_] { if (n) n->setDesktopSink(nullptr); });
    }
    notifier_ = notifier;
    if (!notifier) return;
    // setDesktopSink belongs to the notifier's thread, where the sink is called.
    if (notifier->thread() == thread()) notifier->setDesktopSink(sink_);
    else QMetaObject::invokeMethod(notifier, [n = notifier, s = sink_] { n->setDesktopSink(s); }, Qt::QueuedConnection);
    connections_ << connect(notifier, &notify::Notifier::acknowledged, this, &AlertDesk::onAcknowledged)
                 << connect(notifier, &notify::Notifier::actionFinished, this, &AlertDesk::onActionFinished);
    refreshAcknowledgements();
}

void AlertDesk::acknowledge(const QString &groupKey, const QString &owner, const QString &comment)
{
    if (!notifier_) {
        Q_EMIT actionFailed(tr("The engine is not running."));
        return;
    }
    QPointer<AlertDesk> self(this);
    notify::AckTarget target{0, groupKey.toStdString()};
    QMetaObject::invokeMethod(
        notifier_.data(),
        [n = notifier_.data(), self, target, owner = owner.toStdString(), comment = comment.toStdString(), groupKey] {
            auto r = n->acknowledge(target, owner, comment);
            if (r) return;
            const QString msg = QString::fromStdString(r.status().message());
            QMetaObject::invokeMethod(self.data(), [self, msg, groupKey] {
                if (!self) return;
                if (auto *w = self->emergencies_.value(groupKey).data()) w->setError(msg);
                if (auto *p = self->popups_.value(groupKey).data()) p->setError(msg);
                Q_EMIT self->actionFailed(msg);
            });
        },
        Qt::QueuedConnection);
}

void AlertDesk::silenceOneHour(const notify::DesktopNotification &n)
{
    if (!notifier_) {
        Q_EMIT actionFailed(tr("The engine is not running."));
        return;
    }
    notify::Silence s;
    s.matchers = silenceMatchers(n.alerts);
    s.startsAtMs = notifier_->now();
    s.endsAtMs = s.startsAtMs + 3600'000;
    s.createdBy = osUserName().toStdString();
    s.comment = tr("Silenced for 1 h from the desktop notification").toStdString();
    notify::Notifier *notifier = notifier_.data();
    QPointer<AlertDesk> self(this);
    // Silences are thread-safe and write app.db: off the GUI thread. (The
    // history's "silenced" rows are the rule engine recorder's.)
    QThreadPool::globalInstance()->start([notifier, s, self] {
        auto id = notifier->silences().create(s, s.startsAtMs);
        const QString result = QString::fromStdString(id ? *id : id.status().message());
        const bool ok = id.isOk();
        QMetaObject::invokeMethod(self.data(), [self, ok, result] {
            if (!self) return;
            if (ok) Q_EMIT self->silenced(result);
            else Q_EMIT self->actionFailed(result);
        });
    });
}

void AlertDesk::openGraph(const notify::DesktopNotification &n)
{
    if (n.alerts.empty()) return;
    const model::Alert &a = n.alerts.front();
    const QString expr = expressionOfAlert(a);
    if (expr.isEmpty()) return;
    // Around the firing time: half an hour before it to half an hour after
    // the notification (or now, when that is later).
    const int64_t start = a.startsAtMs ? a.startsAtMs : n.timeMs;
    const int64_t to = std::max<int64_t>(n.timeMs, start) + 1800'000;
    Q_EMIT openGraphRequested(expr, start - 1800'000, to);
}

void AlertDesk::onDelivered(const notify::DesktopNotification &n)
{
    const QString key = QString::fromStdString(n.groupKey);
    if (n.resolved) {
        // A resolved critical pop-up goes; an emergency window still waits for its acknowledgement.
        if (auto *p = popups_.take(key).data()) p->deleteLater();
        return;
    }
    const bool acked = !n.acknowledgedBy.empty();
    if (n.alertWindow && !acked) {
        QPointer<EmergencyWindow> &w = emergencies_[key];
        if (!w) {
            w = new EmergencyWindow(engine_);
            w->setAttribute(Qt::WA_DeleteOnClose);
            connect(w, &EmergencyWindow::acknowledgeRequested, this, &AlertDesk::acknowledge);
            connect(w, &EmergencyWindow::openGraphRequested, this, &AlertDesk::openGraph);
        }
        w->setNotification(n);
        w->show();
        w->raise();
        return;
    }
    if (n.persistent && !n.alertWindow && !acked) {
        QPointer<AlertPopup> &p = popups_[key];
        if (!p) {
            p = new AlertPopup();
            p->setAttribute(Qt::WA_DeleteOnClose);
            connect(p, &AlertPopup::acknowledgeRequested, this, &AlertDesk::acknowledge);
            connect(p, &AlertPopup::silenceRequested, this, &AlertDesk::silenceOneHour);
            connect(p, &AlertPopup::openGraphRequested, this, &AlertDesk::openGraph);
        }
        p->setNotification(n);
        p->show();
    }
}

void AlertDesk::onAcknowledged(const notify::Acknowledgement &ack)
{
    sink_->markAcknowledged(ack);
    const QString key = QString::fromStdString(ack.groupKey);
    const QString owner = QString::fromStdString(ack.owner);
    const QString comment = QString::fromStdString(ack.comment);
    if (auto *w = emergencies_.value(key).data()) w->setAcknowledged(owner, comment);
    if (auto *p = popups_.value(key).data()) p->setAcknowledged(owner, comment);
    refreshAcknowledgements();
}

void AlertDesk::onActionFinished(const QString &groupKey, bool ok, const QString &detail)
{
    auto *w = emergencies_.value(groupKey).data();
    if (!w) return;
    w->appendActionOutput((ok ? tr("Action succeeded:") : tr("Action failed:")) + QLatin1Char(' ') + detail);
}

void AlertDesk::refreshAcknowledgements()
{
    if (!notifier_) return;
    QPointer<AlertDesk> self(this);
    QMetaObject::invokeMethod(
        notifier_.data(),
        [n = notifier_.data(), self] {
            std::vector<notify::Acknowledgement> all = n->activeAcknowledgements();
            QVector<notify::Acknowledgement> acks(all.begin(), all.end());
            QMetaObject::invokeMethod(self.data(), [self, acks] {
                if (!self) return;
                self->acks_ = acks;
                Q_EMIT self->acknowledgementsChanged(acks);
            });
        },
        Qt::QueuedConnection);
}

}  // namespace vigil::ui
