#include "exposition/label_checks.h"

#include "model/labels.h"

#include <algorithm>

namespace vigil::exposition {

const LabelRef *findDuplicateLabel(std::span<const LabelRef> labels, std::vector<std::string_view> *scratch)
{
    const size_t n = labels.size();
    if (n < 2) return nullptr;
    if (n <= 16) {
        for (size_t i = 1; i < n; ++i)
            for (size_t j = 0; j < i; ++j)
                if (labels[i].name == labels[j].name) return &labels[i];
        return nullptr;
    }
    scratch->clear();
    for (const auto &l : labels) scratch->push_back(l.name);
    std::sort(scratch->begin(), scratch->end());
    auto it = std::adjacent_find(scratch->begin(), scratch->end());
    if (it == scratch->end()) return nullptr;
    // Report the second occurrence in exposition order.
    bool seen = false;
    for (const auto &l : labels) {
        if (l.name != *it) continue;
        if (seen) return &l;
        seen = true;
    }
    return nullptr;
}

const LabelRef *findLabel(std::span<const LabelRef> labels, std::string_view name)
{
    for (const auto &l : labels)
        if (l.name == name) return &l;
    return nullptr;
}

uint64_t hashLabelsExcept(std::span<const LabelRef> labels, std::string_view except)
{
    uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (const auto &l : labels) {
        if (l.name == except) continue;
        h = model::hashBytes(l.name.data(), l.name.size(), h);
        h = model::hashBytes("\xff", 1, h);
        h = model::hashBytes(l.value.data(), l.value.size(), h);
        h = model::hashBytes("\xff", 1, h);
    }
    return h;
}

}  // namespace vigil::exposition
