/* struct timespec/timeval/timezone: the kernel's i386 definitions (32-bit time_t, as this libc's time_t). */
#ifndef _BITS_TIMESPEC_H
#define _BITS_TIMESPEC_H

#include <linux/time.h>

#endif
