/* limits_test - what resource limits do, one check per argument:
 *   nofile           opens /dev/null until it fails (EMFILE at RLIMIT_NOFILE), dup2 past the limit (EBADF)
 *   forkbomb         forks sleeping children until fork fails; prints the count and errno, then reaps them
 *   forkbomb-as UID N: the same as user UID with RLIMIT_NPROC N (root is exempt from it)
 *   malloc MIB       malloc (mmap for big blocks) of MIB MiB; prints ok or the errno
 *   brk MIB          grows the heap with sbrk by MIB MiB
 *   stack KIB        recursion using KIB KiB of stack (the stack area grows on faults)
 *   cowbomb N MIB    N children each write their copy-on-write copy of a MIB MiB heap; the parent
 *                    (oom_score_adj -1000) counts the ones the OOM killer ended */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static int nofile(void)
{
    struct rlimit rl;
    getrlimit(RLIMIT_NOFILE, &rl);
    int opened = 0, fd, last = -1;
    while ((fd = open("/dev/null", O_RDONLY)) >= 0) {
        opened++;
        last = fd;
    }
    printf("nofile: limit %lu, opened %d more, highest fd %d, then %s\n", (unsigned long)rl.rlim_cur, opened, last,
        strerror(errno));
    int fds[2];
    if (pipe(fds) < 0)
        printf("nofile: pipe: %s\n", strerror(errno));
    if (dup(0) < 0)
        printf("nofile: dup: %s\n", strerror(errno));
    if (dup2(0, (int)rl.rlim_cur) < 0)
        printf("nofile: dup2 to %lu: %s\n", (unsigned long)rl.rlim_cur, strerror(errno));
    if (fcntl(0, F_DUPFD, (int)rl.rlim_cur) < 0)
        printf("nofile: F_DUPFD %lu: %s\n", (unsigned long)rl.rlim_cur, strerror(errno));
    close(last);
    fd = open("/dev/null", O_RDONLY);
    printf("nofile: after a close, open gives fd %d\n", fd);
    return 0;
}

static int forkbomb(void)
{
    static pid_t children[4096];
    int n = 0;
    for (; n < 4096; n++) {
        pid_t pid = fork();
        if (pid < 0)
            break;
        if (pid == 0) {
            pause();   /* until the parent's SIGKILL */
            _exit(0);
        }
        children[n] = pid;
    }
    int error = errno;
    printf("forkbomb: %d children, then fork: %s\n", n, n < 4096 ? strerror(error) : "no failure");
    for (int i = 0; i < n; i++)
        kill(children[i], SIGKILL);
    int reaped = 0;
    while (wait(NULL) > 0)
        reaped++;
    printf("forkbomb: reaped %d\n", reaped);
    return 0;
}

static int forkbomb_as(uid_t uid, unsigned long nproc)
{
    struct rlimit rl = { nproc, nproc };
    if (setrlimit(RLIMIT_NPROC, &rl) < 0 || setuid(uid) < 0) {
        printf("forkbomb-as: setrlimit/setuid: %s\n", strerror(errno));
        return 1;
    }
    return forkbomb();
}

static int big_malloc(long mib)
{
    void *p = malloc((size_t)mib << 20);
    if (!p) {
        printf("malloc %ld MiB: %s\n", mib, strerror(errno));
        return 1;
    }
    memset(p, 1, (size_t)mib << 20);
    printf("malloc %ld MiB: ok\n", mib);
    return 0;
}

static int grow_brk(long mib)
{
    void *p = sbrk((intptr_t)mib << 20);
    if (p == (void *)-1) {
        printf("brk +%ld MiB: %s\n", mib, strerror(errno));
        return 1;
    }
    printf("brk +%ld MiB: ok\n", mib);
    return 0;
}

static int recurse(int kib)
{
    volatile char frame[1024];
    frame[0] = (char)kib;
    if (kib <= 1)
        return frame[0];
    return recurse(kib - 1) + frame[0];
}

static int cowbomb(int n, long mib)
{
    size_t size = (size_t)mib << 20;
    char *heap = malloc(size);
    if (!heap)
        return 1;
    memset(heap, 1, size);
    int fd = open("/proc/self/oom_score_adj", O_WRONLY);
    if (fd < 0 || write(fd, "-1000", 5) != 5)
        printf("cowbomb: oom_score_adj: %s\n", strerror(errno));
    close(fd);
    int started = 0;
    for (int i = 0; i < n; i++) {
        pid_t pid = fork();
        if (pid < 0)
            break;
        if (pid == 0) {
            fd = open("/proc/self/oom_score_adj", O_WRONLY);
            if (fd >= 0)
                write(fd, "0", 1);   /* children are fair game */
            for (size_t at = 0; at < size; at += 4096)
                heap[at] = 2;   /* copy-on-write fault */
            sleep(3);
            _exit(0);
        }
        started++;
    }
    int killed = 0, finished = 0, other = 0, status;
    while (wait(&status) > 0) {
        if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
            killed++;
        else if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
            finished++;
        else
            other++;
    }
    printf("cowbomb: %d children killed by SIGKILL, %d finished, %d other (of %d)\n", killed, finished, other, started);
    return 0;
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    if (argc >= 2 && !strcmp(argv[1], "nofile"))
        return nofile();
    if (argc >= 2 && !strcmp(argv[1], "forkbomb"))
        return forkbomb();
    if (argc >= 4 && !strcmp(argv[1], "forkbomb-as"))
        return forkbomb_as((uid_t)atoi(argv[2]), strtoul(argv[3], NULL, 0));
    if (argc >= 3 && !strcmp(argv[1], "malloc"))
        return big_malloc(atol(argv[2]));
    if (argc >= 3 && !strcmp(argv[1], "brk"))
        return grow_brk(atol(argv[2]));
    if (argc >= 4 && !strcmp(argv[1], "cowbomb"))
        return cowbomb(atoi(argv[2]), atol(argv[3]));
    if (argc >= 3 && !strcmp(argv[1], "stack")) {
        recurse(atoi(argv[2]));
        printf("stack %s KiB: ok\n", argv[2]);
        return 0;
    }
    fprintf(stderr, "usage: limits_test nofile|forkbomb|forkbomb-as UID N|malloc MIB|brk MIB|stack KIB|cowbomb N MIB\n");
    return 2;
}
