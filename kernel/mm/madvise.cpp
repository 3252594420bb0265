// madvise: usage hints, and MADV_DONTNEED/MADV_FREE, which drop the pages of
// private mappings (glibc gives back a dead thread's stack this way). After
// DONTNEED private anonymous memory reads as zeros and a private file mapping
// shows the file again, as on Linux; shared mappings keep their contents.
// Built on the area operations of mmap.cpp: the range becomes a fresh area
// with the same flags.
#include <asm/mman.h>
#include <kernel/sched.h>
#include <kernel/user_mm.h>
#include <kernel/vfs.h>
#include <linux/errno.h>

namespace {

unsigned long prot_of(const vm_area_struct* vma)
{
    return ((vma->vm_flags & VM_READ) ? PROT_READ : 0) | ((vma->vm_flags & VM_WRITE) ? PROT_WRITE : 0)
        | ((vma->vm_flags & VM_EXEC) ? PROT_EXEC : 0);
}

// [start, end) inside one private area: its pages go, the area stays.
int drop_pages(mm_struct* mm, vm_area_struct* vma, unsigned long start, unsigned long end)
{
    unsigned long flags = vma->vm_flags;
    if (file* f = vma->vm_file) {
        unsigned long pgoff = vma->vm_pgoff + ((start - vma->vm_start) >> PAGE_SHIFT);
        get_file(f);   // do_mmap's MAP_FIXED unmaps the area holding the last reference first
        auto mapped = do_mmap(f, start, end - start, prot_of(vma), MAP_PRIVATE | MAP_FIXED, pgoff);
        fput(f);
        if (mapped.is_error())
            return -mapped.error().code();
    } else {
        int error = do_munmap(mm, start, end - start);
        if (error)
            return error;
        if (!insert_area(mm, start, end, flags))
            return -ENOMEM;
    }
    return 0;
}

// Linux applies the advice to the mapped parts and says ENOMEM if there were holes.
int dontneed(mm_struct* mm, unsigned long start, unsigned long end)
{
    bool hole = false;
    for (unsigned long address = start; address < end;) {
        vm_area_struct* vma = find_vma(mm, address);
        if (!vma || vma->vm_start >= end)
            return -ENOMEM;
        if (vma->vm_start > address) {
            hole = true;
            address = vma->vm_start;
        }
        if (vma->vm_flags & (VM_LOCKED | VM_PFNMAP))
            return -EINVAL;
        unsigned long stop = vma->vm_end < end ? vma->vm_end : end;
        if (!(vma->vm_flags & VM_SHARED)) {
            int error = drop_pages(mm, vma, address, stop);
            if (error)
                return error;
        }
        address = stop;
    }
    return hole ? -ENOMEM : 0;
}

} // namespace

extern "C" long sys_madvise(unsigned long start, size_t length, int advice)
{
    if (start & ~PAGE_MASK)
        return -EINVAL;
    unsigned long end = start + PAGE_ALIGN(length);
    if (end < start || end > TASK_SIZE)
        return -EINVAL;
    switch (advice) {
    case MADV_NORMAL:
    case MADV_RANDOM:
    case MADV_SEQUENTIAL:
    case MADV_WILLNEED:
        return 0;   // read-ahead hints: every page is read in at mmap time here
    case MADV_DONTNEED:
    case MADV_FREE:   // may be dropped at once: reading zeros is one of its outcomes
        return start == end ? 0 : dontneed(current->mm, start, end);
    default:
        return -EINVAL;   // what Linux says for advice it was built without
    }
}
