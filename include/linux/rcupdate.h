/* Read-copy-update readers: rcu_read_lock() around walks of lists that writers
 * change (for_each_process). With one CPU, a reader that is not switched away
 * sees no grace period end, so the read side is preempt_disable(). */
#ifndef _LINUX_RCUPDATE_H
#define _LINUX_RCUPDATE_H

#include <linux/compiler.h>
#include <linux/preempt.h>

#define rcu_read_lock() preempt_disable()
#define rcu_read_unlock() preempt_enable()
#define rcu_dereference(p) READ_ONCE(p)
#define rcu_access_pointer(p) READ_ONCE(p)
#define rcu_assign_pointer(p, v) WRITE_ONCE(p, v)

#endif
