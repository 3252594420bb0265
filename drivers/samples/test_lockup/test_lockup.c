/* test_lockup: spins in the kernel on purpose, for seeing the soft-lockup
 * watchdog report it (a small Linux lib/test_lockup.c):
 *   insmod /lib/modules/test_lockup.ko time_secs=25
 * With preemption off (the default) nothing else runs while it spins, and after
 * 2 * watchdog_thresh seconds the log has "watchdog: BUG: soft lockup - CPU#0
 * stuck for ..s! [insmod:PID]" with test_lockup_spin in the backtrace.
 * disable_preempt=0 spins preemptibly (other tasks run: no lockup);
 * touch_softlockup=1 tells the watchdog it is alive (no report either).
 * Like Linux's, init fails with -EAGAIN once done, so it can be loaded again. */
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/nmi.h>
#include <linux/preempt.h>
#include <asm/processor.h>

static unsigned int time_secs = 5;
module_param(time_secs, uint, 0400);
MODULE_PARM_DESC(time_secs, "Seconds to spin");
static bool disable_preempt = true;
module_param(disable_preempt, bool, 0400);
MODULE_PARM_DESC(disable_preempt, "Spin with preemption off");
static bool touch_softlockup = false;
module_param(touch_softlockup, bool, 0400);
MODULE_PARM_DESC(touch_softlockup, "Touch the soft-lockup watchdog while spinning");

/* noipa: the backtrace names this function and its caller. */
static __attribute__((noipa)) void test_lockup_spin(unsigned long end)
{
    while (time_before(jiffies, end)) {
        if (touch_softlockup)
            touch_softlockup_watchdog();
        cpu_relax();
    }
}

static int __init test_lockup_init(void)
{
    pr_info("test_lockup: spinning for %u s, preemption %s\n", time_secs, disable_preempt ? "off" : "on");
    if (disable_preempt)
        preempt_disable();
    test_lockup_spin(jiffies + time_secs * HZ);
    if (disable_preempt)
        preempt_enable();
    pr_info("test_lockup: done\n");
    return -EAGAIN;
}

module_init(test_lockup_init);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Spins in the kernel, for testing the soft-lockup watchdog");
