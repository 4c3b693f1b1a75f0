// CancellationToken: lets one thread (the GUI) stop a query another thread runs.
//
// cancel() may be called from any thread, any number of times; the evaluator
// polls isCancelled() in its loops and then fails the query with
// Status::Code::Cancelled ("query was canceled in expression evaluation").
// Share it through std::shared_ptr so it outlives both sides.
#pragma once

#include <atomic>

namespace vigil::promql {

class CancellationToken {
public:
    void cancel() { cancelled_.store(true, std::memory_order_relaxed); }
    bool isCancelled() const { return cancelled_.load(std::memory_order_relaxed); }

private:
    std::atomic<bool> cancelled_{false};
};

}  // namespace vigil::promql
