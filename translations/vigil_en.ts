<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>PanelConfig</name>
    <message>
        <source>panel: "%1" %2</source>
        <translation>panel: "%1" %2</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>must be a string</translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation>must be an array</translation>
    </message>
    <message>
        <source>must hold objects</source>
        <translation>must hold objects</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>must be an object</translation>
    </message>
    <message>
        <source>must be a positive number of seconds</source>
        <translation>must be a positive number of seconds</translation>
    </message>
    <message>
        <source>needs "last" or "from" &lt; "to" (ms)</source>
        <translation>needs "last" or "from" &lt; "to" (ms)</translation>
    </message>
    <message>
        <source>must be a number of seconds &gt;= 0</source>
        <translation>must be a number of seconds &gt;= 0</translation>
    </message>
    <message>
        <source>must be lines, stacked, bars or points</source>
        <translation>must be lines, stacked, bars or points</translation>
    </message>
    <message>
        <source>must be none, percent, bytes, seconds or ops</source>
        <translation>must be none, percent, bytes, seconds or ops</translation>
    </message>
    <message>
        <source>entries need a number "value" and a "color"</source>
        <translation>entries need a number "value" and a "color"</translation>
    </message>
</context>
<context>
    <name>PromqlDocs</name>
    <message>
        <source>Absolute value of every sample.</source>
        <translation>Absolute value of every sample.</translation>
    </message>
    <message>
        <source>Rounds every sample up to the nearest integer.</source>
        <translation>Rounds every sample up to the nearest integer.</translation>
    </message>
    <message>
        <source>Rounds every sample down to the nearest integer.</source>
        <translation>Rounds every sample down to the nearest integer.</translation>
    </message>
    <message>
        <source>e raised to the power of every sample.</source>
        <translation>e raised to the power of every sample.</translation>
    </message>
    <message>
        <source>Square root of every sample.</source>
        <translation>Square root of every sample.</translation>
    </message>
    <message>
        <source>Natural logarithm of every sample.</source>
        <translation>Natural logarithm of every sample.</translation>
    </message>
    <message>
        <source>Binary logarithm of every sample.</source>
        <translation>Binary logarithm of every sample.</translation>
    </message>
    <message>
        <source>Decimal logarithm of every sample.</source>
        <translation>Decimal logarithm of every sample.</translation>
    </message>
    <message>
        <source>Sign of every sample: 1, -1 or 0.</source>
        <translation>Sign of every sample: 1, -1 or 0.</translation>
    </message>
    <message>
        <source>Rounds every sample to the nearest multiple of to_nearest (default 1).</source>
        <translation>Rounds every sample to the nearest multiple of to_nearest (default 1).</translation>
    </message>
    <message>
        <source>Limits every sample to the range [min, max].</source>
        <translation>Limits every sample to the range [min, max].</translation>
    </message>
    <message>
        <source>Limits every sample to at most max.</source>
        <translation>Limits every sample to at most max.</translation>
    </message>
    <message>
        <source>Limits every sample to at least min.</source>
        <translation>Limits every sample to at least min.</translation>
    </message>
    <message>
        <source>Converts radians to degrees.</source>
        <translation>Converts radians to degrees.</translation>
    </message>
    <message>
        <source>Converts degrees to radians.</source>
        <translation>Converts degrees to radians.</translation>
    </message>
    <message>
        <source>Arc cosine of every sample.</source>
        <translation>Arc cosine of every sample.</translation>
    </message>
    <message>
        <source>Inverse hyperbolic cosine of every sample.</source>
        <translation>Inverse hyperbolic cosine of every sample.</translation>
    </message>
    <message>
        <source>Arc sine of every sample.</source>
        <translation>Arc sine of every sample.</translation>
    </message>
    <message>
        <source>Inverse hyperbolic sine of every sample.</source>
        <translation>Inverse hyperbolic sine of every sample.</translation>
    </message>
    <message>
        <source>Arc tangent of every sample.</source>
        <translation>Arc tangent of every sample.</translation>
    </message>
    <message>
        <source>Inverse hyperbolic tangent of every sample.</source>
        <translation>Inverse hyperbolic tangent of every sample.</translation>
    </message>
    <message>
        <source>Cosine of every sample.</source>
        <translation>Cosine of every sample.</translation>
    </message>
    <message>
        <source>Hyperbolic cosine of every sample.</source>
        <translation>Hyperbolic cosine of every sample.</translation>
    </message>
    <message>
        <source>Sine of every sample.</source>
        <translation>Sine of every sample.</translation>
    </message>
    <message>
        <source>Hyperbolic sine of every sample.</source>
        <translation>Hyperbolic sine of every sample.</translation>
    </message>
    <message>
        <source>Tangent of every sample.</source>
        <translation>Tangent of every sample.</translation>
    </message>
    <message>
        <source>Hyperbolic tangent of every sample.</source>
        <translation>Hyperbolic tangent of every sample.</translation>
    </message>
    <message>
        <source>The number π.</source>
        <translation>The number π.</translation>
    </message>
    <message>
        <source>The smallest of the given scalars (experimental).</source>
        <translation>The smallest of the given scalars (experimental).</translation>
    </message>
    <message>
        <source>The largest of the given scalars (experimental).</source>
        <translation>The largest of the given scalars (experimental).</translation>
    </message>
    <message>
        <source>The value of a one-element vector as a scalar; NaN otherwise.</source>
        <translation>The value of a one-element vector as a scalar; NaN otherwise.</translation>
    </message>
    <message>
        <source>A vector with one series without labels holding the scalar.</source>
        <translation>A vector with one series without labels holding the scalar.</translation>
    </message>
    <message>
        <source>Evaluation time in seconds since the epoch.</source>
        <translation>Evaluation time in seconds since the epoch.</translation>
    </message>
    <message>
        <source>Timestamp of every sample in seconds since the epoch.</source>
        <translation>Timestamp of every sample in seconds since the epoch.</translation>
    </message>
    <message>
        <source>1 when the vector has no elements, nothing otherwise (for alerts on missing series).</source>
        <translation>1 when the vector has no elements, nothing otherwise (for alerts on missing series).</translation>
    </message>
    <message>
        <source>Sorts the vector by sample value, ascending.</source>
        <translation>Sorts the vector by sample value, ascending.</translation>
    </message>
    <message>
        <source>Sorts the vector by sample value, descending.</source>
        <translation>Sorts the vector by sample value, descending.</translation>
    </message>
    <message>
        <source>Sorts the vector by the given labels, ascending (experimental).</source>
        <translation>Sorts the vector by the given labels, ascending (experimental).</translation>
    </message>
    <message>
        <source>Sorts the vector by the given labels, descending (experimental).</source>
        <translation>Sorts the vector by the given labels, descending (experimental).</translation>
    </message>
    <message>
        <source>Writes a regex replacement of a source label into a destination label.</source>
        <translation>Writes a regex replacement of a source label into a destination label.</translation>
    </message>
    <message>
        <source>Joins the values of source labels with a separator into a destination label.</source>
        <translation>Joins the values of source labels with a separator into a destination label.</translation>
    </message>
    <message>
        <source>Number of days in the month of every timestamp (UTC).</source>
        <translation>Number of days in the month of every timestamp (UTC).</translation>
    </message>
    <message>
        <source>Day of the month (1–31) of every timestamp (UTC).</source>
        <translation>Day of the month (1–31) of every timestamp (UTC).</translation>
    </message>
    <message>
        <source>Day of the week (0 = Sunday) of every timestamp (UTC).</source>
        <translation>Day of the week (0 = Sunday) of every timestamp (UTC).</translation>
    </message>
    <message>
        <source>Day of the year (1–366) of every timestamp (UTC).</source>
        <translation>Day of the year (1–366) of every timestamp (UTC).</translation>
    </message>
    <message>
        <source>Hour of the day (0–23) of every timestamp (UTC).</source>
        <translation>Hour of the day (0–23) of every timestamp (UTC).</translation>
    </message>
    <message>
        <source>Minute of the hour (0–59) of every timestamp (UTC).</source>
        <translation>Minute of the hour (0–59) of every timestamp (UTC).</translation>
    </message>
    <message>
        <source>Month of the year (1–12) of every timestamp (UTC).</source>
        <translation>Month of the year (1–12) of every timestamp (UTC).</translation>
    </message>
    <message>
        <source>Year of every timestamp (UTC).</source>
        <translation>Year of every timestamp (UTC).</translation>
    </message>
    <message>
        <source>1 when the range has no samples, nothing otherwise.</source>
        <translation>1 when the range has no samples, nothing otherwise.</translation>
    </message>
    <message>
        <source>Average of the samples in the range.</source>
        <translation>Average of the samples in the range.</translation>
    </message>
    <message>
        <source>Number of samples in the range.</source>
        <translation>Number of samples in the range.</translation>
    </message>
    <message>
        <source>The newest sample in the range.</source>
        <translation>The newest sample in the range.</translation>
    </message>
    <message>
        <source>Largest sample in the range.</source>
        <translation>Largest sample in the range.</translation>
    </message>
    <message>
        <source>Smallest sample in the range.</source>
        <translation>Smallest sample in the range.</translation>
    </message>
    <message>
        <source>1 for every series with a sample in the range.</source>
        <translation>1 for every series with a sample in the range.</translation>
    </message>
    <message>
        <source>φ-quantile (0 ≤ φ ≤ 1) of the samples in the range.</source>
        <translation>φ-quantile (0 ≤ φ ≤ 1) of the samples in the range.</translation>
    </message>
    <message>
        <source>Population standard deviation of the samples in the range.</source>
        <translation>Population standard deviation of the samples in the range.</translation>
    </message>
    <message>
        <source>Population variance of the samples in the range.</source>
        <translation>Population variance of the samples in the range.</translation>
    </message>
    <message>
        <source>Sum of the samples in the range.</source>
        <translation>Sum of the samples in the range.</translation>
    </message>
    <message>
        <source>Median absolute deviation of the samples in the range (experimental).</source>
        <translation>Median absolute deviation of the samples in the range (experimental).</translation>
    </message>
    <message>
        <source>The oldest sample in the range (experimental).</source>
        <translation>The oldest sample in the range (experimental).</translation>
    </message>
    <message>
        <source>Timestamp of the oldest sample in the range (experimental).</source>
        <translation>Timestamp of the oldest sample in the range (experimental).</translation>
    </message>
    <message>
        <source>Timestamp of the newest sample in the range (experimental).</source>
        <translation>Timestamp of the newest sample in the range (experimental).</translation>
    </message>
    <message>
        <source>Timestamp of the largest sample in the range (experimental).</source>
        <translation>Timestamp of the largest sample in the range (experimental).</translation>
    </message>
    <message>
        <source>Timestamp of the smallest sample in the range (experimental).</source>
        <translation>Timestamp of the smallest sample in the range (experimental).</translation>
    </message>
    <message>
        <source>Number of times the value changed within the range.</source>
        <translation>Number of times the value changed within the range.</translation>
    </message>
    <message>
        <source>Number of counter resets within the range.</source>
        <translation>Number of counter resets within the range.</translation>
    </message>
    <message>
        <source>Difference between the first and last value of a gauge over the range, extrapolated.</source>
        <translation>Difference between the first and last value of a gauge over the range, extrapolated.</translation>
    </message>
    <message>
        <source>Per-second derivative of a gauge by simple linear regression.</source>
        <translation>Per-second derivative of a gauge by simple linear regression.</translation>
    </message>
    <message>
        <source>Difference between the last two samples in the range.</source>
        <translation>Difference between the last two samples in the range.</translation>
    </message>
    <message>
        <source>Increase of a counter over the range, corrected for resets and extrapolated.</source>
        <translation>Increase of a counter over the range, corrected for resets and extrapolated.</translation>
    </message>
    <message>
        <source>Per-second rate of a counter from the last two samples in the range.</source>
        <translation>Per-second rate of a counter from the last two samples in the range.</translation>
    </message>
    <message>
        <source>Average per-second rate of increase of a counter over the range.</source>
        <translation>Average per-second rate of increase of a counter over the range.</translation>
    </message>
    <message>
        <source>Predicts the value t seconds from now by linear regression.</source>
        <translation>Predicts the value t seconds from now by linear regression.</translation>
    </message>
    <message>
        <source>Smoothed value of a gauge (Holt's linear method, experimental).</source>
        <translation>Smoothed value of a gauge (Holt's linear method, experimental).</translation>
    </message>
    <message>
        <source>Integral of a gauge over the range, in value·seconds (experimental).</source>
        <translation>Integral of a gauge over the range, in value·seconds (experimental).</translation>
    </message>
    <message>
        <source>φ-quantile from the buckets of a classic or native histogram.</source>
        <translation>φ-quantile from the buckets of a classic or native histogram.</translation>
    </message>
    <message>
        <source>Fraction of observations between two bounds of a native histogram.</source>
        <translation>Fraction of observations between two bounds of a native histogram.</translation>
    </message>
    <message>
        <source>Several quantiles of a histogram at once (experimental).</source>
        <translation>Several quantiles of a histogram at once (experimental).</translation>
    </message>
    <message>
        <source>Average of the observations of a native histogram.</source>
        <translation>Average of the observations of a native histogram.</translation>
    </message>
    <message>
        <source>Number of observations of a native histogram.</source>
        <translation>Number of observations of a native histogram.</translation>
    </message>
    <message>
        <source>Sum of the observations of a native histogram.</source>
        <translation>Sum of the observations of a native histogram.</translation>
    </message>
    <message>
        <source>Estimated standard deviation of a native histogram's observations.</source>
        <translation>Estimated standard deviation of a native histogram's observations.</translation>
    </message>
    <message>
        <source>Estimated variance of a native histogram's observations.</source>
        <translation>Estimated variance of a native histogram's observations.</translation>
    </message>
    <message>
        <source>Adds the labels of matching info metrics (target_info) to every series (experimental).</source>
        <translation>Adds the labels of matching info metrics (target_info) to every series (experimental).</translation>
    </message>
    <message>
        <source>Start of the query range (inside @ only).</source>
        <translation>Start of the query range (inside @ only).</translation>
    </message>
    <message>
        <source>End of the query range (inside @ only).</source>
        <translation>End of the query range (inside @ only).</translation>
    </message>
    <message>
        <source>Length of the query range in seconds (experimental).</source>
        <translation>Length of the query range in seconds (experimental).</translation>
    </message>
    <message>
        <source>Query step in seconds (experimental).</source>
        <translation>Query step in seconds (experimental).</translation>
    </message>
    <message>
        <source>Sum over dimensions.</source>
        <translation>Sum over dimensions.</translation>
    </message>
    <message>
        <source>Average over dimensions.</source>
        <translation>Average over dimensions.</translation>
    </message>
    <message>
        <source>Minimum over dimensions.</source>
        <translation>Minimum over dimensions.</translation>
    </message>
    <message>
        <source>Maximum over dimensions.</source>
        <translation>Maximum over dimensions.</translation>
    </message>
    <message>
        <source>Number of elements in the vector.</source>
        <translation>Number of elements in the vector.</translation>
    </message>
    <message>
        <source>1 for every group (all values become 1).</source>
        <translation>1 for every group (all values become 1).</translation>
    </message>
    <message>
        <source>Population standard deviation over dimensions.</source>
        <translation>Population standard deviation over dimensions.</translation>
    </message>
    <message>
        <source>Population variance over dimensions.</source>
        <translation>Population variance over dimensions.</translation>
    </message>
    <message>
        <source>The k largest elements by sample value.</source>
        <translation>The k largest elements by sample value.</translation>
    </message>
    <message>
        <source>The k smallest elements by sample value.</source>
        <translation>The k smallest elements by sample value.</translation>
    </message>
    <message>
        <source>Number of elements with the same value, the value in the given label.</source>
        <translation>Number of elements with the same value, the value in the given label.</translation>
    </message>
    <message>
        <source>φ-quantile (0 ≤ φ ≤ 1) over dimensions.</source>
        <translation>φ-quantile (0 ≤ φ ≤ 1) over dimensions.</translation>
    </message>
    <message>
        <source>k elements of each group, chosen deterministically (experimental).</source>
        <translation>k elements of each group, chosen deterministically (experimental).</translation>
    </message>
    <message>
        <source>A deterministic sample of about the given ratio of elements (experimental).</source>
        <translation>A deterministic sample of about the given ratio of elements (experimental).</translation>
    </message>
</context>
<context>
    <name>vigil::ui::CardinalityModel</name>
    <message>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Share</translation>
    </message>
</context>
<context>
    <name>vigil::ui::Dashboard</name>
    <message>
        <source>not valid JSON at byte %1: %2</source>
        <translation>not valid JSON at byte %1: %2</translation>
    </message>
    <message>
        <source>a dashboard must be a JSON object</source>
        <translation>a dashboard must be a JSON object</translation>
    </message>
    <message>
        <source>"vigilDashboard" (the format version) is missing; is this a Vigil dashboard?</source>
        <translation>"vigilDashboard" (the format version) is missing; is this a Vigil dashboard?</translation>
    </message>
    <message>
        <source>format version %1 is not supported (this Vigil reads version %2)</source>
        <translation>format version %1 is not supported (this Vigil reads version %2)</translation>
    </message>
    <message>
        <source>"name" must be 1-64 characters of a-z, 0-9, _ and -</source>
        <translation>"name" must be 1-64 characters of a-z, 0-9, _ and -</translation>
    </message>
    <message>
        <source>"title" must be a string</source>
        <translation>"title" must be a string</translation>
    </message>
    <message>
        <source>"titles" must map language codes to strings</source>
        <translation>"titles" must map language codes to strings</translation>
    </message>
    <message>
        <source>"range" must be a positive number of seconds</source>
        <translation>"range" must be a positive number of seconds</translation>
    </message>
    <message>
        <source>"refresh" must be a number of seconds &gt;= 0</source>
        <translation>"refresh" must be a number of seconds &gt;= 0</translation>
    </message>
    <message>
        <source>"variables" must be an array</source>
        <translation>"variables" must be an array</translation>
    </message>
    <message>
        <source>variable "%1": a name is letters, digits and _, not starting with a digit or __</source>
        <translation>variable "%1": a name is letters, digits and _, not starting with a digit or __</translation>
    </message>
    <message>
        <source>variable "%1": "titles", "values" and "current" must hold strings</source>
        <translation>variable "%1": "titles", "values" and "current" must hold strings</translation>
    </message>
    <message>
        <source>"panels" must be an array</source>
        <translation>"panels" must be an array</translation>
    </message>
    <message>
        <source>panel %1 must be an object</source>
        <translation>panel %1 must be an object</translation>
    </message>
    <message>
        <source>panel %1: unknown type "%2" (graph, stat, gauge, table, statusgrid)</source>
        <translation>panel %1: unknown type "%2" (graph, stat, gauge, table, statusgrid)</translation>
    </message>
    <message>
        <source>panel %1: "grid" must lie within %2 columns (x + w &lt;= %2, w and h &gt;= 1)</source>
        <translation>panel %1: "grid" must lie within %2 columns (x + w &lt;= %2, w and h &gt;= 1)</translation>
    </message>
    <message>
        <source>panel %1: %2</source>
        <translation>panel %1: %2</translation>
    </message>
    <message>
        <source>panel %1: "titles" must map language codes to strings</source>
        <translation>panel %1: "titles" must map language codes to strings</translation>
    </message>
    <message>
        <source>panel %1: "max" must be greater than "min"</source>
        <translation>panel %1: "max" must be greater than "min"</translation>
    </message>
</context>
<context>
    <name>vigil::ui::DashboardView</name>
    <message>
        <source>Last 5 minutes</source>
        <translation>Last 5 minutes</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Last 15 minutes</translation>
    </message>
    <message>
        <source>Last 1 hour</source>
        <translation>Last 1 hour</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>Last 6 hours</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Last 24 hours</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Refresh off</source>
        <translation>Refresh off</translation>
    </message>
    <message>
        <source>Every 5 s</source>
        <translation>Every 5 s</translation>
    </message>
    <message>
        <source>Every 15 s</source>
        <translation>Every 15 s</translation>
    </message>
    <message>
        <source>Every 30 s</source>
        <translation>Every 30 s</translation>
    </message>
    <message>
        <source>Every 1 min</source>
        <translation>Every 1 min</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Add panel</source>
        <translation>Add panel</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Last %1 s</source>
        <translation>Last %1 s</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>New panel</source>
        <translation>New panel</translation>
    </message>
    <message>
        <source>Remove panel</source>
        <translation>Remove panel</translation>
    </message>
    <message>
        <source>Remove the panel “%1”?</source>
        <translation>Remove the panel “%1”?</translation>
    </message>
</context>
<context>
    <name>vigil::ui::DashboardsPage</name>
    <message>
        <source>Add target…</source>
        <translation>Add target…</translation>
    </message>
    <message>
        <source>Scrape another exporter or service: opens the Targets page's form.</source>
        <translation>Scrape another exporter or service: opens the Targets page's form.</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Import dashboard</source>
        <translation>Import dashboard</translation>
    </message>
    <message>
        <source>Dashboards (*.json)</source>
        <translation>Dashboards (*.json)</translation>
    </message>
    <message>
        <source>Export dashboard</source>
        <translation>Export dashboard</translation>
    </message>
    <message>
        <source>Could not read the saved dashboards: %1</source>
        <translation>Could not read the saved dashboards: %1</translation>
    </message>
    <message>
        <source>%1 (built-in)</source>
        <translation>%1 (built-in)</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 cannot be read: %2</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Revert</translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation>“%1” cannot be read: %2</translation>
    </message>
    <message>
        <source>Not saved: the engine is not running.</source>
        <translation>Not saved: the engine is not running.</translation>
    </message>
    <message>
        <source>Could not save “%1”: %2</source>
        <translation>Could not save “%1”: %2</translation>
    </message>
    <message>
        <source>New dashboard</source>
        <translation>New dashboard</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copy)</translation>
    </message>
    <message>
        <source>Revert “%1” to the built-in version? Your changes are lost.</source>
        <translation>Revert “%1” to the built-in version? Your changes are lost.</translation>
    </message>
    <message>
        <source>Delete the dashboard “%1”?</source>
        <translation>Delete the dashboard “%1”?</translation>
    </message>
    <message>
        <source>Dashboards</source>
        <translation>Dashboards</translation>
    </message>
    <message>
        <source>Could not import %1: %2</source>
        <translation>Could not import %1: %2</translation>
    </message>
    <message>
        <source>Imported “%1”.</source>
        <translation>Imported “%1”.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exported to %1.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ExplorePage</name>
    <message>
        <source>Explore</source>
        <translation>Explore</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Run the query (Ctrl+Enter)</source>
        <translation>Run the query (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Queries run before</source>
        <translation>Queries run before</translation>
    </message>
    <message>
        <source>Metrics…</source>
        <translation>Metrics…</translation>
    </message>
    <message>
        <source>Browse the metric names with their descriptions</source>
        <translation>Browse the metric names with their descriptions</translation>
    </message>
    <message>
        <source>Legend, e.g. {{instance}}</source>
        <translation>Legend, e.g. {{instance}}</translation>
    </message>
    <message>
        <source>Graph legend template: {{label}} is replaced by the series' label value; empty shows every label</source>
        <translation>Graph legend template: {{label}} is replaced by the series' label value; empty shows every label</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>Expression</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Node</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>Graph</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Explain</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Running…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>The engine is not running.</source>
        <translation>The engine is not running.</translation>
    </message>
    <message>
        <source>The engine stopped.</source>
        <translation>The engine stopped.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>showing the first %1</source>
        <translation>showing the first %1</translation>
    </message>
    <message numerus="yes">
        <source>%n series</source>
        <translation>
            <numerusform>%n series</numerusform>
            <numerusform>%n series</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s)</source>
        <translation>
            <numerusform>%n sample</numerusform>
            <numerusform>%n samples</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n node</numerusform>
            <numerusform>%n nodes</numerusform>
        </translation>
    </message>
    <message>
        <source>whole query %1 ms</source>
        <translation>whole query %1 ms</translation>
    </message>
    <message>
        <source>No queries yet</source>
        <translation>No queries yet</translation>
    </message>
</context>
<context>
    <name>vigil::ui::GraphPanel</name>
    <message>
        <source>Last 5 minutes</source>
        <translation>Last 5 minutes</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Last 15 minutes</translation>
    </message>
    <message>
        <source>Last 30 minutes</source>
        <translation>Last 30 minutes</translation>
    </message>
    <message>
        <source>Last 1 hour</source>
        <translation>Last 1 hour</translation>
    </message>
    <message>
        <source>Last 3 hours</source>
        <translation>Last 3 hours</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>Last 6 hours</translation>
    </message>
    <message>
        <source>Last 12 hours</source>
        <translation>Last 12 hours</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Last 24 hours</translation>
    </message>
    <message>
        <source>Last 2 days</source>
        <translation>Last 2 days</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Click a series' box to hide or show it; point at it to highlight it.</source>
        <translation>Click a series' box to hide or show it; point at it to highlight it.</translation>
    </message>
    <message>
        <source>Absolute range…</source>
        <translation>Absolute range…</translation>
    </message>
    <message>
        <source>Refresh off</source>
        <translation>Refresh off</translation>
    </message>
    <message>
        <source>Every 5 s</source>
        <translation>Every 5 s</translation>
    </message>
    <message>
        <source>Every 15 s</source>
        <translation>Every 15 s</translation>
    </message>
    <message>
        <source>Every 30 s</source>
        <translation>Every 30 s</translation>
    </message>
    <message>
        <source>Every 1 min</source>
        <translation>Every 1 min</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Lines</translation>
    </message>
    <message>
        <source>Stacked areas</source>
        <translation>Stacked areas</translation>
    </message>
    <message>
        <source>Bars</source>
        <translation>Bars</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>No unit</source>
        <translation>No unit</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>Percent</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Seconds</translation>
    </message>
    <message>
        <source>Operations/s</source>
        <translation>Operations/s</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Reset zoom</translation>
    </message>
    <message>
        <source>Drag across the graph to zoom, Shift+drag to pan, the wheel to zoom around the cursor.</source>
        <translation>Drag across the graph to zoom, Shift+drag to pan, the wheel to zoom around the cursor.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Image (PNG)…</source>
        <translation>Image (PNG)…</translation>
    </message>
    <message>
        <source>Data (CSV)…</source>
        <translation>Data (CSV)…</translation>
    </message>
    <message>
        <source>Last %1 s</source>
        <translation>Last %1 s</translation>
    </message>
    <message>
        <source>Absolute time range</source>
        <translation>Absolute time range</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>The start must be before the end.</source>
        <translation>The start must be before the end.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>The engine is not running.</source>
        <translation>The engine is not running.</translation>
    </message>
    <message>
        <source>The engine stopped.</source>
        <translation>The engine stopped.</translation>
    </message>
    <message>
        <source>No query.</source>
        <translation>No query.</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Running…</translation>
    </message>
    <message numerus="yes">
        <source>%n series</source>
        <translation>
            <numerusform>%n series</numerusform>
            <numerusform>%n series</numerusform>
        </translation>
    </message>
    <message>
        <source>step %1 s</source>
        <translation>step %1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Export graph as PNG</source>
        <translation>Export graph as PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Could not write %1.</translation>
    </message>
    <message>
        <source>Export data as CSV</source>
        <translation>Export data as CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
</context>
<context>
    <name>vigil::ui::GraphPlot</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::ui::InstantResultModel</name>
    <message>
        <source>scalar</source>
        <translation>scalar</translation>
    </message>
    <message>
        <source>string</source>
        <translation>string</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Series</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
</context>
<context>
    <name>vigil::ui::MainWindow</name>
    <message>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Storage</translation>
    </message>
    <message>
        <source>Settings database</source>
        <translation>Settings database</translation>
    </message>
    <message>
        <source>HTTP API</source>
        <translation>HTTP API</translation>
    </message>
    <message>
        <source>Scraper</source>
        <translation>Scraper</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Rules</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Starting</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Stopping</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Vigil — Monitoring Console</source>
        <translation>Vigil — Monitoring Console</translation>
    </message>
    <message>
        <source>Series: %1</source>
        <translation>Series: %1</translation>
    </message>
    <message>
        <source>Samples/s: %1</source>
        <translation>Samples/s: %1</translation>
    </message>
    <message>
        <source>Scrape failures: %1</source>
        <translation>Scrape failures: %1</translation>
    </message>
    <message>
        <source>Disk: %1</source>
        <translation>Disk: %1</translation>
    </message>
    <message>
        <source>API: off</source>
        <translation>API: off</translation>
    </message>
    <message>
        <source>API: %1</source>
        <translation>API: %1</translation>
    </message>
    <message>
        <source>Engine: %1</source>
        <translation>Engine: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>The page “%1” is not available in this version.</source>
        <translation>The page “%1” is not available in this version.</translation>
    </message>
    <message>
        <source>There is no dashboard named “%1”.</source>
        <translation>There is no dashboard named “%1”.</translation>
    </message>
    <message>
        <source>Explore</source>
        <translation>Explore</translation>
    </message>
    <message>
        <source>Dashboards</source>
        <translation>Dashboards</translation>
    </message>
    <message>
        <source>TSDB status</source>
        <translation>TSDB status</translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation>Keychain</translation>
    </message>
    <message>
        <source>Configuration file</source>
        <translation>Configuration file</translation>
    </message>
</context>
<context>
    <name>vigil::ui::MetricsExplorerDialog</name>
    <message>
        <source>Metrics explorer</source>
        <translation>Metrics explorer</translation>
    </message>
    <message>
        <source>Search metric names and descriptions</source>
        <translation>Search metric names and descriptions</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metric</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Use in query</source>
        <translation>Use in query</translation>
    </message>
    <message>
        <source>The engine is not running.</source>
        <translation>The engine is not running.</translation>
    </message>
    <message numerus="yes">
        <source>%n metric(s)</source>
        <translation>
            <numerusform>%n metric</numerusform>
            <numerusform>%n metrics</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::ui::OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Health of the built-in monitoring engine on this workstation.</source>
        <translation>Health of the built-in monitoring engine on this workstation.</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Active series</source>
        <translation>Active series</translation>
    </message>
    <message>
        <source>Samples per second</source>
        <translation>Samples per second</translation>
    </message>
    <message>
        <source>Targets up</source>
        <translation>Targets up</translation>
    </message>
    <message>
        <source>Disk used</source>
        <translation>Disk used</translation>
    </message>
    <message>
        <source>Prometheus-compatible API</source>
        <translation>Prometheus-compatible API</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>Data directory: %1</source>
        <translation>Data directory: %1</translation>
    </message>
</context>
<context>
    <name>vigil::ui::PanelEditorDialog</name>
    <message>
        <source>Edit panel</source>
        <translation>Edit panel</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Time series graph</source>
        <translation>Time series graph</translation>
    </message>
    <message>
        <source>Single stat</source>
        <translation>Single stat</translation>
    </message>
    <message>
        <source>Gauge</source>
        <translation>Gauge</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Status grid</source>
        <translation>Status grid</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>PromQL query</source>
        <translation>PromQL query</translation>
    </message>
    <message>
        <source>Legend, e.g. {{instance}}</source>
        <translation>Legend, e.g. {{instance}}</translation>
    </message>
    <message>
        <source>Queries</source>
        <translation>Queries</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>e.g. 70 #f2c037, 85 #f57c00, 95 #d32f2f</source>
        <translation>e.g. 70 #f2c037, 85 #f57c00, 95 #d32f2f</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>Thresholds</translation>
    </message>
    <message>
        <source>Gauge min / max</source>
        <translation>Gauge min / max</translation>
    </message>
    <message>
        <source>Width / height (cells)</source>
        <translation>Width / height (cells)</translation>
    </message>
    <message>
        <source>Threshold “%1”: write a value and a colour, e.g. 85 #f57c00.</source>
        <translation>Threshold “%1”: write a value and a colour, e.g. 85 #f57c00.</translation>
    </message>
    <message>
        <source>Query %1: %2</source>
        <translation>Query %1: %2</translation>
    </message>
</context>
<context>
    <name>vigil::ui::PanelFrame</name>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>vigil::ui::PanelTableModel</name>
    <message>
        <source>Series</source>
        <translation>Series</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
</context>
<context>
    <name>vigil::ui::PromqlEditor</name>
    <message>
        <source>Enter a PromQL expression, e.g. rate(node_cpu_seconds_total[5m]) — Ctrl+Enter runs it, Ctrl+Space completes</source>
        <translation>Enter a PromQL expression, e.g. rate(node_cpu_seconds_total[5m]) — Ctrl+Enter runs it, Ctrl+Space completes</translation>
    </message>
</context>
<context>
    <name>vigil::ui::SeriesTableModel</name>
    <message>
        <source>Series</source>
        <translation>Series</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mean</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Last</translation>
    </message>
</context>
<context>
    <name>vigil::ui::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>System default</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Data directory:</source>
        <translation>Data directory:</translation>
    </message>
    <message>
        <source>HTTP API</source>
        <translation>HTTP API</translation>
    </message>
    <message>
        <source>Serve the Prometheus-compatible API (for Grafana and scripts)</source>
        <translation>Serve the Prometheus-compatible API (for Grafana and scripts)</translation>
    </message>
    <message>
        <source>Listen address:</source>
        <translation>Listen address:</translation>
    </message>
    <message>
        <source>Only this computer can reach the API unless you choose a non-loopback address (which also needs --web.allow-non-loopback).</source>
        <translation>Only this computer can reach the API unless you choose a non-loopback address (which also needs --web.allow-non-loopback).</translation>
    </message>
    <message>
        <source>The listen address must look like 127.0.0.1:9090.</source>
        <translation>The listen address must look like 127.0.0.1:9090.</translation>
    </message>
    <message>
        <source>Saved. Changes take effect the next time Vigil starts.</source>
        <translation>Saved. Changes take effect the next time Vigil starts.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::StatusPage</name>
    <message>
        <source>Metric name</source>
        <translation>Metric name</translation>
    </message>
    <message>
        <source>Label name</source>
        <translation>Label name</translation>
    </message>
    <message>
        <source>Label pair</source>
        <translation>Label pair</translation>
    </message>
    <message>
        <source>TSDB status</source>
        <translation>TSDB status</translation>
    </message>
    <message>
        <source>Head series</source>
        <translation>Head series</translation>
    </message>
    <message>
        <source>Samples appended</source>
        <translation>Samples appended</translation>
    </message>
    <message>
        <source>Head chunks</source>
        <translation>Head chunks</translation>
    </message>
    <message>
        <source>WAL size</source>
        <translation>WAL size</translation>
    </message>
    <message>
        <source>Blocks on disk</source>
        <translation>Blocks on disk</translation>
    </message>
    <message>
        <source>Label pairs</source>
        <translation>Label pairs</translation>
    </message>
    <message>
        <source>Top 10 metric names by series</source>
        <translation>Top 10 metric names by series</translation>
    </message>
    <message>
        <source>Top 10 label names by distinct values</source>
        <translation>Top 10 label names by distinct values</translation>
    </message>
    <message>
        <source>Top 10 label pairs by series</source>
        <translation>Top 10 label pairs by series</translation>
    </message>
    <message>
        <source>The engine is not running.</source>
        <translation>The engine is not running.</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n block(s)</source>
        <translation>
            <numerusform>%1 in %n block</numerusform>
            <numerusform>%1 in %n blocks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::ui::TargetDialog</name>
    <message>
        <source>Edit target</source>
        <translation>Edit target</translation>
    </message>
    <message>
        <source>Add target</source>
        <translation>Add target</translation>
    </message>
    <message>
        <source>host:port or http://host:port/metrics</source>
        <translation>host:port or http://host:port/metrics</translation>
    </message>
    <message>
        <source>e.g. node</source>
        <translation>e.g. node</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>One label per line: name=value</source>
        <translation>One label per line: name=value</translation>
    </message>
    <message>
        <source>Skip TLS certificate verification (insecure)</source>
        <translation>Skip TLS certificate verification (insecure)</translation>
    </message>
    <message>
        <source>Address or URL:</source>
        <translation>Address or URL:</translation>
    </message>
    <message>
        <source>Job:</source>
        <translation>Job:</translation>
    </message>
    <message>
        <source>Scheme:</source>
        <translation>Scheme:</translation>
    </message>
    <message>
        <source>Metrics path:</source>
        <translation>Metrics path:</translation>
    </message>
    <message>
        <source>Scrape interval:</source>
        <translation>Scrape interval:</translation>
    </message>
    <message>
        <source>Scrape timeout:</source>
        <translation>Scrape timeout:</translation>
    </message>
    <message>
        <source>Extra labels:</source>
        <translation>Extra labels:</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>The URL is not valid: use http://host:port/path.</source>
        <translation>The URL is not valid: use http://host:port/path.</translation>
    </message>
    <message>
        <source>The address must be host:port (for example 127.0.0.1:9100) or a URL.</source>
        <translation>The address must be host:port (for example 127.0.0.1:9100) or a URL.</translation>
    </message>
    <message>
        <source>A job name is required.</source>
        <translation>A job name is required.</translation>
    </message>
    <message>
        <source>The metrics path must start with /.</source>
        <translation>The metrics path must start with /.</translation>
    </message>
    <message>
        <source>The scrape timeout cannot be longer than the scrape interval.</source>
        <translation>The scrape timeout cannot be longer than the scrape interval.</translation>
    </message>
    <message>
        <source>Label line “%1” must look like name=value with a valid label name.</source>
        <translation>Label line “%1” must look like name=value with a valid label name.</translation>
    </message>
    <message>
        <source>The engine is not running.</source>
        <translation>The engine is not running.</translation>
    </message>
    <message>
        <source>Scraping…</source>
        <translation>Scraping…</translation>
    </message>
    <message>
        <source>The test was cancelled.</source>
        <translation>The test was cancelled.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Failed: %1</translation>
    </message>
    <message>
        <source>OK: %1 samples from %2 in %3 ms.</source>
        <translation>OK: %1 samples from %2 in %3 ms.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentication</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Relabeling</source>
        <translation>Relabeling</translation>
    </message>
    <message>
        <source>Checking the system keychain…</source>
        <translation>Checking the system keychain…</translation>
    </message>
    <message>
        <source>Passwords and tokens are kept in the system keychain, never in Vigil's files.</source>
        <translation>Passwords and tokens are kept in the system keychain, never in Vigil's files.</translation>
    </message>
    <message>
        <source>No system keychain is available (%1). Passwords and tokens cannot be saved: Vigil never stores them in plain text. Start a Secret Service (GNOME Keyring, KeePassXC) or KWallet.</source>
        <translation>No system keychain is available (%1). Passwords and tokens cannot be saved: Vigil never stores them in plain text. Start a Secret Service (GNOME Keyring, KeePassXC) or KWallet.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Basic (username and password)</source>
        <translation>Basic (username and password)</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer token</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>Authentication:</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Username:</translation>
    </message>
    <message>
        <source>Password or token:</source>
        <translation>Password or token:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Choose a file</translation>
    </message>
    <message>
        <source>CA certificate file:</source>
        <translation>CA certificate file:</translation>
    </message>
    <message>
        <source>Client certificate file:</source>
        <translation>Client certificate file:</translation>
    </message>
    <message>
        <source>Client key file:</source>
        <translation>Client key file:</translation>
    </message>
    <message>
        <source>the name the server certificate must match (optional)</source>
        <translation>the name the server certificate must match (optional)</translation>
    </message>
    <message>
        <source>Server name:</source>
        <translation>Server name:</translation>
    </message>
    <message>
        <source>relabel_configs as in prometheus.yml (YAML). The preview applies them to this target's labels one rule at a time.</source>
        <translation>relabel_configs as in prometheus.yml (YAML). The preview applies them to this target's labels one rule at a time.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Labels after the step</source>
        <translation>Labels after the step</translation>
    </message>
    <message>
        <source>unchanged (kept in the system keychain)</source>
        <translation>unchanged (kept in the system keychain)</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>no change</translation>
    </message>
    <message>
        <source>Basic authentication needs a username.</source>
        <translation>Basic authentication needs a username.</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>Enter the password.</translation>
    </message>
    <message>
        <source>Enter the bearer token.</source>
        <translation>Enter the bearer token.</translation>
    </message>
    <message>
        <source>The TLS file “%1” does not exist or cannot be read.</source>
        <translation>The TLS file “%1” does not exist or cannot be read.</translation>
    </message>
    <message>
        <source>A client certificate needs its key file, and a key file its certificate.</source>
        <translation>A client certificate needs its key file, and a key file its certificate.</translation>
    </message>
    <message>
        <source>Relabeling: %1</source>
        <translation>Relabeling: %1</translation>
    </message>
    <message>
        <source>The stored secret could not be read: %1</source>
        <translation>The stored secret could not be read: %1</translation>
    </message>
    <message>
        <source>Exposition check (%1) found a problem at %2</source>
        <translation>Exposition check (%1) found a problem at %2</translation>
    </message>
    <message>
        <source>Exposition check (%1): no problems in %2 series and %3 metadata lines.</source>
        <translation>Exposition check (%1): no problems in %2 series and %3 metadata lines.</translation>
    </message>
    <message>
        <source>Saving the secret in the system keychain…</source>
        <translation>Saving the secret in the system keychain…</translation>
    </message>
    <message>
        <source>Not saved: the secret could not be stored in the system keychain (%1). Vigil never stores passwords or tokens in plain text.</source>
        <translation>Not saved: the secret could not be stored in the system keychain (%1). Vigil never stores passwords or tokens in plain text.</translation>
    </message>
    <message>
        <source>Not saved: the engine stopped.</source>
        <translation>Not saved: the engine stopped.</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>No preview: %1</translation>
    </message>
    <message>
        <source>Discovered</source>
        <translation>Discovered</translation>
    </message>
    <message>
        <source>Rule %1 (%2)</source>
        <translation>Rule %1 (%2)</translation>
    </message>
    <message>
        <source>— dropped —</source>
        <translation>— dropped —</translation>
    </message>
    <message>
        <source>target dropped</source>
        <translation>target dropped</translation>
    </message>
    <message>
        <source>Invalid target after relabeling: %1</source>
        <translation>Invalid target after relabeling: %1</translation>
    </message>
    <message>
        <source>Dropped by rule %1: this target would not be scraped.</source>
        <translation>Dropped by rule %1: this target would not be scraped.</translation>
    </message>
    <message>
        <source>Target labels</source>
        <translation>Target labels</translation>
    </message>
    <message>
        <source>Kept: scraped with the labels %1.</source>
        <translation>Kept: scraped with the labels %1.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::TargetTableModel</name>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Last scrape</source>
        <translation>Last scrape</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Samples</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>%1 s ago</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <source>Configuration file</source>
        <translation>Configuration file</translation>
    </message>
</context>
<context>
    <name>vigil::ui::TargetsPage</name>
    <message>
        <source>Targets</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>Add target…</source>
        <translation>Add target…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>%1 of %2 up</source>
        <translation>%1 of %2 up</translation>
    </message>
    <message>
        <source>Selected targets</source>
        <translation>Selected targets</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Change interval…</source>
        <translation>Change interval…</translation>
    </message>
    <message>
        <source>Change interval</source>
        <translation>Change interval</translation>
    </message>
    <message>
        <source>Scrape interval in seconds:</source>
        <translation>Scrape interval in seconds:</translation>
    </message>
    <message>
        <source>prometheus.yml</source>
        <translation>prometheus.yml</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Import targets from prometheus.yml</source>
        <translation>Import targets from prometheus.yml</translation>
    </message>
    <message>
        <source>Prometheus configuration (*.yml *.yaml);;All files (*)</source>
        <translation>Prometheus configuration (*.yml *.yaml);;All files (*)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Export console targets to prometheus.yml</source>
        <translation>Export console targets to prometheus.yml</translation>
    </message>
    <message>
        <source>Prometheus configuration (*.yml *.yaml)</source>
        <translation>Prometheus configuration (*.yml *.yaml)</translation>
    </message>
    <message>
        <source>Filter by job, endpoint, label, error or source</source>
        <translation>Filter by job, endpoint, label, error or source</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>Built-in</translation>
    </message>
    <message>
        <source>Configuration file</source>
        <translation>Configuration file</translation>
    </message>
    <message>
        <source>Only targets added in the console can be changed here.</source>
        <translation>Only targets added in the console can be changed here.</translation>
    </message>
    <message>
        <source>%1: %2 done, %3 failed.</source>
        <translation>%1: %2 done, %3 failed.</translation>
    </message>
    <message>
        <source>Remove targets</source>
        <translation>Remove targets</translation>
    </message>
    <message numerus="yes">
        <source>Stop scraping and remove %n target(s)?
%1</source>
        <translation>
            <numerusform>Stop scraping and remove %n target?
%1</numerusform>
            <numerusform>Stop scraping and remove %n targets?
%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove: %1 done, %2 failed.</source>
        <translation>Remove: %1 done, %2 failed.</translation>
    </message>
    <message>
        <source>Test: %1 OK, %2 failed.</source>
        <translation>Test: %1 OK, %2 failed.</translation>
    </message>
    <message>
        <source>the engine is not running</source>
        <translation>the engine is not running</translation>
    </message>
    <message>
        <source>%1: %2 samples in %3 ms</source>
        <translation>%1: %2 samples in %3 ms</translation>
    </message>
    <message>
        <source>; exposition problem at %1</source>
        <translation>; exposition problem at %1</translation>
    </message>
    <message>
        <source>Nothing imported: %1</source>
        <translation>Nothing imported: %1</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>the file has no password or token for it; add it in the form</source>
        <translation>the file has no password or token for it; add it in the form</translation>
    </message>
    <message>
        <source>not imported, its secret cannot be kept in the system keychain (%1)</source>
        <translation>not imported, its secret cannot be kept in the system keychain (%1)</translation>
    </message>
    <message>
        <source>Imported %1 of %2 targets from %3.</source>
        <translation>Imported %1 of %2 targets from %3.</translation>
    </message>
    <message>
        <source>Job %1 is not importable yet: %2.</source>
        <translation>Job %1 is not importable yet: %2.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n target(s) to %1.</source>
        <translation>
            <numerusform>Exported %n target to %1.</numerusform>
            <numerusform>Exported %n targets to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export to %1 failed: %2</source>
        <translation>Export to %1 failed: %2</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
</context>
<context>
    <name>vigil::ui::TrayIcon</name>
    <message>
        <source>Show Vigil</source>
        <translation>Show Vigil</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Vigil: engine failed</source>
        <translation>Vigil: engine failed</translation>
    </message>
    <message>
        <source>Vigil: engine not running</source>
        <translation>Vigil: engine not running</translation>
    </message>
    <message>
        <source>Vigil: all clear</source>
        <translation>Vigil: all clear</translation>
    </message>
    <message>
        <source>Vigil: warning alerts active</source>
        <translation>Vigil: warning alerts active</translation>
    </message>
    <message>
        <source>Vigil: critical alerts active</source>
        <translation>Vigil: critical alerts active</translation>
    </message>
    <message>
        <source>Vigil: emergency alerts active</source>
        <translation>Vigil: emergency alerts active</translation>
    </message>
    <message>
        <source>Firing: %1 emergency, %2 critical, %3 warning</source>
        <translation>Firing: %1 emergency, %2 critical, %3 warning</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ValuePanel</name>
    <message>
        <source>The engine is not running.</source>
        <translation>The engine is not running.</translation>
    </message>
    <message>
        <source>The engine stopped.</source>
        <translation>The engine stopped.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>No data</translation>
    </message>
</context>
</TS>