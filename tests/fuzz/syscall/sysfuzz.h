/* sysfuzz: random system calls with hostile arguments, one batch per forked
 * child (tests/fuzz/README.md). What the parts share: the random numbers, the
 * child's hostile memory and fds, the argument kinds and the call table. */
#ifndef SYSFUZZ_H
#define SYSFUZZ_H

#include <stdint.h>
#include <sys/types.h>

/* ---- random numbers (rand.c): one xorshift stream per batch ---- */
void rnd_seed(uint64_t seed);
uint32_t rnd(void);
uint32_t rnd_below(uint32_t n);            /* 0 .. n-1 */
int rnd_chance(uint32_t one_in);           /* true once in `one_in` */
uint64_t mix_seed(uint64_t seed, uint64_t batch);

/* ---- the child's world (world.c) ---- */
#define PAGE 4096u
/* Fixed addresses, so a replay prints the same pointers. */
#define ARENA ((char *)0x70000000)         /* ARENA_PAGES read-write pages of random bytes */
#define ARENA_PAGES 16
#define GUARD (ARENA + ARENA_PAGES * PAGE) /* PROT_NONE right after the arena */
#define RO_PAGE (GUARD + PAGE)             /* read-only: the kernel must not write it */
#define HOLE (RO_PAGE + PAGE)              /* never mapped */
#define STR_PAGE (HOLE + PAGE)             /* strings; its end runs into STR_GUARD */
#define STR_GUARD (STR_PAGE + PAGE)
#define VICTIM ((char *)0x70100000)        /* what munmap, mprotect, madvise may take */
#define VICTIM_PAGES 16
#define LOG_FD 255                         /* -v writes here; no generated fd is ever this */

#define MAX_FDS 64
struct world {
    uid_t uid;
    pid_t pid, pgrp, last_child;
    char scratch[64];                      /* /tmp/sysfuzz-UID: the only place written */
    int fds[MAX_FDS];                      /* opened at batch start, and what calls returned */
    int nfds;
    int scratch_fds[16];                   /* fds whose files may be changed (fchmod, ...) */
    unsigned long long scratch_ids[16];    /* their files when opened (world_file_id) */
    int nscratch_fds;
    int dir_fds[8];
    int scratch_dir_fd;
    unsigned long long scratch_dir_id;
    int ndir_fds;
    int closed_fd;
};
extern struct world W;

void world_reset_scratch(void);            /* empties and refills the scratch folder */
void world_setup(void);                    /* memory, fds, signals: the start of each batch */
void world_add_fd(long fd);
/* The file behind fd as (device, inode), 0 if none. A call may dup2 another
 * file onto a scratch fd's number, or close it and let open reuse it: an own
 * fd is used only while it still is the file it was (root's fchown of a dup
 * of "/" made the machine unusable for the uid 1000 rounds). */
unsigned long long world_file_id(int fd);
void world_guard_signals(void);            /* SIGALRM and the interval timer that ends blocking calls */

/* ---- argument kinds (args.c) ---- */
enum arg_kind {
    A_NONE,
    A_INT,          /* any interesting integer */
    A_LEN,          /* sizes: 0, 1, page-ish, huge, negative */
    A_FLAGS,        /* a few random bits */
    A_FD,           /* from the pool, small, closed, or junk */
    A_FD_OWN,       /* an fd whose file may be changed: scratch, pipes, junk */
    A_DIRFD,        /* AT_FDCWD, directory fds, junk */
    A_DIRFD_OWN,    /* AT_FDCWD or the scratch folder: for *at calls that change things */
    A_PID,          /* 0, ourselves, our group, a child, nonexistent: safe to signal */
    A_PID_ANY,      /* also 1, 2, the parent, -1: for calls that only look */
    A_SIG,          /* a signal number that does not stop or end the batch on its own */
    A_UID,
    A_MODE,
    A_PATH,         /* any path, for calls that only look */
    A_WPATH,        /* a path in the scratch folder or a bad one, for calls that change */
    A_EXECPATH,     /* nothing that runs a real program but /bin/true */
    A_STR,          /* names: file system types, module names, junk */
    A_PTR,          /* any pointer: arena, guard, read-only, hole, kernel, NULL */
    A_OUTPTR,       /* a pointer the kernel writes through (same set) */
    A_STRUCT,       /* arena memory of pointers and numbers: bad inner pointers */
    A_IOVEC,        /* an iovec array (the count is the next argument) */
    A_STRV,         /* a NULL-terminated (mostly) array of string pointers */
    A_TIMESPEC,     /* a timespec, valid or not, or a bad pointer */
    A_TIMEVAL,
    A_SIGSET,       /* 8 bytes of signal bits, or a bad pointer */
    A_ADDR,         /* an address for mmap, munmap, brk: victim pages, hole, kernel */
    A_PROT,
    A_MAPFLAGS,
    A_OPENFLAGS,
    A_WHENCE,
    A_CLOCK,
    A_IOCTL,
    A_FCNTL,
    A_PRCTL,
    A_CLONEFLAGS,
    A_FUTEXOP,
    A_USERDESC,     /* struct user_desc for set_thread_area and clone's CLONE_SETTLS */
    A_DEV,          /* mknod's device: harmless ones only */
    A_POLLFD,       /* an array of struct pollfd */
    A_FDSET,        /* a select fd_set */
    A_ROBUST,       /* a robust futex list, possibly circular */
    A_KINDS
};

unsigned long gen_arg(enum arg_kind kind);
extern unsigned long last_count;          /* entries in the last table made (iovec, pollfd) */
unsigned long gen_pointer(int for_write);
unsigned long gen_path(int writable);
const char *arg_kind_name(enum arg_kind kind);

/* ---- the call table (table.c) ---- */
enum call_type { CALL_PLAIN, CALL_FORK, CALL_SIGRETURN, CALL_END, CALL_NEVER };

struct call {
    int nr;
    const char *name;
    int nargs;
    enum arg_kind args[6];
    void (*sanitise)(unsigned long *a);    /* fixes arguments that would hurt the test itself */
    void (*post)(long ret, unsigned long *a); /* puts back what the call took from the fuzzer */
    enum call_type type;
    int weight;                            /* how often, 10 is usual */
};

void table_init(void);                     /* the kernel's system call list, with our specs */
const struct call *table_pick(void);
int table_size(void);
int table_specified(void);
const char *table_name(int nr);

/* ---- raw entry (entry.c) ---- */
long raw_syscall6(long nr, long a, long b, long c, long d, long e, long f);
/* fork, vfork, clone: the new process exits at once, touching no stack. */
long raw_fork_syscall(long nr, long a, long b, long c, long d, long e);
/* sigreturn with esp on `frame`: never returns (the restored context runs). */
_Noreturn void raw_sigreturn(long nr, void *frame);
/* Where a sigreturn frame sends the CPU: stores EFLAGS through
 * sigreturn_report, then exits. */
void sigreturn_landing(void);
extern volatile uint32_t *sigreturn_report;

#endif
