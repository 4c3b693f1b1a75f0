// UiSettings: console preferences kept with QSettings (per user, available
// before the engine starts): language, window geometry, last page, and the
// engine options the Settings page edits. Secrets never go here.
#pragma once

#include "config/engine_options.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace vigil::ui {

class UiSettings {
public:
    static QString language();                 // "system" by default
    static void setLanguage(const QString &l);
    static QByteArray windowGeometry();
    static void setWindowGeometry(const QByteArray &g);
    static QString lastPage();
    static void setLastPage(const QString &id);
    // Explore's query history, newest first, at most kHistorySize entries.
    static constexpr int kHistorySize = 50;
    static QStringList queryHistory();
    // Moves `query` to the front (adding it when new) and trims the list.
    static void addQueryHistory(const QString &query);

    // Engine options saved by the Settings page, applied over `defaults`.
    static config::EngineOptions engineOptions(config::EngineOptions defaults);
    static bool apiEnabled();
    static void setApiEnabled(bool on);
    static QString apiListenAddress();  // "127.0.0.1:9090" by default
    static void setApiListenAddress(const QString &a);
};

}  // namespace vigil::ui
