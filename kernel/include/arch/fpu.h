// FPU/SSE state of user tasks (saved eagerly at every switch between them).
#pragma once

#include <stdint.h>

constexpr unsigned fpu_state_size = 512;   // fxsave area (fnsave needs 108)

// Turns the FPU on (and SSE when the CPU has fxsave); records the clean state.
void fpu_init();
// A new 16-byte-aligned state area: a copy of `copy_from`, or the clean state.
void* fpu_state_alloc(const void* copy_from);
// The clean state a new program starts with.
const void* fpu_state_alloc_template();
// Saves the registers into `prev_state` (if any) and loads `next_state` (if any).
void fpu_switch(void* prev_state, const void* next_state);
// Saves the live registers of the current task into `area` (fork, signals).
void fpu_save_current(void* area);
// CPUID leaf 1 edx: AT_HWCAP for user programs.
uint32_t cpu_hwcap();
