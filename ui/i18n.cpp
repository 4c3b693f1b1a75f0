#include "i18n.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace vigil::ui {

namespace {
QString g_language = QStringLiteral("en");  // GUI thread only
}  // namespace

QString activeLanguage() { return g_language; }

QString resolveLanguage(const QString &setting)
{
    if (setting == QLatin1String("ko") || setting == QLatin1String("en")) return setting;
    for (const QString &l : QLocale::system().uiLanguages()) {
        if (l.startsWith(QLatin1String("ko"))) return QStringLiteral("ko");
        if (l.startsWith(QLatin1String("en"))) return QStringLiteral("en");
    }
    return QStringLiteral("en");
}

bool installTranslators(QCoreApplication &app, const QString &language)
{
    g_language = language;
    if (language == QLatin1String("en")) return true;
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    }
    auto *own = new QTranslator(&app);
    if (!own->load(QStringLiteral(":/i18n/vigil_%1.qm").arg(language))) return false;
    QCoreApplication::installTranslator(own);
    return true;
}

}  // namespace vigil::ui
