// ThreadSanitizer annotations for hand-offs made inside Qt.
//
// Debian's Qt is not built with ThreadSanitizer: the mutexes and atomics
// QThreadPool uses to pass a task to a pool thread are invisible to it, so a
// task built on one thread and run on another looks like a data race even
// though Qt orders the two. tsan::release(p) before the hand-off and
// tsan::acquire(p) on the receiving side, before it touches anything handed
// over, tell TSan about exactly that ordering (p names the hand-off: the
// handed object's address). Use them only where Qt documents the ordering;
// everything else is synchronised with std::mutex/std::atomic, which TSan
// sees. Without -fsanitize=thread both are empty inline functions.
#pragma once

#if defined(__SANITIZE_THREAD__)
#define VIGIL_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define VIGIL_TSAN 1
#endif
#endif

#ifdef VIGIL_TSAN
#include <sanitizer/tsan_interface.h>
#endif

namespace vigil::tsan {

inline void release([[maybe_unused]] const void *handoff)
{
#ifdef VIGIL_TSAN
    __tsan_release(const_cast<void *>(handoff));
#endif
}

inline void acquire([[maybe_unused]] const void *handoff)
{
#ifdef VIGIL_TSAN
    __tsan_acquire(const_cast<void *>(handoff));
#endif
}

}  // namespace vigil::tsan
