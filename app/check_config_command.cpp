#include "check_config_command.h"

#include "scrape/prometheus_config.h"

#include <iostream>

int runCheckConfig(const std::vector<std::string> &args)
{
    if (args.empty()) {
        std::cerr << "usage: vigil check config FILE...\n";
        return 2;
    }
    int rc = 0;
    for (const auto &file : args) {
        if (!file.empty() && file[0] == '-') {
            std::cerr << "vigil check config: unknown flag " << file << "\n";
            return 2;
        }
        auto cfg = vigil::scrape::PrometheusConfig::loadFile(file);
        if (!cfg.isOk()) {
            std::cerr << "FAILED: " << cfg.status().message() << "\n";
            rc = 1;
            continue;
        }
        auto rules = cfg->expandRuleFiles();
        if (!rules.isOk()) {
            std::cerr << "FAILED: " << file << ": " << rules.status().message() << "\n";
            rc = 1;
            continue;
        }
        std::cout << file << ": OK (" << cfg->scrapeConfigs.size() << " scrape configs, " << rules->size()
                  << " rule files found)\n";
    }
    return rc;
}
