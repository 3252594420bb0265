// /proc/<pid>/maps as Linux's fs/proc/task_mmu.c prints it, and the resident
// page count behind VmRSS and statm.
#include "internal.h"
#include <arch/x86.h>
#include <kernel/mm.h>
#include <kernel/paging.h>
#include <kernel/user_mm.h>
#include <libk/format.h>
#include <libk/string.h>
#include <linux/kdev_t.h>
#include <linux/mm_types.h>

unsigned long proc_mm_rss_pages(mm_struct* mm)
{
    if (!mm || !mm->pgd)
        return 0;
    unsigned long pages = 0;
    for (unsigned i = 0; i < (TASK_SIZE >> 22); ++i) {
        uint32_t pde = mm->pgd[i];
        if (!(pde & pte_present))
            continue;
        auto* table = static_cast<const uint32_t*>(arch::phys_to_virt(pde & ~0xFFFu));
        for (unsigned j = 0; j < 1024; ++j)
            pages += table[j] & pte_present;
    }
    return pages;
}

namespace {

// "start-end perms offset major:minor inode", padded to the column where names start.
void show_vma(ProcBuffer& out, mm_struct* mm, vm_area_struct* vma, char* name_buffer)
{
    unsigned long long offset = 0;
    unsigned major = 0, minor = 0;
    unsigned long ino = 0;
    const char* name = nullptr;
    if (file* f = vma->vm_file) {
        inode* node = file_inode(f);
        offset = static_cast<unsigned long long>(vma->vm_pgoff) << PAGE_SHIFT;
        dev_t dev = node->i_sb ? node->i_sb->s_dev : 0;
        major = MAJOR(dev);
        minor = MINOR(dev);
        ino = node->i_ino;
        if (proc_file_name(f, name_buffer, PATH_MAX) >= 0)
            name = name_buffer;
    } else if (vma->vm_start >= mm->start_brk && vma->vm_start < mm->brk) {
        name = "[heap]";
    } else if (vma->vm_start <= mm->start_stack && vma->vm_end >= mm->start_stack) {
        name = "[stack]";
    }
    char prefix[80];
    int length = libk::snprintf(prefix, sizeof(prefix), "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu ", vma->vm_start,
        vma->vm_end, (vma->vm_flags & VM_READ) ? 'r' : '-', (vma->vm_flags & VM_WRITE) ? 'w' : '-',
        (vma->vm_flags & VM_EXEC) ? 'x' : '-', (vma->vm_flags & VM_MAYSHARE) ? 's' : 'p', offset, major, minor,
        ino);
    out.write(prefix, static_cast<size_t>(length));
    if (name) {
        // Linux: seq_setwidth(25 + sizeof(void*) * 6 - 1), seq_pad(' '): 48 columns on i386, then a space.
        constexpr int width = 25 + 4 * 6 - 1;
        out.printf("%*s %s", length < width ? width - length : 0, "", name);
    }
    out.putc('\n');
}

} // namespace

void proc_pid_maps(ProcBuffer& out, Task* task, void*)
{
    mm_struct* mm = task->mm;
    if (!mm || !proc_may_access(task))
        return;
    char* name_buffer = static_cast<char*>(kmalloc(PATH_MAX, GFP_KERNEL));
    if (!name_buffer)
        return;
    for (vm_area_struct* vma = mm->mmap; vma; vma = vma->vm_next)
        show_vma(out, mm, vma, name_buffer);
    kfree(name_buffer);
}
