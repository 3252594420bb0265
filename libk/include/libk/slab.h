// The size-class core of kmalloc: small objects carved from single pages, larger
// requests as 2^order whole pages. Pages come from a PageSource (the buddy allocator).
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace libk {

// Where the slab gets its pages. The per-page tag lets free() find an object's size
// class from its pointer alone (the kernel keeps it in PageFrame::tag).
struct PageSource {
    void* (*alloc_pages)(unsigned order) = nullptr;  // page-aligned memory, or nullptr
    void (*free_pages)(void* address, unsigned order) = nullptr;
    void (*set_tag)(const void* page, uint32_t tag) = nullptr;
    uint32_t (*get_tag)(const void* page) = nullptr;
};

// Linux's ZERO_SIZE_PTR: what kmalloc(0) returns; faults if used, free() accepts it.
constexpr uintptr_t zero_size_address = 16;
inline void* zero_size_ptr() { return reinterpret_cast<void*>(zero_size_address); }

// What a debugging slab (Linux's slub_debug=FPZ in spirit) tells its owner: a
// double free, a write into a freed object, or a free of a pointer that is no
// object. `object` is the pointer concerned, `size` its class's size (0: not in a slab page).
enum class SlabProblem { already_free, poison_overwritten, invalid_pointer };
using SlabReport = void (*)(SlabProblem problem, const void* object, size_t size, size_t offset);

class SlabAllocator {
public:
    static constexpr size_t page_size = 4096;
    static constexpr size_t class_count = 11;
    static constexpr size_t class_sizes[class_count] = { 8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048 };
    static constexpr unsigned max_large_order = 15;  // 128 MiB; larger requests fail

    // Page tags: kind in bits 31..20, a free-slot mask in bits 15..8 (headerless
    // slabs only), the class index or page order in bits 3..0.
    static constexpr uint32_t tag_kind_shift = 20;
    static constexpr uint32_t tag_kind_slab = 0x51A;       // slab page with a header
    static constexpr uint32_t tag_kind_slab_bare = 0x51B;  // slab page without a header
    static constexpr uint32_t tag_kind_large = 0x1A6;      // first page of a large allocation

    void init(const PageSource& source);
    // Debugging: freed objects are filled with `poison_free` and checked when handed
    // out again; a double free is found by looking through the page's free objects.
    // Costs a fill and a check per call: off unless asked for.
    static constexpr uint8_t poison_free = 0x6b;   // Linux's POISON_FREE
    void set_debug(SlabReport report) { m_report = report; }
    bool debugging() const { return m_report != nullptr; }

    void* alloc(size_t size);  // size 0 gives zero_size_ptr(); nullptr when out of memory
    void free(void* pointer);  // nullptr and zero_size_ptr() are ignored
    size_t usable_size(const void* pointer) const;  // Linux ksize(); 0 for nullptr / foreign pointers
    void* realloc(void* pointer, size_t new_size);  // krealloc: new_size 0 frees and gives zero_size_ptr()

    size_t bytes_in_use() const { return m_bytes_in_use; }  // sum of usable sizes of live allocations
    size_t pages_in_use() const { return m_pages_in_use; }  // pages held (slabs + large)
    // free()/realloc() of pointers this allocator did not hand out (or already freed,
    // where that is cheap to see): ignored, counted here.
    size_t bad_frees() const { return m_bad_frees; }

private:
    void* alloc_small(unsigned index);
    void* alloc_bare(unsigned index);
    void* alloc_large(size_t size);
    bool free_small(uintptr_t page, uintptr_t address, unsigned index);
    bool free_bare(uintptr_t page, uintptr_t address, unsigned index, uint32_t mask);
    bool free_large(uintptr_t page, uintptr_t address, unsigned order);
    void release_page(uintptr_t page);
    bool is_free_small(uintptr_t page, uintptr_t address) const;
    void poison(uintptr_t address, size_t keep, size_t size) const;
    void check_poison(uintptr_t address, size_t keep, size_t size) const;
    void report(SlabProblem problem, uintptr_t address, size_t size, size_t offset) const;

    PageSource m_source {};
    // Per class: pages with at least one free object. For classes with a header the
    // list links SlabHeaders; for headerless ones it links FreeNodes kept inside a free object.
    void* m_partial[class_count] {};
    size_t m_empty_pages[class_count] {};  // wholly free pages kept, at most one per class
    size_t m_bytes_in_use { 0 };
    size_t m_pages_in_use { 0 };
    size_t m_bad_frees { 0 };
    SlabReport m_report { nullptr };
};

} // namespace libk
