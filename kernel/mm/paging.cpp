// Finishes the kernel page tables the boot code started: drops the identity
// map of the first 4 MiB (so NULL and low addresses fault) and preallocates the
// page tables of the vmalloc area, so every address space can share them.
#include <arch/x86.h>
#include <kernel/mm.h>
#include <kernel/page.h>
#include <kernel/paging.h>
#include <kernel/panic.h>
#include <libk/string.h>

namespace {

uint32_t* page_table_for(uintptr_t virt)
{
    uint32_t pde = swapper_pg_dir[virt >> 22];
    if (!(pde & pte_present) || (pde & pde_large))
        return nullptr;
    return static_cast<uint32_t*>(arch::phys_to_virt(pde & ~0xFFFu));
}

} // namespace

void paging_init()
{
    swapper_pg_dir[0] = 0;   // the identity map _start needed
    for (uintptr_t virt = vmalloc_start; virt < vmalloc_end; virt += 1u << 22) {
        void* table = alloc_pages(0);
        if (!table)
            panic("paging_init: out of memory for vmalloc page tables");
        libk::memset(table, 0, arch::page_size);
        swapper_pg_dir[virt >> 22] = arch::virt_to_phys(table) | pte_present | pte_write;
    }
    arch::write_cr3(arch::virt_to_phys(swapper_pg_dir));   // flush the old identity entries
}

bool map_kernel_page(uintptr_t virt, uintptr_t phys)
{
    if (virt < vmalloc_start || virt >= vmalloc_end)
        return false;
    uint32_t* table = page_table_for(virt);
    table[(virt >> 12) & 0x3FF] = (phys & ~0xFFFu) | pte_present | pte_write;
    arch::invlpg(virt);
    return true;
}

uintptr_t unmap_kernel_page(uintptr_t virt)
{
    if (virt < vmalloc_start || virt >= vmalloc_end)
        return 0;
    uint32_t* table = page_table_for(virt);
    uint32_t entry = table[(virt >> 12) & 0x3FF];
    table[(virt >> 12) & 0x3FF] = 0;
    arch::invlpg(virt);
    return (entry & pte_present) ? (entry & ~0xFFFu) : 0;
}
