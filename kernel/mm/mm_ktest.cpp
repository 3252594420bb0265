// Self-tests of the page allocator, kmalloc and vmalloc on the real machine.
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/page.h>
#include <libk/string.h>

KTEST(mm_pages)
{
    size_t free_before = memory_stats().free_pages;
    void* block = alloc_pages(3);
    KTEST_EXPECT(block != nullptr);
    KTEST_EXPECT((reinterpret_cast<uintptr_t>(block) & (8 * 4096 - 1)) == 0);
    KTEST_EXPECT(memory_stats().free_pages == free_before - 8);
    libk::memset(block, 0xA5, 8 * 4096);
    free_pages(block, 3);
    KTEST_EXPECT(memory_stats().free_pages == free_before);
}

KTEST(mm_kmalloc)
{
    void* pointers[64];
    for (int i = 0; i < 64; ++i) {
        size_t size = 8u << (i % 10);   // 8 bytes .. 4 KiB
        pointers[i] = kmalloc(size, GFP_KERNEL);
        KTEST_EXPECT(pointers[i] != nullptr);
        KTEST_EXPECT(ksize(pointers[i]) >= size);
        libk::memset(pointers[i], i, size);
    }
    for (int i = 0; i < 64; ++i) {
        auto* bytes = static_cast<unsigned char*>(pointers[i]);
        KTEST_EXPECT(bytes[0] == i && bytes[(8u << (i % 10)) - 1] == i);
        kfree(pointers[i]);
    }
    auto* zeroed = static_cast<unsigned char*>(kzalloc(100, GFP_KERNEL));
    KTEST_EXPECT(zeroed && zeroed[0] == 0 && zeroed[99] == 0);
    kfree(zeroed);
    KTEST_EXPECT(kmalloc(0x7fffffff, GFP_KERNEL) == nullptr);   // fails, does not crash
}

KTEST(mm_vmalloc)
{
    size_t free_before = memory_stats().free_pages;
    constexpr size_t size = 5 * 1024 * 1024;   // the RAM disk's default size
    auto* buffer = static_cast<unsigned char*>(vmalloc(size));
    KTEST_EXPECT(buffer != nullptr);
    if (!buffer)
        return;
    KTEST_EXPECT(reinterpret_cast<uintptr_t>(buffer) >= 0xF0000000);
    for (size_t i = 0; i < size; i += 4096)
        buffer[i] = static_cast<unsigned char>(i >> 12);
    bool intact = true;
    for (size_t i = 0; i < size; i += 4096)
        intact &= buffer[i] == static_cast<unsigned char>(i >> 12);
    KTEST_EXPECT(intact);
    KTEST_EXPECT(memory_stats().vmalloc_pages >= size / 4096);
    vfree(buffer);
    KTEST_EXPECT(memory_stats().vmalloc_pages == 0);
    KTEST_EXPECT(memory_stats().free_pages + 2 >= free_before);   // kmalloc may keep a slab page
}

// With slub_debug on the command line: a double free and a write after free are
// reported (and the double free does not corrupt the free list). Without it: skipped.
KTEST(mm_slub_debug)
{
    if (!slub_debug_enabled())
        return;
    size_t before = slub_debug_reports();
    void* keep = kmalloc(32, GFP_KERNEL);   // keeps the page, so the second free finds the object
    auto* object = static_cast<unsigned char*>(kmalloc(32, GFP_KERNEL));
    KTEST_EXPECT(keep && object);
    kfree(object);
    kfree(object);
    KTEST_EXPECT(slub_debug_reports() == before + 1);
    void* first = kmalloc(32, GFP_KERNEL);
    void* second = kmalloc(32, GFP_KERNEL);
    KTEST_EXPECT(first != second);   // the object is on the free list once
    kfree(second);
    kfree(first);

    auto* stale = static_cast<unsigned char*>(kmalloc(1024, GFP_KERNEL));
    kfree(stale);
    stale[100] = 0;   // a use after free, on purpose
    void* again = kmalloc(1024, GFP_KERNEL);
    KTEST_EXPECT(again == stale);
    KTEST_EXPECT(slub_debug_reports() == before + 2);
    kfree(again);
    kfree(keep);
}
