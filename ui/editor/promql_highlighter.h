// PromqlHighlighter: colours a PromQL document with the engine's own lexer
// (promql::Lexer), so what is coloured is what the parser sees: functions,
// aggregations and keywords, metric names, label names, strings, numbers and
// durations, operators, comments. The lexer stops at its first error; text
// after it stays plain (the error itself is underlined by the editor).
// GUI thread only.
#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <vector>

namespace vigil::ui {

class PromqlHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit PromqlHighlighter(QTextDocument *document);

    enum class Role { Plain, Function, Keyword, Metric, Label, String, Number, Operator, Comment };
    // The role given to the character at document position `pos` (for tests).
    Role roleAt(int pos);

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Span {
        int start, end;  // document positions (UTF-16)
        Role role;
    };
    void lexDocument();

    std::vector<Span> spans_;
    QString lexedText_;
    bool lexed_ = false;
    QTextCharFormat formats_[9];
};

}  // namespace vigil::ui
