// Builds the QNetworkRequest of one Remote-Write POST: the spec's headers,
// the config's extra headers, basic auth or an Authorization header (secret
// files read per request, as for scrapes) and tls_config for https.
#pragma once

#include "core/status.h"
#include "scrape/remote_write_config.h"

#include <QNetworkRequest>

namespace vigil::remote {

Result<QNetworkRequest> buildWriteRequest(const scrape::RemoteWriteConfig &cfg);

}  // namespace vigil::remote
