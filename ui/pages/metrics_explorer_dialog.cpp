#include "pages/metrics_explorer_dialog.h"

#include "exposition/metric_type.h"
#include "runtime/query_service.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <cstring>
#include <map>
#include <memory>

namespace vigil::ui {

MetricsExplorerDialog::MetricsExplorerDialog(runtime::Engine *engine, QWidget *parent)
    : QDialog(parent), engine_(engine), model_(new QStandardItemModel(this)), proxy_(new QSortFilterProxyModel(this))
{
    setWindowTitle(tr("Metrics explorer"));
    resize(820, 560);
    auto *layout = new QVBoxLayout(this);
    search_ = new QLineEdit(this);
    search_->setObjectName(QStringLiteral("metricSearch"));
    search_->setPlaceholderText(tr("Search metric names and descriptions"));
    search_->setClearButtonEnabled(true);
    layout->addWidget(search_);
    model_->setHorizontalHeaderLabels({tr("Metric"), tr("Type"), tr("Description")});
    proxy_->setSourceModel(model_);
    proxy_->setFilterKeyColumn(-1);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    view_ = new QTableView(this);
    view_->setModel(proxy_);
    view_->setSortingEnabled(true);
    view_->sortByColumn(0, Qt::AscendingOrder);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->verticalHeader()->hide();
    view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 6);
    view_->setWordWrap(false);
    view_->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(view_, 1);
    status_ = new QLabel(tr("Loading…"), this);
    layout->addWidget(status_);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Use in query"));
    layout->addWidget(buttons);

    connect(search_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);
    connect(view_, &QTableView::doubleClicked, this, &MetricsExplorerDialog::choose);
    connect(buttons, &QDialogButtonBox::accepted, this, &MetricsExplorerDialog::choose);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    load();
}

void MetricsExplorerDialog::load()
{
    runtime::QueryService *qs = engine_ ? engine_->queryService() : nullptr;
    if (!qs) {
        status_->setText(tr("The engine is not running."));
        return;
    }
    // Names from storage and metadata from the scraper, joined when both are in.
    struct Join {
        int outstanding = 2;
        QStringList names;
        std::map<std::string, exposition::MetricMetadata> md;
    };
    auto join = std::make_shared<Join>();
    auto done = [this, join] {
        if (--join->outstanding > 0) return;
        model_->removeRows(0, model_->rowCount());
        for (const QString &n : join->names) {
            auto it = join->md.find(n.toStdString());
            // Series of a histogram or summary carry their family's metadata.
            for (const char *suffix : {"_bucket", "_count", "_sum", "_total", "_created"}) {
                if (it != join->md.end()) break;
                if (n.endsWith(QLatin1String(suffix)))
                    it = join->md.find(n.chopped(qsizetype(strlen(suffix))).toStdString());
            }
            QString type, help;
            if (it != join->md.end()) {
                const auto t = exposition::metricTypeName(it->second.type);
                type = QString::fromLatin1(t.data(), qsizetype(t.size()));
                help = QString::fromStdString(it->second.help);
            }
            auto *helpItem = new QStandardItem(help);
            helpItem->setToolTip(help);
            model_->appendRow({new QStandardItem(n), new QStandardItem(type), helpItem});
        }
        view_->resizeColumnToContents(0);
        view_->resizeColumnToContents(1);
        status_->setText(tr("%n metric(s)", nullptr, int(join->names.size())));
        Q_EMIT loaded();
    };
    auto *nw = new QFutureWatcher<runtime::StringsOutcome>(this);
    connect(nw, &QFutureWatcher<runtime::StringsOutcome>::finished, this, [nw, join, done] {
        nw->deleteLater();
        if (nw->future().resultCount() > 0) {
            for (const auto &v : nw->future().result().values) join->names << QString::fromStdString(v);
        }
        done();
    });
    nw->setFuture(qs->labelValues("__name__", {}, 0, QDateTime::currentMSecsSinceEpoch() + 3600 * 1000));
    auto *mw = new QFutureWatcher<runtime::MetadataOutcome>(this);
    connect(mw, &QFutureWatcher<runtime::MetadataOutcome>::finished, this, [mw, join, done] {
        mw->deleteLater();
        if (mw->future().resultCount() > 0) join->md = mw->future().result().metrics;
        done();
    });
    mw->setFuture(qs->metadata());
}

void MetricsExplorerDialog::choose()
{
    const QModelIndexList rows = view_->selectionModel()->selectedRows(0);
    if (rows.isEmpty()) return;
    Q_EMIT metricChosen(rows.first().data().toString());
    accept();
}

}  // namespace vigil::ui
