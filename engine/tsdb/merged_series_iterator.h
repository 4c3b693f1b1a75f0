// MergedSeriesIterator: merges several sample iterators, each in increasing
// timestamp order, into one strictly increasing stream. On equal timestamps
// the iterator listed first wins and the others skip theirs. An error in any
// input ends iteration and is reported by status().
//
// Ownership: owns the inputs. Thread safety: one thread at a time.
#pragma once

#include "storage/storage.h"

#include <memory>
#include <vector>

namespace vigil::tsdb {

class MergedSeriesIterator : public storage::SampleIterator {
public:
    explicit MergedSeriesIterator(std::vector<std::unique_ptr<storage::SampleIterator>> its);

    bool next() override;
    bool seek(int64_t t) override;
    model::Sample at() const override { return cur_; }
    Status status() const override { return status_; }

private:
    struct Input {
        std::unique_ptr<storage::SampleIterator> it;
        bool valid = false;
    };
    bool pick();
    bool checkError(const Input &in);

    std::vector<Input> inputs_;
    model::Sample cur_;
    Status status_;
    bool started_ = false;
    bool done_ = false;
};

}  // namespace vigil::tsdb
