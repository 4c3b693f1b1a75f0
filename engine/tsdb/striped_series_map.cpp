#include "tsdb/striped_series_map.h"

#include "tsdb/series_hash.h"

#include <algorithm>
#include <bit>
#include <mutex>
#include <unordered_set>

namespace vigil::tsdb {

StripedSeriesMap::StripedSeriesMap(size_t stripes, HashFn hash)
    : hash_(hash ? hash : &seriesHash), hashStripes_(stripes), refStripes_(stripes), mask_(stripes - 1)
{
    const unsigned shift = unsigned(std::countr_zero(stripes));
    for (RefStripe &s : refStripes_) s.byRef = SeriesRefTable(shift);
    for (HashStripe &s : hashStripes_) s.unique = SeriesRefTable(shift);
}

std::shared_ptr<MemSeries> StripedSeriesMap::getByRef(uint64_t ref) const
{
    const RefStripe &s = refStripes_[ref & mask_];
    std::shared_lock lock(s.mu);
    const std::shared_ptr<MemSeries> *p = s.byRef.findShared(ref);
    return p ? *p : nullptr;
}

MemSeries *StripedSeriesMap::getByRefPinned(uint64_t ref) const
{
    const RefStripe &s = refStripes_[ref & mask_];
    std::shared_lock lock(s.mu);
    MemSeries *m = s.byRef.find(ref);
    if (m) m->pins.fetch_add(1, std::memory_order_relaxed);
    return m;
}

MemSeries *StripedSeriesMap::findLocked(const HashStripe &s, uint64_t hash, const model::Labels &labels) const
{
    MemSeries *first = s.unique.find(SeriesRefTable::keyFor(hash));
    if (!first) return nullptr;
    if (first->labels() == labels) return first;
    auto c = s.conflicts.find(SeriesRefTable::keyFor(hash));
    if (c == s.conflicts.end()) return nullptr;
    for (const auto &p : c->second) {
        if (p->labels() == labels) return p.get();
    }
    return nullptr;
}

MemSeries *StripedSeriesMap::getByLabels(const model::Labels &labels, bool pin) const
{
    const uint64_t hash = hash_(labels);
    const HashStripe &s = hashStripes_[hash & mask_];
    std::shared_lock lock(s.mu);
    MemSeries *m = findLocked(s, hash, labels);
    if (m && pin) m->pins.fetch_add(1, std::memory_order_relaxed);
    return m;
}

MemSeries *StripedSeriesMap::getOrCreate(const model::Labels &labels, uint64_t newRef, bool pin, bool *created)
{
    const uint64_t hash = hash_(labels);
    *created = false;
    HashStripe &hs = hashStripes_[hash & mask_];
    std::unique_lock hlock(hs.mu);
    if (MemSeries *m = findLocked(hs, hash, labels)) {
        if (pin) m->pins.fetch_add(1, std::memory_order_relaxed);
        return m;
    }
    RefStripe &rs = refStripes_[newRef & mask_];
    std::unique_lock rlock(rs.mu);
    if (rs.byRef.find(newRef)) return nullptr;
    auto series = std::make_shared<MemSeries>(newRef, labels);
    if (pin) series->pins.fetch_add(1, std::memory_order_relaxed);
    rs.byRef.insert(newRef, series);
    const uint64_t key = SeriesRefTable::keyFor(hash);
    if (!hs.unique.insert(key, series)) hs.conflicts[key].push_back(series);
    count_.fetch_add(1, std::memory_order_relaxed);
    *created = true;
    return series.get();
}

void StripedSeriesMap::addAlias(uint64_t ref, const std::shared_ptr<MemSeries> &series)
{
    RefStripe &rs = refStripes_[ref & mask_];
    std::unique_lock lock(rs.mu);
    if (rs.byRef.insert(ref, series)) aliases_.fetch_add(1, std::memory_order_relaxed);
}

std::vector<std::shared_ptr<MemSeries>> StripedSeriesMap::all() const
{
    std::vector<std::shared_ptr<MemSeries>> out;
    out.reserve(size());
    for (const RefStripe &s : refStripes_) {
        std::shared_lock lock(s.mu);
        s.byRef.forEach([&](uint64_t ref, const std::shared_ptr<MemSeries> &series) {
            if (series->ref() == ref) out.push_back(series);  // skip aliases
        });
    }
    return out;
}

std::vector<std::shared_ptr<MemSeries>> StripedSeriesMap::removeIf(
    const std::vector<std::shared_ptr<MemSeries>> &candidates, const std::function<bool(MemSeries &)> &pred)
{
    std::vector<std::shared_ptr<MemSeries>> removed;
    for (const auto &series : candidates) {
        const uint64_t hash = hash_(series->labels());
        HashStripe &hs = hashStripes_[hash & mask_];
        RefStripe &rs = refStripes_[series->ref() & mask_];
        std::unique_lock hlock(hs.mu);
        std::unique_lock rlock(rs.mu);
        {
            std::lock_guard slock(series->mutex());
            if (series->pins.load(std::memory_order_relaxed) != 0 || !pred(*series)) continue;
        }
        if (rs.byRef.find(series->ref()) != series.get()) continue;  // already removed
        rs.byRef.erase(series->ref());
        const uint64_t key = SeriesRefTable::keyFor(hash);
        auto c = hs.conflicts.find(key);
        if (hs.unique.find(key) == series.get()) {
            hs.unique.erase(key);
            if (c != hs.conflicts.end() && !c->second.empty()) {
                hs.unique.insert(key, std::move(c->second.back()));
                c->second.pop_back();
            }
        } else if (c != hs.conflicts.end()) {
            c->second.erase(std::remove(c->second.begin(), c->second.end(), series), c->second.end());
        }
        if (c != hs.conflicts.end() && c->second.empty()) hs.conflicts.erase(c);
        count_.fetch_sub(1, std::memory_order_relaxed);
        removed.push_back(series);
    }
    // Aliases are rare (WAL replay only); sweep them after the main removal.
    if (!removed.empty() && aliases_.load(std::memory_order_relaxed) > 0) {
        std::unordered_set<const MemSeries *> gone;
        for (const auto &r : removed) gone.insert(r.get());
        for (RefStripe &s : refStripes_) {
            std::unique_lock lock(s.mu);
            std::vector<uint64_t> drop;
            s.byRef.forEach([&](uint64_t ref, const std::shared_ptr<MemSeries> &series) {
                if (series->ref() != ref && gone.count(series.get())) drop.push_back(ref);
            });
            for (uint64_t ref : drop) {
                s.byRef.erase(ref);
                aliases_.fetch_sub(1, std::memory_order_relaxed);
            }
        }
    }
    return removed;
}

}  // namespace vigil::tsdb
