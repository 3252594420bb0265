// The register frame every interrupt, exception and system call entry saves
// (boot/entry.asm builds it). Field order follows Linux i386's struct pt_regs,
// with the vector and error code kept apart from orig_ax.
#pragma once

#include <stdint.h>

struct pt_regs {
    uint32_t bx, cx, dx, si, di, bp, ax;
    uint32_t ds, es, fs, gs;
    uint32_t orig_ax;      // eax at entry: the system call number
    uint32_t vector;       // interrupt vector (0-31 exceptions, 32-47 IRQs, 0x80 syscall)
    uint32_t error_code;   // pushed by the CPU for some exceptions, else 0
    uint32_t ip, cs, flags;
    uint32_t sp, ss;       // only valid when the CPU came from user mode
};

inline bool user_mode(const pt_regs* regs) { return (regs->cs & 3) == 3; }

// The registers of the interrupt being handled (Linux's get_irq_regs()).
extern pt_regs* current_irq_regs;
