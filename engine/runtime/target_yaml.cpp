#include "runtime/target_yaml.h"

#include "scrape/units.h"

#include <yaml-cpp/yaml.h>

#include <map>

namespace vigil::runtime {

namespace {

// Why a job cannot become console targets, or "" when it can.
std::string unsupportedReason(const scrape::ScrapeConfig &job)
{
    if (!job.rawSections.empty() || !job.sd.empty()) {
        // Parsed discovery (file, http) and the sections still kept raw, in one list.
        std::string keys;
        if (!job.sd.file.empty()) keys = "file_sd_configs";
        if (!job.sd.http.empty()) keys += (keys.empty() ? "" : ", ") + std::string("http_sd_configs");
        if (!job.sd.dns.empty()) keys += (keys.empty() ? "" : ", ") + std::string("dns_sd_configs");
        for (const auto &[k, v] : job.rawSections) keys += (keys.empty() ? "" : ", ") + k;
        const bool sd = keys.find("_sd_configs") != std::string::npos;
        return "uses " + keys + (sd ? " (service discovery)" : "") +
               ", which console targets do not support yet";
    }
    if (job.staticConfigs.empty()) return "has no static_configs";
    if (!job.params.empty()) return "sets params, which console targets do not support yet";
    if (job.honorLabels) return "sets honor_labels, which console targets do not support yet";
    if (!job.honorTimestamps) return "sets honor_timestamps: false, which console targets do not support yet";
    if (job.sampleLimit || job.labelLimit || job.labelNameLengthLimit || job.labelValueLengthLimit ||
        job.bodySizeLimit)
        return "sets sample or label limits, which console targets do not support yet";
    if (!job.metricRelabelConfigs.empty())
        return "has metric_relabel_configs, which console targets do not support yet";
    if (!job.http.followRedirects)
        return "sets follow_redirects: false, which console targets do not support yet";
    if (job.http.basicAuth && !job.http.basicAuth->passwordFile.empty())
        return "reads its password from a file (password_file); add the password in the form instead";
    if (job.http.authorization) {
        if (!job.http.authorization->credentialsFile.empty())
            return "reads its token from a file (credentials_file); add the token in the form instead";
        if (job.http.authorization->type != "Bearer")
            return "uses authorization type " + job.http.authorization->type + "; only Bearer is supported";
    }
    return {};
}

}  // namespace

std::string relabelConfigsToYaml(const std::vector<scrape::RelabelConfig> &configs)
{
    if (configs.empty()) return {};
    const scrape::RelabelConfig defaults;
    YAML::Emitter out;
    out << YAML::BeginSeq;
    for (const auto &rc : configs) {
        out << YAML::BeginMap;
        if (!rc.sourceLabels.empty()) {
            out << YAML::Key << "source_labels" << YAML::Value << YAML::Flow << YAML::BeginSeq;
            for (const auto &l : rc.sourceLabels) out << l;
            out << YAML::EndSeq;
        }
        if (rc.separator != defaults.separator)
            out << YAML::Key << "separator" << YAML::Value << rc.separator;
        if (rc.regex.expr() != defaults.regex.expr()) {
            out << YAML::Key << "regex" << YAML::Value << YAML::SingleQuoted << rc.regex.expr();
        }
        if (rc.modulus) out << YAML::Key << "modulus" << YAML::Value << rc.modulus;
        if (!rc.targetLabel.empty()) out << YAML::Key << "target_label" << YAML::Value << rc.targetLabel;
        if (rc.replacement != defaults.replacement) {
            out << YAML::Key << "replacement" << YAML::Value << YAML::SingleQuoted << rc.replacement;
        }
        out << YAML::Key << "action" << YAML::Value << std::string(scrape::relabelActionName(rc.action));
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
    return std::string(out.c_str()) + "\n";
}

TargetImport importTargets(const scrape::PrometheusConfig &config)
{
    TargetImport result;
    for (const auto &job : config.scrapeConfigs) {
        if (std::string why = unsupportedReason(job); !why.empty()) {
            result.skipped.push_back({job.jobName, why});
            continue;
        }
        store::StoredTarget base;
        base.job = job.jobName;
        base.scheme = job.scheme;
        base.metricsPath = job.metricsPath;
        base.intervalMs = job.scrapeIntervalMs;
        base.timeoutMs = job.scrapeTimeoutMs;
        base.tlsInsecureSkipVerify = job.http.tls.insecureSkipVerify;
        base.tlsCaFile = job.http.tls.caFile;
        base.tlsCertFile = job.http.tls.certFile;
        base.tlsKeyFile = job.http.tls.keyFile;
        base.tlsServerName = job.http.tls.serverName;
        base.relabelYaml = relabelConfigsToYaml(job.relabelConfigs);
        std::string secret;
        if (job.http.basicAuth) {
            base.authType = "basic";
            base.authUser = job.http.basicAuth->username;
            secret = job.http.basicAuth->password;
        } else if (job.http.authorization) {
            base.authType = "bearer";
            secret = job.http.authorization->credentials;
        }
        for (const auto &sc : job.staticConfigs) {
            for (const auto &address : sc.targets) {
                ImportedTarget it{base, secret};
                it.target.address = address;
                for (const auto &l : sc.labels) it.target.labels.emplace_back(l.name, l.value);
                result.targets.push_back(std::move(it));
            }
        }
    }
    return result;
}

std::string exportTargets(const std::vector<store::StoredTarget> &targets)
{
    // Jobs in first-seen order.
    std::vector<std::string> order;
    std::map<std::string, std::vector<const store::StoredTarget *>> byJob;
    for (const auto &t : targets) {
        auto &list = byJob[t.job];
        if (list.empty()) order.push_back(t.job);
        list.push_back(&t);
    }
    YAML::Emitter out;
    out << YAML::Comment(
        "Console targets exported by Vigil. Passwords and tokens stay in the system keychain.");
    out << YAML::BeginMap << YAML::Key << "scrape_configs" << YAML::Value << YAML::BeginSeq;
    for (const auto &name : order) {
        const store::StoredTarget &first = *byJob[name].front();
        out << YAML::BeginMap;
        out << YAML::Key << "job_name" << YAML::Value << YAML::DoubleQuoted << name;
        out << YAML::Key << "scrape_interval" << YAML::Value << scrape::formatDuration(first.intervalMs);
        out << YAML::Key << "scrape_timeout" << YAML::Value << scrape::formatDuration(first.timeoutMs);
        out << YAML::Key << "scheme" << YAML::Value << first.scheme;
        out << YAML::Key << "metrics_path" << YAML::Value << YAML::DoubleQuoted << first.metricsPath;
        if (first.authType == "basic") {
            out << YAML::Key << "basic_auth" << YAML::Value << YAML::BeginMap;
            out << YAML::Key << "username" << YAML::Value << YAML::DoubleQuoted << first.authUser;
            out << YAML::EndMap;
            out << YAML::Comment("password not exported: it is in the system keychain");
        } else if (first.authType == "bearer") {
            out << YAML::Key << "authorization" << YAML::Value << YAML::BeginMap;
            out << YAML::Key << "type" << YAML::Value << "Bearer";
            out << YAML::EndMap;
            out << YAML::Comment("credentials not exported: the token is in the system keychain");
        }
        const bool tls = first.tlsInsecureSkipVerify || !first.tlsCaFile.empty() ||
                         !first.tlsCertFile.empty() || !first.tlsKeyFile.empty() ||
                         !first.tlsServerName.empty();
        if (tls) {
            out << YAML::Key << "tls_config" << YAML::Value << YAML::BeginMap;
            if (!first.tlsCaFile.empty()) out << YAML::Key << "ca_file" << YAML::Value << first.tlsCaFile;
            if (!first.tlsCertFile.empty())
                out << YAML::Key << "cert_file" << YAML::Value << first.tlsCertFile;
            if (!first.tlsKeyFile.empty()) out << YAML::Key << "key_file" << YAML::Value << first.tlsKeyFile;
            if (!first.tlsServerName.empty())
                out << YAML::Key << "server_name" << YAML::Value << first.tlsServerName;
            if (first.tlsInsecureSkipVerify)
                out << YAML::Key << "insecure_skip_verify" << YAML::Value << true;
            out << YAML::EndMap;
        }
        if (!first.relabelYaml.empty()) {
            // Re-emitted from the parsed text so the file's indentation is
            // right. Saved targets hold validated YAML; anything else is left out.
            YAML::Node relabel;
            try {
                relabel = YAML::Load(first.relabelYaml);
            } catch (const YAML::Exception &) {
            }
            if (relabel.IsSequence()) out << YAML::Key << "relabel_configs" << YAML::Value << relabel;
        }
        out << YAML::Key << "static_configs" << YAML::Value << YAML::BeginSeq;
        for (const store::StoredTarget *t : byJob[name]) {
            out << YAML::BeginMap;
            out << YAML::Key << "targets" << YAML::Value << YAML::BeginSeq << YAML::DoubleQuoted << t->address
                << YAML::EndSeq;
            if (!t->labels.empty()) {
                out << YAML::Key << "labels" << YAML::Value << YAML::BeginMap;
                for (const auto &[n, v] : t->labels)
                    out << YAML::Key << n << YAML::Value << YAML::DoubleQuoted << v;
                out << YAML::EndMap;
            }
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
        out << YAML::EndMap;
    }
    out << YAML::EndSeq << YAML::EndMap;
    return std::string(out.c_str()) + "\n";
}

}  // namespace vigil::runtime
