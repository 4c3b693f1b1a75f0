// remote_write: entries of prometheus.yml (Prometheus 2.42's RemoteWriteConfig
// and QueueConfig fields; metadata_config, sigv4, oauth2 and proxy settings
// are accepted by Prometheus but refused here so that nothing is silently
// ignored).
#include "scrape/config_parser.h"

#include <yaml-cpp/yaml.h>

#include <QUrl>

namespace vigil::scrape {

namespace {
std::string field(const std::string &path, std::string_view f)
{
    return path + "." + std::string(f);
}
}  // namespace

Status ConfigParser::parseQueueConfig(const YAML::Node &n, const std::string &path, QueueConfig *q)
{
    VIGIL_RETURN_IF_ERROR(checkMap(n, path,
                                   {"capacity", "max_shards", "min_shards", "max_samples_per_send",
                                    "batch_send_deadline", "min_backoff", "max_backoff", "retry_on_http_429"},
                                   "config.QueueConfig", true));
    if (n.IsNull()) return Status::ok();
    for (const auto &kv : n) {
        const std::string key = kv.first.Scalar();
        const YAML::Node &v = kv.second;
        const std::string p = field(path, key);
        uint64_t u = 0;
        auto positive = [&](int *out) -> Status {
            VIGIL_RETURN_IF_ERROR(readUint(v, p, &u));
            if (u == 0 || u > 1'000'000'000) return error(v, p, "must be a positive number");
            *out = int(u);
            return Status::ok();
        };
        if (key == "capacity") {
            VIGIL_RETURN_IF_ERROR(positive(&q->capacity));
        } else if (key == "max_shards") {
            VIGIL_RETURN_IF_ERROR(positive(&q->maxShards));
        } else if (key == "min_shards") {
            VIGIL_RETURN_IF_ERROR(positive(&q->minShards));
        } else if (key == "max_samples_per_send") {
            VIGIL_RETURN_IF_ERROR(positive(&q->maxSamplesPerSend));
        } else if (key == "batch_send_deadline") {
            VIGIL_RETURN_IF_ERROR(readDuration(v, p, &q->batchSendDeadlineMs));
        } else if (key == "min_backoff") {
            VIGIL_RETURN_IF_ERROR(readDuration(v, p, &q->minBackoffMs));
        } else if (key == "max_backoff") {
            VIGIL_RETURN_IF_ERROR(readDuration(v, p, &q->maxBackoffMs));
        } else if (key == "retry_on_http_429") {
            VIGIL_RETURN_IF_ERROR(readBool(v, p, &q->retryOnHttp429));
        }
    }
    if (q->minShards > q->maxShards) return error(n, path, "min_shards is greater than max_shards");
    if (q->batchSendDeadlineMs <= 0) return error(n, field(path, "batch_send_deadline"), "must be positive");
    return Status::ok();
}

Status ConfigParser::parseRemoteWrite(const YAML::Node &n, const std::string &path, RemoteWriteConfig *rw)
{
    VIGIL_RETURN_IF_ERROR(checkMap(n, path,
                                   {"url", "name", "remote_timeout", "headers", "write_relabel_configs",
                                    "send_exemplars", "basic_auth", "authorization", "bearer_token",
                                    "bearer_token_file", "tls_config", "follow_redirects", "queue_config"},
                                   "config.RemoteWriteConfig"));
    *rw = RemoteWriteConfig{};
    std::string bearer, bearerFile;
    for (const auto &kv : n) {
        const std::string key = kv.first.Scalar();
        const YAML::Node &v = kv.second;
        const std::string p = field(path, key);
        if (key == "url") {
            VIGIL_RETURN_IF_ERROR(readString(v, p, &rw->url));
            const QUrl u(QString::fromStdString(rw->url), QUrl::StrictMode);
            if (!u.isValid() || (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https")) ||
                u.host().isEmpty())
                return error(v, p, "invalid URL \"" + rw->url + "\" (want http:// or https://)");
        } else if (key == "name") {
            VIGIL_RETURN_IF_ERROR(readString(v, p, &rw->name));
        } else if (key == "remote_timeout") {
            VIGIL_RETURN_IF_ERROR(readDuration(v, p, &rw->remoteTimeoutMs));
        } else if (key == "headers") {
            VIGIL_RETURN_IF_ERROR(checkMap(v, p, {}, "map[string]string", true));
            if (v.IsNull()) continue;
            for (const auto &h : v) {
                std::string value;
                VIGIL_RETURN_IF_ERROR(readString(h.second, field(p, h.first.Scalar()), &value));
                rw->headers[h.first.Scalar()] = value;
            }
        } else if (key == "write_relabel_configs") {
            VIGIL_RETURN_IF_ERROR(parseRelabelConfigs(v, p, &rw->writeRelabelConfigs));
        } else if (key == "send_exemplars") {
            VIGIL_RETURN_IF_ERROR(readBool(v, p, &rw->sendExemplars));
        } else if (key == "basic_auth") {
            BasicAuth ba;
            VIGIL_RETURN_IF_ERROR(parseBasicAuth(v, p, &ba));
            rw->http.basicAuth = std::move(ba);
        } else if (key == "authorization") {
            Authorization a;
            VIGIL_RETURN_IF_ERROR(parseAuthorization(v, p, &a));
            rw->http.authorization = std::move(a);
        } else if (key == "bearer_token") {
            VIGIL_RETURN_IF_ERROR(readString(v, p, &bearer));
        } else if (key == "bearer_token_file") {
            VIGIL_RETURN_IF_ERROR(readString(v, p, &bearerFile));
        } else if (key == "tls_config") {
            VIGIL_RETURN_IF_ERROR(parseTls(v, p, &rw->http.tls));
        } else if (key == "follow_redirects") {
            VIGIL_RETURN_IF_ERROR(readBool(v, p, &rw->http.followRedirects));
        } else if (key == "queue_config") {
            VIGIL_RETURN_IF_ERROR(parseQueueConfig(v, p, &rw->queue));
        }
    }
    if (rw->url.empty()) return error(n, path, "url for remote_write is empty");
    for (const auto &[h, _] : rw->headers) {
        // Prometheus refuses headers it sets itself.
        for (const char *reserved : {"Authorization", "Host", "Content-Encoding", "Content-Type",
                                     "X-Prometheus-Remote-Write-Version", "User-Agent", "Connection",
                                     "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization",
                                     "Www-Authenticate"}) {
            if (QString::fromStdString(h).compare(QLatin1String(reserved), Qt::CaseInsensitive) == 0)
                return error(n["headers"], field(path, "headers"), h + " is a reserved header. It must not be changed");
        }
    }
    const bool hasBearer = !bearer.empty(), hasBearerFile = !bearerFile.empty();
    if (hasBearer && hasBearerFile)
        return error(n["bearer_token_file"], field(path, "bearer_token_file"),
                     "at most one of bearer_token & bearer_token_file must be configured");
    VIGIL_RETURN_IF_ERROR(validateHttp(n, path, hasBearer, hasBearerFile, &rw->http));
    if (hasBearer || hasBearerFile) {
        Authorization a;
        a.credentials = bearer;
        a.credentialsFile = resolvePath(bearerFile);
        rw->http.authorization = std::move(a);
    }
    return Status::ok();
}

}  // namespace vigil::scrape
