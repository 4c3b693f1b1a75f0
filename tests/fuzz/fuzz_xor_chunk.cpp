// libFuzzer target for the XOR (Gorilla) chunk decoder.
//
// The input is an encoded chunk (2-byte sample count + bit stream), as read
// from a block file or from Prometheus. Invariants checked for any input:
//   - decoding terminates after at most numSamples() samples;
//   - a clean end comes after exactly numSamples() samples; anything else
//     ends with a Corruption status and no more samples than promised;
//   - seek() to any decoded timestamp lands on a sample at or after it;
//   - a fully decoded chunk with non-decreasing timestamps re-encodes with
//     XorChunk to a chunk that decodes to the same samples, bit for bit.
#include "tsdb/xor_chunk.h"
#include "tsdb/xor_iterator.h"

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <utility>
#include <vector>

using namespace vigil::tsdb;

namespace {

void check(bool ok)
{
    if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    std::vector<std::pair<int64_t, uint64_t>> samples;
    XorIterator it(data, size);
    while (it.next()) {
        samples.emplace_back(it.t(), it.vBits());
        check(samples.size() <= it.numSamples());
    }
    check(it.next() == false);  // sticky end
    // Clean end: exactly the samples the header promised; otherwise fewer
    // (a chunk shorter than its header promises none and is still corrupt).
    const bool complete = it.status().isOk();
    check(complete ? samples.size() == it.numSamples() : samples.size() <= it.numSamples());

    if (!samples.empty()) {
        XorIterator s(data, size);
        const int64_t target = samples[samples.size() / 2].first;
        if (s.seek(target)) check(s.t() >= target);
    }

    bool sorted = true;
    for (size_t i = 1; i < samples.size(); ++i) sorted = sorted && samples[i - 1].first <= samples[i].first;
    if (!complete || !sorted) return 0;
    XorChunk chunk;
    for (const auto &[t, bits] : samples) chunk.append(t, std::bit_cast<double>(bits));
    XorIterator again(chunk.data(), chunk.size());
    for (const auto &[t, bits] : samples) {
        check(again.next());
        check(again.t() == t && again.vBits() == bits);
    }
    check(!again.next() && again.status().isOk());
    return 0;
}
