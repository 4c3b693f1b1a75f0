#include "scrape/config_parser.h"

#include "scrape/label_validation.h"
#include "scrape/units.h"

#include <yaml-cpp/yaml.h>

#include <set>
#include <utility>

namespace vigil::scrape {

namespace {

std::string quoted(std::string_view s)
{
    return "\"" + std::string(s) + "\"";
}

std::string join(const std::string &path, std::string_view field)
{
    return path.empty() ? std::string(field) : path + "." + std::string(field);
}

std::string index(const std::string &path, size_t i)
{
    return path + "[" + std::to_string(i) + "]";
}

// Service discovery sections Prometheus 2.42 knows; kept as raw YAML.
constexpr std::string_view kSdSections[] = {
    "azure_sd_configs",       "consul_sd_configs",     "digitalocean_sd_configs", "docker_sd_configs",
    "dockerswarm_sd_configs", "dns_sd_configs",        "ec2_sd_configs",          "eureka_sd_configs",
    "file_sd_configs",        "gce_sd_configs",        "hetzner_sd_configs",      "http_sd_configs",
    "ionos_sd_configs",       "kubernetes_sd_configs", "kuma_sd_configs",         "lightsail_sd_configs",
    "linode_sd_configs",      "marathon_sd_configs",   "nerve_sd_configs",        "nomad_sd_configs",
    "openstack_sd_configs",   "ovhcloud_sd_configs",   "puppetdb_sd_configs",     "scaleway_sd_configs",
    "serverset_sd_configs",   "triton_sd_configs",     "uyuni_sd_configs",        "vultr_sd_configs",
};
// Other valid scrape_config fields Vigil keeps raw without interpreting.
constexpr std::string_view kRawScrapeFields[] = {
    "oauth2",       "proxy_url",    "proxy_connect_header", "no_proxy", "proxy_from_environment",
    "enable_http2", "target_limit",
};

bool contains(std::initializer_list<std::string_view> list, std::string_view s)
{
    for (std::string_view k : list)
        if (k == s) return true;
    return false;
}

template <size_t N>
bool contains(const std::string_view (&list)[N], std::string_view s)
{
    for (std::string_view k : list)
        if (k == s) return true;
    return false;
}

// Prometheus checks rule file patterns with filepath.Match: only an unclosed
// '[' (or a trailing '\') makes a pattern malformed.
bool isValidGlob(std::string_view p)
{
    for (size_t i = 0; i < p.size(); ++i) {
        if (p[i] == '\\') {
            if (++i >= p.size()) return false;
        } else if (p[i] == '[') {
            const size_t close = p.find(']', i + 1);
            if (close == std::string_view::npos) return false;
            i = close;
        }
    }
    return true;
}

}  // namespace

ConfigParser::ConfigParser(std::string fileName, std::string baseDir)
    : fileName_(std::move(fileName)), baseDir_(std::move(baseDir))
{
}

Status ConfigParser::error(const YAML::Node &n, const std::string &path, const std::string &message) const
{
    int line = lastLine_;
    if (n.IsDefined() && !n.Mark().is_null()) line = n.Mark().line + 1;
    std::string msg = fileName_ + ":" + std::to_string(line) + ": ";
    if (!path.empty()) msg += path + ": ";
    return Status::invalidArgument(msg + message);
}

std::string ConfigParser::resolvePath(const std::string &p) const
{
    if (p.empty() || p[0] == '/' || baseDir_.empty()) return p;
    return baseDir_ + "/" + p;
}

std::string ConfigParser::toYaml(const YAML::Node &n)
{
    YAML::Emitter e;
    e << n;
    return e.c_str();
}

Result<PrometheusConfig> ConfigParser::parse(std::string_view yaml)
{
    PrometheusConfig cfg;
    try {
        const YAML::Node root = YAML::Load(std::string(yaml));
        VIGIL_RETURN_IF_ERROR(parseDocument(root, &cfg));
    } catch (const YAML::Exception &e) {
        const int line = e.mark.is_null() ? lastLine_ : e.mark.line + 1;
        return Status::invalidArgument(fileName_ + ":" + std::to_string(line) + ": " + e.msg);
    } catch (const std::exception &e) {
        return Status::invalidArgument(fileName_ + ":" + std::to_string(lastLine_) + ": " + e.what());
    }
    return cfg;
}

Result<std::vector<RelabelConfig>> ConfigParser::parseRelabelList(std::string_view yaml)
{
    std::vector<RelabelConfig> out;
    try {
        const YAML::Node root = YAML::Load(std::string(yaml));
        if (root.IsNull() || !root.IsDefined()) return out;
        VIGIL_RETURN_IF_ERROR(parseRelabelConfigs(root, "relabel_configs", &out));
    } catch (const YAML::Exception &e) {
        const int line = e.mark.is_null() ? lastLine_ : e.mark.line + 1;
        return Status::invalidArgument(fileName_ + ":" + std::to_string(line) + ": " + e.msg);
    } catch (const std::exception &e) {
        return Status::invalidArgument(fileName_ + ":" + std::to_string(lastLine_) + ": " + e.what());
    }
    return out;
}

Status ConfigParser::checkMap(const YAML::Node &n, const std::string &path,
                              std::initializer_list<std::string_view> known, const char *goType,
                              bool allowNull)
{
    if (n.IsDefined() && !n.Mark().is_null()) lastLine_ = n.Mark().line + 1;
    if (n.IsNull() && allowNull) return Status::ok();
    if (!n.IsMap()) return error(n, path, std::string("expected a mapping (") + goType + ")");
    std::set<std::string, std::less<>> seen;
    for (const auto &kv : n) {
        if (!kv.first.IsScalar()) return error(kv.first, path, "mapping keys must be strings");
        const std::string &key = kv.first.Scalar();
        if (!seen.insert(key).second)
            return error(kv.first, path, "mapping key " + quoted(key) + " already defined");
        const bool rawOk = std::string_view(goType) == "config.ScrapeConfig" &&
                           (contains(kSdSections, key) || contains(kRawScrapeFields, key));
        if (known.size() > 0 && !contains(known, key) && !rawOk)
            return error(kv.first, path, "field " + key + " not found in type " + goType);
    }
    return Status::ok();
}

Status ConfigParser::checkSequence(const YAML::Node &n, const std::string &path)
{
    if (n.IsNull() || n.IsSequence()) return Status::ok();
    return error(n, path, "expected a list");
}

Status ConfigParser::readString(const YAML::Node &n, const std::string &path, std::string *out)
{
    if (n.IsNull()) {
        out->clear();
        return Status::ok();
    }
    if (!n.IsScalar()) return error(n, path, "expected a string");
    *out = n.Scalar();
    return Status::ok();
}

Status ConfigParser::readBool(const YAML::Node &n, const std::string &path, bool *out)
{
    bool v = false;
    if (!n.IsScalar() || !YAML::convert<bool>::decode(n, v))
        return error(n, path, "expected a boolean, got " + quoted(n.IsScalar() ? n.Scalar() : std::string()));
    *out = v;
    return Status::ok();
}

Status ConfigParser::readUint(const YAML::Node &n, const std::string &path, uint64_t *out)
{
    if (!n.IsScalar()) return error(n, path, "expected a non-negative integer");
    const std::string &s = n.Scalar();
    uint64_t v = 0;
    if (s.empty()) return error(n, path, "expected a non-negative integer");
    for (char c : s) {
        if (c < '0' || c > '9' || v > (UINT64_MAX - 9) / 10)
            return error(n, path, "expected a non-negative integer, got " + quoted(s));
        v = v * 10 + uint64_t(c - '0');
    }
    *out = v;
    return Status::ok();
}

Status ConfigParser::readDuration(const YAML::Node &n, const std::string &path, int64_t *out)
{
    if (!n.IsScalar()) return error(n, path, "expected a duration");
    Result<int64_t> d = parseDuration(n.Scalar());
    if (!d) return error(n, path, d.status().message());
    *out = *d;
    return Status::ok();
}

Status ConfigParser::readStringList(const YAML::Node &n, const std::string &path,
                                    std::vector<std::string> *out)
{
    out->clear();
    VIGIL_RETURN_IF_ERROR(checkSequence(n, path));
    if (n.IsNull()) return Status::ok();
    for (size_t i = 0; i < n.size(); ++i) {
        std::string s;
        VIGIL_RETURN_IF_ERROR(readString(n[i], index(path, i), &s));
        out->push_back(std::move(s));
    }
    return Status::ok();
}

Status ConfigParser::readLabels(const YAML::Node &n, const std::string &path, model::Labels *out)
{
    if (n.IsNull()) {
        *out = {};
        return Status::ok();
    }
    VIGIL_RETURN_IF_ERROR(checkMap(n, path, {}, "model.LabelSet"));
    std::vector<model::Label> labels;
    for (const auto &kv : n) {
        const std::string &name = kv.first.Scalar();
        if (!isValidLabelName(name))
            return error(kv.first, path, quoted(name) + " is not a valid label name");
        std::string value;
        VIGIL_RETURN_IF_ERROR(readString(kv.second, join(path, name), &value));
        if (!isValidLabelValue(value))
            return error(kv.second, join(path, name), quoted(value) + " is not a valid label value");
        labels.push_back({name, std::move(value)});
    }
    *out = model::Labels::fromUnsorted(std::move(labels));
    return Status::ok();
}

Status ConfigParser::parseDocument(const YAML::Node &root, PrometheusConfig *cfg)
{
    if (!root.IsDefined() || root.IsNull()) return Status::ok();
    VIGIL_RETURN_IF_ERROR(checkMap(root, "",
                                   {"global", "alerting", "rule_files", "scrape_config_files",
                                    "scrape_configs", "storage", "tracing", "remote_write", "remote_read"},
                                   "config.plain"));
    if (const YAML::Node g = root["global"]; g.IsDefined())
        VIGIL_RETURN_IF_ERROR(parseGlobal(g, &cfg->global));

    if (const YAML::Node rf = root["rule_files"]; rf.IsDefined()) {
        std::vector<std::string> patterns;
        VIGIL_RETURN_IF_ERROR(readStringList(rf, "rule_files", &patterns));
        for (size_t i = 0; i < patterns.size(); ++i) {
            if (!isValidGlob(patterns[i]))
                return error(rf[i], index("rule_files", i), "invalid rule file path " + quoted(patterns[i]));
            cfg->ruleFiles.push_back(resolvePath(patterns[i]));
        }
    }

    for (const char *raw :
         {"alerting", "remote_write", "remote_read", "storage", "tracing", "scrape_config_files"}) {
        if (const YAML::Node n = root[raw]; n.IsDefined() && !n.IsNull()) cfg->rawSections[raw] = toYaml(n);
    }

    if (const YAML::Node rws = root["remote_write"]; rws.IsDefined() && !rws.IsNull()) {
        VIGIL_RETURN_IF_ERROR(checkSequence(rws, "remote_write"));
        std::set<std::string> names;
        for (size_t i = 0; i < rws.size(); ++i) {
            RemoteWriteConfig rw;
            VIGIL_RETURN_IF_ERROR(parseRemoteWrite(rws[i], index("remote_write", i), &rw));
            if (!rw.name.empty() && !names.insert(rw.name).second)
                return error(rws[i], index("remote_write", i), "found multiple remote write configs with job name " + quoted(rw.name));
            cfg->remoteWrite.push_back(std::move(rw));
        }
    }

    if (const YAML::Node scs = root["scrape_configs"]; scs.IsDefined()) {
        VIGIL_RETURN_IF_ERROR(checkSequence(scs, "scrape_configs"));
        std::map<std::string, size_t, std::less<>> jobs;
        for (size_t i = 0; i < scs.size(); ++i) {
            const std::string path = index("scrape_configs", i);
            const YAML::Node n = scs[i];
            if (n.IsNull()) return error(n, path, "empty or null scrape config section");
            ScrapeConfig sc;
            VIGIL_RETURN_IF_ERROR(parseScrapeConfig(n, path, cfg->global, &sc));
            if (!jobs.emplace(sc.jobName, i).second)
                return error(n["job_name"], join(path, "job_name"),
                             "found multiple scrape configs with job name " + quoted(sc.jobName));
            cfg->scrapeConfigs.push_back(std::move(sc));
        }
    }
    return Status::ok();
}

Status ConfigParser::parseGlobal(const YAML::Node &n, GlobalConfig *g)
{
    VIGIL_RETURN_IF_ERROR(checkMap(
        n, "global",
        {"scrape_interval", "scrape_timeout", "evaluation_interval", "external_labels", "query_log_file"},
        "config.GlobalConfig", true));
    if (n.IsNull()) return Status::ok();
    int64_t interval = 0, timeout = 0, eval = 0;
    if (n["scrape_interval"].IsDefined())
        VIGIL_RETURN_IF_ERROR(readDuration(n["scrape_interval"], "global.scrape_interval", &interval));
    if (n["scrape_timeout"].IsDefined())
        VIGIL_RETURN_IF_ERROR(readDuration(n["scrape_timeout"], "global.scrape_timeout", &timeout));
    if (n["evaluation_interval"].IsDefined())
        VIGIL_RETURN_IF_ERROR(readDuration(n["evaluation_interval"], "global.evaluation_interval", &eval));
    if (n["external_labels"].IsDefined())
        VIGIL_RETURN_IF_ERROR(readLabels(n["external_labels"], "global.external_labels", &g->externalLabels));
    if (n["query_log_file"].IsDefined())
        VIGIL_RETURN_IF_ERROR(readString(n["query_log_file"], "global.query_log_file", &g->queryLogFile));

    if (interval == 0) interval = kPrometheusDefaultScrapeIntervalMs;
    if (timeout > interval)
        return error(n["scrape_timeout"], "global.scrape_timeout",
                     quoted(formatDuration(timeout)) + " is greater than scrape_interval " +
                         quoted(formatDuration(interval)));
    if (timeout == 0) timeout = std::min(kDefaultScrapeTimeoutMs, interval);
    if (eval == 0) eval = 60'000;
    g->scrapeIntervalMs = interval;
    g->scrapeTimeoutMs = timeout;
    g->evaluationIntervalMs = eval;
    return Status::ok();
}

Status ConfigParser::parseScrapeConfig(const YAML::Node &n, const std::string &path, const GlobalConfig &g,
                                       ScrapeConfig *sc)
{
    VIGIL_RETURN_IF_ERROR(checkMap(n, path,
                                   {"job_name",
                                    "honor_labels",
                                    "honor_timestamps",
                                    "params",
                                    "scrape_interval",
                                    "scrape_timeout",
                                    "metrics_path",
                                    "scheme",
                                    "body_size_limit",
                                    "sample_limit",
                                    "label_limit",
                                    "label_name_length_limit",
                                    "label_value_length_limit",
                                    "basic_auth",
                                    "authorization",
                                    "bearer_token",
                                    "bearer_token_file",
                                    "tls_config",
                                    "follow_redirects",
                                    "static_configs",
                                    "relabel_configs",
                                    "metric_relabel_configs"},
                                   "config.ScrapeConfig"));
    *sc = ScrapeConfig{};
    int64_t interval = 0, timeout = 0;
    std::string bearer, bearerFile;
    bool hasBearer = false, hasBearerFile = false;
    for (const auto &kv : n) {
        const std::string key = kv.first.Scalar();
        const YAML::Node &v = kv.second;
        const std::string p = join(path, key);
        if (key == "job_name") {
            VIGIL_RETURN_IF_ERROR(readString(v, p, &sc->jobName));
        } else if (key == "honor_labels") {
            VIGIL_RETURN_IF_ERROR(readBool(v, p, &sc->honorLabels));
        } else if (key == "honor_timestamps") {
            VIGIL_RETURN_IF_ERROR(readBool(v, p, &sc->honorTimestamps));
        } else if (key == "params") {
            VIGIL_RETURN_IF_ERROR(checkMap(v, p, {}, "url.Values", true));
            if (v.IsNull()) continue;
            for (const auto &pv : v) {
                std::vector<std::string> values;
                VIGIL_RETURN_IF_ERROR(readStringList(pv.second, join(p, pv.first.Scalar()), &values));
                sc->params[pv.first.Scalar()] = std::move(values);
            }
        } else if (key == "scrape_interval") {
            VIGIL_RETURN_IF_ERROR(readDuration(v, p, &interval));
        } else if (key == "scrape_timeout") {
            VIGIL_RETURN_IF_ERROR(readDuration(v, p, &timeout));
        } else if (key == "metrics_path") {
            VIGIL_RETURN_IF_ERROR(readString(v, p, &sc->metricsPath));
        } else if (key == "scheme") {
            VIGIL_RETURN_IF_ERROR(readString(v, p, &sc->scheme));
            if (sc->scheme != "http" && sc->scheme != "https")
                return error(v, p,
                             "invalid scheme " + quoted(sc->scheme) + " (must be \"http\" or \"https\")");
        } else if (key == "body_size_limit") {
            if (!v.IsScalar()) return error(v, p, "expected a byte size");
            Result<int64_t> b = parseByteSize(v.Scalar());
            if (!b) return error(v, p, b.status().message());
            sc->bodySizeLimit = *b;
        } else if (key == "sample_limit") {
            VIGIL_RETURN_IF_ERROR(readUint(v, p, &sc->sampleLimit));
        } else if (key == "label_limit") {
            VIGIL_RETURN_IF_ERROR(readUint(v, p, &sc->labelLimit));
        } else if (key == "label_name_length_limit") {
            VIGIL_RETURN_IF_ERROR(readUint(v, p, &sc->labelNameLengthLimit));
        } else if (key == "label_value_length_limit") {
            VIGIL_RETURN_IF_ERROR(readUint(v, p, &sc->labelValueLengthLimit));
        } else if (key == "basic_auth") {
            BasicAuth ba;
            VIGIL_RETURN_IF_ERROR(parseBasicAuth(v, p, &ba));
            sc->http.basicAuth = std::move(ba);
        } else if (key == "authorization") {
            Authorization a;
            VIGIL_RETURN_IF_ERROR(parseAuthorization(v, p, &a));
            sc->http.authorization = std::move(a);
        } else if (key == "bearer_token") {
            VIGIL_RETURN_IF_ERROR(readString(v, p, &bearer));
            hasBearer = !bearer.empty();
        } else if (key == "bearer_token_file") {
            VIGIL_RETURN_IF_ERROR(readString(v, p, &bearerFile));
            hasBearerFile = !bearerFile.empty();
        } else if (key == "tls_config") {
            VIGIL_RETURN_IF_ERROR(parseTls(v, p, &sc->http.tls));
        } else if (key == "follow_redirects") {
            VIGIL_RETURN_IF_ERROR(readBool(v, p, &sc->http.followRedirects));
        } else if (key == "static_configs") {
            VIGIL_RETURN_IF_ERROR(checkSequence(v, p));
            for (size_t i = 0; i < v.size(); ++i) {
                StaticConfig st;
                VIGIL_RETURN_IF_ERROR(parseStaticConfig(v[i], index(p, i), &st));
                sc->staticConfigs.push_back(std::move(st));
            }
        } else if (key == "file_sd_configs") {
            VIGIL_RETURN_IF_ERROR(parseFileSdConfigs(v, p, &sc->sd.file));
        } else if (key == "http_sd_configs") {
            VIGIL_RETURN_IF_ERROR(parseHttpSdConfigs(v, p, &sc->sd.http));
        } else if (key == "dns_sd_configs") {
            VIGIL_RETURN_IF_ERROR(parseDnsSdConfigs(v, p, &sc->sd.dns));
        } else if (key == "relabel_configs") {
            VIGIL_RETURN_IF_ERROR(parseRelabelConfigs(v, p, &sc->relabelConfigs));
        } else if (key == "metric_relabel_configs") {
            VIGIL_RETURN_IF_ERROR(parseRelabelConfigs(v, p, &sc->metricRelabelConfigs));
        } else {
            // Valid in Prometheus, not interpreted by Vigil yet.
            sc->rawSections[key] = toYaml(v);
        }
    }
    if (sc->jobName.empty()) return error(n, path, "job_name is empty");

    if (interval == 0) interval = g.scrapeIntervalMs;
    if (timeout > interval)
        return error(n["scrape_timeout"].IsDefined() ? n["scrape_timeout"] : n["scrape_interval"],
                     join(path, n["scrape_timeout"].IsDefined() ? "scrape_timeout" : "scrape_interval"),
                     quoted(formatDuration(timeout)) + " is greater than scrape_interval " +
                         quoted(formatDuration(interval)));
    if (timeout == 0) timeout = std::min(g.scrapeTimeoutMs, interval);
    sc->scrapeIntervalMs = interval;
    sc->scrapeTimeoutMs = timeout;

    if (hasBearer && hasBearerFile)
        return error(n["bearer_token_file"], join(path, "bearer_token_file"),
                     "at most one of bearer_token & bearer_token_file must be configured");
    VIGIL_RETURN_IF_ERROR(validateHttp(n, path, hasBearer, hasBearerFile, &sc->http));
    if (hasBearer || hasBearerFile) {
        Authorization a;
        a.credentials = bearer;
        a.credentialsFile = resolvePath(bearerFile);
        sc->http.authorization = std::move(a);
    }
    return Status::ok();
}

Status ConfigParser::validateHttp(const YAML::Node &n, const std::string &path, bool hasBearer,
                                  bool hasBearerFile, HttpClientConfig *http)
{
    const bool bearerAny = hasBearer || hasBearerFile;
    if (http->basicAuth && bearerAny)
        return error(
            n["basic_auth"], join(path, "basic_auth"),
            "at most one of basic_auth, oauth2, bearer_token & bearer_token_file must be configured");
    if (http->authorization && bearerAny)
        return error(n["authorization"], join(path, "authorization"),
                     "authorization is not compatible with bearer_token & bearer_token_file");
    if (http->basicAuth && http->authorization)
        return error(n["authorization"], join(path, "authorization"),
                     "at most one of basic_auth, oauth2 & authorization must be configured");
    return Status::ok();
}

Status ConfigParser::parseStaticConfig(const YAML::Node &n, const std::string &path, StaticConfig *st)
{
    VIGIL_RETURN_IF_ERROR(checkMap(n, path, {"targets", "labels"}, "targetgroup.Group"));
    if (n["targets"].IsDefined()) {
        VIGIL_RETURN_IF_ERROR(readStringList(n["targets"], join(path, "targets"), &st->targets));
        for (size_t i = 0; i < st->targets.size(); ++i) {
            const std::string &t = st->targets[i];
            if (t.find('/') != std::string::npos)
                return error(n["targets"][i], index(join(path, "targets"), i),
                             quoted(t) + " is not a valid hostname");
            if (t.empty())
                return error(n["targets"][i], index(join(path, "targets"), i), "empty target address");
        }
    }
    if (n["labels"].IsDefined())
        VIGIL_RETURN_IF_ERROR(readLabels(n["labels"], join(path, "labels"), &st->labels));
    return Status::ok();
}

Status ConfigParser::parseRelabelConfigs(const YAML::Node &n, const std::string &path,
                                         std::vector<RelabelConfig> *out)
{
    VIGIL_RETURN_IF_ERROR(checkSequence(n, path));
    for (size_t i = 0; i < n.size(); ++i) {
        RelabelConfig rc;
        VIGIL_RETURN_IF_ERROR(parseRelabelConfig(n[i], index(path, i), &rc));
        out->push_back(std::move(rc));
    }
    return Status::ok();
}

Status ConfigParser::parseRelabelConfig(const YAML::Node &n, const std::string &path, RelabelConfig *rc)
{
    VIGIL_RETURN_IF_ERROR(checkMap(
        n, path, {"source_labels", "separator", "regex", "modulus", "target_label", "replacement", "action"},
        "relabel.Config"));
    for (const auto &kv : n) {
        const std::string key = kv.first.Scalar();
        const YAML::Node &v = kv.second;
        const std::string p = join(path, key);
        if (key == "source_labels") {
            VIGIL_RETURN_IF_ERROR(readStringList(v, p, &rc->sourceLabels));
        } else if (key == "separator") {
            VIGIL_RETURN_IF_ERROR(readString(v, p, &rc->separator));
        } else if (key == "regex") {
            std::string expr;
            VIGIL_RETURN_IF_ERROR(readString(v, p, &expr));
            Result<RelabelRegex> re = RelabelRegex::create(expr);
            if (!re) return error(v, p, re.status().message());
            rc->regex = std::move(*re);
        } else if (key == "modulus") {
            VIGIL_RETURN_IF_ERROR(readUint(v, p, &rc->modulus));
        } else if (key == "target_label") {
            VIGIL_RETURN_IF_ERROR(readString(v, p, &rc->targetLabel));
        } else if (key == "replacement") {
            VIGIL_RETURN_IF_ERROR(readString(v, p, &rc->replacement));
        } else if (key == "action") {
            std::string a;
            VIGIL_RETURN_IF_ERROR(readString(v, p, &a));
            if (a.empty()) return error(v, p, "relabel action cannot be empty");
            std::optional<RelabelAction> act = parseRelabelAction(a);
            if (!act) return error(v, p, "unknown relabel action " + quoted(a));
            rc->action = *act;
        }
    }
    if (Status s = rc->validate(); !s) return error(n, path, s.message());
    return Status::ok();
}

Status ConfigParser::parseBasicAuth(const YAML::Node &n, const std::string &path, BasicAuth *ba)
{
    VIGIL_RETURN_IF_ERROR(checkMap(n, path, {"username", "password", "password_file"}, "config.BasicAuth"));
    if (n["username"].IsDefined())
        VIGIL_RETURN_IF_ERROR(readString(n["username"], join(path, "username"), &ba->username));
    if (n["password"].IsDefined())
        VIGIL_RETURN_IF_ERROR(readString(n["password"], join(path, "password"), &ba->password));
    if (n["password_file"].IsDefined()) {
        VIGIL_RETURN_IF_ERROR(readString(n["password_file"], join(path, "password_file"), &ba->passwordFile));
        ba->passwordFile = resolvePath(ba->passwordFile);
    }
    if (!ba->password.empty() && !ba->passwordFile.empty())
        return error(n, path, "at most one of basic_auth password & password_file must be configured");
    return Status::ok();
}

Status ConfigParser::parseAuthorization(const YAML::Node &n, const std::string &path, Authorization *a)
{
    VIGIL_RETURN_IF_ERROR(
        checkMap(n, path, {"type", "credentials", "credentials_file"}, "config.Authorization"));
    std::string type;
    if (n["type"].IsDefined()) VIGIL_RETURN_IF_ERROR(readString(n["type"], join(path, "type"), &type));
    while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.pop_back();
    while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) type.erase(0, 1);
    if (type.empty()) type = "Bearer";
    std::string lower = type;
    for (char &c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "basic")
        return error(n["type"], join(path, "type"),
                     "authorization type cannot be set to \"basic\", use \"basic_auth\" instead");
    a->type = type;
    if (n["credentials"].IsDefined())
        VIGIL_RETURN_IF_ERROR(readString(n["credentials"], join(path, "credentials"), &a->credentials));
    if (n["credentials_file"].IsDefined()) {
        VIGIL_RETURN_IF_ERROR(
            readString(n["credentials_file"], join(path, "credentials_file"), &a->credentialsFile));
        a->credentialsFile = resolvePath(a->credentialsFile);
    }
    if (!a->credentials.empty() && !a->credentialsFile.empty())
        return error(n, path,
                     "at most one of authorization credentials & credentials_file must be configured");
    return Status::ok();
}

Status ConfigParser::parseTls(const YAML::Node &n, const std::string &path, TlsConfig *tls)
{
    VIGIL_RETURN_IF_ERROR(
        checkMap(n, path, {"ca_file", "cert_file", "key_file", "server_name", "insecure_skip_verify"},
                 "config.TLSConfig", true));
    if (n.IsNull()) return Status::ok();
    auto file = [&](const char *key, std::string *out) -> Status {
        if (!n[key].IsDefined()) return Status::ok();
        VIGIL_RETURN_IF_ERROR(readString(n[key], join(path, key), out));
        *out = resolvePath(*out);
        return Status::ok();
    };
    VIGIL_RETURN_IF_ERROR(file("ca_file", &tls->caFile));
    VIGIL_RETURN_IF_ERROR(file("cert_file", &tls->certFile));
    VIGIL_RETURN_IF_ERROR(file("key_file", &tls->keyFile));
    if (n["server_name"].IsDefined())
        VIGIL_RETURN_IF_ERROR(readString(n["server_name"], join(path, "server_name"), &tls->serverName));
    if (n["insecure_skip_verify"].IsDefined())
        VIGIL_RETURN_IF_ERROR(readBool(n["insecure_skip_verify"], join(path, "insecure_skip_verify"),
                                       &tls->insecureSkipVerify));
    if (!tls->certFile.empty() && tls->keyFile.empty())
        return error(
            n, path,
            "exactly one of key or key_file must be configured when a client certificate is configured");
    if (tls->certFile.empty() && !tls->keyFile.empty())
        return error(n, path,
                     "exactly one of cert or cert_file must be configured when a client key is configured");
    return Status::ok();
}

}  // namespace vigil::scrape
