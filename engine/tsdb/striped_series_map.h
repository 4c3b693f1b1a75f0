// StripedSeriesMap: the head's two lookups of series, by ref and by labels
// hash, each split into lock stripes so appends of different series rarely
// contend and no global lock sits on the append path.
//
// Thread safety: all methods are thread-safe. Lock order: hash stripe, then
// ref stripe, then a series' mutex. Pins (MemSeries::pins) are taken while a
// stripe lock is held, which is what lets removeIf() decide safely that a
// series is unpinned.
//
// Ownership: holds shared_ptr<MemSeries>; returned raw pointers from the
// *Pinned lookups stay valid until the caller drops its pin.
#pragma once

#include "tsdb/mem_series.h"
#include "tsdb/series_ref_table.h"

#include "model/labels.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <shared_mutex>
#include <unordered_map>
#include <vector>

namespace vigil::tsdb {

class StripedSeriesMap {
public:
    using HashFn = uint64_t (*)(const model::Labels &);

    // stripes must be a power of two. hash keys series by labels (tests
    // inject a colliding one); default seriesHash().
    explicit StripedSeriesMap(size_t stripes = 1024, HashFn hash = nullptr);

    std::shared_ptr<MemSeries> getByRef(uint64_t ref) const;
    // Looks up by ref and pins the series (pins += 1) when found.
    MemSeries *getByRefPinned(uint64_t ref) const;
    // Looks up by labels; pins when found and pin is set.
    MemSeries *getByLabels(const model::Labels &labels, bool pin) const;

    // Returns the series with these labels, creating it with `newRef` if
    // absent. *created tells which happened. When pin is set the result is
    // pinned. Fails (returns nullptr) only when newRef is already used by a
    // series with different labels.
    MemSeries *getOrCreate(const model::Labels &labels, uint64_t newRef, bool pin, bool *created);

    // Registers an extra ref under which an existing series can be found by
    // getByRef (used when a replayed WAL names one series with two refs).
    void addAlias(uint64_t ref, const std::shared_ptr<MemSeries> &series);

    // Every series at some moment during the call (no ordering).
    std::vector<std::shared_ptr<MemSeries>> all() const;

    // For each candidate: with both of its stripes locked exclusively and its
    // series mutex held, calls pred(series); when it returns true and the
    // series is unpinned, removes it (and any aliases). Returns the removed.
    std::vector<std::shared_ptr<MemSeries>> removeIf(const std::vector<std::shared_ptr<MemSeries>> &candidates,
                                                     const std::function<bool(MemSeries &)> &pred);

    size_t size() const { return count_.load(std::memory_order_relaxed); }

private:
    struct HashStripe {
        mutable std::shared_mutex mu;
        SeriesRefTable unique;  // keyed by SeriesRefTable::keyFor(hash)
        // Series whose key collides with the one in `unique` (same key).
        std::unordered_map<uint64_t, std::vector<std::shared_ptr<MemSeries>>> conflicts;
    };
    struct RefStripe {
        mutable std::shared_mutex mu;
        SeriesRefTable byRef;
    };

    MemSeries *findLocked(const HashStripe &s, uint64_t hash, const model::Labels &labels) const;

    HashFn hash_;
    std::vector<HashStripe> hashStripes_;
    std::vector<RefStripe> refStripes_;
    size_t mask_;
    std::atomic<size_t> count_{0};
    std::atomic<size_t> aliases_{0};
};

}  // namespace vigil::tsdb
