// synchronize_rcu (include/linux/rcupdate.h). kernlab runs on one CPU and a
// reader's rcu_read_lock() disables preemption, so a reader never gives up the
// CPU inside its read section: when the writer is running here, no reader is
// inside one. Passing through schedule() once is the grace period (a quiescent
// state, as Linux's Tiny RCU counts it); yielding also lets the readers that
// were waiting run on the new data first.
#include <linux/export.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>

extern "C" void synchronize_rcu(void)
{
    yield();
}
EXPORT_SYMBOL(synchronize_rcu);
