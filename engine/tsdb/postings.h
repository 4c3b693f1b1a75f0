// Postings: set operations on postings lists, i.e. sorted vectors of unique
// series refs. Free functions, pure, thread-safe; inputs must be sorted and
// unique (the result is too). Empty inputs are valid.
#pragma once

#include <cstdint>
#include <vector>

namespace vigil::tsdb::postings {

using List = std::vector<uint64_t>;

// a ∩ b. Gallops through the longer list when the sizes differ a lot.
List intersect(const List &a, const List &b);
// ∩ of all lists; empty input yields an empty list.
List intersectAll(std::vector<List> lists);
// a ∪ b.
List merge(const List &a, const List &b);
// ∪ of all lists.
List mergeAll(std::vector<List> lists);
// a \ b.
List without(const List &a, const List &b);

}  // namespace vigil::tsdb::postings
