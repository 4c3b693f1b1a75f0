// StatusPage (--page status): the TSDB's figures — head series, samples
// appended, head chunks, WAL and block sizes — and the top-10 cardinality
// tables (series per metric name, values per label name, series per label
// pair), where an operator finds what is eating memory. computeTsdbStatus()
// runs on a worker thread every 10 s while the page is visible; an answer
// from a superseded run is dropped. Threading: GUI thread only.
#pragma once

#include "runtime/engine.h"
#include "runtime/tsdb_status.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QTimer;

namespace vigil::ui {

class CardinalityModel;

class StatusPage : public QWidget {
    Q_OBJECT
public:
    explicit StatusPage(runtime::Engine *engine, QWidget *parent = nullptr);

    QString figureText(const QString &key) const;  // "series", "samples", "chunks", "wal", "blocks", "pairs"
    CardinalityModel *metricsModel() const { return metrics_; }
    CardinalityModel *labelNamesModel() const { return labelNames_; }
    CardinalityModel *labelPairsModel() const { return labelPairs_; }

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void refreshed(const QString &error);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void apply(const runtime::TsdbStatus &s);

    runtime::Engine *engine_;
    QHash<QString, QLabel *> figures_;
    CardinalityModel *metrics_;
    CardinalityModel *labelNames_;
    CardinalityModel *labelPairs_;
    QLabel *error_ = nullptr;
    QTimer *timer_ = nullptr;
    uint64_t generation_ = 0;
};

}  // namespace vigil::ui
