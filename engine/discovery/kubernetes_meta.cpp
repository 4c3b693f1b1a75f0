#include "discovery/kubernetes_meta.h"

namespace vigil::discovery::k8s {

std::string str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString().toStdString();
}

QJsonObject obj(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

std::string sanitize(const QString &name)
{
    std::string out = name.toStdString();
    for (char &c : out) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        if (!ok) c = '_';
    }
    return out;
}

std::string joinHostPort(const std::string &host, const std::string &port)
{
    if (host.find(':') != std::string::npos) return "[" + host + "]:" + port;
    return host + ":" + port;
}

std::string intText(const QJsonObject &o, const char *key)
{
    return std::to_string(o.value(QLatin1String(key)).toInteger());
}

void addMapLabels(std::vector<model::Label> *ls, const QJsonObject &meta, const char *field, const std::string &prefix,
                  const std::string &presentPrefix)
{
    const QJsonObject m = obj(meta, field);
    for (auto it = m.begin(); it != m.end(); ++it) {
        const std::string n = sanitize(it.key());
        ls->push_back({prefix + n, it.value().toString().toStdString()});
        ls->push_back({presentPrefix + n, "true"});
    }
}

std::string objectKey(const QJsonObject &object)
{
    const QJsonObject meta = obj(object, "metadata");
    const std::string ns = str(meta, "namespace");
    return ns.empty() ? str(meta, "name") : ns + "/" + str(meta, "name");
}

}  // namespace vigil::discovery::k8s
