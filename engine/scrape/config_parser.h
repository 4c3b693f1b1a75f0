// ConfigParser: turns prometheus.yml text into a PrometheusConfig (see
// prometheus_config.h for the rules and the error format). Internal to
// vigil_scrape; use PrometheusConfig::loadFile / loadString.
//
// Never throws: yaml-cpp exceptions are caught and reported with the line
// they carry. One parser parses one document; not thread-safe.
#pragma once

#include "core/status.h"
#include "scrape/prometheus_config.h"

#include <initializer_list>
#include <string>
#include <string_view>

namespace YAML {
class Node;
}

namespace vigil::scrape {

class ConfigParser {
public:
    // `fileName` prefixes every error; relative paths are joined to `baseDir`
    // (unchanged when it is empty).
    ConfigParser(std::string fileName, std::string baseDir);

    Result<PrometheusConfig> parse(std::string_view yaml);
    // A relabel_configs sequence on its own (the console's relabel editor);
    // an empty or blank text is an empty list.
    Result<std::vector<RelabelConfig>> parseRelabelList(std::string_view yaml);

private:
    Status parseDocument(const YAML::Node &root, PrometheusConfig *cfg);
    Status parseGlobal(const YAML::Node &n, GlobalConfig *g);
    Status parseScrapeConfig(const YAML::Node &n, const std::string &path, const GlobalConfig &g,
                             ScrapeConfig *sc);
    Status parseStaticConfig(const YAML::Node &n, const std::string &path, StaticConfig *st);
    // config_parser_sd.cpp: file_sd_configs, http_sd_configs and dns_sd_configs.
    Status parseFileSdConfigs(const YAML::Node &n, const std::string &path, std::vector<discovery::FileSdConfig> *out);
    Status parseHttpSdConfigs(const YAML::Node &n, const std::string &path, std::vector<discovery::HttpSdConfig> *out);
    Status parseDnsSdConfigs(const YAML::Node &n, const std::string &path, std::vector<discovery::DnsSdConfig> *out);
    Status parseRelabelConfigs(const YAML::Node &n, const std::string &path, std::vector<RelabelConfig> *out);
    Status parseRelabelConfig(const YAML::Node &n, const std::string &path, RelabelConfig *rc);
    Status parseBasicAuth(const YAML::Node &n, const std::string &path, BasicAuth *ba);
    Status parseAuthorization(const YAML::Node &n, const std::string &path, Authorization *a);
    Status parseTls(const YAML::Node &n, const std::string &path, TlsConfig *tls);
    // config_parser_remote_write.cpp
    Status parseRemoteWrite(const YAML::Node &n, const std::string &path, RemoteWriteConfig *rw);
    Status parseQueueConfig(const YAML::Node &n, const std::string &path, QueueConfig *q);

    // Fails unless `n` is a mapping (or null when allowNull) whose keys are
    // unique strings from `known`.
    Status checkMap(const YAML::Node &n, const std::string &path,
                    std::initializer_list<std::string_view> known, const char *goType,
                    bool allowNull = false);
    Status checkSequence(const YAML::Node &n, const std::string &path);
    Status readString(const YAML::Node &n, const std::string &path, std::string *out);
    Status readBool(const YAML::Node &n, const std::string &path, bool *out);
    Status readUint(const YAML::Node &n, const std::string &path, uint64_t *out);
    Status readDuration(const YAML::Node &n, const std::string &path, int64_t *out);
    Status readStringList(const YAML::Node &n, const std::string &path, std::vector<std::string> *out);
    Status readLabels(const YAML::Node &n, const std::string &path, model::Labels *out);
    Status validateHttp(const YAML::Node &n, const std::string &path, bool hasBearer, bool hasBearerFile,
                        HttpClientConfig *http);

    Status error(const YAML::Node &n, const std::string &path, const std::string &message) const;
    std::string resolvePath(const std::string &p) const;
    static std::string toYaml(const YAML::Node &n);

    std::string fileName_;
    std::string baseDir_;
    int lastLine_ = 1;  // line of the last node seen, for nodes without a mark
};

}  // namespace vigil::scrape
