// libFuzzer target for the PromQL lexer, parser and printer.
//
// Invariants checked for any input:
//   - the lexer terminates with exactly one Eof or Error token, positions
//     never decrease and stay inside the input;
//   - parseExpr never crashes; a failure carries an error range inside the
//     input (start <= end <= size) and a "<line>:<col>: parse error: " message;
//   - a success prints to text (canonical and pretty) that parses again and
//     prints identically;
//   - parseSeriesDescription never crashes and reports ranges inside the input.
// Built with -DVIGIL_FUZZ=ON (tests/fuzz/CMakeLists.txt).
#include "promql/lexer.h"
#include "promql/parser.h"
#include "promql/printer.h"
#include "promql/series_description.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace vigil::promql;

namespace {

void check(bool ok)
{
    if (!ok) std::abort();
}

bool hasParseErrorPrefix(const std::string &m)
{
    const size_t colon = m.find(':');
    if (colon == std::string::npos || colon == 0) return false;
    const size_t second = m.find(": parse error: ", colon + 1);
    return second != std::string::npos && second > colon + 1;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string input(reinterpret_cast<const char *>(data), size);

    const auto tokens = Lexer::tokenize(input, /*keepComments=*/true);
    check(!tokens.empty());
    size_t last = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
        const Token &t = tokens[i];
        const bool terminal = t.type == TokenType::Eof || t.type == TokenType::Error;
        check(terminal == (i + 1 == tokens.size()));
        check(t.pos >= last && t.pos <= input.size());
        if (t.type != TokenType::Error) check(t.end() <= input.size());
        last = t.pos;
    }

    for (bool experimental : {false, true}) {
        ParseOptions options;
        options.enableExperimentalFunctions = experimental;
        ParseError err;
        auto r = parseExpr(input, options, &err);
        if (!r.isOk()) {
            check(err.range.start <= err.range.end && err.range.end <= input.size());
            check(hasParseErrorPrefix(r.status().message()));
            continue;
        }
        const std::string printed = toString(**r);
        auto again = parseExpr(printed, options);
        check(again.isOk());
        check(toString(**again) == printed);
        auto fromPretty = parseExpr(prettyString(**r, 12), options);
        check(fromPretty.isOk());
        check(toString(**fromPretty) == printed);
    }
    ParseError seriesErr;
    auto series = parseSeriesDescription(input, &seriesErr);
    if (!series.isOk()) {
        check(seriesErr.range.start <= seriesErr.range.end && seriesErr.range.end <= input.size());
        check(hasParseErrorPrefix(series.status().message()));
    }
    return 0;
}
