#include "remote/queue_manager.h"

#include "core/log.h"
#include "net/http_client_setup.h"
#include "remote/remote_http.h"
#include "scrape/relabel.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSaveFile>
#include <QTimer>

#include <algorithm>

namespace vigil::remote {

namespace {
constexpr int kTickMs = 50;
constexpr int64_t kReshardEveryMs = 10'000;
constexpr int64_t kSaveEveryMs = 1'000;

int64_t nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
}  // namespace

QueueManager::QueueManager(scrape::RemoteWriteConfig cfg, std::string walDir, std::string stateFile, QObject *parent)
    : QObject(parent),
      cfg_(std::move(cfg)),
      name_(cfg_.name.empty() ? cfg_.url : cfg_.name),
      stateFile_(std::move(stateFile)),
      watcher_(std::move(walDir))
{
    metrics_.shardsMin = cfg_.queue.minShards;
    metrics_.shardsMax = cfg_.queue.maxShards;
}

QueueManager::~QueueManager()
{
    stop();
}

void QueueManager::start()
{
    startMs_ = nowMs();
    std::optional<WalPosition> saved;
    QFile f(QString::fromStdString(stateFile_));
    if (f.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> parts = f.readAll().trimmed().split(' ');
        bool ok1 = false, ok2 = false;
        if (parts.size() == 2) {
            WalPosition p{parts[0].toUInt(&ok1), parts[1].toULongLong(&ok2)};
            if (ok1 && ok2) saved = p;
        }
        if (!saved) qCWarning(lcRemote).noquote() << "remote write" << name_.c_str() << ": unreadable position file, starting anew";
    }
    resumed_ = saved.has_value();
    if (Status s = watcher_.start(saved ? &*saved : nullptr); !s.isOk()) {
        qCWarning(lcRemote).noquote() << "remote write" << name_.c_str() << ": reading the WAL:" << s.toString().c_str();
    }
    savedPos_ = watcher_.position();
    shards_.resize(size_t(cfg_.queue.minShards));
    desiredShards_ = cfg_.queue.minShards;
    metrics_.shards = cfg_.queue.minShards;
    metrics_.shardsDesired = cfg_.queue.minShards;
    nam_ = new QNetworkAccessManager(this);
    timer_ = new QTimer(this);
    timer_->setInterval(kTickMs);
    connect(timer_, &QTimer::timeout, this, &QueueManager::tick);
    timer_->start();
    lastReshardMs_ = nowMs();
    qCInfo(lcRemote).noquote() << "remote write" << name_.c_str() << "started at WAL segment"
                               << watcher_.position().segment << "offset" << watcher_.position().offset
                               << (resumed_ ? "(saved position)" : "(samples from now on)");
}

void QueueManager::stop()
{
    if (stopped_ || !timer_) return;
    stopped_ = true;
    timer_->stop();
    savePosition();
    for (QNetworkReply *r : nam_->findChildren<QNetworkReply *>()) r->abort();
}

const std::optional<model::Labels> &QueueManager::relabeled(uint64_t ref)
{
    auto it = relabelCache_.find(ref);
    if (it != relabelCache_.end()) return it->second;
    std::optional<model::Labels> out;
    if (const model::Labels *l = watcher_.labels(ref)) {
        if (cfg_.writeRelabelConfigs.empty()) {
            out = *l;
        } else {
            model::Labels r = scrape::relabel(*l, cfg_.writeRelabelConfigs);
            if (!r.empty()) out = std::move(r);
        }
    }
    return relabelCache_.emplace(ref, std::move(out)).first->second;
}

void QueueManager::readWal()
{
    const int64_t room = int64_t(cfg_.queue.capacity) * int64_t(shards_.size()) - pending_;
    if (room <= 0) return;
    const int64_t now = nowMs();
    auto sink = [&](const std::vector<tsdb::RefSample> &samples, WalPosition start, WalPosition) {
        const uint64_t id = nextRecord_++;
        Record rec{start, 0};
        for (const tsdb::RefSample &s : samples) {
            if (!resumed_ && s.t < startMs_) continue;
            if (s.t > metrics_.highestTimestampMs.load()) metrics_.highestTimestampMs = s.t;
            const auto &labels = relabeled(s.ref);
            if (!labels) {
                ++metrics_.samplesDropped;
                continue;
            }
            const size_t shard = size_t(labels->hash() % shards_.size());
            shards_[shard].queue.push_back({s.ref, s.t, s.v, id, now});
            ++rec.outstanding;
            ++pending_;
        }
        if (rec.outstanding > 0) records_.emplace(id, rec);
    };
    auto r = watcher_.poll(size_t(room), sink);
    if (!r.isOk()) {
        qCWarning(lcRemote).noquote() << "remote write" << name_.c_str() << ": reading the WAL:" << r.status().toString().c_str();
    }
    metrics_.lostSegments = watcher_.lostSegments();
}

void QueueManager::tick()
{
    const int64_t now = nowMs();
    readWal();
    maybeReshard(now);
    if (int(shards_.size()) == desiredShards_) {
        for (size_t i = 0; i < shards_.size(); ++i) trySend(i, now);
    }
    metrics_.samplesPending = pending_;
    if (now - lastSaveMs_ >= kSaveEveryMs) {
        savePosition();
        lastSaveMs_ = now;
    }
}

void QueueManager::trySend(size_t i, int64_t now)
{
    Shard &sh = shards_[i];
    if (sh.inFlight) return;
    if (!sh.batch.empty()) {  // a failed batch waiting for its retry
        if (now >= sh.retryAtMs) send(i);
        return;
    }
    if (sh.queue.empty()) return;
    const bool full = sh.queue.size() >= size_t(cfg_.queue.maxSamplesPerSend);
    const bool due = now - sh.queue.front().enqueuedMs >= cfg_.queue.batchSendDeadlineMs;
    if (!full && !due) return;
    const size_t n = std::min(sh.queue.size(), size_t(cfg_.queue.maxSamplesPerSend));
    sh.batch.assign(sh.queue.begin(), sh.queue.begin() + ptrdiff_t(n));
    sh.queue.erase(sh.queue.begin(), sh.queue.begin() + ptrdiff_t(n));
    send(i);
}

void QueueManager::send(size_t i)
{
    Shard &sh = shards_[i];
    // One TimeSeries per series, samples in order (a shard holds whole series).
    WriteRequest req;
    std::unordered_map<uint64_t, size_t> index;
    for (const Pending &p : sh.batch) {
        auto [it, fresh] = index.emplace(p.ref, req.series.size());
        if (fresh) req.series.push_back({*relabeled(p.ref), {}, {}});
        req.series[it->second].samples.push_back({p.t, p.v});
    }
    const QByteArray body = QByteArray::fromStdString(encodeWriteRequest(req));
    auto request = buildWriteRequest(cfg_);
    if (!request.isOk()) {
        qCWarning(lcRemote).noquote() << "remote write" << name_.c_str() << ":" << request.status().message().c_str();
        finished(i, 0, true, {});
        return;
    }
    sh.inFlight = true;
    ++metrics_.requests;
    QNetworkReply *reply = nam_->post(request.value(), body);
    net::allowInsecureTls(cfg_.http, reply);
    const qsizetype bytes = body.size();
    connect(reply, &QNetworkReply::finished, this, [this, i, reply, bytes] {
        reply->deleteLater();
        if (stopped_) return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const bool netError = status == 0;
        if (status / 100 == 2) metrics_.bytesSent += uint64_t(bytes);
        finished(i, status, netError, reply->readAll().left(512));
    });
}

void QueueManager::finished(size_t i, int status, bool networkError, const QByteArray &body)
{
    Shard &sh = shards_[i];
    sh.inFlight = false;
    const bool ok = status / 100 == 2;
    const bool retry = networkError || status / 100 == 5 || (status == 429 && cfg_.queue.retryOnHttp429);
    if (ok || !retry) {
        if (ok) {
            metrics_.samplesSent += sh.batch.size();
            int64_t hi = metrics_.highestSentTimestampMs.load();
            for (const Pending &p : sh.batch) hi = std::max(hi, p.t);
            metrics_.highestSentTimestampMs = hi;
        } else {
            metrics_.samplesFailed += sh.batch.size();
            qCWarning(lcRemote).noquote() << "remote write" << name_.c_str() << ": non-recoverable error, dropping"
                                          << sh.batch.size() << "samples: HTTP" << status << body.trimmed().constData();
        }
        release(sh.batch);
        sh.batch.clear();
        sh.backoffMs = 0;
        return;
    }
    metrics_.samplesRetried += sh.batch.size();
    sh.backoffMs = sh.backoffMs == 0 ? cfg_.queue.minBackoffMs : std::min(sh.backoffMs * 2, cfg_.queue.maxBackoffMs);
    sh.retryAtMs = nowMs() + sh.backoffMs;
    qCDebug(lcRemote).noquote() << "remote write" << name_.c_str() << ": recoverable error (HTTP" << status
                                << "), retrying in" << sh.backoffMs << "ms";
}

void QueueManager::release(const std::vector<Pending> &batch)
{
    for (const Pending &p : batch) {
        auto it = records_.find(p.record);
        if (it != records_.end() && --it->second.outstanding == 0) records_.erase(it);
    }
    pending_ -= int64_t(batch.size());
}

void QueueManager::maybeReshard(int64_t now)
{
    if (int(shards_.size()) == desiredShards_) {
        if (now - lastReshardMs_ < kReshardEveryMs) return;
        lastReshardMs_ = now;
        const int cur = int(shards_.size());
        const int64_t lagMs = metrics_.highestTimestampMs.load() - metrics_.highestSentTimestampMs.load();
        bool anyRetrying = false;
        for (const Shard &s : shards_) anyRetrying |= s.backoffMs > 0;
        int want = cur;
        // Behind: the queue is full (the WAL reader is throttled by capacity)
        // or the newest sent sample trails the newest read by more than a batch deadline.
        const bool full = pending_ >= int64_t(cfg_.queue.capacity) * cur * 9 / 10;
        if (!anyRetrying && pending_ > int64_t(cfg_.queue.maxSamplesPerSend) * cur &&
            (full || lagMs > cfg_.queue.batchSendDeadlineMs))
            want = std::min(cfg_.queue.maxShards, cur * 2);  // more in than out: scale up
        else if (pending_ < int64_t(cfg_.queue.maxSamplesPerSend) * cur / 4)
            want = std::max(cfg_.queue.minShards, cur - 1);
        desiredShards_ = want;
        metrics_.shardsDesired = want;
        if (want != cur)
            qCInfo(lcRemote).noquote() << "remote write" << name_.c_str() << ": resharding from" << cur << "to" << want;
    }
    if (int(shards_.size()) == desiredShards_) return;
    for (const Shard &s : shards_)
        if (s.inFlight || !s.batch.empty()) return;  // wait for batches in flight
    std::vector<Shard> old = std::move(shards_);
    shards_.assign(size_t(desiredShards_), Shard{});
    for (Shard &s : old) {
        for (Pending &p : s.queue) {
            const size_t to = size_t(relabeled(p.ref)->hash() % shards_.size());
            shards_[to].queue.push_back(p);
        }
    }
    metrics_.shards = desiredShards_;
}

void QueueManager::savePosition()
{
    const WalPosition pos = records_.empty() ? watcher_.position() : records_.begin()->second.start;
    if (pos == savedPos_ && QFileInfo::exists(QString::fromStdString(stateFile_))) return;
    QDir().mkpath(QFileInfo(QString::fromStdString(stateFile_)).absolutePath());
    QSaveFile f(QString::fromStdString(stateFile_));
    if (!f.open(QIODevice::WriteOnly)) return;
    f.write(QByteArray::number(pos.segment) + ' ' + QByteArray::number(qulonglong(pos.offset)) + '\n');
    if (f.commit()) savedPos_ = pos;
}

}  // namespace vigil::remote
