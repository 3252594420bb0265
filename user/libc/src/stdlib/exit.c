/* Process exit: atexit handlers, stdio flush, then exit_group; abort and assert. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../internal/libc.h"
#include "../internal/syscall.h"

#define ATEXIT_MAX 32

static void (*handlers[ATEXIT_MAX])(void);
static int handler_count;

int atexit(void (*fn)(void))
{
    if (handler_count == ATEXIT_MAX)
        return -1;
    handlers[handler_count++] = fn;
    return 0;
}

void __run_atexit(void)
{
    while (handler_count > 0)
        handlers[--handler_count]();
}

/* Destructors the linker gathered (__attribute__((destructor))). */
extern void (*__fini_array_start[])(void) __attribute__((weak));
extern void (*__fini_array_end[])(void) __attribute__((weak));

_Noreturn void exit(int status)
{
    __run_atexit();
    for (size_t i = (size_t)(__fini_array_end - __fini_array_start); i-- > 0;)
        __fini_array_start[i]();
    __stdio_flush_all();
    _exit(status);
}

_Noreturn void _exit(int status)
{
    for (;;) {
        __syscall1(__NR_exit_group, status);
        __syscall1(__NR_exit, status);
    }
}

_Noreturn void _Exit(int status) { _exit(status); }

_Noreturn void abort(void)
{
    /* Unblock and raise SIGABRT; if a handler returns or it is ignored, force the default. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGABRT);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(SIGABRT);
    signal(SIGABRT, SIG_DFL);
    raise(SIGABRT);
    _exit(127);
}

_Noreturn void __assert_fail(const char* expr, const char* file, unsigned int line, const char* func)
{
    fprintf(stderr, "%s: %s:%u: %s: Assertion `%s' failed.\n", program_invocation_short_name, file, line, func,
        expr);
    abort();
}
