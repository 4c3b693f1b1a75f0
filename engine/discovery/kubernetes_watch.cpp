#include "discovery/kubernetes_watch.h"

#include "core/log.h"
#include "discovery/kubernetes_meta.h"
#include "net/http_client_setup.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QUrlQuery>

namespace vigil::discovery {

namespace {

QString enc(const std::string &s)
{
    return QString::fromUtf8(QUrl::toPercentEncoding(QString::fromStdString(s)));
}

std::string statusText(QNetworkReply *r)
{
    const int code = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // A stream cut after "200 OK" is a network error, not a server answer.
    if (code == 0 || (code == 200 && r->error() != QNetworkReply::NoError)) return r->errorString().toStdString();
    std::string s = "server returned HTTP status " + std::to_string(code);
    const QString reason = r->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    if (!reason.isEmpty()) s += " " + reason.toStdString();
    // The API server explains itself in a Status object.
    const QJsonObject status = QJsonDocument::fromJson(r->readAll()).object();
    if (const QString m = status.value(QLatin1String("message")).toString(); !m.isEmpty()) s += ": " + m.toStdString();
    return s;
}

}  // namespace

KubernetesWatch::KubernetesWatch(QNetworkAccessManager *nam, const KubernetesCredentials *creds, Options options,
                                 QObject *parent)
    : QObject(parent), nam_(nam), creds_(creds), options_(std::move(options)), retry_(this),
      backoffMs_(options_.backoffStartMs)
{
    retry_.setSingleShot(true);
    connect(&retry_, &QTimer::timeout, this, [this] {
        if (synced_ && !resourceVersion_.empty())
            watch();
        else
            list({});
    });
}

KubernetesWatch::~KubernetesWatch()
{
    if (QNetworkReply *r = reply_) {
        r->disconnect(this);
        r->abort();
        r->deleteLater();
    }
}

void KubernetesWatch::start()
{
    list({});
}

std::string KubernetesWatch::selectorQuery() const
{
    std::string q;
    if (!options_.labelSelector.empty()) q += "&labelSelector=" + enc(options_.labelSelector).toStdString();
    if (!options_.fieldSelector.empty()) q += "&fieldSelector=" + enc(options_.fieldSelector).toStdString();
    return q;
}

QNetworkReply *KubernetesWatch::get(const std::string &query, int idleTimeoutMs)
{
    QNetworkRequest req(QUrl(QString::fromStdString(creds_->server + options_.path + "?" + query), QUrl::StrictMode));
    // Qt's transfer timeout counts from the last byte received.
    req.setTransferTimeout(idleTimeoutMs);
    req.setRawHeader("Accept", "application/json");
    req.setRawHeader("User-Agent", "Vigil");
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    req.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    if (Status st = applyKubernetesCredentials(*creds_, &req); !st) {
        setError(st.message());
        retryLater();
        return nullptr;
    }
    QNetworkReply *r = nam_->get(req);
    net::allowInsecureTls(creds_->http, r);
    reply_ = r;
    return r;
}

void KubernetesWatch::list(const std::string &continueToken)
{
    std::string q = "limit=500" + selectorQuery();
    if (!continueToken.empty()) q += "&continue=" + enc(continueToken).toStdString();
    if (continueToken.empty()) pending_.clear();
    // A list that makes no progress for a minute is given up.
    QNetworkReply *r = get(q, 60'000);
    if (!r) return;
    const bool paging = !continueToken.empty();
    connect(r, &QNetworkReply::finished, this, [this, r, paging] {
        r->deleteLater();
        if (reply_ == r) reply_ = nullptr;
        const int code = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (code == 410 && paging) {  // an expired continue token: start over
            relist();
            return;
        }
        if (r->error() != QNetworkReply::NoError || code != 200) {
            setError("list " + options_.path + ": " + statusText(r));
            retryLater();
            return;
        }
        QJsonParseError perr;
        const QJsonObject doc = QJsonDocument::fromJson(r->readAll(), &perr).object();
        if (perr.error != QJsonParseError::NoError) {
            setError("list " + options_.path + ": invalid JSON: " + perr.errorString().toStdString());
            retryLater();
            return;
        }
        for (const QJsonValue &item : doc.value(QLatin1String("items")).toArray())
            pending_[k8s::objectKey(item.toObject())] = item.toObject();
        const QJsonObject meta = doc.value(QLatin1String("metadata")).toObject();
        if (const std::string next = k8s::str(meta, "continue"); !next.empty()) {
            list(next);
            return;
        }
        objects_ = std::move(pending_);
        pending_.clear();
        resourceVersion_ = k8s::str(meta, "resourceVersion");
        synced_ = true;
        ++lists_;
        backoffMs_ = options_.backoffStartMs;
        setError({});
        Q_EMIT changed();
        watch();
    });
}

void KubernetesWatch::watch()
{
    buffer_.clear();
    gone_ = false;
    eventSeen_ = false;
    const std::string q = "watch=1&resourceVersion=" + enc(resourceVersion_).toStdString() +
                          "&allowWatchBookmarks=true&timeoutSeconds=" + std::to_string(options_.timeoutSeconds) +
                          selectorQuery();
    // No bytes (not even a bookmark) for timeoutSeconds plus a minute: the
    // connection is dead.
    QNetworkReply *r = get(q, (options_.timeoutSeconds + 60) * 1000);
    if (!r) return;
    watchAge_.start();
    connect(r, &QNetworkReply::readyRead, this, &KubernetesWatch::onWatchData);
    connect(r, &QNetworkReply::finished, this, &KubernetesWatch::onWatchFinished);
}

void KubernetesWatch::onWatchData()
{
    QNetworkReply *r = reply_;
    if (!r) return;
    const int code = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (code != 200) return;  // the error body is read in onWatchFinished
    buffer_ += r->readAll();
    qsizetype nl;
    while ((nl = buffer_.indexOf('\n')) >= 0) {
        const QByteArray line = buffer_.left(nl).trimmed();
        buffer_.remove(0, nl + 1);
        if (!line.isEmpty()) handleEvent(line);
        if (gone_ || !reply_) return;
    }
}

void KubernetesWatch::handleEvent(const QByteArray &line)
{
    QJsonParseError perr;
    const QJsonObject ev = QJsonDocument::fromJson(line, &perr).object();
    if (perr.error != QJsonParseError::NoError) {
        setError("watch " + options_.path + ": invalid JSON event: " + perr.errorString().toStdString());
        return;
    }
    const std::string type = k8s::str(ev, "type");
    const QJsonObject object = ev.value(QLatin1String("object")).toObject();
    if (type == "ERROR") {
        const int code = object.value(QLatin1String("code")).toInt();
        if (code == 410) {
            // Too old a resourceVersion: the events in between are lost.
            qCDebug(lcDiscovery).noquote() << "kubernetes: watch" << QString::fromStdString(options_.path)
                                          << "expired; listing again";
            gone_ = true;
            relist();
            return;
        }
        setError("watch " + options_.path + ": " + k8s::str(object, "message"));
        return;
    }
    eventSeen_ = true;
    backoffMs_ = options_.backoffStartMs;
    if (const std::string rv = k8s::str(k8s::obj(object, "metadata"), "resourceVersion"); !rv.empty())
        resourceVersion_ = rv;
    if (type == "BOOKMARK") return;
    const std::string key = k8s::objectKey(object);
    if (type == "ADDED" || type == "MODIFIED") {
        objects_[key] = object;
    } else if (type == "DELETED") {
        objects_.erase(key);
    } else {
        return;
    }
    setError({});
    Q_EMIT changed();
}

void KubernetesWatch::onWatchFinished()
{
    QNetworkReply *r = reply_;
    if (!r) return;
    reply_ = nullptr;
    r->deleteLater();
    if (gone_) return;  // relisting already
    const int code = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (code == 410) {
        relist();
        return;
    }
    if (code == 200 && r->error() == QNetworkReply::NoError) {
        buffer_ += r->readAll();
        if (!buffer_.trimmed().isEmpty()) handleEvent(buffer_.trimmed());
        buffer_.clear();
        if (gone_) return;
        // The server ended the watch (timeoutSeconds): continue at once,
        // unless it ends every watch immediately (then back off).
        if (eventSeen_ || watchAge_.elapsed() >= 1000) {
            watch();
            return;
        }
    } else {
        setError("watch " + options_.path + ": " + statusText(r));
    }
    retryLater();
}

void KubernetesWatch::relist()
{
    if (QNetworkReply *r = reply_) {
        reply_ = nullptr;
        r->disconnect(this);
        r->abort();
        r->deleteLater();
    }
    // Keep the copy (and the targets) until the new list replaces it.
    list({});
}

void KubernetesWatch::retryLater()
{
    retry_.start(backoffMs_);
    backoffMs_ = std::min(backoffMs_ * 2, options_.backoffMaxMs);
}

void KubernetesWatch::setError(std::string e)
{
    if (e == error_) return;
    if (!e.empty()) qCWarning(lcDiscovery).noquote() << "kubernetes:" << QString::fromStdString(e);
    error_ = std::move(e);
    Q_EMIT errorChanged();
}

}  // namespace vigil::discovery
