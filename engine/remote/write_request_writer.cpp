#include "remote/write_request_writer.h"

#include "remote/remote_write.h"

#include <snappy.h>

#include <cstring>

namespace vigil::remote {

namespace {

// Wire types (protobuf encoding).
constexpr uint8_t kVarint = 0, kFixed64 = 1, kLen = 2;

constexpr uint8_t tag(int field, uint8_t wireType)
{
    return uint8_t((field << 3) | wireType);
}

size_t varintSize(uint64_t v)
{
    size_t n = 1;
    while (v >= 0x80) {
        v >>= 7;
        ++n;
    }
    return n;
}

void putVarint(std::string &out, uint64_t v)
{
    char buf[10];
    size_t n = 0;
    while (v >= 0x80) {
        buf[n++] = char(uint8_t(v) | 0x80);
        v >>= 7;
    }
    buf[n++] = char(v);
    out.append(buf, n);
}

void putFixed64(std::string &out, uint64_t bits)
{
    char buf[8];
    for (int i = 0; i < 8; ++i) buf[i] = char(uint8_t(bits >> (8 * i)));  // little-endian
    out.append(buf, 8);
}

uint64_t doubleBits(double v)
{
    uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    return bits;
}

// A length-delimited field: tag, length, then the caller writes `len` bytes.
void putLenHeader(std::string &out, int field, size_t len)
{
    out.push_back(char(tag(field, kLen)));
    putVarint(out, len);
}

// Size of a length-delimited field holding `len` bytes.
size_t lenFieldSize(size_t len)
{
    return 1 + varintSize(len) + len;
}

// proto3 omits empty strings, zero integers and doubles whose bits are all
// zero (-0.0 is written), as the generated serializer does.
void putString(std::string &out, int field, std::string_view s)
{
    if (s.empty()) return;
    putLenHeader(out, field, s.size());
    out.append(s);
}

size_t stringSize(std::string_view s)
{
    return s.empty() ? 0 : lenFieldSize(s.size());
}

// Sample / Exemplar value and timestamp: double at `valueField`, int64 at
// `valueField + 1` (an int64 is the varint of its two's complement).
size_t valueTimeSize(double v, int64_t t)
{
    return (doubleBits(v) != 0 ? 9 : 0) + (t != 0 ? 1 + varintSize(uint64_t(t)) : 0);
}

void putValueTime(std::string &out, int valueField, double v, int64_t t)
{
    if (const uint64_t bits = doubleBits(v); bits != 0) {
        out.push_back(char(tag(valueField, kFixed64)));
        putFixed64(out, bits);
    }
    if (t != 0) {
        out.push_back(char(tag(valueField + 1, kVarint)));
        putVarint(out, uint64_t(t));
    }
}

}  // namespace

std::string WriteRequestWriter::encodeLabels(const model::Labels &labels)
{
    std::string out;
    for (const model::Label &l : labels) {
        putLenHeader(out, 1, stringSize(l.name) + stringSize(l.value));  // TimeSeries/Exemplar.labels = 1
        putString(out, 1, l.name);                                        // Label.name = 1
        putString(out, 2, l.value);                                       // Label.value = 2
    }
    return out;
}

void WriteRequestWriter::addSeries(std::string_view encodedLabels, const model::Sample *samples, size_t sampleCount,
                                   const Exemplar *exemplars, size_t exemplarCount)
{
    // The TimeSeries' length comes first, so size it before writing it.
    size_t size = encodedLabels.size();
    for (size_t i = 0; i < sampleCount; ++i) size += lenFieldSize(valueTimeSize(samples[i].v, samples[i].t));
    std::string exemplarLabels;  // exemplars are rare: encode their labels on the spot
    for (size_t i = 0; i < exemplarCount; ++i) {
        const size_t labelsSize = encodeLabels(exemplars[i].labels).size();
        size += lenFieldSize(labelsSize + valueTimeSize(exemplars[i].value, exemplars[i].timestampMs));
    }
    putLenHeader(raw_, 1, size);  // WriteRequest.timeseries = 1
    raw_.append(encodedLabels);
    for (size_t i = 0; i < sampleCount; ++i) {
        putLenHeader(raw_, 2, valueTimeSize(samples[i].v, samples[i].t));  // TimeSeries.samples = 2
        putValueTime(raw_, 1, samples[i].v, samples[i].t);                 // Sample.value = 1, timestamp = 2
    }
    for (size_t i = 0; i < exemplarCount; ++i) {
        const Exemplar &e = exemplars[i];
        exemplarLabels = encodeLabels(e.labels);
        putLenHeader(raw_, 3, exemplarLabels.size() + valueTimeSize(e.value, e.timestampMs));  // exemplars = 3
        raw_.append(exemplarLabels);
        putValueTime(raw_, 2, e.value, e.timestampMs);  // Exemplar.value = 2, timestamp = 3
    }
}

void WriteRequestWriter::addMetadata(const MetricMetadata &m)
{
    const uint64_t type = uint64_t(int(m.type));
    const size_t size = (type != 0 ? 1 + varintSize(type) : 0) + stringSize(m.familyName) + stringSize(m.help) +
                        stringSize(m.unit);
    putLenHeader(raw_, 3, size);  // WriteRequest.metadata = 3
    if (type != 0) {
        raw_.push_back(char(tag(1, kVarint)));  // type = 1
        putVarint(raw_, type);
    }
    putString(raw_, 2, m.familyName);  // metric_family_name = 2
    putString(raw_, 4, m.help);        // help = 4
    putString(raw_, 5, m.unit);        // unit = 5
}

void WriteRequestWriter::compress(std::string *out) const
{
    out->resize(snappy::MaxCompressedLength(raw_.size()));
    size_t n = 0;
    snappy::RawCompress(raw_.data(), raw_.size(), out->data(), &n);
    out->resize(n);
}

QByteArray WriteRequestWriter::compressed() const
{
    QByteArray out(qsizetype(snappy::MaxCompressedLength(raw_.size())), Qt::Uninitialized);
    size_t n = 0;
    snappy::RawCompress(raw_.data(), raw_.size(), out.data(), &n);
    out.truncate(qsizetype(n));
    return out;
}

}  // namespace vigil::remote
