// Self-tests of the page allocator, kmalloc and vmalloc on the real machine.
#include <kernel/ktest.h>
#include <kernel/mm.h>
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
