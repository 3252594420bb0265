// WARN_ON's report and dump_stack (include/linux/bug.h): a message and the
// symbolized call trace, and the kernel goes on.
#include <arch/x86.h>
#include <kernel/panic.h>
#include <kernel/sched.h>
#include <linux/bug.h>
#include <linux/export.h>

extern "C" void dump_stack(void)
{
    printk(KERN_DEFAULT "CPU: 0 PID: %d Comm: %s\n", current ? current->pid : 0, current ? current->comm : "?");
    show_backtrace(arch::current_frame_pointer(), 0);
}
EXPORT_SYMBOL(dump_stack);

extern "C" void __warn(const char* file, int line)
{
    printk(KERN_WARNING "WARNING: at %s:%d\n", file, line);
    dump_stack();
}
EXPORT_SYMBOL(__warn);

EXPORT_SYMBOL(panic);
