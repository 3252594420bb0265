/* Kernel probes (Linux's kprobes): a breakpoint on the first instruction of a
 * kernel or module function. register_kprobe finds the place by .symbol_name
 * (+ .offset) or .addr, fills in .addr and arms it; each time the function
 * runs, .pre_handler sees the registers before the instruction and
 * .post_handler after it. Handlers run in the trap, with interrupts off: they
 * must not sleep. kernlab steps the original instruction in place and has no
 * instruction decoder, so a probe must sit where a function starts
 * (-EILSEQ elsewhere, as Linux answers for a place inside an instruction).
 * C-compatible. */
#ifndef _LINUX_KPROBES_H
#define _LINUX_KPROBES_H

#include <linux/compiler.h>
#include <linux/list.h>
#include <linux/ptrace.h>
#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef u8 kprobe_opcode_t;   /* x86: one byte, int3 */
#define BREAKPOINT_INSTRUCTION 0xcc
#define MAX_INSN_SIZE 16

struct kprobe;
/* Returns 0 to let the probed instruction run; non-zero when the handler set
 * regs->ip itself (then neither the instruction nor .post_handler runs). */
typedef int (*kprobe_pre_handler_t)(struct kprobe *p, struct pt_regs *regs);
typedef void (*kprobe_post_handler_t)(struct kprobe *p, struct pt_regs *regs, unsigned long flags);

struct kprobe {
    struct list_head list;          /* the registered probes (kernel's) */
    unsigned long nmissed;          /* hits skipped: another probe's handler was running */
    kprobe_opcode_t *addr;          /* where; filled in by register_kprobe */
    const char *symbol_name;        /* or by name, */
    unsigned int offset;            /* plus this offset */
    kprobe_pre_handler_t pre_handler;
    kprobe_post_handler_t post_handler;
    kprobe_opcode_t opcode;         /* the byte int3 replaced */
    u32 flags;                      /* KPROBE_FLAG_* */
};

#define KPROBE_FLAG_GONE 1          /* its module went away */
#define KPROBE_FLAG_DISABLED 2      /* registered, not firing */

static inline int kprobe_gone(struct kprobe *p) { return p->flags & KPROBE_FLAG_GONE; }
static inline int kprobe_disabled(struct kprobe *p) { return p->flags & (KPROBE_FLAG_DISABLED | KPROBE_FLAG_GONE); }

/* 0, or -EINVAL (both or neither of addr and symbol_name, not code, a
 * place the trap path itself runs), -ENOENT (no such symbol), -EILSEQ (not
 * a function's first instruction), -EBUSY (already registered). */
int register_kprobe(struct kprobe *p);
void unregister_kprobe(struct kprobe *p);
int register_kprobes(struct kprobe **kps, int num);
void unregister_kprobes(struct kprobe **kps, int num);
int disable_kprobe(struct kprobe *p);
int enable_kprobe(struct kprobe *p);

/* Functions the trap path runs can never be probed; kernlab keeps that list
 * itself, so these mark nothing. */
#define NOKPROBE_SYMBOL(fname)
#define __kprobes

#ifdef __cplusplus
}
#endif

#endif
