// libFuzzer target for the block file reader (docs/format/blocks.md): the
// input is written to a temporary file and opened as a block.
//
// Invariants checked for any input:
//   - Block::open never crashes; a failure is Corruption or IOError;
//   - an opened block's series can all be selected and iterated, and
//     iteration ends (a damaged frame stops it with a status).
#include "tsdb/block.h"

#include "model/matcher.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <unistd.h>

using namespace vigil;
using namespace vigil::tsdb;

namespace {

void check(bool ok)
{
    if (!ok) std::abort();
}

// One temporary file per process, rewritten for each input.
const std::string &blockPath()
{
    static const std::string path = [] {
        const char *dir = std::getenv("TMPDIR");
        std::string tmpl = std::string(dir && *dir ? dir : "/tmp") + "/vigil-fuzz-block-XXXXXX";
        const int fd = mkstemp(tmpl.data());
        check(fd >= 0);
        ::close(fd);
        return tmpl;
    }();
    return path;
}

void writeFile(const uint8_t *data, size_t size)
{
    FILE *f = std::fopen(blockPath().c_str(), "wb");
    check(f != nullptr);
    check(size == 0 || std::fwrite(data, 1, size, f) == size);
    std::fclose(f);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    writeFile(data, size);
    auto block = Block::open(blockPath());
    if (!block.isOk()) {
        const auto code = block.status().code();
        check(code == Status::Code::Corruption || code == Status::Code::IOError);
        return 0;
    }
    auto querier = (*block)->querier(INT64_MIN, INT64_MAX);
    auto all = model::Matcher::create(model::Matcher::Type::Regex, "__name__", ".*");
    check(all.isOk());
    auto set = querier->select({*all});
    if (!set.isOk()) return 0;
    size_t budget = 1u << 20;  // samples; a block file this small cannot hold more
    for (const auto &series : *set) {
        auto it = series->iterator();
        while (it->next()) {
            check(budget-- > 0);
            (void)it->at();
        }
        (void)it->status();
    }
    return 0;
}
