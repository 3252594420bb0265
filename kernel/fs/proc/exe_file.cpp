// The executable of an address space (Linux's mm->exe_file): execve stores the
// opened file, fork shares it, the last mmput drops it; /proc/<pid>/exe opens
// it when followed and names it (proc_file_name) for readlink.
#include "internal.h"
#include <kernel/sched.h>
#include <linux/mm_types.h>

void set_mm_exe_file(mm_struct* mm, file* exe)
{
    if (exe)
        get_file(exe);
    file* old = mm->exe_file;
    mm->exe_file = exe;
    if (old)
        fput(old);
}

file* get_task_exe_file(Task* task)
{
    // Preemption is off so the task's mm cannot go between the read and the get.
    file* exe = nullptr;
    preempt_disable();
    if (task->mm && (exe = task->mm->exe_file))
        get_file(exe);
    preempt_enable();
    return exe;
}
