// panic() and BUG(): report, with registers and a symbolized backtrace, and stop.
#pragma once

#include <stddef.h>
#include <stdint.h>

struct pt_regs;

extern "C" [[noreturn]] void panic(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

// A CPU exception in kernel mode: prints the oops report for `regs`, then kills
// the current task (SIGSEGV) when it ran in process context, else panics.
[[noreturn]] void die(const char* what, pt_regs* regs, uint32_t error_code);

// The parts of an oops report, for other reporters (the soft-lockup watchdog):
// "EIP: function+0x../0x.." and the registers; "CPU: 0 PID: .. Comm: .." and the taint.
void show_regs(const pt_regs* regs);
void show_task_line();

// Prints "Call Trace:" with one symbolized line per frame, starting at frame `ebp`.
void show_backtrace(uintptr_t ebp, uintptr_t first_ip);

// Symbol lookup in the table embedded in kernel.elf; writes "name+0xoff/0xsize".
// Returns the number of chars written, 0 when the address is not in the kernel.
int lookup_symbol(uintptr_t address, char* out, size_t size, bool with_offset);
// The same for a return address found on the stack: names the calling function.
int lookup_return_address(uintptr_t address, char* out, size_t size);

#define BUG() panic("kernel BUG at %s:%d!", __FILE__, __LINE__)
#define BUG_ON(condition)      \
    do {                       \
        if (condition)         \
            BUG();             \
    } while (0)
