#include "editor/promql_highlighter.h"

#include "promql/function.h"
#include "promql/lexer.h"

#include <QTextDocument>

namespace vigil::ui {

namespace {

QTextCharFormat makeFormat(const QColor &color, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(color);
    if (bold) f.setFontWeight(QFont::DemiBold);
    f.setFontItalic(italic);
    return f;
}

}  // namespace

PromqlHighlighter::PromqlHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    formats_[int(Role::Function)] = makeFormat(QColor(0x6a, 0x1b, 0x9a));
    formats_[int(Role::Keyword)] = makeFormat(QColor(0x0d, 0x47, 0xa1), true);
    formats_[int(Role::Metric)] = makeFormat(QColor(0x21, 0x21, 0x21), true);
    formats_[int(Role::Label)] = makeFormat(QColor(0x00, 0x69, 0x7c));
    formats_[int(Role::String)] = makeFormat(QColor(0xa3, 0x15, 0x15));
    formats_[int(Role::Number)] = makeFormat(QColor(0x2e, 0x7d, 0x32));
    formats_[int(Role::Operator)] = makeFormat(QColor(0xad, 0x14, 0x57));
    formats_[int(Role::Comment)] = makeFormat(QColor(0x75, 0x75, 0x75), false, true);
}

void PromqlHighlighter::lexDocument()
{
    // The document's revision does not move on setPlainText() (undo is off
    // then), so compare the text itself; queries are short.
    const QString text = document()->toPlainText();
    if (lexed_ && text == lexedText_) return;
    lexed_ = true;
    lexedText_ = text;
    spans_.clear();
    const QByteArray utf8 = text.toUtf8();
    // Byte offset -> UTF-16 position.
    std::vector<int> pos(size_t(utf8.size()) + 1, 0);
    {
        int b = 0;
        for (int i = 0; i < text.size(); ++i) {
            const int n = text[i].isHighSurrogate() ? 4 : QString(text[i]).toUtf8().size();
            for (int k = 0; k < n && b < utf8.size(); ++k) pos[size_t(b++)] = i;
            if (text[i].isHighSurrogate()) ++i;
        }
        pos[size_t(utf8.size())] = int(text.size());
    }
    const std::string_view input(utf8.constData(), size_t(utf8.size()));
    const auto tokens = promql::Lexer::tokenize(input, true);
    using T = promql::TokenType;
    bool inBraces = false;
    for (size_t i = 0; i < tokens.size(); ++i) {
        const auto &t = tokens[i];
        if (t.type == T::Eof || t.type == T::Error) break;
        Role role = Role::Plain;
        if (t.type == T::LeftBrace) inBraces = true;
        if (t.type == T::RightBrace) inBraces = false;
        if (t.type == T::Comment) role = Role::Comment;
        else if (t.type == T::String) role = Role::String;
        else if (t.type == T::Number || t.type == T::Duration) role = Role::Number;
        else if (promql::isAggregator(t.type) || promql::isKeyword(t.type) || t.type == T::Start || t.type == T::End ||
                 t.type == T::Land || t.type == T::Lor || t.type == T::Lunless || t.type == T::Atan2)
            role = Role::Keyword;
        else if (promql::isOperator(t.type)) role = Role::Operator;
        else if (t.type == T::Identifier || t.type == T::MetricIdentifier) {
            size_t k = i + 1;
            while (k < tokens.size() && tokens[k].type == T::Comment) ++k;
            const bool call = k < tokens.size() && tokens[k].type == T::LeftParen;
            if (inBraces) role = Role::Label;
            else if (call && promql::findFunction(t.text)) role = Role::Function;
            else role = Role::Metric;
        }
        if (role == Role::Plain) continue;
        const size_t endByte = std::min(t.pos + t.text.size(), size_t(utf8.size()));
        spans_.push_back({pos[t.pos], pos[endByte], role});
    }
}

PromqlHighlighter::Role PromqlHighlighter::roleAt(int p)
{
    lexDocument();
    for (const auto &s : spans_) {
        if (p >= s.start && p < s.end) return s.role;
    }
    return Role::Plain;
}

void PromqlHighlighter::highlightBlock(const QString &text)
{
    lexDocument();
    const int blockStart = currentBlock().position();
    const int blockEnd = blockStart + int(text.size());
    for (const auto &s : spans_) {
        if (s.end <= blockStart || s.start >= blockEnd) continue;
        const int from = std::max(s.start, blockStart);
        const int to = std::min(s.end, blockEnd);
        setFormat(from - blockStart, to - from, formats_[int(s.role)]);
    }
}

}  // namespace vigil::ui
