#include "scrape/relabel_config.h"

#include "scrape/label_validation.h"

#include <re2/re2.h>

#include <cctype>

namespace vigil::scrape {

namespace {

struct ActionName {
    RelabelAction action;
    std::string_view name;
};
constexpr ActionName kActions[] = {
    {RelabelAction::Replace, "replace"},     {RelabelAction::Keep, "keep"},
    {RelabelAction::Drop, "drop"},           {RelabelAction::KeepEqual, "keepequal"},
    {RelabelAction::DropEqual, "dropequal"}, {RelabelAction::HashMod, "hashmod"},
    {RelabelAction::LabelMap, "labelmap"},   {RelabelAction::LabelDrop, "labeldrop"},
    {RelabelAction::LabelKeep, "labelkeep"}, {RelabelAction::Lowercase, "lowercase"},
    {RelabelAction::Uppercase, "uppercase"},
};

// Prometheus's relabelTarget: label names that may contain $1 / ${name}.
bool isValidRelabelTarget(std::string_view s)
{
    static const re2::RE2 re(R"(^(?:(?:[a-zA-Z_]|\$(?:\{\w+\}|\w+))+\w*)+$)");
    return re2::RE2::FullMatch(re2::StringPiece(s.data(), s.size()), re);
}

std::string quoted(std::string_view s)
{
    return "\"" + std::string(s) + "\"";
}

}  // namespace

std::string_view relabelActionName(RelabelAction a)
{
    for (const ActionName &n : kActions)
        if (n.action == a) return n.name;
    return "replace";
}

std::optional<RelabelAction> parseRelabelAction(std::string_view s)
{
    std::string lower(s);
    for (char &c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
    for (const ActionName &n : kActions)
        if (n.name == lower) return n.action;
    return std::nullopt;
}

Status RelabelConfig::validate() const
{
    using A = RelabelAction;
    const std::string act(relabelActionName(action));
    const RelabelConfig defaults;
    for (const std::string &l : sourceLabels)
        if (!isValidLabelName(l)) return Status::invalidArgument(quoted(l) + " is not a valid label name");
    if (action == A::HashMod && modulus == 0)
        return Status::invalidArgument("relabel configuration for hashmod requires non-zero modulus");
    const bool needsTarget = action == A::Replace || action == A::HashMod || action == A::Lowercase ||
                             action == A::Uppercase || action == A::KeepEqual || action == A::DropEqual;
    if (needsTarget && targetLabel.empty())
        return Status::invalidArgument("relabel configuration for " + act +
                                       " action requires 'target_label' value");
    const bool plainTarget = action == A::Lowercase || action == A::Uppercase || action == A::KeepEqual ||
                             action == A::DropEqual || action == A::HashMod;
    if ((action == A::Replace && !isValidRelabelTarget(targetLabel)) ||
        (plainTarget && !isValidLabelName(targetLabel)))
        return Status::invalidArgument(quoted(targetLabel) + " is invalid 'target_label' for " + act +
                                       " action");
    if ((action == A::KeepEqual || action == A::DropEqual) &&
        (!(regex == defaults.regex) || modulus != defaults.modulus || separator != defaults.separator ||
         replacement != defaults.replacement))
        return Status::invalidArgument(
            act + " action requires only 'source_labels' and `target_label`, and no other fields");
    if (action == A::LabelMap && !isValidRelabelTarget(replacement))
        return Status::invalidArgument(quoted(replacement) + " is invalid 'replacement' for " + act +
                                       " action");
    if ((action == A::LabelDrop || action == A::LabelKeep) &&
        (!sourceLabels.empty() || targetLabel != defaults.targetLabel || modulus != defaults.modulus ||
         separator != defaults.separator || replacement != defaults.replacement))
        return Status::invalidArgument(act + " action requires only 'regex', and no other fields");
    return Status::ok();
}

}  // namespace vigil::scrape
