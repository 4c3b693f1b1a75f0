#include "exposition/parser.h"

#include "exposition/content_type.h"
#include "exposition/label_checks.h"
#include "exposition/openmetrics_parser.h"
#include "exposition/text_parser.h"

namespace vigil::exposition {

std::unique_ptr<Parser> Parser::create(Format fmt, std::string_view body)
{
    if (fmt == Format::Auto) fmt = detectFormat(body);
    if (fmt == Format::OpenMetrics) return std::make_unique<OpenMetricsParser>(body);
    return std::make_unique<TextParser>(body);
}

std::string_view Parser::labelValue(std::string_view name) const
{
    const LabelRef *l = findLabel(labels(), name);
    return l ? l->value : std::string_view();
}

}  // namespace vigil::exposition
