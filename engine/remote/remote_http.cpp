#include "remote/remote_http.h"

#include "remote/remote_write.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QUrl>

namespace vigil::remote {

namespace {
Result<QByteArray> readFile(const std::string &path, const char *what)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        return Status::failedPrecondition(std::string("unable to read ") + what + " " + path + ": " +
                                          f.errorString().toStdString());
    return f.readAll();
}

Status applyTls(const scrape::TlsConfig &tls, QNetworkRequest *req)
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    if (!tls.caFile.empty()) {
        auto pem = readFile(tls.caFile, "CA file");
        if (!pem.isOk()) return pem.status();
        const auto cas = QSslCertificate::fromData(pem.value(), QSsl::Pem);
        if (cas.isEmpty()) return Status::failedPrecondition("unable to use specified CA cert " + tls.caFile);
        ssl.setCaCertificates(cas);
    }
    if (!tls.certFile.empty()) {
        auto certPem = readFile(tls.certFile, "client certificate");
        if (!certPem.isOk()) return certPem.status();
        auto keyPem = readFile(tls.keyFile, "client key");
        if (!keyPem.isOk()) return keyPem.status();
        const auto certs = QSslCertificate::fromData(certPem.value(), QSsl::Pem);
        if (certs.isEmpty()) return Status::failedPrecondition("unable to use client certificate " + tls.certFile);
        QSslKey key(keyPem.value(), QSsl::Rsa, QSsl::Pem);
        if (key.isNull()) key = QSslKey(keyPem.value(), QSsl::Ec, QSsl::Pem);
        if (key.isNull()) return Status::failedPrecondition("unable to use client key " + tls.keyFile);
        ssl.setLocalCertificate(certs.first());
        ssl.setPrivateKey(key);
    }
    if (tls.insecureSkipVerify) ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    req->setSslConfiguration(ssl);
    if (!tls.serverName.empty()) req->setPeerVerifyName(QString::fromStdString(tls.serverName));
    return Status::ok();
}
}  // namespace

Result<QNetworkRequest> buildWriteRequest(const scrape::RemoteWriteConfig &cfg)
{
    QNetworkRequest req(QUrl(QString::fromStdString(cfg.url)));
    for (const auto &[k, v] : remoteWriteHeaders()) req.setRawHeader(QByteArray::fromStdString(k), QByteArray::fromStdString(v));
    for (const auto &[k, v] : cfg.headers) req.setRawHeader(QByteArray::fromStdString(k), QByteArray::fromStdString(v));
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    req.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, cfg.http.followRedirects
                                                                   ? QNetworkRequest::NoLessSafeRedirectPolicy
                                                                   : QNetworkRequest::ManualRedirectPolicy);
    req.setTransferTimeout(int(std::max<int64_t>(1, cfg.remoteTimeoutMs)));
    if (cfg.http.basicAuth) {
        QByteArray password = QByteArray::fromStdString(cfg.http.basicAuth->password);
        if (!cfg.http.basicAuth->passwordFile.empty()) {
            auto p = readFile(cfg.http.basicAuth->passwordFile, "password file");
            if (!p.isOk()) return p.status();
            password = p.value().trimmed();
        }
        req.setRawHeader("Authorization",
                         "Basic " + (QByteArray::fromStdString(cfg.http.basicAuth->username) + ':' + password).toBase64());
    } else if (cfg.http.authorization) {
        QByteArray cred = QByteArray::fromStdString(cfg.http.authorization->credentials);
        if (!cfg.http.authorization->credentialsFile.empty()) {
            auto c = readFile(cfg.http.authorization->credentialsFile, "credentials file");
            if (!c.isOk()) return c.status();
            cred = c.value().trimmed();
        }
        req.setRawHeader("Authorization", QByteArray::fromStdString(cfg.http.authorization->type) + ' ' + cred);
    }
    if (req.url().scheme() == QLatin1String("https")) VIGIL_RETURN_IF_ERROR(applyTls(cfg.http.tls, &req));
    return req;
}

}  // namespace vigil::remote
