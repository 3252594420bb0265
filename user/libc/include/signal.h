/* <signal.h>: signals with the kernel's own sigset_t and struct sigaction layouts (see asm/signal.h). */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <features.h>
#include <bits/types.h>
#include <asm/signal.h>
#include <asm/siginfo.h>
#include <asm/ucontext.h>

#define NSIG _NSIG

typedef int sig_atomic_t;
typedef __sighandler_t sighandler_t;
typedef __sighandler_t sig_t;
typedef struct ucontext ucontext_t;

__BEGIN_DECLS

sighandler_t signal(int sig, sighandler_t handler);
sighandler_t bsd_signal(int sig, sighandler_t handler);
int sigaction(int sig, const struct sigaction* __restrict act, struct sigaction* __restrict oldact);
int sigprocmask(int how, const sigset_t* __restrict set, sigset_t* __restrict oldset);
int sigpending(sigset_t* set);
int sigsuspend(const sigset_t* mask);
int sigaltstack(const stack_t* __restrict ss, stack_t* __restrict old);
int sigwait(const sigset_t* __restrict set, int* __restrict sig);
int sigemptyset(sigset_t* set);
int sigfillset(sigset_t* set);
int sigaddset(sigset_t* set, int sig);
int sigdelset(sigset_t* set, int sig);
int sigismember(const sigset_t* set, int sig);
int siginterrupt(int sig, int flag);
int kill(pid_t pid, int sig);
int killpg(pid_t pgrp, int sig);
int raise(int sig);
void psignal(int sig, const char* s);
char* strsignal(int sig);

extern const char* const sys_siglist[_NSIG + 1];

__END_DECLS

#endif
