// The engine's remote_write queues (engine/remote): started from
// --config.file's remote_write: section once storage is open, replaced on
// reload, stopped in teardown() after the web thread and before storage
// closes. Their health is exported with Prometheus's metric names.
#include "runtime/engine.h"

#include "core/log.h"
#include "remote/remote_write_storage.h"
#include "runtime/self_metrics.h"
#include "scrape/prometheus_config.h"

namespace vigil::runtime {

void Engine::applyRemoteWrite()
{
    std::vector<scrape::RemoteWriteConfig> configs;
    if (!options_.configFile.empty()) {
        auto cfg = scrape::PrometheusConfig::loadFile(options_.configFile);
        if (!cfg.isOk()) return;  // reported by the scrape side already
        configs = cfg.value().remoteWrite;
    }
    configs.insert(configs.end(), consoleRemoteWrite_.begin(), consoleRemoteWrite_.end());
    if (!remoteWrite_) {
        if (configs.empty()) return;
        remoteWrite_ = std::make_unique<remote::RemoteWriteStorage>(dataDir_.toStdString(),
                                                                     dataDir_.toStdString() + "/wal");
        using T = SelfMetrics::Type;
        remote::RemoteWriteStorage *rw = remoteWrite_.get();  // reset only after the web thread stopped
        auto family = [this, rw](const char *name, const char *help, T type,
                                 std::function<double(const remote::QueueMetrics &)> get) {
            selfMetrics_->add(name, help, type, [rw, get] {
                std::vector<SelfMetrics::Sample> out;
                rw->forEachQueue([&](const std::string &n, const std::string &url, const remote::QueueMetrics &m) {
                    out.push_back({{{"remote_name", n}, {"url", url}}, get(m)});
                });
                return out;
            });
        };
        family("prometheus_remote_storage_samples_pending", "The number of samples pending in the queues shards to be sent to the remote storage.", T::Gauge,
               [](const remote::QueueMetrics &m) { return double(m.samplesPending.load()); });
        family("prometheus_remote_storage_shards", "The number of shards used for parallel sending to the remote storage.", T::Gauge,
               [](const remote::QueueMetrics &m) { return double(m.shards.load()); });
        family("prometheus_remote_storage_shards_desired", "The number of shards that the queues shard calculation wants to run based on the rate of samples in vs. samples out.", T::Gauge,
               [](const remote::QueueMetrics &m) { return double(m.shardsDesired.load()); });
        family("prometheus_remote_storage_shards_min", "The minimum number of shards that the queue is allowed to run.", T::Gauge,
               [](const remote::QueueMetrics &m) { return double(m.shardsMin.load()); });
        family("prometheus_remote_storage_shards_max", "The maximum number of shards that the queue is allowed to run.", T::Gauge,
               [](const remote::QueueMetrics &m) { return double(m.shardsMax.load()); });
        family("prometheus_remote_storage_samples_total", "Total number of samples sent to remote storage.", T::Counter,
               [](const remote::QueueMetrics &m) { return double(m.samplesSent.load()); });
        family("prometheus_remote_storage_samples_failed_total", "Total number of samples which failed on send to remote storage, non-recoverable errors.", T::Counter,
               [](const remote::QueueMetrics &m) { return double(m.samplesFailed.load()); });
        family("prometheus_remote_storage_samples_retried_total", "Total number of samples which failed on send to remote storage but were retried because the send error was recoverable.", T::Counter,
               [](const remote::QueueMetrics &m) { return double(m.samplesRetried.load()); });
        family("prometheus_remote_storage_samples_dropped_total", "Total number of samples which were dropped after being read from the WAL before being sent via remote write, either via relabelling or unintentionally because of an unknown reference ID.", T::Counter,
               [](const remote::QueueMetrics &m) { return double(m.samplesDropped.load()); });
        family("prometheus_remote_storage_bytes_total", "The total number of bytes of data (not metadata) sent by the queue after compression.", T::Counter,
               [](const remote::QueueMetrics &m) { return double(m.bytesSent.load()); });
        family("prometheus_remote_storage_queue_highest_sent_timestamp_seconds", "Timestamp from a WAL sample, the highest timestamp successfully sent by this queue, in seconds since epoch.", T::Gauge,
               [](const remote::QueueMetrics &m) { return double(m.highestSentTimestampMs.load()) / 1000.0; });
        family("prometheus_remote_storage_highest_timestamp_in_seconds", "Highest timestamp that has come into the remote storage via the Appender interface, in seconds since epoch.", T::Gauge,
               [](const remote::QueueMetrics &m) { return double(m.highestTimestampMs.load()) / 1000.0; });
        family("vigil_remote_storage_wal_segments_lost_total", "WAL segments removed by a checkpoint before this queue sent them.", T::Counter,
               [](const remote::QueueMetrics &m) { return double(m.lostSegments.load()); });
    }
    remoteWrite_->apply(configs);
    if (!configs.empty()) qCInfo(lcEngine) << "remote write:" << configs.size() << "destination(s)";
}

void Engine::setConsoleRemoteWrite(std::vector<scrape::RemoteWriteConfig> configs)
{
    consoleRemoteWrite_ = std::move(configs);
    if (state_ == State::Running) applyRemoteWrite();
}

std::vector<Engine::RemoteWriteHealth> Engine::remoteWriteHealth() const
{
    std::vector<RemoteWriteHealth> out;
    if (!remoteWrite_) return out;
    remoteWrite_->forEachQueue([&](const std::string &name, const std::string &url, const remote::QueueMetrics &m) {
        RemoteWriteHealth h;
        h.name = name;
        h.url = url;
        h.samplesPending = m.samplesPending.load();
        h.shards = m.shards.load();
        const int64_t in = m.highestTimestampMs.load(), sent = m.highestSentTimestampMs.load();
        h.lagSeconds = in > sent ? double(in - sent) / 1000.0 : 0.0;
        h.samplesSent = m.samplesSent.load();
        h.samplesFailed = m.samplesFailed.load();
        h.samplesRetried = m.samplesRetried.load();
        out.push_back(std::move(h));
    });
    return out;
}

}  // namespace vigil::runtime
