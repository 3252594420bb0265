/* Sending signals: kill, killpg, raise. */
#include <errno.h>
#include <signal.h>
#include <unistd.h>

#include "../internal/syscall.h"

int kill(pid_t pid, int sig) { return SYSCALL2(__NR_kill, pid, sig); }

int killpg(pid_t pgrp, int sig)
{
    if (pgrp < 0) {
        errno = EINVAL;
        return -1;
    }
    return kill(-pgrp, sig);
}

int raise(int sig) { return kill(getpid(), sig); }
