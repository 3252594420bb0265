/* What context the code runs in (in_interrupt...), and preemption control. */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Non-zero inside an interrupt handler, a timer callback or a tasklet. */
int in_interrupt(void);

#ifdef __cplusplus
}
#endif

#define in_irq() in_interrupt()
#define in_hardirq() in_interrupt()
#define in_softirq() in_interrupt()
#define in_serving_softirq() in_interrupt()
#define in_task() (!in_interrupt())
#define in_atomic() in_interrupt()

/* The kernel's own C++ has inline versions in kernel/sched.h. */
#if !defined(__cplusplus) || defined(MODULE)
#ifdef __cplusplus
extern "C" {
#endif
/* The current task is not switched away on the timer tick until enabled again. */
void preempt_disable(void);
void preempt_enable(void);
#ifdef __cplusplus
}
#endif
#endif
#define preempt_enable_no_resched() preempt_enable()

#endif
