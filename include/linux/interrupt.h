/* Interrupt handlers (request_irq on the 8259 PIC's lines 0-15) and tasklets,
 * the deferred "bottom half" of a handler. The kernel's kernel/irq.h includes
 * this for the C declarations, so there is one of each. */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum irqreturn { IRQ_NONE = 0, IRQ_HANDLED = 1, IRQ_WAKE_THREAD = 2 } irqreturn_t;
#define IRQ_RETVAL(x) ((x) ? IRQ_HANDLED : IRQ_NONE)
typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);
/* Handlers before 2.6.19 also got the interrupted registers. */
struct pt_regs;
typedef irqreturn_t (*irq_handler_regs_t)(int irq, void *dev_id, struct pt_regs *regs);

#define IRQF_TRIGGER_NONE 0x00000000
#define IRQF_TRIGGER_RISING 0x00000001
#define IRQF_TRIGGER_FALLING 0x00000002
#define IRQF_TRIGGER_HIGH 0x00000004
#define IRQF_TRIGGER_LOW 0x00000008
#define IRQF_DISABLED 0x00000020    /* 2.6-era; handlers always run with interrupts off here */
#define IRQF_SHARED 0x00000080
#define IRQF_PROBE_SHARED 0x00000100
#define IRQF_TIMER 0x00000200
#define IRQF_ONESHOT 0x00002000
#define IRQF_NO_SUSPEND 0x00004000
#define IRQF_NO_THREAD 0x00010000
/* The 2.6-era names of the flags. */
#define SA_INTERRUPT IRQF_DISABLED
#define SA_SHIRQ IRQF_SHARED
#define SA_SAMPLE_RANDOM 0x00000040

/* Installs `handler` on line `irq` and unmasks it. Several handlers may share a
 * line when all pass IRQF_SHARED (dev_id tells them apart for free_irq).
 * Returns 0 or -errno (-EINVAL, -EBUSY, -ENOMEM). */
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name, void *dev_id);
/* The same for a 2.6-style handler, which gets the registers too. */
int request_irq_with_regs(unsigned int irq, irq_handler_regs_t handler, unsigned long flags, const char *name,
                          void *dev_id);
/* Removes the handler registered with dev_id; the line is masked when none is left. */
void free_irq(unsigned int irq, void *dev_id);
/* Masks/unmasks a line, nesting (two disables need two enables). */
void disable_irq(unsigned int irq);
void enable_irq(unsigned int irq);

#ifdef __cplusplus
}
#endif

/* In C, request_irq takes either handler: the handler's type picks the call
 * (C++ names request_irq_with_regs). */
#ifndef __cplusplus
#define request_irq(irq, handler, flags, name, dev_id) \
    _Generic((handler), irq_handler_regs_t: request_irq_with_regs, default: request_irq)(irq, handler, flags, name, dev_id)
#endif

/* One CPU and handlers that run to completion: nothing to wait for. */
#define disable_irq_nosync(irq) disable_irq(irq)
#define synchronize_irq(irq) do { } while (0)

/*
 * Tasklets: a function that an interrupt handler schedules to run soon after,
 * still in interrupt context but outside the handler. They run at the next
 * timer tick; a tasklet never runs twice at once and runs once however many
 * times it was scheduled before that.
 */
struct tasklet_struct {
    struct tasklet_struct *next;   /* kernel: on the pending list */
    unsigned long state;           /* TASKLET_STATE_SCHED */
    int count;                     /* disabled when non-zero */
    bool use_callback;
    void (*func)(unsigned long);   /* 2.6-era form, gets `data` */
    void (*callback)(struct tasklet_struct *t);   /* 5.9+ form, gets the tasklet */
    unsigned long data;
};

#define TASKLET_STATE_SCHED 1UL

#define __DECLARE_TASKLET_PICK(_1, _2, NAME, ...) NAME
#define __DECLARE_TASKLET_OLD(name, f, d) struct tasklet_struct name = { NULL, 0, 0, false, (f), NULL, (d) }
#define __DECLARE_TASKLET_NEW(name, cb) struct tasklet_struct name = { NULL, 0, 0, true, NULL, (cb), 0 }
/* DECLARE_TASKLET(name, func, data) before 5.9; DECLARE_TASKLET(name, callback) since. */
#define DECLARE_TASKLET(name, ...) __DECLARE_TASKLET_PICK(__VA_ARGS__, __DECLARE_TASKLET_OLD, __DECLARE_TASKLET_NEW)(name, __VA_ARGS__)
#define DECLARE_TASKLET_OLD(name, f) __DECLARE_TASKLET_OLD(name, f, 0)
#define DECLARE_TASKLET_DISABLED(name, ...) DECLARE_TASKLET(name, __VA_ARGS__)   /* then tasklet_enable: treated as enabled */

#ifdef __cplusplus
extern "C" {
#endif

void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long), unsigned long data);
void tasklet_setup(struct tasklet_struct *t, void (*callback)(struct tasklet_struct *));
void tasklet_schedule(struct tasklet_struct *t);
/* Waits until the tasklet is neither scheduled nor running (process context). */
void tasklet_kill(struct tasklet_struct *t);

#ifdef __cplusplus
}
#endif

#define tasklet_hi_schedule(t) tasklet_schedule(t)
static inline void tasklet_disable(struct tasklet_struct *t) { t->count++; }
static inline void tasklet_disable_nosync(struct tasklet_struct *t) { t->count++; }
static inline void tasklet_enable(struct tasklet_struct *t) { t->count--; }
#define from_tasklet(var, callback_tasklet, tasklet_fieldname) \
    container_of(callback_tasklet, __typeof__(*var), tasklet_fieldname)

#endif
