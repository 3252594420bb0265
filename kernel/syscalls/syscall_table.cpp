// The system call table and dispatcher: int 0x80 with the number in eax and
// arguments in ebx, ecx, edx, esi, edi, ebp; the result (or -errno) in eax.
#include <arch/ptrace.h>
#include <arch/x86.h>
#include <asm/unistd_32.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/syscall.h>
#include <libk/bitmap.h>
#include <linux/errno.h>
#include <linux/printk.h>

using SyscallFunction = long (*)(long, long, long, long, long, long);

// Each listed function must exist: a strong reference, so a line without its
// function fails the link (toolchain/check-syscalls.sh names it first). A call
// kernlab declines on purpose has a real function returning -ENOSYS.
#define SYSCALL(number, function) extern "C" long function(long, long, long, long, long, long);
#include "syscall_list.h"
#undef SYSCALL

namespace {

constexpr unsigned table_size = NR_syscalls;

struct SyscallTable {
    SyscallFunction entries[table_size];
};

constexpr SyscallTable build_table()
{
    SyscallTable table {};
#define SYSCALL(number, function) table.entries[number] = function;
#include "syscall_list.h"
#undef SYSCALL
    return table;
}

constinit const SyscallTable table = build_table();

constinit uint32_t reported_bits[(table_size + 31) / 32] = {};

void report_unknown(uint32_t number)
{
    libk::Bitmap reported(reported_bits, table_size);
    if (number < table_size) {
        if (reported.get(number))
            return;
        reported.set(number);
    }
    pr_warn("%s[%d]: unknown system call %u, returning -ENOSYS\n", current->comm, current->pid, number);
}

} // namespace

void do_syscall(pt_regs* regs)
{
    arch::local_irq_enable();   // the gate turned them off; system calls run preemptible
    uint32_t number = regs->orig_ax;
    SyscallFunction function = number < table_size ? table.entries[number] : nullptr;
    long result;
    if (function) {
        result = function(regs->bx, regs->cx, regs->dx, regs->si, regs->di, regs->bp);
    } else {
        report_unknown(number);
        result = -ENOSYS;
    }
    regs->ax = static_cast<uint32_t>(result);
}
