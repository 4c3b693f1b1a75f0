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
