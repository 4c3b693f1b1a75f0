// DashboardLibrary: where dashboards come from — the built-in ones compiled in
// as Qt resources (:/dashboards/<name>.json, from resources/dashboards/) and
// the user's, kept in app.db as documents of kind "dashboard" (their export
// JSON). A saved dashboard with a built-in's name overrides the built-in;
// removing it brings the built-in back.
//
// These functions do SQLite I/O through the AppStore (thread-safe): the
// console calls them on a worker thread, the command line directly.
// A stored document that no longer parses is listed with its error rather
// than dropped, so nothing is lost silently.
#pragma once

#include "dashboards/dashboard.h"
#include "store/app_store.h"

#include <QList>
#include <QString>

namespace vigil::ui {

struct DashboardEntry {
    Dashboard dashboard;  // valid when error is empty
    QString name;
    bool builtin = false;   // a built-in (possibly overridden by a saved copy)
    bool saved = false;     // a copy is in app.db
    QString error;          // why the saved JSON could not be read
};

namespace dashboard_library {

// The built-in dashboards, by name order; a broken resource is a build defect (asserted in tests).
QList<Dashboard> builtins();
bool isBuiltinName(const QString &name);

// Built-ins merged with the saved dashboards, by name.
Result<QList<DashboardEntry>> list(store::AppStore *store);
// The named dashboard (saved copy first, then the built-in); NotFound otherwise.
Result<Dashboard> find(store::AppStore *store, const QString &name);
Status save(store::AppStore *store, const Dashboard &dashboard);
// Removes the saved copy (a built-in then shows its original again).
Status remove(store::AppStore *store, const QString &name);

}  // namespace dashboard_library

}  // namespace vigil::ui
