/* siginfo_t (128 bytes on every architecture) and the si_code values, as in asm-generic/siginfo.h. */
#ifndef _UAPI_ASM_GENERIC_SIGINFO_H
#define _UAPI_ASM_GENERIC_SIGINFO_H

#include <linux/types.h>

typedef union sigval {
    int sival_int;
    void* sival_ptr;
} sigval_t;

#define SI_MAX_SIZE 128
#define __ARCH_SI_PREAMBLE_SIZE (3 * sizeof(int))
#define SI_PAD_SIZE ((SI_MAX_SIZE - __ARCH_SI_PREAMBLE_SIZE) / sizeof(int))

typedef struct siginfo {
    int si_signo;
    int si_errno;
    int si_code;
    union {
        int _pad[SI_PAD_SIZE];
        struct { /* kill(), tkill() */
            __kernel_pid_t _pid;
            __kernel_uid32_t _uid;
        } _kill;
        struct { /* POSIX timers */
            __kernel_timer_t _tid;
            int _overrun;
            sigval_t _sigval;
            int _sys_private;
        } _timer;
        struct { /* sigqueue() */
            __kernel_pid_t _pid;
            __kernel_uid32_t _uid;
            sigval_t _sigval;
        } _rt;
        struct { /* SIGCHLD */
            __kernel_pid_t _pid;
            __kernel_uid32_t _uid;
            int _status;
            __kernel_clock_t _utime;
            __kernel_clock_t _stime;
        } _sigchld;
        struct { /* SIGILL, SIGFPE, SIGSEGV, SIGBUS, SIGTRAP */
            void* _addr;
            short _addr_lsb;
        } _sigfault;
        struct { /* SIGPOLL */
            long _band;
            int _fd;
        } _sigpoll;
        struct { /* SIGSYS (seccomp) */
            void* _call_addr;
            int _syscall;
            unsigned int _arch;
        } _sigsys;
    } _sifields;
} siginfo_t;

#if defined(__i386__)
__UAPI_ASSERT(sizeof(siginfo_t) == 128, "siginfo_t is 128 bytes");
#endif

#define si_pid _sifields._kill._pid
#define si_uid _sifields._kill._uid
#define si_tid _sifields._timer._tid
#define si_overrun _sifields._timer._overrun
#define si_sys_private _sifields._timer._sys_private
#define si_status _sifields._sigchld._status
#define si_utime _sifields._sigchld._utime
#define si_stime _sifields._sigchld._stime
#define si_value _sifields._rt._sigval
#define si_int _sifields._rt._sigval.sival_int
#define si_ptr _sifields._rt._sigval.sival_ptr
#define si_addr _sifields._sigfault._addr
#define si_addr_lsb _sifields._sigfault._addr_lsb
#define si_band _sifields._sigpoll._band
#define si_fd _sifields._sigpoll._fd
#define si_call_addr _sifields._sigsys._call_addr
#define si_syscall _sifields._sigsys._syscall
#define si_arch _sifields._sigsys._arch

/* si_code: where the signal came from */
#define SI_USER 0
#define SI_KERNEL 0x80
#define SI_QUEUE -1
#define SI_TIMER -2
#define SI_MESGQ -3
#define SI_ASYNCIO -4
#define SI_SIGIO -5
#define SI_TKILL -6
#define SI_DETHREAD -7
#define SI_ASYNCNL -60

#define ILL_ILLOPC 1
#define ILL_ILLOPN 2
#define ILL_ILLADR 3
#define ILL_ILLTRP 4
#define ILL_PRVOPC 5
#define ILL_PRVREG 6
#define ILL_COPROC 7
#define ILL_BADSTK 8

#define FPE_INTDIV 1
#define FPE_INTOVF 2
#define FPE_FLTDIV 3
#define FPE_FLTOVF 4
#define FPE_FLTUND 5
#define FPE_FLTRES 6
#define FPE_FLTINV 7
#define FPE_FLTSUB 8

#define SEGV_MAPERR 1
#define SEGV_ACCERR 2

#define BUS_ADRALN 1
#define BUS_ADRERR 2
#define BUS_OBJERR 3

#define TRAP_BRKPT 1
#define TRAP_TRACE 2

#define CLD_EXITED 1
#define CLD_KILLED 2
#define CLD_DUMPED 3
#define CLD_TRAPPED 4
#define CLD_STOPPED 5
#define CLD_CONTINUED 6

#define POLL_IN 1
#define POLL_OUT 2
#define POLL_MSG 3
#define POLL_ERR 4
#define POLL_PRI 5
#define POLL_HUP 6

/* sigevent notification types */
#define SIGEV_SIGNAL 0
#define SIGEV_NONE 1
#define SIGEV_THREAD 2
#define SIGEV_THREAD_ID 4

#endif
