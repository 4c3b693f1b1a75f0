// Handing work to another thread through Qt, visibly to ThreadSanitizer.
//
//   startPoolTask(pool, work)      QThreadPool::start(work)
//   invokeQueued(receiver, work)   QMetaObject::invokeMethod(receiver, work, Qt::QueuedConnection)
//   invokeBlocking(receiver, work) ... Qt::BlockingQueuedConnection
//
// Each builds the task (the callable and its captures) on the calling thread
// and runs it on another. Qt orders the two with its own mutexes, atomics
// and semaphores, which ThreadSanitizer cannot see in Debian's uninstrumented
// Qt (core/tsan.h), so the plain Qt calls make every capture look like a
// data race. These wrappers add the ordering Qt guarantees, and nothing else:
// the task releases its own address once built; the receiving thread
// acquires it before reading a capture and releases it after running; the
// thread that destroys the task acquires it first. Outside TSan builds they
// are exactly the Qt calls. Thread-safe as those are.
#pragma once

#include "core/tsan.h"

#include <QObject>
#include <QRunnable>
#include <QThread>
#include <QThreadPool>

#include <future>
#include <utility>

namespace vigil {

namespace detail {

// `F` wrapped so that every copy announces itself (the one Qt keeps is the
// last) and every call and destruction synchronises on that address.
template <typename F>
class Handoff {
public:
    explicit Handoff(F work) : work_(std::move(work)) { tsan::release(this); }
    Handoff(const Handoff &o) : work_(o.work_) { tsan::release(this); }
    Handoff(Handoff &&o) noexcept : work_(std::move(o.work_)) { tsan::release(this); }
    Handoff &operator=(const Handoff &) = delete;
    Handoff &operator=(Handoff &&) = delete;
    ~Handoff() { tsan::acquire(this); }  // may run on the thread that built it, after the call

    void operator()()
    {
        tsan::acquire(this);
        work_();
        tsan::release(this);
    }

private:
    F work_;
};

template <typename F>
class PoolTask final : public QRunnable {
public:
    explicit PoolTask(F work) : work_(std::move(work)) {}
    void run() override { work_(); }

private:
    Handoff<F> work_;
};

// Fulfils the promise when destroyed: after the task ran, or when Qt drops
// it because the receiver was deleted first (as BlockingQueuedConnection).
struct Done {
    std::promise<void> *promise;
    explicit Done(std::promise<void> *p) : promise(p) {}
    Done(Done &&o) noexcept : promise(std::exchange(o.promise, nullptr)) {}
    Done(const Done &o) = delete;
    ~Done()
    {
        if (promise) promise->set_value();
    }
};

}  // namespace detail

// Runs `work` on `pool`; the pool deletes the task after it ran.
template <typename F>
void startPoolTask(QThreadPool &pool, F work)
{
    pool.start(new detail::PoolTask<F>(std::move(work)));
}

// Runs `work` on `receiver`'s thread from its event loop; dropped if the
// receiver is deleted first. `F` must be copyable (as for invokeMethod).
template <typename F>
void invokeQueued(QObject *receiver, F work)
{
    QMetaObject::invokeMethod(receiver, detail::Handoff<F>(std::move(work)), Qt::QueuedConnection);
}

// Runs `work` on `receiver`'s thread and returns after it ran (or was
// dropped because the receiver was deleted). Must not be called on that
// thread, whose event loop must be running (as BlockingQueuedConnection).
// `F` need not be copyable.
template <typename F>
void invokeBlocking(QObject *receiver, F work)
{
    Q_ASSERT(receiver->thread() != QThread::currentThread());
    std::promise<void> done;
    std::future<void> finished = done.get_future();
    {
        // Done first: members are destroyed in reverse order, so `work` and
        // its captures are gone before the caller is released.
        auto shared = std::make_shared<std::pair<detail::Done, F>>(detail::Done(&done), std::move(work));
        invokeQueued(receiver, [shared] { shared->second(); });
    }
    finished.wait();
}

}  // namespace vigil
