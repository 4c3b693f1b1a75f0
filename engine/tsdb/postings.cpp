#include "tsdb/postings.h"

#include <algorithm>
#include <iterator>

namespace vigil::tsdb::postings {

List intersect(const List &a, const List &b)
{
    const List &small = a.size() <= b.size() ? a : b;
    const List &large = a.size() <= b.size() ? b : a;
    List out;
    if (small.empty()) return out;
    if (small.size() * 16 < large.size()) {
        auto pos = large.begin();
        for (uint64_t x : small) {
            pos = std::lower_bound(pos, large.end(), x);
            if (pos == large.end()) break;
            if (*pos == x) out.push_back(x);
        }
        return out;
    }
    out.reserve(small.size());
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

List intersectAll(std::vector<List> lists)
{
    if (lists.empty()) return {};
    std::sort(lists.begin(), lists.end(), [](const List &x, const List &y) { return x.size() < y.size(); });
    List acc = std::move(lists[0]);
    for (size_t i = 1; i < lists.size() && !acc.empty(); ++i) acc = intersect(acc, lists[i]);
    return acc;
}

List merge(const List &a, const List &b)
{
    List out;
    out.reserve(a.size() + b.size());
    std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

List mergeAll(std::vector<List> lists)
{
    lists.erase(std::remove_if(lists.begin(), lists.end(), [](const List &l) { return l.empty(); }), lists.end());
    if (lists.empty()) return {};
    if (lists.size() == 1) return std::move(lists[0]);
    size_t total = 0;
    for (const auto &l : lists) total += l.size();
    List out;
    out.reserve(total);
    for (const auto &l : lists) out.insert(out.end(), l.begin(), l.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

List without(const List &a, const List &b)
{
    if (b.empty() || a.empty()) return a;
    List out;
    out.reserve(a.size());
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

}  // namespace vigil::tsdb::postings
