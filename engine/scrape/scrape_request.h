// ScrapeRequest: one HTTP GET of a target's metrics endpoint, on the thread
// that owns the QNetworkAccessManager (an engine thread).
//
// Sends the headers Prometheus sends (Accept from engine/exposition,
// Accept-Encoding: gzip, User-Agent, X-Prometheus-Scrape-Timeout-Seconds),
// basic auth or an Authorization header (secret files are read per request),
// and applies tls_config through QSslConfiguration (ca_file replaces the
// system CAs; cert/key; server_name as the verified peer name;
// insecure_skip_verify). The body is gunzipped when Content-Encoding is gzip
// and body_size_limit is enforced on the (decompressed) bytes while they
// arrive. Without a body_size_limit (0, Prometheus's "no limit") the body
// still stops at kUnsetBodySizeCeiling: an endless or gigantic body would
// otherwise grow memory at loopback speed until the timeout. The request is
// aborted after the target's timeout. The reply's read buffer is bounded
// (kReadBufferBytes), so a fast sender waits in TCP instead of in memory.
//
// Errors (response().status): DeadlineExceeded `Get "<url>": context deadline
// exceeded`; Unavailable `server returned HTTP status 500 Internal Server
// Error` or `Get "<url>": <network error>`; ResourceExhausted `body size limit
// exceeded` (with the ceiling named when no limit was set); InvalidArgument `gzip: ...`; FailedPrecondition for unreadable
// secret or TLS files.
//
// Lifetime: finished() is emitted once, unless abort() was called first.
// The object is not thread-safe; create, use and destroy it on one thread.
#pragma once

#include "core/status.h"
#include "discovery/kubernetes_credentials.h"
#include "scrape/gzip_decoder.h"
#include "scrape/http_client_config.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

class QNetworkAccessManager;

namespace vigil::scrape {

// The body limit applied when a job sets no body_size_limit: far above real
// exporters (a node exporter sends ~100 KiB, a big kube-state-metrics tens of
// MiB), low enough that a hostile target cannot exhaust a workstation's memory.
inline constexpr int64_t kUnsetBodySizeCeiling = int64_t(128) << 20;
inline constexpr qint64 kReadBufferBytes = qint64(4) << 20;

class Target;
struct ScrapeConfig;

struct ScrapeResponse {
    Status status;
    std::string body;         // decoded
    std::string contentType;  // as sent by the target
    int httpStatus = 0;
    int64_t durationMs = 0;
    // No connection could be made, or nothing at all came back before the
    // timeout (an unreachable pod IP): what vigil_kubernetes_proxy: auto
    // falls back on.
    bool connectFailed = false;
};

class ScrapeRequest : public QObject {
    Q_OBJECT
public:
    // `nam` must outlive the request. What is needed of the target and the
    // job is copied here.
    ScrapeRequest(QNetworkAccessManager *nam, const Target &target, const ScrapeConfig &job,
                  QString userAgent, QObject *parent = nullptr);
    ~ScrapeRequest() override;

    void start();
    // From the next start() on, scrapes `url` (the API server's pod proxy)
    // through `nam` with the API server's credentials instead of the
    // target's URL and the job's auth/TLS. `nam` must outlive the request.
    void setPodProxy(QNetworkAccessManager *nam, std::string url, discovery::KubernetesCredentials creds);
    bool viaPodProxy() const { return proxyCreds_.has_value(); }
    // Cancels an in-flight request; finished() will not be emitted.
    void abort();
    bool isRunning() const { return reply_ != nullptr; }
    const ScrapeResponse &response() const { return response_; }
    // Moves the response out (after finished()), so the body can be parsed on
    // another thread; recycleBuffer() hands the body's buffer back for reuse.
    ScrapeResponse takeResponse() { return std::move(response_); }
    void recycleBuffer(std::string buffer)
    {
        if (!isRunning() && buffer.capacity() > response_.body.capacity()) response_.body = std::move(buffer);
    }

Q_SIGNALS:
    void finished();

private:
    void onReadyRead();
    void onFinished();
    void onTimeout();
    void fail(Status s);
    void finish();
    // Reads what the reply has; false if the scrape failed (and finished).
    bool consumeAvailable();
    Status bodyTooLarge() const;

    QNetworkAccessManager *nam_;
    std::string url_;
    int64_t timeoutMs_;
    int64_t bodySizeLimit_;  // > 0: the job's limit, or kUnsetBodySizeCeiling
    bool bodySizeLimitIsCeiling_;
    HttpClientConfig http_;
    std::optional<discovery::KubernetesCredentials> proxyCreds_;
    QString userAgent_;
    QPointer<QNetworkReply> reply_;
    QTimer timeout_;
    QElapsedTimer elapsed_;
    std::unique_ptr<GzipDecoder> gzip_;
    bool headersSeen_ = false;
    bool done_ = false;
    Status failure_;
    ScrapeResponse response_;
};

}  // namespace vigil::scrape
