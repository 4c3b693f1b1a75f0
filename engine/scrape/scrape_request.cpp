#include "scrape/scrape_request.h"

#include "core/log.h"
#include "exposition/content_type.h"
#include "net/http_client_setup.h"
#include "scrape/scrape_config.h"
#include "scrape/target.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

#include <algorithm>
#include <cstdio>

namespace vigil::scrape {

namespace {

std::string seconds(int64_t ms)
{
    // strconv.FormatFloat(x, 'f', -1, 64): no trailing zeros.
    std::string s = std::to_string(ms / 1000);
    if (const int64_t frac = ms % 1000; frac != 0) {
        char buf[8];
        std::snprintf(buf, sizeof buf, ".%03d", int(frac));
        std::string f(buf);
        while (f.back() == '0') f.pop_back();
        s += f;
    }
    return s;
}

}  // namespace

ScrapeRequest::ScrapeRequest(QNetworkAccessManager *nam, const Target &target, const ScrapeConfig &job,
                             QString userAgent, QObject *parent)
    : QObject(parent),
      nam_(nam),
      url_(target.url()),
      timeoutMs_(target.timeoutMs()),
      bodySizeLimit_(job.bodySizeLimit > 0 ? job.bodySizeLimit : kUnsetBodySizeCeiling),
      bodySizeLimitIsCeiling_(job.bodySizeLimit <= 0),
      http_(job.http),
      userAgent_(std::move(userAgent))
{
    timeout_.setSingleShot(true);
    timeout_.setTimerType(Qt::PreciseTimer);
    connect(&timeout_, &QTimer::timeout, this, &ScrapeRequest::onTimeout);
}

ScrapeRequest::~ScrapeRequest()
{
    abort();
}

void ScrapeRequest::setPodProxy(QNetworkAccessManager *nam, std::string url, discovery::KubernetesCredentials creds)
{
    abort();
    nam_ = nam;
    url_ = std::move(url);
    proxyCreds_ = std::move(creds);
}

void ScrapeRequest::start()
{
    elapsed_.start();
    done_ = false;
    headersSeen_ = false;
    failure_ = Status::ok();
    // Keep the body's buffer: the next body is usually the same size.
    std::string buffer = std::move(response_.body);
    buffer.clear();
    response_ = {};
    response_.body = std::move(buffer);
    gzip_.reset();

    QNetworkRequest req(QUrl(QString::fromStdString(url_)));
    req.setRawHeader("Accept", QByteArray(exposition::kScrapeAcceptHeader.data(),
                                          qsizetype(exposition::kScrapeAcceptHeader.size())));
    // Set by hand, so Qt does not decompress: GzipDecoder does, under the limit.
    req.setRawHeader("Accept-Encoding", "gzip");
    req.setRawHeader("User-Agent", userAgent_.toUtf8());
    req.setRawHeader("X-Prometheus-Scrape-Timeout-Seconds", QByteArray::fromStdString(seconds(timeoutMs_)));
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    req.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);

    // Through the pod proxy the API server's credentials replace the job's
    // auth and TLS settings (those are meant for the pod).
    const Status st = proxyCreds_ ? discovery::applyKubernetesCredentials(*proxyCreds_, &req)
                                  : net::applyHttpClientConfig(http_, &req);
    // The job's redirect policy, also through the pod proxy.
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, http_.followRedirects
                                                                   ? QNetworkRequest::NoLessSafeRedirectPolicy
                                                                   : QNetworkRequest::ManualRedirectPolicy);
    if (!st) {
        // Report asynchronously, like every other outcome.
        failure_ = st;
        QMetaObject::invokeMethod(
            this, [this] { finish(); }, Qt::QueuedConnection);
        return;
    }

    reply_ = nam_->get(req);
    reply_->setReadBufferSize(kReadBufferBytes);
    connect(reply_, &QNetworkReply::readyRead, this, &ScrapeRequest::onReadyRead);
    connect(reply_, &QNetworkReply::finished, this, &ScrapeRequest::onFinished);
    net::allowInsecureTls(proxyCreds_ ? proxyCreds_->http : http_, reply_);
    timeout_.start(int(std::max<int64_t>(1, timeoutMs_)));
}

void ScrapeRequest::abort()
{
    timeout_.stop();
    done_ = true;
    if (QNetworkReply *r = reply_) {
        reply_ = nullptr;
        r->disconnect(this);
        r->abort();
        r->deleteLater();
    }
}

bool ScrapeRequest::consumeAvailable()
{
    QNetworkReply *r = reply_;
    if (!headersSeen_) {
        headersSeen_ = true;
        response_.httpStatus = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (r->rawHeader("Content-Encoding").trimmed().toLower() == "gzip")
            gzip_ = std::make_unique<GzipDecoder>(bodySizeLimit_ > 0 ? bodySizeLimit_ - 1 : 0);
        const qint64 length = r->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (!gzip_ && length > 0 && (bodySizeLimit_ <= 0 || length < bodySizeLimit_))
            response_.body.reserve(size_t(length));
    }
    if (response_.httpStatus != 0 && response_.httpStatus != 200) {
        r->skip(r->bytesAvailable());  // the body is not used
        return true;
    }
    if (gzip_) {
        const QByteArray chunk = r->readAll();
        if (!gzip_->feed(std::string_view(chunk.constData(), size_t(chunk.size())), &response_.body)) {
            const Status &s = gzip_->status();
            fail(s.code() == Status::Code::ResourceExhausted ? bodyTooLarge() : s);
            return false;
        }
        return true;
    }
    // Read straight into the body (no intermediate QByteArray).
    if (const qint64 n = r->bytesAvailable(); n > 0) {
        const size_t old = response_.body.size();
        response_.body.resize(old + size_t(n));
        const qint64 got = r->read(response_.body.data() + old, n);
        response_.body.resize(old + size_t(std::max<qint64>(got, 0)));
    }
    // As Prometheus: a body of body_size_limit bytes or more fails.
    if (bodySizeLimit_ > 0 && int64_t(response_.body.size()) >= bodySizeLimit_) {
        fail(bodyTooLarge());
        return false;
    }
    return true;
}

Status ScrapeRequest::bodyTooLarge() const
{
    if (!bodySizeLimitIsCeiling_) return Status::resourceExhausted("body size limit exceeded");
    return Status::resourceExhausted("body size limit exceeded (no body_size_limit set; Vigil stops at " +
                                     std::to_string(bodySizeLimit_ >> 20) + "MiB)");
}

void ScrapeRequest::onReadyRead()
{
    if (!reply_ || done_) return;
    consumeAvailable();
}

void ScrapeRequest::onTimeout()
{
    if (done_) return;
    response_.connectFailed = !headersSeen_;
    fail(Status::deadlineExceeded("Get \"" + url_ + "\": context deadline exceeded"));
}

void ScrapeRequest::fail(Status s)
{
    if (done_) return;
    failure_ = std::move(s);
    finish();
}

void ScrapeRequest::onFinished()
{
    if (!reply_ || done_) return;
    QNetworkReply *r = reply_;
    if (r->bytesAvailable() > 0 && !consumeAvailable()) return;  // failed and finished
    response_.httpStatus = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response_.contentType = r->header(QNetworkRequest::ContentTypeHeader).toString().toStdString();
    if (response_.httpStatus != 0 && response_.httpStatus != 200) {
        const QString reason = r->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        failure_ = Status::unavailable("server returned HTTP status " + std::to_string(response_.httpStatus) +
                                       (reason.isEmpty() ? std::string() : " " + reason.toStdString()));
    } else if (r->error() != QNetworkReply::NoError) {
        failure_ = Status::unavailable("Get \"" + url_ + "\": " + r->errorString().toStdString());
        switch (r->error()) {
        case QNetworkReply::ConnectionRefusedError:
        case QNetworkReply::HostNotFoundError:
        case QNetworkReply::TimeoutError:
        case QNetworkReply::UnknownNetworkError:
        case QNetworkReply::TemporaryNetworkFailureError:
        case QNetworkReply::NetworkSessionFailedError:
            response_.connectFailed = response_.httpStatus == 0;
            break;
        default:
            break;
        }
    } else if (gzip_ && !gzip_->finish()) {
        failure_ = gzip_->status();
    }
    finish();
}

void ScrapeRequest::finish()
{
    if (done_) return;
    timeout_.stop();
    done_ = true;
    if (QNetworkReply *r = reply_) {
        reply_ = nullptr;
        r->disconnect(this);
        if (r->isRunning()) r->abort();
        r->deleteLater();
    }
    response_.durationMs = elapsed_.elapsed();
    response_.status = failure_;
    if (!failure_.isOk()) response_.body.clear();
    Q_EMIT finished();
}

}  // namespace vigil::scrape
