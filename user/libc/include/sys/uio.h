/* <sys/uio.h>: readv (145) and writev (146). */
#ifndef _SYS_UIO_H
#define _SYS_UIO_H

#include <features.h>
#include <bits/types.h>

struct iovec {
    void* iov_base;
    size_t iov_len;
};

__BEGIN_DECLS
ssize_t readv(int fd, const struct iovec* iov, int count);
ssize_t writev(int fd, const struct iovec* iov, int count);
__END_DECLS

#endif
