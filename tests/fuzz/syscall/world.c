/* What a batch's child starts with, the same every time for the same batch:
 * a scratch folder (the only files the calls may change), hostile memory at
 * fixed addresses, a pool of fds of every sort, and signals set up so that a
 * blocking call ends within 20 ms. */
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "sysfuzz.h"

struct world W;

static void remove_tree(const char *path, int depth)
{
    struct stat st;
    if (lstat(path, &st) < 0)
        return;
    if (!S_ISDIR(st.st_mode)) {
        unlink(path);
        return;
    }
    chmod(path, 0700);   /* a call may have taken our own permissions away */
    DIR *dir = depth < 8 ? opendir(path) : NULL;
    if (dir) {
        struct dirent *entry;
        char child[512];
        while ((entry = readdir(dir))) {
            if (!strcmp(entry->d_name, ".") || !strcmp(entry->d_name, ".."))
                continue;
            if (snprintf(child, sizeof child, "%s/%s", path, entry->d_name) < (int)sizeof child)
                remove_tree(child, depth + 1);
        }
        closedir(dir);
    }
    rmdir(path);
}

static void write_file(const char *name, const char *text, unsigned repeat, mode_t mode)
{
    char path[96];
    snprintf(path, sizeof path, "%s/%s", W.scratch, name);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
    if (fd < 0)
        return;
    for (unsigned i = 0; i < repeat; ++i)
        write(fd, text, strlen(text));
    close(fd);
    chmod(path, mode);
}

void world_reset_scratch(void)
{
    static const char *const mount_points[] = { "", "/d0", "/d1", "/d0/d2" };
    char path[96];
    /* Mounts a call made in the scratch folder (root only), newest first. */
    for (int round = 0; round < 3 && W.uid == 0; ++round) {
        for (unsigned i = 0; i < sizeof mount_points / sizeof mount_points[0]; ++i) {
            snprintf(path, sizeof path, "%s%s", W.scratch, mount_points[i]);
            umount2(path, MNT_DETACH);
        }
    }
    remove_tree(W.scratch, 0);
    mkdir(W.scratch, 0777);
    chmod(W.scratch, 0777);
    write_file("f0", "0123456789abcdef", 2 * PAGE / 16, 0755);       /* two pages */
    write_file("f1", "", 0, 0644);
    snprintf(path, sizeof path, "%s/s0", W.scratch);
    write_file("s0", "#!", 1, 0755);                                /* a script that is its own interpreter */
    int fd = open(path, O_WRONLY | O_APPEND);
    if (fd >= 0) {
        write(fd, path, strlen(path));
        write(fd, "\n", 1);
        close(fd);
    }
    write_file("e0", "\177ELF\1\1\1\0\0\0\0\0\0\0\0\0\2\0\3\0", 1, 0755);   /* an ELF header that stops short */
    snprintf(path, sizeof path, "%s/d0", W.scratch);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/d1", W.scratch);
    mkdir(path, 0700);
    write_file("d0/f2", "f2\n", 1, 0600);
    snprintf(path, sizeof path, "%s/l0", W.scratch);
    symlink("f0", path);
    snprintf(path, sizeof path, "%s/l1", W.scratch);
    symlink("l1", path);                                            /* a loop */
    snprintf(path, sizeof path, "%s/p0", W.scratch);
    mknod(path, S_IFIFO | 0666, 0);
}

void world_add_fd(long fd)
{
    if (fd < 0 || fd == LOG_FD)
        return;
    if (W.nfds < MAX_FDS)
        W.fds[W.nfds++] = fd;
    else
        W.fds[rnd_below(MAX_FDS)] = fd;
}

unsigned long long world_file_id(int fd)
{
    struct stat st;
    if (fstat(fd, &st) < 0)
        return 0;
    return (unsigned long long)st.st_dev << 32 ^ st.st_ino;
}

static int open_into(const char *path, int flags, int *list, int *count, int max)
{
    int fd = open(path, flags, 0644);
    if (fd < 0 || fd == LOG_FD)
        return -1;
    world_add_fd(fd);
    if (list && *count < max)
        list[(*count)++] = fd;
    return fd;
}

static void setup_fds(void)
{
    char path[96];
    /* stdin, stdout and stderr: /dev/null, so no call reaches the console's tty. */
    int null = open("/dev/null", O_RDWR);
    for (int fd = 0; fd < 3; ++fd)
        if (null != fd)
            dup2(null, fd);
    if (null > 2)
        close(null);
    W.nfds = W.nscratch_fds = W.ndir_fds = 0;

    int p[2];
    if (pipe(p) == 0) {
        write(p[1], "pipe data\n", 10);
        world_add_fd(p[0]);
        world_add_fd(p[1]);
        W.scratch_fds[W.nscratch_fds++] = p[0];
        W.scratch_fds[W.nscratch_fds++] = p[1];
    }
    if (pipe2(p, O_NONBLOCK) == 0) {
        world_add_fd(p[0]);
        world_add_fd(p[1]);
        W.scratch_fds[W.nscratch_fds++] = p[1];
    }
    static const char *const devices[] = { "/dev/null", "/dev/zero", "/dev/full", "/dev/urandom" };
    for (unsigned i = 0; i < sizeof devices / sizeof devices[0]; ++i)
        open_into(devices[i], O_RDWR, NULL, NULL, 0);
    open_into("/dev/tty1", O_RDWR | O_NONBLOCK | O_NOCTTY, NULL, NULL, 0);   /* a VT, not the serial console */
    open_into("/dev/tty", O_RDWR | O_NONBLOCK, NULL, NULL, 0);               /* none after setsid: fails */
    open_into("/dev/kmsg", O_RDONLY | O_NONBLOCK, NULL, NULL, 0);
    static const char *const readable[] = { "/proc/self/maps", "/proc/self/status", "/proc/meminfo",
                                            "/proc/kallsyms", "/proc/self/stat", "/proc/modules",
                                            "/bin/busybox", "/etc/passwd" };
    for (unsigned i = 0; i < sizeof readable / sizeof readable[0]; ++i)
        open_into(readable[i], O_RDONLY, NULL, NULL, 0);

    W.scratch_dir_fd = open_into(W.scratch, O_RDONLY | O_DIRECTORY, W.dir_fds, &W.ndir_fds, 8);
    W.scratch_fds[W.nscratch_fds++] = W.scratch_dir_fd;
    static const char *const dirs[] = { "/", "/proc", "/dev", "/sys/module" };
    for (unsigned i = 0; i < sizeof dirs / sizeof dirs[0]; ++i)
        open_into(dirs[i], O_RDONLY | O_DIRECTORY, W.dir_fds, &W.ndir_fds, 8);
    snprintf(path, sizeof path, "%s/d0", W.scratch);
    open_into(path, O_RDONLY | O_DIRECTORY, W.dir_fds, &W.ndir_fds, 8);
    open_into(path, O_PATH, W.scratch_fds, &W.nscratch_fds, 16);
    snprintf(path, sizeof path, "%s/f0", W.scratch);
    open_into(path, O_RDWR, W.scratch_fds, &W.nscratch_fds, 16);
    open_into(path, O_PATH, W.scratch_fds, &W.nscratch_fds, 16);
    snprintf(path, sizeof path, "%s/f1", W.scratch);
    open_into(path, O_WRONLY | O_APPEND, W.scratch_fds, &W.nscratch_fds, 16);

    W.closed_fd = open("/dev/null", O_RDONLY);   /* a number that was an fd a moment ago */
    close(W.closed_fd);
    for (int i = 0; i < W.nscratch_fds; ++i)
        W.scratch_ids[i] = world_file_id(W.scratch_fds[i]);
    W.scratch_dir_id = world_file_id(W.scratch_dir_fd);
}

static void setup_memory(void)
{
    const int anon = MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED;
    mmap(ARENA, ARENA_PAGES * PAGE, PROT_READ | PROT_WRITE, anon, -1, 0);
    uint32_t *words = (uint32_t *)ARENA;
    for (unsigned i = 0; i < ARENA_PAGES * PAGE / 4; ++i)
        words[i] = rnd();
    mmap(GUARD, PAGE, PROT_NONE, anon, -1, 0);
    mmap(RO_PAGE, PAGE, PROT_READ | PROT_WRITE, anon, -1, 0);
    memset(RO_PAGE, 'r', PAGE);                     /* no NUL: a string here runs into the hole */
    mprotect(RO_PAGE, PAGE, PROT_READ);
    munmap(HOLE, PAGE);
    mmap(STR_PAGE, PAGE, PROT_READ | PROT_WRITE, anon, -1, 0);
    memset(STR_PAGE, 'a', PAGE);                    /* no NUL either: runs into STR_GUARD */
    mmap(STR_GUARD, PAGE, PROT_NONE, anon, -1, 0);

    /* Pages the memory calls may take: anonymous, then the scratch file f0
     * shared (two pages of file under four of mapping: the rest is past EOF). */
    mmap(VICTIM, (VICTIM_PAGES - 4) * PAGE, PROT_READ | PROT_WRITE, anon, -1, 0);
    char path[96];
    snprintf(path, sizeof path, "%s/f0", W.scratch);
    int fd = open(path, O_RDWR);
    if (fd >= 0) {
        mmap(VICTIM + (VICTIM_PAGES - 4) * PAGE, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, fd, 0);
        close(fd);
    }
}

static void nothing(int sig)
{
    (void)sig;
}

/* An interval timer whose SIGALRM (a handler, no SA_RESTART) ends any call
 * that blocks. A call that changes it is followed by this again. */
void world_guard_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = nothing;
    sigaction(SIGALRM, &sa, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGALRM);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    struct itimerval timer = { { 0, 20000 }, { 0, 20000 } };
    setitimer(ITIMER_REAL, &timer, NULL);
}

static void setup_signals(void)
{
    static const int ignored[] = { SIGPIPE, SIGXFSZ, SIGTTIN, SIGTTOU, SIGTSTP, SIGHUP, SIGINT,
                                   SIGQUIT, SIGTERM, SIGVTALRM, SIGPROF, SIGIO, SIGPWR, SIGSTKFLT };
    static const int handled[] = { SIGUSR1, SIGUSR2, SIGWINCH, SIGURG, 34, 40, 64 };
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    /* The parent ignores every signal; ours stay ignored but the faults. */
    static const int faults[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGSYS, SIGABRT };
    for (unsigned i = 0; i < sizeof faults / sizeof faults[0]; ++i)
        sigaction(faults[i], &sa, NULL);
    sa.sa_handler = SIG_IGN;
    for (unsigned i = 0; i < sizeof ignored / sizeof ignored[0]; ++i)
        sigaction(ignored[i], &sa, NULL);
    sa.sa_handler = nothing;
    for (unsigned i = 0; i < sizeof handled / sizeof handled[0]; ++i)
        sigaction(handled[i], &sa, NULL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    world_guard_signals();
}

void world_setup(void)
{
    W.uid = getuid();
    snprintf(W.scratch, sizeof W.scratch, "/tmp/sysfuzz-%u", (unsigned)W.uid);
    setsid();            /* our own session and group: kill(0) and the tty calls stay ours */
    W.pid = getpid();
    W.pgrp = getpgrp();
    W.last_child = 0;
    world_reset_scratch();
    if (chdir(W.scratch) < 0)
        chdir("/tmp");
    setup_fds();
    setup_memory();
    setup_signals();
}
