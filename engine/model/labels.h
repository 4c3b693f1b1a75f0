// Label sets: the identity of a series.
//
// A Labels value is an immutable-by-convention vector of (name, value) pairs
// sorted by name, names unique, no empty values (an empty value means the label
// is absent, as in Prometheus). The metric name is the label "__name__".
//
// Thread safety: a value type; concurrent reads of one instance are safe.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::model {

inline constexpr std::string_view kMetricName = "__name__";

struct Label {
    std::string name;
    std::string value;
    friend bool operator==(const Label &, const Label &) = default;
};

class Labels {
public:
    Labels() = default;
    // Sorts, drops pairs with empty values; if a name repeats, the last wins.
    Labels(std::initializer_list<Label> init);
    static Labels fromUnsorted(std::vector<Label> labels);
    // Caller guarantees sorted by name, unique, non-empty values.
    static Labels fromSorted(std::vector<Label> labels);

    // Empty string_view when absent.
    std::string_view get(std::string_view name) const;
    bool has(std::string_view name) const;
    std::string_view metricName() const { return get(kMetricName); }

    size_t size() const { return labels_.size(); }
    bool empty() const { return labels_.empty(); }
    const Label &operator[](size_t i) const { return labels_[i]; }
    auto begin() const { return labels_.begin(); }
    auto end() const { return labels_.end(); }
    const std::vector<Label> &vector() const { return labels_; }

    // Stable 64-bit hash of the whole set (independent of process/run).
    uint64_t hash() const;

    // {__name__="up", job="x"} rendered as Prometheus prints it: up{job="x"}.
    std::string toString() const;

    friend bool operator==(const Labels &, const Labels &) = default;
    // Lexicographic by (name, value) pairs, as Prometheus's labels.Compare.
    friend bool operator<(const Labels &a, const Labels &b) { return compare(a, b) < 0; }
    static int compare(const Labels &a, const Labels &b);

private:
    std::vector<Label> labels_;
};

// Builds a Labels by setting and deleting names on top of a base set.
class LabelsBuilder {
public:
    LabelsBuilder() = default;
    explicit LabelsBuilder(const Labels &base);
    void reset(const Labels &base);
    // Empty value deletes.
    LabelsBuilder &set(std::string_view name, std::string_view value);
    LabelsBuilder &del(std::string_view name);
    std::string_view get(std::string_view name) const;
    Labels labels() const;

private:
    std::vector<Label> labels_;  // kept sorted
};

// 64-bit hash helper used by labels and the index (xxhash-like mixing).
uint64_t hashBytes(const void *data, size_t len, uint64_t seed = 0);

// Go-style quoting used when printing label values ("a\"b\n").
std::string quoteLabelValue(std::string_view v);

}  // namespace vigil::model
