// SeriesRefTable: an open-addressing hash table from a uint64 key (a series
// ref, or a labels hash) to shared_ptr<MemSeries>, used inside one
// StripedSeriesMap stripe.
//
// Refs are handed out densely and hashes are uniform, and in both cases the
// low bits already chose the stripe: the slot index is (key >> shift)
// masked, which keeps consecutive refs in consecutive slots and a lookup to
// about one cache miss. Linear probing with tombstones; grows at 3/4 load.
// Keys 0 and ~0 are reserved (insert() refuses them; see keyFor()).
//
// Thread safety: none; the owning stripe's lock guards it.
#pragma once

#include "tsdb/mem_series.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace vigil::tsdb {

class SeriesRefTable {
public:
    // `shift`: how many low bits of a ref select the stripe (ignored here).
    explicit SeriesRefTable(unsigned shift = 0) : shift_(shift) {}

    // Maps an arbitrary 64-bit value (a hash) to a valid key. Distinct
    // values may share a key only at the reserved ends; callers that key by
    // hash compare labels anyway.
    static uint64_t keyFor(uint64_t x) { return x == kEmpty ? 1 : x == kTombstone ? kTombstone - 1 : x; }

    MemSeries *find(uint64_t ref) const
    {
        if (slots_.empty()) return nullptr;
        const size_t mask = slots_.size() - 1;
        for (size_t i = index(ref);; i = (i + 1) & mask) {
            const Slot &s = slots_[i];
            if (s.key == ref) return s.series.get();
            if (s.key == kEmpty) return nullptr;
        }
    }
    const std::shared_ptr<MemSeries> *findShared(uint64_t ref) const;
    // False when ref is already present (nothing changes).
    bool insert(uint64_t ref, std::shared_ptr<MemSeries> series);
    // False when absent.
    bool erase(uint64_t ref);
    size_t size() const { return live_; }

    template <typename F>
    void forEach(F &&f) const
    {
        for (const Slot &s : slots_) {
            if (s.key != kEmpty && s.key != kTombstone) f(s.key, s.series);
        }
    }

private:
    static constexpr uint64_t kEmpty = 0;
    static constexpr uint64_t kTombstone = ~uint64_t{0};

    struct Slot {
        uint64_t key = kEmpty;
        std::shared_ptr<MemSeries> series;
    };

    size_t index(uint64_t ref) const { return size_t(ref >> shift_) & (slots_.size() - 1); }
    void rehash(size_t capacity);

    std::vector<Slot> slots_;
    size_t used_ = 0;  // live + tombstones
    size_t live_ = 0;
    unsigned shift_;
};

}  // namespace vigil::tsdb
