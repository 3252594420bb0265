/* Error numbers for the kernel and modules: Linux's values, plus the
 * kernel-internal codes that never reach user space. */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#include <asm-generic/errno.h>

#define ERESTARTSYS 512
#define ERESTARTNOINTR 513
#define ERESTARTNOHAND 514
#define ENOIOCTLCMD 515
#define ERESTART_RESTARTBLOCK 516

#define MAX_ERRNO 4095

#endif
