// FakeKubeApi: a loopback HTTPS server speaking the parts of the Kubernetes
// API that service discovery uses, with real-shaped JSON: /version, list
// (kind *List, metadata.resourceVersion, items; paged with
// metadata.continue when setPageSize() is set) and watch (?watch=1|true:
// chunked stream of {"type":...,"object":...} lines) for pods, services,
// endpoints, nodes (core v1), endpointslices (discovery.k8s.io/v1) and
// ingresses (networking.k8s.io/v1), all
// namespaces or /namespaces/<ns>/, labelSelector "k=v[,k2=v2]" and
// fieldSelector "metadata.name=x" filtering; a pod proxy
// (/api/v1/namespaces/<ns>/pods/<name>:<port>/proxy/<path>) answering with
// metricsBody().
//
// Objects change through set()/remove(); each change gets the next
// resourceVersion and goes to every open watch of its resource as ADDED,
// MODIFIED or DELETED (a watch started from an older version first replays
// the logged events after it). bookmark() sends BOOKMARK events (to watches
// that asked for them); expireWatches() sends the ERROR event with code 410
// and ends every watch, and compacts the log so a watch from an old version
// gets that error too; failNextWatchesWithGone(n) answers the next n watch
// requests with HTTP 410.
//
// Requests are served with keep-alive, as client-go and Qt expect. Every
// request is recorded (method line, headers, client certificate). When a
// token or client certificate is required, requests without it get 401.
// Runs on the creating thread; not thread-safe.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>

#include <map>
#include <vector>

class QSslSocket;

namespace vigil::testing {

struct KubeRequest {
    QByteArray path;   // without the query
    QByteArray query;  // raw
    QMap<QByteArray, QByteArray> headers;  // lower-case names
    QSslCertificate clientCertificate;
    bool watch = false;
    int status = 0;
};

class FakeKubeApi : public QTcpServer {
    Q_OBJECT
public:
    FakeKubeApi(QSslCertificate cert, QSslKey key, QObject *parent = nullptr);
    bool listenLoopback() { return listen(QHostAddress::LocalHost, 0); }
    QByteArray url() const { return "https://127.0.0.1:" + QByteArray::number(serverPort()); }

    void requireToken(const QByteArray &token) { token_ = token; }
    void requireClientCertificate(const QSslCertificate &cert) { clientCert_ = cert; }

    // resource: "pods", "services", "endpoints", "nodes", "endpointslices", "ingresses".
    void set(const QByteArray &resource, QJsonObject object);
    void remove(const QByteArray &resource, const QString &ns, const QString &name);
    void bookmark();
    void expireWatches();
    // Ends every watch normally (as timeoutSeconds does).
    void endWatches();
    // Stops listening and drops every connection (an API server restart);
    // listen() again on the same port to come back. Objects and the event
    // log are kept.
    void goDown();
    void failNextWatchesWithGone(int n) { goneWatches_ = n; }
    void setMetricsBody(const QByteArray &body) { metricsBody_ = body; }
    // Lists return at most this many items per page (with a continue token), 0 = no paging.
    void setPageSize(int n) { pageSize_ = n; }

    qint64 resourceVersion() const { return rv_; }
    const std::vector<KubeRequest> &requests() const { return requests_; }
    int count(const QByteArray &path, bool watch) const;
    int openWatches() const;

protected:
    void incomingConnection(qintptr fd) override;

private:
    struct Event {
        qint64 rv;
        QByteArray resource;
        QByteArray type;
        QJsonObject object;
    };
    struct Watch {
        QSslSocket *socket;
        QByteArray resource;
        QString ns;
        QByteArray labelSelector;
        QByteArray fieldSelector;
        bool bookmarks;
    };
    void onData(QSslSocket *s);
    void serve(QSslSocket *s, KubeRequest req);
    void reply(QSslSocket *s, int status, const QByteArray &contentType, const QByteArray &body);
    void startWatch(QSslSocket *s, const KubeRequest &req, const QByteArray &resource, const QString &ns);
    void send(const Watch &w, const QByteArray &type, const QJsonObject &object);
    bool matches(const QJsonObject &o, const QString &ns, const QByteArray &label, const QByteArray &field) const;
    void publish(const QByteArray &resource, const QByteArray &type, const QJsonObject &object);

    QSslCertificate cert_;
    QSslKey key_;
    QByteArray token_;
    QSslCertificate clientCert_;
    QByteArray metricsBody_;
    qint64 rv_ = 100;
    qint64 compactedRv_ = 0;
    int goneWatches_ = 0;
    int pageSize_ = 0;
    std::map<QByteArray, std::map<QString, QJsonObject>> objects_;  // resource -> "ns/name" -> object
    std::vector<Event> log_;
    std::vector<Watch> watches_;
    std::vector<KubeRequest> requests_;
};

// A Kubernetes object with kind, apiVersion and metadata filled in.
QJsonObject kubeObject(const char *kind, const char *apiVersion, const QString &ns, const QString &name,
                       QJsonObject extra, QJsonObject labels = {}, QJsonObject annotations = {});

}  // namespace vigil::testing
