// Go strconv behaviours that PromQL's text forms depend on.
//
// Prometheus prints numbers with strconv.FormatFloat(f, 'f', -1, 64), quotes
// strings with strconv.Quote and reads string literals with Go escape rules.
// These helpers reproduce those rules so query text round-trips identically.
//
// Thread safety: pure functions.
#pragma once

#include "core/status.h"

#include <string>
#include <string_view>

namespace vigil::promql {

// strconv.FormatFloat(f, 'f', -1, 64): shortest decimal that round-trips, never
// an exponent ("100000000000000000000", "0.0000002"); "+Inf", "-Inf", "NaN".
std::string formatFloat(double f);

// Decodes one UTF-8 sequence at s[i] (i < s.size()); returns the rune and sets
// `len` to its length, or returns -1 with len = 1 for an invalid, overlong,
// surrogate or truncated sequence.
int32_t decodeUtf8Rune(std::string_view s, size_t i, size_t &len);

// strconv.Quote: double-quoted, with \a \b \f \n \r \t \v \\ \" escapes, \xNN
// for other control bytes and invalid UTF-8, \u/\U for non-printable runes.
std::string goQuote(std::string_view s);

// Resolves a quoted PromQL string literal including its quotes: "..." and '...'
// with Go escapes (\n, \x41, \101, \u00e9, \U0001F600, \\, and the own quote),
// or `...` verbatim (carriage returns dropped). InvalidArgument on a bad escape.
Result<std::string> unquote(std::string_view quoted);

// Prometheus's number(): strconv.ParseInt(s, 0, 64) (0x/0o/0b prefixes,
// leading-0 octal, '_' separators), else strconv.ParseFloat (decimals,
// exponents, hex floats, Inf, NaN). InvalidArgument with Go's wording on failure.
Result<double> parseNumber(std::string_view s);

}  // namespace vigil::promql
