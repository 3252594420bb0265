// The scheduler as modules see it (include/linux/sched.h, delay.h, preempt.h):
// `current`, task states, schedule_timeout and the sleeping helpers.
#include "internal.h"
#include <arch/ptrace.h>
#include <kernel/signal.h>
#include <kernel/time.h>
#include <libk/string.h>
#include <linux/delay.h>
#include <linux/export.h>
#include <linux/preempt.h>
#include <stddef.h>

// struct task_struct is the head of the kernel's Task.
static_assert(offsetof(task_struct, pid) == offsetof(Task, pid));
static_assert(offsetof(task_struct, comm) == offsetof(Task, comm));
static_assert(sizeof(task_struct::comm) == sizeof(Task::comm));
static_assert(offsetof(task_struct, tgid) == offsetof(Task, tgid));
static_assert(offsetof(task_struct, state) == offsetof(Task, state));
static_assert(sizeof(task_struct::state) == sizeof(Task::state));
static_assert(offsetof(task_struct, parent) == offsetof(Task, parent));
static_assert(offsetof(task_struct, tasks) == offsetof(Task, task_node));
static_assert(offsetof(list_head, next) == offsetof(libk::ListNode, next));
static_assert(offsetof(list_head, prev) == offsetof(libk::ListNode, prev));
static_assert(offsetof(task_struct, mm) == offsetof(Task, mm));
static_assert(offsetof(task_struct, uid) == offsetof(Task, cred.uid));
static_assert(offsetof(task_struct, euid) == offsetof(Task, cred.euid));
static_assert(offsetof(task_struct, suid) == offsetof(Task, cred.suid));
static_assert(offsetof(task_struct, fsuid) == offsetof(Task, cred.fsuid));
static_assert(offsetof(task_struct, gid) == offsetof(Task, cred.gid));
static_assert(offsetof(task_struct, egid) == offsetof(Task, cred.egid));
static_assert(offsetof(task_struct, sgid) == offsetof(Task, cred.sgid));
static_assert(offsetof(task_struct, fsgid) == offsetof(Task, cred.fsgid));
static_assert(offsetof(task_struct, real_cred) == offsetof(Task, real_cred_ptr));
static_assert(offsetof(task_struct, cred) == offsetof(Task, cred_ptr));
static_assert(offsetof(task_struct, pending.signal) == offsetof(Task, pending_signals));
static_assert(sizeof(sigset_t) == sizeof(Task::pending_signals));
static_assert(offsetof(task_struct, blocked) == offsetof(Task, blocked_signals));
static_assert(offsetof(task_struct, group_leader) == offsetof(Task, group_leader));
static_assert(offsetof(task_struct, signal) == offsetof(Task, signal));
// Linux's state values, which set_current_state passes through as they are.
static_assert(TASK_RUNNING == static_cast<int>(TaskState::Running));
static_assert(TASK_INTERRUPTIBLE == static_cast<int>(TaskState::Interruptible));
static_assert(TASK_UNINTERRUPTIBLE == static_cast<int>(TaskState::Uninterruptible));
static_assert(__TASK_STOPPED == static_cast<int>(TaskState::Stopped));
static_assert(EXIT_ZOMBIE == static_cast<int>(TaskState::Zombie));
static_assert(TASK_DEAD == static_cast<int>(TaskState::Dead));

namespace {

constexpr int sigkill = 9;

TaskState task_state_of(long state)
{
    if (state & (TASK_INTERRUPTIBLE | TASK_WAKEKILL))
        return TaskState::Interruptible;
    if (state & TASK_UNINTERRUPTIBLE)
        return TaskState::Uninterruptible;
    return TaskState::Running;
}

} // namespace

extern "C" struct task_struct* get_current(void)
{
    return to_task_struct(current);
}
EXPORT_SYMBOL(get_current);

// The task list as Linux's modules walk it (for_each_process).
EXPORT_SYMBOL(init_task);

extern "C" struct task_struct* next_task(struct task_struct* task)
{
    return to_task_struct(next_process(to_task(task)));
}
EXPORT_SYMBOL(next_task);

extern "C" void __set_current_state(long state)
{
    current->state = task_state_of(state);
}
EXPORT_SYMBOL(__set_current_state);

extern "C" long schedule_timeout(long timeout)
{
    // Beyond half the jiffies range the wrap-safe deadline compare breaks: no limit then.
    if (timeout >= MAX_JIFFY_OFFSET) {
        schedule();
        current->state = TaskState::Running;
        return MAX_SCHEDULE_TIMEOUT;
    }
    if (timeout < 0) {
        printk(KERN_ERR "schedule_timeout: wrong timeout value %ld\n", timeout);
        current->state = TaskState::Running;
        return 0;
    }
    return static_cast<long>(schedule_timeout_until(jiffies + static_cast<unsigned long>(timeout)));
}
EXPORT_SYMBOL(schedule_timeout);

extern "C" long schedule_timeout_interruptible(long timeout)
{
    current->state = TaskState::Interruptible;
    return schedule_timeout(timeout);
}
EXPORT_SYMBOL(schedule_timeout_interruptible);

extern "C" long schedule_timeout_uninterruptible(long timeout)
{
    current->state = TaskState::Uninterruptible;
    return schedule_timeout(timeout);
}
EXPORT_SYMBOL(schedule_timeout_uninterruptible);

extern "C" int _cond_resched(void)
{
    if (!need_resched || preempt_count > 0)
        return 0;
    schedule();
    return 1;
}
EXPORT_SYMBOL(_cond_resched);

extern "C" void yield(void)
{
    current->state = TaskState::Running;
    schedule();
}
EXPORT_SYMBOL(yield);

extern "C" bool fatal_signal_pending(struct task_struct* task)
{
    return to_task(task)->pending_signals & (uint64_t { 1 } << (sigkill - 1));
}
EXPORT_SYMBOL(fatal_signal_pending);

extern "C" char* get_task_comm(char* buffer, struct task_struct* task)
{
    uint32_t flags = arch::local_irq_save();   // a consistent copy if the task renames itself
    libk::strlcpy(buffer, task->comm, TASK_COMM_LEN);
    arch::local_irq_restore(flags);
    return buffer;
}
EXPORT_SYMBOL(get_task_comm);

extern "C" unsigned long msleep_interruptible(unsigned int msecs)
{
    unsigned long timeout = msecs_to_jiffies(msecs) + 1;
    while (timeout && !signal_pending(current))
        timeout = static_cast<unsigned long>(schedule_timeout_interruptible(static_cast<long>(timeout)));
    return jiffies_to_msecs(timeout);
}
EXPORT_SYMBOL(msleep_interruptible);

extern "C" void usleep_range(unsigned long min, unsigned long)
{
    // Shorter than a tick (4 ms) sleeping would round up a lot: spin instead.
    if (min < 1000000 / HZ)
        udelay(min);
    else
        msleep(static_cast<unsigned int>((min + 999) / 1000));
}
EXPORT_SYMBOL(usleep_range);

// Interrupt handlers, timer callbacks and tasklets all run below an IRQ entry.
extern "C" int in_interrupt(void)
{
    return current_irq_regs != nullptr;
}
EXPORT_SYMBOL(in_interrupt);

// The kernel's scheduler functions under their Linux names. Their C++ types
// match the C declarations in include/linux (i386 passes both the same way).
static_assert(__is_same(decltype(&schedule), void (*)()));
static_assert(__is_same(decltype(&wake_up_process), bool (*)(Task*)));
static_assert(__is_same(decltype(&signal_pending), bool (*)(const Task*)));
static_assert(__is_same(decltype(&msleep), void (*)(unsigned int)));
static_assert(__is_same(decltype(&udelay), void (*)(unsigned long)));
static_assert(__is_same(decltype(&mdelay), void (*)(unsigned long)));
EXPORT_SYMBOL(schedule);
EXPORT_SYMBOL(wake_up_process);
EXPORT_SYMBOL(signal_pending);
EXPORT_SYMBOL(msleep);
EXPORT_SYMBOL(udelay);
EXPORT_SYMBOL(mdelay);
EXPORT_SYMBOL(jiffies);
EXPORT_SYMBOL(jiffies_64);

// Inline in the kernel; exporting takes their address, which emits a copy.
static_assert(__is_same(decltype(&preempt_disable), void (*)()));
static_assert(__is_same(decltype(&preempt_enable), void (*)()));
EXPORT_SYMBOL(preempt_disable);
EXPORT_SYMBOL(preempt_enable);
