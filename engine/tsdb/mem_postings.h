// MemPostings: the head's inverted index, label name -> value -> sorted
// postings list of series refs, plus the list of all refs.
//
// Thread safety: all methods are thread-safe. Readers share a reader/writer
// lock and copy the lists they need out, so a query holds the lock only for
// the copy; writers (series creation and removal) take it exclusively.
// Ownership: returns copies; callers own results.
#pragma once

#include "tsdb/postings.h"

#include "model/labels.h"

#include <functional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vigil::tsdb {

class MemPostings {
public:
    // Adds ref under every label of `labels` (refs may arrive in any order).
    void add(uint64_t ref, const model::Labels &labels);
    // Removes each (ref, labels) pair; unknown pairs are ignored.
    void remove(const std::vector<std::pair<uint64_t, const model::Labels *>> &series);

    postings::List all() const;
    postings::List get(std::string_view name, std::string_view value) const;
    // ∪ of the lists of the given values of `name` (absent values ignored).
    postings::List getAny(std::string_view name, const std::vector<std::string> &values) const;
    // ∪ of the lists of the values of `name` for which pred(value) is true.
    // pred runs under the read lock and must not call back into this object.
    postings::List getWhere(std::string_view name, const std::function<bool(std::string_view)> &pred) const;

    // Sorted label names that at least one series has.
    std::vector<std::string> labelNames() const;
    // Sorted values of `name` (empty when no series has it).
    std::vector<std::string> labelValues(std::string_view name) const;

private:
    struct StringHash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    using ValueMap = std::unordered_map<std::string, postings::List, StringHash, std::equal_to<>>;
    using NameMap = std::unordered_map<std::string, ValueMap, StringHash, std::equal_to<>>;

    static void insertSorted(postings::List &list, uint64_t ref);

    mutable std::shared_mutex mu_;
    NameMap index_;          // guarded by mu_
    postings::List all_;     // guarded by mu_
};

}  // namespace vigil::tsdb
