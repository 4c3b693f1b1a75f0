#include "exposition/openmetrics_parser.h"

#include "exposition/label_checks.h"
#include "exposition/number_parsing.h"

#include <cmath>
#include <cstring>

namespace vigil::exposition {
namespace {

constexpr size_t kMaxExemplarLabelChars = 128;

std::string quoted(std::string_view s)
{
    std::string r = "\"";
    r.append(s);
    r += '"';
    return r;
}

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

bool isNonNegativeInteger(double v)
{
    return std::isfinite(v) && v >= 0 && v == std::floor(v);
}

std::string_view expectedNames(MetricType t)
{
    switch (t) {
        case MetricType::Counter:
            return "_total or _created";
        case MetricType::Histogram:
            return "_bucket, _count, _sum or _created";
        case MetricType::GaugeHistogram:
            return "_bucket, _gcount or _gsum";
        case MetricType::Summary:
            return "no suffix, _count, _sum or _created";
        case MetricType::Info:
            return "_info";
        default:
            return "no suffix";
    }
}

}  // namespace

OpenMetricsParser::OpenMetricsParser(std::string_view body) : body_(body) {}

Entry OpenMetricsParser::fail(Status s)
{
    status_ = std::move(s);
    errorLine_ = cur_.lastErrorLine();
    errorColumn_ = cur_.lastErrorColumn();
    state_ = Entry::Invalid;
    return Entry::Invalid;
}

Entry OpenMetricsParser::next()
{
    if (state_ == Entry::Invalid || state_ == Entry::Eof) return state_;
    resetSeries();
    if (pos_ >= body_.size()) {
        const char *end = body_.data() + body_.size();
        cur_.reset(end, end, lineNo_ + 1);
        line_ = lineNo_ + 1;
        return fail(cur_.error("unexpected end of input: an OpenMetrics exposition must end with \"# EOF\""));
    }
    const char *b = body_.data() + pos_;
    const size_t left = body_.size() - pos_;
    const char *nl = static_cast<const char *>(std::memchr(b, '\n', left));
    const char *e = nl ? nl : b + left;
    pos_ = size_t(e - body_.data()) + (nl ? 1 : 0);
    cur_.reset(b, e, ++lineNo_);
    line_ = lineNo_;
    if (const void *cr = std::memchr(b, '\r', size_t(e - b))) {
        return fail(cur_.errorAt(static_cast<const char *>(cr),
                                 "carriage return is not allowed; lines end with \\n"));
    }
    if (b == e) return fail(cur_.error("empty lines are not allowed in OpenMetrics"));
    if (*b == '#') return parseHashLine(nl != nullptr);
    return parseSeries(nl != nullptr);
}

Entry OpenMetricsParser::parseHashLine(bool hasNewline)
{
    cur_.consume('#');
    if (!cur_.consume(' ')) return fail(cur_.error("expected a single space after '#'"));
    const char *keywordAt = cur_.pos();
    const std::string_view keyword = cur_.readToken(false);
    if (keyword == "EOF") {
        if (!cur_.atEnd()) return fail(cur_.error("unexpected text after \"# EOF\""));
        if (Status s = closeRun(keywordAt - 2); !s) return fail(std::move(s));
        if (pos_ != body_.size()) {
            const char *rest = body_.data() + pos_;
            cur_.reset(rest, rest, lineNo_ + 1);
            line_ = lineNo_ + 1;
            return fail(cur_.error("unexpected data after \"# EOF\""));
        }
        state_ = Entry::Eof;
        return Entry::Eof;
    }
    if (keyword != "HELP" && keyword != "TYPE" && keyword != "UNIT") {
        return fail(cur_.errorAt(keywordAt,
                                 "invalid comment: OpenMetrics allows only # HELP, # TYPE, # UNIT and "
                                 "# EOF lines"));
    }
    Entry e = parseMetadata(keyword, keywordAt);
    if (e != Entry::Invalid && !hasNewline) {
        return fail(cur_.error("unexpected end of input: an OpenMetrics exposition must end with \"# EOF\""));
    }
    return e;
}

Entry OpenMetricsParser::parseMetadata(std::string_view keyword, const char *keywordAt)
{
    if (!cur_.consume(' ')) return fail(cur_.error("expected a single space after " + std::string(keyword)));
    const char *nameAt = cur_.pos();
    const std::string_view name = cur_.readMetricName();
    if (name.empty()) return fail(cur_.error("invalid metric name in " + std::string(keyword) + " line"));
    if (!cur_.consume(' ')) {
        return fail(cur_.error(cur_.atEnd() ? "expected a space and a value after the metric name"
                                            : "invalid character in metric name " + quoted(name)));
    }
    const char *valueAt = cur_.pos();

    // Metadata belongs to the family it names; a new name starts a family.
    if (!haveFamily_ || name != curName_) {
        SampleKind kind;
        if (haveFamily_ && curHasType_ && matchSuffix(name, &kind)) {
            return fail(cur_.errorAt(nameAt, "metric family name " + quoted(name) +
                                                 " clashes with the sample names of metric family " +
                                                 quoted(curName_) + " of type " +
                                                 std::string(metricTypeName(curType_))));
        }
        if (Status s = startFamily(name, nameAt); !s) return fail(std::move(s));
        curExplicit_ = true;
    } else if (curHasSamples_) {
        return fail(cur_.errorAt(keywordAt, std::string(keyword) + " line for metric family " + quoted(name) +
                                                " must come before its samples"));
    }
    family_ = name;

    if (keyword == "TYPE") {
        const std::string_view word = cur_.rest();
        const auto type = parseOpenMetricsMetricType(word);
        if (!type) {
            return fail(cur_.errorAt(valueAt, "invalid metric type " + quoted(word) +
                                                  " (expected counter, gauge, histogram, gaugehistogram, "
                                                  "summary, info, stateset or unknown)"));
        }
        if (curHasType_)
            return fail(cur_.errorAt(keywordAt, "duplicate TYPE line for metric family " + quoted(name)));
        if (!curUnit_.empty() && (*type == MetricType::Info || *type == MetricType::StateSet)) {
            return fail(cur_.errorAt(valueAt, "metric family " + quoted(name) + " of type " +
                                                  std::string(metricTypeName(*type)) +
                                                  " must not have a unit"));
        }
        curHasType_ = true;
        curType_ = *type;
        type_ = curType_;
        return Entry::Type;
    }
    if (keyword == "HELP") {
        std::string_view help;
        if (Status s = cur_.readRestEscaped(LineCursor::Escapes::OpenMetrics, &help); !s)
            return fail(std::move(s));
        if (curHasHelp_)
            return fail(cur_.errorAt(keywordAt, "duplicate HELP line for metric family " + quoted(name)));
        curHasHelp_ = true;
        type_ = curType_;
        text_ = help;
        return Entry::Help;
    }
    // UNIT
    const std::string_view unit = cur_.rest();
    for (size_t i = 0; i < unit.size(); ++i) {
        if (!isMetricNameChar(unit[i])) {
            return fail(cur_.errorAt(unit.data() + i, "invalid character in unit (allowed: [a-zA-Z0-9_:])"));
        }
    }
    if (curHasUnit_)
        return fail(cur_.errorAt(keywordAt, "duplicate UNIT line for metric family " + quoted(name)));
    if (!unit.empty()) {
        if (curType_ == MetricType::Info || curType_ == MetricType::StateSet) {
            return fail(cur_.errorAt(valueAt, "metric family " + quoted(name) + " of type " +
                                                  std::string(metricTypeName(curType_)) +
                                                  " must not have a unit"));
        }
        const bool suffix = name.size() > unit.size() + 1 && name.substr(name.size() - unit.size()) == unit &&
                            name[name.size() - unit.size() - 1] == '_';
        if (!suffix) {
            return fail(cur_.errorAt(valueAt, "unit " + quoted(unit) +
                                                  " must be a suffix of the metric family name " +
                                                  quoted(name) + " (as \"_" + std::string(unit) + "\")"));
        }
    }
    curHasUnit_ = true;
    curUnit_ = unit;
    type_ = curType_;
    text_ = unit;
    return Entry::Unit;
}

Status OpenMetricsParser::closeRun(const char *at)
{
    const int lastLine = run_.lastLine();
    if (const char *err = run_.close()) {
        return cur_.errorAt(at, std::string(curName_) + ": " + err + " (series ending on line " +
                                    std::to_string(lastLine) + ")");
    }
    return {};
}

Status OpenMetricsParser::startFamily(std::string_view name, const char *at)
{
    VIGIL_RETURN_IF_ERROR(closeRun(at));
    if (name[0] == '_') {
        return cur_.errorAt(at, "metric family names beginning with '_' are reserved: " + quoted(name));
    }
    if (!seen_.insert(name).second) {
        return cur_.errorAt(at, "metric family " + quoted(name) +
                                    " appears a second time; metric families must not be interleaved");
    }
    haveFamily_ = true;
    curName_ = name;
    curType_ = MetricType::Unknown;
    curUnit_ = {};
    curExplicit_ = curHasType_ = curHasHelp_ = curHasUnit_ = curHasSamples_ = false;
    return {};
}

Entry OpenMetricsParser::parseSeries(bool hasNewline)
{
    nameAt_ = cur_.pos();
    const std::string_view name = cur_.readMetricName();
    if (name.empty())
        return fail(cur_.error("invalid metric name: expected [a-zA-Z_:] at the start of a sample"));
    name_ = name;
    bool afterLabels = false;
    if (cur_.consume('{')) {
        if (Status s = parseLabelSet(&labels_, false); !s) return fail(std::move(s));
        afterLabels = true;
    }
    if (!cur_.consume(' ')) {
        if (cur_.atEnd()) return fail(cur_.error("missing value after metric name " + quoted(name)));
        return fail(cur_.error(afterLabels ? "expected a single space after the label set"
                                           : "invalid character in metric name " + quoted(name)));
    }
    valueAt_ = cur_.pos();
    const std::string_view v = cur_.readToken(false);
    if (v.empty()) return fail(cur_.error("expected a value after a single space"));
    if (!parseOpenMetricsNumber(v, &value_))
        return fail(cur_.errorAt(valueAt_, "invalid value " + quoted(v)));
    if (cur_.consume(' ')) {
        if (cur_.atEnd() || cur_.peek() != '#') {
            if (Status s = parseTimestamp(&timestamp_); !s) return fail(std::move(s));
            hasTimestamp_ = true;
            if (cur_.consume(' ') && (cur_.atEnd() || cur_.peek() != '#')) {
                return fail(cur_.error("expected \"# {\" to start an exemplar"));
            }
        }
        if (!cur_.atEnd() && cur_.peek() == '#') {
            exemplarAt_ = cur_.pos();
            cur_.consume('#');
            if (!cur_.consume(' ') || !cur_.consume('{')) {
                return fail(cur_.error("expected \" {\" after '#' to start the exemplar label set"));
            }
            if (Status s = parseLabelSet(&exemplarLabels_, true); !s) return fail(std::move(s));
            if (!cur_.consume(' ')) return fail(cur_.error("expected a single space and the exemplar value"));
            const char *exValueAt = cur_.pos();
            const std::string_view ev = cur_.readToken(false);
            if (!parseOpenMetricsNumber(ev, &exemplarValue_)) {
                return fail(cur_.errorAt(exValueAt, "invalid exemplar value " + quoted(ev)));
            }
            if (cur_.consume(' ')) {
                if (Status s = parseTimestamp(&exemplarTimestamp_); !s) return fail(std::move(s));
                exemplarHasTimestamp_ = true;
            }
            hasExemplar_ = true;
        }
    }
    if (!cur_.atEnd()) return fail(cur_.error("unexpected text at the end of the sample"));
    if (!hasNewline) {
        return fail(cur_.error("unexpected end of input: an OpenMetrics exposition must end with \"# EOF\""));
    }
    if (Status s = resolveFamily(); !s) return fail(std::move(s));
    if (Status s = checkSeries(); !s) return fail(std::move(s));
    return Entry::Series;
}

Status OpenMetricsParser::parseTimestamp(int64_t *out)
{
    const char *at = cur_.pos();
    const std::string_view t = cur_.readToken(false);
    double seconds = 0;
    if (!parseOpenMetricsRealNumber(t, &seconds)) {
        return cur_.errorAt(at, "invalid timestamp " + quoted(t) + " (expected seconds as a decimal number)");
    }
    const double ms = seconds * 1000.0;
    if (!(std::fabs(ms) < 9.2e18)) return cur_.errorAt(at, "timestamp " + quoted(t) + " is out of range");
    *out = std::llround(ms);
    return {};
}

Status OpenMetricsParser::parseLabelSet(std::vector<LabelRef> *out, bool exemplar)
{
    const char *open = cur_.pos() - 1;
    if (!cur_.consume('}')) {
        for (;;) {
            const std::string_view ln = cur_.readLabelName();
            if (ln.empty()) {
                if (!cur_.atEnd() && cur_.peek() == '}' && !out->empty()) {
                    return cur_.error("trailing comma in label set is not allowed in OpenMetrics");
                }
                return cur_.error(cur_.atEnd() ? "unterminated label set: expected '}'"
                                               : "invalid label name");
            }
            if (ln[0] == '_')
                return cur_.errorAt(ln.data(), "label names beginning with '_' are reserved: " + quoted(ln));
            if (!cur_.consume('=')) return cur_.error("expected '=' after label name " + quoted(ln));
            if (!cur_.consume('"'))
                return cur_.error("expected '\"' to start the value of label " + quoted(ln));
            std::string_view value;
            VIGIL_RETURN_IF_ERROR(cur_.readQuoted(LineCursor::Escapes::OpenMetrics, &value));
            out->push_back({ln, value});
            if (cur_.consume(',')) continue;
            if (cur_.consume('}')) break;
            return cur_.error(cur_.atEnd() ? "unterminated label set: expected '}'"
                                           : "expected ',' or '}' after label value");
        }
    }
    if (const LabelRef *dup = findDuplicateLabel({out->data(), out->size()}, &sorted_)) {
        return cur_.errorAt(dup->name.data(), "duplicate label name " + quoted(dup->name));
    }
    if (exemplar) {
        size_t chars = 0;
        for (const auto &l : *out) chars += utf8Length(l.name) + utf8Length(l.value);
        if (chars > kMaxExemplarLabelChars) {
            return cur_.errorAt(open, "exemplar label set has " + std::to_string(chars) +
                                          " characters; at most 128 are allowed");
        }
    }
    return {};
}

bool OpenMetricsParser::matchSuffix(std::string_view name, SampleKind *kind) const
{
    if (!startsWith(name, curName_)) return false;
    const std::string_view s = name.substr(curName_.size());
    switch (curType_) {
        case MetricType::Counter:
            if (s == "_total") return *kind = SampleKind::Total, true;
            if (s == "_created") return *kind = SampleKind::Created, true;
            return false;
        case MetricType::Histogram:
            if (s == "_bucket") return *kind = SampleKind::Bucket, true;
            if (s == "_count") return *kind = SampleKind::Count, true;
            if (s == "_sum") return *kind = SampleKind::Sum, true;
            if (s == "_created") return *kind = SampleKind::Created, true;
            return false;
        case MetricType::GaugeHistogram:
            if (s == "_bucket") return *kind = SampleKind::Bucket, true;
            if (s == "_gcount") return *kind = SampleKind::GCount, true;
            if (s == "_gsum") return *kind = SampleKind::GSum, true;
            return false;
        case MetricType::Summary:
            if (s.empty()) return *kind = SampleKind::Value, true;
            if (s == "_count") return *kind = SampleKind::Count, true;
            if (s == "_sum") return *kind = SampleKind::Sum, true;
            if (s == "_created") return *kind = SampleKind::Created, true;
            return false;
        case MetricType::Info:
            if (s == "_info") return *kind = SampleKind::Info, true;
            return false;
        case MetricType::Gauge:
        case MetricType::StateSet:
        case MetricType::Unknown:
            if (s.empty()) return *kind = SampleKind::Value, true;
            return false;
    }
    return false;
}

bool OpenMetricsParser::clashesWithCurrent(std::string_view name) const
{
    if (!startsWith(name, curName_)) return false;
    const std::string_view s = name.substr(curName_.size());
    for (std::string_view suffix :
         {"", "_total", "_created", "_bucket", "_count", "_sum", "_gcount", "_gsum", "_info"})
        if (s == suffix) return true;
    return false;
}

Status OpenMetricsParser::resolveFamily()
{
    if (!haveFamily_ || !matchSuffix(name_, &kind_)) {
        if (haveFamily_ && curExplicit_ && clashesWithCurrent(name_)) {
            return cur_.errorAt(nameAt_, "metric name " + quoted(name_) + " is not valid in metric family " +
                                             quoted(curName_) + " of type " +
                                             std::string(metricTypeName(curType_)) + " (expected " +
                                             std::string(expectedNames(curType_)) + ")");
        }
        VIGIL_RETURN_IF_ERROR(startFamily(name_, nameAt_));
        kind_ = SampleKind::Value;
    }
    curHasSamples_ = true;
    family_ = curName_;
    type_ = curType_;
    return {};
}

Status OpenMetricsParser::checkSeries()
{
    const bool histogram = type_ == MetricType::Histogram || type_ == MetricType::GaugeHistogram;
    if (hasExemplar_ && kind_ != SampleKind::Total && !(histogram && kind_ == SampleKind::Bucket)) {
        return cur_.errorAt(exemplarAt_,
                            "exemplars are only allowed on counter _total and histogram _bucket samples");
    }
    const LabelRef *le = histogram ? findLabel(labels(), "le") : nullptr;
    const LabelRef *quantile = type_ == MetricType::Summary ? findLabel(labels(), "quantile") : nullptr;
    if (kind_ != SampleKind::Bucket) {
        VIGIL_RETURN_IF_ERROR(closeRun(nameAt_));
        if (le)
            return cur_.errorAt(le->name.data(), "label \"le\" is only allowed on histogram _bucket samples");
    }
    if (quantile && kind_ != SampleKind::Value) {
        return cur_.errorAt(quantile->name.data(),
                            "label \"quantile\" is only allowed on summary quantile samples");
    }

    switch (kind_) {
        case SampleKind::Total:
            if (std::isnan(value_) || value_ < 0) {
                return cur_.errorAt(valueAt_, "counter value must be a non-negative number, not NaN");
            }
            break;
        case SampleKind::Value:
            if (type_ == MetricType::StateSet) {
                if (!findLabel(labels(), family_)) {
                    return cur_.errorAt(nameAt_,
                                        "stateset sample must have a label named " + quoted(family_));
                }
                if (value_ != 0 && value_ != 1)
                    return cur_.errorAt(valueAt_, "stateset value must be 0 or 1");
            } else if (type_ == MetricType::Summary) {
                if (!quantile)
                    return cur_.errorAt(nameAt_,
                                        "summary sample " + quoted(name_) + " has no \"quantile\" label");
                double q = 0;
                if (!parseOpenMetricsNumber(quantile->value, &q) || !(q >= 0 && q <= 1)) {
                    return cur_.errorAt(quantile->name.data(), "invalid \"quantile\" label value " +
                                                                   quoted(quantile->value) +
                                                                   " (expected a number in [0, 1])");
                }
                if (value_ < 0) return cur_.errorAt(valueAt_, "summary quantile value must not be negative");
            }
            break;
        case SampleKind::Info:
            if (value_ != 1) return cur_.errorAt(valueAt_, "info value must be 1");
            break;
        case SampleKind::Bucket: {
            if (!le)
                return cur_.errorAt(nameAt_, "histogram bucket " + quoted(name_) + " has no \"le\" label");
            double bound = 0;
            if (!parseOpenMetricsNumber(le->value, &bound) || std::isnan(bound)) {
                return cur_.errorAt(le->name.data(), "invalid \"le\" label value " + quoted(le->value));
            }
            if (!isNonNegativeInteger(value_)) {
                return cur_.errorAt(valueAt_, "histogram bucket value must be a non-negative integer");
            }
            if (const char *err = run_.add(BucketTracker::Kind::HistogramBuckets,
                                           hashLabelsExcept(labels(), "le"), bound, value_, true, line_)) {
                return cur_.errorAt(nameAt_, std::string(family_) + ": " + err);
            }
            break;
        }
        case SampleKind::Count:
        case SampleKind::GCount:
            if (!isNonNegativeInteger(value_))
                return cur_.errorAt(valueAt_, "count value must be a non-negative integer");
            if (histogram) {
                if (const char *err = run_.checkCount(hashLabelsExcept(labels(), "le"), value_)) {
                    return cur_.errorAt(valueAt_, std::string(family_) + ": " + err);
                }
            }
            break;
        case SampleKind::Sum:
        case SampleKind::GSum:
            if (std::isnan(value_)) return cur_.errorAt(valueAt_, "sum value must not be NaN");
            if (type_ == MetricType::Summary && value_ < 0) {
                return cur_.errorAt(valueAt_, "summary sum value must not be negative");
            }
            break;
        case SampleKind::Created:
            break;
    }
    return {};
}

}  // namespace vigil::exposition
