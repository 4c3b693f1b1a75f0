#include "models/instant_result_model.h"

#include "promql/go_strconv.h"
#include "widgets/plot_series.h"

#include <QDateTime>
#include <QFontDatabase>

#include <type_traits>

namespace vigil::ui {

namespace {

QString num(double v) { return QString::fromStdString(promql::formatFloat(v)); }

QString timeText(int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

}  // namespace

InstantResultModel::InstantResultModel(QObject *parent) : QAbstractTableModel(parent) {}

void InstantResultModel::clear()
{
    beginResetModel();
    rows_.clear();
    truncated_ = false;
    total_ = 0;
    endResetModel();
}

void InstantResultModel::setResult(const promql::Value &value)
{
    beginResetModel();
    rows_.clear();
    truncated_ = false;
    std::visit(
        [this](const auto &v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, promql::Scalar>) {
                total_ = 1;
                rows_.push_back({tr("scalar"), num(v.v), v.v});
            } else if constexpr (std::is_same_v<T, promql::String>) {
                total_ = 1;
                rows_.push_back({tr("string"), QString::fromStdString(v.v), 0});
            } else if constexpr (std::is_same_v<T, promql::Vector>) {
                total_ = int(v.size());
                for (const auto &s : v) {
                    if (rows_.size() == kMaxRows) break;
                    rows_.push_back({labelsText(s.metric), num(s.v), s.v});
                }
            } else {
                total_ = int(v.size());
                for (const auto &s : v) {
                    if (rows_.size() == kMaxRows) break;
                    QStringList lines;
                    for (const auto &p : s.points) lines << QStringLiteral("%1 @ %2").arg(num(p.v), timeText(p.t));
                    rows_.push_back({labelsText(s.metric), lines.join(QLatin1Char('\n')),
                                     s.points.empty() ? 0 : s.points.back().v});
                }
            }
        },
        value);
    truncated_ = rows_.size() < total_;
    endResetModel();
}

int InstantResultModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(rows_.size()); }
int InstantResultModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant InstantResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Row &r = rows_[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole: return index.column() == Series ? r.series : r.value;
    case Qt::UserRole: return index.column() == Series ? QVariant(r.series) : QVariant(r.sortValue);
    case Qt::FontRole: return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    case Qt::TextAlignmentRole:
        return index.column() == Value ? QVariant(Qt::AlignRight | Qt::AlignTop) : QVariant(Qt::AlignLeft | Qt::AlignTop);
    default: return {};
    }
}

QVariant InstantResultModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, o, role);
    return section == Series ? tr("Series") : tr("Value");
}

}  // namespace vigil::ui
