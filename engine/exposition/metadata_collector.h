// MetadataCollector: gathers MetricMetadata per family while a parser runs.
//
//   MetadataCollector md;
//   while ((e = p->next()) != Entry::Eof && e != Entry::Invalid) md.observe(*p, e);
//
// Strings are copied, so the collector outlives the parser and the body.
// A family is recorded when one of its HELP, TYPE or UNIT lines is seen;
// families with samples only are not recorded.
//
// Thread safety: none (a value; copy it to share a snapshot).
#pragma once

#include "exposition/metric_metadata.h"
#include "exposition/parser.h"

#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace vigil::exposition {

class MetadataCollector {
public:
    // Records `entry` (the value next() returned) if it is Help, Type or Unit;
    // other entries are ignored.
    void observe(const Parser &parser, Entry entry);

    // Metadata of `family`, or nullptr.
    const MetricMetadata *find(std::string_view family) const;

    const std::map<std::string, MetricMetadata, std::less<>> &families() const { return families_; }
    size_t size() const { return families_.size(); }
    void clear() { families_.clear(); }

private:
    std::map<std::string, MetricMetadata, std::less<>> families_;
};

}  // namespace vigil::exposition
