#include "scrape/scrape_request.h"

#include "core/log.h"
#include "exposition/content_type.h"
#include "scrape/scrape_config.h"
#include "scrape/target.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QUrl>

#include <algorithm>
#include <cstdio>

namespace vigil::scrape {

namespace {

// Reads a secret file, trimming surrounding whitespace (as Prometheus).
Result<QByteArray> readSecret(const std::string &path)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        return Status::failedPrecondition("unable to read file " + path + ": " +
                                          f.errorString().toStdString());
    return f.readAll().trimmed();
}

Result<QByteArray> readFile(const std::string &path, const char *what)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        return Status::failedPrecondition(std::string("unable to read ") + what + " " + path + ": " +
                                          f.errorString().toStdString());
    return f.readAll();
}

Status applyTls(const TlsConfig &tls, QNetworkRequest *req)
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    if (!tls.caFile.empty()) {
        Result<QByteArray> pem = readFile(tls.caFile, "CA file");
        if (!pem) return pem.status();
        const QList<QSslCertificate> cas = QSslCertificate::fromData(*pem, QSsl::Pem);
        if (cas.isEmpty()) return Status::failedPrecondition("unable to use specified CA cert " + tls.caFile);
        ssl.setCaCertificates(cas);
    }
    if (!tls.certFile.empty()) {
        Result<QByteArray> certPem = readFile(tls.certFile, "client certificate");
        if (!certPem) return certPem.status();
        Result<QByteArray> keyPem = readFile(tls.keyFile, "client key");
        if (!keyPem) return keyPem.status();
        const QList<QSslCertificate> certs = QSslCertificate::fromData(*certPem, QSsl::Pem);
        if (certs.isEmpty())
            return Status::failedPrecondition("unable to use client certificate " + tls.certFile);
        QSslKey key(*keyPem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull()) key = QSslKey(*keyPem, QSsl::Ec, QSsl::Pem);
        if (key.isNull()) return Status::failedPrecondition("unable to use client key " + tls.keyFile);
        ssl.setLocalCertificate(certs.first());
        if (certs.size() > 1) ssl.setLocalCertificateChain(certs);
        ssl.setPrivateKey(key);
    }
    if (tls.insecureSkipVerify) ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    // Jobs share one QNetworkAccessManager: a TLS session resumed from another
    // job's handshake would skip this job's certificate checks.
    ssl.setSslOption(QSsl::SslOptionDisableSessionSharing, true);
    ssl.setSslOption(QSsl::SslOptionDisableSessionPersistence, true);
    ssl.setSslOption(QSsl::SslOptionDisableSessionTickets, true);
    req->setSslConfiguration(ssl);
    if (!tls.serverName.empty()) req->setPeerVerifyName(QString::fromStdString(tls.serverName));
    return Status::ok();
}

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
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, http_.followRedirects
                                                                   ? QNetworkRequest::NoLessSafeRedirectPolicy
                                                                   : QNetworkRequest::ManualRedirectPolicy);

    Status st;
    if (proxyCreds_) {
        st = discovery::applyKubernetesCredentials(*proxyCreds_, &req);
    } else if (http_.basicAuth) {
        QByteArray password = QByteArray::fromStdString(http_.basicAuth->password);
        if (!http_.basicAuth->passwordFile.empty()) {
            Result<QByteArray> p = readSecret(http_.basicAuth->passwordFile);
            if (!p)
                st = p.status();
            else
                password = *p;
        }
        const QByteArray cred = QByteArray::fromStdString(http_.basicAuth->username) + ':' + password;
        req.setRawHeader("Authorization", "Basic " + cred.toBase64());
    } else if (http_.authorization) {
        QByteArray cred = QByteArray::fromStdString(http_.authorization->credentials);
        if (!http_.authorization->credentialsFile.empty()) {
            Result<QByteArray> c = readSecret(http_.authorization->credentialsFile);
            if (!c)
                st = c.status();
            else
                cred = *c;
        }
        req.setRawHeader("Authorization", QByteArray::fromStdString(http_.authorization->type) + ' ' + cred);
    }
    if (st && !proxyCreds_ && req.url().scheme() == QLatin1String("https")) st = applyTls(http_.tls, &req);
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
    if (proxyCreds_ ? proxyCreds_->insecureSkipVerify : http_.tls.insecureSkipVerify)
        connect(reply_, &QNetworkReply::sslErrors, reply_, [r = reply_](const QList<QSslError> &) {
            if (r) r->ignoreSslErrors();
        });
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
