#include "editor/promql_docs.h"

#include "promql/function.h"

#include <QCoreApplication>
#include <QHash>

namespace vigil::ui {

namespace {


const QHash<QString, const char *> &docs()
{
    static const QHash<QString, const char *> table = {
        {QStringLiteral("abs"), QT_TRANSLATE_NOOP("PromqlDocs", "Absolute value of every sample.")},
        {QStringLiteral("ceil"), QT_TRANSLATE_NOOP("PromqlDocs", "Rounds every sample up to the nearest integer.")},
        {QStringLiteral("floor"), QT_TRANSLATE_NOOP("PromqlDocs", "Rounds every sample down to the nearest integer.")},
        {QStringLiteral("exp"), QT_TRANSLATE_NOOP("PromqlDocs", "e raised to the power of every sample.")},
        {QStringLiteral("sqrt"), QT_TRANSLATE_NOOP("PromqlDocs", "Square root of every sample.")},
        {QStringLiteral("ln"), QT_TRANSLATE_NOOP("PromqlDocs", "Natural logarithm of every sample.")},
        {QStringLiteral("log2"), QT_TRANSLATE_NOOP("PromqlDocs", "Binary logarithm of every sample.")},
        {QStringLiteral("log10"), QT_TRANSLATE_NOOP("PromqlDocs", "Decimal logarithm of every sample.")},
        {QStringLiteral("sgn"), QT_TRANSLATE_NOOP("PromqlDocs", "Sign of every sample: 1, -1 or 0.")},
        {QStringLiteral("round"), QT_TRANSLATE_NOOP("PromqlDocs", "Rounds every sample to the nearest multiple of to_nearest (default 1).")},
        {QStringLiteral("clamp"), QT_TRANSLATE_NOOP("PromqlDocs", "Limits every sample to the range [min, max].")},
        {QStringLiteral("clamp_max"), QT_TRANSLATE_NOOP("PromqlDocs", "Limits every sample to at most max.")},
        {QStringLiteral("clamp_min"), QT_TRANSLATE_NOOP("PromqlDocs", "Limits every sample to at least min.")},
        {QStringLiteral("deg"), QT_TRANSLATE_NOOP("PromqlDocs", "Converts radians to degrees.")},
        {QStringLiteral("rad"), QT_TRANSLATE_NOOP("PromqlDocs", "Converts degrees to radians.")},
        {QStringLiteral("acos"), QT_TRANSLATE_NOOP("PromqlDocs", "Arc cosine of every sample.")},
        {QStringLiteral("acosh"), QT_TRANSLATE_NOOP("PromqlDocs", "Inverse hyperbolic cosine of every sample.")},
        {QStringLiteral("asin"), QT_TRANSLATE_NOOP("PromqlDocs", "Arc sine of every sample.")},
        {QStringLiteral("asinh"), QT_TRANSLATE_NOOP("PromqlDocs", "Inverse hyperbolic sine of every sample.")},
        {QStringLiteral("atan"), QT_TRANSLATE_NOOP("PromqlDocs", "Arc tangent of every sample.")},
        {QStringLiteral("atanh"), QT_TRANSLATE_NOOP("PromqlDocs", "Inverse hyperbolic tangent of every sample.")},
        {QStringLiteral("cos"), QT_TRANSLATE_NOOP("PromqlDocs", "Cosine of every sample.")},
        {QStringLiteral("cosh"), QT_TRANSLATE_NOOP("PromqlDocs", "Hyperbolic cosine of every sample.")},
        {QStringLiteral("sin"), QT_TRANSLATE_NOOP("PromqlDocs", "Sine of every sample.")},
        {QStringLiteral("sinh"), QT_TRANSLATE_NOOP("PromqlDocs", "Hyperbolic sine of every sample.")},
        {QStringLiteral("tan"), QT_TRANSLATE_NOOP("PromqlDocs", "Tangent of every sample.")},
        {QStringLiteral("tanh"), QT_TRANSLATE_NOOP("PromqlDocs", "Hyperbolic tangent of every sample.")},
        {QStringLiteral("pi"), QT_TRANSLATE_NOOP("PromqlDocs", "The number π.")},
        {QStringLiteral("min_of"), QT_TRANSLATE_NOOP("PromqlDocs", "The smallest of the given scalars (experimental).")},
        {QStringLiteral("max_of"), QT_TRANSLATE_NOOP("PromqlDocs", "The largest of the given scalars (experimental).")},
        {QStringLiteral("scalar"), QT_TRANSLATE_NOOP("PromqlDocs", "The value of a one-element vector as a scalar; NaN otherwise.")},
        {QStringLiteral("vector"), QT_TRANSLATE_NOOP("PromqlDocs", "A vector with one series without labels holding the scalar.")},
        {QStringLiteral("time"), QT_TRANSLATE_NOOP("PromqlDocs", "Evaluation time in seconds since the epoch.")},
        {QStringLiteral("timestamp"), QT_TRANSLATE_NOOP("PromqlDocs", "Timestamp of every sample in seconds since the epoch.")},
        {QStringLiteral("absent"), QT_TRANSLATE_NOOP("PromqlDocs", "1 when the vector has no elements, nothing otherwise (for alerts on missing series).")},
        {QStringLiteral("sort"), QT_TRANSLATE_NOOP("PromqlDocs", "Sorts the vector by sample value, ascending.")},
        {QStringLiteral("sort_desc"), QT_TRANSLATE_NOOP("PromqlDocs", "Sorts the vector by sample value, descending.")},
        {QStringLiteral("sort_by_label"), QT_TRANSLATE_NOOP("PromqlDocs", "Sorts the vector by the given labels, ascending (experimental).")},
        {QStringLiteral("sort_by_label_desc"), QT_TRANSLATE_NOOP("PromqlDocs", "Sorts the vector by the given labels, descending (experimental).")},
        {QStringLiteral("label_replace"), QT_TRANSLATE_NOOP("PromqlDocs", "Writes a regex replacement of a source label into a destination label.")},
        {QStringLiteral("label_join"), QT_TRANSLATE_NOOP("PromqlDocs", "Joins the values of source labels with a separator into a destination label.")},
        {QStringLiteral("days_in_month"), QT_TRANSLATE_NOOP("PromqlDocs", "Number of days in the month of every timestamp (UTC).")},
        {QStringLiteral("day_of_month"), QT_TRANSLATE_NOOP("PromqlDocs", "Day of the month (1–31) of every timestamp (UTC).")},
        {QStringLiteral("day_of_week"), QT_TRANSLATE_NOOP("PromqlDocs", "Day of the week (0 = Sunday) of every timestamp (UTC).")},
        {QStringLiteral("day_of_year"), QT_TRANSLATE_NOOP("PromqlDocs", "Day of the year (1–366) of every timestamp (UTC).")},
        {QStringLiteral("hour"), QT_TRANSLATE_NOOP("PromqlDocs", "Hour of the day (0–23) of every timestamp (UTC).")},
        {QStringLiteral("minute"), QT_TRANSLATE_NOOP("PromqlDocs", "Minute of the hour (0–59) of every timestamp (UTC).")},
        {QStringLiteral("month"), QT_TRANSLATE_NOOP("PromqlDocs", "Month of the year (1–12) of every timestamp (UTC).")},
        {QStringLiteral("year"), QT_TRANSLATE_NOOP("PromqlDocs", "Year of every timestamp (UTC).")},
        {QStringLiteral("absent_over_time"), QT_TRANSLATE_NOOP("PromqlDocs", "1 when the range has no samples, nothing otherwise.")},
        {QStringLiteral("avg_over_time"), QT_TRANSLATE_NOOP("PromqlDocs", "Average of the samples in the range.")},
        {QStringLiteral("count_over_time"), QT_TRANSLATE_NOOP("PromqlDocs", "Number of samples in the range.")},
        {QStringLiteral("last_over_time"), QT_TRANSLATE_NOOP("PromqlDocs", "The newest sample in the range.")},
        {QStringLiteral("max_over_time"), QT_TRANSLATE_NOOP("PromqlDocs", "Largest sample in the range.")},
        {QStringLiteral("min_over_time"), QT_TRANSLATE_NOOP("PromqlDocs", "Smallest sample in the range.")},
        {QStringLiteral("present_over_time"), QT_TRANSLATE_NOOP("PromqlDocs", "1 for every series with a sample in the range.")},
        {QStringLiteral("quantile_over_time"), QT_TRANSLATE_NOOP("PromqlDocs", "φ-quantile (0 ≤ φ ≤ 1) of the samples in the range.")},
        {QStringLiteral("stddev_over_time"), QT_TRANSLATE_NOOP("PromqlDocs", "Population standard deviation of the samples in the range.")},
        {QStringLiteral("stdvar_over_time"), QT_TRANSLATE_NOOP("PromqlDocs", "Population variance of the samples in the range.")},
        {QStringLiteral("sum_over_time"), QT_TRANSLATE_NOOP("PromqlDocs", "Sum of the samples in the range.")},
        {QStringLiteral("mad_over_time"), QT_TRANSLATE_NOOP("PromqlDocs", "Median absolute deviation of the samples in the range (experimental).")},
        {QStringLiteral("first_over_time"), QT_TRANSLATE_NOOP("PromqlDocs", "The oldest sample in the range (experimental).")},
        {QStringLiteral("ts_of_first_over_time"), QT_TRANSLATE_NOOP("PromqlDocs", "Timestamp of the oldest sample in the range (experimental).")},
        {QStringLiteral("ts_of_last_over_time"), QT_TRANSLATE_NOOP("PromqlDocs", "Timestamp of the newest sample in the range (experimental).")},
        {QStringLiteral("ts_of_max_over_time"), QT_TRANSLATE_NOOP("PromqlDocs", "Timestamp of the largest sample in the range (experimental).")},
        {QStringLiteral("ts_of_min_over_time"), QT_TRANSLATE_NOOP("PromqlDocs", "Timestamp of the smallest sample in the range (experimental).")},
        {QStringLiteral("changes"), QT_TRANSLATE_NOOP("PromqlDocs", "Number of times the value changed within the range.")},
        {QStringLiteral("resets"), QT_TRANSLATE_NOOP("PromqlDocs", "Number of counter resets within the range.")},
        {QStringLiteral("delta"), QT_TRANSLATE_NOOP("PromqlDocs", "Difference between the first and last value of a gauge over the range, extrapolated.")},
        {QStringLiteral("deriv"), QT_TRANSLATE_NOOP("PromqlDocs", "Per-second derivative of a gauge by simple linear regression.")},
        {QStringLiteral("idelta"), QT_TRANSLATE_NOOP("PromqlDocs", "Difference between the last two samples in the range.")},
        {QStringLiteral("increase"), QT_TRANSLATE_NOOP("PromqlDocs", "Increase of a counter over the range, corrected for resets and extrapolated.")},
        {QStringLiteral("irate"), QT_TRANSLATE_NOOP("PromqlDocs", "Per-second rate of a counter from the last two samples in the range.")},
        {QStringLiteral("rate"), QT_TRANSLATE_NOOP("PromqlDocs", "Average per-second rate of increase of a counter over the range.")},
        {QStringLiteral("predict_linear"), QT_TRANSLATE_NOOP("PromqlDocs", "Predicts the value t seconds from now by linear regression.")},
        {QStringLiteral("double_exponential_smoothing"), QT_TRANSLATE_NOOP("PromqlDocs", "Smoothed value of a gauge (Holt's linear method, experimental).")},
        {QStringLiteral("integral"), QT_TRANSLATE_NOOP("PromqlDocs", "Integral of a gauge over the range, in value·seconds (experimental).")},
        {QStringLiteral("histogram_quantile"), QT_TRANSLATE_NOOP("PromqlDocs", "φ-quantile from the buckets of a classic or native histogram.")},
        {QStringLiteral("histogram_fraction"), QT_TRANSLATE_NOOP("PromqlDocs", "Fraction of observations between two bounds of a native histogram.")},
        {QStringLiteral("histogram_quantiles"), QT_TRANSLATE_NOOP("PromqlDocs", "Several quantiles of a histogram at once (experimental).")},
        {QStringLiteral("histogram_avg"), QT_TRANSLATE_NOOP("PromqlDocs", "Average of the observations of a native histogram.")},
        {QStringLiteral("histogram_count"), QT_TRANSLATE_NOOP("PromqlDocs", "Number of observations of a native histogram.")},
        {QStringLiteral("histogram_sum"), QT_TRANSLATE_NOOP("PromqlDocs", "Sum of the observations of a native histogram.")},
        {QStringLiteral("histogram_stddev"), QT_TRANSLATE_NOOP("PromqlDocs", "Estimated standard deviation of a native histogram's observations.")},
        {QStringLiteral("histogram_stdvar"), QT_TRANSLATE_NOOP("PromqlDocs", "Estimated variance of a native histogram's observations.")},
        {QStringLiteral("info"), QT_TRANSLATE_NOOP("PromqlDocs", "Adds the labels of matching info metrics (target_info) to every series (experimental).")},
        {QStringLiteral("start"), QT_TRANSLATE_NOOP("PromqlDocs", "Start of the query range (inside @ only).")},
        {QStringLiteral("end"), QT_TRANSLATE_NOOP("PromqlDocs", "End of the query range (inside @ only).")},
        {QStringLiteral("range"), QT_TRANSLATE_NOOP("PromqlDocs", "Length of the query range in seconds (experimental).")},
        {QStringLiteral("step"), QT_TRANSLATE_NOOP("PromqlDocs", "Query step in seconds (experimental).")},
        // Aggregation operators.
        {QStringLiteral("sum"), QT_TRANSLATE_NOOP("PromqlDocs", "Sum over dimensions.")},
        {QStringLiteral("avg"), QT_TRANSLATE_NOOP("PromqlDocs", "Average over dimensions.")},
        {QStringLiteral("min"), QT_TRANSLATE_NOOP("PromqlDocs", "Minimum over dimensions.")},
        {QStringLiteral("max"), QT_TRANSLATE_NOOP("PromqlDocs", "Maximum over dimensions.")},
        {QStringLiteral("count"), QT_TRANSLATE_NOOP("PromqlDocs", "Number of elements in the vector.")},
        {QStringLiteral("group"), QT_TRANSLATE_NOOP("PromqlDocs", "1 for every group (all values become 1).")},
        {QStringLiteral("stddev"), QT_TRANSLATE_NOOP("PromqlDocs", "Population standard deviation over dimensions.")},
        {QStringLiteral("stdvar"), QT_TRANSLATE_NOOP("PromqlDocs", "Population variance over dimensions.")},
        {QStringLiteral("topk"), QT_TRANSLATE_NOOP("PromqlDocs", "The k largest elements by sample value.")},
        {QStringLiteral("bottomk"), QT_TRANSLATE_NOOP("PromqlDocs", "The k smallest elements by sample value.")},
        {QStringLiteral("count_values"), QT_TRANSLATE_NOOP("PromqlDocs", "Number of elements with the same value, the value in the given label.")},
        {QStringLiteral("quantile"), QT_TRANSLATE_NOOP("PromqlDocs", "φ-quantile (0 ≤ φ ≤ 1) over dimensions.")},
        {QStringLiteral("limitk"), QT_TRANSLATE_NOOP("PromqlDocs", "k elements of each group, chosen deterministically (experimental).")},
        {QStringLiteral("limit_ratio"), QT_TRANSLATE_NOOP("PromqlDocs", "A deterministic sample of about the given ratio of elements (experimental).")},
    };
    return table;
}


const char *aggregationParam(const QString &name)
{
    if (name == QLatin1String("topk") || name == QLatin1String("bottomk") || name == QLatin1String("limitk"))
        return "k, ";
    if (name == QLatin1String("quantile")) return "φ, ";
    if (name == QLatin1String("count_values")) return "\"label\", ";
    if (name == QLatin1String("limit_ratio")) return "ratio, ";
    return "";
}

}  // namespace

QString promqlDoc(const QString &name)
{
    const char *d = docs().value(name, nullptr);
    return d ? QCoreApplication::translate("PromqlDocs", d) : QString();
}

QString promqlSignature(const QString &name)
{
    const std::string n = name.toStdString();
    if (const promql::Function *f = promql::findFunction(n)) {
        QStringList args;
        for (size_t i = 0; i < f->argTypes.size(); ++i) {
            QString a = QString::fromLatin1(promql::documentedTypeName(f->argTypes[i]));
            if (f->variadic != 0 && i + 1 == f->argTypes.size()) a += QStringLiteral("…");
            args << a;
        }
        return QStringLiteral("%1(%2) → %3")
            .arg(name, args.join(QStringLiteral(", ")), QString::fromLatin1(promql::documentedTypeName(f->returnType)));
    }
    if (docs().contains(name)) {
        return QStringLiteral("%1 by (labels) (%2instant vector) → instant vector").arg(name, QString::fromLatin1(aggregationParam(name)));
    }
    return {};
}

}  // namespace vigil::ui
