// OpenMetricsParser: pull parser for the OpenMetrics 1.0.0 text format.
//
// Follows the ABNF of the OpenMetrics 1.0 specification strictly: every
// line ends with '\n' (no '\r', no empty lines); single spaces separate
// tokens; the only '#' lines are "# HELP", "# TYPE", "# UNIT" and the final
// "# EOF", after which nothing may follow (one trailing '\n' allowed).
//   <name>[{l="v",...}] <number> [<timestamp>] [ # {l="v",...} <number> [<timestamp>]]
// Numbers: realnumber or, case-insensitively, [+-]inf, [+-]infinity, nan.
// Timestamps: float seconds (realnumber), returned as milliseconds rounded to
// the nearest millisecond. Escapes: \\ \" \n; any other \c stands for itself.
//
// Family rules checked: metadata (HELP/TYPE/UNIT, each at most once) before
// the family's samples; families not interleaved (a name seen before may not
// start a family again); names and label names not starting with '_' (reserved);
// UNIT is "_<unit>" suffix of the family name and empty for info/stateset;
// sample names per type: counter _total/_created; histogram
// _bucket/_count/_sum/_created; gaugehistogram _bucket/_gcount/_gsum; summary
// (no suffix, with "quantile")/_count/_sum/_created; info _info; gauge,
// stateset, unknown no suffix. A sample that would be a suffixed name of the
// current typed family but is not valid for its type is an error (name clash),
// and so is a family named like a sample of the family before it
// ("# TYPE foo counter" then "# TYPE foo_created gauge").
// Values: counter _total non-negative, not NaN; buckets and counts
// non-negative integers; "le" numeric, not NaN, increasing within a series,
// ending with +Inf; bucket counts cumulative; _count (_gcount) equal to the
// +Inf bucket; "le" only on _bucket, "quantile"
// only on quantile samples, in [0, 1]; summary _sum/_count not NaN, not
// negative; stateset values 0 or 1 with a label named after the family; info
// value 1. Exemplars only on counter _total and (gauge)histogram _bucket, label
// names and values together at most 128 UTF-8 characters.
//
// Not checked: uniqueness of label sets within a family, MetricPoint
// interleaving and timestamp order, name clashes across non-adjacent families,
// histogram MetricPoints without buckets.
//
// See parser.h for lifetime, allocation and error contracts.
#pragma once

#include "exposition/bucket_tracker.h"
#include "exposition/line_cursor.h"
#include "exposition/parser.h"

#include <string_view>
#include <unordered_set>
#include <vector>

namespace vigil::exposition {

class OpenMetricsParser final : public Parser {
public:
    // `body` must outlive the parser.
    explicit OpenMetricsParser(std::string_view body);

    Entry next() override;
    Format format() const override { return Format::OpenMetrics; }

private:
    enum class SampleKind { Value, Total, Created, Bucket, Count, Sum, GCount, GSum, Info };

    Entry fail(Status s);
    Entry parseHashLine(bool hasNewline);
    Entry parseMetadata(std::string_view keyword, const char *keywordAt);
    Entry parseSeries(bool hasNewline);
    Status parseLabelSet(std::vector<LabelRef> *out, bool exemplar);
    Status parseTimestamp(int64_t *out);
    Status startFamily(std::string_view name, const char *at);
    Status closeRun(const char *at);
    Status resolveFamily();
    Status checkSeries();
    bool matchSuffix(std::string_view name, SampleKind *kind) const;
    bool clashesWithCurrent(std::string_view name) const;

    std::string_view body_;
    size_t pos_ = 0;
    int lineNo_ = 0;
    Entry state_ = Entry::Series;  // Eof or Invalid once finished
    LineCursor cur_;
    const char *nameAt_ = nullptr;
    const char *valueAt_ = nullptr;
    const char *exemplarAt_ = nullptr;

    std::unordered_set<std::string_view> seen_;  // family names
    bool haveFamily_ = false;
    std::string_view curName_;
    MetricType curType_ = MetricType::Unknown;
    std::string_view curUnit_;
    bool curExplicit_ = false;  // started by a metadata line
    bool curHasType_ = false;
    bool curHasHelp_ = false;
    bool curHasUnit_ = false;
    bool curHasSamples_ = false;
    SampleKind kind_ = SampleKind::Value;
    BucketTracker run_;
    std::vector<std::string_view> sorted_;  // reused by the duplicate check
};

}  // namespace vigil::exposition
