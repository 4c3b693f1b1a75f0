#include "discovery/file_discoverer.h"

#include "core/log.h"
#include "discovery/target_group_parser.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace vigil::discovery {

Result<std::vector<TargetGroup>> readTargetGroupFile(const std::string &path)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        return Status::unavailable("cannot read " + path + ": " + f.errorString().toStdString());
    const QByteArray data = f.readAll();
    const bool json = QFileInfo(f.fileName()).suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0;
    const std::string_view text(data.constData(), size_t(data.size()));
    Result<std::vector<TargetGroup>> groups = json ? parseTargetGroupsJson(text) : parseTargetGroupsYaml(text);
    if (!groups) return groups.status().withContext(path);
    for (size_t i = 0; i < groups->size(); ++i) {
        TargetGroup &g = (*groups)[i];
        g.source = path + ":" + std::to_string(i);
        model::LabelsBuilder b(g.labels);
        b.set("__meta_filepath", path);
        g.labels = b.labels();
    }
    return groups;
}

FileDiscoverer::FileDiscoverer(FileSdConfig config, QObject *parent)
    : Discoverer(parent), config_(std::move(config)), watcher_(this), refreshTimer_(this), settleTimer_(this)
{
    settleTimer_.setSingleShot(true);
    settleTimer_.setInterval(50);
    connect(&settleTimer_, &QTimer::timeout, this, &FileDiscoverer::refresh);
    connect(&refreshTimer_, &QTimer::timeout, this, &FileDiscoverer::refresh);
    auto changed = [this] { settleTimer_.start(); };
    connect(&watcher_, &QFileSystemWatcher::fileChanged, this, changed);
    connect(&watcher_, &QFileSystemWatcher::directoryChanged, this, changed);
}

void FileDiscoverer::start(Sink sink)
{
    sink_ = std::move(sink);
    if (config_.refreshIntervalMs > 0) {
        refreshTimer_.setInterval(std::chrono::milliseconds(config_.refreshIntervalMs));
        refreshTimer_.start();
    }
    refresh();
}

std::vector<std::string> FileDiscoverer::listFiles() const
{
    // Like Go's filepath.Glob with '*' allowed only in the last element
    // (Prometheus validates file_sd patterns the same way).
    std::vector<std::string> out;
    for (const std::string &pattern : config_.files) {
        const QFileInfo pi(QString::fromStdString(pattern));
        const QDir dir = pi.dir();
        const QStringList names = dir.entryList({pi.fileName()}, QDir::Files | QDir::Hidden, QDir::Name);
        for (const QString &n : names) out.push_back(dir.filePath(n).toStdString());
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

void FileDiscoverer::watch(const std::vector<std::string> &files)
{
    QStringList wanted;
    for (const std::string &pattern : config_.files) {
        const QString d = QFileInfo(QString::fromStdString(pattern)).absolutePath();
        if (QFileInfo(d).isDir()) wanted << d;
    }
    for (const std::string &f : files) wanted << QString::fromStdString(f);
    wanted.removeDuplicates();
    const QStringList current = watcher_.files() + watcher_.directories();
    QStringList add;
    for (const QString &w : wanted)
        if (!current.contains(w)) add << w;
    if (!add.isEmpty()) watcher_.addPaths(add);
}

void FileDiscoverer::refresh()
{
    const std::vector<std::string> files = listFiles();
    watch(files);
    std::map<std::string, std::vector<TargetGroup>> next;
    std::string errors;
    for (const std::string &path : files) {
        Result<std::vector<TargetGroup>> groups = readTargetGroupFile(path);
        if (!groups) {
            // Keep what the file gave last time: a half-written or broken
            // file must not stop the targets it listed.
            qCWarning(lcDiscovery).noquote() << "file_sd: error reading file:"
                                             << QString::fromStdString(groups.status().message());
            errors += (errors.empty() ? "" : "; ") + groups.status().message();
            if (auto it = lastGood_.find(path); it != lastGood_.end()) next[path] = it->second;
            continue;
        }
        next[path] = std::move(*groups);
    }
    lastGood_ = std::move(next);
    DiscoveryUpdate u;
    for (const auto &[path, groups] : lastGood_) u.groups.insert(u.groups.end(), groups.begin(), groups.end());
    u.error = std::move(errors);
    if (sink_) sink_(std::move(u));
}

}  // namespace vigil::discovery
