// `vigil query instant|range|series|labels --url URL ...`: Prometheus's HTTP
// API from the command line, modelled on `promtool query` (same defaults:
// instant at now; range over the last 5 minutes with a step of
// max(floor(span/250), 1 s)). Works against Vigil and Prometheus alike.
//
//   vigil query instant --url URL [--time=T] EXPR
//   vigil query range   --url URL [--start=T] [--end=T] [--step=DURATION] EXPR
//   vigil query series  --url URL --match=SELECTOR... [--start=T] [--end=T]
//   vigil query labels  --url URL [--match=SELECTOR...] [--start=T] [--end=T] NAME
// Common flags: --format=table|json (default table), --timeout=DURATION
// (default 1m), --header="Name: value" (repeatable). Times: RFC 3339 or Unix
// seconds. Credentials in the URL (http://user:pass@host:9090) are sent as
// basic auth.
//
// Output: a table (column headers, one row per sample/series/value) or, with
// --format=json, the response's "data" as JSON on one line. Warnings go to
// stderr.
//
// Exit codes: 0 success; 1 the server answered with an error (API error such
// as bad_data/execution, or any HTTP error status, e.g. 401); 2 usage error
// or no answer (connection refused, TLS failure, timeout, not JSON).
#pragma once

#include <string>
#include <vector>

int runQuery(const std::string &kind, const std::vector<std::string> &args);
