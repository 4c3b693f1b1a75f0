#include "widgets/value_format.h"

#include <cmath>

namespace vigil::ui {

namespace {

// `v` with `precision` significant digits, no trailing zeros, no exponent.
QString number(double v, int precision)
{
    if (v == 0) return QStringLiteral("0");
    const int magnitude = int(std::floor(std::log10(std::fabs(v))));
    const int decimals = std::max(0, precision - 1 - magnitude);
    QString s = QString::number(v, 'f', std::min(decimals, 12));
    if (s.contains(QLatin1Char('.'))) {
        while (s.endsWith(QLatin1Char('0'))) s.chop(1);
        if (s.endsWith(QLatin1Char('.'))) s.chop(1);
    }
    return s == QLatin1String("-0") ? QStringLiteral("0") : s;
}

QString si(double v, int precision, const QString &unit)
{
    static const struct {
        double factor;
        const char *prefix;
    } kPrefixes[] = {{1e15, "P"}, {1e12, "T"}, {1e9, "G"}, {1e6, "M"}, {1e3, "k"}, {1, ""},
                     {1e-3, "m"}, {1e-6, "µ"}, {1e-9, "n"}};
    const double a = std::fabs(v);
    const char *prefix = "";
    double factor = 1;
    if (a >= 1000) {
        for (const auto &p : kPrefixes) {
            if (a >= p.factor) {
                factor = p.factor;
                prefix = p.prefix;
                break;
            }
        }
    } else if (a != 0 && a < 0.001) {
        for (const auto &p : kPrefixes) {
            if (p.factor < 1 && a >= p.factor) {
                factor = p.factor;
                prefix = p.prefix;
                break;
            }
        }
    }
    QString s = number(v / factor, precision) + QString::fromUtf8(prefix);
    if (!unit.isEmpty()) s += (*prefix ? QString() : QStringLiteral(" ")) + unit;
    return s;
}

}  // namespace

QString formatValue(double v, ValueUnit unit, int precision)
{
    if (std::isnan(v)) return QStringLiteral("NaN");
    if (std::isinf(v)) return v > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    switch (unit) {
    case ValueUnit::None: return si(v, precision, QString());
    case ValueUnit::Percent: return number(v, precision) + QLatin1Char('%');
    case ValueUnit::OpsPerSecond: {
        QString s = si(v, precision, QString());
        return s + QStringLiteral(" ops/s");
    }
    case ValueUnit::Bytes: {
        static const char *kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double a = std::fabs(v);
        int i = 0;
        while (a >= 1024 && i < 6) {
            a /= 1024;
            ++i;
        }
        return number(std::copysign(a, v), precision) + QLatin1Char(' ') + QString::fromLatin1(kUnits[i]);
    }
    case ValueUnit::Seconds: {
        const double a = std::fabs(v);
        if (a == 0) return QStringLiteral("0 s");
        if (a < 1e-6) return number(v * 1e9, precision) + QStringLiteral(" ns");
        if (a < 1e-3) return number(v * 1e6, precision) + QStringLiteral(" µs");
        if (a < 1) return number(v * 1e3, precision) + QStringLiteral(" ms");
        if (a < 60) return number(v, precision) + QStringLiteral(" s");
        if (a < 3600) return number(v / 60, precision) + QStringLiteral(" min");
        if (a < 86400) return number(v / 3600, precision) + QStringLiteral(" h");
        return number(v / 86400, precision) + QStringLiteral(" d");
    }
    }
    return number(v, precision);
}

QString unitName(ValueUnit u)
{
    switch (u) {
    case ValueUnit::None: return QStringLiteral("none");
    case ValueUnit::Percent: return QStringLiteral("percent");
    case ValueUnit::Bytes: return QStringLiteral("bytes");
    case ValueUnit::Seconds: return QStringLiteral("seconds");
    case ValueUnit::OpsPerSecond: return QStringLiteral("ops");
    }
    return QStringLiteral("none");
}

ValueUnit unitFromName(const QString &name, bool *ok)
{
    for (ValueUnit u : {ValueUnit::None, ValueUnit::Percent, ValueUnit::Bytes, ValueUnit::Seconds,
                        ValueUnit::OpsPerSecond}) {
        if (unitName(u) == name) {
            if (ok) *ok = true;
            return u;
        }
    }
    if (ok) *ok = false;
    return ValueUnit::None;
}

}  // namespace vigil::ui
