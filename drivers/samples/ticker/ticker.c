/* ticker: a timer fires every period_ms milliseconds and hands the work to a
 * work queue, which logs "ticker: tick N". Timers run in interrupt context;
 * work items run in a kernel thread, where sleeping is allowed.
 *   insmod ticker.ko period_ms=500 */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

static unsigned int period_ms = 1000;
module_param(period_ms, uint, 0444);
MODULE_PARM_DESC(period_ms, "Milliseconds between ticks");

static struct timer_list ticker_timer;
static struct work_struct ticker_work;
static unsigned int ticks;

static void ticker_work_fn(struct work_struct *work)
{
    pr_info("ticker: tick %u\n", ++ticks);
}

static void ticker_timer_fn(struct timer_list *timer)
{
    schedule_work(&ticker_work);
    mod_timer(&ticker_timer, jiffies + msecs_to_jiffies(period_ms));   /* again */
}

static int __init ticker_init(void)
{
    if (period_ms == 0)
        return -EINVAL;
    INIT_WORK(&ticker_work, ticker_work_fn);
    timer_setup(&ticker_timer, ticker_timer_fn, 0);
    mod_timer(&ticker_timer, jiffies + msecs_to_jiffies(period_ms));
    pr_info("ticker: ticking every %u ms\n", period_ms);
    return 0;
}

static void __exit ticker_exit(void)
{
    del_timer_sync(&ticker_timer);    /* no timer runs or is pending after this */
    cancel_work_sync(&ticker_work);   /* nor a work item */
    pr_info("ticker: stopped after %u ticks\n", ticks);
}

module_init(ticker_init);
module_exit(ticker_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kernlab");
MODULE_DESCRIPTION("A timer and a work queue, logging every period_ms");
