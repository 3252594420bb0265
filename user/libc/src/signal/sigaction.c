/*
 * sigaction and signal on rt_sigaction (174). Every handler is installed with SA_RESTORER
 * pointing at __restore_rt, which calls rt_sigreturn (173).
 *
 * i386 Linux builds the old non-rt frame (returning through sigreturn, 119) for handlers
 * without SA_SIGINFO. To need only the rt frame and one restorer, this library always
 * passes SA_SIGINFO for real handlers (a handler taking one int ignores the extra
 * arguments under cdecl) and hides that flag again in the old action it reports.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>

#include "../internal/syscall.h"

void __restore_rt(void);
__asm__(".text\n"
        "    nop\n" /* unwinders look one byte before the return address */
        ".globl __restore_rt\n"
        ".type __restore_rt, @function\n"
        "__restore_rt:\n"
        "    movl $173, %eax\n" /* __NR_rt_sigreturn */
        "    int $0x80\n"
        "    hlt\n"
        ".size __restore_rt, .-__restore_rt\n");

/* Which signals the program asked SA_SIGINFO for (bit sig-1). */
static unsigned long long user_siginfo;

int sigaction(int sig, const struct sigaction* act, struct sigaction* oldact)
{
    if (sig < 1 || sig > _NSIG) {
        errno = EINVAL;
        return -1;
    }
    unsigned long long bit = 1ULL << (sig - 1);
    struct sigaction kact, kold;
    if (act) {
        kact = *act;
        kact.sa_flags |= SA_RESTORER;
        kact.sa_restorer = __restore_rt;
        if (act->sa_handler != SIG_DFL && act->sa_handler != SIG_IGN)
            kact.sa_flags |= SA_SIGINFO;
    }
    if (SYSCALL4(__NR_rt_sigaction, sig, act ? &kact : NULL, oldact ? &kold : NULL, sizeof(sigset_t)) < 0)
        return -1;
    if (oldact) {
        *oldact = kold;
        if (!(user_siginfo & bit))
            oldact->sa_flags &= ~SA_SIGINFO;
    }
    if (act) {
        if (act->sa_flags & SA_SIGINFO)
            user_siginfo |= bit;
        else
            user_siginfo &= ~bit;
    }
    return 0;
}

/* BSD/glibc semantics: the handler stays installed and system calls restart. */
sighandler_t signal(int sig, sighandler_t handler)
{
    struct sigaction act, old;
    memset(&act, 0, sizeof(act));
    act.sa_handler = handler;
    act.sa_flags = SA_RESTART;
    if (sigaction(sig, &act, &old) < 0)
        return SIG_ERR;
    return old.sa_handler;
}

sighandler_t bsd_signal(int sig, sighandler_t handler) { return signal(sig, handler); }

int siginterrupt(int sig, int flag)
{
    struct sigaction act;
    if (sigaction(sig, NULL, &act) < 0)
        return -1;
    if (flag)
        act.sa_flags &= ~SA_RESTART;
    else
        act.sa_flags |= SA_RESTART;
    return sigaction(sig, &act, NULL);
}
