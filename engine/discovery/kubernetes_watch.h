// KubernetesWatch: an up-to-date copy of one collection of Kubernetes API
// objects (e.g. /api/v1/namespaces/shop/pods), kept the way client-go's
// reflector keeps it:
//
//   1. list: GET <path>?labelSelector=..&fieldSelector=..&limit=500, following
//      metadata.continue; the objects replace the copy and the list's
//      metadata.resourceVersion is remembered;
//   2. watch: GET <path>?watch=1&resourceVersion=<rv>&allowWatchBookmarks=true
//      &timeoutSeconds=<n> (+ selectors), a stream of JSON events one per
//      line: ADDED / MODIFIED / DELETED change the copy, BOOKMARK only moves
//      the resourceVersion; each event's object carries the new version;
//   3. when the server ends the watch (timeoutSeconds), watch again from the
//      last resourceVersion at once; on a network or server error, watch
//      again after a backoff (1 s doubling to 30 s, reset by any event);
//   4. "410 Gone" — as the watch's HTTP status or as an ERROR event with code
//      410 — means the version is too old: list again from scratch.
//
// Lives on one thread (the discovery thread); every method must be called
// there. `nam` and the credentials must outlive the watch. changed() is
// emitted after a list and after each event that changed the copy.
#pragma once

#include "discovery/kubernetes_credentials.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <map>
#include <string>

class QNetworkReply;

namespace vigil::discovery {

class KubernetesWatch : public QObject {
    Q_OBJECT
public:
    struct Options {
        std::string path;  // e.g. "/api/v1/pods", "/apis/discovery.k8s.io/v1/namespaces/ns/endpointslices"
        std::string labelSelector;
        std::string fieldSelector;
        int timeoutSeconds = 300;  // asked of the server per watch
        int backoffStartMs = 1000;
        int backoffMaxMs = 30'000;
    };

    KubernetesWatch(QNetworkAccessManager *nam, const KubernetesCredentials *creds, Options options,
                    QObject *parent = nullptr);
    ~KubernetesWatch() override;

    void start();
    // Objects by "<namespace>/<name>" ("<name>" when cluster-scoped).
    const std::map<std::string, QJsonObject> &objects() const { return objects_; }
    // True once the first list succeeded.
    bool synced() const { return synced_; }
    // The last error, "" while healthy.
    const std::string &error() const { return error_; }
    const std::string &resourceVersion() const { return resourceVersion_; }
    int lists() const { return lists_; }

Q_SIGNALS:
    void changed();
    void errorChanged();

private:
    void list(const std::string &continueToken);
    void watch();
    void onWatchData();
    void onWatchFinished();
    void handleEvent(const QByteArray &line);
    void retryLater();
    void relist();
    void setError(std::string e);
    QNetworkReply *get(const std::string &query, int idleTimeoutMs);
    std::string selectorQuery() const;

    QNetworkAccessManager *nam_;
    const KubernetesCredentials *creds_;
    Options options_;
    QPointer<QNetworkReply> reply_;
    QTimer retry_;
    int backoffMs_;
    QByteArray buffer_;  // partial watch line
    bool gone_ = false;  // the current watch answered 410
    bool eventSeen_ = false;
    QElapsedTimer watchAge_;
    std::map<std::string, QJsonObject> objects_;
    std::map<std::string, QJsonObject> pending_;  // a paginated list being collected
    std::string resourceVersion_;
    bool synced_ = false;
    std::string error_;
    int lists_ = 0;
};

}  // namespace vigil::discovery
