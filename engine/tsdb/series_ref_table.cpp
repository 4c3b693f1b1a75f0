#include "tsdb/series_ref_table.h"

#include <cstdint>

namespace vigil::tsdb {

const std::shared_ptr<MemSeries> *SeriesRefTable::findShared(uint64_t ref) const
{
    if (slots_.empty()) return nullptr;
    const size_t mask = slots_.size() - 1;
    for (size_t i = index(ref);; i = (i + 1) & mask) {
        const Slot &s = slots_[i];
        if (s.key == ref) return &s.series;
        if (s.key == kEmpty) return nullptr;
    }
}

bool SeriesRefTable::insert(uint64_t ref, std::shared_ptr<MemSeries> series)
{
    if (ref == kEmpty || ref == kTombstone) return false;
    if ((used_ + 1) * 4 >= slots_.size() * 3) {
        size_t cap = 16;
        while (cap < (live_ + 1) * 2) cap *= 2;  // at most half full afterwards
        rehash(cap);
    }
    const size_t mask = slots_.size() - 1;
    size_t tomb = SIZE_MAX;
    for (size_t i = index(ref);; i = (i + 1) & mask) {
        Slot &s = slots_[i];
        if (s.key == ref) return false;
        if (s.key == kTombstone && tomb == SIZE_MAX) tomb = i;
        if (s.key == kEmpty) {
            Slot &dst = tomb != SIZE_MAX ? slots_[tomb] : s;
            if (tomb == SIZE_MAX) ++used_;
            dst.key = ref;
            dst.series = std::move(series);
            ++live_;
            return true;
        }
    }
}

bool SeriesRefTable::erase(uint64_t ref)
{
    if (slots_.empty()) return false;
    const size_t mask = slots_.size() - 1;
    for (size_t i = index(ref);; i = (i + 1) & mask) {
        Slot &s = slots_[i];
        if (s.key == ref) {
            s.key = kTombstone;
            s.series.reset();
            --live_;
            return true;
        }
        if (s.key == kEmpty) return false;
    }
}

void SeriesRefTable::rehash(size_t capacity)
{
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.resize(capacity);
    used_ = live_ = 0;
    const size_t mask = capacity - 1;
    for (Slot &s : old) {
        if (s.key == kEmpty || s.key == kTombstone) continue;
        size_t i = index(s.key);
        while (slots_[i].key != kEmpty) i = (i + 1) & mask;
        slots_[i] = std::move(s);
        ++used_;
        ++live_;
    }
}

}  // namespace vigil::tsdb
