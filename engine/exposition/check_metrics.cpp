#include "exposition/check_metrics.h"

#include "exposition/content_type.h"
#include "exposition/parser.h"

namespace vigil::exposition {

Status checkMetrics(std::string_view body, Format fmt, CheckMetricsStats *stats)
{
    if (fmt == Format::Auto) fmt = detectFormat(body);
    auto parser = Parser::create(fmt, body);
    CheckMetricsStats local;
    local.format = fmt;
    for (;;) {
        const Entry e = parser->next();
        if (e == Entry::Eof) break;
        if (e == Entry::Invalid) {
            if (stats) *stats = local;
            return parser->status();
        }
        if (e == Entry::Series) ++local.series;
        if (e == Entry::Help || e == Entry::Type || e == Entry::Unit) ++local.metadata;
    }
    if (stats) *stats = local;
    return {};
}

}  // namespace vigil::exposition
