/* Kernel timers: run a function once, in interrupt context, at a given
 * `jiffies`. Both the 2.6/3.x API (init_timer/setup_timer with .function and
 * .data) and the 4.15+ one (timer_setup, from_timer) work. */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/types.h>

/*
 * The function takes the unsigned long `data`, as in Linux up to 4.14 (code of
 * that era assigns .function and .data directly). timer_setup() stores the
 * callback the same way with data = the timer itself, so a 4.15-style
 * callback(struct timer_list *) gets its timer: on i386 both pass one word.
 */
typedef void (*timer_function_t)(unsigned long);

struct timer_list {
    struct list_head entry;      /* kernel: on the timer list while pending (entry.next != NULL) */
    unsigned long expires;       /* in jiffies */
    timer_function_t function;
    unsigned long data;
    u32 flags;
};

#define TIMER_DEFERRABLE 0x00080000
#define TIMER_PINNED 0x00100000
#define TIMER_IRQSAFE 0x00200000

/* Turns any callback into timer_function_t (via void (*)(void), which
 * -Wcast-function-type accepts as a generic function pointer). */
#define __TIMER_FUNCTION(fn) ((timer_function_t)(void (*)(void))(fn))

#define __DEFINE_TIMER_EXPIRES(unused, expires, ...) expires
#define __DEFINE_TIMER_DATA(unused, expires, data, ...) data
/* DEFINE_TIMER(name, fn) (4.15+), or DEFINE_TIMER(name, fn, expires, data) (before). */
#define DEFINE_TIMER(_name, _function, ...)                                                 \
    struct timer_list _name = {                                                             \
        { NULL, NULL },                                                                     \
        __DEFINE_TIMER_EXPIRES(0, ##__VA_ARGS__, 0),                                        \
        __TIMER_FUNCTION(_function),                                                        \
        __DEFINE_TIMER_DATA(0, ##__VA_ARGS__, (unsigned long)&_name, (unsigned long)&_name), \
        0 }

static inline void init_timer(struct timer_list *timer)
{
    timer->entry.next = NULL;
    timer->entry.prev = NULL;
    timer->expires = 0;
    timer->function = NULL;
    timer->data = 0;
    timer->flags = 0;
}

#define setup_timer(timer, fn, _data) do {         \
    init_timer(timer);                             \
    (timer)->function = __TIMER_FUNCTION(fn);      \
    (timer)->data = (unsigned long)(_data);        \
} while (0)

static inline void __timer_setup(struct timer_list *timer, timer_function_t function, unsigned int flags)
{
    init_timer(timer);
    timer->function = function;
    timer->data = (unsigned long)timer;
    timer->flags = flags;
}

/* timer_setup(timer, callback, flags) with callback(struct timer_list *). */
#define timer_setup(timer, callback, flags) __timer_setup((timer), __TIMER_FUNCTION(callback), (flags))
#define timer_setup_on_stack(timer, callback, flags) timer_setup(timer, callback, flags)
#define destroy_timer_on_stack(timer) do { } while (0)

/* In a 4.15-style callback: the structure the timer is embedded in. */
#define from_timer(var, callback_timer, timer_fieldname) \
    container_of(callback_timer, __typeof__(*var), timer_fieldname)

static inline int timer_pending(const struct timer_list *timer)
{
    return READ_ONCE(timer->entry.next) != NULL;
}

#ifdef __cplusplus
extern "C" {
#endif

/* Starts a timer that is not pending, to fire at timer->expires. */
void add_timer(struct timer_list *timer);
/* (Re)starts the timer for `expires`; 1 if it was pending, else 0. */
int mod_timer(struct timer_list *timer, unsigned long expires);
/* Stops it; 1 if it was pending. Callbacks run with interrupts off on the one
 * CPU, so after del_timer_sync (or del_timer) from process context the
 * callback is not running either. */
int del_timer(struct timer_list *timer);
int del_timer_sync(struct timer_list *timer);

#ifdef __cplusplus
}
#endif

#define timer_delete(timer) del_timer(timer)
#define timer_delete_sync(timer) del_timer_sync(timer)
#define try_to_del_timer_sync(timer) del_timer(timer)
#define timer_shutdown_sync(timer) del_timer_sync(timer)

#endif
