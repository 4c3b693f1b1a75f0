#include "editor/promql_editor.h"

#include "data_sources.h"

#include "editor/promql_docs.h"
#include "editor/promql_highlighter.h"
#include "exposition/metric_type.h"
#include "promql/function.h"
#include "promql/parser.h"
#include "runtime/query_service.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QKeyEvent>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QTimer>
#include <QToolTip>

#include <algorithm>

namespace vigil::ui {

namespace {

constexpr int kInsertRole = Qt::UserRole + 1;
constexpr int kCacheSeconds = 60;
constexpr int kMaxItems = 300;

QString keyFor(const CompletionContext &ctx)
{
    switch (ctx.kind) {
    case CompletionContext::Kind::MetricOrFunction: return QStringLiteral("metrics");
    case CompletionContext::Kind::LabelName: return QStringLiteral("names|") + ctx.metric;
    case CompletionContext::Kind::LabelValue: return QStringLiteral("values|%1|%2").arg(ctx.metric, ctx.label);
    case CompletionContext::Kind::None: break;
    }
    return {};
}

bool matchesPrefix(const QString &candidate, const QString &prefix)
{
    return prefix.isEmpty() || candidate.startsWith(prefix, Qt::CaseInsensitive);
}

QString quoteValue(QString v)
{
    v.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return v;
}

}  // namespace

PromqlEditor::PromqlEditor(runtime::Engine *engine, QWidget *parent)
    : QPlainTextEdit(parent),
      engine_(engine),
      highlighter_(new PromqlHighlighter(document())),
      completer_(new QCompleter(this)),
      completionModel_(new QStandardItemModel(this)),
      parseTimer_(new QTimer(this))
{
    setObjectName(QStringLiteral("promqlEditor"));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(std::max(10.5, mono.pointSizeF()));
    setFont(mono);
    setTabChangesFocus(true);
    setPlaceholderText(tr("Enter a PromQL expression, e.g. rate(node_cpu_seconds_total[5m]) — Ctrl+Enter runs it, "
                          "Ctrl+Space completes"));
    setMinimumHeight(fontMetrics().lineSpacing() * 3 + 12);

    completer_->setWidget(this);
    completer_->setModel(completionModel_);
    completer_->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    completer_->setCaseSensitivity(Qt::CaseInsensitive);
    completer_->setMaxVisibleItems(12);
    connect(completer_, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            [this](const QModelIndex &i) { insertCompletion(i.data(kInsertRole).toString()); });
    connect(completer_, qOverload<const QModelIndex &>(&QCompleter::highlighted), this,
            [this](const QModelIndex &i) { showItemDoc(i); });

    parseTimer_->setSingleShot(true);
    parseTimer_->setInterval(250);
    connect(parseTimer_, &QTimer::timeout, this, &PromqlEditor::checkNow);
    connect(this, &QPlainTextEdit::textChanged, this, &PromqlEditor::onTextChanged);
}

void PromqlEditor::onTextChanged()
{
    parseTimer_->start();
}

void PromqlEditor::checkNow()
{
    parseTimer_->stop();
    const QString text = toPlainText();
    QString message;
    QList<QTextEdit::ExtraSelection> selections;
    std::pair<int, int> range{0, 0};
    if (!text.trimmed().isEmpty()) {
        const QByteArray utf8 = text.toUtf8();
        const std::string_view input(utf8.constData(), size_t(utf8.size()));
        promql::ParseError err;
        auto parsed = promql::parseExpr(input, {}, &err);
        if (!parsed.isOk()) {
            // Byte offsets to characters.
            const auto toChars = [&](size_t b) {
                return int(QString::fromUtf8(utf8.constData(), qsizetype(std::min(b, size_t(utf8.size())))).size());
            };
            int start = toChars(err.range.start);
            int end = toChars(err.range.end);
            if (start >= text.size()) start = std::max(0, int(text.size()) - 1);  // "unexpected end of input"
            if (end <= start) end = std::min(int(text.size()), start + 1);
            range = {start, end};
            message = QString::fromStdString(err.toString(input));
            QTextEdit::ExtraSelection sel;
            sel.cursor = QTextCursor(document());
            sel.cursor.setPosition(start);
            sel.cursor.setPosition(end, QTextCursor::KeepAnchor);
            sel.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            sel.format.setUnderlineColor(QColor(0xd3, 0x2f, 0x2f));
            sel.format.setToolTip(message);
            selections << sel;
        }
    }
    setExtraSelections(selections);
    errorRange_ = range;
    if (message != parseError_) {
        parseError_ = message;
        Q_EMIT parseErrorChanged(message);
    }
}

QList<CompletionItem> PromqlEditor::staticItems(const QString &prefix) const
{
    QList<CompletionItem> items;
    for (const auto &f : promql::allFunctions()) {
        if (f.experimental) continue;
        const QString name = QString::fromLatin1(f.name.data(), qsizetype(f.name.size()));
        if (name == QLatin1String("start") || name == QLatin1String("end")) continue;  // only after @
        if (matchesPrefix(name, prefix))
            items.append({name, CompletionItem::Kind::Function, promqlSignature(name), promqlDoc(name)});
    }
    static const char *kAggregations[] = {"sum", "avg", "min", "max", "count", "group", "stddev", "stdvar",
                                          "topk", "bottomk", "count_values", "quantile"};
    for (const char *a : kAggregations) {
        const QString name = QString::fromLatin1(a);
        if (matchesPrefix(name, prefix))
            items.append({name, CompletionItem::Kind::Aggregation, promqlSignature(name), promqlDoc(name)});
    }
    static const char *kKeywords[] = {"by", "without", "on", "ignoring", "group_left", "group_right",
                                      "offset", "bool", "and", "or", "unless"};
    for (const char *k : kKeywords) {
        const QString name = QString::fromLatin1(k);
        if (matchesPrefix(name, prefix) && !prefix.isEmpty())
            items.append({name, CompletionItem::Kind::Keyword, QString(), QString()});
    }
    return items;
}

void PromqlEditor::requestCompletions(int pos, bool popup)
{
    const CompletionContext ctx = completionContextAt(toPlainText(), pos);
    const int id = ++requestId_;
    if (ctx.kind == CompletionContext::Kind::None) {
        finishCompletions(id, ctx, {}, popup);
        return;
    }
    // Turns cached engine answers into items for this context.
    auto build = [this, ctx](const QStringList &values) {
        QList<CompletionItem> items;
        QList<CompletionItem> contains;  // matches not at the start, listed after
        for (const QString &v : values) {
            if (items.size() + contains.size() >= kMaxItems) break;
            CompletionItem item;
            item.text = v;
            switch (ctx.kind) {
            case CompletionContext::Kind::MetricOrFunction:
                item.kind = CompletionItem::Kind::Metric;
                item.detail = metricTypes_.value(v);
                item.doc = metricHelp_.value(v);
                break;
            case CompletionContext::Kind::LabelName: item.kind = CompletionItem::Kind::Label; break;
            default: item.kind = CompletionItem::Kind::LabelValue; break;
            }
            if (ctx.kind == CompletionContext::Kind::LabelName && v == QLatin1String("__name__")) continue;
            if (matchesPrefix(v, ctx.prefix)) items.append(item);
            else if (!ctx.prefix.isEmpty() && v.contains(ctx.prefix, Qt::CaseInsensitive)) contains.append(item);
        }
        // Names that start with the prefix first (functions right after the
        // metrics), then metrics that merely contain it.
        if (ctx.kind == CompletionContext::Kind::MetricOrFunction) items += staticItems(ctx.prefix);
        items += contains;
        return items;
    };
    const QString key = dataSource_ + QLatin1Char('\x1f') + keyFor(ctx);
    const auto cached = cache_.constFind(key);
    if (cached != cache_.constEnd() && cached->at.secsTo(QDateTime::currentDateTimeUtc()) < kCacheSeconds) {
        finishCompletions(id, ctx, build(cached->values), popup);
        return;
    }
    runtime::QueryBackend *qs = queryBackend(engine_, dataSource_);
    if (!qs) {
        finishCompletions(id, ctx, build({}), popup);
        return;
    }
    std::vector<model::Matcher> matchers;
    if (!ctx.metric.isEmpty()) {
        auto m = model::Matcher::create(model::Matcher::Type::Equal, "__name__", ctx.metric.toStdString());
        if (m.isOk()) matchers.push_back(std::move(*m));
    }
    const int64_t maxt = QDateTime::currentMSecsSinceEpoch() + 3600 * 1000;
    QFuture<runtime::StringsOutcome> f;
    if (ctx.kind == CompletionContext::Kind::LabelName) f = qs->labelNames(std::move(matchers), 0, maxt);
    else if (ctx.kind == CompletionContext::Kind::LabelValue) f = qs->labelValues(ctx.label.toStdString(), std::move(matchers), 0, maxt);
    else f = qs->labelValues("__name__", {}, 0, maxt);
    if (ctx.kind == CompletionContext::Kind::MetricOrFunction) {  // TYPE and HELP for the list
        auto *mw = new QFutureWatcher<runtime::MetadataOutcome>(this);
        connect(mw, &QFutureWatcher<runtime::MetadataOutcome>::finished, this, [this, mw, source = dataSource_] {
            mw->deleteLater();
            if (mw->future().resultCount() == 0 || source != dataSource_) return;
            for (const auto &[name, md] : mw->future().result().metrics) {
                const QString n = QString::fromStdString(name);
                metricTypes_[n] = QString::fromLatin1(exposition::metricTypeName(md.type).data(),
                                                      qsizetype(exposition::metricTypeName(md.type).size()));
                metricHelp_[n] = QString::fromStdString(md.help);
            }
        });
        mw->setFuture(qs->metadata());
    }
    auto *w = new QFutureWatcher<runtime::StringsOutcome>(this);
    connect(w, &QFutureWatcher<runtime::StringsOutcome>::finished, this, [this, w, key, build, id, ctx, popup] {
        w->deleteLater();
        QStringList values;
        if (w->future().resultCount() > 0 && w->future().result().status.isOk()) {
            for (const auto &v : w->future().result().values) values << QString::fromStdString(v);
            cache_[key] = {values, QDateTime::currentDateTimeUtc()};
        }
        finishCompletions(id, ctx, build(values), popup);
    });
    w->setFuture(f);
}

void PromqlEditor::setDataSource(const QString &name)
{
    if (name == dataSource_) return;
    dataSource_ = name;
    metricTypes_.clear();  // another server's metadata
    metricHelp_.clear();
}

void PromqlEditor::finishCompletions(int requestId, const CompletionContext &ctx, QList<CompletionItem> items,
                                     bool popup)
{
    if (requestId != requestId_) return;  // the user typed on; a newer request is coming
    completions_ = std::move(items);
    popupContext_ = ctx;
    Q_EMIT completionsReady(completions_);
    if (popup) showPopup(ctx);
}

void PromqlEditor::showPopup(const CompletionContext &ctx)
{
    completionModel_->clear();
    // Nothing to offer, or the only offer is what is already typed: no popup.
    if (completions_.isEmpty() || (completions_.size() == 1 && completions_.front().text == ctx.prefix) || !hasFocus()) {
        completer_->popup()->hide();
        return;
    }
    for (const auto &c : completions_) {
        auto *item = new QStandardItem(c.text);
        QString insert = c.text;
        if (c.kind == CompletionItem::Kind::Function || c.kind == CompletionItem::Kind::Aggregation) insert += QLatin1Char('(');
        if (c.kind == CompletionItem::Kind::LabelValue)
            insert = ctx.inQuotes ? quoteValue(c.text) : QLatin1Char('"') + quoteValue(c.text) + QLatin1Char('"');
        item->setData(insert, kInsertRole);
        QString tip;
        if (!c.detail.isEmpty()) tip = QStringLiteral("<b>%1</b>").arg(c.detail.toHtmlEscaped());
        if (!c.doc.isEmpty()) tip += (tip.isEmpty() ? QString() : QStringLiteral("<br>")) + c.doc.toHtmlEscaped();
        item->setToolTip(tip);
        if (c.kind == CompletionItem::Kind::Function || c.kind == CompletionItem::Kind::Aggregation) {
            item->setForeground(QColor(0x6a, 0x1b, 0x9a));
        } else if (c.kind == CompletionItem::Kind::Keyword) {
            item->setForeground(QColor(0x0d, 0x47, 0xa1));
        }
        completionModel_->appendRow(item);
    }
    QRect r = cursorRect();
    r.setWidth(std::max(320, completer_->popup()->sizeHintForColumn(0) +
                                 completer_->popup()->verticalScrollBar()->sizeHint().width() + 16));
    completer_->complete(r);
    completer_->popup()->setCurrentIndex(completionModel_->index(0, 0));
    showItemDoc(completionModel_->index(0, 0));
}

void PromqlEditor::showItemDoc(const QModelIndex &i)
{
    // The signature and one-line doc of the highlighted item, beside the list.
    const QString tip = i.data(Qt::ToolTipRole).toString();
    QAbstractItemView *popup = completer_->popup();
    if (tip.isEmpty() || !popup->isVisible()) return QToolTip::hideText();
    const QRect r = popup->visualRect(i);
    QToolTip::showText(popup->mapToGlobal(QPoint(popup->width() + 4, r.top())), tip, popup);
}

void PromqlEditor::insertCompletion(const QString &text)
{
    QTextCursor c = textCursor();
    const int pos = c.position();
    c.setPosition(std::min(popupContext_.replaceStart, pos));
    c.setPosition(pos, QTextCursor::KeepAnchor);
    c.insertText(text);
    setTextCursor(c);
    completer_->popup()->hide();
    QToolTip::hideText();
}

void PromqlEditor::keyPressEvent(QKeyEvent *event)
{
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    QAbstractItemView *popup = completer_->popup();
    if (popup->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Tab:
            if (!ctrl) {
                const QModelIndex i = popup->currentIndex();
                if (i.isValid()) insertCompletion(i.data(kInsertRole).toString());
                popup->hide();
                return;
            }
            break;
        case Qt::Key_Escape:
            popup->hide();
            return;
        default: break;
        }
    }
    if (ctrl && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)) {
        popup->hide();
        checkNow();
        Q_EMIT runRequested();
        return;
    }
    if (ctrl && event->key() == Qt::Key_Space) {
        requestCompletions(textCursor().position());
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
    const QString typed = event->text();
    if (typed.isEmpty() || ctrl) return;
    const QChar c = typed.back();
    if (c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('{') || c == QLatin1Char(',') ||
        c == QLatin1Char('"') || c == QLatin1Char('(') || c == QLatin1Char('=') || c == QLatin1Char('~')) {
        requestCompletions(textCursor().position());
    } else {
        popup->hide();
    }
}

}  // namespace vigil::ui
