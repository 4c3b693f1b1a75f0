// TargetTableModel: every scrape target (from prometheus.yml, the console
// or discovery) as a table: health, job, endpoint, labels, last scrape,
// duration, samples, error, source. Fed with snapshots (TargetSnapshot
// values) and the set of console / paused targets — it never reads engine
// state itself. A target is identified by (job, __address__).
#pragma once

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
    enum Role { HealthRole = Qt::UserRole + 1, UrlRole, JobRole, AddressRole, ConsoleRole };
    using Key = std::pair<std::string, std::string>;  // (job, address)

    explicit TargetTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces all rows (sorted by job, then URL).
    void setTargets(std::vector<scrape::TargetSnapshot> targets);
    // Updates the row of the same job and URL; adds it when new.
    void updateTarget(const scrape::TargetSnapshot &target);
    const scrape::TargetSnapshot &target(int row) const { return targets_.at(size_t(row)); }

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
    bool isConsole(int row) const;
    bool isPaused(int row) const;

private:
    std::vector<scrape::TargetSnapshot> targets_;
    std::set<Key> console_;
    std::set<Key> paused_;
    QString otherSource_;
    int64_t nowMs_ = 0;
};

// "up" / "down" / "unknown" in the UI language.
QString healthTitle(scrape::HealthState h);

}  // namespace vigil::ui
