// The system call table and dispatcher: int 0x80 with the number in eax and
// arguments in ebx, ecx, edx, esi, edi, ebp; the result (or -errno) in eax.
#include <arch/ptrace.h>
#include <arch/x86.h>
#include <asm/unistd_32.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/syscall.h>
#include <libk/bitmap.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/printk.h>

using SyscallFunction = long (*)(long, long, long, long, long, long);

// Each listed function must exist: a strong reference, so a line without its
// function fails the link (toolchain/check-syscalls.sh names it first). A call
// kernlab declines on purpose has a real function returning -ENOSYS.
#define SYSCALL(number, function) extern "C" long function(long, long, long, long, long, long);
#include "syscall_list.h"
#undef SYSCALL

constexpr unsigned table_size = NR_syscalls;

struct SyscallTable {
    SyscallFunction entries[table_size];
};

namespace {

constexpr SyscallTable build_table()
{
    SyscallTable table {};
#define SYSCALL(number, function) table.entries[number] = function;
#include "syscall_list.h"
#undef SYSCALL
    return table;
}

// One bit a number, and one for every number past the table, so that a
// program probing with unknown numbers in a loop logs each once, not each time.
constinit uint32_t reported_bits[(table_size + 1 + 31) / 32] = {};

void report_unknown(uint32_t number)
{
    libk::Bitmap reported(reported_bits, table_size + 1);
    uint32_t bit = number < table_size ? number : table_size;
    if (reported.get(bit))
        return;
    reported.set(bit);
    pr_warn("%s[%d]: unknown system call %u, returning -ENOSYS\n", current->comm, current->pid, number);
}

} // namespace

// Writable and exported, for the module guide's chapter 8 (syscall.c replaces
// sys_call_table[__NR_open] and puts it back at rmmod). A lesson only: Linux
// stopped exporting the table in 2.6 and keeps it read-only, because a module
// swapping entries races with callers and with other modules doing the same.
// Modules see it as `extern void *sys_call_table[]`.
extern "C" constinit SyscallTable sys_call_table = build_table();
EXPORT_SYMBOL(sys_call_table);

void do_syscall(pt_regs* regs)
{
    arch::local_irq_enable();   // the gate turned them off; system calls run preemptible
    uint32_t number = regs->orig_ax;
    SyscallFunction function = number < table_size ? READ_ONCE(sys_call_table.entries[number]) : nullptr;
    long result;
    if (function) {
        result = function(regs->bx, regs->cx, regs->dx, regs->si, regs->di, regs->bp);
    } else {
        report_unknown(number);
        result = -ENOSYS;
    }
    regs->ax = static_cast<uint32_t>(result);
}
