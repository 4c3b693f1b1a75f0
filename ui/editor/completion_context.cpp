#include "editor/completion_context.h"

#include <QStringList>

#include <vector>

namespace vigil::ui {

namespace {

bool isWordChar(QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char(':'); }

// Keywords after which a parenthesis holds label names.
bool isGroupingKeyword(const QString &w)
{
    static const QStringList kw = {QStringLiteral("by"), QStringLiteral("without"), QStringLiteral("on"),
                                   QStringLiteral("ignoring"), QStringLiteral("group_left"),
                                   QStringLiteral("group_right")};
    return kw.contains(w.toLower());
}

}  // namespace

CompletionContext completionContextAt(const QString &text, int cursor)
{
    CompletionContext ctx;
    cursor = std::clamp(cursor, 0, int(text.size()));
    // One pass over the text before the cursor, tracking where we are.
    bool inBraces = false, inBrackets = false, inComment = false;
    QChar quote;  // non-null inside a string
    int stringStart = 0;
    QString lastWord;       // the last complete identifier outside strings
    QString braceMetric;    // identifier right before the open brace
    QString matcherLabel;   // inside braces: the label name before the operator
    QString prevSignificant;  // last identifier or punctuation outside strings (for "by (")
    std::vector<bool> parenIsGrouping;
    for (int i = 0; i < cursor; ++i) {
        const QChar c = text[i];
        if (inComment) {
            if (c == QLatin1Char('\n')) inComment = false;
            continue;
        }
        if (!quote.isNull()) {
            if (c == QLatin1Char('\\') && quote != QLatin1Char('`')) ++i;
            else if (c == quote) quote = QChar();
            continue;
        }
        if (isWordChar(c)) {
            int j = i;
            while (j < cursor && isWordChar(text[j])) ++j;
            lastWord = text.mid(i, j - i);
            if (j == cursor) break;  // the word under the cursor: the prefix, handled below
            prevSignificant = lastWord;
            i = j - 1;
            continue;
        }
        if (c.isSpace()) continue;
        switch (c.unicode()) {
        case '#': inComment = true; break;
        case '"': case '\'': case '`':
            quote = c;
            stringStart = i + 1;
            break;
        case '{':
            inBraces = true;
            // The selector's metric: an identifier directly before the brace.
            {
                int k = i - 1;
                while (k >= 0 && text[k].isSpace()) --k;
                braceMetric = k >= 0 && isWordChar(text[k]) ? lastWord : QString();
            }
            matcherLabel.clear();
            break;
        case '}': inBraces = false; break;
        case '[': inBrackets = true; break;
        case ']': inBrackets = false; break;
        case '(': parenIsGrouping.push_back(isGroupingKeyword(prevSignificant)); break;
        case ')':
            if (!parenIsGrouping.empty()) parenIsGrouping.pop_back();
            break;
        case '=': case '!': case '~':
            if (inBraces && matcherLabel.isEmpty()) matcherLabel = lastWord;
            break;
        case ',':
            if (inBraces) matcherLabel.clear();
            break;
        default: break;
        }
        prevSignificant = QString(c);
    }
    if (inComment) return ctx;
    if (!quote.isNull()) {
        if (!inBraces || matcherLabel.isEmpty()) return ctx;  // a string outside a matcher
        ctx.kind = CompletionContext::Kind::LabelValue;
        ctx.metric = braceMetric;
        ctx.label = matcherLabel;
        ctx.prefix = text.mid(stringStart, cursor - stringStart);
        ctx.replaceStart = stringStart;
        ctx.inQuotes = true;
        return ctx;
    }
    // The word (if any) right before the cursor.
    int start = cursor;
    while (start > 0 && isWordChar(text[start - 1])) --start;
    ctx.prefix = text.mid(start, cursor - start);
    ctx.replaceStart = start;
    if (!ctx.prefix.isEmpty() && ctx.prefix.front().isDigit()) return CompletionContext{};  // a number or duration
    if (inBrackets) return CompletionContext{};
    if (inBraces) {
        // After '{' or ',' a label name; after an operator a value without quotes yet.
        int k = start - 1;
        while (k >= 0 && text[k].isSpace()) --k;
        const QChar before = k >= 0 ? text[k] : QChar();
        ctx.metric = braceMetric;
        if (before == QLatin1Char('{') || before == QLatin1Char(',')) {
            ctx.kind = CompletionContext::Kind::LabelName;
        } else if (before == QLatin1Char('=') || before == QLatin1Char('~')) {
            ctx.kind = CompletionContext::Kind::LabelValue;
            ctx.label = matcherLabel;
        }
        return ctx;
    }
    if (!parenIsGrouping.empty() && parenIsGrouping.back()) {
        ctx.kind = CompletionContext::Kind::LabelName;
        return ctx;
    }
    ctx.kind = CompletionContext::Kind::MetricOrFunction;
    return ctx;
}

}  // namespace vigil::ui
