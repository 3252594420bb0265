/* Linux 4.11 moved signal_pending() here; course code written since includes this. */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

#include <linux/sched.h>

#endif
