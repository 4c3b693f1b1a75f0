#include "runtime/data_source.h"

#include "core/log.h"
#include "store/app_store.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <algorithm>

namespace vigil::runtime {

namespace {

const char *authName(DataSource::Auth a)
{
    switch (a) {
        case DataSource::Auth::Basic:
            return "basic";
        case DataSource::Auth::Bearer:
            return "bearer";
        case DataSource::Auth::None:
            break;
    }
    return "none";
}

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

}  // namespace

std::string DataSource::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("name")] = q(name);
    o[QStringLiteral("type")] = q(type);
    o[QStringLiteral("url")] = q(url);
    o[QStringLiteral("auth")] = QString::fromLatin1(authName(auth));
    if (!username.empty()) o[QStringLiteral("username")] = q(username);
    if (!secretRef.empty()) o[QStringLiteral("secretRef")] = q(secretRef);
    if (!caFile.empty()) o[QStringLiteral("caFile")] = q(caFile);
    if (!certFile.empty()) o[QStringLiteral("certFile")] = q(certFile);
    if (!keyFile.empty()) o[QStringLiteral("keyFile")] = q(keyFile);
    if (insecureSkipVerify) o[QStringLiteral("insecureSkipVerify")] = true;
    o[QStringLiteral("timeoutMs")] = double(timeoutMs);
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

Result<DataSource> DataSource::fromJson(const std::string &json)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &err);
    if (!doc.isObject()) return Status::invalidArgument("data source: not a JSON object: " + err.errorString().toStdString());
    const QJsonObject o = doc.object();
    auto str = [&](const char *k) { return o.value(QLatin1String(k)).toString().toStdString(); };
    DataSource d;
    d.name = str("name");
    d.type = o.contains(QStringLiteral("type")) ? str("type") : "prometheus";
    d.url = str("url");
    const std::string auth = str("auth");
    if (auth == "basic") d.auth = Auth::Basic;
    else if (auth == "bearer") d.auth = Auth::Bearer;
    else if (auth.empty() || auth == "none") d.auth = Auth::None;
    else return Status::invalidArgument("data source \"" + d.name + "\": unknown auth \"" + auth + "\"");
    d.username = str("username");
    d.secretRef = str("secretRef");
    d.caFile = str("caFile");
    d.certFile = str("certFile");
    d.keyFile = str("keyFile");
    d.insecureSkipVerify = o.value(QStringLiteral("insecureSkipVerify")).toBool();
    d.timeoutMs = int64_t(o.value(QStringLiteral("timeoutMs")).toDouble(60000));
    if (Status s = d.validate(); !s.isOk()) return s;
    return d;
}

Status DataSource::validate() const
{
    if (name.empty()) return Status::invalidArgument("data source: the name is empty");
    const QUrl u(QString::fromStdString(url), QUrl::StrictMode);
    if (!u.isValid() || (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https")) ||
        u.host().isEmpty()) {
        return Status::invalidArgument("data source \"" + name + "\": url must be http:// or https:// with a host");
    }
    if (auth == Auth::Basic && username.empty())
        return Status::invalidArgument("data source \"" + name + "\": basic auth needs a username");
    if (certFile.empty() != keyFile.empty())
        return Status::invalidArgument("data source \"" + name + "\": a client certificate needs both cert and key files");
    if (timeoutMs <= 0) return Status::invalidArgument("data source \"" + name + "\": timeout must be positive");
    return Status::ok();
}

RemoteEndpoint DataSource::endpoint(const std::string &secret) const
{
    RemoteEndpoint e;
    e.url = url;
    if (auth == Auth::Basic) {
        e.username = username;
        e.password = secret;
    } else if (auth == Auth::Bearer) {
        e.bearerToken = secret;
    }
    e.caFile = caFile;
    e.certFile = certFile;
    e.keyFile = keyFile;
    e.insecureSkipVerify = insecureSkipVerify;
    e.timeoutMs = timeoutMs;
    return e;
}

Result<std::vector<DataSource>> loadDataSources(store::AppStore &store)
{
    auto docs = store.documents(kDataSourceDocumentKind);
    if (!docs.isOk()) return docs.status();
    std::vector<DataSource> out;
    for (const auto &d : *docs) {
        auto s = DataSource::fromJson(d.json);
        if (!s.isOk()) {
            qCWarning(lcEngine).noquote() << "stored data source" << d.name.c_str() << "skipped:" << s.status().message().c_str();
            continue;
        }
        out.push_back(std::move(*s));
    }
    std::sort(out.begin(), out.end(), [](const DataSource &a, const DataSource &b) { return a.name < b.name; });
    return out;
}

Status saveDataSource(store::AppStore &store, const DataSource &source)
{
    VIGIL_RETURN_IF_ERROR(source.validate());
    store::StoredDocument doc;
    doc.name = source.name;
    doc.json = source.toJson();
    doc.updatedMs = QDateTime::currentMSecsSinceEpoch();
    return store.putDocument(kDataSourceDocumentKind, doc);
}

Status removeDataSource(store::AppStore &store, const std::string &name)
{
    return store.removeDocument(kDataSourceDocumentKind, name);
}

}  // namespace vigil::runtime
