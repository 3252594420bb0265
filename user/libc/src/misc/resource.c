/* Resource limits and usage, priorities, poll and select. */
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/select.h>

#include "../internal/syscall.h"

int getrusage(int who, struct rusage* usage) { return SYSCALL2(__NR_getrusage, who, usage); }
int getrlimit(int resource, struct rlimit* rlim) { return SYSCALL2(__NR_ugetrlimit, resource, rlim); }
int setrlimit(int resource, const struct rlimit* rlim) { return SYSCALL2(__NR_setrlimit, resource, rlim); }

/* The raw system call returns 20 - nice so that it is never negative. */
int getpriority(int which, id_t who)
{
    long r = SYSCALL2(__NR_getpriority, which, who);
    return r < 0 ? -1 : 20 - (int)r;
}

int setpriority(int which, id_t who, int prio) { return SYSCALL3(__NR_setpriority, which, who, prio); }

int poll(struct pollfd* fds, nfds_t nfds, int timeout) { return SYSCALL3(__NR_poll, fds, nfds, timeout); }

int select(int nfds, fd_set* rd, fd_set* wr, fd_set* ex, struct timeval* timeout)
{
    return SYSCALL5(__NR__newselect, nfds, rd, wr, ex, timeout);
}

/* pselect6 wants the mask as {pointer, size}. */
int pselect(int nfds, fd_set* rd, fd_set* wr, fd_set* ex, const struct timespec* timeout, const sigset_t* mask)
{
    struct {
        const sigset_t* set;
        unsigned long size;
    } sig = { mask, sizeof(sigset_t) };
    struct timespec copy, *t = 0;
    if (timeout) {
        copy = *timeout;
        t = &copy;
    }
    return SYSCALL6(__NR_pselect6, nfds, rd, wr, ex, t, mask ? &sig : 0);
}
