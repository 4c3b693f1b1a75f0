// The scrape layer's names for the shared HTTP client settings
// (net/http_client_config.h), used by scrape, remote write and notify.
#pragma once

#include "net/http_client_config.h"

namespace vigil::scrape {

using net::Authorization;
using net::BasicAuth;
using net::HttpClientConfig;
using net::TlsConfig;

}  // namespace vigil::scrape
