// libFuzzer target for the WAL segment reader and record decoders.
//
// The input is treated as a segment file. Invariants checked for any input:
//   - reading terminates; goodOffset() never passes the end and only grows;
//   - a clean end means goodOffset() == size, damage means a reason is given;
//   - a payload that decodes re-encodes to a record that decodes to the same
//     values (bit-exact for sample values).
// Built with -DVIGIL_FUZZ=ON (tests/fuzz/CMakeLists.txt).
#include "tsdb/wal/record_decoder.h"
#include "tsdb/wal/record_encoder.h"
#include "tsdb/wal/segment_reader.h"

#include <bit>
#include <cstdlib>
#include <string_view>

using namespace vigil::tsdb;
using namespace vigil::tsdb::wal;

namespace {

void check(bool ok)
{
    if (!ok) std::abort();
}

std::string_view payloadOf(std::string_view record)
{
    return record.substr(kRecordHeaderSize);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view seg(reinterpret_cast<const char *>(data), size);
    SegmentReader reader(seg);
    RecordEncoder enc;
    std::vector<std::pair<uint64_t, vigil::model::Labels>> series, series2;
    std::vector<RefSample> samples, samples2;
    std::vector<WalTombstone> tombs, tombs2;
    uint64_t last = 0;
    while (reader.next()) {
        check(reader.goodOffset() > last && reader.goodOffset() <= size);
        check(reader.recordOffset() == last);
        last = reader.goodOffset();
        switch (reader.type()) {
            case RecordType::Series:
                if (RecordDecoder::series(reader.payload(), &series).isOk()) {
                    check(RecordDecoder::series(payloadOf(enc.series(series)), &series2).isOk());
                    check(series == series2);
                }
                break;
            case RecordType::Samples:
                if (RecordDecoder::samples(reader.payload(), &samples).isOk()) {
                    check(RecordDecoder::samples(payloadOf(enc.samples(samples)), &samples2).isOk());
                    check(samples.size() == samples2.size());
                    for (size_t i = 0; i < samples.size(); ++i) {
                        check(samples[i].ref == samples2[i].ref && samples[i].t == samples2[i].t);
                        check(std::bit_cast<uint64_t>(samples[i].v) ==
                              std::bit_cast<uint64_t>(samples2[i].v));
                    }
                }
                break;
            case RecordType::Tombstones:
                if (RecordDecoder::tombstones(reader.payload(), &tombs).isOk()) {
                    check(RecordDecoder::tombstones(payloadOf(enc.tombstones(tombs)), &tombs2).isOk());
                    check(tombs.size() == tombs2.size());
                    for (size_t i = 0; i < tombs.size(); ++i) {
                        check(tombs[i].ref == tombs2[i].ref && tombs[i].mint == tombs2[i].mint &&
                              tombs[i].maxt == tombs2[i].maxt);
                    }
                }
                break;
        }
    }
    check(reader.goodOffset() == last);
    if (reader.corrupted())
        check(!reader.error().empty() && last < size);
    else
        check(last == size);
    // Raw payload decoding must also be safe on arbitrary bytes.
    (void)RecordDecoder::series(seg, &series);
    (void)RecordDecoder::samples(seg, &samples);
    (void)RecordDecoder::tombstones(seg, &tombs);
    return 0;
}
