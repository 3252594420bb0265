/* ttywrite: writes to the terminal of whoever loads or unloads it, past printk
 * and the log: through the tty driver, once as Linux 2.6 wrote
 * (current->signal->tty, driver->write) and once as
 * Linux 6.x writes (get_current_tty, driver->ops->write). A driver's write
 * sends bytes as they are, so each line ends in "\r\n". */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/tty.h>

static const char crlf[] = "\015\012";

/* The 2.6 form: the write in the driver itself. */
static void write_old_style(const char *text)
{
    struct tty_struct *tty = current->signal->tty;

    if (!tty)
        return;   /* a daemon: no terminal to write to */
    tty->driver->write(tty, (const unsigned char *)text, strlen(text));
    tty->driver->write(tty, (const unsigned char *)crlf, 2);
}

/* The 6.x form: the driver's operations table. */
static void write_new_style(const char *text)
{
    struct tty_struct *tty = get_current_tty();
    const struct tty_operations *ops;

    if (!tty)
        return;
    ops = tty->driver->ops;
    ops->write(tty, (const unsigned char *)text, strlen(text));
    ops->write(tty, (const unsigned char *)crlf, 2);
}

static int __init ttywrite_init(void)
{
    write_old_style("ttywrite: loaded, written by driver->write");
    write_new_style("ttywrite: loaded, written by driver->ops->write");
    return 0;
}

static void __exit ttywrite_exit(void)
{
    write_new_style("ttywrite: unloaded, goodbye terminal");
}

module_init(ttywrite_init);
module_exit(ttywrite_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kernlab");
MODULE_DESCRIPTION("Writes to the caller's terminal through its tty driver");
