/* Hostile arguments, by kind: numbers at the edges, pointers to everywhere a
 * user pointer may not go, strings without an end, and tables of pointers
 * that are themselves valid but point at bad places. */
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "sysfuzz.h"

/* The last table gen_arg made and how many entries it has, for the count argument. */
unsigned long last_count;

static const unsigned long interesting_ints[] = {
    0, 1, 2, 3, 4, 7, 8, 16, 31, 32, 63, 64, 127, 128, 255, 256, 511, 512, 1023, 1024,
    4095, 4096, 4097, 0x7fff, 0x8000, 0xffff, 0x10000, 0x100000, 0x7fffffff, 0x80000000,
    0xffffffff, 0xfffffffe, 0xfffff000, 0xc0000000, 0xbfffffff, 0x80000001,
};

static const unsigned long interesting_lens[] = {
    0, 1, 2, 3, 4, 8, 16, 20, 64, 100, 512, PAGE - 1, PAGE, PAGE + 1, 2 * PAGE,
    ARENA_PAGES * PAGE, ARENA_PAGES * PAGE + 1, 1u << 20, 0x7ffff000, 0x7fffffff,
    0x80000000, 0xffffffff, 0xfffffff0, (unsigned long)-PAGE,
};

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

static unsigned long pick(const unsigned long *values, unsigned n)
{
    return values[rnd_below(n)];
}

static unsigned long gen_int(void)
{
    switch (rnd_below(6)) {
    case 0: return rnd();
    case 1: return rnd() & 0xff;
    case 2: return 1ul << rnd_below(32);
    case 3: return -(unsigned long)rnd_below(10);
    default: return pick(interesting_ints, COUNT(interesting_ints));
    }
}

static unsigned long gen_len(void)
{
    switch (rnd_below(4)) {
    case 0: return rnd_below(PAGE);
    case 1: return rnd_below(ARENA_PAGES * PAGE);
    default: return pick(interesting_lens, COUNT(interesting_lens));
    }
}

static unsigned long gen_flags(void)
{
    unsigned long flags = 0;
    for (unsigned i = rnd_below(4); i > 0; --i)
        flags |= 1ul << rnd_below(32);
    return rnd_chance(8) ? rnd() : flags;
}

/* Somewhere in the arena, aligned as structs are, now and then not. */
static char *arena_spot(unsigned size)
{
    unsigned room = ARENA_PAGES * PAGE - size;
    unsigned offset = rnd_below(room);
    return ARENA + (rnd_chance(8) ? offset : offset & ~3u);
}

unsigned long gen_pointer(int for_write)
{
    static const unsigned long kernel[] = {
        0xc0000000, 0xc0001000, 0xc0100000, 0xc0100010, 0xc0400000, 0xc7fff000,
        0xfffff000, 0xfffffff0, 0xffffffff,
    };
    (void)for_write;   /* the same places: a write must fail where a read would */
    switch (rnd_below(40)) {
    case 0: case 1: return 0;
    case 2: return 1 + rnd_below(PAGE);
    case 3: case 4: case 5: return pick(kernel, COUNT(kernel));
    case 6: return 0xc0000000 + (rnd() & 0x0ffffffc);
    case 7: return 0xbffffff0 + rnd_below(16);                 /* runs into the kernel */
    case 8: case 9: return (unsigned long)(GUARD - 1 - rnd_below(64)); /* runs into the guard */
    case 10: return (unsigned long)(GUARD + rnd_below(PAGE));
    case 11: case 12: return (unsigned long)(RO_PAGE + (rnd_below(PAGE) & ~3u));
    case 13: return (unsigned long)(HOLE + rnd_below(PAGE));
    case 14: return (unsigned long)(VICTIM + rnd_below(VICTIM_PAGES * PAGE));
    case 15: return (unsigned long)&gen_pointer;                /* program text */
    case 16: return (unsigned long)(STR_PAGE + PAGE - 1 - rnd_below(32));
    case 17: return rnd();
    case 18: return (unsigned long)ARENA;
    default: return (unsigned long)arena_spot(64);
    }
}

/* Paths that exist, or nearly: for calls that only look. Literals in .rodata. */
static const char *const read_paths[] = {
    "/", "/proc", "/proc/self", "/proc/self/maps", "/proc/self/status", "/proc/self/stat",
    "/proc/self/fd", "/proc/self/fd/0", "/proc/self/fd/3", "/proc/self/fd/7", "/proc/self/exe",
    "/proc/self/cwd", "/proc/self/root", "/proc/self/task", "/proc/self/environ",
    "/proc/self/cmdline", "/proc/1/status", "/proc/1/maps", "/proc/2/stat", "/proc/meminfo",
    "/proc/kallsyms", "/proc/modules", "/proc/mounts", "/proc/interrupts", "/proc/thread-self",
    "/proc/uptime", "/proc/stat", "/dev", "/dev/null", "/dev/zero", "/dev/tty", "/dev/tty1",
    "/dev/kmsg", "/dev/urandom", "/dev/full", "/dev/input", "/etc/passwd", "/etc", "/bin/busybox",
    "/bin", "/bin/sh", "/sys", "/sys/module", "/sys/kernel", "/sys/kernel/debug", "/sys/class",
    "/sys/devices", "/lib/modules", "/lib/modules/hello.ko", "/tmp", "/mnt", ".", "..", "",
    "/nonexistent", "/nonexistent/a/b", "//", "/./././", "/../../..", "/dev/null/x",
    "/proc/self/fd/255", "/proc/self/fd/-1", "/proc/0", "/proc/99999/stat",
};

/* Names under the scratch folder (world_reset_scratch makes most of them). */
static const char *const scratch_names[] = {
    "", "/f0", "/f1", "/d0", "/d0/f2", "/d1", "/l0", "/l1", "/x", "/d0/x/y", "/f0/x", "/d0/..",
    "/s0", "/e0", "/p0", "/d0/d2", "/l0/", "/d1/.",
};
static const char *const relative_names[] = { "f0", "d0", "x", "l0", "d0/f2", "d1/x", "f1" };

/* A string written into the arena now: used at once, so nothing keeps it.
 * Terminated, it sits anywhere or with its NUL on the arena's last byte;
 * unterminated, its last character is the arena's last byte. */
static char *arena_string(const char *prefix, const char *fill, unsigned fill_length, int terminate)
{
    unsigned prefix_length = strlen(prefix), pattern = strlen(fill);
    unsigned length = prefix_length + fill_length;   /* without the NUL */
    char *end = ARENA + ARENA_PAGES * PAGE;
    char *s;
    if (!terminate)
        s = end - length;
    else if (rnd_chance(2))
        s = end - length - 1;
    else
        s = ARENA + rnd_below(ARENA_PAGES * PAGE - length);
    memcpy(s, prefix, prefix_length);
    for (unsigned i = 0; i < fill_length; ++i)
        s[prefix_length + i] = fill[i % pattern];
    if (terminate)
        s[length] = 0;
    return s;
}

static unsigned long scratch_path(void)
{
    char buffer[96];
    switch (rnd_below(12)) {
    case 0:
        return (unsigned long)relative_names[rnd_below(COUNT(relative_names))];
    case 1: {   /* a name longer than NAME_MAX */
        strcpy(buffer, W.scratch);
        strcat(buffer, "/");
        return (unsigned long)arena_string(buffer, "n", 250 + rnd_below(20), 1);
    }
    case 2:     /* longer than PATH_MAX, or not ended at all */
        strcpy(buffer, W.scratch);
        strcat(buffer, "/d0/");
        /* Never all slashes: a pointer into what is left of it later would be "/". */
        return (unsigned long)arena_string(buffer, rnd_chance(2) ? "a/" : "a", 4090 + rnd_below(12),
                                           !rnd_chance(3));
    default: {
        char *s = arena_spot(96);
        strcpy(buffer, W.scratch);
        strcat(buffer, scratch_names[rnd_below(COUNT(scratch_names))]);
        strcpy(s, buffer);
        return (unsigned long)s;
    }
    }
}

/* A short random name, no '/' or '.': relative to the scratch folder. */
static unsigned long random_name(void)
{
    char *s = arena_spot(16);
    unsigned length = 1 + rnd_below(14);
    for (unsigned i = 0; i < length; ++i) {
        char c = 1 + rnd_below(255);
        s[i] = c == '/' || c == '.' ? 'q' : c;
    }
    s[length] = 0;
    return (unsigned long)s;
}

/* For calls that change files, the arena's leftovers are no path: a pointer
 * into the tail of "/tmp/sysfuzz-0/d0/.." is "/..". */
static unsigned long bad_string(int writable)
{
    switch (rnd_below(8)) {
    case 0: return 0;
    case 1: return 0xc0000000 + (rnd() & 0xfffff);
    case 2: return (unsigned long)(STR_PAGE + PAGE - 1 - rnd_below(16));   /* no NUL before the guard */
    case 3: return (unsigned long)(STR_GUARD - PAGE / 2);                  /* 2 KiB of 'a', then the guard */
    case 4: return (unsigned long)(HOLE + rnd_below(PAGE));
    case 5: return (unsigned long)(RO_PAGE + rnd_below(PAGE));             /* no NUL until the hole */
    case 6: return 0xbffffffe;
    default: return writable ? random_name() : (unsigned long)arena_spot(16);   /* random bytes */
    }
}

unsigned long gen_path(int writable)
{
    if (rnd_chance(5))
        return bad_string(writable);
    if (writable)
        return scratch_path();
    if (rnd_chance(3))
        return scratch_path();
    return (unsigned long)read_paths[rnd_below(COUNT(read_paths))];
}

static unsigned long gen_exec_path(void)
{
    static const char *const names[] = { "/f0", "/s0", "/e0", "/d0", "/x", "/p0" };
    static const char *const others[] = { "/bin/true", "/nonexistent", "/", "/dev/null",
                                          "/proc/self/maps", "", "/tmp" };
    if (rnd_chance(4))
        return bad_string(0);
    if (rnd_chance(2))
        return (unsigned long)others[rnd_below(COUNT(others))];
    char *s = arena_spot(96);
    strcpy(s, W.scratch);
    strcat(s, names[rnd_below(COUNT(names))]);
    return (unsigned long)s;
}

static unsigned long gen_str(void)
{
    static const char *const names[] = { "ramfs", "proc", "sysfs", "tmpfs", "ext2", "9p", "debugfs",
                                         "devtmpfs", "none", "hello", "faulty", "", "trans=virtio",
                                         "mode=0755", "ro", "size=1k,nr_inodes=2" };
    if (rnd_chance(3))
        return bad_string(1);   /* mount's source and module names go here too */
    return (unsigned long)names[rnd_below(COUNT(names))];
}

static unsigned long gen_fd(void)
{
    static const int junk[] = { -1, -100, 1023, 1024, 4096, 65535, 0x7fffffff, (int)0x80000000, 3, 10, 20 };
    long fd;
    switch (rnd_below(10)) {
    case 0: fd = rnd_below(40); break;
    case 1: fd = junk[rnd_below(COUNT(junk))]; break;
    case 2: fd = W.closed_fd; break;
    default: fd = W.nfds ? W.fds[rnd_below(W.nfds)] : 0; break;
    }
    return fd == LOG_FD ? -1 : fd;
}

/* The closed fd's number, while nothing has it again: a dup or an open
 * takes the lowest free number, and that may be it (seed 6040's batch 161
 * dup()ed the fd of / onto it and fchmod()ed it as root). */
static unsigned long closed_fd_if_still_closed(void)
{
    return world_file_id(W.closed_fd) ? (unsigned long)-1 : (unsigned long)W.closed_fd;
}

static unsigned long gen_fd_own(void)
{
    if (rnd_chance(5) || !W.nscratch_fds)
        return rnd_chance(2) ? (unsigned long)-1 : closed_fd_if_still_closed();
    unsigned i = rnd_below(W.nscratch_fds);
    if (world_file_id(W.scratch_fds[i]) != W.scratch_ids[i])
        return closed_fd_if_still_closed();   /* another file now: not ours to change */
    return W.scratch_fds[i];
}

static unsigned long gen_dirfd(int own)
{
    if (rnd_chance(2))
        return (unsigned long)AT_FDCWD;
    if (own) {
        if (rnd_chance(4) || world_file_id(W.scratch_dir_fd) != W.scratch_dir_id)
            return (unsigned long)-1;
        return (unsigned long)W.scratch_dir_fd;
    }
    if (rnd_chance(3))
        return gen_fd();
    return W.ndir_fds ? (unsigned long)W.dir_fds[rnd_below(W.ndir_fds)] : (unsigned long)AT_FDCWD;
}

static unsigned long gen_pid(int any)
{
    switch (rnd_below(any ? 10 : 8)) {
    case 0: return 0;
    case 1: case 2: return W.pid;
    case 3: return -(unsigned long)W.pgrp;
    case 4: return W.last_child ? (unsigned long)W.last_child : (unsigned long)W.pid;
    case 5: return 32768 + rnd_below(30000);
    case 6: return rnd_chance(2) ? 0x80000000ul : 0x7ffffffful;
    case 7: return -(unsigned long)(32768 + rnd_below(30000));
    case 8: return rnd_below(12);            /* init, kthreadd, the shell, ... */
    default: return rnd_chance(2) ? (unsigned long)-1 : (unsigned long)getppid();
    }
}

static unsigned long gen_sig(void)
{
    static const int signals[] = { 0, SIGUSR1, SIGUSR2, SIGHUP, SIGCHLD, SIGWINCH, SIGCONT, SIGALRM,
                                   SIGURG, SIGPIPE, SIGIO, 34, 40, 64, 65, -1, 128 };
    if (rnd_chance(100))
        return rnd_chance(2) ? SIGSEGV : SIGKILL;   /* ends the batch: rarely */
    return signals[rnd_below(COUNT(signals))];
}

static unsigned long gen_uid(void)
{
    static const unsigned long uids[] = { 0, 1, 1000, 65534, 0xffffffff, 0xffff, 0x7fffffff };
    return rnd_chance(5) ? rnd() : pick(uids, COUNT(uids));
}

static unsigned long gen_mode(void)
{
    static const unsigned long modes[] = { 0, 0644, 0755, 0777, 07777, 0600, 0100644, 0010644,
                                           0020644, 0060644, 0140777, 0170000 };
    return rnd_chance(3) ? rnd() & 0177777 : pick(modes, COUNT(modes));
}

/* Arena words that are pointers (good and bad), lengths and numbers: the
 * kernel must check what it follows, not just the outer pointer. */
static unsigned long gen_struct(void)
{
    if (rnd_chance(5))
        return gen_pointer(1);
    unsigned words = 1 + rnd_below(32);
    unsigned long *p = (unsigned long *)arena_spot(words * 4);
    if (rnd_chance(6))
        p = (unsigned long *)(GUARD - 4 * (1 + rnd_below(words)));  /* its tail in the guard */
    for (unsigned i = 0; i < words && (char *)(p + i) < GUARD; ++i) {
        switch (rnd_below(4)) {
        case 0: p[i] = gen_pointer(1); break;
        case 1: p[i] = gen_len(); break;
        case 2: p[i] = gen_int(); break;
        default: p[i] = (unsigned long)arena_spot(16); break;
        }
    }
    return (unsigned long)p;
}

static unsigned long gen_iovec(void)
{
    unsigned n = rnd_chance(10) ? 1000 + rnd_below(100) : rnd_below(9);
    if (rnd_chance(5))
        return last_count = n, gen_pointer(0);
    unsigned long *p = (unsigned long *)arena_spot(8 * (n < 64 ? n : 64));
    for (unsigned i = 0; i < n && i < 64; ++i) {
        p[2 * i] = rnd_chance(2) ? (unsigned long)arena_spot(PAGE) : gen_pointer(0);
        p[2 * i + 1] = rnd_chance(2) ? rnd_below(PAGE) : gen_len();
    }
    last_count = n;
    return (unsigned long)p;
}

static unsigned long gen_strv(void)
{
    if (rnd_chance(6))
        return gen_pointer(0);
    unsigned n = rnd_below(8);
    unsigned long *p = (unsigned long *)arena_spot(4 * (n + 1));
    if (rnd_chance(6))
        p = (unsigned long *)(GUARD - 4 * (n ? n : 1));   /* no NULL before the guard */
    for (unsigned i = 0; i < n; ++i) {
        switch (rnd_below(4)) {
        case 0: p[i] = bad_string(0); break;
        case 1: p[i] = (unsigned long)"-c"; break;
        default: p[i] = (unsigned long)arena_spot(16); break;
        }
    }
    if ((char *)(p + n) < GUARD)
        p[n] = rnd_chance(10) ? gen_pointer(0) : 0;
    return (unsigned long)p;
}

static unsigned long gen_timespec(int time64, int usec)
{
    static const long seconds[] = { 0, 0, 0, 1, -1, 0x7fffffff, (long)0x80000000, 100000 };
    static const long fractions[] = { 0, 1, 1000, 999999, 999999999, 1000000000, -1, 100000000 };
    if (rnd_chance(5))
        return gen_pointer(1);
    long *p = (long *)arena_spot(16);
    long sec = seconds[rnd_below(COUNT(seconds))];
    long frac = fractions[rnd_below(COUNT(fractions))];
    if (usec && frac >= 1000000 && !rnd_chance(3))
        frac = frac % 1000000;
    if (time64) {
        p[0] = sec; p[1] = sec < 0 ? -1 : (rnd_chance(8) ? 0x7fffffff : 0);
        p[2] = frac; p[3] = frac < 0 ? -1 : 0;
    } else {
        p[0] = sec; p[1] = frac;
    }
    return (unsigned long)p;
}

static unsigned long gen_sigset(void)
{
    if (rnd_chance(5))
        return gen_pointer(0);
    unsigned long *p = (unsigned long *)arena_spot(8);
    switch (rnd_below(4)) {
    case 0: p[0] = p[1] = 0; break;
    case 1: p[0] = p[1] = 0xffffffff; break;
    default: p[0] = rnd(); p[1] = rnd(); break;
    }
    return (unsigned long)p;
}

static unsigned long gen_addr(void)
{
    switch (rnd_below(16)) {
    case 0: return 0;
    case 1: return (unsigned long)HOLE;
    case 2: return 0xc0000000;
    case 3: return 0xbffff000;
    case 4: return 0x40000000 + (rnd() & 0x2ffff000);
    case 5: return 0xfffff000;
    case 6: return rnd();
    case 7: return (unsigned long)(VICTIM + rnd_below(VICTIM_PAGES * PAGE));   /* unaligned */
    case 8: return 0x10000;
    default: return (unsigned long)(VICTIM + rnd_below(VICTIM_PAGES) * PAGE);
    }
}

static unsigned long gen_open_flags(void)
{
    static const unsigned long bits[] = { O_CREAT, O_EXCL, O_NOCTTY, O_TRUNC, O_APPEND, O_NONBLOCK,
                                          O_DSYNC, O_DIRECT, O_LARGEFILE, O_DIRECTORY, O_NOFOLLOW,
                                          O_NOATIME, O_CLOEXEC, O_PATH, O_TMPFILE, O_SYNC };
    unsigned long flags = rnd_below(4);
    for (unsigned i = rnd_below(4); i > 0; --i)
        flags |= bits[rnd_below(COUNT(bits))];
    if (rnd_chance(10))
        flags |= 1ul << rnd_below(32);
    return flags;
}

static unsigned long gen_ioctl(void)
{
    static const unsigned long cmds[] = {
        0x5401, 0x5402, 0x5403, 0x5404, 0x5409, 0x540A, 0x540B, 0x540E, 0x540F, 0x5410, 0x5411,
        0x5412, 0x5413, 0x5414, 0x5415, 0x541B, 0x5421, 0x5422, 0x5423, 0x5424, 0x5429, 0x5450,
        0x5451, 0x5452, 0x4B31, 0x4B32, 0x4B33, 0x4B3A, 0x4B3B, 0x4B44, 0x4B45, 0x5600, 0x5603,
        0x5606, 0x5607, 0x125F, 0x1260, 0x1268, 0x80081272, 0x80046601, 0x40046602, 0x80044501,
        0x80ff4506, 0x80084502, 0x40044590, 0x4b72,
    };
    if (rnd_chance(4))
        return (rnd() & 0xc0000000) | (rnd_below(0x4000) << 16) | (rnd() & 0xffff);   /* _IOC(dir, type, nr, size) */
    return pick(cmds, COUNT(cmds));
}

static unsigned long gen_user_desc(void)
{
    if (rnd_chance(5))
        return gen_pointer(1);
    unsigned long *p = (unsigned long *)arena_spot(16);
    static const unsigned long entries[] = { (unsigned long)-1, 6, 7, 8, 0, 5, 9, 12, 0x7fffffff };
    p[0] = pick(entries, COUNT(entries));
    p[1] = rnd_chance(2) ? (unsigned long)ARENA : gen_pointer(0);   /* base */
    p[2] = rnd_chance(2) ? 0xfffff : rnd();                          /* limit */
    p[3] = rnd_below(512);   /* seg_32bit, contents, read_exec_only, limit_in_pages, not present, useable, lm */
    return (unsigned long)p;
}

static unsigned long gen_dev(void)
{
    static const unsigned long devs[] = { 0, (1 << 8) | 3, (1 << 8) | 5, (1 << 8) | 7, (1 << 8) | 8,
                                          (1 << 8) | 9, 250 << 8, (251 << 8) | 200, 0xffffffff };
    return pick(devs, COUNT(devs));
}

static unsigned long gen_pollfd(void)
{
    unsigned n = rnd_chance(10) ? 300 + rnd_below(5000) : rnd_below(8);
    last_count = n;
    if (rnd_chance(5))
        return gen_pointer(1);
    unsigned long *p = (unsigned long *)arena_spot(8 * (n < 128 ? n : 128));
    for (unsigned i = 0; i < n && i < 128; ++i) {
        p[2 * i] = gen_fd();
        p[2 * i + 1] = rnd() & 0xffff;   /* events, and revents to overwrite */
    }
    return (unsigned long)p;
}

static unsigned long gen_fdset(void)
{
    if (rnd_chance(4))
        return rnd_chance(2) ? 0 : gen_pointer(1);
    unsigned long *p = (unsigned long *)arena_spot(128);
    for (unsigned i = 0; i < 32; ++i)
        p[i] = rnd_chance(2) ? 0 : (rnd_chance(3) ? rnd() : 1ul << rnd_below(32));
    return (unsigned long)p;
}

/* struct robust_list_head { next, futex_offset, pending }, entries { next }:
 * a list that loops, runs into the guard, or points at the kernel. */
static unsigned long gen_robust(void)
{
    if (rnd_chance(4))
        return gen_pointer(0);
    unsigned long *head = (unsigned long *)arena_spot(64);
    unsigned long *a = head + 4, *b = head + 8;
    head[0] = (unsigned long)a;
    head[1] = rnd_chance(2) ? 4 : gen_int();
    head[2] = rnd_chance(2) ? 0 : (unsigned long)b;
    a[0] = rnd_chance(3) ? (unsigned long)a : (rnd_chance(2) ? (unsigned long)b : gen_pointer(0));
    b[0] = rnd_chance(2) ? (unsigned long)a : (unsigned long)head;
    a[1] = b[1] = W.pid | (rnd_chance(2) ? 0x80000000 : 0);   /* a futex word that names us */
    return (unsigned long)head;
}

unsigned long gen_arg(enum arg_kind kind)
{
    switch (kind) {
    case A_NONE: return 0;
    case A_INT: return gen_int();
    case A_LEN: return gen_len();
    case A_FLAGS: return gen_flags();
    case A_FD: return gen_fd();
    case A_FD_OWN: return gen_fd_own();
    case A_DIRFD: return gen_dirfd(0);
    case A_DIRFD_OWN: return gen_dirfd(1);
    case A_PID: return gen_pid(0);
    case A_PID_ANY: return gen_pid(1);
    case A_SIG: return gen_sig();
    case A_UID: return gen_uid();
    case A_MODE: return gen_mode();
    case A_PATH: return gen_path(0);
    case A_WPATH: return gen_path(1);
    case A_EXECPATH: return gen_exec_path();
    case A_STR: return gen_str();
    case A_PTR: return gen_pointer(0);
    case A_OUTPTR: return gen_pointer(1);
    case A_STRUCT: return gen_struct();
    case A_IOVEC: return gen_iovec();
    case A_STRV: return gen_strv();
    case A_TIMESPEC: return gen_timespec(rnd_chance(8), 0);
    case A_TIMEVAL: return gen_timespec(0, 1);
    case A_SIGSET: return gen_sigset();
    case A_ADDR: return gen_addr();
    case A_PROT: return rnd_chance(6) ? gen_flags() : rnd_below(8) | (rnd_chance(10) ? 0x01000000 : 0);
    case A_MAPFLAGS:
        return rnd_below(4) | (rnd_chance(2) ? 0x20 : 0) | (rnd_chance(4) ? 0x10 : 0)
            | (rnd_chance(6) ? 0x8000 : 0) | (rnd_chance(8) ? gen_flags() : 0);
    case A_OPENFLAGS: return gen_open_flags();
    case A_WHENCE: return rnd_chance(5) ? gen_int() : rnd_below(5);
    case A_CLOCK: return rnd_chance(5) ? gen_int() : rnd_below(12);
    case A_IOCTL: return gen_ioctl();
    case A_FCNTL: {
        static const unsigned long cmds[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                                              1024, 1025, 1026, 1030, 1031, 1032, 1033, 1034 };
        return rnd_chance(8) ? gen_int() : pick(cmds, COUNT(cmds));
    }
    case A_PRCTL: return rnd_chance(6) ? gen_int() : rnd_below(64);
    case A_CLONEFLAGS: {
        unsigned long flags = rnd_chance(2) ? SIGCHLD : rnd_below(70);
        for (unsigned i = rnd_below(5); i > 0; --i)
            flags |= 0x100ul << rnd_below(24);
        return flags;
    }
    case A_FUTEXOP: return rnd_below(14) | (rnd_chance(2) ? 128 : 0) | (rnd_chance(6) ? 256 : 0)
                           | (rnd_chance(10) ? gen_flags() : 0);
    case A_USERDESC: return gen_user_desc();
    case A_DEV: return gen_dev();
    case A_POLLFD: return gen_pollfd();
    case A_FDSET: return gen_fdset();
    case A_ROBUST: return gen_robust();
    case A_KINDS: break;
    }
    /* A call we know nothing about: a number, a pointer, an fd or a length. */
    switch (rnd_below(4)) {
    case 0: return gen_pointer(1);
    case 1: return gen_fd();
    case 2: return gen_len();
    default: return gen_int();
    }
}
