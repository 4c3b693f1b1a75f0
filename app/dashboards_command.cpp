#include "dashboards_command.h"

#include "dashboards/dashboard_library.h"
#include "runtime/engine.h"
#include "store/app_store.h"

#include <QDir>
#include <QFile>
#include <QLockFile>

#include <iostream>

namespace {

using vigil::ui::Dashboard;
namespace library = vigil::ui::dashboard_library;

struct Args {
    std::string dir;
    std::string output;
    bool force = false;
    std::vector<std::string> positional;
};

// Parses flags shared by the three commands; false (message printed) on a bad flag.
bool parseArgs(const char *cmd, const std::vector<std::string> &args, Args *out)
{
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        if (a.rfind("--storage.tsdb.path=", 0) == 0) out->dir = a.substr(20);
        else if (a == "--storage.tsdb.path" && i + 1 < args.size()) out->dir = args[++i];
        else if (a.rfind("--output=", 0) == 0) out->output = a.substr(9);
        else if (a == "--force") out->force = true;
        else if (!a.empty() && a[0] == '-') {
            std::cerr << "vigil dashboards " << cmd << ": unknown flag " << a << "\n";
            return false;
        } else out->positional.push_back(a);
    }
    if (out->dir.empty()) out->dir = vigil::runtime::Engine::defaultDataDir().toStdString();
    return true;
}

QString appDbPath(const std::string &dir) { return QDir(QString::fromStdString(dir)).filePath(QStringLiteral("app.db")); }

// Opens app.db when it exists (list/export never create it); null store when there is none.
bool openExisting(const char *cmd, const std::string &dir, vigil::store::AppStore *store, bool *opened)
{
    *opened = false;
    if (!QFile::exists(appDbPath(dir))) return true;
    const vigil::Status s = store->open(appDbPath(dir).toStdString());
    if (!s.isOk()) {
        std::cerr << "vigil dashboards " << cmd << ": " << s.message() << "\n";
        return false;
    }
    *opened = true;
    return true;
}

}  // namespace

int runDashboardsList(const std::vector<std::string> &args)
{
    Args a;
    if (!parseArgs("list", args, &a)) return 2;
    if (!a.positional.empty()) {
        std::cerr << "usage: vigil dashboards list [--storage.tsdb.path=DIR]\n";
        return 2;
    }
    vigil::store::AppStore store;
    bool opened = false;
    if (!openExisting("list", a.dir, &store, &opened)) return 1;
    auto entries = library::list(opened ? &store : nullptr);
    if (!entries.isOk()) {
        std::cerr << "vigil dashboards list: " << entries.status().message() << "\n";
        return 1;
    }
    for (const auto &e : *entries) {
        const char *origin = e.builtin && e.saved ? "built-in+saved" : e.builtin ? "built-in" : "saved";
        std::cout << e.name.toStdString() << "\t" << origin << "\t"
                  << (e.error.isEmpty() ? e.dashboard.title.text.toStdString() : "(unreadable: " + e.error.toStdString() + ")")
                  << "\n";
    }
    return 0;
}

int runDashboardsExport(const std::vector<std::string> &args)
{
    Args a;
    if (!parseArgs("export", args, &a)) return 2;
    if (a.positional.size() != 1) {
        std::cerr << "usage: vigil dashboards export NAME [--output=FILE] [--storage.tsdb.path=DIR]\n";
        return 2;
    }
    vigil::store::AppStore store;
    bool opened = false;
    if (!openExisting("export", a.dir, &store, &opened)) return 1;
    auto d = library::find(opened ? &store : nullptr, QString::fromStdString(a.positional[0]));
    if (!d.isOk()) {
        std::cerr << "vigil dashboards export: " << d.status().message() << "\n";
        return 1;
    }
    const QByteArray json = d->toJsonBytes();
    if (a.output.empty()) {
        std::cout.write(json.constData(), json.size());
        return std::cout.good() ? 0 : 1;
    }
    QFile f(QString::fromStdString(a.output));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(json) != json.size() || !f.flush()) {
        std::cerr << "vigil dashboards export: cannot write " << a.output << ": " << f.errorString().toStdString() << "\n";
        return 1;
    }
    return 0;
}

int runDashboardsImport(const std::vector<std::string> &args)
{
    Args a;
    if (!parseArgs("import", args, &a)) return 2;
    if (a.positional.size() != 1) {
        std::cerr << "usage: vigil dashboards import FILE [--force] [--storage.tsdb.path=DIR]\n";
        return 2;
    }
    QFile f(QString::fromStdString(a.positional[0]));
    if (!f.open(QIODevice::ReadOnly)) {
        std::cerr << "vigil dashboards import: cannot read " << a.positional[0] << ": " << f.errorString().toStdString() << "\n";
        return 1;
    }
    Dashboard d;
    QString error;
    if (!Dashboard::fromJsonBytes(f.readAll(), &d, &error)) {
        std::cerr << "vigil dashboards import: " << a.positional[0] << ": " << error.toStdString() << "\n";
        return 1;
    }
    const QString dir = QString::fromStdString(a.dir);
    if (!QDir().mkpath(dir)) {
        std::cerr << "vigil dashboards import: cannot create " << a.dir << "\n";
        return 1;
    }
    // The engine's lock: a running Vigil owns app.db's writes.
    QLockFile lock(QDir(dir).filePath(QStringLiteral("lock")));
    lock.setStaleLockTime(0);
    if (!lock.tryLock(100)) {
        qint64 pid = 0;
        QString host, app;
        lock.getLockInfo(&pid, &host, &app);
        std::cerr << "vigil dashboards import: data directory " << a.dir << " is in use by another Vigil (pid " << pid
                  << "); import from its Dashboards page or stop it first\n";
        return 1;
    }
    vigil::store::AppStore store;
    if (const vigil::Status s = store.open(appDbPath(a.dir).toStdString()); !s.isOk()) {
        std::cerr << "vigil dashboards import: " << s.message() << "\n";
        return 1;
    }
    auto existing = library::find(&store, d.name);
    if (existing.isOk() && !a.force) {
        std::cerr << "vigil dashboards import: a dashboard named \"" << d.name.toStdString()
                  << "\" exists; pass --force to replace it\n";
        return 1;
    }
    if (const vigil::Status s = library::save(&store, d); !s.isOk()) {
        std::cerr << "vigil dashboards import: " << s.message() << "\n";
        return 1;
    }
    std::cout << "imported dashboard \"" << d.name.toStdString() << "\" (" << d.panels.size() << " panels) into " << a.dir
              << "\n";
    return 0;
}
