/* fstest: exercises the file-system system calls busybox and glibc use, one
 * subcommand each, for the boot tests (tests/boot/fs_syscall_tests.py):
 *   fstest mkfifo PATH            fstest mknod PATH TYPE MAJOR MINOR (TYPE c, b, p or -)
 *   fstest statx PATH             fstest sendfile SRC DST|- [OFFSET]
 *   fstest sleep MS               fstest sigmask
 *   fstest hole PATH              fstest at DIR
 *   fstest fds                    fstest efault
 *   fstest getdents DIR           fstest fifo PATH
 *   fstest readspeed PATH MIB     fstest direct BLOCKDEVICE
 *   fstest directfile PATH        fstest partialread PATH
 * Each prints what it saw; "FAIL" lines and exit status 1 mark a failure. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/sendfile.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <linux/stat.h>

static int failures;

#define CHECK(cond, ...)                     \
    do {                                     \
        if (cond) {                          \
            printf("ok ");                   \
        } else {                             \
            printf("FAIL ");                 \
            failures++;                      \
        }                                    \
        printf(__VA_ARGS__);                 \
        printf("\n");                        \
    } while (0)

/* A raw system call's -errno result, for checking exact error codes. */
#define RAW(...) (syscall(__VA_ARGS__) < 0 ? -errno : 0)

static void *const bad = (void *)0xc0001000; /* kernel space: always -EFAULT */

static long ms_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int cmd_mkfifo(const char *path)
{
    if (mkfifo(path, 0644) < 0) {
        printf("mkfifo: %s: %s\n", path, strerror(errno));
        return 1;
    }
    return 0;
}

static int cmd_mknod(const char *path, const char *type, const char *major, const char *minor)
{
    mode_t mode = 0644;
    switch (type[0]) {
    case 'c': mode |= S_IFCHR; break;
    case 'b': mode |= S_IFBLK; break;
    case 'p': mode |= S_IFIFO; break;
    default: break; /* 0: a regular file, as mknod(2) */
    }
    if (mknod(path, mode, makedev(atoi(major), atoi(minor))) < 0) {
        printf("mknod: %s: %s\n", path, strerror(errno));
        return 1;
    }
    return 0;
}

static int cmd_statx(const char *path)
{
    struct statx stx;
    memset(&stx, 0xa5, sizeof(stx));
    if (syscall(SYS_statx, AT_FDCWD, path, AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, &stx) < 0) {
        printf("statx: %s: %s\n", path, strerror(errno));
        return 1;
    }
    struct stat st;
    lstat(path, &st);
    printf("statx mask=%#x mode=%o nlink=%u uid=%u size=%llu blocks=%llu rdev=%u:%u dev=%u:%u ino=%llu\n",
        stx.stx_mask, stx.stx_mode, stx.stx_nlink, stx.stx_uid, (unsigned long long)stx.stx_size,
        (unsigned long long)stx.stx_blocks, stx.stx_rdev_major, stx.stx_rdev_minor, stx.stx_dev_major,
        stx.stx_dev_minor, (unsigned long long)stx.stx_ino);
    int same = stx.stx_mode == st.st_mode && stx.stx_ino == st.st_ino && (off_t)stx.stx_size == st.st_size
        && (blkcnt_t)stx.stx_blocks == st.st_blocks && makedev(stx.stx_rdev_major, stx.stx_rdev_minor) == st.st_rdev
        && makedev(stx.stx_dev_major, stx.stx_dev_minor) == st.st_dev && stx.stx_nlink == st.st_nlink
        && stx.stx_mtime.tv_sec == st.st_mtime && stx.__spare3[0] == 0;
    CHECK(same, "statx agrees with lstat");
    /* AT_EMPTY_PATH on an fd gives the same inode. */
    int fd = open(path, O_RDONLY | O_NONBLOCK);
    if (fd >= 0) {
        struct statx by_fd;
        long r = syscall(SYS_statx, fd, "", AT_EMPTY_PATH, STATX_BASIC_STATS, &by_fd);
        struct stat followed;
        stat(path, &followed);   /* open followed a symlink */
        CHECK(r == 0 && by_fd.stx_ino == followed.st_ino, "statx AT_EMPTY_PATH on an fd");
        close(fd);
    }
    CHECK(RAW(SYS_statx, AT_FDCWD, path, 0, 0x80000000u, &stx) == -EINVAL, "statx STATX__RESERVED is EINVAL");
    CHECK(RAW(SYS_statx, AT_FDCWD, path, 0x6000, STATX_BASIC_STATS, &stx) == -EINVAL, "statx both sync flags is EINVAL");
    CHECK(RAW(SYS_statx, AT_FDCWD, "", 0, STATX_BASIC_STATS, &stx) == -ENOENT, "statx \"\" without AT_EMPTY_PATH is ENOENT");
    return failures != 0;
}

static int cmd_sendfile(const char *src, const char *dst, const char *offset_arg)
{
    int in = open(src, O_RDONLY);
    if (in < 0) {
        printf("sendfile: %s: %s\n", src, strerror(errno));
        return 1;
    }
    int out = strcmp(dst, "-") == 0 ? 1 : open(dst, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out < 0) {
        printf("sendfile: %s: %s\n", dst, strerror(errno));
        return 1;
    }
    off_t offset = offset_arg ? atoll(offset_arg) : 0;
    long long total = 0;
    for (;;) {
        ssize_t n = sendfile(out, in, offset_arg ? &offset : NULL, 65536);
        if (n < 0) {
            fprintf(stderr, "sendfile: %s\n", strerror(errno));
            return 1;
        }
        if (n == 0)
            break;
        total += n;
    }
    fprintf(stderr, "sendfile: %lld bytes, offset %lld, file position %lld\n", total, (long long)offset,
        (long long)lseek(in, 0, SEEK_CUR));
    return 0;
}

/* A select with no fds is a sleep: it must sleep (no CPU) for the time asked. */
static int cmd_sleep(const char *ms_arg)
{
    long ms = atol(ms_arg);
    struct tms before, after;
    times(&before);
    long start = ms_now();
    struct timeval tv = { ms / 1000, (ms % 1000) * 1000 };
    int r = select(0, NULL, NULL, NULL, &tv);
    long elapsed = ms_now() - start;
    times(&after);
    long cpu = (after.tms_utime + after.tms_stime) - (before.tms_utime + before.tms_stime);
    printf("select slept %ld ms (asked %ld), result %d, cpu %ld ticks, left %ld.%06ld\n", elapsed, ms, r, cpu,
        (long)tv.tv_sec, (long)tv.tv_usec);
    /* At least the time asked, by the clock user space reads; the upper bound only
     * catches a sleep that never ends (a loaded host may hold the guest back a while). */
    CHECK(r == 0 && elapsed >= ms && elapsed < 2 * ms + 1000, "select(0, ..., timeout) sleeps for the time-out");
    CHECK(cpu * 10 < ms / 4 + 10, "the sleep does not burn CPU");
    /* poll and ppoll with no fds sleep too. */
    start = ms_now();
    r = poll(NULL, 0, 200);
    elapsed = ms_now() - start;
    CHECK(r == 0 && elapsed >= 200 && elapsed < 1400, "poll(NULL, 0, 200) slept %ld ms", elapsed);
    struct timespec ts = { 0, 200000000 };
    start = ms_now();
    r = (int)syscall(SYS_ppoll, NULL, 0, &ts, NULL, 8);
    elapsed = ms_now() - start;
    CHECK(r == 0 && elapsed >= 200 && elapsed < 1400, "ppoll(NULL, 0, 200 ms) slept %ld ms", elapsed);
    struct { long long sec; long long nsec; } ts64 = { 0, 200000000 };
    start = ms_now();
    r = (int)syscall(SYS_pselect6_time64, 0, NULL, NULL, NULL, &ts64, NULL);
    elapsed = ms_now() - start;
    CHECK(r == 0 && elapsed >= 200 && elapsed < 1400, "pselect6_time64 200 ms slept %ld ms", elapsed);
    r = (int)syscall(SYS_ppoll_time64, NULL, 0, &ts64, NULL, 8);
    CHECK(r == 0 && ts64.sec == 0 && ts64.nsec == 0, "ppoll_time64 writes back 0 left");
    return failures != 0;
}

static volatile int got_usr1;
static void on_usr1(int sig) { (void)sig; got_usr1++; }

/* pselect6/ppoll: the mask given is in force during the wait only. */
static int cmd_sigmask(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, NULL);
    sigset_t block, empty, now;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigemptyset(&empty);
    sigprocmask(SIG_BLOCK, &block, NULL);

    /* A blocked, pending SIGUSR1 interrupts a pselect whose mask unblocks it. */
    kill(getpid(), SIGUSR1);
    CHECK(got_usr1 == 0, "SIGUSR1 stays pending while blocked");
    struct timespec ts = { 5, 0 };
    long start = ms_now();
    int r = pselect(0, NULL, NULL, NULL, &ts, &empty);
    int e = errno;
    CHECK(r < 0 && e == EINTR && got_usr1 == 1 && ms_now() - start < 2000, "pselect with an empty mask: EINTR, handler ran");
    sigprocmask(SIG_BLOCK, NULL, &now);
    CHECK(sigismember(&now, SIGUSR1), "the old mask is back after pselect");

    kill(getpid(), SIGUSR1);
    struct timespec ts2 = { 5, 0 };
    r = (int)syscall(SYS_ppoll, NULL, 0, &ts2, &empty, 8);
    e = errno;
    CHECK(r < 0 && e == EINTR && got_usr1 == 2, "ppoll with an empty mask: EINTR, handler ran");
    sigprocmask(SIG_BLOCK, NULL, &now);
    CHECK(sigismember(&now, SIGUSR1), "the old mask is back after ppoll");

    /* A mask that blocks the signal keeps it out for the whole wait. */
    struct timespec ts3 = { 0, 100000000 };
    r = (int)syscall(SYS_ppoll, NULL, 0, &ts3, &block, 8);
    CHECK(r == 0 && got_usr1 == 2, "ppoll with SIGUSR1 blocked times out");
    struct timespec ts4 = { 0, 100000000 };
    CHECK(RAW(SYS_ppoll, NULL, 0, &ts4, &block, 4) == -EINVAL, "ppoll with sigsetsize 4 is EINVAL");
    sigprocmask(SIG_UNBLOCK, &block, NULL);
    /* The pending one from before (none left): unblocking delivers nothing new. */
    CHECK(got_usr1 == 2, "no extra delivery");
    return failures != 0;
}

/* Holes: writes past the end, ftruncate up and down, reads of the hole. */
static int cmd_hole(const char *path)
{
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        printf("hole: %s: %s\n", path, strerror(errno));
        return 1;
    }
    CHECK(lseek(fd, 1 << 20, SEEK_SET) == 1 << 20, "lseek 1 MiB past the end");
    CHECK(write(fd, "end", 3) == 3, "write after the hole");
    struct stat st;
    fstat(fd, &st);
    CHECK(st.st_size == (1 << 20) + 3, "size %lld", (long long)st.st_size);
    off_t data = lseek(fd, 0, SEEK_DATA);
    CHECK(data >= 0 && data < st.st_size, "SEEK_DATA finds data (%lld)", (long long)data);
    CHECK(lseek(fd, st.st_size, SEEK_HOLE) < 0 && errno == ENXIO, "SEEK_HOLE at the end is ENXIO");
    CHECK(st.st_blocks > 0 && st.st_blocks <= 16, "st_blocks %lld counts only the written block", (long long)st.st_blocks);
    static char buffer[65536];
    memset(buffer, 'x', sizeof(buffer));
    CHECK(pread(fd, buffer, sizeof(buffer), 4096) == (ssize_t)sizeof(buffer), "read in the hole");
    int zeros = 1;
    for (size_t i = 0; i < sizeof(buffer); i++)
        zeros &= buffer[i] == 0;
    CHECK(zeros, "the hole reads as zeros");
    CHECK(pread(fd, buffer, 8, (1 << 20) - 2) == 5 && memcmp(buffer, "\0\0end", 5) == 0, "the data after the hole");
    CHECK(ftruncate(fd, 10) == 0, "ftruncate down to 10");
    fstat(fd, &st);
    CHECK(st.st_size == 10 && st.st_blocks == 0, "after shrinking: size %lld blocks %lld", (long long)st.st_size,
        (long long)st.st_blocks);
    CHECK(pwrite(fd, "abcdefghij", 10, 0) == 10, "write 10 bytes");
    CHECK(ftruncate(fd, 5) == 0 && ftruncate(fd, 8192) == 0, "ftruncate to 5, then grow to 8192");
    memset(buffer, 'x', 16);
    CHECK(pread(fd, buffer, 16, 0) == 16 && memcmp(buffer, "abcde\0\0\0\0\0\0\0\0\0\0\0", 16) == 0,
        "the grown part reads as zeros, not the old bytes");
    fstat(fd, &st);
    CHECK(st.st_size == 8192, "size after growing %lld", (long long)st.st_size);
    /* fallocate: allocates without changing the size (KEEP_SIZE), or grows it. */
    long r = syscall(SYS_fallocate, fd, 0, 0, 0, 65536, 0);
    fstat(fd, &st);
    CHECK(r == 0 && st.st_size == 65536 && st.st_blocks >= 128, "fallocate 64 KiB: size %lld blocks %lld",
        (long long)st.st_size, (long long)st.st_blocks);
    CHECK(RAW(SYS_fallocate, fd, 0, 0, 0, 0, 0) == -EINVAL, "fallocate of length 0 is EINVAL");
    CHECK(RAW(SYS_fadvise64_64, fd, 0, 0, 0, 0, 2) == 0, "fadvise64_64 SEQUENTIAL");
    CHECK(RAW(SYS_fadvise64_64, fd, 0, 0, 0, 0, 99) == -EINVAL, "fadvise64_64 bad advice is EINVAL");
    close(fd);
    return failures != 0;
}

/* The *at calls in a scratch directory. */
static int cmd_at(const char *dir)
{
    int d = open(dir, O_RDONLY | O_DIRECTORY);
    if (d < 0) {
        printf("at: %s: %s\n", dir, strerror(errno));
        return 1;
    }
    int fd = openat(d, "file", O_WRONLY | O_CREAT | O_TRUNC, 0600);
    CHECK(fd >= 0 && write(fd, "data\n", 5) == 5, "openat creates");
    CHECK(RAW(SYS_fchmodat, d, "file", 0640) == 0, "fchmodat");
    struct stat st;
    fstatat(d, "file", &st, 0);
    CHECK((st.st_mode & 0777) == 0640, "fchmodat set %o", st.st_mode & 0777);
    CHECK(RAW(SYS_fchownat, d, "file", -1, getgid(), 0) == 0, "fchownat to own group");
    CHECK(RAW(SYS_linkat, d, "file", d, "hard", 0) == 0, "linkat");
    CHECK(RAW(SYS_symlinkat, "file", d, "soft") == 0, "symlinkat");
    char target[64] = { 0 };
    long n = syscall(SYS_readlinkat, d, "soft", target, sizeof(target));
    CHECK(n == 4 && memcmp(target, "file", 4) == 0, "readlinkat gives \"%.*s\"", (int)(n > 0 ? n : 0), target);
    CHECK(RAW(SYS_fchownat, d, "soft", -1, getgid(), AT_SYMLINK_NOFOLLOW) == 0, "fchownat AT_SYMLINK_NOFOLLOW");
    fstatat(d, "file", &st, 0);
    CHECK(st.st_nlink == 2, "two links after linkat (%u)", (unsigned)st.st_nlink);
    CHECK(RAW(SYS_renameat, d, "hard", d, "moved") == 0, "renameat");
    CHECK(RAW(SYS_renameat2, d, "moved", d, "file", 1) == -EEXIST, "renameat2 RENAME_NOREPLACE onto a file is EEXIST");
    CHECK(RAW(SYS_renameat2, d, "moved", d, "new", 1) == 0, "renameat2 RENAME_NOREPLACE to a new name");
    int exchange = RAW(SYS_renameat2, d, "new", d, "file", 2);
    /* Linux's ext4 swaps the two; kernlab's file systems do not support it (EINVAL, as Linux's without it). */
    CHECK(exchange == -EINVAL || exchange == 0, "renameat2 RENAME_EXCHANGE: %d", exchange);
    CHECK(RAW(SYS_faccessat2, d, "file", R_OK | W_OK, AT_EACCESS) == 0, "faccessat2 AT_EACCESS");
    CHECK(RAW(SYS_faccessat2, d, "soft", F_OK, AT_SYMLINK_NOFOLLOW) == 0, "faccessat2 AT_SYMLINK_NOFOLLOW");
    CHECK(RAW(SYS_faccessat2, d, "file", R_OK, 0x8000) == -EINVAL, "faccessat2 bad flag is EINVAL");
    struct { long long sec; long long nsec; } t64[2] = { { 1000000000, 0 }, { 1234567890, 0 } };
    CHECK(RAW(SYS_utimensat_time64, d, "file", t64, 0) == 0, "utimensat_time64");
    fstatat(d, "file", &st, 0);
    CHECK(st.st_mtime == 1234567890 && st.st_atime == 1000000000, "utimensat_time64 set mtime %ld", (long)st.st_mtime);
    struct timeval tv[2] = { { 1100000000, 0 }, { 1200000000, 500000 } };
    CHECK(RAW(SYS_futimesat, d, "file", tv) == 0, "futimesat");
    fstatat(d, "file", &st, 0);
    CHECK(st.st_mtime == 1200000000, "futimesat set mtime %ld", (long)st.st_mtime);
    char path[256];
    snprintf(path, sizeof(path), "%s/file", dir);
    tv[1].tv_sec = 1300000000;
    CHECK(RAW(SYS_utimes, path, tv) == 0, "utimes");
    stat(path, &st);
    CHECK(st.st_mtime == 1300000000, "utimes set mtime %ld", (long)st.st_mtime);
    long utb[2] = { 1400000000, 1400000001 };
    CHECK(RAW(SYS_utime, path, utb) == 0, "utime");
    stat(path, &st);
    CHECK(st.st_mtime == 1400000001, "utime set mtime %ld", (long)st.st_mtime);
    CHECK(RAW(SYS_mknodat, d, "fifo", S_IFIFO | 0600, 0) == 0, "mknodat FIFO");
    CHECK(RAW(SYS_mknodat, d, "fifo", S_IFIFO | 0600, 0) == -EEXIST, "mknodat again is EEXIST");
    CHECK(RAW(SYS_mknodat, d, "nodir/x", S_IFIFO | 0600, 0) == -ENOENT, "mknodat in a missing directory is ENOENT");
    CHECK(RAW(SYS_mknodat, d, "reg", 0, 0) == 0, "mknodat mode 0 makes a regular file");
    fstatat(d, "reg", &st, 0);
    CHECK(S_ISREG(st.st_mode), "the mode-0 node is regular (%o)", st.st_mode);
    int dev_result = RAW(SYS_mknodat, d, "null", S_IFCHR | 0666, makedev(1, 3));
    if (getuid() == 0) {
        CHECK(dev_result == 0, "mknodat a char device as root");
        fstatat(d, "null", &st, 0);
        CHECK(S_ISCHR(st.st_mode) && major(st.st_rdev) == 1 && minor(st.st_rdev) == 3, "its rdev is 1:3");
        int nfd = openat(d, "null", O_WRONLY);
        CHECK(nfd >= 0 && write(nfd, "x", 1) == 1, "the new node is /dev/null");
        close(nfd);
    } else {
        CHECK(dev_result == -EPERM, "mknodat a char device as uid %d is EPERM", (int)getuid());
    }
    struct { unsigned type, bsize, blocks, bfree, bavail, files, ffree; int fsid[2]; unsigned namelen, frsize, flags, spare[4]; } sfs;
    CHECK(RAW(SYS_statfs, dir, &sfs) == 0 && sfs.namelen == 255 && (sfs.flags & 0x20), "statfs (type %#x)", sfs.type);
    CHECK(RAW(SYS_fstatfs, d, &sfs) == 0 && sfs.namelen == 255, "fstatfs");
    static char sfs64[84];
    CHECK(RAW(SYS_fstatfs64, d, 84, sfs64) == 0, "fstatfs64");
    CHECK(RAW(SYS_fstatfs64, d, 80, sfs64) == -EINVAL, "fstatfs64 with a wrong size is EINVAL");
    close(fd);
    close(d);
    return failures != 0;
}

/* The new fd calls on a pipe, a device and a /proc file. */
static int cmd_fds(void)
{
    int p[2];
    pipe(p);
    int dev = open("/dev/null", O_RDWR);
    int proc = open("/proc/version", O_RDONLY);
    int fds[3] = { p[0], dev, proc };
    const char *names[3] = { "pipe", "/dev/null", "/proc/version" };
    static char sfs64[84];
    for (int i = 0; i < 3; i++) {
        struct statx stx;
        CHECK(RAW(SYS_statx, fds[i], "", AT_EMPTY_PATH, STATX_BASIC_STATS, &stx) == 0, "statx AT_EMPTY_PATH on %s (mode %o)",
            names[i], stx.stx_mode);
        CHECK(RAW(SYS_fstatfs64, fds[i], 84, sfs64) == 0, "fstatfs64 on %s", names[i]);
        CHECK(RAW(SYS_fstatfs, fds[i], sfs64) == 0, "fstatfs on %s", names[i]);
        char buf[64];
        CHECK(RAW(SYS_getdents64, fds[i], buf, sizeof(buf)) == -ENOTDIR, "getdents64 on %s is ENOTDIR", names[i]);
        CHECK(RAW(SYS_getdents, fds[i], buf, sizeof(buf)) == -ENOTDIR, "getdents on %s is ENOTDIR", names[i]);
        int fadv = RAW(SYS_fadvise64_64, fds[i], 0, 0, 0, 0, 0);
        CHECK(fadv == (i == 0 ? -ESPIPE : 0), "fadvise64_64 on %s: %d", names[i], fadv);
        int falloc = RAW(SYS_fallocate, fds[i], 0, 0, 0, 4096, 0);
        int want = i == 0 ? -EBADF : i == 1 ? -ENODEV : -EBADF; /* the pipe's read end and /proc are read-only */
        CHECK(falloc == want, "fallocate on %s: %d", names[i], falloc);
        struct { long long sec; long long nsec; } t64[2] = { { 0, (1 << 30) - 1 }, { 0, (1 << 30) - 1 } };
        int ut = RAW(SYS_utimensat_time64, fds[i], NULL, t64, 0);
        CHECK(ut == 0 || ut == -EACCES || ut == -EPERM, "futimens on %s: %d (no crash)", names[i], ut);
    }
    int falloc = RAW(SYS_fallocate, p[1], 0, 0, 0, 4096, 0);
    CHECK(falloc == -ESPIPE, "fallocate on a pipe's write end is ESPIPE (%d)", falloc);
    /* fchmod on a pipe has no mount behind it: must work, not oops. */
    CHECK(fchmod(p[0], 0600) == 0, "fchmod on a pipe");
    /* sendfile from /proc and from a device into the pipe, then out of the pipe to /dev/null. */
    ssize_t n = sendfile(p[1], proc, NULL, 4096);
    CHECK(n > 10, "sendfile /proc/version -> pipe: %ld", (long)n);
    int zero = open("/dev/zero", O_RDONLY);
    ssize_t z = sendfile(p[1], zero, NULL, 1000);
    CHECK(z == 1000, "sendfile /dev/zero -> pipe: %ld", (long)z);
    CHECK(sendfile(dev, p[0], NULL, 10) < 0 && errno == EINVAL, "sendfile from a pipe is EINVAL (as Linux)");
    static char drain[8192];
    ssize_t m = read(p[0], drain, sizeof(drain));
    CHECK(m == n + z && memcmp(drain + n, "\0\0\0\0", 4) == 0, "the pipe holds what sendfile put in (%ld)", (long)m);
    int tmp = open("/tmp/fstest.sendfile", O_RDWR | O_CREAT | O_TRUNC, 0600);
    lseek(proc, 0, SEEK_SET);
    CHECK(sendfile(tmp, proc, NULL, 4096) == n, "sendfile /proc/version -> a file");
    CHECK(sendfile(dev, tmp, NULL, 4096) == 0, "sendfile at the end of the input gives 0");
    off_t from = 0;
    CHECK(sendfile(dev, tmp, &from, 4096) == n && from == n, "sendfile with an offset moves the offset");
    close(tmp);
    unlink("/tmp/fstest.sendfile");
    off_t off = 0;
    CHECK(sendfile(dev, p[0], &off, 10) < 0 && errno == ESPIPE, "sendfile from a pipe with an offset is ESPIPE");
    CHECK(RAW(SYS_sendfile64, p[0], proc, NULL, 10) == -EBADF, "sendfile to a pipe's read end is EBADF");
    CHECK(RAW(SYS_sendfile64, 99, proc, NULL, 10) == -EBADF, "sendfile to a closed fd is EBADF");
    /* The 32-bit sendfile keeps its offset in a long. */
    long off32 = 4;
    lseek(proc, 0, SEEK_SET);
    long r = syscall(SYS_sendfile, dev, proc, &off32, 6);
    CHECK(r == 6 && off32 == 10 && lseek(proc, 0, SEEK_CUR) == 0, "sendfile (187) with an offset leaves the file position");
    return failures != 0;
}

static int cmd_efault(void)
{
    int fd = open("/proc/version", O_RDONLY);
    int p[2];
    pipe(p);
    CHECK(RAW(SYS_statx, AT_FDCWD, "/", 0, STATX_BASIC_STATS, bad) == -EFAULT, "statx bad buffer");
    CHECK(RAW(SYS_statx, AT_FDCWD, bad, 0, STATX_BASIC_STATS, bad) == -EFAULT, "statx bad path");
    CHECK(RAW(SYS_sendfile64, p[1], fd, bad, 10) == -EFAULT, "sendfile64 bad offset");
    CHECK(RAW(SYS_sendfile, p[1], fd, bad, 10) == -EFAULT, "sendfile bad offset");
    CHECK(RAW(SYS_pselect6, 1, bad, NULL, NULL, NULL, NULL) == -EFAULT, "pselect6 bad set");
    CHECK(RAW(SYS_pselect6, 0, NULL, NULL, NULL, bad, NULL) == -EFAULT, "pselect6 bad timeout");
    CHECK(RAW(SYS_pselect6_time64, 0, NULL, NULL, NULL, NULL, bad) == -EFAULT, "pselect6_time64 bad sigmask pack");
    CHECK(RAW(SYS_ppoll, bad, 1, NULL, NULL, 8) == -EFAULT, "ppoll bad fds");
    struct timespec ts = { 0, 0 };
    CHECK(RAW(SYS_ppoll, NULL, 0, &ts, bad, 8) == -EFAULT, "ppoll bad sigmask");
    CHECK(RAW(SYS_ppoll_time64, NULL, 0, bad, NULL, 8) == -EFAULT, "ppoll_time64 bad timeout");
    CHECK(RAW(SYS_statfs, "/", bad) == -EFAULT, "statfs bad buffer");
    CHECK(RAW(SYS_fstatfs, fd, bad) == -EFAULT, "fstatfs bad buffer");
    CHECK(RAW(SYS_fstatfs64, fd, 84, bad) == -EFAULT, "fstatfs64 bad buffer");
    int d = open("/", O_RDONLY | O_DIRECTORY);
    CHECK(RAW(SYS_getdents, d, bad, 4096) == -EFAULT, "getdents bad buffer");
    unlink("/tmp/efault_link");
    symlink("/", "/tmp/efault_link");
    CHECK(RAW(SYS_readlinkat, AT_FDCWD, "/tmp/efault_link", bad, 64) == -EFAULT, "readlinkat bad buffer");
    CHECK(RAW(SYS_utimensat_time64, AT_FDCWD, "/tmp", bad, 0) == -EFAULT, "utimensat_time64 bad times");
    CHECK(RAW(SYS_utimes, "/tmp", bad) == -EFAULT, "utimes bad times");
    CHECK(RAW(SYS_mknodat, AT_FDCWD, bad, S_IFIFO | 0600, 0) == -EFAULT, "mknodat bad path");
    CHECK(RAW(SYS_renameat2, AT_FDCWD, bad, AT_FDCWD, "/tmp/x", 0) == -EFAULT, "renameat2 bad path");
    CHECK(RAW(SYS_faccessat2, AT_FDCWD, bad, 0, 0) == -EFAULT, "faccessat2 bad path");
    return failures != 0;
}

/* FIFO open rules: O_NONBLOCK writers need a reader (ENXIO), readers do not
 * wait; a blocking reader waits for a writer. */
static int cmd_fifo(const char *path)
{
    unlink(path);
    CHECK(mkfifo(path, 0666) == 0, "mkfifo %s", path);
    CHECK(open(path, O_WRONLY | O_NONBLOCK) < 0 && errno == ENXIO, "O_NONBLOCK writer without a reader is ENXIO");
    int r = open(path, O_RDONLY | O_NONBLOCK);
    CHECK(r >= 0, "O_NONBLOCK reader opens at once");
    char buf[32];
    CHECK(read(r, buf, sizeof(buf)) == 0, "read with no writer is EOF");
    int w = open(path, O_WRONLY | O_NONBLOCK);
    CHECK(w >= 0, "O_NONBLOCK writer with a reader opens");
    CHECK(read(r, buf, sizeof(buf)) < 0 && errno == EAGAIN, "read of an empty FIFO with a writer is EAGAIN");
    CHECK(write(w, "fifo!", 5) == 5 && read(r, buf, sizeof(buf)) == 5 && memcmp(buf, "fifo!", 5) == 0, "data passes");
    close(w);
    close(r);
    pid_t child = fork();
    if (child == 0) {
        usleep(300000);
        int cw = open(path, O_WRONLY);
        write(cw, "late", 4);
        _exit(0);
    }
    long start = ms_now();
    r = open(path, O_RDONLY);
    long waited = ms_now() - start;
    CHECK(r >= 0 && waited >= 250, "a blocking reader waited %ld ms for the writer", waited);
    CHECK(read(r, buf, sizeof(buf)) == 4 && memcmp(buf, "late", 4) == 0, "and read its data");
    CHECK(read(r, buf, sizeof(buf)) == 0, "EOF after the writer exits");
    close(r);
    int status;
    waitpid(child, &status, 0);
    struct stat st;
    CHECK(stat(path, &st) == 0 && S_ISFIFO(st.st_mode) && st.st_size == 0, "still a FIFO of size 0");
    unlink(path);
    return failures != 0;
}

/* Reading a sparse file must cost no more than reading /dev/zero. */
static int cmd_readspeed(const char *path, const char *mib_arg)
{
    long mib = atol(mib_arg);
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || ftruncate(fd, (off_t)mib << 20) < 0) {
        printf("readspeed: %s: %s\n", path, strerror(errno));
        return 1;
    }
    static char buffer[65536];
    long start = ms_now();
    long long total = 0;
    ssize_t n;
    while ((n = read(fd, buffer, sizeof(buffer))) > 0)
        total += n;
    long sparse_ms = ms_now() - start;
    int zero = open("/dev/zero", O_RDONLY);
    start = ms_now();
    for (long long left = total; left > 0; left -= sizeof(buffer))
        read(zero, buffer, sizeof(buffer));
    long zero_ms = ms_now() - start;
    printf("read %lld bytes of hole in %ld ms, /dev/zero in %ld ms\n", total, sparse_ms, zero_ms);
    CHECK(total == (long long)mib << 20, "read the whole sparse file");
    CHECK(sparse_ms <= zero_ms * 3 / 2 + 100, "the hole reads no slower than /dev/zero");
    struct stat st;
    fstat(fd, &st);
    CHECK(st.st_blocks == 0, "a file made by ftruncate has no blocks (%lld)", (long long)st.st_blocks);
    close(fd);
    unlink(path);
    return failures != 0;
}

/* O_DIRECT on a block device: the data goes to the disk and back around the
 * buffer cache, which never shows older data than the disk; what is not whole
 * 512-byte sectors (length, offset, buffer) is EINVAL, a bad buffer EFAULT. */
static int cmd_direct(const char *device)
{
    enum { BYTES = 65536 };
    static char one[BYTES] __attribute__((aligned(4096))), two[BYTES] __attribute__((aligned(4096)));
    int direct = open(device, O_RDWR | O_DIRECT), buffered = open(device, O_RDWR);
    if (direct < 0 || buffered < 0) {
        printf("direct: %s: %s\n", device, strerror(errno));
        return 1;
    }
    for (int i = 0; i < BYTES; i++)
        one[i] = (char)(i * 7 + 1);
    CHECK(pwrite(direct, one, BYTES, 0) == BYTES, "a direct write of 64 KiB");
    CHECK(pread(buffered, two, BYTES, 0) == BYTES && !memcmp(one, two, BYTES), "a buffered read sees it");
    for (int i = 0; i < BYTES; i++)
        one[i] = (char)(i * 13 + 5);
    CHECK(pwrite(buffered, one, BYTES, 0) == BYTES, "a buffered write over it");
    memset(two, 0, BYTES);
    CHECK(pread(direct, two, BYTES, 0) == BYTES && !memcmp(one, two, BYTES), "a direct read sees that");
    CHECK(RAW(SYS_pread64, direct, two, 1000, 0, 0) == -EINVAL, "a length of 1000 is EINVAL");
    CHECK(RAW(SYS_pread64, direct, two, 4096, 100, 0) == -EINVAL, "an offset of 100 is EINVAL");
    CHECK(RAW(SYS_pread64, direct, two + 1, 4096, 0, 0) == -EINVAL, "an odd buffer address is EINVAL");
    CHECK(RAW(SYS_pread64, direct, bad, 4096, 0, 0) == -EFAULT, "a kernel buffer address is EFAULT");
    CHECK(RAW(SYS_pwrite64, direct, bad, 4096, 0, 0) == -EFAULT, "so is one to write from");
    close(direct);
    close(buffered);
    return failures != 0;
}

/* The bytes of directfile's data regions: the host checks the file by it. */
static char file_byte(long at) { return (char)(at * 31 + 3); }

static void fill(char *to, long at, long bytes)
{
    for (long i = 0; i < bytes; i++)
        to[i] = file_byte(at + i);
}

static int same_as_file(const char *got, long at, long bytes)
{
    for (long i = 0; i < bytes; i++)
        if (got[i] != file_byte(at + i))
            return 0;
    return 1;
}

static int all_of(const char *got, long bytes, char value)
{
    for (long i = 0; i < bytes; i++)
        if (got[i] != value)
            return 0;
    return 1;
}

/* O_DIRECT on a file of a file system: writes to new blocks, over mapped ones,
 * over a part of a block, into a hole inside the file; reads agree with the
 * cache both ways, the tail past the last whole sector is read too, and a
 * failed write leaves neither size nor blocks behind. The file it leaves:
 * file_byte() at [0, 64K), [128K, 132K), [256K, 256K + 700), [1M, 2M), zeros
 * elsewhere, 2 MiB long. */
static int cmd_directfile(const char *path)
{
    enum { K = 1024, BYTES = 64 * K, BIG = 1024 * K };
    static char one[BIG] __attribute__((aligned(4096))), two[BIG] __attribute__((aligned(4096)));
    int direct = open(path, O_RDWR | O_CREAT | O_TRUNC | O_DIRECT, 0644), buffered = open(path, O_RDWR);
    if (direct < 0 || buffered < 0) {
        printf("directfile: %s: %s\n", path, strerror(errno));
        return 1;
    }
    fill(one, 0, BYTES);
    CHECK(pwrite(direct, one, BYTES, 0) == BYTES, "a direct write of 64 KiB to a new file");
    CHECK(pread(buffered, two, BYTES, 0) == BYTES && same_as_file(two, 0, BYTES), "a buffered read sees it");
    memset(one, 0x55, BYTES);
    CHECK(pwrite(buffered, one, BYTES, 0) == BYTES, "a buffered write over it");
    memset(two, 0, BYTES);
    CHECK(pread(direct, two, BYTES, 0) == BYTES && all_of(two, BYTES, 0x55),
        "a direct read sees that before it is on the disk");
    fill(one, 0, BYTES);
    CHECK(pwrite(direct, one, BYTES, 0) == BYTES, "a direct write over mapped blocks");
    CHECK(pread(buffered, two, BYTES, 0) == BYTES && same_as_file(two, 0, BYTES), "the cache does not show the old data");
    memset(one, 0x66, 512);
    CHECK(pwrite(buffered, one, 512, 1536) == 512, "a buffered write of 512 bytes at 1536");
    fill(one, 1536, 512);
    CHECK(pwrite(direct, one, 512, 1536) == 512, "a direct write of half a 1 KiB block over it");
    CHECK(pread(buffered, two, BYTES, 0) == BYTES && same_as_file(two, 0, BYTES), "the block around it is whole");
    CHECK(ftruncate(direct, 256 * K) == 0, "ftruncate to 256 KiB: holes after 64 KiB");
    fill(one, 128 * K, 4 * K);
    CHECK(pwrite(direct, one, 4 * K, 128 * K) == 4 * K, "a direct write into a hole inside the file");
    memset(two, 1, 128 * K);
    CHECK(pread(direct, two, 128 * K, 64 * K) == 128 * K && all_of(two, 64 * K, 0) && same_as_file(two + 64 * K, 128 * K, 4 * K)
            && all_of(two + 68 * K, 60 * K, 0),
        "a direct read of holes and data");
    fill(one, 256 * K, 700);
    CHECK(pwrite(buffered, one, 700, 256 * K) == 700, "a buffered write of 700 bytes at the end");
    memset(two, 1, 4096);
    CHECK(pread(direct, two, 4096, 256 * K) == 700 && same_as_file(two, 256 * K, 700), "a direct read of 4 KiB there gives those 700");
    fill(one, BIG, BIG);
    CHECK(pwrite(direct, one, BIG, BIG) == BIG, "a direct write of 1 MiB past the end");
    CHECK(pread(direct, two, BIG, BIG) == BIG && same_as_file(two, BIG, BIG), "a direct read of it");
    CHECK(RAW(SYS_pread64, direct, two, 1000, 0, 0) == -EINVAL, "a length of 1000 is EINVAL");
    CHECK(RAW(SYS_pwrite64, direct, two, 4096, 100, 0) == -EINVAL, "an offset of 100 is EINVAL");
    CHECK(RAW(SYS_pread64, direct, two + 1, 4096, 0, 0) == -EINVAL, "an odd buffer address is EINVAL");
    struct stat before, after;
    fstat(direct, &before);
    CHECK(RAW(SYS_pwrite64, direct, bad, 64 * K, 4 * BIG, 0) == -EFAULT, "a write past the end from a bad buffer is EFAULT");
    fstat(direct, &after);
    CHECK(after.st_size == 2 * BIG && after.st_blocks == before.st_blocks, "and leaves the size and the blocks (%lld, %lld blocks, were %lld)",
        (long long)after.st_size, (long long)after.st_blocks, (long long)before.st_blocks);
    close(direct);
    close(buffered);
    return failures != 0;
}

/* Buffered reads of a file at odd offsets and lengths, across many blocks,
 * and into a buffer whose end is not mapped: the bytes up to the hole come
 * back, then EFAULT (as on Linux). Then its blocks go to another file and it
 * gets new ones: reads follow the new map. */
static int cmd_partialread(const char *path)
{
    enum { K = 1024, BYTES = 64 * K };
    static char one[BYTES], two[BYTES];
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        printf("partialread: %s: %s\n", path, strerror(errno));
        return 1;
    }
    fill(one, 0, BYTES);
    CHECK(pwrite(fd, one, BYTES, 0) == BYTES, "a write of 64 KiB");
    CHECK(pread(fd, two, BYTES, 0) == BYTES && same_as_file(two, 0, BYTES), "a read of all of it");
    memset(two, 0, BYTES);
    CHECK(pread(fd, two, 40000, 1000) == 40000 && same_as_file(two, 1000, 40000), "40000 bytes at 1000");
    CHECK(pread(fd, two, 10, BYTES - 3) == 3 && same_as_file(two, BYTES - 3, 3), "10 bytes at 3 before the end give 3");
    char *pages = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (pages == MAP_FAILED) {
        printf("partialread: mmap: %s\n", strerror(errno));
        return 1;
    }
    munmap(pages + 4096, 4096);
    char *tail = pages + 4096 - 1500;
    long got = pread(fd, tail, 5000, 3000);
    CHECK(got == 1500 && same_as_file(tail, 3000, 1500), "5000 bytes into 1500 mapped ones give 1500 (%ld)", got);
    CHECK(RAW(SYS_pread64, fd, pages + 4096, 100, 0, 0) == -EFAULT, "a read into the hole is EFAULT");
    CHECK(RAW(SYS_pread64, fd, bad, 100, 0, 0) == -EFAULT, "a read into the kernel is EFAULT");
    munmap(pages, 4096);
    /* Its blocks freed and taken by another file, the file's new blocks are
     * elsewhere: a read must not find the old ones. */
    char other[256];
    snprintf(other, sizeof other, "%s.other", path);
    int taker = open(other, O_RDWR | O_CREAT | O_TRUNC, 0644);
    memset(two, 0x77, BYTES);
    CHECK(ftruncate(fd, 0) == 0 && pwrite(taker, two, BYTES, 0) == BYTES && pwrite(fd, one, BYTES, 0) == BYTES,
        "truncated, its blocks written by another file, written again");
    memset(two, 0, BYTES);
    CHECK(pread(fd, two, BYTES, 0) == BYTES && same_as_file(two, 0, BYTES), "a read gives the new data");
    close(taker);
    unlink(other);
    close(fd);
    return failures != 0;
}

static int cmd_getdents(const char *dir)
{
    int d = open(dir, O_RDONLY | O_DIRECTORY);
    if (d < 0) {
        printf("getdents: %s: %s\n", dir, strerror(errno));
        return 1;
    }
    char buf[512];
    long n;
    while ((n = syscall(SYS_getdents, d, buf, sizeof(buf))) > 0) {
        for (long pos = 0; pos < n;) {
            unsigned long ino = *(unsigned long *)(buf + pos);
            unsigned short reclen = *(unsigned short *)(buf + pos + 8);
            printf("%s type=%d ino=%lu\n", buf + pos + 10, buf[pos + reclen - 1], ino);
            pos += reclen;
        }
    }
    return n < 0;
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    const char *cmd = argc > 1 ? argv[1] : "";
    if (!strcmp(cmd, "mkfifo") && argc == 3)
        return cmd_mkfifo(argv[2]);
    if (!strcmp(cmd, "mknod") && argc == 6)
        return cmd_mknod(argv[2], argv[3], argv[4], argv[5]);
    if (!strcmp(cmd, "statx") && argc == 3)
        return cmd_statx(argv[2]);
    if (!strcmp(cmd, "sendfile") && (argc == 4 || argc == 5))
        return cmd_sendfile(argv[2], argv[3], argc == 5 ? argv[4] : NULL);
    if (!strcmp(cmd, "sleep") && argc == 3)
        return cmd_sleep(argv[2]);
    if (!strcmp(cmd, "sigmask"))
        return cmd_sigmask();
    if (!strcmp(cmd, "hole") && argc == 3)
        return cmd_hole(argv[2]);
    if (!strcmp(cmd, "at") && argc == 3)
        return cmd_at(argv[2]);
    if (!strcmp(cmd, "fds"))
        return cmd_fds();
    if (!strcmp(cmd, "efault"))
        return cmd_efault();
    if (!strcmp(cmd, "fifo") && argc == 3)
        return cmd_fifo(argv[2]);
    if (!strcmp(cmd, "readspeed") && argc == 4)
        return cmd_readspeed(argv[2], argv[3]);
    if (!strcmp(cmd, "direct") && argc == 3)
        return cmd_direct(argv[2]);
    if (!strcmp(cmd, "directfile") && argc == 3)
        return cmd_directfile(argv[2]);
    if (!strcmp(cmd, "partialread") && argc == 3)
        return cmd_partialread(argv[2]);
    if (!strcmp(cmd, "getdents") && argc == 3)
        return cmd_getdents(argv[2]);
    fprintf(stderr, "usage: fstest mkfifo|mknod|statx|sendfile|sleep|sigmask|hole|at|fds|efault|getdents ...\n");
    return 2;
}
