#include "alerts/desktop_alert_sink.h"

#include "alerts/alert_links.h"
#include "alerts/notification_client.h"

#include <QDesktopServices>
#include <QPointer>
#include <QThread>

namespace vigil::ui {

int urgencyFor(const notify::DesktopNotification &n)
{
    const int byTier = n.tier >= model::AlertTier::Critical ? 2 : 1;
    const int configured = n.urgency == "critical" ? 2 : n.urgency == "low" ? 0 : 1;
    return std::max(byTier, configured);
}

DesktopAlertSink::DesktopAlertSink(NotificationClient *client, QObject *parent) : QObject(parent), client_(client)
{
    qRegisterMetaType<vigil::notify::DesktopNotification>();
    connect(client_, &NotificationClient::actionInvoked, this, &DesktopAlertSink::onAction);
    connect(client_, &NotificationClient::notificationClosed, this, &DesktopAlertSink::onClosed);
}

void DesktopAlertSink::notify(const notify::DesktopNotification &n)
{
    if (QThread::currentThread() == thread()) {
        handle(n);
        return;
    }
    QMetaObject::invokeMethod(this, [this, n] { handle(n); }, Qt::QueuedConnection);
}

uint DesktopAlertSink::notificationId(const QString &groupKey) const
{
    auto it = groups_.find(groupKey);
    return it == groups_.end() ? 0 : it->id;
}

notify::DesktopNotification DesktopAlertSink::lastNotification(const QString &groupKey) const
{
    return groups_.value(groupKey).last;
}

void DesktopAlertSink::handle(const notify::DesktopNotification &n)
{
    const QString key = QString::fromStdString(n.groupKey);
    if (n.resolved) {
        auto it = groups_.find(key);
        if (it != groups_.end()) {
            client_->close(it->id);
            byId_.remove(it->id);
            groups_.erase(it);
        }
        Q_EMIT delivered(n);
        return;
    }
    Group &g = groups_[key];
    g.last = n;
    g.urgency = std::max(g.urgency, urgencyFor(n));
    if (!n.acknowledgedBy.empty()) g.ackOwner = QString::fromStdString(n.acknowledgedBy);
    show(key);
    Q_EMIT delivered(n);
}

void DesktopAlertSink::markAcknowledged(const notify::Acknowledgement &ack)
{
    const QString key = QString::fromStdString(ack.groupKey);
    auto it = groups_.find(key);
    if (it == groups_.end()) return;
    it->ackOwner = QString::fromStdString(ack.owner);
    show(key);
}

void DesktopAlertSink::show(const QString &key)
{
    Group &g = groups_[key];
    if (g.pending) {  // one call per group at a time, so replaces_id is always known
        g.again = true;
        return;
    }
    const notify::DesktopNotification &n = g.last;
    NotificationClient::Message m;
    m.appName = QStringLiteral("Vigil");
    m.replacesId = g.id;
    m.icon = QString::fromLatin1(n.tier >= model::AlertTier::Critical ? "dialog-error" : "dialog-warning");
    m.summary = QString::fromStdString(n.title);
    if (n.escalationStep > 0) m.summary = tr("Escalated (step %1): %2").arg(n.escalationStep).arg(m.summary);
    m.body = QString::fromStdString(n.body).trimmed();
    if (!g.ackOwner.isEmpty()) m.body += QLatin1Char('\n') + tr("Acknowledged by %1").arg(g.ackOwner);
    m.actions << QStringLiteral("default") << tr("Open graph");
    if (g.ackOwner.isEmpty()) m.actions << QStringLiteral("acknowledge") << tr("Acknowledge");
    m.actions << QStringLiteral("silence-1h") << tr("Silence 1 h") << QStringLiteral("open-graph") << tr("Open graph");
    if (!runbookUrl(n.alerts).isEmpty()) m.actions << QStringLiteral("runbook") << tr("Run runbook");
    m.hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(g.urgency)));
    m.hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("org.vigil.Vigil"));
    m.hints.insert(QStringLiteral("category"), QStringLiteral("x-vigil.alert"));
    const bool stays = g.urgency >= 2 || n.persistent;
    if (stays) m.hints.insert(QStringLiteral("resident"), true);
    m.timeoutMs = stays ? 0 : -1;

    g.pending = true;
    QPointer<DesktopAlertSink> self(this);
    client_->notify(m, [self, key, m](uint id, const QString &error) {
        if (!self) return;
        auto it = self->groups_.find(key);
        if (id == 0) {
            if (self->fallback_) {
                const auto tier = it != self->groups_.end() ? it->last.tier : model::AlertTier::Unknown;
                self->fallback_(m.summary, m.body, tier);
            }
            Q_EMIT self->fallbackUsed(error);
            if (it != self->groups_.end()) it->pending = false;
            return;
        }
        if (it == self->groups_.end()) {  // resolved meanwhile
            self->client_->close(id);
            return;
        }
        if (it->id != id) {
            self->byId_.remove(it->id);
            it->id = id;
            self->byId_.insert(id, key);
        }
        it->pending = false;
        if (it->again) {
            it->again = false;
            self->show(key);
        }
    });
}

void DesktopAlertSink::onAction(uint id, const QString &action)
{
    const QString key = byId_.value(id);
    if (key.isEmpty()) return;  // not ours (or long gone)
    const notify::DesktopNotification n = groups_.value(key).last;
    if (action == QLatin1String("acknowledge")) Q_EMIT acknowledgeRequested(key);
    else if (action == QLatin1String("silence-1h")) Q_EMIT silenceRequested(n);
    else if (action == QLatin1String("default") || action == QLatin1String("open-graph")) Q_EMIT openGraphRequested(n);
    else if (action == QLatin1String("runbook")) {
        const QUrl url = runbookUrl(n.alerts);
        if (!url.isEmpty()) QDesktopServices::openUrl(url);
    }
}

void DesktopAlertSink::onClosed(uint id, uint reason)
{
    Q_UNUSED(reason);
    // Dismissed or expired: the next notification of the group starts a new one.
    const QString key = byId_.take(id);
    if (key.isEmpty()) return;
    auto it = groups_.find(key);
    if (it != groups_.end() && it->id == id) it->id = 0;
}

}  // namespace vigil::ui
