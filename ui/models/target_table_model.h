// TargetTableModel: every scrape target (from prometheus.yml, the console
// or discovery) as a table: health, job, endpoint, labels, last scrape,
// duration, samples, error, source. Fed with snapshots (TargetSnapshot
// values), the targets the scraper does not scrape (DroppedTarget values,
// with the reason) and the set of console / paused targets — it never reads
// engine state itself. A target is identified by (job, __address__).
//
// Rows: the active targets (sorted by job, then URL), then the dropped ones
// (sorted by job, then address; health "Dropped", the reason as the error).
// A target found by service discovery is recognised by its discovered
// labels: every discovery mechanism adds __meta_* labels (file_sd
// __meta_filepath, http_sd __meta_url, kubernetes_sd __meta_kubernetes_*),
// static_configs none; its source reads "Discovered (file_sd)" etc. The
// tooltip of a row lists its discovered labels (before relabeling) and its
// target labels (after).
#pragma once

#include "scrape/scrape_manager.h"
#include "scrape/target_snapshot.h"

#include <QAbstractTableModel>

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace vigil::ui {

class TargetTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Health, Job, Endpoint, Labels, LastScrape, Duration, Samples, Source, Error, ColumnCount };
    enum Role { HealthRole = Qt::UserRole + 1, UrlRole, JobRole, AddressRole, ConsoleRole, DroppedRole, DiscoveryRole };
    using Key = std::pair<std::string, std::string>;  // (job, address)

    explicit TargetTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces all rows: the active targets, then the dropped ones.
    void setTargets(std::vector<scrape::TargetSnapshot> targets, std::vector<scrape::DroppedTarget> dropped = {});
    // Updates the row of the same job and URL; adds it (among the active rows) when new.
    void updateTarget(const scrape::TargetSnapshot &target);
    // Rows [0, activeCount()) are active targets, the rest dropped ones.
    int activeCount() const { return int(targets_.size()); }
    bool isDropped(int row) const { return row >= activeCount() && row < rowCount(); }
    // Valid for rows < activeCount().
    const scrape::TargetSnapshot &target(int row) const { return targets_.at(size_t(row)); }
    // Valid for dropped rows.
    const scrape::DroppedTarget &droppedTarget(int row) const { return dropped_.at(size_t(row - activeCount())); }
    // The discovery mechanism of the row's target ("file_sd", "http_sd", ...); empty for static targets.
    QString discoveryOf(int row) const;

    // "now" for "12 s ago" texts; tests set it, the page ticks it.
    void setNow(int64_t nowMs);

    // Which rows are console targets (Source "Console", editable) and which
    // of those are paused (health "Paused"); other rows come from the
    // configuration file.
    void setOrigins(std::set<Key> console, std::set<Key> paused);
    // The Source text of the other rows ("Configuration file" by default;
    // "Built-in" for the default set when there is no configuration file).
    void setOtherSource(const QString &title);
    static Key keyOf(const scrape::TargetSnapshot &t);
    // "file_sd" for __meta_filepath, "http_sd" for __meta_url, "<x>_sd" for
    // __meta_<x>_*; empty when `discovered` has no __meta_ label.
    static QString discoveryKind(const model::Labels &discovered);
    bool isConsole(int row) const;
    bool isPaused(int row) const;

private:
    const model::Labels &discoveredLabelsOf(int row) const;
    QString toolTipOf(int row) const;
    QString sourceTitle(int row) const;
    QVariant droppedData(const QModelIndex &index, int role) const;

    std::vector<scrape::TargetSnapshot> targets_;
    std::vector<scrape::DroppedTarget> dropped_;
    std::set<Key> console_;
    std::set<Key> paused_;
    QString otherSource_;
    int64_t nowMs_ = 0;
};

// "up" / "down" / "unknown" in the UI language.
QString healthTitle(scrape::HealthState h);

}  // namespace vigil::ui
