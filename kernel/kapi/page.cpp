// Whole pages for modules (include/linux/gfp.h): Linux's unsigned-long
// interface to the kernel's buddy allocator.
#include <kernel/mm.h>
#include <libk/string.h>
#include <linux/export.h>
#include <linux/gfp.h>
#include <linux/mm_types.h>

extern "C" unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order)
{
    void* pages = alloc_pages(order);
    if (pages && (gfp_mask & __GFP_ZERO))
        libk::memset(pages, 0, PAGE_SIZE << order);
    return reinterpret_cast<unsigned long>(pages);
}
EXPORT_SYMBOL(__get_free_pages);

extern "C" unsigned long get_zeroed_page(gfp_t gfp_mask)
{
    return __get_free_pages(gfp_mask | __GFP_ZERO, 0);
}
EXPORT_SYMBOL(get_zeroed_page);

// The kernel's own free_pages(void*, order) is a C++ overload of this one.
extern "C" void free_pages(unsigned long addr, unsigned int order)
{
    if (addr)
        free_pages(reinterpret_cast<void*>(addr), order);
}

// EXPORT_SYMBOL takes &free_pages, which the overload makes ambiguous: the
// entry is written out here with the C function picked by its type.
namespace {
using c_free_pages_t = void (*)(unsigned long, unsigned int);
__attribute__((used, section("__ksymtab_strings"), aligned(1))) const char kstrtab_free_pages[] = "free_pages";
__attribute__((used, section("__ksymtab"), aligned(4))) const kernel_symbol ksymtab_free_pages = {
    reinterpret_cast<unsigned long>(static_cast<c_free_pages_t>(&free_pages)), kstrtab_free_pages };
}
