/* Process creation and process groups: fork, getpid, setsid, setpgid, nice, pause, alarm. */
#include <errno.h>
#include <signal.h>
#include <unistd.h>

#include "../internal/syscall.h"

pid_t fork(void) { return SYSCALL0(__NR_fork); }
/* vfork's shared stack cannot survive a C wrapper returning in the child: use fork's semantics. */
pid_t vfork(void) { return SYSCALL0(__NR_fork); }
pid_t getpid(void) { return __syscall0(__NR_getpid); }
pid_t getppid(void) { return __syscall0(__NR_getppid); }
pid_t gettid(void) { return __syscall0(__NR_gettid); }
pid_t setsid(void) { return SYSCALL0(__NR_setsid); }
pid_t getsid(pid_t pid) { return SYSCALL1(__NR_getsid, pid); }
int setpgid(pid_t pid, pid_t pgid) { return SYSCALL2(__NR_setpgid, pid, pgid); }
pid_t getpgid(pid_t pid) { return SYSCALL1(__NR_getpgid, pid); }
pid_t getpgrp(void) { return __syscall0(__NR_getpgrp); }
int setpgrp(void) { return setpgid(0, 0); }
int pause(void) { return SYSCALL0(__NR_pause); }
unsigned int alarm(unsigned int seconds) { return (unsigned int)__syscall1(__NR_alarm, seconds); }

int nice(int inc)
{
    if (SYSCALL1(__NR_nice, inc) < 0)
        return -1;
    /* getpriority's raw result is 20 - nice. */
    long raw = __syscall2(__NR_getpriority, 0, 0);
    return raw < 0 ? 0 : 20 - (int)raw;
}

int sched_yield(void) { return SYSCALL0(__NR_sched_yield); }
