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

// A valid dashboard name made from `title` (lower case, runs of other
// characters as '-', at most 48 characters; "dashboard" when nothing is
// left) that is not in `taken` ("-2", "-3"... appended).
QString nameForTitle(const QString &title, const QStringList &taken);

// Appends `panel` below the panels of dashboard `name` (a built-in gets a
// saved copy that overrides it) or, when `name` is empty, of a new dashboard
// titled `newTitle` (its name from nameForTitle()). The panel keeps its size
// and is placed at x 0 on the first free row; it takes the dashboard's range
// and no refresh of its own. Returns the dashboard as saved.
// NotFound for an unknown name, Corruption for a saved dashboard that no
// longer reads, InvalidArgument for an empty new title. This is a
// read-modify-write of one document: an edit of the same dashboard saved
// at the same moment elsewhere may win over it.
Result<Dashboard> addPanel(store::AppStore *store, const QString &name, const QString &newTitle, DashboardPanel panel);

}  // namespace dashboard_library

}  // namespace vigil::ui
