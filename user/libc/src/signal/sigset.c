/* Signal sets and the signal mask: sigemptyset ..., sigprocmask, sigpending, sigsuspend, sigwait. */
#include <errno.h>
#include <signal.h>
#include <string.h>

#include "../internal/syscall.h"

static int bad_signal(int sig)
{
    if (sig < 1 || sig > _NSIG) {
        errno = EINVAL;
        return 1;
    }
    return 0;
}

int sigemptyset(sigset_t* set)
{
    memset(set, 0, sizeof(*set));
    return 0;
}

int sigfillset(sigset_t* set)
{
    memset(set, 0xff, sizeof(*set));
    return 0;
}

int sigaddset(sigset_t* set, int sig)
{
    if (bad_signal(sig))
        return -1;
    set->sig[(sig - 1) / _NSIG_BPW] |= 1UL << ((sig - 1) % _NSIG_BPW);
    return 0;
}

int sigdelset(sigset_t* set, int sig)
{
    if (bad_signal(sig))
        return -1;
    set->sig[(sig - 1) / _NSIG_BPW] &= ~(1UL << ((sig - 1) % _NSIG_BPW));
    return 0;
}

int sigismember(const sigset_t* set, int sig)
{
    if (bad_signal(sig))
        return -1;
    return (set->sig[(sig - 1) / _NSIG_BPW] >> ((sig - 1) % _NSIG_BPW)) & 1;
}

int sigprocmask(int how, const sigset_t* set, sigset_t* oldset)
{
    return SYSCALL4(__NR_rt_sigprocmask, how, set, oldset, sizeof(sigset_t));
}

int sigpending(sigset_t* set) { return SYSCALL2(__NR_rt_sigpending, set, sizeof(sigset_t)); }
int sigsuspend(const sigset_t* mask) { return SYSCALL2(__NR_rt_sigsuspend, mask, sizeof(sigset_t)); }
int sigaltstack(const stack_t* ss, stack_t* old) { return SYSCALL2(__NR_sigaltstack, ss, old); }

int sigwait(const sigset_t* set, int* sig)
{
    long r;
    do
        r = __syscall4(__NR_rt_sigtimedwait, (long)set, 0, 0, sizeof(sigset_t));
    while (r == -EINTR);
    if (r < 0)
        return (int)-r;
    *sig = (int)r;
    return 0;
}
