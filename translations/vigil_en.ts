<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DataSources</name>
    <message>
        <source>Local engine</source>
        <translation>Local engine</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1 (missing)</translation>
    </message>
    <message>
        <source>The engine is not running.</source>
        <translation>The engine is not running.</translation>
    </message>
    <message>
        <source>The data source “%1” is not available: %2</source>
        <translation>The data source “%1” is not available: %2</translation>
    </message>
    <message>
        <source>The data source “%1” is not available.</source>
        <translation>The data source “%1” is not available.</translation>
    </message>
</context>
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
    <name>vigil::ui::AddToDashboardDialog</name>
    <message>
        <source>Add to dashboard</source>
        <translation>Add to dashboard</translation>
    </message>
    <message>
        <source>New dashboard</source>
        <translation>New dashboard</translation>
    </message>
    <message>
        <source>Title of the new dashboard</source>
        <translation>Title of the new dashboard</translation>
    </message>
    <message>
        <source>Open the dashboard afterwards</source>
        <translation>Open the dashboard afterwards</translation>
    </message>
    <message>
        <source>Panel title:</source>
        <translation>Panel title:</translation>
    </message>
    <message>
        <source>Dashboard:</source>
        <translation>Dashboard:</translation>
    </message>
    <message>
        <source>New dashboard:</source>
        <translation>New dashboard:</translation>
    </message>
    <message>
        <source>Loading the dashboards…</source>
        <translation>Loading the dashboards…</translation>
    </message>
    <message>
        <source>Add panel</source>
        <translation>Add panel</translation>
    </message>
    <message>
        <source>The engine is not running: dashboards cannot be saved now.</source>
        <translation>The engine is not running: dashboards cannot be saved now.</translation>
    </message>
    <message>
        <source>Could not read the saved dashboards: %1</source>
        <translation>Could not read the saved dashboards: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Could not add the panel: %1</source>
        <translation>Could not add the panel: %1</translation>
    </message>
</context>
<context>
    <name>vigil::ui::AlertDesk</name>
    <message>
        <source>The engine is not running.</source>
        <translation>The engine is not running.</translation>
    </message>
    <message>
        <source>Silenced for 1 h from the desktop notification</source>
        <translation>Silenced for 1 h from the desktop notification</translation>
    </message>
    <message>
        <source>Action succeeded:</source>
        <translation>Action succeeded:</translation>
    </message>
    <message>
        <source>Action failed:</source>
        <translation>Action failed:</translation>
    </message>
</context>
<context>
    <name>vigil::ui::AlertHistoryModel</name>
    <message>
        <source>fired</source>
        <translation>fired</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resolved</translation>
    </message>
    <message>
        <source>silenced</source>
        <translation>silenced</translation>
    </message>
    <message>
        <source>silence expired</source>
        <translation>silence expired</translation>
    </message>
    <message>
        <source>notification</source>
        <translation>notification</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>delivered</translation>
    </message>
    <message>
        <source>failed, will retry</source>
        <translation>failed, will retry</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>%1 %2, attempt %3: %4</source>
        <translation>%1 %2, attempt %3: %4</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>vigil::ui::AlertListModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>%1 (%2 ago)</source>
        <translation>%1 (%2 ago)</translation>
    </message>
    <message>
        <source>silenced</source>
        <translation>silenced</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Fires</source>
        <translation>Fires</translation>
    </message>
    <message>
        <source>Firing since</source>
        <translation>Firing since</translation>
    </message>
    <message>
        <source>Silenced</source>
        <translation>Silenced</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
</context>
<context>
    <name>vigil::ui::AlertPopup</name>
    <message>
        <source>Vigil: critical alert</source>
        <translation>Vigil: critical alert</translation>
    </message>
    <message>
        <source>What are you doing about it?</source>
        <translation>What are you doing about it?</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Silence 1 h</source>
        <translation>Silence 1 h</translation>
    </message>
    <message>
        <source>Open graph</source>
        <translation>Open graph</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>Enter who takes ownership of the alert.</source>
        <translation>Enter who takes ownership of the alert.</translation>
    </message>
    <message>
        <source>Acknowledged by %1</source>
        <translation>Acknowledged by %1</translation>
    </message>
    <message>
        <source>Acknowledged by %1: %2</source>
        <translation>Acknowledged by %1: %2</translation>
    </message>
</context>
<context>
    <name>vigil::ui::AlertsPage</name>
    <message>
        <source>Emergency</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Firing</source>
        <translation>Firing</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Silences</source>
        <translation>Silences</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>No alerts are firing.</source>
        <translation>No alerts are firing.</translation>
    </message>
    <message>
        <source>Comment for the silence (why, who is on it)</source>
        <translation>Comment for the silence (why, who is on it)</translation>
    </message>
    <message>
        <source>Silence 1 h</source>
        <translation>Silence 1 h</translation>
    </message>
    <message>
        <source>Silence 4 h</source>
        <translation>Silence 4 h</translation>
    </message>
    <message>
        <source>Silence until resolved</source>
        <translation>Silence until resolved</translation>
    </message>
    <message>
        <source>Open graph</source>
        <translation>Open graph</translation>
    </message>
    <message>
        <source>Mute notifications of this alert (all its labels) for one hour</source>
        <translation>Mute notifications of this alert (all its labels) for one hour</translation>
    </message>
    <message>
        <source>Mute notifications of this alert until it resolves</source>
        <translation>Mute notifications of this alert until it resolves</translation>
    </message>
    <message>
        <source>Graph the alert's expression around its firing time in Explore</source>
        <translation>Graph the alert's expression around its firing time in Explore</translation>
    </message>
    <message>
        <source>Alerts whose condition holds but whose “for” duration has not passed yet.</source>
        <translation>Alerts whose condition holds but whose “for” duration has not passed yet.</translation>
    </message>
    <message>
        <source>Expire now</source>
        <translation>Expire now</translation>
    </message>
    <message>
        <source>End the selected silence early</source>
        <translation>End the selected silence early</translation>
    </message>
    <message>
        <source>Filter: alert, label, receiver, error…</source>
        <translation>Filter: alert, label, receiver, error…</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>All tiers</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Last hour</translation>
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
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Alerts are not available: %1</source>
        <translation>Alerts are not available: %1</translation>
    </message>
    <message numerus="yes">
        <source>No alerts are firing; %n pending.</source>
        <translation>
            <numerusform>No alerts are firing; %n pending.</numerusform>
            <numerusform>No alerts are firing; %n pending.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n firing (%1), %2 pending</source>
        <translation>
            <numerusform>%n firing (%1), %2 pending</numerusform>
            <numerusform>%n firing (%1), %2 pending</numerusform>
        </translation>
    </message>
    <message>
        <source>Firing (%1)</source>
        <translation>Firing (%1)</translation>
    </message>
    <message>
        <source>Pending (%1)</source>
        <translation>Pending (%1)</translation>
    </message>
    <message>
        <source>Updated %1.</source>
        <translation>Updated %1.</translation>
    </message>
    <message>
        <source>The alert history is not available: %1</source>
        <translation>The alert history is not available: %1</translation>
    </message>
    <message>
        <source>Select an alert first.</source>
        <translation>Select an alert first.</translation>
    </message>
    <message>
        <source>Silenced from the Alerts page</source>
        <translation>Silenced from the Alerts page</translation>
    </message>
    <message>
        <source>Silenced until resolved from the Alerts page</source>
        <translation>Silenced until resolved from the Alerts page</translation>
    </message>
    <message>
        <source>Could not silence %1: %2</source>
        <translation>Could not silence %1: %2</translation>
    </message>
    <message>
        <source>%1 is silenced.</source>
        <translation>%1 is silenced.</translation>
    </message>
    <message>
        <source>Select a silence first.</source>
        <translation>Select a silence first.</translation>
    </message>
    <message>
        <source>Could not expire the silence: %1</source>
        <translation>Could not expire the silence: %1</translation>
    </message>
    <message>
        <source>The silence has expired.</source>
        <translation>The silence has expired.</translation>
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
    <name>vigil::ui::ChannelsForm</name>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <source>Where each tier's alerts go besides the desktop. Webhook URLs and passwords are kept in the system keychain, never in Vigil's database. Quiet hours mute notifications of a tier; emergency alerts are never muted.</source>
        <translation>Where each tier's alerts go besides the desktop. Webhook URLs and passwords are kept in the system keychain, never in Vigil's database. Quiet hours mute notifications of a tier; emergency alerts are never muted.</translation>
    </message>
    <message>
        <source>Save channels</source>
        <translation>Save channels</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Revert</translation>
    </message>
    <message>
        <source>ops@example.org</source>
        <translation>ops@example.org</translation>
    </message>
    <message>
        <source>smtp.example.org:587</source>
        <translation>smtp.example.org:587</translation>
    </message>
    <message>
        <source>Require TLS</source>
        <translation>Require TLS</translation>
    </message>
    <message>
        <source>/usr/local/bin/page-oncall</source>
        <translation>/usr/local/bin/page-oncall</translation>
    </message>
    <message>
        <source>Slack webhook URL</source>
        <translation>Slack webhook URL</translation>
    </message>
    <message>
        <source>Email to</source>
        <translation>Email to</translation>
    </message>
    <message>
        <source>Email from</source>
        <translation>Email from</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>SMTP server</translation>
    </message>
    <message>
        <source>SMTP user</source>
        <translation>SMTP user</translation>
    </message>
    <message>
        <source>SMTP password</source>
        <translation>SMTP password</translation>
    </message>
    <message>
        <source>SMS webhook URL</source>
        <translation>SMS webhook URL</translation>
    </message>
    <message>
        <source>Action command</source>
        <translation>Action command</translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation>Quiet hours</translation>
    </message>
    <message>
        <source>Monday to Friday only</source>
        <translation>Monday to Friday only</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Emergency alerts are never muted by quiet hours.</source>
        <translation>Emergency alerts are never muted by quiet hours.</translation>
    </message>
    <message>
        <source>Send test</source>
        <translation>Send test</translation>
    </message>
    <message>
        <source>Send a test notification through this tier's channels as entered above</source>
        <translation>Send a test notification through this tier's channels as entered above</translation>
    </message>
    <message>
        <source>stored in the keychain; type to replace</source>
        <translation>stored in the keychain; type to replace</translation>
    </message>
    <message>
        <source>Could not read the notification settings: %1</source>
        <translation>Could not read the notification settings: %1</translation>
    </message>
    <message>
        <source>Notifications are configured by --notifier.config.file; these settings apply when Vigil runs without it. Send test works.</source>
        <translation>Notifications are configured by --notifier.config.file; these settings apply when Vigil runs without it. Send test works.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Saved; the notifier uses the new channels now.</source>
        <translation>Saved; the notifier uses the new channels now.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Not sent: %1</translation>
    </message>
    <message>
        <source>This tier has no channel besides the desktop.</source>
        <translation>This tier has no channel besides the desktop.</translation>
    </message>
    <message>
        <source>%1: delivered</source>
        <translation>%1: delivered</translation>
    </message>
    <message>
        <source>%1: failed — %2</source>
        <translation>%1: failed — %2</translation>
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
    <name>vigil::ui::DataSourceDialog</name>
    <message>
        <source>Add data source</source>
        <translation>Add data source</translation>
    </message>
    <message>
        <source>Edit data source</source>
        <translation>Edit data source</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>e.g. http://prometheus:9090 or https://mimir/prometheus</source>
        <translation>e.g. http://prometheus:9090 or https://mimir/prometheus</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
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
        <source>Authentication</source>
        <translation>Authentication</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>kept in the system keychain</source>
        <translation>kept in the system keychain</translation>
    </message>
    <message>
        <source>unchanged (kept in the system keychain)</source>
        <translation>unchanged (kept in the system keychain)</translation>
    </message>
    <message>
        <source>Password or token</source>
        <translation>Password or token</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA file</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client certificate</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Client key</translation>
    </message>
    <message>
        <source>Do not verify the server's certificate</source>
        <translation>Do not verify the server's certificate</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Testing…</translation>
    </message>
    <message>
        <source>The server answers PromQL queries.</source>
        <translation>The server answers PromQL queries.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::DesktopAlertSink</name>
    <message>
        <source>Escalated (step %1): %2</source>
        <translation>Escalated (step %1): %2</translation>
    </message>
    <message>
        <source>Acknowledged by %1</source>
        <translation>Acknowledged by %1</translation>
    </message>
    <message>
        <source>Open graph</source>
        <translation>Open graph</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Silence 1 h</source>
        <translation>Silence 1 h</translation>
    </message>
    <message>
        <source>Run runbook</source>
        <translation>Run runbook</translation>
    </message>
</context>
<context>
    <name>vigil::ui::EmergencyWindow</name>
    <message>
        <source>Vigil: EMERGENCY</source>
        <translation>Vigil: EMERGENCY</translation>
    </message>
    <message>
        <source>No action output yet.</source>
        <translation>No action output yet.</translation>
    </message>
    <message>
        <source>Action output:</source>
        <translation>Action output:</translation>
    </message>
    <message>
        <source>Required: what are you doing about it?</source>
        <translation>Required: what are you doing about it?</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>This window stays until the alert is acknowledged.</source>
        <translation>This window stays until the alert is acknowledged.</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Open graph</source>
        <translation>Open graph</translation>
    </message>
    <message>
        <source>An emergency needs an owner and a comment to be acknowledged.</source>
        <translation>An emergency needs an owner and a comment to be acknowledged.</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>Value:</translation>
    </message>
    <message>
        <source>No runbook for this alert.</source>
        <translation>No runbook for this alert.</translation>
    </message>
    <message>
        <source>Runbook: &lt;a href="%1"&gt;%2&lt;/a&gt;</source>
        <translation>Runbook: &lt;a href="%1"&gt;%2&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Last hour</translation>
    </message>
    <message>
        <source>Acknowledged by %1: %2</source>
        <translation>Acknowledged by %1: %2</translation>
    </message>
    <message>
        <source>Acknowledge the emergency first (owner and comment).</source>
        <translation>Acknowledge the emergency first (owner and comment).</translation>
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
    <message>
        <source>Add to dashboard…</source>
        <translation>Add to dashboard…</translation>
    </message>
    <message>
        <source>Put this query on a dashboard as a graph panel</source>
        <translation>Put this query on a dashboard as a graph panel</translation>
    </message>
    <message>
        <source>Where the query runs: the local engine or a remote Prometheus-compatible server</source>
        <translation>Where the query runs: the local engine or a remote Prometheus-compatible server</translation>
    </message>
    <message>
        <source>Explain evaluates each part of the query on the local engine; choose “Local engine” to use it.</source>
        <translation>Explain evaluates each part of the query on the local engine; choose “Local engine” to use it.</translation>
    </message>
    <message>
        <source>Added the panel “%1” to the dashboard “%2”.</source>
        <translation>Added the panel “%1” to the dashboard “%2”.</translation>
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
    <message>
        <source>Overlay the same queries over an earlier window and show each series' change in percent.</source>
        <translation>Overlay the same queries over an earlier window and show each series' change in percent.</translation>
    </message>
    <message>
        <source>No comparison</source>
        <translation>No comparison</translation>
    </message>
    <message>
        <source>1 day earlier</source>
        <translation>1 day earlier</translation>
    </message>
    <message>
        <source>1 week earlier</source>
        <translation>1 week earlier</translation>
    </message>
    <message>
        <source>before “%1”</source>
        <translation>before “%1”</translation>
    </message>
    <message>
        <source>Before marker: %1</source>
        <translation>Before marker: %1</translation>
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
    <name>vigil::ui::IncidentListModel</name>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Fired</source>
        <translation>Fired</translation>
    </message>
    <message>
        <source>To acknowledge</source>
        <translation>To acknowledge</translation>
    </message>
    <message>
        <source>To resolve</source>
        <translation>To resolve</translation>
    </message>
</context>
<context>
    <name>vigil::ui::IncidentReport</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>fired</source>
        <translation>fired</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>acknowledged</translation>
    </message>
    <message>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <source>silenced</source>
        <translation>silenced</translation>
    </message>
    <message>
        <source>action run</source>
        <translation>action run</translation>
    </message>
    <message>
        <source>alert resolved</source>
        <translation>alert resolved</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resolved</translation>
    </message>
    <message>
        <source>Incident %1: %2</source>
        <translation>Incident %1: %2</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Severity: %1</source>
        <translation>Severity: %1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>State: %1</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>Grouped by: %1</source>
        <translation>Grouped by: %1</translation>
    </message>
    <message>
        <source>Condition first true: %1</source>
        <translation>Condition first true: %1</translation>
    </message>
    <message>
        <source>Fired: %1</source>
        <translation>Fired: %1</translation>
    </message>
    <message>
        <source>Acknowledged: %1 by %2</source>
        <translation>Acknowledged: %1 by %2</translation>
    </message>
    <message>
        <source>Acknowledged: —</source>
        <translation>Acknowledged: —</translation>
    </message>
    <message>
        <source>Resolved: %1</source>
        <translation>Resolved: %1</translation>
    </message>
    <message>
        <source>Response times</source>
        <translation>Response times</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Time to detect</source>
        <translation>Time to detect</translation>
    </message>
    <message>
        <source>Time to acknowledge</source>
        <translation>Time to acknowledge</translation>
    </message>
    <message>
        <source>Time to resolve</source>
        <translation>Time to resolve</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>Expression</translation>
    </message>
    <message>
        <source>Fired</source>
        <translation>Fired</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>No notes.</source>
        <translation>No notes.</translation>
    </message>
    <message>
        <source>Graphs</source>
        <translation>Graphs</translation>
    </message>
    <message>
        <source>Not drawn: %1</source>
        <translation>Not drawn: %1</translation>
    </message>
    <message>
        <source>No graphs.</source>
        <translation>No graphs.</translation>
    </message>
    <message>
        <source>Correlated series</source>
        <translation>Correlated series</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Series</translation>
    </message>
    <message>
        <source>Pearson r</source>
        <translation>Pearson r</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Could not write %1.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
</context>
<context>
    <name>vigil::ui::IncidentsPage</name>
    <message>
        <source>Open incidents only</source>
        <translation>Open incidents only</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Select an incident.</source>
        <translation>Select an incident.</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Export Markdown…</source>
        <translation>Export Markdown…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Write a note for the timeline…</source>
        <translation>Write a note for the timeline…</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Show scope</source>
        <translation>Show scope</translation>
    </message>
    <message>
        <source>Affected targets and graphs of the alert expression, its inputs and the node's CPU, memory, disk and network over the incident window.</source>
        <translation>Affected targets and graphs of the alert expression, its inputs and the node's CPU, memory, disk and network over the incident window.</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Find correlated series</source>
        <translation>Find correlated series</translation>
    </message>
    <message>
        <source>Ranks the other series of the same instance by how strongly they moved with the alert's input in the 30 minutes before it fired (Pearson correlation; counters as rates).</source>
        <translation>Ranks the other series of the same instance by how strongly they moved with the alert's input in the 30 minutes before it fired (Pearson correlation; counters as rates).</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Series</translation>
    </message>
    <message>
        <source>Pearson r</source>
        <translation>Pearson r</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>Correlation</translation>
    </message>
    <message>
        <source>The engine is not running.</source>
        <translation>The engine is not running.</translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s), %1 open</source>
        <translation>
            <numerusform>%n incident, %1 open</numerusform>
            <numerusform>%n incidents, %1 open</numerusform>
        </translation>
    </message>
    <message>
        <source>Severity %1 · grouped by %2</source>
        <translation>Severity %1 · grouped by %2</translation>
    </message>
    <message>
        <source>Fired %1 · to detect %2 · to acknowledge %3 · to resolve %4</source>
        <translation>Fired %1 · to detect %2 · to acknowledge %3 · to resolve %4</translation>
    </message>
    <message>
        <source>Acknowledged by %1</source>
        <translation>Acknowledged by %1</translation>
    </message>
    <message>
        <source>The note was not saved: %1</source>
        <translation>The note was not saved: %1</translation>
    </message>
    <message>
        <source>Not acknowledged: %1</source>
        <translation>Not acknowledged: %1</translation>
    </message>
    <message>
        <source>Export incident as PDF</source>
        <translation>Export incident as PDF</translation>
    </message>
    <message>
        <source>Export incident as Markdown</source>
        <translation>Export incident as Markdown</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Alert expression</source>
        <translation>Alert expression</translation>
    </message>
    <message>
        <source>Input %1</source>
        <translation>Input %1</translation>
    </message>
    <message>
        <source>CPU busy on %1</source>
        <translation>CPU busy on %1</translation>
    </message>
    <message>
        <source>Memory in use on %1</source>
        <translation>Memory in use on %1</translation>
    </message>
    <message>
        <source>Filesystem use on %1</source>
        <translation>Filesystem use on %1</translation>
    </message>
    <message>
        <source>Network bytes/s on %1</source>
        <translation>Network bytes/s on %1</translation>
    </message>
    <message>
        <source>Affected targets: %1</source>
        <translation>Affected targets: %1</translation>
    </message>
    <message>
        <source>none named</source>
        <translation>none named</translation>
    </message>
    <message>
        <source>Correlating %1 with the series of %2=%3…</source>
        <translation>Correlating %1 with the series of %2=%3…</translation>
    </message>
    <message>
        <source>No correlation: %1</source>
        <translation>No correlation: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n series compared.</source>
        <translation>
            <numerusform>%n series compared.</numerusform>
            <numerusform>%n series compared.</numerusform>
        </translation>
    </message>
    <message>
        <source>No incident is selected.</source>
        <translation>No incident is selected.</translation>
    </message>
    <message>
        <source>Report written to %1.</source>
        <translation>Report written to %1.</translation>
    </message>
    <message>
        <source>Drawing the report's graphs…</source>
        <translation>Drawing the report's graphs…</translation>
    </message>
    <message>
        <source>Add marker…</source>
        <translation>Add marker…</translation>
    </message>
    <message>
        <source>Mark a deploy or change now; the marker is drawn on every graph.</source>
        <translation>Mark a deploy or change now; the marker is drawn on every graph.</translation>
    </message>
    <message>
        <source>Add marker</source>
        <translation>Add marker</translation>
    </message>
    <message>
        <source>What changed (e.g. deploy api 1.4):</source>
        <translation>What changed (e.g. deploy api 1.4):</translation>
    </message>
    <message>
        <source>The marker was not saved: %1</source>
        <translation>The marker was not saved: %1</translation>
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
    <name>vigil::ui::KubernetesJobDialog</name>
    <message>
        <source>Kubernetes pods (annotations)</source>
        <translation>Kubernetes pods (annotations)</translation>
    </message>
    <message>
        <source>Discovers the pods of a cluster and scrapes those annotated with prometheus.io/scrape: "true" (prometheus.io/port, /path and /scheme are honoured). Pods the workstation cannot reach are scraped through the API server's pod proxy.</source>
        <translation>Discovers the pods of a cluster and scrapes those annotated with prometheus.io/scrape: "true" (prometheus.io/port, /path and /scheme are honoured). Pods the workstation cannot reach are scraped through the API server's pod proxy.</translation>
    </message>
    <message>
        <source>Job:</source>
        <translation>Job:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Kubeconfig file:</source>
        <translation>Kubeconfig file:</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>Context:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Scrape interval:</source>
        <translation>Scrape interval:</translation>
    </message>
    <message>
        <source>Directly, through the API server when a pod cannot be reached</source>
        <translation>Directly, through the API server when a pod cannot be reached</translation>
    </message>
    <message>
        <source>Always through the API server's pod proxy</source>
        <translation>Always through the API server's pod proxy</translation>
    </message>
    <message>
        <source>Directly only</source>
        <translation>Directly only</translation>
    </message>
    <message>
        <source>Scrape pods:</source>
        <translation>Scrape pods:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Choose a kubeconfig file</source>
        <translation>Choose a kubeconfig file</translation>
    </message>
    <message>
        <source>Choose a kubeconfig file.</source>
        <translation>Choose a kubeconfig file.</translation>
    </message>
    <message>
        <source>Cannot read the kubeconfig: %1</source>
        <translation>Cannot read the kubeconfig: %1</translation>
    </message>
    <message>
        <source>The kubeconfig has no contexts.</source>
        <translation>The kubeconfig has no contexts.</translation>
    </message>
    <message numerus="yes">
        <source>%n context(s) found.</source>
        <translation>
            <numerusform>%n context found.</numerusform>
            <numerusform>%n contexts found.</numerusform>
        </translation>
    </message>
    <message>
        <source>The job needs a name.</source>
        <translation>The job needs a name.</translation>
    </message>
    <message>
        <source>Choose a kubeconfig file with at least one context.</source>
        <translation>Choose a kubeconfig file with at least one context.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
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
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Remote</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Ingestion errors: %1</source>
        <translation>Ingestion errors: %1</translation>
    </message>
    <message>
        <source>Storage writes are failing: scraped samples are being dropped.</source>
        <translation>Storage writes are failing: scraped samples are being dropped.</translation>
    </message>
    <message>
        <source>Storage writes failed earlier; they succeed again.</source>
        <translation>Storage writes failed earlier; they succeed again.</translation>
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
    <message>
        <source>Data source</source>
        <translation>Data source</translation>
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
    <name>vigil::ui::RemotePage</name>
    <message>
        <source>Remote</source>
        <translation>Remote</translation>
    </message>
    <message>
        <source>Remote write</source>
        <translation>Remote write</translation>
    </message>
    <message>
        <source>Send every sample Vigil stores to Prometheus, Mimir, Thanos Receive or VictoriaMetrics (Remote-Write 1.0). Destinations in the --config.file's remote_write section are listed too.</source>
        <translation>Send every sample Vigil stores to Prometheus, Mimir, Thanos Receive or VictoriaMetrics (Remote-Write 1.0). Destinations in the --config.file's remote_write section are listed too.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Pending samples</source>
        <translation>Pending samples</translation>
    </message>
    <message>
        <source>Shards</source>
        <translation>Shards</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>Lag</translation>
    </message>
    <message>
        <source>Failed samples</source>
        <translation>Failed samples</translation>
    </message>
    <message>
        <source>Retried samples</source>
        <translation>Retried samples</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Add…</translation>
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
        <source>Data sources</source>
        <translation>Data sources</translation>
    </message>
    <message>
        <source>Prometheus-compatible query endpoints that graph panels and Explore can read from instead of the local engine.</source>
        <translation>Prometheus-compatible query endpoints that graph panels and Explore can read from instead of the local engine.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentication</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Not applied: %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>Behind</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <source>Basic (%1)</source>
        <translation>Basic (%1)</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer token</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Destination saved; the queue starts now.</source>
        <translation>Destination saved; the queue starts now.</translation>
    </message>
    <message>
        <source>Destination saved and applied.</source>
        <translation>Destination saved and applied.</translation>
    </message>
    <message>
        <source>Choose a destination added here; those of the configuration file are edited there.</source>
        <translation>Choose a destination added here; those of the configuration file are edited there.</translation>
    </message>
    <message>
        <source>Destination removed.</source>
        <translation>Destination removed.</translation>
    </message>
    <message>
        <source>Data source saved.</source>
        <translation>Data source saved.</translation>
    </message>
    <message>
        <source>Data source removed.</source>
        <translation>Data source removed.</translation>
    </message>
    <message>
        <source>Choose a data source.</source>
        <translation>Choose a data source.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Testing…</translation>
    </message>
    <message>
        <source>Answers queries</source>
        <translation>Answers queries</translation>
    </message>
    <message>
        <source>“%1” answers queries.</source>
        <translation>“%1” answers queries.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::RemoteWriteDialog</name>
    <message>
        <source>Add remote write destination</source>
        <translation>Add remote write destination</translation>
    </message>
    <message>
        <source>Edit remote write destination</source>
        <translation>Edit remote write destination</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>e.g. http://mimir:9009/api/v1/push</source>
        <translation>e.g. http://mimir:9009/api/v1/push</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
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
        <source>Authentication</source>
        <translation>Authentication</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>kept in the system keychain</source>
        <translation>kept in the system keychain</translation>
    </message>
    <message>
        <source>unchanged (kept in the system keychain)</source>
        <translation>unchanged (kept in the system keychain)</translation>
    </message>
    <message>
        <source>Password or token</source>
        <translation>Password or token</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Queue capacity</source>
        <translation>Queue capacity</translation>
    </message>
    <message>
        <source>Shards (min / max)</source>
        <translation>Shards (min / max)</translation>
    </message>
    <message>
        <source>Samples per request</source>
        <translation>Samples per request</translation>
    </message>
    <message>
        <source>Batch send deadline</source>
        <translation>Batch send deadline</translation>
    </message>
    <message>
        <source>write_relabel_configs (YAML)</source>
        <translation>write_relabel_configs (YAML)</translation>
    </message>
    <message>
        <source>Give the destination a name.</source>
        <translation>Give the destination a name.</translation>
    </message>
    <message>
        <source>Basic authentication needs a username.</source>
        <translation>Basic authentication needs a username.</translation>
    </message>
    <message>
        <source>The minimum number of shards is above the maximum.</source>
        <translation>The minimum number of shards is above the maximum.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ReportGraphs</name>
    <message>
        <source>no query</source>
        <translation>no query</translation>
    </message>
    <message>
        <source>the engine is not running</source>
        <translation>the engine is not running</translation>
    </message>
</context>
<context>
    <name>vigil::ui::RuleEditorDialog</name>
    <message>
        <source>New rule group</source>
        <translation>New rule group</translation>
    </message>
    <message>
        <source>Edit rule group %1</source>
        <translation>Edit rule group %1</translation>
    </message>
    <message>
        <source>global evaluation interval</source>
        <translation>global evaluation interval</translation>
    </message>
    <message>
        <source>How often the group is evaluated, e.g. 30s or 1m</source>
        <translation>How often the group is evaluated, e.g. 30s or 1m</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Group name</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Interval</translation>
    </message>
    <message>
        <source>Add alert</source>
        <translation>Add alert</translation>
    </message>
    <message>
        <source>Add recording rule</source>
        <translation>Add recording rule</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>Remove rule</translation>
    </message>
    <message>
        <source>0s: fire at once</source>
        <translation>0s: fire at once</translation>
    </message>
    <message>
        <source>0s</source>
        <translation>0s</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>No severity</source>
        <translation>No severity</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Add label</source>
        <translation>Add label</translation>
    </message>
    <message>
        <source>Remove label</source>
        <translation>Remove label</translation>
    </message>
    <message>
        <source>{{ $labels.instance }} is down</source>
        <translation>{{ $labels.instance }} is down</translation>
    </message>
    <message>
        <source>https://wiki.example.org/runbooks/...</source>
        <translation>https://wiki.example.org/runbooks/...</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>Expression</translation>
    </message>
    <message>
        <source>For</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Keep firing for</source>
        <translation>Keep firing for</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Runbook URL</source>
        <translation>Runbook URL</translation>
    </message>
    <message>
        <source>last hour</source>
        <translation>last hour</translation>
    </message>
    <message>
        <source>last 6 hours</source>
        <translation>last 6 hours</translation>
    </message>
    <message>
        <source>last 24 hours</source>
        <translation>last 24 hours</translation>
    </message>
    <message>
        <source>last 7 days</source>
        <translation>last 7 days</translation>
    </message>
    <message>
        <source>Backtest</source>
        <translation>Backtest</translation>
    </message>
    <message>
        <source>When would this rule have fired? Evaluates it over the stored history</source>
        <translation>When would this rule have fired? Evaluates it over the stored history</translation>
    </message>
    <message>
        <source>Backtest over</source>
        <translation>Backtest over</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>Validate</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>The group is valid.</source>
        <translation>The group is valid.</translation>
    </message>
    <message>
        <source>alerting rule</source>
        <translation>alerting rule</translation>
    </message>
    <message>
        <source>recording rule</source>
        <translation>recording rule</translation>
    </message>
    <message>
        <source>The group needs a name.</source>
        <translation>The group needs a name.</translation>
    </message>
    <message>
        <source>The interval is not a duration (e.g. 30s, 1m).</source>
        <translation>The interval is not a duration (e.g. 30s, 1m).</translation>
    </message>
    <message>
        <source>Rule %1: “for” and “keep firing for” must be durations (e.g. 5m).</source>
        <translation>Rule %1: “for” and “keep firing for” must be durations (e.g. 5m).</translation>
    </message>
    <message>
        <source>The group has no rules.</source>
        <translation>The group has no rules.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>The engine is not running.</source>
        <translation>The engine is not running.</translation>
    </message>
    <message>
        <source>Fix the durations first.</source>
        <translation>Fix the durations first.</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>Evaluating…</translation>
    </message>
    <message>
        <source>Backtest failed: %1</source>
        <translation>Backtest failed: %1</translation>
    </message>
    <message numerus="yes">
        <source>It would not have fired in this range (%n evaluations).</source>
        <translation>
            <numerusform>It would not have fired in this range (%n evaluations).</numerusform>
            <numerusform>It would not have fired in this range (%n evaluations).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Would have fired %n time(s) across %1 series; pending %2 time(s) (red: firing, amber: pending).</source>
        <translation>
            <numerusform>Would have fired %n time across %1 series; pending %2 time (red: firing, amber: pending).</numerusform>
            <numerusform>Would have fired %n times across %1 series; pending %2 times (red: firing, amber: pending).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::ui::RuleGroupModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Saved in the console; editable</source>
        <translation>Saved in the console; editable</translation>
    </message>
    <message>
        <source>From a rule file; read-only</source>
        <translation>From a rule file; read-only</translation>
    </message>
    <message>
        <source>console</source>
        <translation>console</translation>
    </message>
    <message>
        <source>built-in (read-only)</source>
        <translation>built-in (read-only)</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1 (read-only)</translation>
    </message>
    <message>
        <source>every %1</source>
        <translation>every %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1 ago</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>alert</translation>
    </message>
    <message>
        <source>recording</source>
        <translation>recording</translation>
    </message>
    <message>
        <source>firing (%1)</source>
        <translation>firing (%1)</translation>
    </message>
    <message>
        <source>pending (%1)</source>
        <translation>pending (%1)</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inactive</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Group / rule</source>
        <translation>Group / rule</translation>
    </message>
    <message>
        <source>Source / kind</source>
        <translation>Source / kind</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Last evaluation</source>
        <translation>Last evaluation</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
</context>
<context>
    <name>vigil::ui::RulesPage</name>
    <message>
        <source>New group…</source>
        <translation>New group…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Save the console's rule groups as one rule file</source>
        <translation>Save the console's rule groups as one rule file</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Rule groups</source>
        <translation>Rule groups</translation>
    </message>
    <message>
        <source>Notification channels</source>
        <translation>Notification channels</translation>
    </message>
    <message>
        <source>Export rule groups</source>
        <translation>Export rule groups</translation>
    </message>
    <message>
        <source>Rule files (*.yml *.yaml)</source>
        <translation>Rule files (*.yml *.yaml)</translation>
    </message>
    <message>
        <source>Rules are not available: %1</source>
        <translation>Rules are not available: %1</translation>
    </message>
    <message>
        <source>%1 groups, %2 rules; %3 failing.</source>
        <translation>%1 groups, %2 rules; %3 failing.</translation>
    </message>
    <message>
        <source>%1 groups, %2 rules.</source>
        <translation>%1 groups, %2 rules.</translation>
    </message>
    <message>
        <source>Groups from rule files are read-only; edit the file instead</source>
        <translation>Groups from rule files are read-only; edit the file instead</translation>
    </message>
    <message>
        <source>Saved; the rules are reloaded.</source>
        <translation>Saved; the rules are reloaded.</translation>
    </message>
    <message>
        <source>Delete rule group</source>
        <translation>Delete rule group</translation>
    </message>
    <message>
        <source>Delete the rule group “%1” and its rules?</source>
        <translation>Delete the rule group “%1” and its rules?</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>Deleted %1.</translation>
    </message>
    <message>
        <source>Could not delete %1: %2</source>
        <translation>Could not delete %1: %2</translation>
    </message>
    <message>
        <source>There are no rule groups saved in the console.</source>
        <translation>There are no rule groups saved in the console.</translation>
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
    <name>vigil::ui::SilenceModel</name>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expired</translation>
    </message>
    <message>
        <source>until resolved</source>
        <translation>until resolved</translation>
    </message>
    <message>
        <source>Matchers</source>
        <translation>Matchers</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Starts</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Ends</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Created by</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
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
    <message>
        <source>Discovered labels (before relabeling):</source>
        <translation>Discovered labels (before relabeling):</translation>
    </message>
    <message>
        <source>Not scraped: %1</source>
        <translation>Not scraped: %1</translation>
    </message>
    <message>
        <source>Target labels (after relabeling):</source>
        <translation>Target labels (after relabeling):</translation>
    </message>
    <message>
        <source>Discovered (%1)</source>
        <translation>Discovered (%1)</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Dropped</translation>
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
    <message>
        <source>From template</source>
        <translation>From template</translation>
    </message>
    <message>
        <source>Kubernetes pods (annotations)…</source>
        <translation>Kubernetes pods (annotations)…</translation>
    </message>
    <message>
        <source>Show dropped targets</source>
        <translation>Show dropped targets</translation>
    </message>
    <message>
        <source>Also list the discovered targets that are not scraped (dropped by relabeling, or with invalid labels), with the reason</source>
        <translation>Also list the discovered targets that are not scraped (dropped by relabeling, or with invalid labels), with the reason</translation>
    </message>
    <message>
        <source>Service discovery of %1: %2</source>
        <translation>Service discovery of %1: %2</translation>
    </message>
    <message>
        <source>Discovered targets follow their discovery source; copy one as a console target to change it.</source>
        <translation>Discovered targets follow their discovery source; copy one as a console target to change it.</translation>
    </message>
    <message numerus="yes">
        <source>%n dropped</source>
        <translation>
            <numerusform>%n dropped</numerusform>
            <numerusform>%n dropped</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy as console target…</source>
        <translation>Copy as console target…</translation>
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
    <message>
        <source>Acknowledged: %1</source>
        <translation>Acknowledged: %1</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ValuePanel</name>
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