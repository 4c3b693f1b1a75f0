#include "incidents/incident.h"

#include <array>

namespace vigil::incidents {

namespace {
constexpr std::array<std::pair<EventKind, std::string_view>, 7> kKinds{{
    {EventKind::Fired, "fired"},
    {EventKind::Acknowledged, "acknowledged"},
    {EventKind::Note, "note"},
    {EventKind::Silence, "silence"},
    {EventKind::Action, "action"},
    {EventKind::AlertResolved, "alert_resolved"},
    {EventKind::Resolved, "resolved"},
}};
}  // namespace

std::string_view kindName(EventKind k)
{
    for (const auto &[kind, name] : kKinds) {
        if (kind == k) return name;
    }
    return "note";
}

std::optional<EventKind> kindFromName(std::string_view name)
{
    for (const auto &[kind, n] : kKinds) {
        if (n == name) return kind;
    }
    return std::nullopt;
}

}  // namespace vigil::incidents
