#include "tsdb/wal/record_encoder.h"

#include "tsdb/wal/record_crc.h"
#include "tsdb/wal/varint.h"

#include <bit>
#include <cstring>

namespace vigil::tsdb::wal {

char *RecordEncoder::begin(size_t maxPayload)
{
    buf_.resize(kRecordHeaderSize + maxPayload);
    return buf_.data() + kRecordHeaderSize;
}

std::string_view RecordEncoder::finish(RecordType type, const char *end)
{
    const size_t payloadLen = static_cast<size_t>(end - buf_.data()) - kRecordHeaderSize;
    if (payloadLen > kMaxRecordPayload) {
        buf_.clear();
        return {};
    }
    buf_.resize(kRecordHeaderSize + payloadLen);
    char *h = buf_.data();
    h[0] = static_cast<char>(type);
    putFixed32(h + 1, static_cast<uint32_t>(payloadLen));
    putFixed32(h + 5, recordCrc(h, h + kRecordHeaderSize, payloadLen));
    return buf_;
}

std::string_view RecordEncoder::frame(RecordType type, std::string_view payload)
{
    char *p = begin(payload.size());
    if (!payload.empty()) std::memcpy(p, payload.data(), payload.size());
    return finish(type, p + payload.size());
}

std::string_view RecordEncoder::series(const std::vector<std::pair<uint64_t, model::Labels>> &series)
{
    size_t max = kMaxVarintLen;
    for (const auto &[ref, labels] : series) {
        max += 2 * kMaxVarintLen;
        for (const auto &l : labels) max += 2 * kMaxVarintLen + l.name.size() + l.value.size();
    }
    char *p = begin(max);
    p = putUvarint(p, series.size());
    for (const auto &[ref, labels] : series) {
        p = putUvarint(p, ref);
        p = putUvarint(p, labels.size());
        for (const auto &l : labels) {
            p = putUvarint(p, l.name.size());
            std::memcpy(p, l.name.data(), l.name.size());
            p += l.name.size();
            p = putUvarint(p, l.value.size());
            std::memcpy(p, l.value.data(), l.value.size());
            p += l.value.size();
        }
    }
    return finish(RecordType::Series, p);
}

std::string_view RecordEncoder::samples(const std::vector<RefSample> &samples)
{
    constexpr size_t kMaxPerSample = 2 * kMaxVarintLen + 8;
    if (samples.size() > kMaxRecordPayload / 10) {  // 10 = smallest encoded sample
        buf_.clear();
        return {};
    }
    char *p = begin(3 * kMaxVarintLen + samples.size() * kMaxPerSample);
    p = putUvarint(p, samples.size());
    if (!samples.empty()) {
        const uint64_t baseRef = samples.front().ref;
        const int64_t baseT = samples.front().t;
        p = putUvarint(p, baseRef);
        p = putVarint(p, baseT);
        for (const RefSample &s : samples) {
            // Differences wrap modulo 2^64; the decoder adds them back the same way.
            p = putVarint(p, static_cast<int64_t>(s.ref - baseRef));
            p = putVarint(p, static_cast<int64_t>(static_cast<uint64_t>(s.t) - static_cast<uint64_t>(baseT)));
            putFixed64(p, std::bit_cast<uint64_t>(s.v));
            p += 8;
        }
    }
    return finish(RecordType::Samples, p);
}

std::string_view RecordEncoder::tombstones(const std::vector<WalTombstone> &tombstones)
{
    if (tombstones.size() > kMaxRecordPayload / 3) {
        buf_.clear();
        return {};
    }
    char *p = begin(kMaxVarintLen + tombstones.size() * 3 * kMaxVarintLen);
    p = putUvarint(p, tombstones.size());
    for (const WalTombstone &t : tombstones) {
        p = putUvarint(p, t.ref);
        p = putVarint(p, t.mint);
        p = putVarint(p, t.maxt);
    }
    return finish(RecordType::Tombstones, p);
}

}  // namespace vigil::tsdb::wal
