#include "tsdb/wal/record_decoder.h"

#include "tsdb/wal/varint.h"

#include <bit>

namespace vigil::tsdb::wal {

namespace {

Status bad(const char *what)
{
    return Status::corruption(std::string("malformed record payload: ") + what);
}

}  // namespace

Status RecordDecoder::series(std::string_view payload, std::vector<std::pair<uint64_t, model::Labels>> *out)
{
    out->clear();
    const char *p = payload.data();
    const char *end = p + payload.size();
    uint64_t count;
    if (!(p = getUvarint(p, end, &count))) return bad("series count");
    if (count > static_cast<uint64_t>(end - p) / 2) return bad("series count exceeds record size");
    out->reserve(count);
    std::vector<model::Label> labels;
    for (uint64_t i = 0; i < count; ++i) {
        uint64_t ref, n;
        if (!(p = getUvarint(p, end, &ref))) return bad("series ref");
        if (!(p = getUvarint(p, end, &n))) return bad("label count");
        if (n > static_cast<uint64_t>(end - p) / 2) return bad("label count exceeds record size");
        labels.clear();
        labels.reserve(n);
        for (uint64_t j = 0; j < n; ++j) {
            uint64_t len;
            model::Label l;
            if (!(p = getUvarint(p, end, &len)) || len > static_cast<uint64_t>(end - p))
                return bad("label name");
            l.name.assign(p, len);
            p += len;
            if (!(p = getUvarint(p, end, &len)) || len > static_cast<uint64_t>(end - p))
                return bad("label value");
            l.value.assign(p, len);
            p += len;
            labels.push_back(std::move(l));
        }
        out->emplace_back(ref, model::Labels::fromSorted(std::move(labels)));
    }
    if (p != end) return bad("trailing bytes after series");
    return Status::ok();
}

Status RecordDecoder::samples(std::string_view payload, std::vector<RefSample> *out)
{
    out->clear();
    const char *p = payload.data();
    const char *end = p + payload.size();
    uint64_t count;
    if (!(p = getUvarint(p, end, &count))) return bad("sample count");
    if (count == 0) return p == end ? Status::ok() : bad("trailing bytes after samples");
    uint64_t baseRef;
    int64_t baseT;
    if (!(p = getUvarint(p, end, &baseRef))) return bad("base ref");
    if (!(p = getVarint(p, end, &baseT))) return bad("base timestamp");
    if (count > static_cast<uint64_t>(end - p) / 10) return bad("sample count exceeds record size");
    out->resize(count);
    RefSample *o = out->data();
    for (uint64_t i = 0; i < count; ++i, ++o) {
        int64_t dref, dt;
        if (!(p = getVarint(p, end, &dref))) return bad("sample ref delta");
        if (!(p = getVarint(p, end, &dt))) return bad("sample time delta");
        if (end - p < 8) return bad("sample value");
        o->ref = baseRef + static_cast<uint64_t>(dref);
        o->t = static_cast<int64_t>(static_cast<uint64_t>(baseT) + static_cast<uint64_t>(dt));
        o->v = std::bit_cast<double>(getFixed64(p));
        p += 8;
    }
    if (p != end) return bad("trailing bytes after samples");
    return Status::ok();
}

Status RecordDecoder::tombstones(std::string_view payload, std::vector<WalTombstone> *out)
{
    out->clear();
    const char *p = payload.data();
    const char *end = p + payload.size();
    uint64_t count;
    if (!(p = getUvarint(p, end, &count))) return bad("tombstone count");
    if (count > static_cast<uint64_t>(end - p) / 3) return bad("tombstone count exceeds record size");
    out->resize(count);
    for (auto &t : *out) {
        if (!(p = getUvarint(p, end, &t.ref))) return bad("tombstone ref");
        if (!(p = getVarint(p, end, &t.mint))) return bad("tombstone mint");
        if (!(p = getVarint(p, end, &t.maxt))) return bad("tombstone maxt");
    }
    if (p != end) return bad("trailing bytes after tombstones");
    return Status::ok();
}

}  // namespace vigil::tsdb::wal
