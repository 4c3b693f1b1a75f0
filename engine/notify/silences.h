// Silences: Alertmanager-style silences (matchers, startsAt/endsAt,
// createdBy, comment). A silence mutes every alert whose labels match all of
// its matchers while startsAt <= now < endsAt. Expiring sets endsAt to now.
//
// Persistence: when given an AppStore, every change is written through
// (table `silences`) and load() reads them back at start. Expired silences are
// kept (they are history) until purged.
//
// Thread safety: internally locked; may be used from any thread.
#pragma once

#include "core/status.h"
#include "notify/label_matchers.h"

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace vigil::store { class AppStore; }

namespace vigil::notify {

struct Silence {
    std::string id;  // assigned by create() when empty
    LabelMatchers matchers;
    int64_t startsAtMs = 0;
    int64_t endsAtMs = 0;
    std::string createdBy;
    std::string comment;
    int64_t updatedAtMs = 0;

    enum class State { Pending, Active, Expired };
    State state(int64_t nowMs) const;
    bool isActive(int64_t nowMs) const { return state(nowMs) == State::Active; }
};

class Silences {
public:
    explicit Silences(store::AppStore *store = nullptr) : store_(store) {}

    // Reads the stored silences (replacing those in memory).
    Status load();

    // InvalidArgument when there are no matchers, endsAt is not after
    // startsAt, or endsAt is in the past. Returns the id. An existing id
    // updates that silence.
    Result<std::string> create(Silence s, int64_t nowMs);
    // NotFound for an unknown id; expiring an expired silence is a no-op.
    Status expire(const std::string &id, int64_t nowMs);
    std::vector<Silence> list() const;

    // Ids of the active silences that match `labels`.
    std::vector<std::string> mutedBy(const model::Labels &labels, int64_t nowMs) const;

private:
    mutable std::mutex mu_;
    store::AppStore *store_ = nullptr;
    std::vector<Silence> silences_;
};

}  // namespace vigil::notify
