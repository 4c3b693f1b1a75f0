#include "exposition/text_parser.h"

#include "exposition/label_checks.h"
#include "exposition/number_parsing.h"

#include <cmath>
#include <cstring>

namespace vigil::exposition {
namespace {

bool endsWith(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// True if `name` is `family` followed by `suffix`.
bool isFamilyWithSuffix(std::string_view name, std::string_view family, std::string_view suffix)
{
    return name.size() == family.size() + suffix.size() && name.substr(0, family.size()) == family &&
           name.substr(family.size()) == suffix;
}

bool belongsTo(std::string_view name, std::string_view family, MetricType type)
{
    if (name == family) return true;
    if (type == MetricType::Histogram)
        return isFamilyWithSuffix(name, family, "_bucket") || isFamilyWithSuffix(name, family, "_sum") ||
               isFamilyWithSuffix(name, family, "_count");
    if (type == MetricType::Summary)
        return isFamilyWithSuffix(name, family, "_sum") || isFamilyWithSuffix(name, family, "_count");
    return false;
}

std::string_view trimRight(std::string_view s)
{
    while (!s.empty() && isBlank(s.back())) s.remove_suffix(1);
    return s;
}

std::string quoted(std::string_view s)
{
    std::string r = "\"";
    r.append(s);
    r += '"';
    return r;
}

}  // namespace

TextParser::TextParser(std::string_view body) : body_(body) {}

Entry TextParser::fail(Status s)
{
    status_ = std::move(s);
    errorLine_ = cur_.lastErrorLine();
    errorColumn_ = cur_.lastErrorColumn();
    state_ = Entry::Invalid;
    return Entry::Invalid;
}

Entry TextParser::next()
{
    if (state_ == Entry::Invalid || state_ == Entry::Eof) return state_;
    resetSeries();
    while (pos_ < body_.size()) {
        const char *b = body_.data() + pos_;
        const size_t left = body_.size() - pos_;
        const char *nl = static_cast<const char *>(std::memchr(b, '\n', left));
        const char *e = nl ? nl : b + left;
        pos_ = size_t(e - body_.data()) + (nl ? 1 : 0);
        cur_.reset(b, e, ++lineNo_);
        line_ = lineNo_;
        if (e != b && e[-1] == '\r') {
            return fail(
                cur_.errorAt(e - 1, "carriage return at the end of the line; lines must end with \\n"));
        }
        cur_.skipBlanks();
        if (cur_.atEnd()) continue;
        if (cur_.peek() == '#') return parseComment();
        return parseSeries();
    }
    // End of input: an open histogram run must have ended with +Inf.
    if (const char *err = run_.close()) {
        const char *end = body_.data() + body_.size();
        if (lineNo_ == 0 || body_.back() == '\n') {
            cur_.reset(end, end, lineNo_ + 1);
            line_ = lineNo_ + 1;
        } else {
            cur_.setPos(end);
        }
        return fail(endOfRunError(err));
    }
    state_ = Entry::Eof;
    return Entry::Eof;
}

Status TextParser::endOfRunError(const char *reason)
{
    std::string m = std::string(curName_) + ": " + reason + " (series ending on line " +
                    std::to_string(run_.lastLine()) + ")";
    return cur_.error(m);
}

Entry TextParser::parseComment()
{
    cur_.consume('#');
    cur_.skipBlanks();
    const char *textAt = cur_.pos();
    const char *keywordAt = cur_.pos();
    const std::string_view keyword = cur_.readToken(true);
    const bool isHelp = keyword == "HELP";
    const bool isType = keyword == "TYPE";
    if (!isHelp && !isType) {
        text_ = trimRight({textAt, size_t(cur_.rest().data() + cur_.rest().size() - textAt)});
        return Entry::Comment;
    }
    cur_.skipBlanks();
    const std::string_view name = cur_.readMetricName();
    if (name.empty()) {
        return fail(cur_.error(cur_.atEnd() ? std::string("missing metric name after ") + std::string(keyword)
                                            : "invalid metric name in " + std::string(keyword) + " line"));
    }
    if (!cur_.atEnd() && !isBlank(cur_.peek())) {
        return fail(cur_.error("invalid character in metric name " + quoted(name)));
    }
    cur_.skipBlanks();
    Family &f = families_[name];
    if (isHelp) {
        std::string_view help;
        if (Status s = cur_.readRestEscaped(LineCursor::Escapes::TextHelp, &help); !s)
            return fail(std::move(s));
        if (f.hasHelp)
            return fail(cur_.errorAt(keywordAt, "second HELP line for metric name " + quoted(name)));
        f.hasHelp = true;
        if (Status s = switchFamily(name, &f); !s) return fail(std::move(s));
        family_ = name;
        type_ = f.type;
        text_ = trimRight(help);
        return Entry::Help;
    }

    const char *typeAt = cur_.pos();
    const std::string_view word = cur_.readToken(true);
    if (word.empty()) return fail(cur_.error("missing metric type in TYPE line for " + quoted(name)));
    cur_.skipBlanks();
    if (!cur_.atEnd()) return fail(cur_.error("unexpected text after metric type"));
    const auto type = parseTextMetricType(word);
    if (!type) {
        return fail(cur_.errorAt(typeAt, "invalid metric type " + quoted(word) +
                                             " (expected counter, gauge, histogram, summary or untyped)"));
    }
    if (f.hasType) return fail(cur_.errorAt(keywordAt, "second TYPE line for metric name " + quoted(name)));
    bool samplesFirst = f.hasSamples;
    if (*type == MetricType::Histogram) samplesFirst |= suffixFamilyHasSamples(name, "_bucket");
    if (*type == MetricType::Histogram || *type == MetricType::Summary) {
        samplesFirst |= suffixFamilyHasSamples(name, "_sum") || suffixFamilyHasSamples(name, "_count");
    }
    if (samplesFirst) {
        return fail(cur_.errorAt(
            keywordAt, "TYPE line for metric name " + quoted(name) + " must come before its samples"));
    }
    f.hasType = true;
    f.type = *type;
    if (Status s = switchFamily(name, &f); !s) return fail(std::move(s));
    family_ = name;
    type_ = f.type;
    return Entry::Type;
}

bool TextParser::suffixFamilyHasSamples(std::string_view base, std::string_view suffix)
{
    key_.assign(base);
    key_.append(suffix);
    auto it = families_.find(std::string_view(key_));
    return it != families_.end() && it->second.hasSamples;
}

Status TextParser::switchFamily(std::string_view name, Family *f)
{
    if (curFamily_ == f) return {};
    if (const char *err = run_.close()) {
        const char *at = cur_.pos();
        cur_.setPos(cur_.lineText().data());
        Status s = endOfRunError(err);
        cur_.setPos(at);
        return s;
    }
    curName_ = name;
    curFamily_ = f;
    return {};
}

Entry TextParser::parseSeries()
{
    nameAt_ = cur_.pos();
    const std::string_view name = cur_.readMetricName();
    if (name.empty())
        return fail(cur_.error("invalid metric name: expected [a-zA-Z_:] at the start of a sample"));
    name_ = name;
    const size_t blanksAfterName = cur_.skipBlanks();
    bool needBlank = blanksAfterName == 0;
    if (cur_.consume('{')) {
        if (Status s = parseLabels(); !s) return fail(std::move(s));
        needBlank = false;
        cur_.skipBlanks();
    }
    if (cur_.atEnd()) return fail(cur_.error("missing value after metric name " + quoted(name)));
    if (needBlank) return fail(cur_.error("invalid character in metric name " + quoted(name)));

    const char *valueAt = cur_.pos();
    const std::string_view v = cur_.readToken(true);
    if (!parseTextFloat(v, &value_)) return fail(cur_.errorAt(valueAt, "invalid value " + quoted(v)));
    cur_.skipBlanks();
    if (!cur_.atEnd()) {
        const char *tsAt = cur_.pos();
        const std::string_view ts = cur_.readToken(true);
        if (!parseInt64(ts, &timestamp_)) {
            return fail(
                cur_.errorAt(tsAt, "invalid timestamp " + quoted(ts) + " (expected integer milliseconds)"));
        }
        hasTimestamp_ = true;
        cur_.skipBlanks();
        if (!cur_.atEnd()) return fail(cur_.error("unexpected text after timestamp"));
    }
    if (Status s = resolveFamily(name); !s) return fail(std::move(s));
    if (Status s = checkSeries(); !s) return fail(std::move(s));
    return Entry::Series;
}

Status TextParser::parseLabels()
{
    for (;;) {
        cur_.skipBlanks();
        if (cur_.consume('}')) break;
        const std::string_view ln = cur_.readLabelName();
        if (ln.empty()) {
            return cur_.error(cur_.atEnd() ? "unterminated label set: expected '}'" : "invalid label name");
        }
        if (ln == "__name__")
            return cur_.errorAt(ln.data(), "label name \"__name__\" is reserved for the metric name");
        cur_.skipBlanks();
        if (!cur_.consume('=')) return cur_.error("expected '=' after label name " + quoted(ln));
        cur_.skipBlanks();
        if (!cur_.consume('"')) return cur_.error("expected '\"' to start the value of label " + quoted(ln));
        std::string_view value;
        VIGIL_RETURN_IF_ERROR(cur_.readQuoted(LineCursor::Escapes::TextLabel, &value));
        labels_.push_back({ln, value});
        cur_.skipBlanks();
        if (cur_.consume(',')) continue;
        if (cur_.consume('}')) break;
        return cur_.error(cur_.atEnd() ? "unterminated label set: expected '}'"
                                       : "expected ',' or '}' after label value");
    }
    return checkDuplicateLabels();
}

Status TextParser::checkDuplicateLabels()
{
    if (const LabelRef *dup = findDuplicateLabel(labels(), &sorted_)) {
        return cur_.errorAt(dup->name.data(), "duplicate label name " + quoted(dup->name));
    }
    return {};
}

Status TextParser::resolveFamily(std::string_view name)
{
    Family *f = nullptr;
    std::string_view fam;
    if (curFamily_ && belongsTo(name, curName_, curFamily_->type)) {
        f = curFamily_;
        fam = curName_;
    } else {
        // A histogram/summary series away from its TYPE line (interleaved).
        for (std::string_view suffix :
             {std::string_view("_bucket"), std::string_view("_sum"), std::string_view("_count")}) {
            if (!endsWith(name, suffix)) continue;
            const std::string_view base = name.substr(0, name.size() - suffix.size());
            auto it = families_.find(base);
            if (it != families_.end() && belongsTo(name, base, it->second.type)) {
                f = &it->second;
                fam = it->first;
            }
            break;
        }
        if (!f) {
            auto [it, inserted] = families_.try_emplace(name);
            f = &it->second;
            fam = it->first;
        }
        const char *at = cur_.pos();
        cur_.setPos(nameAt_);
        Status s = switchFamily(fam, f);
        cur_.setPos(at);
        VIGIL_RETURN_IF_ERROR(s);
    }
    f->hasSamples = true;
    family_ = fam;
    type_ = f->type;
    return {};
}

Status TextParser::checkSeries()
{
    if (type_ == MetricType::Histogram) {
        if (name_.size() == family_.size() + 7 /* _bucket */) {
            const LabelRef *le = findLabel(labels(), "le");
            if (!le)
                return cur_.errorAt(nameAt_, "histogram bucket " + quoted(name_) + " has no \"le\" label");
            double bound = 0;
            if (!parseTextFloat(le->value, &bound) || std::isnan(bound)) {
                return cur_.errorAt(le->name.data(), "invalid \"le\" label value " + quoted(le->value));
            }
            if (const char *err = run_.add(BucketTracker::Kind::HistogramBuckets,
                                           hashLabelsExcept(labels(), "le"), bound, value_, false, line_)) {
                return cur_.errorAt(nameAt_, std::string(family_) + ": " + err);
            }
            return {};
        }
    } else if (type_ == MetricType::Summary) {
        if (name_.size() == family_.size()) {
            const LabelRef *q = findLabel(labels(), "quantile");
            if (!q)
                return cur_.errorAt(nameAt_,
                                    "summary sample " + quoted(name_) + " has no \"quantile\" label");
            double quantile = 0;
            if (!parseTextFloat(q->value, &quantile) || !(quantile >= 0 && quantile <= 1)) {
                return cur_.errorAt(q->name.data(), "invalid \"quantile\" label value " + quoted(q->value) +
                                                        " (expected a number in [0, 1])");
            }
            if (const char *err =
                    run_.add(BucketTracker::Kind::SummaryQuantiles, hashLabelsExcept(labels(), "quantile"),
                             quantile, value_, false, line_)) {
                return cur_.errorAt(nameAt_, std::string(family_) + ": " + err);
            }
            return {};
        }
    } else {
        return {};
    }
    // _sum or _count: the bucket/quantile run of this series is over.
    if (const char *err = run_.close()) {
        return cur_.errorAt(nameAt_, std::string(family_) + ": " + err + " (series ending on line " +
                                         std::to_string(run_.lastLine()) + ")");
    }
    if (type_ == MetricType::Histogram && name_.size() == family_.size() + 6 /* _count */) {
        if (const char *err = run_.checkCount(hashLabelsExcept(labels(), "le"), value_)) {
            return cur_.errorAt(nameAt_, std::string(family_) + ": " + err);
        }
    }
    return {};
}

}  // namespace vigil::exposition
