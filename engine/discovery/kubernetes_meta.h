// Helpers shared by the Kubernetes role mappings (kubernetes_*.cpp):
// reading fields of API objects as the Go client would see them, and the
// label naming rules of Prometheus's kubernetes SD. Internal to
// vigil_discovery. Pure functions; thread-safe.
#pragma once

#include "model/labels.h"

#include <QJsonObject>

#include <string>
#include <vector>

namespace vigil::discovery::k8s {

inline const std::string kMeta = "__meta_kubernetes_";

// A string field ("" when absent or not a string).
std::string str(const QJsonObject &o, const char *key);
QJsonObject obj(const QJsonObject &o, const char *key);
// Prometheus's strutil.SanitizeLabelName: [^a-zA-Z0-9_] -> '_'.
std::string sanitize(const QString &name);
// Go's net.JoinHostPort.
std::string joinHostPort(const std::string &host, const std::string &port);
// An integer field as decimal text ("0" when absent, as Go's zero value).
std::string intText(const QJsonObject &o, const char *key);
// "<prefix><name>"=value and "<presentPrefix><name>"="true" for every entry
// of metadata.<field> (labels or annotations).
void addMapLabels(std::vector<model::Label> *ls, const QJsonObject &meta, const char *field, const std::string &prefix,
                  const std::string &presentPrefix);
// "<namespace>/<name>" (or "<name>" for cluster-scoped objects): the key
// objects are stored under.
std::string objectKey(const QJsonObject &object);

}  // namespace vigil::discovery::k8s
