// User address spaces: page tables, areas, demand-zero and copy-on-write faults.
// A user page's PageFrame::tag counts the page tables mapping it.
#include <arch/x86.h>
#include <kernel/mm.h>
#include <kernel/page.h>
#include <kernel/paging.h>
#include <kernel/proc.h>
#include <kernel/resource.h>
#include <kernel/sched.h>
#include <kernel/user_mm.h>
#include <kernel/vfs.h>
#include <libk/string.h>
#include <linux/errno.h>
#include <linux/printk.h>

namespace {

constexpr unsigned kernel_pde_first = TASK_SIZE >> 22;   // 768

uint32_t* pte_of(mm_struct* mm, unsigned long address, bool create)
{
    uint32_t& pde = mm->pgd[address >> 22];
    if (!(pde & pte_present)) {
        if (!create)
            return nullptr;
        void* table = alloc_pages(0);
        if (!table)
            return nullptr;
        libk::memset(table, 0, arch::page_size);
        pde = arch::virt_to_phys(table) | pte_present | pte_write | pte_user;
    }
    auto* table = static_cast<uint32_t*>(arch::phys_to_virt(pde & ~0xFFFu));
    return &table[(address >> 12) & 0x3FF];
}

libk::PageFrame* frame_of(uint32_t pte)
{
    return virt_to_page(arch::phys_to_virt(pte & ~0xFFFu));
}

void get_page(uint32_t pte) { page_ref_inc(arch::phys_to_virt(pte & ~0xFFFu)); }
void put_page(uint32_t pte) { put_page_at(arch::phys_to_virt(pte & ~0xFFFu)); }

uint32_t pte_flags_for(const vm_area_struct* vma)
{
    uint32_t flags = pte_present | pte_user;
    if (vma->vm_flags & VM_WRITE)
        flags |= pte_write;
    return flags;
}

bool is_current(const mm_struct* mm)
{
    return current && current->mm == mm;
}

void flush_page(const mm_struct* mm, unsigned long address)
{
    if (is_current(mm))
        arch::invlpg(address);
}

// A new zeroed page, counted once, for the user.
void* new_user_page()
{
    void* page = alloc_user_pages(0);
    if (!page)
        return nullptr;
    libk::memset(page, 0, arch::page_size);
    set_page_count(page, 1);
    return page;
}

// Copy-on-write's copy: the page `pte` maps becomes a new one of this address
// space's own, with the old one's bytes and the area's permissions; the old
// one loses a reference. Returns the copy, or nullptr without memory.
void* copy_shared_page(mm_struct* mm, uint32_t* pte, const vm_area_struct* vma, unsigned long page_address)
{
    void* copy = new_user_page();
    if (!copy)
        return nullptr;
    libk::memcpy(copy, arch::phys_to_virt(*pte & ~0xFFFu), arch::page_size);
    put_page(*pte);
    *pte = arch::virt_to_phys(copy) | pte_flags_for(vma);
    flush_page(mm, page_address);
    return copy;
}

void unmap_pages(mm_struct* mm, vm_area_struct* vma, unsigned long start, unsigned long end)
{
    if (vma->vm_flags & VM_SHARED_FILE_COPY)
        writeback_shared_file(mm, vma, start, end);
    for (unsigned long address = start; address < end; address += arch::page_size) {
        uint32_t* pte = pte_of(mm, address, false);
        if (!pte || !(*pte & pte_present))
            continue;
        if (!(vma->vm_flags & VM_PFNMAP))
            put_page(*pte);
        *pte = 0;
        flush_page(mm, address);
        --mm->rss;
    }
}

void link_vma(mm_struct* mm, vm_area_struct* vma)
{
    vm_area_struct** link = &mm->mmap;
    while (*link && (*link)->vm_start < vma->vm_start)
        link = &(*link)->vm_next;
    vma->vm_next = *link;
    *link = vma;
    vma->vm_mm = mm;
    ++mm->map_count;
}

void free_vma(vm_area_struct* vma);

// Linux's stack_guard_gap: a growing stack keeps 1 MiB away from the area below it.
constexpr unsigned long stack_guard_gap = 256 * PAGE_SIZE;

bool is_data_mapping(unsigned long vm_flags)
{
    return (vm_flags & (VM_WRITE | VM_SHARED | VM_GROWSDOWN)) == VM_WRITE;
}

// A fault below a VM_GROWSDOWN area: the area grows down to the faulting page
// (Linux's expand_downwards), within RLIMIT_STACK, RLIMIT_AS and the guard gap.
int expand_stack(mm_struct* mm, vm_area_struct* vma, unsigned long address)
{
    if (!(vma->vm_flags & VM_GROWSDOWN))
        return -EFAULT;
    unsigned long new_start = address & PAGE_MASK;
    if (vma->vm_end - new_start > rlimit(RLIMIT_STACK))
        return -ENOMEM;
    vm_area_struct* below = nullptr;
    for (vm_area_struct* area = mm->mmap; area && area != vma; area = area->vm_next)
        below = area;
    if (below && (new_start < below->vm_end || new_start - below->vm_end < stack_guard_gap))
        return -ENOMEM;
    if (!may_expand_vm(mm, vma->vm_flags, (vma->vm_start - new_start) >> PAGE_SHIFT))
        return -ENOMEM;
    vma->vm_start = new_start;
    return 0;
}

} // namespace

namespace {

// Pages of all areas, or of the data mappings only (Linux keeps both as counters).
unsigned long mapped_pages(const mm_struct* mm, bool data_only)
{
    unsigned long pages = 0;
    for (const vm_area_struct* vma = mm->mmap; vma; vma = vma->vm_next)
        if (!data_only || is_data_mapping(vma->vm_flags))
            pages += (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
    return pages;
}

} // namespace

unsigned long mm_total_vm(const mm_struct* mm)
{
    return mapped_pages(mm, false);
}

unsigned long mm_data_vm(const mm_struct* mm)
{
    return mapped_pages(mm, true);
}

unsigned long mm_pgtables_pages(const mm_struct* mm)
{
    unsigned long pages = 1;   // the page directory
    for (unsigned i = 0; i < kernel_pde_first; ++i)
        pages += mm->pgd[i] & pte_present;
    return pages;
}

bool may_expand_vm(mm_struct* mm, unsigned long vm_flags, unsigned long pages)
{
    unsigned long as = rlimit(RLIMIT_AS);
    if (as != RLIM_INFINITY && mm_total_vm(mm) + pages > as >> PAGE_SHIFT)
        return false;
    unsigned long data = rlimit(RLIMIT_DATA);
    if (is_data_mapping(vm_flags) && data != RLIM_INFINITY) {
        unsigned long data_vm = mm_data_vm(mm);
        if (data_vm + pages > data >> PAGE_SHIFT) {
            static bool warned = false;   // Linux's pr_warn_once
            if (!warned)
                pr_warn("mmap: %s (%d): VmData %lu exceed data ulimit %lu. Update limits.\n", current->comm,
                    current->pid, (data_vm + pages) << PAGE_SHIFT, data);
            warned = true;
            return false;
        }
    }
    return true;
}

unsigned long stack_area_start(unsigned long used)
{
    constexpr unsigned long stack_expand = 128 * 1024;
    unsigned long size = PAGE_ALIGN(used) + stack_expand;
    unsigned long limit = rlimit(RLIMIT_STACK) & PAGE_MASK;
    if (size > limit)
        size = limit > PAGE_ALIGN(used) ? limit : PAGE_ALIGN(used);
    if (size > STACK_SIZE_MAX)
        size = STACK_SIZE_MAX;
    return STACK_TOP - size;
}

mm_struct* mm_alloc()
{
    auto* mm = static_cast<mm_struct*>(kzalloc(sizeof(mm_struct), GFP_KERNEL));
    void* pgd = alloc_pages(0);
    if (!mm || !pgd) {
        kfree(mm);
        free_pages(pgd, 0);
        return nullptr;
    }
    mm->pgd = static_cast<uint32_t*>(pgd);
    libk::memset(mm->pgd, 0, kernel_pde_first * 4);
    // The kernel half: the same page tables in every address space.
    libk::memcpy(mm->pgd + kernel_pde_first, swapper_pg_dir + kernel_pde_first, (1024 - kernel_pde_first) * 4);
    mm->mm_users = 1;
    return mm;
}

void switch_mm(mm_struct* mm)
{
    uint32_t* pgd = mm ? mm->pgd : swapper_pg_dir;
    uint32_t phys = arch::virt_to_phys(pgd);
    if (arch::read_cr3() != phys)
        arch::write_cr3(phys);
}

vm_area_struct* find_vma(mm_struct* mm, unsigned long address)
{
    for (vm_area_struct* vma = mm->mmap; vma; vma = vma->vm_next)
        if (vma->vm_end > address)
            return vma;
    return nullptr;
}

void mmput(mm_struct* mm)
{
    if (!mm || --mm->mm_users > 0)
        return;
    set_mm_exe_file(mm, nullptr);
    while (vm_area_struct* vma = mm->mmap) {
        mm->mmap = vma->vm_next;
        unmap_pages(mm, vma, vma->vm_start, vma->vm_end);
        free_vma(vma);
    }
    for (unsigned i = 0; i < kernel_pde_first; ++i)
        if (mm->pgd[i] & pte_present)
            free_pages(arch::phys_to_virt(mm->pgd[i] & ~0xFFFu), 0);
    if (is_current(mm) || arch::read_cr3() == arch::virt_to_phys(mm->pgd))
        switch_mm(nullptr);
    free_pages(mm->pgd, 0);
    kfree(mm);
}

mm_struct* dup_mm(mm_struct* old)
{
    mm_struct* mm = mm_alloc();
    if (!mm)
        return nullptr;
    uint32_t* pgd = mm->pgd;
    *mm = *old;
    mm->pgd = pgd;
    mm->mmap = nullptr;
    mm->map_count = 0;
    mm->mm_users = 1;
    if (mm->exe_file)
        get_file(mm->exe_file);   // shared with the parent; mmput drops it

    for (vm_area_struct* area = old->mmap; area; area = area->vm_next) {
        if (area->vm_flags & VM_DONTCOPY)
            continue;
        auto* copy = static_cast<vm_area_struct*>(kmalloc(sizeof(vm_area_struct), GFP_KERNEL));
        if (!copy) {
            mmput(mm);
            return nullptr;
        }
        *copy = *area;
        vma_opened(copy);
        link_vma(mm, copy);
        bool cow = !(area->vm_flags & (VM_SHARED | VM_PFNMAP));
        for (unsigned long address = area->vm_start; address < area->vm_end; address += arch::page_size) {
            uint32_t* source = pte_of(old, address, false);
            if (!source || !(*source & pte_present))
                continue;
            uint32_t* target = pte_of(mm, address, true);
            if (!target) {
                mmput(mm);
                return nullptr;
            }
            if (cow && (*source & pte_write)) {
                *source &= ~pte_write;   // both sides read-only until one writes
                flush_page(old, address);
            }
            *target = *source;
            if (!(area->vm_flags & VM_PFNMAP))
                get_page(*source);
        }
    }
    return mm;
}

VmFault handle_mm_fault(mm_struct* mm, unsigned long address, bool write)
{
    if (!mm || address >= TASK_SIZE)
        return VmFault::SigSegv;
    vm_area_struct* vma = find_vma(mm, address);
    if (!vma)
        return VmFault::SigSegv;
    if (vma->vm_start > address && expand_stack(mm, vma, address) != 0)
        return VmFault::SigSegv;
    if (write ? !(vma->vm_flags & VM_WRITE) : !(vma->vm_flags & (VM_READ | VM_EXEC | VM_WRITE)))
        return VmFault::SigSegv;
    unsigned long page_address = address & PAGE_MASK;
    uint32_t* pte = pte_of(mm, page_address, true);
    if (!pte)
        return VmFault::Oom;

    if (!(*pte & pte_present)) {
        if (vma->vm_flags & VM_PFNMAP)
            return VmFault::SigSegv;   // the driver mapped everything it wanted mapped
        void* page = new_user_page();
        if (!page)
            return VmFault::Oom;
        *pte = arch::virt_to_phys(page) | pte_flags_for(vma);
        ++mm->rss;
        flush_page(mm, page_address);
        return VmFault::Done;
    }
    if (write && !(*pte & pte_write)) {
        // Copy-on-write: the last user takes the page over, others get a copy.
        if (frame_of(*pte)->tag == 1) {
            *pte |= pte_write;
            flush_page(mm, page_address);
        } else if (!copy_shared_page(mm, pte, vma, page_address)) {
            return VmFault::Oom;
        }
    }
    return VmFault::Done;
}

void* map_user_page(mm_struct* mm, unsigned long address)
{
    vm_area_struct* vma = find_vma(mm, address);
    if (!vma || vma->vm_start > address)
        return nullptr;
    uint32_t* pte = pte_of(mm, address & PAGE_MASK, true);
    if (!pte)
        return nullptr;
    if ((*pte & pte_present) && frame_of(*pte)->tag == 1)
        return arch::phys_to_virt(*pte & ~0xFFFu);
    // A file's page an earlier segment shares (map_file_page): the caller
    // writes, so it gets a copy of its own.
    if (*pte & pte_present)
        return copy_shared_page(mm, pte, vma, address & PAGE_MASK);
    void* page = new_user_page();
    if (!page)
        return nullptr;
    *pte = arch::virt_to_phys(page) | pte_flags_for(vma);
    ++mm->rss;
    flush_page(mm, address & PAGE_MASK);
    return page;
}

bool map_file_page(mm_struct* mm, unsigned long address, void* page)
{
    uint32_t* pte = pte_of(mm, address & PAGE_MASK, true);
    if (!pte || (*pte & pte_present))
        return false;
    // Read-only whatever the area allows: a write takes a copy (the page has
    // the file's reference too, so it is never the writer's alone).
    *pte = arch::virt_to_phys(page) | pte_present | pte_user;
    ++mm->rss;
    flush_page(mm, address & PAGE_MASK);
    return true;
}

void writeback_shared_file(mm_struct* mm, vm_area_struct* vma, unsigned long start, unsigned long end)
{
    file* f = vma->vm_file;
    loff_t size = f->f_inode->i_size;
    for (unsigned long address = start; address < end; address += arch::page_size) {
        uint32_t* pte = pte_of(mm, address, false);
        if (!pte || !(*pte & pte_present))
            continue;
        loff_t position = (static_cast<loff_t>(vma->vm_pgoff) << PAGE_SHIFT) + (address - vma->vm_start);
        if (position >= size)
            break;   // the mapping never extends the file
        size_t length = size - position < static_cast<loff_t>(arch::page_size) ? static_cast<size_t>(size - position) : arch::page_size;
        kernel_write(f, arch::phys_to_virt(*pte & ~0xFFFu), length, &position);
    }
}

vm_area_struct* split_vma(mm_struct* mm, vm_area_struct* vma, unsigned long address)
{
    auto* upper = static_cast<vm_area_struct*>(kmalloc(sizeof(vm_area_struct), GFP_KERNEL));
    if (!upper)
        return nullptr;
    *upper = *vma;
    upper->vm_start = address;
    upper->vm_pgoff += (address - vma->vm_start) >> PAGE_SHIFT;
    vma_opened(upper);
    vma->vm_end = address;
    upper->vm_next = vma->vm_next;
    vma->vm_next = upper;
    ++mm->map_count;
    return upper;
}

bool install_pfn(mm_struct* mm, unsigned long address, unsigned long phys, uint32_t pte_bits)
{
    uint32_t* pte = pte_of(mm, address, true);
    if (!pte)
        return false;
    if (!(*pte & pte_present))
        ++mm->rss;
    *pte = (phys & PAGE_MASK) | pte_bits;
    flush_page(mm, address);
    return true;
}

void protect_pages(mm_struct* mm, vm_area_struct* vma)
{
    for (unsigned long address = vma->vm_start; address < vma->vm_end; address += arch::page_size) {
        uint32_t* pte = pte_of(mm, address, false);
        if (!pte || !(*pte & pte_present))
            continue;
        bool shared_page = !(vma->vm_flags & VM_PFNMAP) && frame_of(*pte)->tag > 1 && !(vma->vm_flags & VM_SHARED);
        if ((vma->vm_flags & VM_WRITE) && !shared_page)
            *pte |= pte_write;
        else
            *pte &= ~pte_write;
        flush_page(mm, address);
    }
}

void set_page_count(void* page, uint32_t count) { virt_to_page(page)->tag = count; }
void page_ref_inc(void* page) { ++virt_to_page(page)->tag; }

void put_page_at(void* page)
{
    if (--virt_to_page(page)->tag == 0)
        free_pages(page, 0);
}

void* get_user_page(mm_struct* mm, unsigned long address, bool write)
{
    if (!mm || address >= TASK_SIZE)
        return nullptr;
    vm_area_struct* vma = find_vma(mm, address);
    if (!vma || vma->vm_start > address || (vma->vm_flags & VM_PFNMAP))
        return nullptr;   // a driver's memory has no page counts to take
    for (int tries = 0; tries < 2; ++tries) {
        uint32_t* pte = pte_of(mm, address & PAGE_MASK, false);
        if (pte && (*pte & pte_present) && (!write || (*pte & pte_write))) {
            void* page = arch::phys_to_virt(*pte & ~0xFFFu);
            page_ref_inc(page);
            return page;
        }
        if (handle_mm_fault(mm, address, write) != VmFault::Done)
            return nullptr;
    }
    return nullptr;
}

int access_process_vm(Task* task, unsigned long address, void* buffer, int length)
{
    mm_struct* mm = task->mm;
    if (!mm || length < 0)
        return 0;
    int done = 0;
    auto* out = static_cast<char*>(buffer);
    while (done < length) {
        unsigned long at = address + done;
        if (at >= TASK_SIZE)
            break;
        uint32_t* pte = pte_of(mm, at & PAGE_MASK, false);
        if (!pte || !(*pte & pte_present))
            break;
        unsigned offset = at & ~PAGE_MASK;
        int chunk = static_cast<int>(arch::page_size - offset);
        if (chunk > length - done)
            chunk = length - done;
        libk::memcpy(out + done, static_cast<char*>(arch::phys_to_virt(*pte & ~0xFFFu)) + offset, chunk);
        done += chunk;
    }
    return done;
}

// ---- areas ----

namespace {

void free_vma(vm_area_struct* vma)
{
    vma_closed(vma);
    kfree(vma);
}

} // namespace

// Removes [start, end) from the areas, splitting the ones that straddle it.
int do_munmap(mm_struct* mm, unsigned long start, unsigned long length)
{
    if ((start & ~PAGE_MASK) || start >= TASK_SIZE || length == 0 || length > TASK_SIZE - start)
        return -EINVAL;
    unsigned long end = PAGE_ALIGN(start + length);
    vm_area_struct** link = &mm->mmap;
    while (vm_area_struct* vma = *link) {
        if (vma->vm_end <= start || vma->vm_start >= end) {
            link = &vma->vm_next;
            continue;
        }
        // A hole in the middle: split off the tail, then cut the end of the head.
        if (vma->vm_start < start && vma->vm_end > end && !split_vma(mm, vma, end))
            return -ENOMEM;
        unsigned long cut_start = vma->vm_start > start ? vma->vm_start : start;
        unsigned long cut_end = vma->vm_end < end ? vma->vm_end : end;
        unmap_pages(mm, vma, cut_start, cut_end);
        if (cut_start == vma->vm_start && cut_end == vma->vm_end) {
            *link = vma->vm_next;
            --mm->map_count;
            free_vma(vma);
            continue;
        }
        if (cut_start == vma->vm_start) {
            vma->vm_pgoff += (cut_end - vma->vm_start) >> PAGE_SHIFT;
            vma->vm_start = cut_end;
        } else {
            vma->vm_end = cut_start;
        }
        link = &vma->vm_next;
    }
    return 0;
}

// The lowest gap of `length` bytes at or above MMAP_BASE.
unsigned long find_free_area(mm_struct* mm, unsigned long length)
{
    unsigned long candidate = MMAP_BASE;
    for (vm_area_struct* vma = mm->mmap; vma; vma = vma->vm_next) {
        if (vma->vm_end <= candidate)
            continue;
        if (vma->vm_start >= candidate + length)
            break;
        candidate = vma->vm_end;
    }
    return candidate + length <= STACK_TOP - STACK_SIZE_MAX ? candidate : 0;
}

vm_area_struct* insert_area(mm_struct* mm, unsigned long start, unsigned long end, unsigned long vm_flags)
{
    if (!may_expand_vm(mm, vm_flags, (end - start) >> PAGE_SHIFT))
        return nullptr;
    auto* vma = static_cast<vm_area_struct*>(kzalloc(sizeof(vm_area_struct), GFP_KERNEL));
    if (!vma)
        return nullptr;
    vma->vm_start = start;
    vma->vm_end = end;
    vma->vm_flags = vm_flags;
    vma->vm_page_prot = __pgprot(pte_present | pte_user | ((vm_flags & VM_WRITE) ? pte_write : 0));
    link_vma(mm, vma);
    return vma;
}

unsigned long do_brk(mm_struct* mm, unsigned long new_brk)
{
    if (new_brk < mm->start_brk || new_brk >= STACK_TOP - STACK_SIZE_MAX)
        return mm->brk;
    unsigned long old_end = PAGE_ALIGN(mm->brk), new_end = PAGE_ALIGN(new_brk);
    if (new_end < old_end) {
        do_munmap(mm, new_end, old_end - new_end);
    } else if (new_end > old_end) {
        vm_area_struct* next = find_vma(mm, old_end);
        if (next && next->vm_start < new_end)
            return mm->brk;   // would run into another mapping
        // RLIMIT_DATA counts the heap and the data segment (Linux's check_data_rlimit).
        unsigned long data_limit = rlimit(RLIMIT_DATA);
        if (data_limit != RLIM_INFINITY && (new_brk - mm->start_brk) + (mm->end_data - mm->start_data) > data_limit)
            return mm->brk;
        vm_area_struct* heap = old_end > mm->start_brk ? find_vma(mm, old_end - 1) : nullptr;
        if (heap && heap->vm_end == old_end && !heap->vm_file) {
            if (!may_expand_vm(mm, heap->vm_flags, (new_end - old_end) >> PAGE_SHIFT))
                return mm->brk;
            heap->vm_end = new_end;   // the heap area just grows
        }
        else if (!insert_area(mm, old_end, new_end, VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE))
            return mm->brk;
    }
    mm->brk = new_brk;
    return new_brk;
}
