#include "scrape/prometheus_config.h"

#include "scrape/config_parser.h"

#include <glob.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace vigil::scrape {

namespace {

std::string dirOf(const std::string &path)
{
    const size_t slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

}  // namespace

Result<PrometheusConfig> PrometheusConfig::loadFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::ioError("cannot read " + path + ": " + std::strerror(errno));
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return Status::ioError("cannot read " + path + ": " + std::strerror(errno));
    return loadString(ss.str(), path);
}

Result<PrometheusConfig> PrometheusConfig::loadString(std::string_view yaml, const std::string &fileName)
{
    ConfigParser parser(fileName, fileName.empty() ? std::string() : dirOf(fileName));
    Result<PrometheusConfig> cfg = parser.parse(yaml);
    if (cfg) cfg->sourceFile = fileName;
    return cfg;
}

const ScrapeConfig *PrometheusConfig::findJob(std::string_view jobName) const
{
    for (const ScrapeConfig &sc : scrapeConfigs)
        if (sc.jobName == jobName) return &sc;
    return nullptr;
}

Result<std::vector<std::string>> PrometheusConfig::expandRuleFiles() const
{
    std::vector<std::string> files;
    for (const std::string &pattern : ruleFiles) {
        glob_t g{};
        const int rc = ::glob(pattern.c_str(), 0, nullptr, &g);
        if (rc == 0) {
            for (size_t i = 0; i < g.gl_pathc; ++i) files.emplace_back(g.gl_pathv[i]);
        } else if (rc != GLOB_NOMATCH) {
            globfree(&g);
            return Status::ioError("cannot expand rule files " + pattern);
        }
        globfree(&g);
    }
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    return files;
}

Result<std::vector<RelabelConfig>> parseRelabelConfigs(std::string_view yaml, const std::string &fileName)
{
    return ConfigParser(fileName, {}).parseRelabelList(yaml);
}

}  // namespace vigil::scrape
