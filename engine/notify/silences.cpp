#include "notify/silences.h"

#include "core/log.h"
#include "store/app_store.h"

#include <QUuid>

#include <algorithm>

namespace vigil::notify {

Silence::State Silence::state(int64_t nowMs) const
{
    if (nowMs < startsAtMs) return State::Pending;
    if (nowMs < endsAtMs) return State::Active;
    return State::Expired;
}

namespace {

store::StoredSilence toStored(const Silence &s)
{
    return {s.id, matchersToString(s.matchers), s.startsAtMs, s.endsAtMs, s.createdBy, s.comment, s.updatedAtMs};
}

}  // namespace

Status Silences::load()
{
    if (!store_) return Status::ok();
    Result<std::vector<store::StoredSilence>> stored = store_->silences();
    if (!stored) return stored.status();
    std::vector<Silence> loaded;
    for (const store::StoredSilence &st : *stored) {
        Result<LabelMatchers> ms = parseMatchers(st.matchers);
        if (!ms) {
            // Keep going: one unreadable row must not drop the others.
            qCWarning(lcNotify) << "skipping stored silence" << st.id.c_str() << ":" << ms.status().message().c_str();
            continue;
        }
        loaded.push_back({st.id, std::move(*ms), st.startsAtMs, st.endsAtMs, st.createdBy, st.comment, st.updatedAtMs});
    }
    std::lock_guard lock(mu_);
    silences_ = std::move(loaded);
    return Status::ok();
}

Result<std::string> Silences::create(Silence s, int64_t nowMs)
{
    if (s.matchers.empty()) return Status::invalidArgument("a silence needs at least one matcher");
    if (s.startsAtMs == 0) s.startsAtMs = nowMs;
    if (s.endsAtMs <= s.startsAtMs) return Status::invalidArgument("end time must not be before start time");
    if (s.endsAtMs <= nowMs) return Status::invalidArgument("end time can't be in the past");
    // A silence matching everything would mute all alerts; Alertmanager
    // refuses matchers that all match the empty string.
    if (std::all_of(s.matchers.begin(), s.matchers.end(), [](const model::Matcher &m) { return m.matchesEmpty(); }))
        return Status::invalidArgument("at least one matcher must not match the empty string");
    if (s.id.empty()) s.id = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    s.updatedAtMs = nowMs;
    std::lock_guard lock(mu_);
    if (store_) VIGIL_RETURN_IF_ERROR(store_->putSilence(toStored(s)));
    auto it = std::find_if(silences_.begin(), silences_.end(), [&](const Silence &x) { return x.id == s.id; });
    if (it != silences_.end()) *it = s;
    else silences_.push_back(s);
    return s.id;
}

Status Silences::expire(const std::string &id, int64_t nowMs)
{
    std::lock_guard lock(mu_);
    auto it = std::find_if(silences_.begin(), silences_.end(), [&](const Silence &x) { return x.id == id; });
    if (it == silences_.end()) return Status::notFound("silence " + id + " not found");
    if (it->state(nowMs) == Silence::State::Expired) return Status::ok();
    Silence updated = *it;
    updated.endsAtMs = nowMs;
    if (updated.startsAtMs > nowMs) updated.startsAtMs = nowMs;
    updated.updatedAtMs = nowMs;
    if (store_) VIGIL_RETURN_IF_ERROR(store_->putSilence(toStored(updated)));
    *it = updated;
    return Status::ok();
}

std::vector<Silence> Silences::list() const
{
    std::lock_guard lock(mu_);
    return silences_;
}

std::vector<std::string> Silences::mutedBy(const model::Labels &labels, int64_t nowMs) const
{
    std::lock_guard lock(mu_);
    std::vector<std::string> ids;
    for (const Silence &s : silences_)
        if (s.isActive(nowMs) && matchesAll(s.matchers, labels)) ids.push_back(s.id);
    return ids;
}

}  // namespace vigil::notify
