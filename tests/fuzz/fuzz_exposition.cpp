// libFuzzer target for the exposition parsers.
//
// Built twice: fuzz_text feeds the input to the text 0.0.4 parser and
// fuzz_openmetrics to the OpenMetrics 1.0 parser (VIGIL_FUZZ_OPENMETRICS),
// each also to checkMetrics and format detection, so each target's corpus
// stays specific to its format. Invariants that hold for any input:
//   - parsing terminates (each next() consumes at least one line or ends);
//   - an error message starts with "<line>:<column>: ";
//   - every view an accessor returns is readable (ASan checks the bytes);
//   - Eof and Invalid are sticky.
// Built with -DVIGIL_FUZZ=ON (tests/fuzz/CMakeLists.txt).
#include "exposition/check_metrics.h"
#include "exposition/content_type.h"
#include "exposition/parser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace vigil::exposition;

namespace {

volatile size_t gSink = 0;

void touch(std::string_view s)
{
    size_t h = s.size();
    for (char c : s) h = h * 31 + static_cast<unsigned char>(c);
    gSink = gSink + h;
}

bool hasPositionPrefix(const std::string &m)
{
    size_t i = 0;
    auto digits = [&] {
        const size_t start = i;
        while (i < m.size() && m[i] >= '0' && m[i] <= '9') ++i;
        return i > start;
    };
    if (!digits() || i >= m.size() || m[i++] != ':') return false;
    if (!digits() || i + 1 >= m.size() || m[i] != ':' || m[i + 1] != ' ') return false;
    return true;
}

void run(Format fmt, std::string_view body)
{
    auto p = Parser::create(fmt, body);
    // Every entry consumes at least one line, so this bound is generous.
    size_t limit = body.size() + 2;
    Entry e = Entry::Eof;
    while (limit-- > 0) {
        e = p->next();
        if (e == Entry::Eof || e == Entry::Invalid) break;
        touch(p->family());
        switch (e) {
            case Entry::Series:
                touch(p->metricName());
                for (const auto &l : p->labels()) touch(l.name), touch(l.value);
                for (const auto &l : p->exemplarLabels()) touch(l.name), touch(l.value);
                gSink =
                    gSink + static_cast<size_t>(p->timestamp()) + static_cast<size_t>(p->exemplarTimestamp());
                break;
            case Entry::Help:
                touch(p->help());
                break;
            case Entry::Unit:
                touch(p->unit());
                break;
            case Entry::Comment:
                touch(p->comment());
                break;
            default:
                break;
        }
    }
    if (e != Entry::Eof && e != Entry::Invalid) std::abort();  // did not terminate
    if (e == Entry::Invalid) {
        if (p->status().isOk() || !hasPositionPrefix(p->status().message())) std::abort();
    } else if (!p->status().isOk()) {
        std::abort();
    }
    if (p->next() != e) std::abort();  // sticky
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // libFuzzer's buffer is exactly `size` bytes, so ASan catches reads past the end.
    const std::string_view body(reinterpret_cast<const char *>(data), size);
#ifdef VIGIL_FUZZ_OPENMETRICS
    constexpr Format kFormat = Format::OpenMetrics;
#else
    constexpr Format kFormat = Format::Text;
#endif
    run(kFormat, body);
    const vigil::Status s = checkMetrics(body, kFormat);
    if (!s.isOk() && !hasPositionPrefix(s.message())) std::abort();
    (void)formatFromContentType(body.substr(0, 64));
    return 0;
}
