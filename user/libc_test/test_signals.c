/* Checks of signal handling: sigaction (plain and SA_SIGINFO), masks, pending signals, setjmp/longjmp. */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"

static volatile sig_atomic_t got_signal;
static volatile int info_signo, info_code, info_pid;
static sigjmp_buf jump_back;

static void on_signal(int sig) { got_signal = sig; }

static void on_siginfo(int sig, siginfo_t* info, void* context)
{
    ucontext_t* uc = context;
    got_signal = sig;
    info_signo = info->si_signo;
    info_code = info->si_code;
    info_pid = info->si_pid;
    (void)uc;
}

static void jump_out(int sig) { siglongjmp(jump_back, sig); }

void test_signals(void)
{
    struct sigaction act, old;
    memset(&act, 0, sizeof(act));
    act.sa_handler = on_signal;
    sigemptyset(&act.sa_mask);
    CHECK(sigaction(SIGUSR1, &act, &old) == 0);
    CHECK(old.sa_handler == SIG_DFL);
    got_signal = 0;
    CHECK(raise(SIGUSR1) == 0 && got_signal == SIGUSR1);
    CHECK(sigaction(SIGUSR1, NULL, &old) == 0 && old.sa_handler == on_signal && !(old.sa_flags & SA_SIGINFO));

    act.sa_sigaction = on_siginfo;
    act.sa_flags = SA_SIGINFO;
    CHECK(sigaction(SIGUSR2, &act, NULL) == 0);
    got_signal = 0;
    CHECK(kill(getpid(), SIGUSR2) == 0);
    CHECK(got_signal == SIGUSR2 && info_signo == SIGUSR2);
    CHECK(info_code == SI_USER);
    CHECK(info_pid == getpid());
    CHECK(sigaction(SIGUSR2, NULL, &old) == 0 && (old.sa_flags & SA_SIGINFO));

    /* Blocked signals stay pending until unblocked. */
    sigset_t block, prev, pending;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    CHECK(sigismember(&block, SIGUSR1) == 1 && sigismember(&block, SIGUSR2) == 0);
    CHECK(sigprocmask(SIG_BLOCK, &block, &prev) == 0);
    got_signal = 0;
    raise(SIGUSR1);
    CHECK(got_signal == 0);
    CHECK(sigpending(&pending) == 0 && sigismember(&pending, SIGUSR1));
    CHECK(sigprocmask(SIG_SETMASK, &prev, NULL) == 0);
    CHECK(got_signal == SIGUSR1);

    CHECK(signal(SIGUSR1, SIG_IGN) == on_signal);
    raise(SIGUSR1); /* ignored: we survive */
    CHECK(signal(SIGUSR1, SIG_DFL) == SIG_IGN);
    CHECK(sigaction(0, &act, NULL) == -1 && errno == EINVAL);
    CHECK(sigaction(SIGKILL, &act, NULL) == -1 && errno == EINVAL);

    /* A timer signal interrupts pause(). */
    signal(SIGALRM, on_signal);
    got_signal = 0;
    struct itimerval timer = { { 0, 0 }, { 0, 20000 } };
    int armed = setitimer(ITIMER_REAL, &timer, NULL) == 0;
    CHECK(armed);
    if (armed) /* without a timer pause() would never return */
        CHECK(pause() == -1 && errno == EINTR && got_signal == SIGALRM);
    signal(SIGALRM, SIG_DFL);

    /* setjmp/longjmp, and siglongjmp out of a handler restores the mask. */
    jmp_buf env;
    volatile int steps = 0;
    int r = setjmp(env);
    if (r == 0) {
        steps = 1;
        longjmp(env, 42);
    }
    CHECK(r == 42 && steps == 1);
    r = setjmp(env);
    if (r == 0)
        longjmp(env, 0);
    CHECK(r == 1);

    signal(SIGUSR2, jump_out);
    r = sigsetjmp(jump_back, 1);
    if (r == 0) {
        raise(SIGUSR2);
        CHECK(!"siglongjmp did not jump");
    }
    CHECK(r == SIGUSR2);
    sigset_t now;
    sigprocmask(SIG_BLOCK, NULL, &now);
    CHECK(!sigismember(&now, SIGUSR2)); /* the handler's mask was undone */
    signal(SIGUSR2, SIG_DFL);

    /* A child killed by abort() shows SIGABRT. */
    pid_t child = fork();
    if (child == 0)
        abort();
    int status;
    CHECK(waitpid(child, &status, 0) == child && WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
}
