/* ioctl: the third argument is passed through as one word. */
#include <stdarg.h>
#include <sys/ioctl.h>

#include "../internal/syscall.h"

int ioctl(int fd, unsigned long request, ...)
{
    va_list ap;
    va_start(ap, request);
    long arg = va_arg(ap, long);
    va_end(ap);
    return SYSCALL3(__NR_ioctl, fd, request, arg);
}
