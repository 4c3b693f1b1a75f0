// TextParser: pull parser for the Prometheus text exposition format 0.0.4.
//
// Grammar (https://prometheus.io/docs/instrumenting/exposition_formats/):
// lines end with '\n' (the last one may lack it; "\r\n" is an error); empty
// lines are skipped;
// blanks (spaces, tabs) separate tokens and may surround them.
//   # HELP <name> <text>         text escapes: \\ and \n
//   # TYPE <name> <type>         counter, gauge, histogram, summary, untyped
//   # <anything else>            a Comment entry
//   <name>[{l="v",...[,]}] <value> [<int64 ms timestamp>]
// Label value escapes: \\ \" \n. Values follow Go's ParseFloat (NaN, +Inf,
// -Inf, hex floats included).
//
// Checks: metric and label name charset; duplicate label names; "__name__"
// as a label; valid UTF-8 in label values and help; at most one HELP and one
// TYPE per family; TYPE before the first sample of its family (for
// histograms and summaries also of the _bucket/_sum/_count series);
// histogram _bucket series carry a numeric "le", buckets of one series in
// increasing "le" order ending with "+Inf", whose value x_count repeats;
// summary quantile series carry a "quantile" in [0, 1], in increasing order. Families need not be grouped
// (Prometheus accepts interleaved families), so samples are matched to the
// family of their TYPE line wherever they appear.
//
// See parser.h for lifetime, allocation and error contracts.
#pragma once

#include "exposition/bucket_tracker.h"
#include "exposition/line_cursor.h"
#include "exposition/parser.h"

#include <string_view>
#include <unordered_map>
#include <vector>

namespace vigil::exposition {

class TextParser final : public Parser {
public:
    // `body` must outlive the parser.
    explicit TextParser(std::string_view body);

    Entry next() override;
    Format format() const override { return Format::Text; }

private:
    struct Family {
        MetricType type = MetricType::Unknown;
        bool hasType = false;
        bool hasHelp = false;
        bool hasSamples = false;
    };

    Entry fail(Status s);
    Entry parseComment();
    Entry parseSeries();
    Status parseLabels();
    Status checkDuplicateLabels();
    Status switchFamily(std::string_view name, Family *f);
    Status resolveFamily(std::string_view name);
    Status checkSeries();
    Status endOfRunError(const char *reason);
    bool suffixFamilyHasSamples(std::string_view base, std::string_view suffix);

    std::string_view body_;
    size_t pos_ = 0;
    int lineNo_ = 0;
    Entry state_ = Entry::Series;  // Eof or Invalid once finished
    LineCursor cur_;
    const char *nameAt_ = nullptr;

    std::unordered_map<std::string_view, Family> families_;
    std::string_view curName_;
    Family *curFamily_ = nullptr;
    BucketTracker run_;
    std::string key_;                       // reused for suffix lookups
    std::vector<std::string_view> sorted_;  // reused by the duplicate check
};

}  // namespace vigil::exposition
