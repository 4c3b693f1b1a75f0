#include "tsdb/mem_postings.h"

#include <algorithm>
#include <map>
#include <mutex>

namespace vigil::tsdb {

void MemPostings::insertSorted(postings::List &list, uint64_t ref)
{
    // Refs are handed out increasingly, so appending is the common case.
    if (list.empty() || list.back() < ref) {
        list.push_back(ref);
        return;
    }
    auto it = std::lower_bound(list.begin(), list.end(), ref);
    if (it == list.end() || *it != ref) list.insert(it, ref);
}

void MemPostings::add(uint64_t ref, const model::Labels &labels)
{
    std::unique_lock lock(mu_);
    for (const auto &l : labels) {
        auto n = index_.find(std::string_view(l.name));
        if (n == index_.end()) n = index_.emplace(l.name, ValueMap{}).first;
        auto v = n->second.find(std::string_view(l.value));
        if (v == n->second.end()) v = n->second.emplace(l.value, postings::List{}).first;
        insertSorted(v->second, ref);
    }
    insertSorted(all_, ref);
}

void MemPostings::remove(const std::vector<std::pair<uint64_t, const model::Labels *>> &series)
{
    if (series.empty()) return;
    // Group refs by (name, value) so each list is filtered once.
    std::map<std::pair<std::string_view, std::string_view>, postings::List> byKey;
    postings::List refs;
    for (const auto &[ref, labels] : series) {
        refs.push_back(ref);
        for (const auto &l : *labels) byKey[{l.name, l.value}].push_back(ref);
    }
    std::sort(refs.begin(), refs.end());
    std::unique_lock lock(mu_);
    for (auto &[key, drop] : byKey) {
        std::sort(drop.begin(), drop.end());
        auto n = index_.find(key.first);
        if (n == index_.end()) continue;
        auto v = n->second.find(key.second);
        if (v == n->second.end()) continue;
        v->second = postings::without(v->second, drop);
        if (v->second.empty()) {
            n->second.erase(v);
            if (n->second.empty()) index_.erase(n);
        }
    }
    all_ = postings::without(all_, refs);
}

postings::List MemPostings::all() const
{
    std::shared_lock lock(mu_);
    return all_;
}

postings::List MemPostings::get(std::string_view name, std::string_view value) const
{
    std::shared_lock lock(mu_);
    auto n = index_.find(name);
    if (n == index_.end()) return {};
    auto v = n->second.find(value);
    if (v == n->second.end()) return {};
    return v->second;
}

postings::List MemPostings::getAny(std::string_view name, const std::vector<std::string> &values) const
{
    std::vector<postings::List> lists;
    {
        std::shared_lock lock(mu_);
        auto n = index_.find(name);
        if (n == index_.end()) return {};
        for (const auto &value : values) {
            auto v = n->second.find(std::string_view(value));
            if (v != n->second.end()) lists.push_back(v->second);
        }
    }
    return postings::mergeAll(std::move(lists));
}

postings::List MemPostings::getWhere(std::string_view name, const std::function<bool(std::string_view)> &pred) const
{
    std::vector<postings::List> lists;
    {
        std::shared_lock lock(mu_);
        auto n = index_.find(name);
        if (n == index_.end()) return {};
        for (const auto &[value, list] : n->second) {
            if (pred(value)) lists.push_back(list);
        }
    }
    return postings::mergeAll(std::move(lists));
}

std::vector<std::string> MemPostings::labelNames() const
{
    std::vector<std::string> out;
    {
        std::shared_lock lock(mu_);
        out.reserve(index_.size());
        for (const auto &[name, values] : index_) out.push_back(name);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> MemPostings::labelValues(std::string_view name) const
{
    std::vector<std::string> out;
    {
        std::shared_lock lock(mu_);
        auto n = index_.find(name);
        if (n == index_.end()) return out;
        out.reserve(n->second.size());
        for (const auto &[value, list] : n->second) out.push_back(value);
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace vigil::tsdb
