// Segments, as Linux i386 lays out its GDT: TLS slots 6-8, kernel code/data at
// 12/13, user code/data at 14/15, the TSS at 16. Same selectors as Linux, so
// the values user programs see (cs, ds, TLS in gs) match.
#pragma once

#include <stdint.h>

constexpr unsigned gdt_entries = 32;
constexpr unsigned gdt_entry_tls_min = 6;
constexpr unsigned gdt_entry_tls_entries = 3;

constexpr uint16_t KERNEL_CS = 12 * 8;        // 0x60
constexpr uint16_t KERNEL_DS = 13 * 8;        // 0x68
constexpr uint16_t USER_CS = 14 * 8 + 3;      // 0x73
constexpr uint16_t USER_DS = 15 * 8 + 3;      // 0x7b
constexpr uint16_t TSS_SELECTOR = 16 * 8;     // 0x80

// Loads the GDT and the TSS, reloads every segment register.
void gdt_init();
// Writes a task's three TLS descriptors (low, high words) into GDT entries 6-8.
void gdt_load_tls(const uint32_t tls[gdt_entry_tls_entries][2]);
// The stack the CPU switches to when an interrupt arrives in user mode.
void tss_set_kernel_stack(uint32_t esp0);

struct Task;
// At a task switch: saves prev's user %fs/%gs, loads next's TLS descriptors, %fs/%gs
// and FPU state (kernel/process/tls.cpp).
void switch_to_extra(Task* prev, Task* next);
// execve: the new program starts with no TLS descriptors and null %fs/%gs.
void clear_user_segments();
