#include "fake_kube_api.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>
#include <QUrlQuery>

namespace vigil::testing {

namespace {

struct ResourceInfo {
    const char *listKind;
    const char *apiVersion;
    const char *kind;
};

const std::map<QByteArray, ResourceInfo> &resources()
{
    static const std::map<QByteArray, ResourceInfo> kInfo{
        {"pods", {"PodList", "v1", "Pod"}},
        {"services", {"ServiceList", "v1", "Service"}},
        {"endpoints", {"EndpointsList", "v1", "Endpoints"}},
        {"nodes", {"NodeList", "v1", "Node"}},
        {"endpointslices", {"EndpointSliceList", "discovery.k8s.io/v1", "EndpointSlice"}},
        {"ingresses", {"IngressList", "networking.k8s.io/v1", "Ingress"}},
    };
    return kInfo;
}

QString keyOf(const QJsonObject &o)
{
    const QJsonObject m = o.value(QLatin1String("metadata")).toObject();
    return m.value(QLatin1String("namespace")).toString() + QLatin1Char('/') + m.value(QLatin1String("name")).toString();
}

QJsonObject withRv(QJsonObject o, qint64 rv)
{
    QJsonObject m = o.value(QLatin1String("metadata")).toObject();
    m.insert(QStringLiteral("resourceVersion"), QString::number(rv));
    o.insert(QStringLiteral("metadata"), m);
    return o;
}

QJsonObject statusObject(int code, const char *reason, const QString &message)
{
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("Status")},
                       {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("metadata"), QJsonObject{}},
                       {QStringLiteral("status"), QStringLiteral("Failure")},
                       {QStringLiteral("message"), message},
                       {QStringLiteral("reason"), QLatin1String(reason)},
                       {QStringLiteral("code"), code}};
}

QByteArray chunk(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

}  // namespace

QJsonObject kubeObject(const char *kind, const char *apiVersion, const QString &ns, const QString &name,
                       QJsonObject extra, QJsonObject labels, QJsonObject annotations)
{
    QJsonObject meta{{QStringLiteral("name"), name},
                     {QStringLiteral("uid"), QStringLiteral("uid-") + ns + QLatin1Char('-') + name},
                     {QStringLiteral("creationTimestamp"), QStringLiteral("2026-11-25T10:00:00Z")}};
    if (!ns.isEmpty()) meta.insert(QStringLiteral("namespace"), ns);
    if (!labels.isEmpty()) meta.insert(QStringLiteral("labels"), labels);
    if (!annotations.isEmpty()) meta.insert(QStringLiteral("annotations"), annotations);
    QJsonObject metaExtra = extra.value(QLatin1String("metadata")).toObject();
    for (auto it = metaExtra.begin(); it != metaExtra.end(); ++it) meta.insert(it.key(), it.value());
    extra.insert(QStringLiteral("kind"), QLatin1String(kind));
    extra.insert(QStringLiteral("apiVersion"), QLatin1String(apiVersion));
    extra.insert(QStringLiteral("metadata"), meta);
    return extra;
}

FakeKubeApi::FakeKubeApi(QSslCertificate cert, QSslKey key, QObject *parent)
    : QTcpServer(parent), cert_(std::move(cert)), key_(std::move(key))
{
}

void FakeKubeApi::incomingConnection(qintptr fd)
{
    auto *s = new QSslSocket(this);
    if (!s->setSocketDescriptor(fd)) {
        delete s;
        return;
    }
    QSslConfiguration conf = s->sslConfiguration();
    conf.setLocalCertificate(cert_);
    conf.setPrivateKey(key_);
    conf.setPeerVerifyMode(QSslSocket::QueryPeer);
    s->setSslConfiguration(conf);
    connect(s, &QSslSocket::sslErrors, s, [s](const QList<QSslError> &) { s->ignoreSslErrors(); });
    connect(s, &QSslSocket::readyRead, this, [this, s] { onData(s); });
    connect(s, &QSslSocket::disconnected, this, [this, s] {
        watches_.erase(std::remove_if(watches_.begin(), watches_.end(), [s](const Watch &w) { return w.socket == s; }),
                       watches_.end());
        s->deleteLater();
    });
    s->startServerEncryption();
}

void FakeKubeApi::onData(QSslSocket *s)
{
    QByteArray buf = s->property("buf").toByteArray() + s->readAll();
    int end;
    // GET requests only: a request ends with the blank line.
    while ((end = buf.indexOf("\r\n\r\n")) >= 0) {
        const QList<QByteArray> lines = buf.left(end).split('\n');
        buf.remove(0, end + 4);
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        KubeRequest req;
        QByteArray target = requestLine.value(1);
        if (const int q = target.indexOf('?'); q >= 0) {
            req.query = target.mid(q + 1);
            target = target.left(q);
        }
        req.path = target;
        for (int i = 1; i < lines.size(); ++i) {
            const int colon = lines[i].indexOf(':');
            if (colon > 0) req.headers[lines[i].left(colon).trimmed().toLower()] = lines[i].mid(colon + 1).trimmed();
        }
        req.clientCertificate = s->peerCertificate();
        serve(s, std::move(req));
    }
    s->setProperty("buf", buf);
}

void FakeKubeApi::reply(QSslSocket *s, int status, const QByteArray &contentType, const QByteArray &body)
{
    static const QMap<int, QByteArray> kReasons{{200, "OK"}, {401, "Unauthorized"}, {404, "Not Found"}, {410, "Gone"}};
    requests_.back().status = status;
    s->write("HTTP/1.1 " + QByteArray::number(status) + " " + kReasons.value(status, "Error") +
             "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" +
             body);
}

int FakeKubeApi::count(const QByteArray &path, bool watch) const
{
    int n = 0;
    for (const KubeRequest &r : requests_)
        if (r.path == path && r.watch == watch) ++n;
    return n;
}

int FakeKubeApi::openWatches() const
{
    return int(watches_.size());
}

bool FakeKubeApi::matches(const QJsonObject &o, const QString &ns, const QByteArray &label, const QByteArray &field) const
{
    const QJsonObject meta = o.value(QLatin1String("metadata")).toObject();
    if (!ns.isEmpty() && meta.value(QLatin1String("namespace")).toString() != ns) return false;
    const QJsonObject labels = meta.value(QLatin1String("labels")).toObject();
    for (const QByteArray &req : label.split(',')) {
        if (req.isEmpty()) continue;
        const QList<QByteArray> kv = req.split('=');
        if (labels.value(QString::fromUtf8(kv.value(0))).toString() != QString::fromUtf8(kv.value(1))) return false;
    }
    for (const QByteArray &req : field.split(',')) {
        if (req.startsWith("metadata.name=") &&
            meta.value(QLatin1String("name")).toString() != QString::fromUtf8(req.mid(14)))
            return false;
    }
    return true;
}

void FakeKubeApi::serve(QSslSocket *s, KubeRequest req)
{
    const QUrlQuery query(QString::fromUtf8(req.query));
    req.watch = query.queryItemValue(QStringLiteral("watch")) == QLatin1String("1") ||
                query.queryItemValue(QStringLiteral("watch")) == QLatin1String("true");
    requests_.push_back(req);
    if (!token_.isEmpty() && req.headers.value("authorization") != "Bearer " + token_) {
        reply(s, 401, "application/json", QJsonDocument(statusObject(401, "Unauthorized", QStringLiteral("Unauthorized"))).toJson(QJsonDocument::Compact));
        return;
    }
    if (!clientCert_.isNull() && req.clientCertificate != clientCert_) {
        reply(s, 401, "application/json", QJsonDocument(statusObject(401, "Unauthorized", QStringLiteral("no client certificate"))).toJson(QJsonDocument::Compact));
        return;
    }
    if (req.path == "/version") {
        reply(s, 200, "application/json",
              R"({"major":"1","minor":"26","gitVersion":"v1.26.1","gitCommit":"8f94681cd294aa8cfd3407b8191f6c70214973a4","gitTreeState":"clean","buildDate":"2023-01-18T15:51:25Z","goVersion":"go1.19.5","compiler":"gc","platform":"linux/amd64"})");
        return;
    }
    QByteArray rest;
    if (req.path.startsWith("/api/v1/"))
        rest = req.path.mid(8);
    else if (req.path.startsWith("/apis/discovery.k8s.io/v1/"))
        rest = req.path.mid(26);
    else if (req.path.startsWith("/apis/networking.k8s.io/v1/"))
        rest = req.path.mid(27);
    QList<QByteArray> parts = rest.split('/');
    QString ns;
    if (parts.size() >= 2 && parts[0] == "namespaces") {
        ns = QString::fromUtf8(parts[1]);
        parts = parts.mid(2);
    }
    // Pod proxy: pods/<name>:<port>/proxy/<path>
    if (parts.size() >= 3 && parts[0] == "pods" && parts[2] == "proxy") {
        if (metricsBody_.isEmpty()) {
            reply(s, 404, "text/plain", "no such pod\n");
            return;
        }
        reply(s, 200, "text/plain; version=0.0.4; charset=utf-8", metricsBody_);
        return;
    }
    if (parts.size() != 1 || !resources().count(parts[0])) {
        reply(s, 404, "application/json", QJsonDocument(statusObject(404, "NotFound", QStringLiteral("not found"))).toJson(QJsonDocument::Compact));
        return;
    }
    const QByteArray resource = parts[0];
    if (req.watch) {
        startWatch(s, req, resource, ns);
        return;
    }
    const ResourceInfo &info = resources().at(resource);
    const QByteArray label = QUrl::fromPercentEncoding(query.queryItemValue(QStringLiteral("labelSelector"), QUrl::FullyEncoded).toUtf8()).toUtf8();
    const QByteArray field = QUrl::fromPercentEncoding(query.queryItemValue(QStringLiteral("fieldSelector"), QUrl::FullyEncoded).toUtf8()).toUtf8();
    QJsonArray all;
    for (const auto &[key, o] : objects_[resource])
        if (matches(o, ns, label, field)) all.append(o);
    // Paging: the continue token is the offset of the next item.
    const int offset = query.queryItemValue(QStringLiteral("continue")).toInt();
    const int limit = pageSize_ > 0 ? pageSize_ : int(all.size());
    QJsonArray items;
    for (int i = offset; i < all.size() && i < offset + limit; ++i) items.append(all[i]);
    QJsonObject meta{{QStringLiteral("resourceVersion"), QString::number(rv_)}};
    if (offset + limit < all.size()) meta.insert(QStringLiteral("continue"), QString::number(offset + limit));
    const QJsonObject list{{QStringLiteral("kind"), QLatin1String(info.listKind)},
                           {QStringLiteral("apiVersion"), QLatin1String(info.apiVersion)},
                           {QStringLiteral("metadata"), meta},
                           {QStringLiteral("items"), items}};
    reply(s, 200, "application/json", QJsonDocument(list).toJson(QJsonDocument::Compact));
}

void FakeKubeApi::startWatch(QSslSocket *s, const KubeRequest &req, const QByteArray &resource, const QString &ns)
{
    const QUrlQuery query(QString::fromUtf8(req.query));
    if (goneWatches_ > 0) {
        --goneWatches_;
        reply(s, 410, "application/json",
              QJsonDocument(statusObject(410, "Gone", QStringLiteral("too old resource version"))).toJson(QJsonDocument::Compact));
        return;
    }
    requests_.back().status = 200;
    s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
    Watch w{s, resource, ns,
            QUrl::fromPercentEncoding(query.queryItemValue(QStringLiteral("labelSelector"), QUrl::FullyEncoded).toUtf8()).toUtf8(),
            QUrl::fromPercentEncoding(query.queryItemValue(QStringLiteral("fieldSelector"), QUrl::FullyEncoded).toUtf8()).toUtf8(),
            query.queryItemValue(QStringLiteral("allowWatchBookmarks")) == QLatin1String("true")};
    const qint64 from = query.queryItemValue(QStringLiteral("resourceVersion")).toLongLong();
    if (from > 0 && from < compactedRv_) {
        send(w, "ERROR",
             statusObject(410, "Expired", QStringLiteral("too old resource version: %1 (%2)").arg(from).arg(compactedRv_)));
        s->write("0\r\n\r\n");
        s->disconnectFromHost();
        return;
    }
    if (from > 0)
        for (const Event &e : log_)
            if (e.rv > from && e.resource == resource) send(w, e.type, e.object);
    watches_.push_back(w);
    if (const int timeout = query.queryItemValue(QStringLiteral("timeoutSeconds")).toInt(); timeout > 0) {
        QTimer::singleShot(timeout * 1000, s, [s] {
            s->write("0\r\n\r\n");
            s->disconnectFromHost();
        });
    }
}

void FakeKubeApi::send(const Watch &w, const QByteArray &type, const QJsonObject &object)
{
    if (type != "ERROR" && type != "BOOKMARK" && !matches(object, w.ns, w.labelSelector, w.fieldSelector)) return;
    const QJsonObject ev{{QStringLiteral("type"), QString::fromLatin1(type)}, {QStringLiteral("object"), object}};
    w.socket->write(chunk(QJsonDocument(ev).toJson(QJsonDocument::Compact) + "\n"));
}

void FakeKubeApi::publish(const QByteArray &resource, const QByteArray &type, const QJsonObject &object)
{
    log_.push_back({rv_, resource, type, object});
    for (const Watch &w : watches_)
        if (w.resource == resource) send(w, type, object);
}

void FakeKubeApi::set(const QByteArray &resource, QJsonObject object)
{
    ++rv_;
    object = withRv(std::move(object), rv_);
    auto &objects = objects_[resource];
    const QString key = keyOf(object);
    const bool existed = objects.count(key) > 0;
    objects[key] = object;
    publish(resource, existed ? "MODIFIED" : "ADDED", object);
}

void FakeKubeApi::remove(const QByteArray &resource, const QString &ns, const QString &name)
{
    auto &objects = objects_[resource];
    auto it = objects.find(ns + QLatin1Char('/') + name);
    if (it == objects.end()) return;
    ++rv_;
    const QJsonObject last = withRv(it->second, rv_);
    objects.erase(it);
    publish(resource, "DELETED", last);
}

void FakeKubeApi::bookmark()
{
    ++rv_;
    for (const Watch &w : watches_) {
        if (!w.bookmarks) continue;
        const ResourceInfo &info = resources().at(w.resource);
        send(w, "BOOKMARK",
             QJsonObject{{QStringLiteral("kind"), QLatin1String(info.kind)},
                         {QStringLiteral("apiVersion"), QLatin1String(info.apiVersion)},
                         {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("resourceVersion"), QString::number(rv_)}}}});
    }
}

void FakeKubeApi::endWatches()
{
    const std::vector<Watch> open = watches_;
    for (const Watch &w : open) {
        w.socket->write("0\r\n\r\n");
        w.socket->disconnectFromHost();
    }
}

void FakeKubeApi::goDown()
{
    close();
    watches_.clear();
    for (QSslSocket *s : findChildren<QSslSocket *>()) s->abort();
}

void FakeKubeApi::expireWatches()
{
    ++rv_;
    compactedRv_ = rv_;
    log_.clear();
    const std::vector<Watch> open = watches_;
    for (const Watch &w : open) {
        send(w, "ERROR", statusObject(410, "Expired", QStringLiteral("too old resource version")));
        w.socket->write("0\r\n\r\n");
        w.socket->disconnectFromHost();
    }
}

}  // namespace vigil::testing
