#include "dashboards/dashboard_library.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <map>

namespace vigil::ui::dashboard_library {

namespace {
const std::string kKind = "dashboard";
}

QList<Dashboard> builtins()
{
    QList<Dashboard> out;
    const QDir dir(QStringLiteral(":/dashboards"));
    for (const QString &file : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(file));
        Dashboard d;
        if (f.open(QIODevice::ReadOnly) && Dashboard::fromJsonBytes(f.readAll(), &d, nullptr)) out << d;
    }
    return out;
}

bool isBuiltinName(const QString &name)
{
    return QFile::exists(QStringLiteral(":/dashboards/%1.json").arg(name));
}

Result<QList<DashboardEntry>> list(store::AppStore *store)
{
    std::map<QString, DashboardEntry> byName;
    for (const Dashboard &d : builtins()) byName[d.name] = DashboardEntry{d, d.name, true, false, {}};
    if (store) {
        auto docs = store->documents(kKind);
        if (!docs.isOk()) return docs.status();
        for (const auto &doc : *docs) {
            const QString name = QString::fromStdString(doc.name);
            DashboardEntry &e = byName[name];
            e.name = name;
            e.saved = true;
            QString error;
            if (!Dashboard::fromJsonBytes(QByteArray::fromStdString(doc.json), &e.dashboard, &error)) e.error = error;
            else e.error.clear();
        }
    }
    QList<DashboardEntry> out;
    for (auto &[name, e] : byName) out << e;
    return out;
}

Result<Dashboard> find(store::AppStore *store, const QString &name)
{
    auto entries = list(store);
    if (!entries.isOk()) return entries.status();
    for (const auto &e : *entries) {
        if (e.name != name) continue;
        if (!e.error.isEmpty()) return Status::corruption("dashboard " + name.toStdString() + ": " + e.error.toStdString());
        return e.dashboard;
    }
    return Status::notFound("no dashboard named " + name.toStdString());
}

Status save(store::AppStore *store, const Dashboard &dashboard)
{
    if (!Dashboard::isValidName(dashboard.name)) return Status::invalidArgument("invalid dashboard name");
    store::StoredDocument doc;
    doc.name = dashboard.name.toStdString();
    doc.json = dashboard.toJsonBytes().toStdString();
    doc.updatedMs = QDateTime::currentMSecsSinceEpoch();
    return store->putDocument(kKind, doc);
}

Status remove(store::AppStore *store, const QString &name) { return store->removeDocument(kKind, name.toStdString()); }

QString nameForTitle(const QString &title, const QStringList &taken)
{
    QString base = title.trimmed().toLower();
    base.replace(QRegularExpression(QStringLiteral("[^a-z0-9_-]+")), QStringLiteral("-"));
    base = base.left(48);
    while (base.startsWith(QLatin1Char('-'))) base.remove(0, 1);
    while (base.endsWith(QLatin1Char('-'))) base.chop(1);
    if (!Dashboard::isValidName(base)) base = QStringLiteral("dashboard");
    QString name = base;
    for (int i = 2; taken.contains(name); ++i) name = base + QStringLiteral("-%1").arg(i);
    return name;
}

Result<Dashboard> addPanel(store::AppStore *store, const QString &name, const QString &newTitle, DashboardPanel panel)
{
    Dashboard d;
    if (name.isEmpty()) {
        if (newTitle.trimmed().isEmpty()) return Status::invalidArgument("a new dashboard needs a title");
        auto entries = list(store);
        if (!entries.isOk()) return entries.status();
        QStringList taken;
        for (const auto &e : *entries) taken << e.name;
        d.name = nameForTitle(newTitle, taken);
        d.title.text = newTitle.trimmed();
    } else {
        auto found = find(store, name);
        if (!found.isOk()) return found.status();
        d = std::move(*found);
    }
    panel.grid.moveTo(0, d.nextFreeRow());
    // The dashboard drives its panels' range and refresh.
    panel.config.lastSeconds = d.rangeSeconds;
    panel.config.fromMs = panel.config.toMs = 0;
    panel.config.refreshSeconds = 0;
    d.panels.append(std::move(panel));
    VIGIL_RETURN_IF_ERROR(save(store, d));
    return d;
}

}  // namespace vigil::ui::dashboard_library
