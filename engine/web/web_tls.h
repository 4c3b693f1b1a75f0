// The server side of tls_server_config (web/web_config.h) in Qt terms.
//
// makeServerTlsConfiguration() reads the certificate chain, private key and
// client CA files (PEM) and maps client_auth_type and min/max_version onto a
// QSslConfiguration. Errors name the field and the file. What Qt's peer
// verification modes cannot express directly (RequireAnyClientCert,
// VerifyClientCertIfGiven) is finished per connection by
// filterClientCertErrors(), connected to QSslServer::sslErrors.
#pragma once

#include "core/status.h"
#include "web/web_config.h"

#include <QList>
#include <QSslConfiguration>
#include <QSslError>

namespace vigil::web {

Result<QSslConfiguration> makeServerTlsConfiguration(const TlsServerConfig &tls);

// The handshake errors that `auth` tolerates: for RequireAnyClientCert every
// verification error except a missing certificate, for
// VerifyClientCertIfGiven only a missing certificate; none otherwise.
QList<QSslError> tolerableClientCertErrors(TlsServerConfig::ClientAuth auth, const QList<QSslError> &errors);

}  // namespace vigil::web
