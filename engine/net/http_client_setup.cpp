#include "net/http_client_setup.h"

#include <QFile>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QUrl>

namespace vigil::net {

namespace {

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
        Result<QByteArray> ca = readFile(tls.caFile, "CA file");
        if (!ca) return ca.status();
        if (addTlsPem({.ca = *ca}, &ssl) != TlsPemError::None)
            return Status::failedPrecondition("unable to use specified CA cert " + tls.caFile);
    }
    if (!tls.certFile.empty()) {
        Result<QByteArray> cert = readFile(tls.certFile, "client certificate");
        if (!cert) return cert.status();
        Result<QByteArray> key = readFile(tls.keyFile, "client key");
        if (!key) return key.status();
        switch (addTlsPem({.cert = *cert, .key = *key}, &ssl)) {
        case TlsPemError::None: break;
        case TlsPemError::Ca:  // not given
        case TlsPemError::Cert: return Status::failedPrecondition("unable to use client certificate " + tls.certFile);
        case TlsPemError::Key: return Status::failedPrecondition("unable to use client key " + tls.keyFile);
        }
    }
    if (tls.insecureSkipVerify) ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    ssl.setSslOption(QSsl::SslOptionDisableSessionSharing, true);
    ssl.setSslOption(QSsl::SslOptionDisableSessionPersistence, true);
    ssl.setSslOption(QSsl::SslOptionDisableSessionTickets, true);
    req->setSslConfiguration(ssl);
    if (!tls.serverName.empty()) req->setPeerVerifyName(QString::fromStdString(tls.serverName));
    return Status::ok();
}

}  // namespace

TlsPemError addTlsPem(const TlsPem &pem, QSslConfiguration *ssl)
{
    if (pem.ca) {
        const QList<QSslCertificate> cas = QSslCertificate::fromData(*pem.ca, QSsl::Pem);
        if (cas.isEmpty()) return TlsPemError::Ca;
        ssl->setCaCertificates(cas);
    }
    if (pem.cert) {
        const QList<QSslCertificate> certs = QSslCertificate::fromData(*pem.cert, QSsl::Pem);
        if (certs.isEmpty()) return TlsPemError::Cert;
        QSslKey key(pem.key, QSsl::Rsa, QSsl::Pem);
        if (key.isNull()) key = QSslKey(pem.key, QSsl::Ec, QSsl::Pem);
        if (key.isNull()) return TlsPemError::Key;
        ssl->setLocalCertificate(certs.first());
        if (certs.size() > 1) ssl->setLocalCertificateChain(certs);
        ssl->setPrivateKey(key);
    }
    return TlsPemError::None;
}

Result<QByteArray> readSecretFile(const std::string &path)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        return Status::failedPrecondition("unable to read file " + path + ": " + f.errorString().toStdString());
    return f.readAll().trimmed();
}

Status applyHttpClientConfig(const HttpClientConfig &cfg, QNetworkRequest *req)
{
    req->setAttribute(QNetworkRequest::RedirectPolicyAttribute, cfg.followRedirects
                                                                     ? QNetworkRequest::NoLessSafeRedirectPolicy
                                                                     : QNetworkRequest::ManualRedirectPolicy);
    if (cfg.basicAuth) {
        QByteArray password = QByteArray::fromStdString(cfg.basicAuth->password);
        if (!cfg.basicAuth->passwordFile.empty()) {
            Result<QByteArray> p = readSecretFile(cfg.basicAuth->passwordFile);
            if (!p) return p.status();
            password = *p;
        }
        const QByteArray cred = QByteArray::fromStdString(cfg.basicAuth->username) + ':' + password;
        req->setRawHeader("Authorization", "Basic " + cred.toBase64());
    } else if (cfg.authorization) {
        QByteArray cred = QByteArray::fromStdString(cfg.authorization->credentials);
        if (!cfg.authorization->credentialsFile.empty()) {
            Result<QByteArray> c = readSecretFile(cfg.authorization->credentialsFile);
            if (!c) return c.status();
            cred = *c;
        }
        req->setRawHeader("Authorization", QByteArray::fromStdString(cfg.authorization->type) + ' ' + cred);
    }
    if (req->url().scheme() == QLatin1String("https")) return applyTls(cfg.tls, req);
    return Status::ok();
}

void allowInsecureTls(const HttpClientConfig &cfg, QNetworkReply *reply)
{
    if (!cfg.tls.insecureSkipVerify || !reply) return;
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError> &) {
        reply->ignoreSslErrors();
    });
}

}  // namespace vigil::net
