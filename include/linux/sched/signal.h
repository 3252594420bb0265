/* Linux 4.11 moved signal_pending() here; course code written since includes this. */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

#include <linux/sched.h>

struct tty_struct;

/* What a process's threads share (current->signal); for modules, the head of
 * the kernel's ThreadGroup (checked in kernel/kapi/sched.cpp). */
struct signal_struct {
    struct tty_struct *tty;   /* controlling terminal, NULL for none */
};

#endif
