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

QueueManager::Series &QueueManager::series(uint64_t ref)
{
    auto [it, fresh] = series_.try_emplace(ref);
    Series &out = it->second;
    if (!fresh) return out;
    const model::Labels *l = watcher_.labels(ref);
    std::optional<model::Labels> relabeled;
    if (l && !cfg_.writeRelabelConfigs.empty()) {
        relabeled = scrape::relabel(*l, cfg_.writeRelabelConfigs);
        l = relabeled->empty() ? nullptr : &*relabeled;
    }
    if (!l) {
        out.dropped = true;
        return out;
    }
    out.hash = l->hash();
    out.labelBytes = WriteRequestWriter::encodeLabels(*l);
    return out;
}

void QueueManager::readWal()
{
    const int64_t room = int64_t(cfg_.queue.capacity) * int64_t(shards_.size()) - pending_;
    if (room <= 0) return;
    const int64_t now = nowMs();
    int64_t highest = metrics_.highestTimestampMs.load();
    auto sink = [&](const std::vector<tsdb::RefSample> &samples, WalPosition start, WalPosition) {
        const uint64_t id = nextRecord_++;
        Record rec{start, 0};
        uint64_t dropped = 0;
        for (const tsdb::RefSample &s : samples) {
            if (!resumed_ && s.t < startMs_) continue;
            highest = std::max(highest, s.t);
            Series &ser = series(s.ref);
            if (ser.dropped) {
                ++dropped;
                continue;
            }
            shards_[size_t(ser.hash % shards_.size())].queue.push_back({&ser, s.t, s.v, id, now});
            ++rec.outstanding;
        }
        pending_ += rec.outstanding;
        if (dropped) metrics_.samplesDropped += dropped;
        if (rec.outstanding > 0) records_.emplace(id, rec);
    };
    auto r = watcher_.poll(size_t(room), sink);
    metrics_.highestTimestampMs = highest;
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
    // One TimeSeries per series, samples in order (a shard holds whole
    // series): number the batch's series in first-seen order, then a stable
    // counting sort puts each series' samples together.
    ++batchMark_;
    slotSeries_.clear();
    slotOf_.clear();
    for (const Pending &p : sh.batch) {
        if (p.series->batchMark != batchMark_) {
            p.series->batchMark = batchMark_;
            p.series->batchSlot = uint32_t(slotSeries_.size());
            slotSeries_.push_back(p.series);
        }
        slotOf_.push_back(p.series->batchSlot);
    }
    slotStart_.assign(slotSeries_.size() + 1, 0);
    for (uint32_t slot : slotOf_) ++slotStart_[slot + 1];
    for (size_t k = 1; k < slotStart_.size(); ++k) slotStart_[k] += slotStart_[k - 1];
    grouped_.resize(sh.batch.size());
    for (size_t j = 0; j < sh.batch.size(); ++j) grouped_[slotStart_[slotOf_[j]]++] = {sh.batch[j].t, sh.batch[j].v};
    // slotStart_[k] now holds slot k's end, which is slot k + 1's start.
    writer_.clear();
    for (size_t k = 0; k < slotSeries_.size(); ++k) {
        const uint32_t begin = k == 0 ? 0 : slotStart_[k - 1];
        writer_.addSeries(slotSeries_[k]->labelBytes, grouped_.data() + begin, slotStart_[k] - begin);
    }
    const QByteArray body = writer_.compressed();
    auto request = buildWriteRequest(cfg_);
    if (!request.isOk()) {
        qCWarning(lcRemote).noquote() << "remote write" << name_.c_str() << ":" << request.status().message().c_str();
        finished(i, 0, true, {}, 0);
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
        finished(i, status, netError, reply->readAll().left(512), retryAfterMs(reply->rawHeader("Retry-After")));
    });
}

// Retry-After as Prometheus 2.42's remote-write client reads it: delay
// seconds or an HTTP date; anything else (or a date in the past) means "use
// the backoff" (0).
int64_t QueueManager::retryAfterMs(const QByteArray &header)
{
    const QByteArray v = header.trimmed();
    if (v.isEmpty()) return 0;
    bool ok = false;
    const qlonglong secs = v.toLongLong(&ok);
    if (ok) return secs > 0 ? int64_t(secs) * 1000 : 0;
    const QDateTime at = QDateTime::fromString(QString::fromLatin1(v), Qt::RFC2822Date);
    if (!at.isValid()) return 0;
    return std::max<int64_t>(0, at.toMSecsSinceEpoch() - QDateTime::currentMSecsSinceEpoch());
}

void QueueManager::finished(size_t i, int status, bool networkError, const QByteArray &body, int64_t retryAfter)
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
        // A full batch may be waiting: send it now rather than at the next
        // tick, or one shard could send at most one batch per tick.
        if (int(shards_.size()) == desiredShards_) trySend(i, nowMs());
        return;
    }
    metrics_.samplesRetried += sh.batch.size();
    sh.backoffMs = sh.backoffMs == 0 ? cfg_.queue.minBackoffMs : std::min(sh.backoffMs * 2, cfg_.queue.maxBackoffMs);
    // The receiver's Retry-After replaces the backoff for this wait (also above
    // max_backoff); the next backoff doubles from it, as Prometheus does.
    if (retryAfter > 0) sh.backoffMs = retryAfter;
    sh.retryAtMs = nowMs() + sh.backoffMs;
    qCDebug(lcRemote).noquote() << "remote write" << name_.c_str() << ": recoverable error (HTTP" << status
                                << "), retrying in" << sh.backoffMs << "ms";
}

void QueueManager::release(const std::vector<Pending> &batch)
{
    // A batch holds runs of samples from the same record: look each run up once.
    for (size_t i = 0; i < batch.size();) {
        const uint64_t record = batch[i].record;
        int64_t n = 0;
        for (; i < batch.size() && batch[i].record == record; ++i) ++n;
        auto it = records_.find(record);
        if (it != records_.end() && (it->second.outstanding -= n) == 0) records_.erase(it);
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
            const size_t to = size_t(p.series->hash % shards_.size());
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
