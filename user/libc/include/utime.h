/* <utime.h>: utime (30). */
#ifndef _UTIME_H
#define _UTIME_H

#include <features.h>
#include <linux/utime.h>

__BEGIN_DECLS
int utime(const char* path, const struct utimbuf* times);
__END_DECLS

#endif
