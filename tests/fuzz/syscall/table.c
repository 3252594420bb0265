/* The calls to make: every number in the kernel's own list
 * (kernel/syscalls/syscall_list.h, included here, so a new system call is
 * fuzzed as soon as it is listed), with argument kinds where we know them and
 * plain numbers and pointers where we do not. Sanitisers keep a call from
 * ending the test itself (the console, the parent, the shell, the system
 * files); post hooks put back what a call took from the fuzzer. */
#include <asm/unistd.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "sysfuzz.h"

static const struct { int nr; const char *function; } kernel_calls[] = {
#define SYSCALL(number, function) { number, #function },
#include "syscall_list.h"
#undef SYSCALL
};

/* ---- sanitisers and post hooks ---- */

static int in_arena(unsigned long p, unsigned size)
{
    return p >= (unsigned long)ARENA && p + size <= (unsigned long)GUARD;
}

static void post_fd(long ret, unsigned long *a)
{
    (void)a;
    world_add_fd(ret);
}

static void post_pipe(long ret, unsigned long *a)
{
    if (ret == 0 && in_arena(a[0], 8)) {
        world_add_fd(((int *)a[0])[0]);
        world_add_fd(((int *)a[0])[1]);
    }
}

static void post_guard(long ret, unsigned long *a)
{
    (void)ret; (void)a;
    world_guard_signals();
}

static void post_child(long ret, unsigned long *a)
{
    (void)a;
    if (ret > 0)
        W.last_child = ret;
}

static int writes_file(unsigned long flags)
{
    return (flags & O_ACCMODE) || (flags & (O_CREAT | O_TRUNC | 020000000 /* __O_TMPFILE */));
}

static void san_open(unsigned long *a)
{
    a[0] = gen_path(writes_file(a[1]));
}

static void san_openat(unsigned long *a)
{
    int writes = writes_file(a[2]);
    a[0] = gen_arg(writes ? A_DIRFD_OWN : A_DIRFD);
    a[1] = gen_path(writes);
}

static void san_sigaction(unsigned long *a)
{
    if (a[0] == SIGALRM && !rnd_chance(10))
        a[0] = SIGUSR1;
}

static void san_rt_sigaction(unsigned long *a)
{
    san_sigaction(a);
    if (!rnd_chance(5))
        a[3] = 8;
}

/* A mask a call sleeps with: mostly without SIGALRM, or only the parent's
 * SIGKILL would end the sleep. A pointer elsewhere becomes one into the arena. */
static unsigned long clear_sigalrm(unsigned long set)
{
    if (rnd_chance(10))
        return set;
    if (!in_arena(set, 8)) {
        set = (unsigned long)ARENA + (rnd_below(ARENA_PAGES * PAGE - 8) & ~7u);
        ((unsigned long *)set)[1] = rnd();
    }
    ((unsigned long *)set)[0] &= ~(1ul << (SIGALRM - 1));
    return set;
}

static void san_sigprocmask(unsigned long *a)
{
    if (!rnd_chance(5))
        a[3] = 8;
}

static void san_sigsuspend(unsigned long *a)
{
    a[0] = clear_sigalrm(a[0]);
    if (!rnd_chance(5))
        a[1] = 8;
}

static void san_sigsetsize1(unsigned long *a)   /* rt_sigpending(set, size) */
{
    if (!rnd_chance(5))
        a[1] = 8;
}

/* The prompt the boot tests look for is root@kernlab: the name stays. */
static void san_sethostname(unsigned long *a)
{
    static const unsigned long unusable[] = { 0, 0xc0000000, 0xfffff000, (unsigned long)HOLE, (unsigned long)GUARD };
    if (rnd_chance(2)) {
        a[0] = (unsigned long)"kernlab";
        a[1] = 7;
    } else if (rnd_chance(2)) {
        /* 1..64 bytes from a bad pointer: -EFAULT (a length of 0 would rightly set "") */
        a[0] = unusable[rnd_below(sizeof unusable / sizeof unusable[0])];
        a[1] = 1 + rnd_below(64);
    } else {
        a[1] = 65 + rnd_below(10000);   /* longer than __NEW_UTS_LEN */
    }
}

/* The console must keep printing what the tests look for. */
static void san_syslog(unsigned long *a)
{
    if (a[0] == 6 || a[0] == 8)   /* SYSLOG_ACTION_CONSOLE_OFF, _LEVEL */
        a[0] = 3;
}

static void san_count(unsigned long *a)      /* readv(fd, iov, count) */
{
    if (!rnd_chance(5))
        a[2] = last_count;
}

static void san_poll(unsigned long *a)
{
    static const unsigned long timeouts[] = { 0, 0, 1, 10, 100, (unsigned long)-1 };
    if (!rnd_chance(5))
        a[1] = last_count;
    a[2] = timeouts[rnd_below(6)];
}

static void san_ppoll(unsigned long *a)
{
    if (!rnd_chance(5))
        a[1] = last_count;
    a[3] = clear_sigalrm(a[3]);
    if (!rnd_chance(5))
        a[4] = 8;
}

static void san_select(unsigned long *a)
{
    if (!rnd_chance(4))
        a[0] = rnd_below(1100);
}

static void san_wait(unsigned long *a)
{
    if (!rnd_chance(4))
        a[2] |= 1;   /* WNOHANG */
}

static void san_fcntl(unsigned long *a)
{
    switch (a[1]) {
    case 5: case 6: case 7: case 12: case 13: case 14:   /* locks: a struct flock */
        a[2] = gen_arg(A_STRUCT);
        break;
    case 8:                                               /* F_SETOWN: who gets SIGIO */
        a[2] = gen_arg(A_PID);
        break;
    case 10:
        a[2] = gen_arg(A_SIG);
        break;
    case 15:                                              /* F_SETOWN_EX: a pid in memory; not ours to give */
        a[1] = 9;
        break;
    case 0: case 1030:
        a[2] = rnd_below(300);
        break;
    }
}

static void san_ioctl(unsigned long *a)
{
    if (rnd_chance(2))
        a[2] = gen_arg(A_STRUCT);
}

static void san_futex(unsigned long *a)
{
    if (in_arena(a[0], 4) && !(a[0] & 3) && rnd_chance(2))
        *(unsigned long *)a[0] = a[2];   /* FUTEX_WAIT then waits (the timer ends it) */
}

static void san_robust(unsigned long *a)
{
    if (!rnd_chance(4))
        a[1] = 12;   /* sizeof(struct robust_list_head) */
}

static void san_access(unsigned long *a)
{
    if (!rnd_chance(5))
        a[1] &= 7;
}

static void san_symlink(unsigned long *a)   /* symlink(target, linkpath): the target is only a string */
{
    a[0] = gen_path(1);
}

static void san_symlinkat(unsigned long *a)
{
    a[0] = gen_path(1);
}

static void san_mount(unsigned long *a)
{
    a[0] = rnd_chance(2) ? gen_arg(A_STR) : gen_path(1);
    if (rnd_chance(2))
        a[3] = rnd_chance(2) ? 0 : (1ul << rnd_below(16));   /* one MS_ flag */
}

/* The exit signal of a CLONE_PARENT child goes to our parent; SIGSTOP would stop us. */
static void san_clone(unsigned long *a)
{
    unsigned long exit_signal = a[0] & 0xff;
    if ((a[0] & 0x8000 /* CLONE_PARENT */) || exit_signal == SIGSTOP)
        a[0] = (a[0] & ~0xfful) | (rnd_chance(2) ? SIGCHLD : 0);
}

static void san_sleep_len(unsigned long *a)      /* alarm(seconds) */
{
    if (!rnd_chance(5))
        a[0] = rnd_below(3);
}

/* ---- the specs ---- */

#define P(...) { __VA_ARGS__ }
#define CALL(call, n, kinds, ...) { .nr = __NR_##call, .name = #call, .nargs = n, .args = kinds, __VA_ARGS__ }

static const struct call specs[] = {
    /* processes */
    CALL(exit, 1, P(A_INT), .type = CALL_END, .weight = 1),
    CALL(exit_group, 1, P(A_INT), .type = CALL_END, .weight = 1),
    CALL(fork, 0, P(A_NONE), .type = CALL_FORK, .post = post_child, .weight = 3),
    CALL(vfork, 0, P(A_NONE), .type = CALL_FORK, .post = post_child, .weight = 3),
    CALL(clone, 5, P(A_CLONEFLAGS, A_PTR, A_OUTPTR, A_USERDESC, A_OUTPTR), .type = CALL_FORK, .sanitise = san_clone,
         .post = post_child, .weight = 6),
    CALL(clone3, 2, P(A_STRUCT, A_LEN), .type = CALL_FORK, .post = post_child),
    CALL(execve, 3, P(A_EXECPATH, A_STRV, A_STRV), .weight = 3),
    CALL(waitpid, 3, P(A_PID_ANY, A_OUTPTR, A_FLAGS), .sanitise = san_wait),
    CALL(wait4, 4, P(A_PID_ANY, A_OUTPTR, A_FLAGS, A_OUTPTR), .sanitise = san_wait),
    CALL(getpgid, 1, P(A_PID_ANY)),
    CALL(setpgid, 2, P(A_PID, A_PID)),
    CALL(getsid, 1, P(A_PID_ANY)),
    CALL(setuid, 1, P(A_UID)), CALL(setgid, 1, P(A_UID)),
    CALL(setuid32, 1, P(A_UID)), CALL(setgid32, 1, P(A_UID)),
    CALL(getresuid32, 3, P(A_OUTPTR, A_OUTPTR, A_OUTPTR)),
    CALL(getresgid32, 3, P(A_OUTPTR, A_OUTPTR, A_OUTPTR)),
    CALL(getgroups32, 2, P(A_INT, A_OUTPTR)),
    CALL(set_thread_area, 1, P(A_USERDESC)),
    CALL(get_thread_area, 1, P(A_USERDESC)),
    CALL(set_tid_address, 1, P(A_OUTPTR)),
    CALL(futex, 6, P(A_PTR, A_FUTEXOP, A_INT, A_TIMESPEC, A_PTR, A_INT), .sanitise = san_futex),
    CALL(futex_time64, 6, P(A_PTR, A_FUTEXOP, A_INT, A_TIMESPEC, A_PTR, A_INT), .sanitise = san_futex),
    CALL(set_robust_list, 2, P(A_ROBUST, A_LEN), .sanitise = san_robust),
    CALL(get_robust_list, 3, P(A_PID_ANY, A_OUTPTR, A_OUTPTR)),
    CALL(times, 1, P(A_OUTPTR)),
    CALL(prlimit64, 4, P(A_PID, A_INT, A_STRUCT, A_OUTPTR)),
    CALL(ugetrlimit, 2, P(A_INT, A_OUTPTR)),
    /* signals */
    CALL(kill, 2, P(A_PID, A_SIG)),
    CALL(tkill, 2, P(A_PID, A_SIG)),
    CALL(tgkill, 3, P(A_PID, A_PID, A_SIG)),
    CALL(sigaction, 3, P(A_SIG, A_STRUCT, A_OUTPTR), .sanitise = san_sigaction, .post = post_guard),
    CALL(rt_sigaction, 4, P(A_SIG, A_STRUCT, A_OUTPTR, A_LEN), .sanitise = san_rt_sigaction, .post = post_guard),
    CALL(rt_sigprocmask, 4, P(A_INT, A_SIGSET, A_OUTPTR, A_LEN), .sanitise = san_sigprocmask, .post = post_guard),
    CALL(rt_sigreturn, 0, P(A_NONE), .type = CALL_SIGRETURN, .weight = 1),
    CALL(sigreturn, 0, P(A_NONE), .type = CALL_SIGRETURN, .weight = 1),
    CALL(rt_sigpending, 2, P(A_OUTPTR, A_LEN), .sanitise = san_sigsetsize1),
    CALL(rt_sigsuspend, 2, P(A_SIGSET, A_LEN), .sanitise = san_sigsuspend, .post = post_guard, .weight = 3),
    CALL(pause, 0, P(A_NONE), .weight = 2),
    CALL(alarm, 1, P(A_INT), .sanitise = san_sleep_len, .post = post_guard),
    CALL(setitimer, 3, P(A_INT, A_STRUCT, A_OUTPTR), .post = post_guard),
    CALL(getitimer, 2, P(A_INT, A_OUTPTR)),
    /* modules */
    CALL(init_module, 3, P(A_PTR, A_LEN, A_STR)),
    CALL(delete_module, 2, P(A_STR, A_FLAGS)),
    CALL(finit_module, 3, P(A_FD, A_STR, A_FLAGS)),
    /* memory */
    CALL(brk, 1, P(A_ADDR)),
    CALL(mmap2, 6, P(A_ADDR, A_LEN, A_PROT, A_MAPFLAGS, A_FD, A_INT)),
    CALL(munmap, 2, P(A_ADDR, A_LEN)),
    CALL(mprotect, 3, P(A_ADDR, A_LEN, A_PROT)),
    CALL(msync, 3, P(A_ADDR, A_LEN, A_FLAGS)),
    CALL(madvise, 3, P(A_ADDR, A_LEN, A_INT)),
    /* time and system information */
    CALL(time, 1, P(A_OUTPTR)),
    CALL(gettimeofday, 2, P(A_OUTPTR, A_OUTPTR)),
    CALL(clock_gettime, 2, P(A_CLOCK, A_OUTPTR)),
    CALL(clock_getres, 2, P(A_CLOCK, A_OUTPTR)),
    CALL(nanosleep, 2, P(A_TIMESPEC, A_OUTPTR)),
    CALL(clock_nanosleep, 4, P(A_CLOCK, A_FLAGS, A_TIMESPEC, A_OUTPTR)),
    CALL(uname, 1, P(A_OUTPTR)),
    CALL(sethostname, 2, P(A_PTR, A_LEN), .sanitise = san_sethostname),
    CALL(sysinfo, 1, P(A_OUTPTR)),
    CALL(syslog, 3, P(A_INT, A_OUTPTR, A_LEN), .sanitise = san_syslog),
    CALL(reboot, 4, P(A_INT, A_INT, A_INT, A_PTR), .type = CALL_NEVER),   /* would end the test */
    CALL(getrandom, 3, P(A_OUTPTR, A_LEN, A_FLAGS)),
    CALL(hello, 0, P(A_NONE), .weight = 1),
    /* files */
    CALL(read, 3, P(A_FD, A_OUTPTR, A_LEN), .weight = 20),
    CALL(write, 3, P(A_FD, A_PTR, A_LEN), .weight = 20),
    CALL(open, 3, P(A_PATH, A_OPENFLAGS, A_MODE), .sanitise = san_open, .post = post_fd, .weight = 20),
    CALL(openat, 4, P(A_DIRFD, A_PATH, A_OPENFLAGS, A_MODE), .sanitise = san_openat, .post = post_fd, .weight = 15),
    CALL(creat, 2, P(A_WPATH, A_MODE), .post = post_fd),
    CALL(close, 1, P(A_FD), .weight = 5),
    CALL(lseek, 3, P(A_FD, A_INT, A_WHENCE)),
    CALL(_llseek, 5, P(A_FD, A_INT, A_INT, A_OUTPTR, A_WHENCE)),
    CALL(readv, 3, P(A_FD, A_IOVEC, A_INT), .sanitise = san_count, .weight = 15),
    CALL(writev, 3, P(A_FD, A_IOVEC, A_INT), .sanitise = san_count, .weight = 15),
    CALL(pread64, 5, P(A_FD, A_OUTPTR, A_LEN, A_INT, A_INT)),
    CALL(pwrite64, 5, P(A_FD, A_PTR, A_LEN, A_INT, A_INT)),
    CALL(dup, 1, P(A_FD), .post = post_fd),
    CALL(dup2, 2, P(A_FD, A_FD), .post = post_fd),
    CALL(dup3, 3, P(A_FD, A_FD, A_FLAGS), .post = post_fd),
    CALL(pipe, 1, P(A_OUTPTR), .post = post_pipe),
    CALL(pipe2, 2, P(A_OUTPTR, A_FLAGS), .post = post_pipe),
    CALL(ioctl, 3, P(A_FD, A_IOCTL, A_INT), .sanitise = san_ioctl, .weight = 20),
    CALL(fcntl, 3, P(A_FD, A_FCNTL, A_INT), .sanitise = san_fcntl, .post = post_fd),
    CALL(fcntl64, 3, P(A_FD, A_FCNTL, A_INT), .sanitise = san_fcntl, .post = post_fd),
    CALL(link, 2, P(A_WPATH, A_WPATH)),
    CALL(unlink, 1, P(A_WPATH)),
    CALL(unlinkat, 3, P(A_DIRFD_OWN, A_WPATH, A_FLAGS)),
    CALL(symlink, 2, P(A_WPATH, A_WPATH), .sanitise = san_symlink),
    CALL(readlink, 3, P(A_PATH, A_OUTPTR, A_LEN)),
    CALL(rename, 2, P(A_WPATH, A_WPATH)),
    CALL(mkdir, 2, P(A_WPATH, A_MODE)),
    CALL(mkdirat, 3, P(A_DIRFD_OWN, A_WPATH, A_MODE)),
    CALL(rmdir, 1, P(A_WPATH)),
    CALL(mknod, 3, P(A_WPATH, A_MODE, A_DEV)),
    CALL(chdir, 1, P(A_WPATH)),
    CALL(fchdir, 1, P(A_FD_OWN)),
    CALL(getcwd, 2, P(A_OUTPTR, A_LEN)),
    CALL(chmod, 2, P(A_WPATH, A_MODE)),
    CALL(fchmod, 2, P(A_FD_OWN, A_MODE)),
    CALL(chown32, 3, P(A_WPATH, A_UID, A_UID)),
    CALL(lchown32, 3, P(A_WPATH, A_UID, A_UID)),
    CALL(fchown32, 3, P(A_FD_OWN, A_UID, A_UID)),
    CALL(umask, 1, P(A_MODE)),
    CALL(access, 2, P(A_PATH, A_INT), .sanitise = san_access),
    CALL(faccessat, 3, P(A_DIRFD, A_PATH, A_INT)),
    CALL(stat64, 2, P(A_PATH, A_OUTPTR), .weight = 15),
    CALL(lstat64, 2, P(A_PATH, A_OUTPTR)),
    CALL(fstat64, 2, P(A_FD, A_OUTPTR), .weight = 15),
    CALL(fstatat64, 4, P(A_DIRFD, A_PATH, A_OUTPTR, A_FLAGS)),
    CALL(getdents64, 3, P(A_FD, A_OUTPTR, A_LEN), .weight = 15),
    CALL(truncate64, 3, P(A_WPATH, A_LEN, A_INT)),
    CALL(ftruncate64, 3, P(A_FD, A_LEN, A_INT)),
    CALL(utimensat, 4, P(A_DIRFD, A_PATH, A_STRUCT, A_FLAGS)),
    CALL(fsync, 1, P(A_FD)),
    CALL(fdatasync, 1, P(A_FD)),
    CALL(sync, 0, P(A_NONE), .weight = 1),
    CALL(mount, 5, P(A_STR, A_WPATH, A_STR, A_FLAGS, A_STR), .sanitise = san_mount),
    CALL(umount, 1, P(A_WPATH)),
    CALL(umount2, 2, P(A_WPATH, A_FLAGS)),
    CALL(statfs64, 3, P(A_PATH, A_LEN, A_OUTPTR)),
    CALL(poll, 3, P(A_POLLFD, A_INT, A_INT), .sanitise = san_poll),
    CALL(_newselect, 5, P(A_INT, A_FDSET, A_FDSET, A_FDSET, A_TIMEVAL), .sanitise = san_select),
    CALL(pselect6, 6, P(A_INT, A_FDSET, A_FDSET, A_FDSET, A_TIMESPEC, A_STRUCT), .sanitise = san_select),
    CALL(pselect6_time64, 6, P(A_INT, A_FDSET, A_FDSET, A_FDSET, A_TIMESPEC, A_STRUCT), .sanitise = san_select),
    CALL(ppoll, 5, P(A_POLLFD, A_INT, A_TIMESPEC, A_SIGSET, A_LEN), .sanitise = san_ppoll),
    CALL(ppoll_time64, 5, P(A_POLLFD, A_INT, A_TIMESPEC, A_SIGSET, A_LEN), .sanitise = san_ppoll),
    CALL(mknodat, 4, P(A_DIRFD_OWN, A_WPATH, A_MODE, A_DEV)),
    CALL(fchmodat, 3, P(A_DIRFD_OWN, A_WPATH, A_MODE)),
    CALL(fchmodat2, 4, P(A_DIRFD_OWN, A_WPATH, A_MODE, A_FLAGS)),
    CALL(fchownat, 5, P(A_DIRFD_OWN, A_WPATH, A_UID, A_UID, A_FLAGS)),
    CALL(linkat, 5, P(A_DIRFD_OWN, A_WPATH, A_DIRFD_OWN, A_WPATH, A_FLAGS)),
    CALL(symlinkat, 3, P(A_WPATH, A_DIRFD_OWN, A_WPATH), .sanitise = san_symlinkat),
    CALL(readlinkat, 4, P(A_DIRFD, A_PATH, A_OUTPTR, A_LEN)),
    CALL(renameat, 4, P(A_DIRFD_OWN, A_WPATH, A_DIRFD_OWN, A_WPATH)),
    CALL(renameat2, 5, P(A_DIRFD_OWN, A_WPATH, A_DIRFD_OWN, A_WPATH, A_FLAGS)),
    CALL(faccessat2, 4, P(A_DIRFD, A_PATH, A_INT, A_FLAGS)),
    CALL(utimensat_time64, 4, P(A_DIRFD, A_PATH, A_STRUCT, A_FLAGS)),
    CALL(utimes, 2, P(A_PATH, A_STRUCT)),
    CALL(futimesat, 3, P(A_DIRFD, A_PATH, A_STRUCT)),
    CALL(utime, 2, P(A_PATH, A_STRUCT)),
    CALL(statx, 5, P(A_DIRFD, A_PATH, A_FLAGS, A_FLAGS, A_OUTPTR), .weight = 15),
    CALL(statfs, 2, P(A_PATH, A_OUTPTR)),
    CALL(fstatfs, 2, P(A_FD, A_OUTPTR)),
    CALL(fstatfs64, 3, P(A_FD, A_LEN, A_OUTPTR)),
    CALL(getdents, 3, P(A_FD, A_OUTPTR, A_LEN)),
    CALL(sendfile, 4, P(A_FD, A_FD, A_PTR, A_LEN)),
    CALL(sendfile64, 4, P(A_FD, A_FD, A_PTR, A_LEN)),
    CALL(fadvise64, 5, P(A_FD, A_INT, A_INT, A_LEN, A_INT)),
    CALL(fadvise64_64, 6, P(A_FD, A_INT, A_INT, A_LEN, A_INT, A_INT)),
    CALL(fallocate, 6, P(A_FD, A_FLAGS, A_INT, A_INT, A_LEN, A_INT)),
    /* process control, scheduling, clocks */
    CALL(prctl, 5, P(A_PRCTL, A_PTR, A_INT, A_INT, A_INT)),
    CALL(sched_getaffinity, 3, P(A_PID_ANY, A_LEN, A_OUTPTR)),
    CALL(sched_setaffinity, 3, P(A_PID, A_LEN, A_PTR)),
    CALL(sched_getscheduler, 1, P(A_PID_ANY)),
    CALL(sched_getparam, 2, P(A_PID_ANY, A_OUTPTR)),
    CALL(sched_get_priority_max, 1, P(A_INT)),
    CALL(sched_get_priority_min, 1, P(A_INT)),
    CALL(getrusage, 2, P(A_INT, A_OUTPTR)),
    CALL(settimeofday, 2, P(A_TIMEVAL, A_STRUCT), .weight = 2),
    CALL(clock_settime, 2, P(A_CLOCK, A_TIMESPEC), .weight = 2),
    CALL(clock_gettime64, 2, P(A_CLOCK, A_OUTPTR)),
    CALL(clock_settime64, 2, P(A_CLOCK, A_TIMESPEC), .weight = 2),
    CALL(clock_getres_time64, 2, P(A_CLOCK, A_OUTPTR)),
    CALL(clock_nanosleep_time64, 4, P(A_CLOCK, A_FLAGS, A_TIMESPEC, A_OUTPTR)),
};

#define NSPECS (sizeof specs / sizeof specs[0])
#define NKERNEL (sizeof kernel_calls / sizeof kernel_calls[0])

static struct call table[NKERNEL];
static int ncalls, nspecified, total_weight;

void table_init(void)
{
    ncalls = nspecified = total_weight = 0;
    for (unsigned i = 0; i < NKERNEL; ++i) {
        const struct call *spec = NULL;
        for (unsigned j = 0; j < NSPECS; ++j)
            if (specs[j].nr == kernel_calls[i].nr)
                spec = &specs[j];
        struct call c;
        if (spec) {
            c = *spec;
            if (!c.weight)
                c.weight = 10;
            ++nspecified;
        } else {
            /* Listed but not known here: six of anything. */
            memset(&c, 0, sizeof c);
            c.nr = kernel_calls[i].nr;
            c.name = kernel_calls[i].function + (strncmp(kernel_calls[i].function, "sys_", 4) ? 0 : 4);
            c.nargs = 6;
            for (int k = 0; k < 6; ++k)
                c.args[k] = A_KINDS;   /* gen_arg: a number */
            c.weight = 10;
        }
        if (c.type == CALL_NEVER)
            continue;
        table[ncalls++] = c;
        total_weight += c.weight;
    }
}

const struct call *table_pick(void)
{
    int r = rnd_below(total_weight);
    for (int i = 0; i < ncalls; ++i) {
        r -= table[i].weight;
        if (r < 0)
            return &table[i];
    }
    return &table[0];
}

int table_size(void)
{
    return ncalls;
}

int table_specified(void)
{
    return nspecified;
}

const char *table_name(int nr)
{
    for (int i = 0; i < ncalls; ++i)
        if (table[i].nr == nr)
            return table[i].name;
    return "?";
}
