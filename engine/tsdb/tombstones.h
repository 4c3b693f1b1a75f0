// Tombstones: deleted time ranges per series, for the whole Db (head and
// blocks alike), keyed by the series' label set.
//
// Why one Db-level set keyed by labels, rather than Prometheus's per-block
// files keyed by series refs: Vigil's blocks are immutable files and its
// head's refs change across restarts, while a label set names the same
// series in the head, in every block, and after persistence or compaction
// moves its samples. So one small file (dir/tombstones, format in
// docs/format/tombstones.md) covers everything, is rewritten atomically on
// each deletion (tmp + fsync + rename + directory fsync), and is read at
// open. Queriers hide every sample inside a deleted range (DbQuerier).
//
// Intervals are inclusive [mint, maxt] in ms, kept sorted and merged.
// Thread safety: all methods are thread-safe; lookups take a shared lock.
#pragma once

#include "core/status.h"
#include "model/labels.h"

#include <cstdint>
#include <map>
#include <shared_mutex>
#include <string>
#include <vector>

namespace vigil::tsdb {

struct Interval {
    int64_t mint;
    int64_t maxt;
    friend bool operator==(const Interval &, const Interval &) = default;
};
using Intervals = std::vector<Interval>;  // sorted, disjoint, non-adjacent

// Adds [mint, maxt] to `iv`, merging overlapping and adjacent ranges.
void addInterval(Intervals *iv, Interval add);
// True when t lies in one of `iv`'s ranges.
bool intervalsContain(const Intervals &iv, int64_t t);

class Tombstones {
public:
    using Map = std::map<model::Labels, Intervals>;

    // Reads `path`; a missing file is an empty set. Corruption (bad magic,
    // version or CRC) names the file.
    static Result<Map> read(const std::string &path);
    // Replaces `path` atomically with `map`'s contents (an empty map removes
    // the file).
    static Status write(const std::string &path, const Map &map);

    void reset(Map map);
    // Intervals of `labels` (empty when none).
    Intervals lookup(const model::Labels &labels) const;
    bool empty() const;
    Map snapshot() const;

private:
    mutable std::shared_mutex mu_;
    Map map_;  // GUARDED_BY(mu_)
};

}  // namespace vigil::tsdb
