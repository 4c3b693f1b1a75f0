#include "pages/status_page.h"

#include "models/cardinality_model.h"

#include <QDateTime>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QThreadPool>
#include <QTimer>
#include <QVBoxLayout>

namespace vigil::ui {

StatusPage::StatusPage(runtime::Engine *engine, QWidget *parent)
    : QWidget(parent),
      engine_(engine),
      metrics_(new CardinalityModel(tr("Metric name"), this)),
      labelNames_(new CardinalityModel(tr("Label name"), this)),
      labelPairs_(new CardinalityModel(tr("Label pair"), this))
{
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(tr("TSDB status"), this);
    heading->setStyleSheet(QStringLiteral("font-size: 15pt; font-weight: 600;"));
    layout->addWidget(heading);
    auto *figures = new QGridLayout;
    const std::pair<const char *, QString> keys[] = {
        {"series", tr("Head series")}, {"samples", tr("Samples appended")}, {"chunks", tr("Head chunks")},
        {"wal", tr("WAL size")},       {"blocks", tr("Blocks on disk")},    {"pairs", tr("Label pairs")},
    };
    int i = 0;
    for (const auto &[key, title] : keys) {
        auto *box = new QGroupBox(title, this);
        auto *v = new QVBoxLayout(box);
        auto *value = new QLabel(QStringLiteral("–"), box);
        value->setObjectName(QString::fromLatin1(key));
        value->setStyleSheet(QStringLiteral("font-size: 16pt; font-weight: 600;"));
        v->addWidget(value);
        figures_.insert(QString::fromLatin1(key), value);
        figures->addWidget(box, i / 3, i % 3);
        ++i;
    }
    layout->addLayout(figures);
    error_ = new QLabel(this);
    error_->setStyleSheet(QStringLiteral("color: #b3261e;"));
    error_->hide();
    layout->addWidget(error_);
    auto *tables = new QHBoxLayout;
    const std::pair<CardinalityModel *, QString> models[] = {
        {metrics_, tr("Top 10 metric names by series")},
        {labelNames_, tr("Top 10 label names by distinct values")},
        {labelPairs_, tr("Top 10 label pairs by series")},
    };
    for (const auto &[model, title] : models) {
        auto *box = new QGroupBox(title, this);
        auto *v = new QVBoxLayout(box);
        auto *view = new QTableView(box);
        auto *proxy = new QSortFilterProxyModel(view);
        proxy->setSourceModel(model);
        proxy->setSortRole(Qt::UserRole);
        view->setModel(proxy);
        view->setSortingEnabled(true);
        view->sortByColumn(-1, Qt::AscendingOrder);
        view->verticalHeader()->hide();
        view->horizontalHeader()->setSectionResizeMode(CardinalityModel::Name, QHeaderView::Stretch);
        view->setShowGrid(false);
        v->addWidget(view);
        tables->addWidget(box);
    }
    layout->addLayout(tables, 1);

    timer_ = new QTimer(this);
    timer_->setInterval(10000);
    connect(timer_, &QTimer::timeout, this, [this] {
        if (isVisible()) refresh();
    });
    timer_->start();
}

QString StatusPage::figureText(const QString &key) const
{
    const QLabel *l = figures_.value(key);
    return l ? l->text() : QString();
}

void StatusPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void StatusPage::refresh()
{
    tsdb::Db *db = engine_->state() == runtime::Engine::State::Running ? engine_->storage() : nullptr;
    if (!db) {
        error_->setText(tr("The engine is not running."));
        error_->show();
        Q_EMIT refreshed(error_->text());
        return;
    }
    const uint64_t gen = ++generation_;
    QPointer<StatusPage> self(this);
    const int64_t now = QDateTime::currentMSecsSinceEpoch();
    // The Db outlives this run: Engine::stop() runs after the GUI is gone (console_app.cpp).
    QThreadPool::globalInstance()->start([self, db, now, gen] {
        auto result = runtime::computeTsdbStatus(db, now);
        QMetaObject::invokeMethod(
            self.data(), [self, gen, result = std::move(result)] {
                if (!self || gen != self->generation_) return;  // superseded
                if (!result.isOk()) {
                    self->error_->setText(QString::fromStdString(result.status().message()));
                    self->error_->show();
                    Q_EMIT self->refreshed(self->error_->text());
                    return;
                }
                self->apply(*result);
            },
            Qt::QueuedConnection);
    });
}

void StatusPage::apply(const runtime::TsdbStatus &s)
{
    error_->hide();
    const QLocale loc;
    figures_[QStringLiteral("series")]->setText(loc.toString(qulonglong(s.headSeries)));
    figures_[QStringLiteral("samples")]->setText(loc.toString(qulonglong(s.samplesAppended)));
    figures_[QStringLiteral("chunks")]->setText(loc.toString(qulonglong(s.headChunks)));
    figures_[QStringLiteral("wal")]->setText(loc.formattedDataSize(qint64(s.walBytes)));
    figures_[QStringLiteral("blocks")]->setText(
        tr("%1 in %n block(s)", nullptr, int(s.blocks)).arg(loc.formattedDataSize(qint64(s.blockBytes))));
    figures_[QStringLiteral("pairs")]->setText(loc.toString(qulonglong(s.labelPairs)));
    metrics_->setCounts(s.seriesByMetricName, double(s.headSeries));
    labelNames_->setCounts(s.valuesByLabelName, 0);
    labelPairs_->setCounts(s.seriesByLabelPair, double(s.headSeries));
    Q_EMIT refreshed(QString());
}

}  // namespace vigil::ui
