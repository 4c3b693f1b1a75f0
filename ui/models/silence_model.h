// SilenceModel: the notifier's silences for the Alerts page — matchers,
// state (active / pending / expired), start, end ("until resolved" for
// those that end with their alert), creator and comment. Active first, then
// newest first. GUI thread only.
#pragma once

#include "notify/silences.h"

#include <QAbstractTableModel>
#include <QSet>

namespace vigil::ui {

class SilenceModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Matchers, State, Starts, Ends, CreatedBy, Comment, ColumnCount };
    explicit SilenceModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}

    void setSilences(std::vector<notify::Silence> silences, const QSet<QString> &untilResolved, qint64 nowMs);
    const notify::Silence *silenceAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<notify::Silence> silences_;
    QSet<QString> untilResolved_;
    qint64 nowMs_ = 0;
};

}  // namespace vigil::ui
