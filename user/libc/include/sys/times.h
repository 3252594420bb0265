/* <sys/times.h>: times() with the kernel's struct tms (clock ticks of 1/100 s). */
#ifndef _SYS_TIMES_H
#define _SYS_TIMES_H

#include <features.h>
#include <bits/types.h>
#include <linux/times.h>

__BEGIN_DECLS
clock_t times(struct tms* buf);
__END_DECLS

#endif
