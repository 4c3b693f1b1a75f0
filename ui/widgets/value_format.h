// Units of a panel's y axis and the human formatting of values in them:
//   Percent  0..100 scale: "85.2%"
//   Bytes    binary prefixes: "1.5 GiB", "512 B"
//   Seconds  "250 ms", "1.5 s", "2.5 min", "3 h", "2 d", "12 µs"
//   OpsPerSecond  SI prefixes: "1.2k ops/s", "3.4M ops/s"
//   None     SI prefixes without unit: "1.2k", "0.05", "3M"
// NaN prints "NaN", infinities "+Inf"/"-Inf". At most `precision` significant
// digits, trailing zeros dropped. Pure functions; strings are not translated
// (units are international symbols).
#pragma once

#include <QString>

namespace vigil::ui {

enum class ValueUnit { None, Percent, Bytes, Seconds, OpsPerSecond };

QString formatValue(double v, ValueUnit unit, int precision = 3);

// Stable names for JSON ("none", "percent", "bytes", "seconds", "ops"); unknown names give None.
QString unitName(ValueUnit u);
ValueUnit unitFromName(const QString &name, bool *ok = nullptr);

}  // namespace vigil::ui
