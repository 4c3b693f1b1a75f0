// parseExpr(): see parser.h. The work is done by ExpressionParser.
#include "promql/parser.h"

#include "promql/expression_parser.h"

namespace vigil::promql {

Result<ExprPtr> parseExpr(std::string_view input, const ParseOptions &options, ParseError *error)
{
    ExpressionParser parser(input, options);
    return parser.run(error);
}

Result<std::vector<model::Matcher>> parseMetricSelector(std::string_view input, ParseError *error)
{
    ExpressionParser parser(input, ParseOptions{});
    return parser.runMetricSelector(error);
}

}  // namespace vigil::promql
