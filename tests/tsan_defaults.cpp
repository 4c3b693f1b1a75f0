// Default ThreadSanitizer options of the test executables of a
// -DVIGIL_SANITIZE=thread build (linked into each by vigil_add_test), so that
// plain `ctest --test-dir build-tsan` runs the way docs/testing.md describes;
// TSAN_OPTIONS from the environment still override them.
//
// ignore_noninstrumented_modules=1: Debian's Qt and GLib are not built with
// TSan. Their own memory accesses are invisible to it anyway, except those
// made through intercepted libc calls (malloc/free, memcpy, read/write on
// their eventfds); with this flag those are not recorded either, while their
// synchronisation (pthread mutexes, condition variables, thread creation) is
// still tracked. Every access by Vigil's code is still checked.
extern "C" const char *__tsan_default_options()
{
    return "ignore_noninstrumented_modules=1 halt_on_error=1 second_deadlock_stack=1 "
           "suppressions=" VIGIL_TSAN_SUPPRESSIONS;
}

#if defined(__clang__) && __clang_major__ == 14
// clang 14's TSan runtime cannot follow Qt 6.4's QProcess: it starts children
// with clone(CLONE_VM | CLONE_VFORK) (forkfd's vforkfd), and the runtime's
// clone interceptor then runs its fork-child bookkeeping on the parent's
// memory and aborts ("CHECK failed: tsan_rtl.cpp:234 ((!thr->slot)) != (0)").
// The suites that start a peer (prometheus, node exporter, alertmanager...)
// could not run at all. In these test executables only, such a clone becomes
// a fork-style one (own copy of memory, the parent not suspended): the child
// still only execs, and QProcess still reports exec errors through its pipe.
// This definition takes the place of the runtime's weak `clone` interceptor
// and calls it with the adjusted flags.
#include <cstdarg>
#include <sched.h>
#include <sys/types.h>

extern "C" int __interceptor_clone(int (*fn)(void *), void *stack, int flags, void *arg, int *parentTid, void *tls,
                                   pid_t *childTid);

extern "C" int clone(int (*fn)(void *), void *stack, int flags, void *arg, ...)
{
    va_list ap;
    va_start(ap, arg);
    int *parentTid = va_arg(ap, int *);
    void *tls = va_arg(ap, void *);
    pid_t *childTid = va_arg(ap, pid_t *);
    va_end(ap);
    if ((flags & (CLONE_VM | CLONE_VFORK)) == (CLONE_VM | CLONE_VFORK)) flags &= ~(CLONE_VM | CLONE_VFORK);
    return __interceptor_clone(fn, stack, flags, arg, parentTid, tls, childTid);
}
#endif
