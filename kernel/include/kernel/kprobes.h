// The kernel's side of kprobes (kernel/arch/kprobes.cpp): the breakpoint and
// single-step traps hand kernel-mode #BP and #DB here first.
#pragma once

#include <arch/ptrace.h>
#include <stddef.h>
#include <stdint.h>

// A kernel-mode int3: true when it was a kprobe's (handled), false for the oops path.
bool kprobe_int3_handler(pt_regs* regs);
// A kernel-mode debug trap: true when it ended a kprobe's single step.
bool kprobe_debug_handler(pt_regs* regs);
// A module's memory is about to be freed: probes in it, or whose handlers or
// struct live in it, are taken out (marked KPROBE_FLAG_GONE).
void kprobes_module_going(uintptr_t start, size_t size);
