/* efault_test - system calls given bad pointers must fail with EFAULT, never crash. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static int passed, failed;

static void check(const char *what, long r)
{
    int e = errno;
    if (r == -1 && e == EFAULT) {
        printf("efault_test: %-32s -1 EFAULT  ok\n", what);
        passed++;
    } else {
        printf("efault_test: %-32s %ld %s  FAILED\n", what, r, r == -1 ? strerror(e) : "");
        failed++;
    }
}

int main(void)
{
    static const unsigned long bad[] = { 0, 0xC0000000UL };
    int fd = open("/proc/version", O_RDONLY);
    if (fd < 0)
        fd = open("/", O_RDONLY);
    int pipefd[2] = { -1, -1 };
    pipe(pipefd); /* a pipe copies the bytes, so the kernel must touch the buffer */
    int out = pipefd[1];
    char what[64];
    for (unsigned i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        void *p = (void *)bad[i];
        snprintf(what, sizeof what, "read(fd, %p, 16)", p);
        errno = 0;
        check(what, syscall(SYS_read, fd, p, 16));
        snprintf(what, sizeof what, "write(fd, %p, 16)", p);
        errno = 0;
        check(what, syscall(SYS_write, out, p, 16));
        snprintf(what, sizeof what, "open(%p, O_RDONLY)", p);
        errno = 0;
        check(what, syscall(SYS_open, p, 0));
        snprintf(what, sizeof what, "execve(%p, NULL, NULL)", p);
        errno = 0;
        check(what, syscall(SYS_execve, p, 0, 0));
        snprintf(what, sizeof what, "stat64(%p, buf)", p);
        char buf[128];
        errno = 0;
        check(what, syscall(SYS_stat64, p, buf));
        snprintf(what, sizeof what, "stat64(\"/\", %p)", p);
        errno = 0;
        check(what, syscall(SYS_stat64, "/", p));
    }
    printf("efault_test: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
