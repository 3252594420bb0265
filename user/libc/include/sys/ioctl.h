/* <sys/ioctl.h>: ioctl() and the terminal ioctl numbers and struct winsize. */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <features.h>
#include <asm/ioctl.h>
#include <asm/ioctls.h>
#include <asm/termbits.h>

__BEGIN_DECLS
int ioctl(int fd, unsigned long request, ...);
__END_DECLS

#endif
