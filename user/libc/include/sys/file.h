/* <sys/file.h>: flock (143). */
#ifndef _SYS_FILE_H
#define _SYS_FILE_H

#include <features.h>
#include <fcntl.h>

__BEGIN_DECLS
int flock(int fd, int operation);
__END_DECLS

#endif
