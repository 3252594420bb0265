// The buddy system: split larger blocks to allocate, merge a freed block with its buddy.
#include <libk/buddy_allocator.h>

namespace libk {

void BuddyAllocator::init(uint32_t base_pfn, uint32_t frame_count, PageFrame* frames)
{
    m_frames = frames;
    m_base_pfn = base_pfn;
    m_frame_count = frame_count;
    for (uint32_t i = 0; i < frame_count; ++i)
        frames[i] = { nullptr, nullptr, PageFrame::flag_reserved, 0, 0 };
    for (unsigned order = 0; order <= max_order; ++order) {
        m_free_list[order] = nullptr;
        m_free_count[order] = 0;
    }
    m_free_pages = 0;
    m_managed_pages = 0;
    m_bad_frees = 0;
}

PageFrame* BuddyAllocator::frame(uint32_t pfn)
{
    if (pfn < m_base_pfn || pfn - m_base_pfn >= m_frame_count)
        return nullptr;
    return &m_frames[pfn - m_base_pfn];
}

const PageFrame* BuddyAllocator::frame(uint32_t pfn) const
{
    return const_cast<BuddyAllocator*>(this)->frame(pfn);
}

void BuddyAllocator::push_free(PageFrame* frame, unsigned order)
{
    frame->flags |= PageFrame::flag_free;
    frame->order = static_cast<uint8_t>(order);
    frame->prev = nullptr;
    frame->next = m_free_list[order];
    if (frame->next)
        frame->next->prev = frame;
    m_free_list[order] = frame;
    ++m_free_count[order];
}

void BuddyAllocator::remove_free(PageFrame* frame)
{
    if (frame->prev)
        frame->prev->next = frame->next;
    else
        m_free_list[frame->order] = frame->next;
    if (frame->next)
        frame->next->prev = frame->prev;
    frame->next = frame->prev = nullptr;
    frame->flags &= ~PageFrame::flag_free;
    --m_free_count[frame->order];
}

void BuddyAllocator::free_range(uint32_t pfn, uint32_t count)
{
    // Clip to the managed range.
    uint64_t end = static_cast<uint64_t>(pfn) + count;
    uint64_t managed_end = static_cast<uint64_t>(m_base_pfn) + m_frame_count;
    if (pfn < m_base_pfn)
        pfn = m_base_pfn;
    if (end > managed_end)
        end = managed_end;

    uint64_t current = pfn;
    while (current < end) {
        PageFrame* f = frame(static_cast<uint32_t>(current));
        if (!(f->flags & PageFrame::flag_reserved)) {
            ++current;  // already handed over
            continue;
        }
        // Hand over the largest aligned block that starts here and is all reserved.
        unsigned order = 0;
        while (order < max_order && (current & ((2ull << order) - 1)) == 0 && current + (2ull << order) <= end)
            ++order;
        uint32_t block = 1u << order;
        for (uint32_t i = 0; i < block; ++i) {
            if (!(f[i].flags & PageFrame::flag_reserved)) {
                order = 0;  // a frame inside was handed over before: go page by page
                block = 1;
                break;
            }
        }
        for (uint32_t i = 0; i < block; ++i)
            f[i].flags &= ~PageFrame::flag_reserved;
        m_managed_pages += block;
        free_block(static_cast<uint32_t>(current), order);
        current += block;
    }
}

void BuddyAllocator::sort_free_lists()
{
    for (unsigned order = 0; order <= max_order; ++order) {
        // Insertion into a new list, kept sorted: a list holds a few dozen blocks at boot.
        PageFrame* sorted = nullptr;
        for (PageFrame* f = m_free_list[order]; f;) {
            PageFrame* next = f->next;
            PageFrame** at = &sorted;
            PageFrame* before = nullptr;
            while (*at && *at < f) {
                before = *at;
                at = &(*at)->next;
            }
            f->next = *at;
            f->prev = before;
            if (*at)
                (*at)->prev = f;
            *at = f;
            f = next;
        }
        m_free_list[order] = sorted;
    }
}

uint32_t BuddyAllocator::alloc(unsigned order)
{
    if (order > max_order)
        return no_page;
    unsigned found = order;
    while (found <= max_order && !m_free_list[found])
        ++found;
    if (found > max_order)
        return no_page;

    PageFrame* head = m_free_list[found];
    remove_free(head);
    uint32_t pfn = pfn_of(head);
    // Split: the upper half of each split goes back on the free list one order down.
    while (found > order) {
        --found;
        push_free(frame(pfn + (1u << found)), found);
    }
    head->order = static_cast<uint8_t>(order);
    head->tag = 0;
    m_free_pages -= 1u << order;
    return pfn;
}

void BuddyAllocator::free(uint32_t pfn, unsigned order)
{
    PageFrame* f = frame(pfn);
    PageFrame* last = order <= max_order ? frame(pfn + (1u << order) - 1) : nullptr;
    if (!f || !last || (pfn & ((1u << order) - 1)) != 0
        || (f->flags & (PageFrame::flag_free | PageFrame::flag_reserved))) {
        ++m_bad_frees;
        return;
    }
    free_block(pfn, order);
}

void BuddyAllocator::free_block(uint32_t pfn, unsigned order)
{
    m_free_pages += 1u << order;
    while (order < max_order) {
        PageFrame* buddy = frame(pfn ^ (1u << order));
        if (!buddy || !(buddy->flags & PageFrame::flag_free) || buddy->order != order)
            break;
        remove_free(buddy);
        pfn &= ~(1u << order);
        ++order;
    }
    push_free(frame(pfn), order);
}

} // namespace libk
