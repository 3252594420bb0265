/* isatty (a TCGETS probe), ttyname (via /proc/self/fd), tcgetpgrp/tcsetpgrp. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "../internal/syscall.h"

int isatty(int fd)
{
    struct termios t;
    long r = __syscall3(__NR_ioctl, fd, TCGETS, (long)&t);
    if (r < 0) {
        errno = (int)-r == EINVAL ? ENOTTY : (int)-r;
        return 0;
    }
    return 1;
}

int ttyname_r(int fd, char* buf, size_t size)
{
    if (!isatty(fd))
        return errno;
    char link[32];
    snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, buf, size - 1);
    if (n < 0)
        return errno;
    if ((size_t)n >= size - 1)
        return ERANGE;
    buf[n] = 0;
    return 0;
}

char* ttyname(int fd)
{
    static char name[64];
    int err = ttyname_r(fd, name, sizeof(name));
    if (err) {
        errno = err;
        return NULL;
    }
    return name;
}

pid_t tcgetpgrp(int fd)
{
    pid_t pgrp;
    if (SYSCALL3(__NR_ioctl, fd, TIOCGPGRP, &pgrp) < 0)
        return -1;
    return pgrp;
}

int tcsetpgrp(int fd, pid_t pgrp) { return SYSCALL3(__NR_ioctl, fd, TIOCSPGRP, &pgrp); }

pid_t tcgetsid(int fd)
{
    pid_t sid;
    if (SYSCALL3(__NR_ioctl, fd, TIOCGSID, &sid) < 0)
        return -1;
    return sid;
}
