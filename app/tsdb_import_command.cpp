#include "tsdb_import_command.h"

#include "runtime/engine.h"
#include "tsdb/openmetrics_import.h"

#include <QDir>

#include <iostream>

int runTsdbImportOpenMetrics(const std::vector<std::string> &args)
{
    std::string file, dir;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        if (a.rfind("--storage.tsdb.path=", 0) == 0) {
            dir = a.substr(20);
        } else if (a == "--storage.tsdb.path" && i + 1 < args.size()) {
            dir = args[++i];
        } else if (!a.empty() && a[0] == '-') {
            std::cerr << "vigil tsdb import openmetrics: unknown flag " << a << "\n";
            return 2;
        } else if (file.empty()) {
            file = a;
        } else {
            std::cerr << "vigil tsdb import openmetrics: only one FILE may be given\n";
            return 2;
        }
    }
    if (file.empty()) {
        std::cerr << "usage: vigil tsdb import openmetrics FILE [--storage.tsdb.path=DIR]\n";
        return 2;
    }
    if (dir.empty()) dir = vigil::runtime::Engine::defaultDataDir().toStdString();
    QDir().mkpath(QString::fromStdString(dir));
    vigil::tsdb::ImportStats stats;
    const vigil::Status st = vigil::tsdb::importOpenMetrics(file, dir, &stats);
    if (!st.isOk()) {
        std::cerr << "vigil tsdb import openmetrics: " << st.message() << "\n";
        return 1;
    }
    std::cout << "imported " << stats.samples << " samples of " << stats.series << " series into " << stats.blocks
              << " blocks (" << stats.bytes << " bytes) in " << dir << "\n";
    return 0;
}
