#include "model/labels.h"

#include <algorithm>
#include <cstring>

namespace vigil::model {

namespace {

void normalize(std::vector<Label> &v)
{
    std::stable_sort(v.begin(), v.end(), [](const Label &a, const Label &b) { return a.name < b.name; });
    // Last occurrence of a name wins.
    std::vector<Label> out;
    out.reserve(v.size());
    for (size_t i = 0; i < v.size(); ++i) {
        if (i + 1 < v.size() && v[i + 1].name == v[i].name) continue;
        if (v[i].value.empty()) continue;
        out.push_back(std::move(v[i]));
    }
    v.swap(out);
}

inline uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

inline uint64_t read64(const unsigned char *p)
{
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}

}  // namespace

uint64_t hashBytes(const void *data, size_t len, uint64_t seed)
{
    // A small, fast 64-bit hash in the spirit of xxhash64 (not bit-compatible).
    constexpr uint64_t p1 = 0x9E3779B185EBCA87ULL, p2 = 0xC2B2AE3D27D4EB4FULL,
                       p3 = 0x165667B19E3779F9ULL, p5 = 0x27D4EB2F165667C5ULL;
    const auto *p = static_cast<const unsigned char *>(data);
    uint64_t h = seed + p5 + len;
    while (len >= 8) {
        uint64_t k = read64(p) * p2;
        k = rotl(k, 31) * p1;
        h ^= k;
        h = rotl(h, 27) * p1 + p3;
        p += 8;
        len -= 8;
    }
    while (len > 0) {
        h ^= (*p) * p5;
        h = rotl(h, 11) * p1;
        ++p;
        --len;
    }
    h ^= h >> 33;
    h *= p2;
    h ^= h >> 29;
    h *= p3;
    h ^= h >> 32;
    return h;
}

Labels::Labels(std::initializer_list<Label> init) : labels_(init) { normalize(labels_); }

Labels Labels::fromUnsorted(std::vector<Label> labels)
{
    Labels l;
    l.labels_ = std::move(labels);
    normalize(l.labels_);
    return l;
}

Labels Labels::fromSorted(std::vector<Label> labels)
{
    Labels l;
    l.labels_ = std::move(labels);
    return l;
}

std::string_view Labels::get(std::string_view name) const
{
    for (const auto &l : labels_) {
        if (l.name == name) return l.value;
    }
    return {};
}

bool Labels::has(std::string_view name) const
{
    for (const auto &l : labels_) {
        if (l.name == name) return true;
    }
    return false;
}

uint64_t Labels::hash() const
{
    // Hash of name\xffvalue\xff... like Prometheus, streamed through a buffer.
    std::string buf;
    size_t n = 0;
    for (const auto &l : labels_) n += l.name.size() + l.value.size() + 2;
    buf.reserve(n);
    for (const auto &l : labels_) {
        buf.append(l.name);
        buf.push_back('\xff');
        buf.append(l.value);
        buf.push_back('\xff');
    }
    return hashBytes(buf.data(), buf.size());
}

int Labels::compare(const Labels &a, const Labels &b)
{
    const size_t n = std::min(a.size(), b.size());
    for (size_t i = 0; i < n; ++i) {
        if (int c = a[i].name.compare(b[i].name); c != 0) return c < 0 ? -1 : 1;
        if (int c = a[i].value.compare(b[i].value); c != 0) return c < 0 ? -1 : 1;
    }
    if (a.size() == b.size()) return 0;
    return a.size() < b.size() ? -1 : 1;
}

std::string quoteLabelValue(std::string_view v)
{
    // Go's strconv.Quote, which Prometheus uses when printing labels.
    static const char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(v.size() + 2);
    out.push_back('"');
    auto escByte = [&](unsigned char c) {
        out += "\\x";
        out.push_back(hex[c >> 4]);
        out.push_back(hex[c & 15]);
    };
    for (size_t i = 0; i < v.size();) {
        const auto c = static_cast<unsigned char>(v[i]);
        if (c < 0x80) {
            switch (c) {
            case '\\': out += "\\\\"; break;
            case '"': out += "\\\""; break;
            case '\a': out += "\\a"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\v': out += "\\v"; break;
            default:
                if (c < 0x20 || c == 0x7f) escByte(c);
                else out.push_back(char(c));
            }
            ++i;
            continue;
        }
        // Decode one UTF-8 sequence; invalid bytes are escaped one by one.
        int len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 0;
        uint32_t cp = len == 4 ? c & 0x07 : len == 3 ? c & 0x0f : c & 0x1f;
        bool ok = len > 0 && i + size_t(len) <= v.size();
        for (int k = 1; ok && k < len; ++k) {
            const auto cc = static_cast<unsigned char>(v[i + size_t(k)]);
            if ((cc & 0xc0) != 0x80) ok = false;
            cp = (cp << 6) | (cc & 0x3f);
        }
        if (ok) {
            const uint32_t minCp = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
            if (cp < minCp || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) ok = false;
        }
        if (!ok) {
            escByte(c);
            ++i;
            continue;
        }
        if (cp < 0xa0 || cp == 0xad || cp == 0x2028 || cp == 0x2029 || cp == 0xfeff) {
            // Not printable for Go: C1 controls, soft hyphen, separators, BOM.
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4) out.push_back(hex[(cp >> shift) & 15]);
        } else {
            out.append(v.substr(i, size_t(len)));
        }
        i += size_t(len);
    }
    out.push_back('"');
    return out;
}

std::string Labels::toString() const
{
    std::string out;
    std::string_view name = metricName();
    out.append(name);
    bool first = true;
    bool any = false;
    for (const auto &l : labels_) {
        if (l.name == kMetricName) continue;
        if (first) out.push_back('{');
        if (!first) out += ", ";
        first = false;
        any = true;
        out += l.name;
        out.push_back('=');
        out += quoteLabelValue(l.value);
    }
    if (any) out.push_back('}');
    else if (name.empty()) out += "{}";
    return out;
}

LabelsBuilder::LabelsBuilder(const Labels &base) { reset(base); }

void LabelsBuilder::reset(const Labels &base) { labels_ = base.vector(); }

LabelsBuilder &LabelsBuilder::set(std::string_view name, std::string_view value)
{
    if (value.empty()) return del(name);
    auto it = std::lower_bound(labels_.begin(), labels_.end(), name,
                               [](const Label &l, std::string_view n) { return l.name < n; });
    if (it != labels_.end() && it->name == name) {
        it->value = std::string(value);
    } else {
        labels_.insert(it, Label{std::string(name), std::string(value)});
    }
    return *this;
}

LabelsBuilder &LabelsBuilder::del(std::string_view name)
{
    auto it = std::lower_bound(labels_.begin(), labels_.end(), name,
                               [](const Label &l, std::string_view n) { return l.name < n; });
    if (it != labels_.end() && it->name == name) labels_.erase(it);
    return *this;
}

std::string_view LabelsBuilder::get(std::string_view name) const
{
    auto it = std::lower_bound(labels_.begin(), labels_.end(), name,
                               [](const Label &l, std::string_view n) { return l.name < n; });
    if (it != labels_.end() && it->name == name) return it->value;
    return {};
}

Labels LabelsBuilder::labels() const { return Labels::fromSorted(labels_); }

}  // namespace vigil::model
