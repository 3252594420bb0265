/* struct utimbuf for utime (30). */
#ifndef _UAPI_LINUX_UTIME_H
#define _UAPI_LINUX_UTIME_H

#include <linux/types.h>

struct utimbuf {
    __kernel_old_time_t actime;
    __kernel_old_time_t modtime;
};

#endif
