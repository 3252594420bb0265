/* Signal numbers, the 64-bit sigset_t and struct sigaction as rt_sigaction (174) takes them on i386. */
#ifndef _UAPI_ASM_X86_SIGNAL_H
#define _UAPI_ASM_X86_SIGNAL_H

#include <linux/types.h>

#define _NSIG 64
#define _NSIG_BPW 32
#define _NSIG_WORDS (_NSIG / _NSIG_BPW)

#ifndef __ASSEMBLY__
/* The set the rt_* system calls read and write: sigsetsize is 8. */
typedef struct {
    unsigned long sig[_NSIG_WORDS];
} sigset_t;

/* The one-word set of the old sigaction/sigprocmask/sigpending system calls. */
typedef unsigned long old_sigset_t;
#endif

#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGIOT 6
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGSTKFLT 16
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG 23
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28
#define SIGIO 29
#define SIGPOLL SIGIO
#define SIGPWR 30
#define SIGSYS 31
#define SIGUNUSED 31

/* Real-time signals: the kernel's range (a C library may reserve the first few). */
#define SIGRTMIN 32
#define SIGRTMAX _NSIG

/* sa_flags */
#define SA_NOCLDSTOP 0x00000001
#define SA_NOCLDWAIT 0x00000002
#define SA_SIGINFO 0x00000004
#define SA_UNSUPPORTED 0x00000400
#define SA_EXPOSE_TAGBITS 0x00000800
#define SA_RESTORER 0x04000000
#define SA_ONSTACK 0x08000000
#define SA_RESTART 0x10000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000
#define SA_NOMASK SA_NODEFER
#define SA_ONESHOT SA_RESETHAND

#define MINSIGSTKSZ 2048
#define SIGSTKSZ 8192

/* sigprocmask how */
#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

/* sigaltstack ss_flags */
#define SS_ONSTACK 1
#define SS_DISABLE 2
#define SS_AUTODISARM (1U << 31)

#ifndef __ASSEMBLY__
typedef void __signalfn_t(int);
typedef __signalfn_t* __sighandler_t;
typedef void __restorefn_t(void);
typedef __restorefn_t* __sigrestore_t;

#define SIG_DFL ((__sighandler_t)0)
#define SIG_IGN ((__sighandler_t)1)
#define SIG_ERR ((__sighandler_t)-1)

struct siginfo;

/*
 * rt_sigaction's struct on i386: handler, flags, restorer, then the 8-byte mask
 * (20 bytes). sa_restorer is where the handler returns to when SA_RESTORER is set:
 * user space points it at code that calls rt_sigreturn (173).
 */
struct sigaction {
    union {
        __sighandler_t _sa_handler;
        void (*_sa_sigaction)(int, struct siginfo*, void*);
    } _u;
    unsigned long sa_flags;
    __sigrestore_t sa_restorer;
    sigset_t sa_mask;
};
#define sa_handler _u._sa_handler
#define sa_sigaction _u._sa_sigaction

/* The old sigaction (67) layout, with a one-word mask first (same union, so .sa_handler works). */
struct old_sigaction {
    union {
        __sighandler_t _sa_handler;
        void (*_sa_sigaction)(int, struct siginfo*, void*);
    } _u;
    old_sigset_t sa_mask;
    unsigned long sa_flags;
    __sigrestore_t sa_restorer;
};

/* sigaltstack (186) */
typedef struct sigaltstack {
    void* ss_sp;
    int ss_flags;
    __kernel_size_t ss_size;
} stack_t;

#if defined(__i386__)
__UAPI_ASSERT(sizeof(sigset_t) == 8, "the kernel's sigset_t is 64 bits");
__UAPI_ASSERT(sizeof(struct sigaction) == 20, "i386 rt_sigaction struct is 20 bytes");
__UAPI_ASSERT(sizeof(struct old_sigaction) == 16, "i386 old_sigaction is 16 bytes");
__UAPI_ASSERT(sizeof(stack_t) == 12, "i386 stack_t is 12 bytes");
#endif
#endif

#endif
