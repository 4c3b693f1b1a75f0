// Console language: "en", "ko" or "system" (follow the system locale).
// Translators are installed once at start-up, before any window exists.
#pragma once

#include <QString>

class QCoreApplication;

namespace vigil::ui {

// "ko" when the setting is "ko", or "system" and the system locale's UI
// languages start with Korean; "en" otherwise.
QString resolveLanguage(const QString &setting);
// Installs Vigil's and Qt's own translations for `language` ("en"/"ko").
// Returns false when Vigil's catalogue for a non-English language is missing.
bool installTranslators(QCoreApplication &app, const QString &language);
// The language installTranslators() last installed ("en" before any call);
// dashboards pick their built-in titles by it.
QString activeLanguage();

}  // namespace vigil::ui
