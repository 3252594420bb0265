// mmap, munmap, mprotect and brk: the system calls over user address spaces.
// Anonymous memory is demand-zero; private file mappings are read in at mmap
// time; device and /proc files map themselves through f_op->mmap.
#include <arch/x86.h>
#include <asm/mman.h>
#include <kernel/mm.h>
#include <kernel/page.h>
#include <kernel/paging.h>
#include <kernel/sched.h>
#include <kernel/user_mm.h>
#include <kernel/vfs.h>
#include <libk/string.h>
#include <linux/errno.h>

using libk::Error;
using libk::ErrorOr;

void vma_opened(vm_area_struct* vma)
{
    if (vma->vm_file)
        get_file(vma->vm_file);
    if (vma->vm_ops && vma->vm_ops->open)
        vma->vm_ops->open(vma);
}

void vma_closed(vm_area_struct* vma)
{
    if (vma->vm_ops && vma->vm_ops->close)
        vma->vm_ops->close(vma);
    if (vma->vm_file)
        fput(vma->vm_file);
}

namespace {

unsigned long vm_flags_from(unsigned long prot, unsigned long flags)
{
    unsigned long vm_flags = VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
    if (prot & PROT_READ)
        vm_flags |= VM_READ;
    if (prot & PROT_WRITE)
        vm_flags |= VM_WRITE;
    if (prot & PROT_EXEC)
        vm_flags |= VM_EXEC;
    if (flags & MAP_SHARED)
        vm_flags |= VM_SHARED | VM_MAYSHARE;
    return vm_flags;
}

// Pages of areas inside [start, end).
unsigned long pages_in_range(mm_struct* mm, unsigned long start, unsigned long end)
{
    unsigned long pages = 0;
    for (vm_area_struct* vma = mm->mmap; vma; vma = vma->vm_next) {
        unsigned long from = vma->vm_start > start ? vma->vm_start : start;
        unsigned long to = vma->vm_end < end ? vma->vm_end : end;
        if (from < to)
            pages += (to - from) >> PAGE_SHIFT;
    }
    return pages;
}

// Reads a private file mapping's contents into its pages now.
ErrorOr<void> populate_from_file(mm_struct* mm, vm_area_struct* vma)
{
    loff_t position = static_cast<loff_t>(vma->vm_pgoff) << PAGE_SHIFT;
    for (unsigned long address = vma->vm_start; address < vma->vm_end; address += PAGE_SIZE) {
        void* page = map_user_page(mm, address);
        if (!page)
            return Error::from_errno(ENOMEM);
        ssize_t n = kernel_read(vma->vm_file, page, PAGE_SIZE, &position);
        if (n < 0)
            return Error::from_errno(static_cast<int>(-n));
        if (n < static_cast<ssize_t>(PAGE_SIZE))
            break;   // past the end of the file: the rest stays zero
    }
    return {};
}

// Shared anonymous memory must exist before a fork shares it.
ErrorOr<void> populate_anonymous(mm_struct* mm, vm_area_struct* vma)
{
    for (unsigned long address = vma->vm_start; address < vma->vm_end; address += PAGE_SIZE)
        if (!map_user_page(mm, address))
            return Error::from_errno(ENOMEM);
    return {};
}

} // namespace

ErrorOr<unsigned long> do_mmap(file* f, unsigned long address, unsigned long length, unsigned long prot,
    unsigned long flags, unsigned long pgoff)
{
    mm_struct* mm = current->mm;
    if (!mm || length == 0)
        return Error::from_errno(EINVAL);
    if (!(flags & (MAP_SHARED | MAP_PRIVATE)) || (flags & MAP_SHARED && flags & MAP_PRIVATE))
        return Error::from_errno(EINVAL);
    length = PAGE_ALIGN(length);
    if (length == 0 || length > TASK_SIZE)
        return Error::from_errno(ENOMEM);
    bool anonymous = flags & MAP_ANONYMOUS;
    if (!anonymous) {
        if (!f)
            return Error::from_errno(EBADF);
        if ((prot & PROT_READ) && !(f->f_mode & FMODE_READ))
            return Error::from_errno(EACCES);
        if ((flags & MAP_SHARED) && (prot & PROT_WRITE) && !(f->f_mode & FMODE_WRITE))
            return Error::from_errno(EACCES);
        bool regular = S_ISREG(f->f_inode->i_mode);
        if (!f->f_op || (!f->f_op->mmap && !regular))
            return Error::from_errno(ENODEV);
    }

    if (flags & MAP_FIXED) {
        if ((address & ~PAGE_MASK) || address >= TASK_SIZE || length > TASK_SIZE - address)
            return Error::from_errno(EINVAL);
        // Check the limits before the old mappings go (what they had is given back).
        if (!may_expand_vm(mm, vm_flags_from(prot, flags), (length >> PAGE_SHIFT) - pages_in_range(mm, address, address + length)))
            return Error::from_errno(ENOMEM);
        int error = do_munmap(mm, address, length);
        if (error)
            return Error::from_errno(-error);
    } else {
        address = find_free_area(mm, length);
        if (!address)
            return Error::from_errno(ENOMEM);
    }

    vm_area_struct* vma = insert_area(mm, address, address + length, vm_flags_from(prot, flags));
    if (!vma)
        return Error::from_errno(ENOMEM);
    vma->vm_pgoff = pgoff;
    ErrorOr<void> filled {};
    if (!anonymous) {
        vma->vm_file = get_file(f);
        if (f->f_op->mmap) {
            int error = f->f_op->mmap(f, vma);
            filled = error ? ErrorOr<void>(Error::from_errno(-error)) : ErrorOr<void> {};
        } else {
            // No page cache: the pages are a copy, and a shared mapping writes
            // them back on msync and munmap.
            filled = populate_from_file(mm, vma);
            if ((flags & MAP_SHARED) && (f->f_mode & FMODE_WRITE))
                vma->vm_flags |= VM_SHARED_FILE_COPY;
        }
    } else if (flags & MAP_SHARED) {
        filled = populate_anonymous(mm, vma);
    }
    if (filled.is_error()) {
        do_munmap(mm, address, length);
        return filled.error();
    }
    return address;
}

// remap_pfn_range: a driver's mmap handler maps physical pages it owns (a kmalloc
// buffer, device memory) into the caller. The pages stay the driver's.
extern "C" int remap_pfn_range(vm_area_struct* vma, unsigned long address, unsigned long pfn, unsigned long size,
    pgprot_t prot)
{
    if ((address & ~PAGE_MASK) || address < vma->vm_start || size > vma->vm_end - address)
        return -EINVAL;
    vma->vm_flags |= VM_PFNMAP | VM_IO | VM_DONTEXPAND | VM_DONTDUMP;
    mm_struct* mm = vma->vm_mm;
    uint32_t pte_bits = pte_present | pte_user | ((vma->vm_flags & VM_WRITE) ? pte_write : 0);
    (void)prot;   // the area's own flags decide writability, as vm_page_prot does on Linux
    for (unsigned long offset = 0; offset < PAGE_ALIGN(size); offset += PAGE_SIZE) {
        if (!install_pfn(mm, address + offset, (pfn << PAGE_SHIFT) + offset, pte_bits))
            return -ENOMEM;
    }
    return 0;
}

extern "C" long sys_mmap2(unsigned long address, unsigned long length, unsigned long prot, unsigned long flags,
    int fd, unsigned long pgoff)
{
    file* f = nullptr;
    if (!(flags & MAP_ANONYMOUS)) {
        f = fget(fd);
        if (!f)
            return -EBADF;
    }
    ErrorOr<unsigned long> result = do_mmap(f, address, length, prot, flags, pgoff);
    if (f)
        fput(f);
    if (result.is_error())
        return -result.error().code();
    return static_cast<long>(result.value());
}

extern "C" long sys_munmap(unsigned long address, unsigned long length)
{
    return do_munmap(current->mm, address, length);
}

extern "C" long sys_mprotect(unsigned long start, unsigned long length, unsigned long prot)
{
    mm_struct* mm = current->mm;
    if ((start & ~PAGE_MASK) || start >= TASK_SIZE)
        return -EINVAL;
    unsigned long end = PAGE_ALIGN(start + length);
    if (end < start || end > TASK_SIZE)
        return -ENOMEM;
    for (unsigned long address = start; address < end;) {
        vm_area_struct* vma = find_vma(mm, address);
        if (!vma || vma->vm_start > address)
            return -ENOMEM;
        if (vma->vm_start < address)
            vma = split_vma(mm, vma, address);
        if (vma && vma->vm_end > end && !split_vma(mm, vma, end))
            vma = nullptr;
        if (!vma)
            return -ENOMEM;
        vma->vm_flags = (vma->vm_flags & ~(VM_READ | VM_WRITE | VM_EXEC)) | (vm_flags_from(prot, 0) & (VM_READ | VM_WRITE | VM_EXEC));
        protect_pages(mm, vma);
        address = vma->vm_end;
    }
    return 0;
}

extern "C" long sys_brk(unsigned long new_brk)
{
    return static_cast<long>(do_brk(current->mm, new_brk));
}

extern "C" long sys_msync(unsigned long start, size_t length, int flags)
{
    if ((start & ~PAGE_MASK) || (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC)))
        return -EINVAL;
    mm_struct* mm = current->mm;
    unsigned long end = PAGE_ALIGN(start + length);
    for (unsigned long address = start; address < end;) {
        vm_area_struct* vma = find_vma(mm, address);
        if (!vma || vma->vm_start > address)
            return -ENOMEM;
        unsigned long stop = vma->vm_end < end ? vma->vm_end : end;
        if (vma->vm_flags & VM_SHARED_FILE_COPY)
            writeback_shared_file(mm, vma, address, stop);
        address = stop;
    }
    return 0;
}
