#include "ui_settings.h"

#include <QSettings>

namespace vigil::ui {

QString UiSettings::language() { return QSettings().value(QStringLiteral("ui/language"), QStringLiteral("system")).toString(); }
void UiSettings::setLanguage(const QString &l) { QSettings().setValue(QStringLiteral("ui/language"), l); }
QByteArray UiSettings::windowGeometry() { return QSettings().value(QStringLiteral("ui/geometry")).toByteArray(); }
void UiSettings::setWindowGeometry(const QByteArray &g) { QSettings().setValue(QStringLiteral("ui/geometry"), g); }
QString UiSettings::lastPage() { return QSettings().value(QStringLiteral("ui/lastPage")).toString(); }
void UiSettings::setLastPage(const QString &id) { QSettings().setValue(QStringLiteral("ui/lastPage"), id); }
QStringList UiSettings::queryHistory()
{
    return QSettings().value(QStringLiteral("explore/history")).toStringList();
}

void UiSettings::addQueryHistory(const QString &query)
{
    const QString q = query.trimmed();
    if (q.isEmpty()) return;
    QStringList h = queryHistory();
    h.removeAll(q);
    h.prepend(q);
    while (h.size() > kHistorySize) h.removeLast();
    QSettings().setValue(QStringLiteral("explore/history"), h);
}

bool UiSettings::apiEnabled() { return QSettings().value(QStringLiteral("api/enabled"), true).toBool(); }
void UiSettings::setApiEnabled(bool on) { QSettings().setValue(QStringLiteral("api/enabled"), on); }

QString UiSettings::apiListenAddress()
{
    return QSettings().value(QStringLiteral("api/listenAddress"), QStringLiteral("127.0.0.1:9090")).toString();
}

void UiSettings::setApiListenAddress(const QString &a) { QSettings().setValue(QStringLiteral("api/listenAddress"), a); }

config::EngineOptions UiSettings::engineOptions(config::EngineOptions o)
{
    o.webEnabled = o.webEnabled && apiEnabled();
    if (o.listenAddress == config::EngineOptions().listenAddress) o.listenAddress = apiListenAddress().toStdString();
    return o;
}

}  // namespace vigil::ui
