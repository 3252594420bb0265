/* <sched.h>: sched_yield and the clone flags. */
#ifndef _SCHED_H
#define _SCHED_H

#include <features.h>
#include <bits/types.h>
#include <linux/sched.h>

struct sched_param {
    int sched_priority;
};

__BEGIN_DECLS
int sched_yield(void);
__END_DECLS

#endif
