/* sendfile: the 64-bit-offset system call, since our off_t is 64-bit. */
#include <sys/sendfile.h>
#include "../internal/syscall.h"

ssize_t sendfile(int out_fd, int in_fd, off_t* offset, size_t count)
{
    return SYSCALL4(__NR_sendfile64, out_fd, in_fd, offset, count);
}
