// FileDiscoverer: file_sd_configs. Reads every file matching the patterns
// (JSON for *.json, YAML otherwise), re-reading on file system changes
// (QFileSystemWatcher on the files and their directories, since editors and
// config management replace files rather than rewrite them) and every
// refresh interval. Each group gets source "<path>:<index>" and the label
// __meta_filepath=<path>, as in Prometheus. A file that cannot be read or
// parsed keeps its previous groups and the error is reported; a file that
// disappears removes its groups.
#pragma once

#include "core/status.h"
#include "discovery/discoverer.h"
#include "discovery/sd_config.h"

#include <QFileSystemWatcher>
#include <QTimer>

#include <map>
#include <string>
#include <vector>

namespace vigil::discovery {

class FileDiscoverer : public Discoverer {
    Q_OBJECT
public:
    explicit FileDiscoverer(FileSdConfig config, QObject *parent = nullptr);
    void start(Sink sink) override;

private:
    void refresh();
    std::vector<std::string> listFiles() const;
    void watch(const std::vector<std::string> &files);

    FileSdConfig config_;
    Sink sink_;
    QFileSystemWatcher watcher_;
    QTimer refreshTimer_;  // refresh_interval
    QTimer settleTimer_;   // coalesces bursts of file system events
    std::map<std::string, std::vector<TargetGroup>> lastGood_;  // by file path
};

// Reads one target group file (format by extension) and sets sources and
// __meta_filepath. Exposed for tests and the console's file preview.
Result<std::vector<TargetGroup>> readTargetGroupFile(const std::string &path);

}  // namespace vigil::discovery
