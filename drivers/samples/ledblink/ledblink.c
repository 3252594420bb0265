/* ledblink: blinks the keyboard LEDs until it is unloaded. A timer asks the
 * virtual console's tty driver for KDSETLED every blink_ms: 7 lights all three
 * LEDs, 0xFF gives them back to the lock keys. The 2.6 forms (vc_tty,
 * driver->ioctl with a file argument, init_timer with .data) light them; the
 * 6.x forms (port.tty, driver->ops->ioctl) give them back on unload. */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kd.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/timer.h>
#include <linux/tty.h>
#include <linux/vt.h>
#include <linux/vt_kern.h>
#include <linux/console_struct.h>

#define ALL_LEDS 0x07
#define LOCK_KEYS_LEDS 0xFF   /* anything above 7: the LEDs show Caps/Num/Scroll Lock again */

static unsigned int blink_ms = 200;
module_param(blink_ms, uint, 0444);
MODULE_PARM_DESC(blink_ms, "Milliseconds between LED changes");

static struct timer_list blink_timer;
static struct tty_driver *vt_driver;
static unsigned long led_state = LOCK_KEYS_LEDS;
static unsigned int blinks;

/* The timer runs in interrupt context: KDSETLED only queues the bytes for the keyboard. */
static void blink(unsigned long data)
{
    unsigned long *state = (unsigned long *)data;

    *state = *state == ALL_LEDS ? LOCK_KEYS_LEDS : ALL_LEDS;
    vt_driver->ioctl(vc_cons[fg_console].d->vc_tty, NULL, KDSETLED, *state);
    blinks++;
    blink_timer.expires = jiffies + msecs_to_jiffies(blink_ms);
    add_timer(&blink_timer);
}

static int __init ledblink_init(void)
{
    struct vc_data *vc = vc_cons[fg_console].d;

    if (!vc || !vc->vc_tty)
        return -ENODEV;
    vt_driver = vc->vc_tty->driver;
    pr_info("ledblink: console %u is %s, driver %s (magic %x)\n", vc->vc_num, vc->vc_tty->name,
            vt_driver->driver_name, vt_driver->magic);

    init_timer(&blink_timer);
    blink_timer.function = blink;
    blink_timer.data = (unsigned long)&led_state;
    blink_timer.expires = jiffies + msecs_to_jiffies(blink_ms);
    add_timer(&blink_timer);
    return 0;
}

static void __exit ledblink_exit(void)
{
    struct tty_struct *tty = vc_cons[fg_console].d->port.tty;

    del_timer_sync(&blink_timer);
    tty->driver->ops->ioctl(tty, KDSETLED, LOCK_KEYS_LEDS);
    pr_info("ledblink: %u blinks\n", blinks);
}

module_init(ledblink_init);
module_exit(ledblink_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kernlab");
MODULE_DESCRIPTION("Blinks the keyboard LEDs through the console's KDSETLED");
