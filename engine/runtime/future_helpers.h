// Small QFuture helpers for the Engine's worker-pool operations (console
// targets, rule groups): run a function on a pool, or hand back a value at once.
#pragma once

#include "core/thread_handoff.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
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

// Calls `fn(result)` on `context`'s thread when `f` finishes (a default T when
// it finished without a result, e.g. cancelled). Nothing runs if `context` is
// deleted first.
template <typename T, typename F>
void whenDone(QObject *context, QFuture<T> f, F fn)
{
    auto *w = new QFutureWatcher<T>(context);
    QObject::connect(w, &QFutureWatcher<T>::finished, context, [w, fn = std::move(fn)]() mutable {
        w->deleteLater();
        fn(w->future().resultCount() > 0 ? w->future().result() : T{});
    });
    w->setFuture(f);
}

}  // namespace vigil::runtime
