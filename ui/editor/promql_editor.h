// PromqlEditor: the PromQL query editor — syntax highlighting (PromqlHighlighter),
// the parser's first error underlined as you type (parsed on the GUI thread
// after a 250 ms pause: parsing is microseconds), and context-aware completion
// of metric names, functions (with signature and a one-line doc), label names
// and label values (inside {...}, for the selector's metric), fetched from the
// engine's QueryService asynchronously and cached for a minute.
//
// Keys: Ctrl+Enter emits runRequested(); Ctrl+Space opens completion;
// completion also opens by itself after a letter, '{', ',', '"' or '('.
// Threading: GUI thread only; queries to the engine never block it.
#pragma once

#include "editor/completion_context.h"
#include "runtime/engine.h"

#include <QDateTime>
#include <QHash>
#include <QPlainTextEdit>
#include <QStringList>

class QCompleter;
class QStandardItemModel;
class QTimer;

namespace vigil::ui {

class PromqlHighlighter;

struct CompletionItem {
    enum class Kind { Metric, Function, Aggregation, Keyword, Label, LabelValue };
    QString text;    // shown and inserted
    Kind kind = Kind::Metric;
    QString detail;  // signature, or the metric's TYPE
    QString doc;     // one line
};

class PromqlEditor : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit PromqlEditor(runtime::Engine *engine, QWidget *parent = nullptr);

    QString query() const { return toPlainText(); }
    // The current parse error (empty when the query parses) and its
    // underlined range in document positions [start, end).
    QString parseError() const { return parseError_; }
    std::pair<int, int> errorRange() const { return errorRange_; }
    // Parses now instead of after the pause.
    void checkNow();

    // Computes the completions for the cursor position `pos` (asynchronously
    // when the engine must be asked) and emits completionsReady(); shows the
    // popup when `popup` is set.
    void requestCompletions(int pos, bool popup = true);
    const QList<CompletionItem> &lastCompletions() const { return completions_; }
    PromqlHighlighter *highlighter() const { return highlighter_; }
    // Where completion asks for metric names, labels and values: "" the
    // local engine, else a remote data source's name (ui/data_sources.h).
    void setDataSource(const QString &name);
    QString dataSource() const { return dataSource_; }

Q_SIGNALS:
    void runRequested();
    void parseErrorChanged(const QString &message);
    void completionsReady(const QList<vigil::ui::CompletionItem> &items);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void onTextChanged();
    void finishCompletions(int requestId, const CompletionContext &ctx, QList<CompletionItem> items, bool popup);
    void showPopup(const CompletionContext &ctx);
    void insertCompletion(const QString &text);
    void showItemDoc(const QModelIndex &index);
    QList<CompletionItem> staticItems(const QString &prefix) const;

    runtime::Engine *engine_;
    QString dataSource_;
    PromqlHighlighter *highlighter_;
    QCompleter *completer_;
    QStandardItemModel *completionModel_;
    QTimer *parseTimer_;
    QString parseError_;
    std::pair<int, int> errorRange_{0, 0};
    QList<CompletionItem> completions_;
    CompletionContext popupContext_;
    int requestId_ = 0;
    // Cache of engine answers: key -> (values, when fetched).
    struct Cached {
        QStringList values;
        QDateTime at;
    };
    QHash<QString, Cached> cache_;
    QHash<QString, QString> metricTypes_;  // metric name -> TYPE (from the scraper's metadata)
    QHash<QString, QString> metricHelp_;
};

}  // namespace vigil::ui
