// The physical page allocator core: a buddy system over page frame numbers. It only
// touches its per-frame metadata (PageFrame), never the pages, so it is host-testable.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace libk {

// One per physical page, like Linux's struct page.
struct PageFrame {
    PageFrame* next;  // free-list links (private to the allocator)
    PageFrame* prev;
    uint32_t flags;   // flag_* below
    uint8_t order;    // order of the free block this frame heads (or of the allocation it heads)
    uint32_t tag;     // free for the owner of an allocated page (kmalloc stores its size class here)

    // Heads a free block of 2^order pages that sits on a free list.
    static constexpr uint32_t flag_free = 1u << 0;
    // Never handed to the allocator (firmware, the kernel image, holes): never allocated or merged.
    static constexpr uint32_t flag_reserved = 1u << 1;
};
static_assert(sizeof(PageFrame) <= 32);

// Blocks of 2^order frames, aligned to 2^order in absolute pfn terms (so physical
// addresses are aligned too). Frames inside a free block other than its head carry no
// flags, so freeing such a frame cannot be detected cheaply: the caller must pass what
// alloc() returned.
class BuddyAllocator {
public:
    static constexpr unsigned max_order = 10;  // blocks up to 2^10 pages = 4 MiB
    static constexpr uint32_t no_page = 0xFFFFFFFF;

    // frames[i] describes pfn base_pfn + i. All frames start reserved (in use).
    void init(uint32_t base_pfn, uint32_t frame_count, PageFrame* frames);
    // Boot: hand usable RAM to the allocator (any alignment; clipped to the managed
    // range; frames already handed over are skipped).
    void free_range(uint32_t pfn, uint32_t count);
    // Boot, after the last free_range: each free list in address order, so that
    // allocations take the lowest free memory first (Linux's boot-time frees go
    // to the lists' tails for this). Frees after it still go to the head: the
    // most recently used pages are handed out again first.
    void sort_free_lists();

    // 2^order contiguous frames aligned to 2^order, or no_page when out of memory.
    uint32_t alloc(unsigned order);
    // Merges with free buddies. Obvious misuse (out of range, misaligned, reserved,
    // already free) is ignored and counted in bad_frees().
    void free(uint32_t pfn, unsigned order);

    PageFrame* frame(uint32_t pfn);  // nullptr outside the managed range
    const PageFrame* frame(uint32_t pfn) const;
    uint32_t pfn_of(const PageFrame* frame) const { return m_base_pfn + static_cast<uint32_t>(frame - m_frames); }

    size_t free_pages() const { return m_free_pages; }
    size_t managed_pages() const { return m_managed_pages;  }  // pages ever handed over by free_range
    size_t free_blocks(unsigned order) const { return order <= max_order ? m_free_count[order] : 0; }
    size_t bad_frees() const { return m_bad_frees; }

private:
    void push_free(PageFrame* frame, unsigned order);
    void remove_free(PageFrame* frame);
    void free_block(uint32_t pfn, unsigned order);

    PageFrame* m_frames { nullptr };
    uint32_t m_base_pfn { 0 };
    uint32_t m_frame_count { 0 };
    PageFrame* m_free_list[max_order + 1] {};
    size_t m_free_count[max_order + 1] {};
    size_t m_free_pages { 0 };
    size_t m_managed_pages { 0 };
    size_t m_bad_frees { 0 };
};

} // namespace libk
