#include "scrape/target.h"

#include "scrape/scrape_config.h"
#include "scrape/units.h"

#include <QUrl>
#include <QUrlQuery>

namespace vigil::scrape {

namespace {

constexpr std::string_view kParamPrefix = "__param_";

model::Labels withoutInternal(const model::Labels &l)
{
    std::vector<model::Label> out;
    for (const model::Label &x : l)
        if (x.name.rfind("__", 0) != 0) out.push_back(x);
    return model::Labels::fromSorted(std::move(out));
}

QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

}  // namespace

Target::Target(std::string jobName, model::Labels labels, model::Labels discovered, const ScrapeConfig &job)
    : jobName_(std::move(jobName)),
      labels_(std::move(labels)),
      publicLabels_(withoutInternal(labels_)),
      discovered_(std::move(discovered))
{
    address_ = std::string(labels_.get("__address__"));
    std::string scheme(labels_.get("__scheme__"));
    if (scheme.empty()) scheme = job.scheme;
    std::string path(labels_.get("__metrics_path__"));
    if (path.empty()) path = job.metricsPath;

    std::map<std::string, std::vector<std::string>> params = job.params;
    for (const model::Label &l : labels_) {
        if (l.name.rfind(kParamPrefix, 0) != 0) continue;
        auto &v = params[l.name.substr(kParamPrefix.size())];
        if (v.empty())
            v.push_back(l.value);
        else
            v[0] = l.value;
    }
    QUrl url;
    url.setScheme(q(scheme));
    // The address is host:port (IPv6 in brackets); let QUrl split it.
    url.setAuthority(q(address_));
    url.setPath(q(path));
    if (!params.empty()) {
        QUrlQuery query;
        for (const auto &[k, vs] : params)
            for (const std::string &v : vs) query.addQueryItem(q(k), q(v));
        url.setQuery(query);
    }
    url_ = url.toString(QUrl::FullyEncoded).toStdString();

    auto interval = parseDuration(labels_.get("__scrape_interval__"));
    intervalMs_ = interval ? *interval : job.scrapeIntervalMs;
    auto timeout = parseDuration(labels_.get("__scrape_timeout__"));
    timeoutMs_ = timeout ? *timeout : job.scrapeTimeoutMs;
    hash_ = labels_.hash() ^ model::hashBytes(url_.data(), url_.size(), 0x5ca1ab1e);
}

TargetHealth Target::health() const
{
    std::lock_guard lock(mutex_);
    return health_;
}

Target::MetadataMap Target::metadata() const
{
    std::lock_guard lock(mutex_);
    return metadata_;
}

void Target::setHealth(TargetHealth h)
{
    std::lock_guard lock(mutex_);
    health_ = std::move(h);
}

void Target::setMetadata(MetadataMap m)
{
    std::lock_guard lock(mutex_);
    metadata_ = std::move(m);
}

}  // namespace vigil::scrape
