// The soft-lockup watchdog (Linux's kernel/watchdog.c, one CPU). Linux wakes a
// per-CPU watchdog thread now and then and checks from a timer that it got to
// run; here the scheduler itself is that thread: every schedule() touches the
// timestamp, and the tick reports a task that stayed in ring 0 without one,
// preemption off (a preemptible task is switched at the end of its slice), for
// more than 2 * watchdog_thresh seconds. Idle and user-mode ticks touch it too.
// With interrupts off there are no ticks: that is the hard-lockup case, which
// needs an NMI watchdog kernlab does not have.
#include <arch/ptrace.h>
#include <kernel/init.h>
#include <kernel/kallsyms.h>
#include <kernel/panic.h>
#include <kernel/sched.h>
#include <kernel/time.h>
#include <kernel/watchdog.h>
#include <linux/export.h>
#include <linux/printk.h>

namespace {

constinit unsigned long watchdog_thresh = 10;      // seconds; Linux's default
constinit bool softlockup_panic = false;
constinit unsigned long touch_jiffies = 0;         // when the scheduler last ran
constinit bool soft_watchdog_warn = false;         // this episode was reported

} // namespace

void lockup_detector_init()
{
    long value;
    if (boot_params.cmdline.get_long("watchdog_thresh", value) && value >= 0)
        watchdog_thresh = static_cast<unsigned long>(value);
    if (boot_params.cmdline.get_long("softlockup_panic", value))
        softlockup_panic = value != 0;
    touch_jiffies = jiffies;
    if (watchdog_thresh)
        pr_info("watchdog: watchdog_thresh=%lu: a CPU stuck in the kernel for %lus is reported\n", watchdog_thresh,
            2 * watchdog_thresh);
    else
        pr_info("watchdog: off (watchdog_thresh=0)\n");
}

void touch_softlockup_watchdog()
{
    touch_jiffies = jiffies;
    soft_watchdog_warn = false;   // a new episode may be reported again
}
EXPORT_SYMBOL(touch_softlockup_watchdog);

void watchdog_timer_tick(const pt_regs* regs)
{
    if (!watchdog_thresh)
        return;
    // Idle and ring-3 time are not lockups: the scheduler could have run.
    if (!current || is_idle_task(current) || !regs || user_mode(regs)) {
        touch_softlockup_watchdog();
        return;
    }
    unsigned long stuck = jiffies - touch_jiffies;
    if (stuck < 2 * watchdog_thresh * HZ || soft_watchdog_warn)
        return;
    soft_watchdog_warn = true;
    printk(KERN_EMERG "watchdog: BUG: soft lockup - CPU#0 stuck for %lus! [%s:%d]\n", stuck / HZ, current->comm,
        current->pid);
    print_modules();
    show_task_line();
    show_regs(regs);
    show_backtrace(regs->bp, regs->ip);
    if (softlockup_panic)
        panic("softlockup: hung tasks");
}
