#include "models/target_table_model.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace vigil::ui {

QString healthTitle(scrape::HealthState h)
{
    switch (h) {
    case scrape::HealthState::Up: return TargetTableModel::tr("Up");
    case scrape::HealthState::Down: return TargetTableModel::tr("Down");
    case scrape::HealthState::Unknown: break;
    }
    return TargetTableModel::tr("Unknown");
}

TargetTableModel::TargetTableModel(QObject *parent) : QAbstractTableModel(parent)
{
    nowMs_ = QDateTime::currentMSecsSinceEpoch();
}

int TargetTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(targets_.size() + dropped_.size());
}

int TargetTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant TargetTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Health: return tr("State");
    case Job: return tr("Job");
    case Endpoint: return tr("Endpoint");
    case Labels: return tr("Labels");
    case LastScrape: return tr("Last scrape");
    case Duration: return tr("Duration");
    case Samples: return tr("Samples");
    case Error: return tr("Error");
    case Source: return tr("Source");
    }
    return {};
}

QString TargetTableModel::discoveryKind(const model::Labels &discovered)
{
    // file_sd and http_sd name their labels without a mechanism prefix; a file may add __meta_* labels of its own.
    if (discovered.has("__meta_filepath")) return QStringLiteral("file_sd");
    if (discovered.has("__meta_url")) return QStringLiteral("http_sd");
    for (const auto &l : discovered) {
        if (l.name.rfind("__meta_", 0) != 0) continue;
        const std::string rest = l.name.substr(7);  // after "__meta_": <mechanism>_<name>
        return QString::fromStdString(rest.substr(0, rest.find('_'))) + QStringLiteral("_sd");
    }
    return {};
}

const model::Labels &TargetTableModel::discoveredLabelsOf(int row) const
{
    return isDropped(row) ? droppedTarget(row).discoveredLabels : targets_[size_t(row)].discoveredLabels;
}

QString TargetTableModel::discoveryOf(int row) const
{
    if (row < 0 || row >= rowCount()) return {};
    return discoveryKind(discoveredLabelsOf(row));
}

namespace {

QString labelLines(const model::Labels &labels)
{
    QStringList lines;
    for (const auto &l : labels)
        lines << QStringLiteral("  %1=\"%2\"").arg(QString::fromStdString(l.name), QString::fromStdString(l.value));
    return lines.join(QLatin1Char('\n'));
}

}  // namespace

QString TargetTableModel::toolTipOf(int row) const
{
    QString text = tr("Discovered labels (before relabeling):") + QLatin1Char('\n') + labelLines(discoveredLabelsOf(row));
    if (isDropped(row)) return text + QLatin1Char('\n') + tr("Not scraped: %1").arg(QString::fromStdString(droppedTarget(row).reason));
    return text + QLatin1Char('\n') + tr("Target labels (after relabeling):") + QLatin1Char('\n') +
           labelLines(targets_[size_t(row)].labels);
}

QVariant TargetTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    if (role == DroppedRole) return isDropped(index.row());
    if (role == DiscoveryRole) return discoveryOf(index.row());
    if (role == Qt::ToolTipRole && index.column() != Error) return toolTipOf(index.row());
    if (isDropped(index.row())) return droppedData(index, role);
    const auto &t = targets_[size_t(index.row())];
    const auto &h = t.health;
    if (role == HealthRole) return int(h.health);
    if (role == UrlRole) return QString::fromStdString(t.url);
    if (role == JobRole) return QString::fromStdString(t.job);
    if (role == AddressRole) return QString::fromStdString(std::string(t.discoveredLabels.get("__address__")));
    if (role == ConsoleRole) return isConsole(index.row());
    const bool paused = isPaused(index.row());
    if (paused && role == Qt::ForegroundRole && index.column() == Health) return QBrush(QColor(0x75, 0x75, 0x75));
    if (role == Qt::ForegroundRole && index.column() == Health) {
        switch (h.health) {
        case scrape::HealthState::Up: return QBrush(QColor(0x2e, 0x7d, 0x32));
        case scrape::HealthState::Down: return QBrush(QColor(0xc6, 0x28, 0x28));
        case scrape::HealthState::Unknown: return QBrush(QColor(0x75, 0x75, 0x75));
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Error) return QString::fromStdString(h.lastError);
    if (role != Qt::DisplayRole) return {};
    const QLocale loc;
    switch (index.column()) {
    case Health: return paused ? tr("Paused") : healthTitle(h.health);
    case Job: return QString::fromStdString(t.job);
    case Endpoint: return QString::fromStdString(t.url);
    case Labels: {
        QStringList parts;
        for (const auto &l : t.labels) {
            parts << QStringLiteral("%1=\"%2\"").arg(QString::fromStdString(l.name), QString::fromStdString(l.value));
        }
        return parts.join(QStringLiteral(", "));
    }
    case LastScrape:
        if (h.lastScrapeMs == 0) return tr("never");
        return tr("%1 s ago").arg(loc.toString(std::max<int64_t>(0, (nowMs_ - h.lastScrapeMs) / 1000)));
    case Duration:
        return h.lastScrapeMs == 0 ? QString() : tr("%1 ms").arg(loc.toString(qlonglong(h.lastScrapeDurationMs)));
    case Samples: return h.lastScrapeMs == 0 ? QString() : loc.toString(qulonglong(h.lastSamples));
    case Error: return QString::fromStdString(h.lastError);
    case Source: return sourceTitle(index.row());
    }
    return {};
}

QString TargetTableModel::sourceTitle(int row) const
{
    if (isConsole(row)) return tr("Console");
    if (const QString kind = discoveryOf(row); !kind.isEmpty()) return tr("Discovered (%1)").arg(kind);
    return otherSource_.isEmpty() ? tr("Configuration file") : otherSource_;
}

QVariant TargetTableModel::droppedData(const QModelIndex &index, int role) const
{
    const scrape::DroppedTarget &d = droppedTarget(index.row());
    if (role == HealthRole) return int(scrape::HealthState::Unknown);
    if (role == JobRole) return QString::fromStdString(d.job);
    if (role == AddressRole) return QString::fromStdString(std::string(d.discoveredLabels.get("__address__")));
    if (role == ConsoleRole) return false;
    if (role == Qt::ForegroundRole) return QBrush(QColor(0x75, 0x75, 0x75));  // the whole row is greyed
    if (role == Qt::ToolTipRole) return QString::fromStdString(d.reason);  // the Error column
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case Health: return tr("Dropped");
    case Job: return QString::fromStdString(d.job);
    case Endpoint: return QString::fromStdString(std::string(d.discoveredLabels.get("__address__")));
    case Error: return QString::fromStdString(d.reason);
    case Source: return sourceTitle(index.row());
    default: return QString();  // no labels or scrapes: it is not scraped
    }
}

TargetTableModel::Key TargetTableModel::keyOf(const scrape::TargetSnapshot &t)
{
    return {t.job, std::string(t.discoveredLabels.get("__address__"))};
}

bool TargetTableModel::isConsole(int row) const
{
    return row >= 0 && row < activeCount() && console_.count(keyOf(targets_[size_t(row)])) > 0;
}

bool TargetTableModel::isPaused(int row) const
{
    return row >= 0 && row < activeCount() && paused_.count(keyOf(targets_[size_t(row)])) > 0;
}

void TargetTableModel::setOtherSource(const QString &title)
{
    otherSource_ = title;
    if (!targets_.empty()) Q_EMIT dataChanged(index(0, Source), index(rowCount() - 1, Source));
}

void TargetTableModel::setOrigins(std::set<Key> console, std::set<Key> paused)
{
    console_ = std::move(console);
    paused_ = std::move(paused);
    if (!targets_.empty()) Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void TargetTableModel::setTargets(std::vector<scrape::TargetSnapshot> targets, std::vector<scrape::DroppedTarget> dropped)
{
    std::sort(targets.begin(), targets.end(), [](const auto &a, const auto &b) {
        return std::tie(a.job, a.url) < std::tie(b.job, b.url);
    });
    std::sort(dropped.begin(), dropped.end(), [](const auto &a, const auto &b) {
        return std::make_pair(a.job, a.discoveredLabels.get("__address__")) <
               std::make_pair(b.job, b.discoveredLabels.get("__address__"));
    });
    beginResetModel();
    targets_ = std::move(targets);
    dropped_ = std::move(dropped);
    endResetModel();
}

void TargetTableModel::updateTarget(const scrape::TargetSnapshot &target)
{
    auto key = std::tie(target.job, target.url);
    auto it = std::lower_bound(targets_.begin(), targets_.end(), target, [](const auto &a, const auto &b) {
        return std::tie(a.job, a.url) < std::tie(b.job, b.url);
    });
    const int row = int(it - targets_.begin());
    if (it != targets_.end() && std::tie(it->job, it->url) == key) {
        *it = target;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    beginInsertRows({}, row, row);
    targets_.insert(it, target);
    endInsertRows();
}

void TargetTableModel::setNow(int64_t nowMs)
{
    nowMs_ = nowMs;
    if (!targets_.empty()) Q_EMIT dataChanged(index(0, LastScrape), index(rowCount() - 1, LastScrape));
}

}  // namespace vigil::ui
