#include "web/web_tls.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

namespace vigil::web {

namespace {

Result<QByteArray> readFile(const std::string &path, const char *field)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly)) {
        return Status::invalidArgument(std::string("tls_server_config.") + field + ": cannot read " + path +
                                       ": " + f.errorString().toStdString());
    }
    return f.readAll();
}

}  // namespace

Result<QSslConfiguration> makeServerTlsConfiguration(const TlsServerConfig &tls)
{
    if (!QSslSocket::supportsSsl())
        return Status::unavailable("TLS is not available (Qt found no OpenSSL backend)");
    auto certPem = readFile(tls.certFile, "cert_file");
    if (!certPem.isOk()) return certPem.status();
    const QList<QSslCertificate> chain = QSslCertificate::fromData(*certPem, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull())
        return Status::invalidArgument("tls_server_config.cert_file: no PEM certificate in " + tls.certFile);

    auto keyPem = readFile(tls.keyFile, "key_file");
    if (!keyPem.isOk()) return keyPem.status();
    QSslKey key;
    for (QSsl::KeyAlgorithm alg : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(*keyPem, alg, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull()) break;
    }
    if (key.isNull())
        return Status::invalidArgument("tls_server_config.key_file: no unencrypted PEM private key in " +
                                       tls.keyFile);
    if (key.algorithm() != chain.first().publicKey().algorithm())
        return Status::invalidArgument(
            "tls_server_config.key_file: the key's algorithm does not match cert_file's");

    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setLocalCertificateChain(chain);
    c.setPrivateKey(key);
    if (tls.minVersion == 13)
        c.setProtocol(QSsl::TlsV1_3OrLater);
    else if (tls.maxVersion == 12)
        c.setProtocol(QSsl::TlsV1_2);
    else
        c.setProtocol(QSsl::TlsV1_2OrLater);

    using CA = TlsServerConfig::ClientAuth;
    if (!tls.clientCaFile.empty()) {
        auto caPem = readFile(tls.clientCaFile, "client_ca_file");
        if (!caPem.isOk()) return caPem.status();
        const QList<QSslCertificate> cas = QSslCertificate::fromData(*caPem, QSsl::Pem);
        if (cas.isEmpty())
            return Status::invalidArgument("tls_server_config.client_ca_file: no PEM certificate in " +
                                           tls.clientCaFile);
        // Only these CAs are trusted for client certificates, not the system's.
        c.setCaCertificates(cas);
    }
    switch (tls.clientAuth) {
        case CA::NoClientCert:
            c.setPeerVerifyMode(QSslSocket::VerifyNone);
            break;
        case CA::RequestClientCert:
            c.setPeerVerifyMode(QSslSocket::QueryPeer);
            break;
        // Verified by Qt; errors are then filtered by tolerableClientCertErrors().
        case CA::RequireAnyClientCert:
        case CA::VerifyClientCertIfGiven:
        case CA::RequireAndVerifyClientCert:
            c.setPeerVerifyMode(QSslSocket::VerifyPeer);
            break;
    }
    return c;
}

QList<QSslError> tolerableClientCertErrors(TlsServerConfig::ClientAuth auth, const QList<QSslError> &errors)
{
    QList<QSslError> out;
    for (const QSslError &e : errors) {
        const bool missing = e.error() == QSslError::NoPeerCertificate;
        if ((auth == TlsServerConfig::ClientAuth::RequireAnyClientCert && !missing) ||
            (auth == TlsServerConfig::ClientAuth::VerifyClientCertIfGiven && missing)) {
            out.append(e);
        }
    }
    return out;
}

}  // namespace vigil::web
