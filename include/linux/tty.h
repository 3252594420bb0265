/* Terminals as modules see them (Linux's linux/tty.h): struct tty_struct, the
 * controlling terminal of the current process, and fg_console. */
#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H

#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>   /* current->signal->tty */
#include <linux/string.h>
#include <linux/tty_driver.h>
#include <linux/tty_port.h>
#include <linux/vt.h>
#include <linux/workqueue.h>   /* and timer.h: Linux's tty.h brings both */
#include <linux/major.h>

#define TTY_MAGIC 0x5401

struct tty_struct {
    int magic;                          /* TTY_MAGIC */
    struct tty_driver *driver;
    const struct tty_operations *ops;   /* driver->ops */
    int index;                          /* which of the driver's lines */
    void *driver_data;
    struct tty_port *port;
    char name[64];                      /* "tty1", "ttyS0", "console" */
};

#ifdef __cplusplus
extern "C" {
#endif

/* current->signal->tty: the calling process's controlling terminal, NULL for none. */
struct tty_struct *get_current_tty(void);

#ifdef __cplusplus
}
#endif

/* get_current_tty takes no reference here: terminals are never freed. */
static inline void tty_kref_put(struct tty_struct *tty) { (void)tty; }
static inline struct tty_struct *tty_kref_get(struct tty_struct *tty) { return tty; }

/* The virtual console on the screen (2.6 declared it here). */
extern int fg_console;

#endif
