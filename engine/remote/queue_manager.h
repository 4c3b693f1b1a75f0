// QueueManager: one remote_write destination. Feeds from the WAL
// (WalWatcher), applies write_relabel_configs, spreads samples over shards
// by series (so each series stays in order), batches them
// (max_samples_per_send or batch_send_deadline, whichever first) and POSTs
// Remote-Write 1.0 requests; a shard sends its next full batch as soon as the
// previous one is answered.
//
// Cost per sample: a series is relabelled and its labels protobuf-encoded
// once, when its ref is first read from the WAL; a request is those cached
// bytes plus the samples, written by WriteRequestWriter into reused buffers
// (bench/remote_write measures it against Prometheus).
//
// Answers: 2xx done; 5xx, 429 (retry_on_http_429) and connection errors are
// retried with exponential backoff (min_backoff doubling up to max_backoff)
// and the shard holds its batch meanwhile; any other 4xx drops the batch
// (samples_failed). While all shards wait, pending samples reach
// capacity x shards and the WAL is not read further: an outage only delays
// data that stays in the WAL.
//
// Shards: every 10 s, if the backlog exceeds what the shards send per batch
// and either the queue is full (reading the WAL is throttled) or the lag
// (newest read - newest sent timestamp) exceeds the batch deadline, and no
// shard is backing off, the count doubles (up to max_shards); with little backlog it
// drops by one (down to min_shards). Resharding waits until no batch is in
// flight, then redistributes queued samples by series.
//
// Position: the WAL position before the oldest record with unsent samples is
// saved to `stateFile` every second and at stop(); a restart resumes there
// (samples may be sent twice, which receivers accept). Without a saved
// position sending starts with samples newer than the queue's start, as
// Prometheus does.
//
// Threading: lives on its own QThread (it owns a QNetworkAccessManager);
// start()/stop() are invoked there. metrics() is thread-safe.
#pragma once

#include "remote/queue_metrics.h"
#include "remote/remote_write.h"
#include "remote/wal_watcher.h"
#include "remote/write_request_writer.h"
#include "scrape/remote_write_config.h"

#include <QObject>

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>

class QNetworkAccessManager;
class QTimer;

namespace vigil::remote {

class QueueManager : public QObject {
    Q_OBJECT
public:
    QueueManager(scrape::RemoteWriteConfig cfg, std::string walDir, std::string stateFile,
                 QObject *parent = nullptr);
    ~QueueManager() override;

    // The name used in metrics and logs: the config's name, else its URL.
    const std::string &name() const { return name_; }
    const scrape::RemoteWriteConfig &config() const { return cfg_; }
    QueueMetrics &metrics() { return metrics_; }
    const QueueMetrics &metrics() const { return metrics_; }

    void start();
    // Saves the position; pending requests are aborted (their samples are
    // sent again after a restart).
    void stop();

private:
    // A series as this destination sends it: write_relabel_configs applied
    // and its labels protobuf-encoded once (every request repeats the bytes).
    struct Series {
        bool dropped = false;    // relabelled away, or no Series record named it
        uint64_t hash = 0;       // of the relabelled labels: picks the shard
        std::string labelBytes;  // WriteRequestWriter::encodeLabels
        uint64_t batchMark = 0;  // send(): the batch that last gave it a slot ...
        uint32_t batchSlot = 0;  // ... and that slot
    };
    struct Pending {
        Series *series;  // stable: series_ never erases
        int64_t t;
        double v;
        uint64_t record;  // key into records_
        int64_t enqueuedMs;
    };
    struct Shard {
        std::deque<Pending> queue;
        std::vector<Pending> batch;  // in flight or waiting to be retried
        bool inFlight = false;
        int64_t retryAtMs = 0;
        int64_t backoffMs = 0;
    };
    struct Record {
        WalPosition start;
        int64_t outstanding = 0;
    };

    void tick();
    void readWal();
    void trySend(size_t shardIndex, int64_t nowMs);
    void send(size_t shardIndex);
    // `retryAfterMs` > 0: the receiver's Retry-After (on a retried 5xx/429).
    void finished(size_t shardIndex, int httpStatus, bool networkError, const QByteArray &body, int64_t retryAfterMs);
    static int64_t retryAfterMs(const QByteArray &header);
    void release(const std::vector<Pending> &batch);
    void maybeReshard(int64_t nowMs);
    void savePosition();
    Series &series(uint64_t ref);

    scrape::RemoteWriteConfig cfg_;
    std::string name_;
    std::string stateFile_;
    WalWatcher watcher_;
    QueueMetrics metrics_;
    QNetworkAccessManager *nam_ = nullptr;
    QTimer *timer_ = nullptr;
    std::vector<Shard> shards_;
    int desiredShards_ = 1;
    int64_t pending_ = 0;
    int64_t startMs_ = 0;
    bool resumed_ = false;
    uint64_t nextRecord_ = 1;
    std::map<uint64_t, Record> records_;  // by sequence: oldest first
    std::unordered_map<uint64_t, Series> series_;  // by WAL series ref
    // send()'s scratch, kept between batches so encoding does not allocate.
    WriteRequestWriter writer_;
    uint64_t batchMark_ = 0;
    std::vector<Series *> slotSeries_;   // the batch's series, in first-seen order
    std::vector<uint32_t> slotOf_;       // slot of each batch sample
    std::vector<uint32_t> slotStart_;    // slot k's samples: grouped_[slotStart_[k], slotStart_[k + 1])
    std::vector<model::Sample> grouped_;
    WalPosition savedPos_;
    int64_t lastSaveMs_ = 0;
    int64_t lastReshardMs_ = 0;
    bool stopped_ = false;
};

}  // namespace vigil::remote
