/* Read-copy-update readers: rcu_read_lock() around walks of lists that writers
 * change (for_each_process). With one CPU, a reader that is not switched away
 * sees no grace period end, so the read side is preempt_disable(). */
#ifndef _LINUX_RCUPDATE_H
#define _LINUX_RCUPDATE_H

#include <linux/compiler.h>
#include <linux/lockdep.h>
#include <linux/preempt.h>
#include <linux/types.h>

#define rcu_read_lock() preempt_disable()
#define rcu_read_unlock() preempt_enable()
#define rcu_dereference(p) READ_ONCE(p)
#define rcu_access_pointer(p) READ_ONCE(p)
#define rcu_assign_pointer(p, v) WRITE_ONCE(p, v)
/* No reader can be running yet (initialisation, or the pointer is NULL). */
#define RCU_INIT_POINTER(p, v) WRITE_ONCE(p, v)
/* The writer's read: condition c (lockdep_is_held(&lock)) says why it is safe;
 * kernlab has no lockdep to check it, so it is only evaluated for its type. */
#define rcu_dereference_protected(p, c) ((void)sizeof(c), (p))

#ifdef __cplusplus
extern "C" {
#endif
/* Waits until every reader that was in rcu_read_lock() when it was called has left. */
void synchronize_rcu(void);
#ifdef __cplusplus
}
#endif

#endif
