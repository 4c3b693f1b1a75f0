// Go fmt behaviours that Prometheus's templates show to users: %v of a
// float64 (strconv 'g' shortest),
// %.4g as humanize() uses it, and printf with the common verbs.
//
// Thread safety: pure functions.
#pragma once

#include "rules/template_value.h"

#include <string>
#include <string_view>
#include <vector>

namespace vigil::rules {

// fmt.Sprint(float64): shortest round-trip digits, %e form when the exponent
// is < -4 or >= 6 ("1e+06", "1.234567e+06", "1e-05", "123456", "0.5", "+Inf").
std::string goFormatFloatV(double v);
// fmt.Sprintf("%.<prec>g", v) ("1.235e+04", "12.5", "NaN", "+Inf").
std::string goFormatFloatG(double v, int prec);

// fmt.Sprintf(format, args...) for the verbs %v %s %d %f %F %e %E %g %G %q %x
// %X %t %% with flags - + 0 space #, width and precision (numbers or *).
// A wrong type prints as Go does ("%!d(string=x)"), missing operands as
// "%!d(MISSING)", extra ones as "%!(EXTRA float64=1)".
std::string goSprintf(std::string_view format, const std::vector<TemplateValue> &args);

// Go's strconv.Quote.
std::string goQuoteString(std::string_view s);

}  // namespace vigil::rules

namespace vigil::rules {
// strconv.FormatFloat(v, 'e', -1, 64): "1e+00", "2.5e+00", "NaN", "+Inf"
// (how Prometheus's API prints an alert's value).
std::string goFormatFloatE(double v);
}  // namespace vigil::rules
