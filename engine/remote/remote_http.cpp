#include "remote/remote_http.h"

#include "net/http_client_setup.h"
#include "remote/remote_write.h"

#include <QUrl>

#include <algorithm>

namespace vigil::remote {

Result<QNetworkRequest> buildWriteRequest(const scrape::RemoteWriteConfig &cfg)
{
    QNetworkRequest req(QUrl(QString::fromStdString(cfg.url)));
    for (const auto &[k, v] : remoteWriteHeaders()) req.setRawHeader(QByteArray::fromStdString(k), QByteArray::fromStdString(v));
    for (const auto &[k, v] : cfg.headers) req.setRawHeader(QByteArray::fromStdString(k), QByteArray::fromStdString(v));
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    req.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    req.setTransferTimeout(int(std::max<int64_t>(1, cfg.remoteTimeoutMs)));
    VIGIL_RETURN_IF_ERROR(net::applyHttpClientConfig(cfg.http, &req));
    return req;
}

}  // namespace vigil::remote
