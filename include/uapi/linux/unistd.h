/* <linux/unistd.h>: the system call numbers (__NR_*), as on Linux. */
#ifndef _UAPI_LINUX_UNISTD_H
#define _UAPI_LINUX_UNISTD_H

#include <asm/unistd.h>

#endif
