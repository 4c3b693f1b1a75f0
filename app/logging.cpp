#include "logging.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <cstdio>

namespace {

void handler(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    const char *level = "info";
    switch (type) {
    case QtDebugMsg: level = "debug"; break;
    case QtInfoMsg: level = "info"; break;
    case QtWarningMsg: level = "warn"; break;
    case QtCriticalMsg:
    case QtFatalMsg: level = "error"; break;
    }
    QString component = QString::fromLatin1(ctx.category ? ctx.category : "default");
    if (component.startsWith(QLatin1String("vigil."))) component = component.mid(6);
    QString escaped = msg;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    const QByteArray line = QStringLiteral("ts=%1 level=%2 component=%3 msg=\"%4\"\n")
                                .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                                     QString::fromLatin1(level), component, escaped)
                                .toUtf8();
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    if (type == QtFatalMsg) std::abort();
}

}  // namespace

void installLogHandler(const std::string &level)
{
    qInstallMessageHandler(handler);
    QString rules = QStringLiteral("vigil.*.debug=false\n");
    if (level == "debug") rules = QStringLiteral("vigil.*.debug=true\n");
    else if (level == "warn") rules += QStringLiteral("vigil.*.info=false\n");
    else if (level == "error") rules += QStringLiteral("vigil.*.info=false\nvigil.*.warning=false\n");
    QLoggingCategory::setFilterRules(rules);
}
