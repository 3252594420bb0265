/* <sys/sendfile.h>: sendfile, copying between files in the kernel (sendfile64, 239). */
#ifndef _SYS_SENDFILE_H
#define _SYS_SENDFILE_H

#include <features.h>
#include <bits/types.h>

__BEGIN_DECLS
/* off_t is 64-bit here, so this is always sendfile64. */
ssize_t sendfile(int out_fd, int in_fd, off_t* offset, size_t count);
__END_DECLS

#endif
