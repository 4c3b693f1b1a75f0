// Small QFuture helpers for the Engine's worker-pool operations (console
// targets, rule groups): run a function on a pool, or hand back a value at once.
#pragma once

#include "core/thread_handoff.h"

#include <QFuture>
#include <QPromise>
#include <QThreadPool>

#include <memory>
#include <utility>

namespace vigil::runtime {

// Runs work() on `pool`; the future holds its result.
template <typename T, typename F>
QFuture<T> runOn(QThreadPool &pool, F work)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    startPoolTask(pool, [promise, work = std::move(work)]() mutable {
        promise->addResult(work());
        promise->finish();
    });
    return future;
}

// A future that already holds `value` (e.g. an error before any work starts).
template <typename T>
QFuture<T> ready(T value)
{
    QPromise<T> promise;
    QFuture<T> future = promise.future();
    promise.start();
    promise.addResult(std::move(value));
    promise.finish();
    return future;
}

}  // namespace vigil::runtime
