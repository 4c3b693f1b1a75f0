#include "runtime/stored_target_config.h"

#include "scrape/prometheus_config.h"

namespace vigil::runtime {

Result<scrape::ScrapeConfig> scrapeConfigFor(const store::StoredTarget &t, const std::string &secret)
{
    auto job = scrape::ScrapeConfig::withDefaults(t.job);
    job.scheme = t.scheme;
    job.metricsPath = t.metricsPath;
    job.scrapeIntervalMs = t.intervalMs;
    job.scrapeTimeoutMs = t.timeoutMs;
    job.http.tls.insecureSkipVerify = t.tlsInsecureSkipVerify;
    job.http.tls.caFile = t.tlsCaFile;
    job.http.tls.certFile = t.tlsCertFile;
    job.http.tls.keyFile = t.tlsKeyFile;
    job.http.tls.serverName = t.tlsServerName;
    if (t.authType == "basic") {
        scrape::BasicAuth ba;
        ba.username = t.authUser;
        ba.password = secret;
        job.http.basicAuth = ba;
    } else if (t.authType == "bearer") {
        scrape::Authorization a;
        a.credentials = secret;
        job.http.authorization = a;
    } else if (!t.authType.empty()) {
        return Status::invalidArgument("unknown auth type \"" + t.authType + "\"");
    }
    auto relabel = scrape::parseRelabelConfigs(t.relabelYaml, "relabel_configs");
    if (!relabel.isOk()) return relabel.status();
    job.relabelConfigs = std::move(*relabel);
    return job;
}

model::Labels storedTargetLabels(const store::StoredTarget &t)
{
    std::vector<model::Label> labels;
    for (const auto &[n, v] : t.labels) labels.push_back({n, v});
    return model::Labels::fromUnsorted(labels);
}

}  // namespace vigil::runtime
