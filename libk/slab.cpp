// kmalloc's size classes. Classes up to 256 bytes keep a small header at the start of
// each page; 512, 1024 and 2048 would lose a whole object to a header, so their pages
// have none and keep their free-slot bitmap in the page tag instead.
#include <libk/slab.h>

namespace libk {

static constexpr unsigned first_bare_class = 8;  // 512 bytes and up: no header
static constexpr uint32_t slab_magic = 0x51AB51AB;

namespace {

struct SlabHeader {
    SlabHeader* next;  // partial list
    SlabHeader* prev;
    void* free_list;   // free objects, each holding the next one's address
    uint32_t magic;
    uint16_t in_use;
    uint16_t class_index;
};

// Lives in the lowest free slot of a headerless page and links it into the partial list.
struct FreeNode {
    FreeNode* next;
    FreeNode* prev;
};

} // namespace

static uint32_t make_tag(uint32_t kind, uint32_t mask, unsigned index)
{
    return kind << SlabAllocator::tag_kind_shift | mask << 8 | index;
}
static uint32_t tag_kind(uint32_t tag) { return tag >> SlabAllocator::tag_kind_shift; }
static uint32_t tag_mask(uint32_t tag) { return (tag >> 8) & 0xFF; }
static unsigned tag_index(uint32_t tag) { return tag & 0xF; }

static size_t class_size(unsigned index) { return SlabAllocator::class_sizes[index]; }

// The largest power of two dividing the size: 64 for 192, 32 for 96, the size itself otherwise.
static size_t class_alignment(unsigned index) { return class_size(index) & (0 - class_size(index)); }

static size_t first_offset(unsigned index)
{
    size_t align = class_alignment(index);
    return (sizeof(SlabHeader) + align - 1) / align * align;
}

static size_t objects_per_page(unsigned index)
{
    if (index >= first_bare_class)
        return SlabAllocator::page_size / class_size(index);
    return (SlabAllocator::page_size - first_offset(index)) / class_size(index);
}

// Whether `offset` into a slab page of class `index` is the start of an object.
static bool is_object_start(size_t offset, unsigned index)
{
    size_t first = index >= first_bare_class ? 0 : first_offset(index);
    return offset >= first && (offset - first) % class_size(index) == 0
        && (offset - first) / class_size(index) < objects_per_page(index);
}

static uint32_t full_mask(unsigned index) { return (1u << objects_per_page(index)) - 1; }

static unsigned lowest_bit(uint32_t mask)
{
    unsigned bit = 0;
    while (!(mask & (1u << bit)))
        ++bit;
    return bit;
}

// Small intrusive doubly linked list helpers for both node kinds.
template<typename Node>
static void list_push(void*& head, Node* node)
{
    node->prev = nullptr;
    node->next = static_cast<Node*>(head);
    if (node->next)
        node->next->prev = node;
    head = node;
}

template<typename Node>
static void list_remove(void*& head, Node* node)
{
    if (node->prev)
        node->prev->next = node->next;
    else
        head = node->next;
    if (node->next)
        node->next->prev = node->prev;
}

void SlabAllocator::init(const PageSource& source)
{
    m_source = source;
    for (size_t i = 0; i < class_count; ++i) {
        m_partial[i] = nullptr;
        m_empty_pages[i] = 0;
    }
    m_bytes_in_use = 0;
    m_pages_in_use = 0;
    m_bad_frees = 0;
}

void* SlabAllocator::alloc(size_t size)
{
    if (size == 0)
        return zero_size_ptr();
    for (unsigned index = 0; index < class_count; ++index) {
        if (size <= class_size(index)) {
            void* object = index < first_bare_class ? alloc_small(index) : alloc_bare(index);
            if (object)
                m_bytes_in_use += class_size(index);
            return object;
        }
    }
    return alloc_large(size);
}

void* SlabAllocator::alloc_small(unsigned index)
{
    auto* slab = static_cast<SlabHeader*>(m_partial[index]);
    if (!slab) {
        void* page = m_source.alloc_pages(0);
        if (!page)
            return nullptr;
        ++m_pages_in_use;
        m_source.set_tag(page, make_tag(tag_kind_slab, 0, index));
        slab = static_cast<SlabHeader*>(page);
        slab->magic = slab_magic;
        slab->in_use = 0;
        slab->class_index = static_cast<uint16_t>(index);
        slab->free_list = nullptr;
        // Thread the free list so the lowest address is handed out first.
        auto* base = static_cast<uint8_t*>(page) + first_offset(index);
        for (size_t i = objects_per_page(index); i > 0; --i) {
            void** object = reinterpret_cast<void**>(base + (i - 1) * class_size(index));
            *object = slab->free_list;
            slab->free_list = object;
            poison(reinterpret_cast<uintptr_t>(object), sizeof(void*), class_size(index));
        }
        list_push(m_partial[index], slab);
        ++m_empty_pages[index];
    }

    void** object = static_cast<void**>(slab->free_list);
    check_poison(reinterpret_cast<uintptr_t>(object), sizeof(void*), class_size(index));
    slab->free_list = *object;
    if (slab->in_use++ == 0)
        --m_empty_pages[index];
    if (!slab->free_list)
        list_remove(m_partial[index], slab);
    return object;
}

void* SlabAllocator::alloc_bare(unsigned index)
{
    size_t size = class_size(index);
    auto* node = static_cast<FreeNode*>(m_partial[index]);
    if (!node) {
        void* page = m_source.alloc_pages(0);
        if (!page)
            return nullptr;
        ++m_pages_in_use;
        m_source.set_tag(page, make_tag(tag_kind_slab_bare, full_mask(index), index));
        for (size_t i = 0; i < objects_per_page(index); ++i)
            poison(reinterpret_cast<uintptr_t>(page) + i * size, sizeof(FreeNode), size);
        node = static_cast<FreeNode*>(page);
        list_push(m_partial[index], node);
        ++m_empty_pages[index];
    }

    uintptr_t page = reinterpret_cast<uintptr_t>(node) & ~(page_size - 1);
    uint32_t mask = tag_mask(m_source.get_tag(reinterpret_cast<void*>(page)));
    unsigned slot = lowest_bit(mask);  // where the node lives
    list_remove(m_partial[index], node);
    if (mask == full_mask(index))
        --m_empty_pages[index];
    mask &= ~(1u << slot);
    m_source.set_tag(reinterpret_cast<void*>(page), make_tag(tag_kind_slab_bare, mask, index));
    if (mask)
        list_push(m_partial[index], reinterpret_cast<FreeNode*>(page + lowest_bit(mask) * size));
    check_poison(page + slot * size, sizeof(FreeNode), size);
    return reinterpret_cast<void*>(page + slot * size);
}

void* SlabAllocator::alloc_large(size_t size)
{
    unsigned order = 0;
    while ((page_size << order) < size) {
        if (++order > max_large_order)
            return nullptr;
    }
    void* page = m_source.alloc_pages(order);
    if (!page)
        return nullptr;
    m_source.set_tag(page, make_tag(tag_kind_large, 0, order));
    m_pages_in_use += size_t(1) << order;
    m_bytes_in_use += page_size << order;
    return page;
}

void SlabAllocator::free(void* pointer)
{
    uintptr_t address = reinterpret_cast<uintptr_t>(pointer);
    if (address == 0 || address == zero_size_address)
        return;
    uintptr_t page = address & ~(page_size - 1);
    uint32_t tag = m_source.get_tag(reinterpret_cast<void*>(page));
    unsigned index = tag_index(tag);
    bool ok = false;
    switch (tag_kind(tag)) {
    case tag_kind_slab:
        ok = index < first_bare_class && free_small(page, address, index);
        break;
    case tag_kind_slab_bare:
        ok = index >= first_bare_class && index < class_count && free_bare(page, address, index, tag_mask(tag));
        break;
    case tag_kind_large:
        ok = free_large(page, address, index);
        break;
    }
    if (!ok) {
        ++m_bad_frees;
        if (m_report) {
            bool twice = (tag_kind(tag) == tag_kind_slab && index < first_bare_class && is_free_small(page, address))
                || (tag_kind(tag) == tag_kind_slab_bare && index < class_count && is_object_start(address - page, index));
            bool slab_page = tag_kind(tag) == tag_kind_slab || tag_kind(tag) == tag_kind_slab_bare;
            report(twice ? SlabProblem::already_free : SlabProblem::invalid_pointer, address,
                slab_page && index < class_count ? class_size(index) : 0, 0);
        }
    }
}

bool SlabAllocator::free_small(uintptr_t page, uintptr_t address, unsigned index)
{
    auto* slab = reinterpret_cast<SlabHeader*>(page);
    size_t offset = address - page;
    if (slab->magic != slab_magic || slab->class_index != index || slab->in_use == 0
        || !is_object_start(offset, index))
        return false;
    if (m_report && is_free_small(page, address))
        return false;   // a double free: left alone, or the free list would hand it out twice
    poison(address, sizeof(void*), class_size(index));

    bool was_full = !slab->free_list;
    void** object = reinterpret_cast<void**>(address);
    *object = slab->free_list;
    slab->free_list = object;
    if (was_full)
        list_push(m_partial[index], slab);
    m_bytes_in_use -= class_size(index);

    if (--slab->in_use == 0) {
        if (m_empty_pages[index] > 0) {
            list_remove(m_partial[index], slab);
            release_page(page);
        } else {
            ++m_empty_pages[index];
        }
    }
    return true;
}

bool SlabAllocator::free_bare(uintptr_t page, uintptr_t address, unsigned index, uint32_t mask)
{
    size_t size = class_size(index);
    size_t offset = address - page;
    unsigned slot = static_cast<unsigned>(offset / size);
    if (!is_object_start(offset, index) || (mask & (1u << slot)))
        return false;  // not an object start, or already free

    poison(address, sizeof(FreeNode), size);
    // Keep the node in the lowest free slot: take it out, then put it back.
    if (mask)
        list_remove(m_partial[index], reinterpret_cast<FreeNode*>(page + lowest_bit(mask) * size));
    mask |= 1u << slot;
    m_bytes_in_use -= size;

    if (mask == full_mask(index)) {
        if (m_empty_pages[index] > 0) {
            release_page(page);
            return true;
        }
        ++m_empty_pages[index];
    }
    m_source.set_tag(reinterpret_cast<void*>(page), make_tag(tag_kind_slab_bare, mask, index));
    list_push(m_partial[index], reinterpret_cast<FreeNode*>(page + lowest_bit(mask) * size));
    return true;
}

bool SlabAllocator::free_large(uintptr_t page, uintptr_t address, unsigned order)
{
    if (address != page)
        return false;
    m_source.set_tag(reinterpret_cast<void*>(page), 0);
    m_source.free_pages(reinterpret_cast<void*>(page), order);
    m_pages_in_use -= size_t(1) << order;
    m_bytes_in_use -= page_size << order;
    return true;
}

void SlabAllocator::release_page(uintptr_t page)
{
    // Clear the tag first so a stale pointer into the page is seen as foreign later.
    m_source.set_tag(reinterpret_cast<void*>(page), 0);
    m_source.free_pages(reinterpret_cast<void*>(page), 0);
    --m_pages_in_use;
}

// Whether `address` is on its page's free list (debugging only: a walk of up to 510 objects).
bool SlabAllocator::is_free_small(uintptr_t page, uintptr_t address) const
{
    for (void* object = reinterpret_cast<SlabHeader*>(page)->free_list; object; object = *static_cast<void**>(object))
        if (reinterpret_cast<uintptr_t>(object) == address)
            return true;
    return false;
}

// Bytes [keep, size) of a free object hold the poison; the first `keep` bytes are the free list's.
void SlabAllocator::poison(uintptr_t address, size_t keep, size_t size) const
{
    if (!m_report)
        return;
    auto* bytes = reinterpret_cast<uint8_t*>(address);
    for (size_t i = keep; i < size; ++i)
        bytes[i] = poison_free;
}

void SlabAllocator::check_poison(uintptr_t address, size_t keep, size_t size) const
{
    if (!m_report)
        return;
    auto* bytes = reinterpret_cast<const uint8_t*>(address);
    for (size_t i = keep; i < size; ++i) {
        if (bytes[i] != poison_free) {
            report(SlabProblem::poison_overwritten, address, size, i);
            return;
        }
    }
}

void SlabAllocator::report(SlabProblem problem, uintptr_t address, size_t size, size_t offset) const
{
    if (m_report)
        m_report(problem, reinterpret_cast<const void*>(address), size, offset);
}

size_t SlabAllocator::usable_size(const void* pointer) const
{
    uintptr_t address = reinterpret_cast<uintptr_t>(pointer);
    if (address == 0 || address == zero_size_address)
        return 0;
    uintptr_t page = address & ~(page_size - 1);
    uint32_t tag = m_source.get_tag(reinterpret_cast<const void*>(page));
    unsigned index = tag_index(tag);
    switch (tag_kind(tag)) {
    case tag_kind_slab:
    case tag_kind_slab_bare:
        return index < class_count && is_object_start(address - page, index) ? class_size(index) : 0;
    case tag_kind_large:
        return address == page ? page_size << index : 0;
    }
    return 0;
}

void* SlabAllocator::realloc(void* pointer, size_t new_size)
{
    uintptr_t address = reinterpret_cast<uintptr_t>(pointer);
    if (address == 0 || address == zero_size_address)
        return alloc(new_size);
    size_t old_size = usable_size(pointer);
    if (old_size == 0) {
        ++m_bad_frees;
        return nullptr;
    }
    if (new_size == 0) {
        free(pointer);
        return zero_size_ptr();
    }
    if (new_size <= old_size)
        return pointer;  // like krealloc: shrinking keeps the object

    void* fresh = alloc(new_size);
    if (!fresh)
        return nullptr;  // the old object stays valid
    auto* d = static_cast<uint8_t*>(fresh);
    auto* s = static_cast<const uint8_t*>(pointer);
    for (size_t i = 0; i < old_size; ++i)
        d[i] = s[i];
    free(pointer);
    return fresh;
}

} // namespace libk
