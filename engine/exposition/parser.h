// Parser: the pull interface shared by the text 0.0.4 and OpenMetrics 1.0
// parsers, in the spirit of Prometheus's textparse.
//
//   auto p = Parser::create(Format::Text, body);
//   for (Entry e; (e = p->next()) != Entry::Eof;) {
//       if (e == Entry::Invalid) { report(p->status()); break; }
//       if (e == Entry::Series) use(p->metricName(), p->labels(), p->value());
//   }
//
// Ownership and lifetime: the parser does not copy the body. `body` must
// outlive the parser, and every string_view an accessor returns (names,
// label values, help, unit, comment) points either into the body or into a
// scratch buffer of the parser; views stay valid only until the next call to
// next(). Copy what must be kept (MetadataCollector does this for metadata).
//
// Allocation: label slots and the unescape scratch buffer are reused; a
// sample without escapes costs no heap allocation. Per-family bookkeeping
// (duplicate TYPE detection, interleaving checks) allocates once per family.
//
// Errors: when next() returns Entry::Invalid, status() is an InvalidArgument
// whose message is "<line>:<column>: <reason>" (1-based; the column counts
// bytes from the start of the line). After Invalid, next() keeps returning
// Invalid. After Eof, next() keeps returning Eof.
//
// Values: NaN is returned as a quiet NaN that is never the staleness marker
// bit pattern (model::isStaleNaN() is false for parsed values).
//
// Thread safety: a parser is used by one thread at a time.
#pragma once

#include "core/status.h"
#include "exposition/format.h"
#include "exposition/metric_type.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::exposition {

enum class Entry {
    Series,   // a sample line: metricName(), labels(), value(), timestamp, exemplar
    Help,     // # HELP: family(), help()
    Type,     // # TYPE: family(), type()
    Unit,     // # UNIT (OpenMetrics): family(), unit()
    Comment,  // any other # line (text format only): comment()
    Eof,      // end of input (OpenMetrics: after a valid "# EOF")
    Invalid,  // malformed input: status() says where and why
};

// One label as it appears in the exposition (not sorted, not deduplicated
// against the metric name; duplicates are rejected by the parser).
struct LabelRef {
    std::string_view name;
    std::string_view value;  // unescaped; may be empty (means "absent" to Prometheus)
};

class Parser {
public:
    virtual ~Parser() = default;
    Parser(const Parser &) = delete;
    Parser &operator=(const Parser &) = delete;

    // Creates the parser for `fmt`; Format::Auto detects it from the body
    // (detectFormat()). Never returns null.
    static std::unique_ptr<Parser> create(Format fmt, std::string_view body);

    // Advances to the next entry.
    virtual Entry next() = 0;

    // Format::Text or Format::OpenMetrics.
    virtual Format format() const = 0;

    // Ok unless next() returned Invalid.
    const Status &status() const { return status_; }
    // 1-based line number of the current entry.
    int line() const { return line_; }
    // After Invalid: the 1-based line and byte column the message starts
    // with, for an editor to put the cursor on; 0 otherwise.
    int errorLine() const { return errorLine_; }
    int errorColumn() const { return errorColumn_; }

    // Series, Help, Type, Unit: the metric family the entry belongs to. For a
    // series this is the family its name resolves to (e.g. "http_requests"
    // for "http_requests_total" under "# TYPE http_requests counter"); for a
    // series without metadata it is the metric name itself.
    std::string_view family() const { return family_; }
    // Type: the declared type. Series: the type of its family (Unknown
    // without a TYPE line).
    MetricType type() const { return type_; }
    // Help: the unescaped help text (may be empty).
    std::string_view help() const { return text_; }
    // Unit: the unit (may be empty).
    std::string_view unit() const { return text_; }
    // Comment: the text after '#', leading blanks removed.
    std::string_view comment() const { return text_; }

    // Series accessors.
    std::string_view metricName() const { return name_; }
    // Labels in exposition order, without the metric name.
    std::span<const LabelRef> labels() const { return {labels_.data(), labels_.size()}; }
    // Value of label `name`, empty if absent.
    std::string_view labelValue(std::string_view name) const;
    double value() const { return value_; }
    bool hasTimestamp() const { return hasTimestamp_; }
    // Milliseconds since the epoch; only meaningful if hasTimestamp(). The
    // OpenMetrics float seconds are rounded to the nearest millisecond.
    int64_t timestamp() const { return timestamp_; }

    // Exemplar (OpenMetrics only; allowed on counter _total and histogram
    // and gaugehistogram _bucket samples).
    bool hasExemplar() const { return hasExemplar_; }
    std::span<const LabelRef> exemplarLabels() const
    {
        return {exemplarLabels_.data(), exemplarLabels_.size()};
    }
    double exemplarValue() const { return exemplarValue_; }
    bool exemplarHasTimestamp() const { return exemplarHasTimestamp_; }
    int64_t exemplarTimestamp() const { return exemplarTimestamp_; }

protected:
    Parser() = default;

    void resetSeries()
    {
        labels_.clear();
        exemplarLabels_.clear();
        hasTimestamp_ = hasExemplar_ = exemplarHasTimestamp_ = false;
        timestamp_ = exemplarTimestamp_ = 0;
        value_ = exemplarValue_ = 0;
        text_ = family_ = name_ = {};
        type_ = MetricType::Unknown;
    }

    Status status_;
    int line_ = 0;
    int errorLine_ = 0;
    int errorColumn_ = 0;
    std::string_view family_;
    MetricType type_ = MetricType::Unknown;
    std::string_view text_;
    std::string_view name_;
    std::vector<LabelRef> labels_;
    double value_ = 0;
    bool hasTimestamp_ = false;
    int64_t timestamp_ = 0;
    bool hasExemplar_ = false;
    std::vector<LabelRef> exemplarLabels_;
    double exemplarValue_ = 0;
    bool exemplarHasTimestamp_ = false;
    int64_t exemplarTimestamp_ = 0;
};

}  // namespace vigil::exposition
