#include "exposition/metadata_collector.h"

namespace vigil::exposition {

void MetadataCollector::observe(const Parser &parser, Entry entry)
{
    if (entry != Entry::Help && entry != Entry::Type && entry != Entry::Unit) return;
    auto it = families_.find(parser.family());
    if (it == families_.end()) it = families_.emplace(std::string(parser.family()), MetricMetadata{}).first;
    MetricMetadata &m = it->second;
    switch (entry) {
        case Entry::Help:
            m.help.assign(parser.help());
            break;
        case Entry::Type:
            m.type = parser.type();
            break;
        case Entry::Unit:
            m.unit.assign(parser.unit());
            break;
        default:
            break;
    }
}

const MetricMetadata *MetadataCollector::find(std::string_view family) const
{
    auto it = families_.find(family);
    return it == families_.end() ? nullptr : &it->second;
}

}  // namespace vigil::exposition
