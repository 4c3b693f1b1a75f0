#include "runtime/remote_query_client.h"

#include "core/log.h"
#include "core/thread_handoff.h"
#include "runtime/prometheus_api_json.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QPromise>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <cmath>
#include <functional>

namespace vigil::runtime {

namespace {

// What one finished request hands to its decoder: the transport status
// (Ok when an HTTP answer arrived), the body and the HTTP status.
struct RawReply {
    Status transport;
    QByteArray body;
    int httpStatus = 0;
    int64_t elapsedMs = 0;
};

// application/x-www-form-urlencoded (also for URL queries): every reserved
// character escaped, '+' included (Go's form parser reads '+' as a space).
QByteArray formEncode(const QUrlQuery &params)
{
    QByteArray out;
    for (const auto &[k, v] : params.queryItems(QUrl::FullyDecoded)) {
        if (!out.isEmpty()) out += '&';
        out += QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v);
    }
    return out;
}

QString apiTime(int64_t ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 3);
}

std::string selector(const std::vector<model::Matcher> &ms)
{
    std::string s = "{";
    for (size_t i = 0; i < ms.size(); ++i) s += (i ? "," : "") + ms[i].toString();
    return s + "}";
}

// Start/end only when they are real times (the API's own defaults otherwise).
void addRange(QUrlQuery &q, int64_t mint, int64_t maxt)
{
    constexpr int64_t kFar = int64_t(1) << 50;  // ~35,000 years in ms
    if (mint > -kFar && mint < kFar) q.addQueryItem(QStringLiteral("start"), apiTime(mint));
    if (maxt > -kFar && maxt < kFar) q.addQueryItem(QStringLiteral("end"), apiTime(maxt));
}

}  // namespace

// Owns the network access manager; all its methods run on the client's thread.
class RemoteQueryClient::Worker : public QObject {
public:
    explicit Worker(RemoteEndpoint ep) : ep_(std::move(ep)) {}

    // Sends one request; `done` runs on this thread exactly once.
    void send(bool post, const QString &path, const QUrlQuery &params, CancelToken cancel,
              std::function<void(RawReply)> done)
    {
        if (!nam_) nam_ = new QNetworkAccessManager(this);
        if (cancel && cancel->isCancelled()) return done({Status::cancelled("query cancelled"), {}, 0, 0});
        QUrl url(QString::fromStdString(ep_.url));
        QString base = url.path();
        while (base.endsWith(QLatin1Char('/'))) base.chop(1);
        url.setPath(base + path);
        if (!post) url.setQuery(QString::fromLatin1(formEncode(params)), QUrl::StrictMode);
        QNetworkRequest req(url);
        req.setTransferTimeout(int(std::max<int64_t>(1, ep_.timeoutMs)));
        req.setRawHeader("Accept", "application/json");
        req.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Vigil"));
        if (!ep_.bearerToken.empty()) {
            req.setRawHeader("Authorization", "Bearer " + QByteArray::fromStdString(ep_.bearerToken));
        } else if (!ep_.username.empty()) {
            req.setRawHeader("Authorization",
                             "Basic " + QByteArray::fromStdString(ep_.username + ":" + ep_.password).toBase64());
        }
        if (url.scheme() == QLatin1String("https")) {
            Status tls = applyTls(req);
            if (!tls.isOk()) return done({tls, {}, 0, 0});
        }
        QNetworkReply *reply;
        if (post) {
            req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
            reply = nam_->post(req, formEncode(params));
        } else {
            reply = nam_->get(req);
        }
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        auto cancelled = std::make_shared<bool>(false);
        if (cancel) {  // the token is a polled flag: check it while the request runs
            auto *poll = new QTimer(reply);
            poll->setInterval(50);
            connect(poll, &QTimer::timeout, reply, [reply, cancel, cancelled] {
                if (cancel->isCancelled()) {
                    *cancelled = true;
                    reply->abort();
                }
            });
            poll->start();
        }
        connect(reply, &QNetworkReply::finished, this, [this, reply, timer, cancelled, done = std::move(done)] {
            reply->deleteLater();
            RawReply r;
            r.elapsedMs = timer->elapsed();
            r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (reply->isOpen()) r.body = reply->readAll();
            if (*cancelled || closing_) {
                r.transport = Status::cancelled("query cancelled");
            } else if (r.httpStatus == 0) {
                r.transport = Status::unavailable(displayUrl() + ": " + reply->errorString().toStdString());
            }
            done(std::move(r));
        });
    }

    // Aborts every request (their outcomes say Cancelled).
    void abortAll()
    {
        closing_ = true;
        if (!nam_) return;
        for (QNetworkReply *r : nam_->findChildren<QNetworkReply *>()) r->abort();
    }

    std::string displayUrl() const
    {
        const QUrl u(QString::fromStdString(ep_.url));
        return u.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment)
            .toString()
            .toStdString();
    }

private:
    Status applyTls(QNetworkRequest &req)
    {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        if (!ep_.caFile.empty()) {
            const auto cas = QSslCertificate::fromPath(QString::fromStdString(ep_.caFile));
            if (cas.isEmpty()) return Status::invalidArgument("no certificate in the CA file " + ep_.caFile);
            ssl.setCaCertificates(cas);
        }
        if (!ep_.certFile.empty()) {
            const auto certs = QSslCertificate::fromPath(QString::fromStdString(ep_.certFile));
            QFile kf(QString::fromStdString(ep_.keyFile));
            if (certs.isEmpty() || !kf.open(QIODevice::ReadOnly))
                return Status::invalidArgument("cannot read the client certificate or key");
            QSslKey key(&kf, QSsl::Rsa);
            if (key.isNull()) {
                kf.seek(0);
                key = QSslKey(&kf, QSsl::Ec);
            }
            if (key.isNull()) return Status::invalidArgument("cannot read the client key " + ep_.keyFile);
            ssl.setLocalCertificate(certs.front());
            ssl.setPrivateKey(key);
        }
        if (ep_.insecureSkipVerify) ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        req.setSslConfiguration(ssl);
        return Status::ok();
    }

    RemoteEndpoint ep_;
    QNetworkAccessManager *nam_ = nullptr;
    bool closing_ = false;
};

namespace {

// Posts a request to the worker; `decode` turns the raw reply into T.
template <typename T>
QFuture<T> request(RemoteQueryClient::Worker *worker, bool post, QString path, QUrlQuery params, CancelToken cancel,
                   std::function<T(const RawReply &)> decode)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    invokeQueued(worker, [worker, post, path = std::move(path), params = std::move(params), cancel = std::move(cancel),
                          promise, decode = std::move(decode)] {  // core/thread_handoff.h
        worker->send(post, path, params, cancel, [promise, decode](RawReply r) {
            promise->addResult(decode(r));
            promise->finish();
        });
    });
    return future;
}

QueryOutcome decodeQuery(const RawReply &r)
{
    QueryOutcome out;
    out.elapsedMs = r.elapsedMs;
    if (!r.transport.isOk()) {
        out.status = r.transport;
        return out;
    }
    auto res = parseQueryResponse(r.body, r.httpStatus);
    if (res.isOk()) out.result = std::move(*res);
    else out.status = res.status();
    return out;
}

StringsOutcome decodeStrings(const RawReply &r)
{
    StringsOutcome out;
    if (!r.transport.isOk()) {
        out.status = r.transport;
        return out;
    }
    auto res = parseStringListResponse(r.body, r.httpStatus);
    if (res.isOk()) out.values = std::move(*res);
    else out.status = res.status();
    return out;
}

}  // namespace

RemoteQueryClient::RemoteQueryClient(RemoteEndpoint endpoint) : endpoint_(std::move(endpoint))
{
    worker_ = new Worker(endpoint_);
    worker_->moveToThread(&thread_);
    thread_.setObjectName(QStringLiteral("vigil-remote-query"));
    QObject::connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_.start();
}

RemoteQueryClient::~RemoteQueryClient()
{
    // Abort on the worker's thread: the aborted replies report Cancelled there.
    invokeBlocking(worker_, [w = worker_] { w->abortAll(); });
    thread_.quit();
    thread_.wait();
}

std::string RemoteQueryClient::displayUrl() const
{
    return worker_->displayUrl();
}

QFuture<QueryOutcome> RemoteQueryClient::instantQuery(std::string query, int64_t timeMs, CancelToken cancel)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("query"), QString::fromStdString(query));
    q.addQueryItem(QStringLiteral("time"), apiTime(timeMs));
    return request<QueryOutcome>(worker_, true, QStringLiteral("/api/v1/query"), q, std::move(cancel), decodeQuery);
}

QFuture<QueryOutcome> RemoteQueryClient::rangeQuery(std::string query, int64_t startMs, int64_t endMs, int64_t stepMs,
                                                    CancelToken cancel)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("query"), QString::fromStdString(query));
    q.addQueryItem(QStringLiteral("start"), apiTime(startMs));
    q.addQueryItem(QStringLiteral("end"), apiTime(endMs));
    q.addQueryItem(QStringLiteral("step"), apiTime(stepMs));
    return request<QueryOutcome>(worker_, true, QStringLiteral("/api/v1/query_range"), q, std::move(cancel),
                                 decodeQuery);
}

QFuture<StringsOutcome> RemoteQueryClient::labelNames(std::vector<model::Matcher> matchers, int64_t mint, int64_t maxt)
{
    QUrlQuery q;
    if (!matchers.empty()) q.addQueryItem(QStringLiteral("match[]"), QString::fromStdString(selector(matchers)));
    addRange(q, mint, maxt);
    return request<StringsOutcome>(worker_, false, QStringLiteral("/api/v1/labels"), q, {}, decodeStrings);
}

QFuture<StringsOutcome> RemoteQueryClient::labelValues(std::string name, std::vector<model::Matcher> matchers,
                                                       int64_t mint, int64_t maxt)
{
    QUrlQuery q;
    if (!matchers.empty()) q.addQueryItem(QStringLiteral("match[]"), QString::fromStdString(selector(matchers)));
    addRange(q, mint, maxt);
    const QString path = QStringLiteral("/api/v1/label/") +
                         QString::fromUtf8(QUrl::toPercentEncoding(QString::fromStdString(name))) +
                         QStringLiteral("/values");
    return request<StringsOutcome>(worker_, false, path, q, {}, decodeStrings);
}

QFuture<MetadataOutcome> RemoteQueryClient::metadata()
{
    return request<MetadataOutcome>(worker_, false, QStringLiteral("/api/v1/metadata"), {}, {}, [](const RawReply &r) {
        MetadataOutcome out;
        if (!r.transport.isOk()) {
            out.status = r.transport;
            return out;
        }
        auto res = parseMetadataResponse(r.body, r.httpStatus);
        if (res.isOk()) out.metrics = std::move(*res);
        else out.status = res.status();
        return out;
    });
}

QFuture<SeriesOutcome> RemoteQueryClient::series(std::vector<std::vector<model::Matcher>> matchSets, int64_t mint,
                                                 int64_t maxt, CancelToken cancel)
{
    QUrlQuery q;
    for (const auto &ms : matchSets) q.addQueryItem(QStringLiteral("match[]"), QString::fromStdString(selector(ms)));
    addRange(q, mint, maxt);
    return request<SeriesOutcome>(worker_, true, QStringLiteral("/api/v1/series"), q, std::move(cancel),
                                  [](const RawReply &r) {
                                      SeriesOutcome out;
                                      if (!r.transport.isOk()) {
                                          out.status = r.transport;
                                          return out;
                                      }
                                      auto res = parseSeriesResponse(r.body, r.httpStatus);
                                      if (res.isOk()) out.series = std::move(*res);
                                      else out.status = res.status();
                                      return out;
                                  });
}

QFuture<Status> RemoteQueryClient::check()
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("query"), QStringLiteral("1"));
    return request<Status>(worker_, false, QStringLiteral("/api/v1/query"), q, {}, [](const RawReply &r) {
        if (!r.transport.isOk()) return r.transport;
        if (r.httpStatus == 401 || r.httpStatus == 403)
            return Status::failedPrecondition("the server refused the credentials (HTTP " + std::to_string(r.httpStatus) + ")");
        auto res = parseQueryResponse(r.body, r.httpStatus);
        return res.isOk() ? Status::ok() : res.status();
    });
}

}  // namespace vigil::runtime
