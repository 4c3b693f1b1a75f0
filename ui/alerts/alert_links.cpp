#include "alerts/alert_links.h"

#include <QUrlQuery>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

#include <algorithm>

namespace vigil::ui {

QString expressionOfAlert(const model::Alert &alert)
{
    const QUrl url(QString::fromStdString(alert.generatorUrl));
    return QUrlQuery(url).queryItemValue(QStringLiteral("g0.expr"), QUrl::FullyDecoded);
}

QUrl runbookUrl(const std::vector<model::Alert> &alerts)
{
    for (const model::Alert &a : alerts) {
        const std::string_view v = a.annotations.get("runbook_url");
        if (v.empty()) continue;
        const QUrl url(QString::fromUtf8(v.data(), qsizetype(v.size())));
        const QString scheme = url.scheme();
        if (url.isValid() && (scheme == QLatin1String("http") || scheme == QLatin1String("https") ||
                              scheme == QLatin1String("file")))
            return url;
    }
    return {};
}

notify::LabelMatchers silenceMatchers(const std::vector<model::Alert> &alerts)
{
    notify::LabelMatchers out;
    if (alerts.empty()) return out;
    for (const model::Label &l : alerts.front().labels) {
        const bool shared = std::all_of(alerts.begin() + 1, alerts.end(),
                                        [&](const model::Alert &a) { return a.labels.get(l.name) == l.value; });
        if (!shared) continue;
        auto m = model::Matcher::create(model::Matcher::Type::Equal, l.name, l.value);
        if (m) out.push_back(std::move(*m));
    }
    return out;
}

QString osUserName()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty()) user = qEnvironmentVariable("LOGNAME");
    if (user.isEmpty()) user = qEnvironmentVariable("USERNAME");
#ifdef Q_OS_UNIX
    // Services and sessions without a login environment: ask the user database.
    if (user.isEmpty()) {
        if (const passwd *pw = getpwuid(getuid()); pw && pw->pw_name) user = QString::fromLocal8Bit(pw->pw_name);
    }
#endif
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

}  // namespace vigil::ui
