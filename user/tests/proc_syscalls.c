/* proc_syscalls - prctl, sched_getaffinity and the time64 clock calls behave as on
 * Linux i386 (raw system calls, so the kernel's own return values are checked). */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

struct ts64 {
    int64_t tv_sec;
    int64_t tv_nsec;
};

static int passed, failed;

static void check(const char *what, int ok)
{
    printf("proc_syscalls: %-44s %s\n", what, ok ? "ok" : "FAILED");
    if (ok)
        passed++;
    else
        failed++;
}

static int64_t ns_of(const struct ts64 *t) { return t->tv_sec * 1000000000LL + t->tv_nsec; }

int main(void)
{
    char name[16] = { 0 };
    check("prctl(PR_SET_NAME)", syscall(SYS_prctl, 15, "renamed-by-prctl-long", 0, 0, 0) == 0);
    check("prctl(PR_GET_NAME) cut to 15 bytes",
        syscall(SYS_prctl, 16, name, 0, 0, 0) == 0 && strcmp(name, "renamed-by-prct") == 0);
    check("prctl(PR_GET_DUMPABLE) is 1", syscall(SYS_prctl, 3, 0, 0, 0, 0) == 1);
    check("prctl(PR_SET_DUMPABLE, 0)", syscall(SYS_prctl, 4, 0, 0, 0, 0) == 0 && syscall(SYS_prctl, 3, 0, 0, 0, 0) == 0);
    syscall(SYS_prctl, 4, 1, 0, 0, 0);
    errno = 0;
    check("prctl(unknown) EINVAL", syscall(SYS_prctl, 0x7777, 0, 0, 0, 0) == -1 && errno == EINVAL);
    errno = 0;
    check("prctl(PR_GET_NAME, bad pointer) EFAULT", syscall(SYS_prctl, 16, (void *)0xC0000000UL, 0, 0, 0) == -1 && errno == EFAULT);

    unsigned long mask[4] = { 0xdead, 0xdead, 0xdead, 0xdead };
    long size = syscall(SYS_sched_getaffinity, 0, sizeof mask, mask);
    check("sched_getaffinity returns the mask size 4", size == 4);
    check("sched_getaffinity: CPU 0 only", mask[0] == 1 && mask[1] == 0xdead);
    errno = 0;
    check("sched_getaffinity(len 2) EINVAL", syscall(SYS_sched_getaffinity, 0, 2, mask) == -1 && errno == EINVAL);
    unsigned long cpu1 = 2;
    errno = 0;
    check("sched_setaffinity(CPU 1 only) EINVAL", syscall(SYS_sched_setaffinity, 0, sizeof cpu1, &cpu1) == -1 && errno == EINVAL);
    check("sched_getscheduler is SCHED_OTHER", syscall(SYS_sched_getscheduler, 0) == 0);
    check("sched_get_priority_max(SCHED_FIFO) 99", syscall(SYS_sched_get_priority_max, 1) == 99);
    errno = 0;
    check("rseq ENOSYS", syscall(SYS_rseq, 0, 0, 0, 0) == -1 && errno == ENOSYS);

    struct ts64 a, b, res;
    check("clock_gettime64(CLOCK_MONOTONIC)", syscall(SYS_clock_gettime64, 1, &a) == 0);
    check("clock_nanosleep_time64 20 ms", syscall(SYS_clock_nanosleep_time64, 1, 0, &(struct ts64){ 0, 20000000 }, 0) == 0);
    syscall(SYS_clock_gettime64, 1, &b);
    check("monotonic advanced by >= 20 ms", ns_of(&b) - ns_of(&a) >= 20000000 && b.tv_nsec < 1000000000);
    struct ts64 absolute = { b.tv_sec, b.tv_nsec + 10000000 };
    if (absolute.tv_nsec >= 1000000000) {
        absolute.tv_sec++;
        absolute.tv_nsec -= 1000000000;
    }
    check("clock_nanosleep_time64 TIMER_ABSTIME", syscall(SYS_clock_nanosleep_time64, 1, 1, &absolute, 0) == 0);
    syscall(SYS_clock_gettime64, 1, &a);
    check("... woke after the deadline", ns_of(&a) >= ns_of(&absolute));
    check("clock_getres_time64(CLOCK_REALTIME) 1 ns", syscall(SYS_clock_getres_time64, 0, &res) == 0 && res.tv_sec == 0 && res.tv_nsec == 1);
    errno = 0;
    check("clock_gettime64(bad clock) EINVAL", syscall(SYS_clock_gettime64, 99, &a) == -1 && errno == EINVAL);

    /* Root sets the clock; it then reads back the new time. */
    struct ts64 now, set = { 2000000000, 0 }, back;
    syscall(SYS_clock_gettime64, 0, &now);
    check("clock_settime64 as root", syscall(SYS_clock_settime64, 0, &set) == 0);
    syscall(SYS_clock_gettime64, 0, &back);
    check("... CLOCK_REALTIME follows", back.tv_sec >= 2000000000 && back.tv_sec < 2000000005);
    syscall(SYS_clock_settime64, 0, &now);
    pid_t child = fork();
    if (child == 0) {
        syscall(SYS_setuid32, 1000);
        errno = 0;
        long r = syscall(SYS_clock_settime64, 0, &now);
        _exit(r == -1 && errno == EPERM ? 0 : 1);
    }
    int status = -1;
    waitpid(child, &status, 0);
    check("clock_settime64 as a user EPERM", WIFEXITED(status) && WEXITSTATUS(status) == 0);

    /* execve: neither ELF nor "#!" is ENOEXEC; no x bit is EACCES. */
    int fd = open("/tmp/not-a-program", O_WRONLY | O_CREAT | O_TRUNC, 0755);
    write(fd, "hello\n", 6);
    close(fd);
    char *argv[] = { "not-a-program", 0 };
    errno = 0;
    check("execve(text file) ENOEXEC", syscall(SYS_execve, "/tmp/not-a-program", argv, 0) == -1 && errno == ENOEXEC);
    fd = open("/tmp/not-executable.sh", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    write(fd, "#!/bin/sh\necho no\n", 19);
    close(fd);
    errno = 0;
    check("execve(script without x) EACCES", syscall(SYS_execve, "/tmp/not-executable.sh", argv, 0) == -1 && errno == EACCES);

    printf("proc_syscalls: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
