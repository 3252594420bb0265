// Host tests for kmalloc's size-class core (libk/slab), over a PageSource backed by aligned_alloc.
#include <gtest/gtest.h>
#include <libk/slab.h>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <vector>

using libk::PageSource;
using libk::SlabAllocator;

namespace {

// The fake page source: real page-aligned memory, tags in a map, and counters to
// check that pages go back.
struct FakePages {
    std::map<uintptr_t, uint32_t> tags;
    std::map<uintptr_t, unsigned> live;  // page -> order
    size_t allocs = 0;
    size_t frees = 0;
    size_t limit = SIZE_MAX;  // pages that may be live at once
    size_t live_pages = 0;
};
FakePages* g_pages;

void* fake_alloc(unsigned order)
{
    size_t pages = size_t(1) << order;
    if (g_pages->live_pages + pages > g_pages->limit)
        return nullptr;
    void* p = std::aligned_alloc(SlabAllocator::page_size, SlabAllocator::page_size * pages);
    std::memset(p, 0xA5, SlabAllocator::page_size * pages);  // no help from zeroed memory
    g_pages->live[reinterpret_cast<uintptr_t>(p)] = order;
    g_pages->live_pages += pages;
    ++g_pages->allocs;
    return p;
}

void fake_free(void* p, unsigned order)
{
    auto it = g_pages->live.find(reinterpret_cast<uintptr_t>(p));
    ASSERT_NE(it, g_pages->live.end()) << "freeing a page that is not live";
    ASSERT_EQ(it->second, order);
    g_pages->live.erase(it);
    g_pages->live_pages -= size_t(1) << order;
    ++g_pages->frees;
    g_pages->tags.erase(reinterpret_cast<uintptr_t>(p));
    std::free(p);
}

void fake_set_tag(const void* page, uint32_t tag)
{
    uintptr_t a = reinterpret_cast<uintptr_t>(page);
    EXPECT_EQ(a % SlabAllocator::page_size, 0u);
    g_pages->tags[a] = tag;
}

uint32_t fake_get_tag(const void* page)
{
    auto it = g_pages->tags.find(reinterpret_cast<uintptr_t>(page));
    return it == g_pages->tags.end() ? 0 : it->second;
}

class Slab : public ::testing::Test {
protected:
    void SetUp() override
    {
        g_pages = &pages;
        slab.init(PageSource { fake_alloc, fake_free, fake_set_tag, fake_get_tag });
    }
    void TearDown() override
    {
        // Whatever a test leaves live is released so ASan's leak check stays quiet.
        for (auto [page, order] : pages.live)
            std::free(reinterpret_cast<void*>(page));
        g_pages = nullptr;
    }
    FakePages pages;
    SlabAllocator slab;
};

bool is_power_of_two(size_t n) { return n && !(n & (n - 1)); }

} // namespace

constinit SlabAllocator g_slab;

TEST_F(Slab, ConstinitGlobal)
{
    EXPECT_EQ(g_slab.pages_in_use(), 0u);
    EXPECT_EQ(g_slab.bytes_in_use(), 0u);
}

TEST_F(Slab, ZeroSize)
{
    void* p = slab.alloc(0);
    EXPECT_EQ(p, libk::zero_size_ptr());
    EXPECT_EQ(reinterpret_cast<uintptr_t>(p), 16u);
    EXPECT_EQ(slab.usable_size(p), 0u);
    slab.free(p);
    slab.free(nullptr);
    EXPECT_EQ(slab.bad_frees(), 0u);
    EXPECT_EQ(slab.pages_in_use(), 0u);
}

TEST_F(Slab, EachSizeClass)
{
    size_t previous = 0;
    for (size_t size : SlabAllocator::class_sizes) {
        for (size_t request : { previous + 1, (previous + size) / 2 + 1, size }) {
            void* p = slab.alloc(request);
            ASSERT_NE(p, nullptr) << request;
            EXPECT_EQ(slab.usable_size(p), size) << request;
            uintptr_t a = reinterpret_cast<uintptr_t>(p);
            EXPECT_EQ(a % 8, 0u);
            if (is_power_of_two(size)) {
                EXPECT_EQ(a % size, 0u) << "size " << size;
            }
            std::memset(p, 0x5C, request);
            EXPECT_EQ(slab.bytes_in_use(), size);
            slab.free(p);
            EXPECT_EQ(slab.bytes_in_use(), 0u);
        }
        previous = size;
    }
    EXPECT_EQ(slab.bad_frees(), 0u);
}

TEST_F(Slab, NoOverlapWhenFilled)
{
    // Several pages' worth of every class, each object filled with its own pattern.
    struct Object { uint8_t* p; size_t size; uint8_t pattern; };
    std::vector<Object> objects;
    size_t expected_bytes = 0;
    uint8_t pattern = 1;
    for (size_t size : SlabAllocator::class_sizes) {
        size_t count = 3 * SlabAllocator::page_size / size + 5;
        for (size_t i = 0; i < count; ++i) {
            auto* p = static_cast<uint8_t*>(slab.alloc(size));
            ASSERT_NE(p, nullptr);
            std::memset(p, pattern, size);
            objects.push_back({ p, size, pattern });
            expected_bytes += size;
            pattern = pattern == 255 ? 1 : pattern + 1;
        }
    }
    EXPECT_EQ(slab.bytes_in_use(), expected_bytes);
    std::set<uintptr_t> starts;
    for (auto& o : objects) {
        EXPECT_TRUE(starts.insert(reinterpret_cast<uintptr_t>(o.p)).second);
        for (size_t i = 0; i < o.size; ++i)
            ASSERT_EQ(o.p[i], o.pattern) << "object of size " << o.size << " overwritten at byte " << i;
    }
    // Free every other one, refill, check again.
    for (size_t i = 0; i < objects.size(); i += 2) {
        slab.free(objects[i].p);
        objects[i].p = static_cast<uint8_t*>(slab.alloc(objects[i].size));
        ASSERT_NE(objects[i].p, nullptr);
        std::memset(objects[i].p, objects[i].pattern ^ 0xFF, objects[i].size);
        objects[i].pattern ^= 0xFF;
    }
    for (auto& o : objects)
        for (size_t i = 0; i < o.size; ++i)
            ASSERT_EQ(o.p[i], o.pattern);
    for (auto& o : objects)
        slab.free(o.p);
    EXPECT_EQ(slab.bytes_in_use(), 0u);
    EXPECT_EQ(slab.bad_frees(), 0u);
    // At most one spare page per class stays.
    EXPECT_LE(slab.pages_in_use(), SlabAllocator::class_count);
    EXPECT_EQ(slab.pages_in_use(), pages.live_pages);
}

TEST_F(Slab, BigClassesUseWholePages)
{
    // 2048-byte objects: two per page, no header wasting half a page.
    std::vector<void*> objects;
    for (int i = 0; i < 8; ++i)
        objects.push_back(slab.alloc(2048));
    EXPECT_EQ(slab.pages_in_use(), 4u);
    for (int i = 0; i < 16; ++i)
        objects.push_back(slab.alloc(1024));
    EXPECT_EQ(slab.pages_in_use(), 8u);
    for (int i = 0; i < 16; ++i)
        objects.push_back(slab.alloc(512));
    EXPECT_EQ(slab.pages_in_use(), 10u);
    for (void* p : objects)
        slab.free(p);
    EXPECT_EQ(slab.pages_in_use(), 3u);  // one spare per class
}

TEST_F(Slab, LargeAllocations)
{
    struct Case { size_t size; size_t pages; };
    for (Case c : { Case { 2049, 1 }, Case { 4096, 1 }, Case { 4097, 2 }, Case { 20000, 8 }, Case { 1 << 20, 256 } }) {
        auto* p = static_cast<uint8_t*>(slab.alloc(c.size));
        ASSERT_NE(p, nullptr);
        EXPECT_EQ(reinterpret_cast<uintptr_t>(p) % SlabAllocator::page_size, 0u);
        EXPECT_EQ(slab.usable_size(p), c.pages * SlabAllocator::page_size);
        EXPECT_EQ(slab.pages_in_use(), c.pages);
        EXPECT_EQ(slab.bytes_in_use(), c.pages * SlabAllocator::page_size);
        std::memset(p, 0x11, c.size);
        EXPECT_EQ(slab.usable_size(p + 8), 0u);  // not the start
        slab.free(p + SlabAllocator::page_size / 2);  // inside, not the start: refused
        EXPECT_EQ(slab.pages_in_use(), c.pages);
        slab.free(p);
        EXPECT_EQ(slab.pages_in_use(), 0u);
        EXPECT_TRUE(pages.live.empty());
    }
    EXPECT_EQ(slab.bad_frees(), 5u);
    EXPECT_EQ(slab.alloc(size_t(1) << 40), nullptr);
}

TEST_F(Slab, OutOfPages)
{
    pages.limit = 2;
    EXPECT_EQ(slab.alloc(3 * SlabAllocator::page_size), nullptr);
    void* a = slab.alloc(2048);
    void* b = slab.alloc(2048);
    void* c = slab.alloc(64);
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(slab.alloc(2048), nullptr);
    EXPECT_EQ(slab.alloc(8), nullptr);
    EXPECT_NE(slab.alloc(64), nullptr);  // its page still has room
    EXPECT_EQ(slab.bytes_in_use(), 2048u * 2 + 128);
}

TEST_F(Slab, PagesReturnedWhenFreed)
{
    std::vector<void*> objects;
    for (int i = 0; i < 2000; ++i)
        objects.push_back(slab.alloc(32));
    size_t peak = slab.pages_in_use();
    EXPECT_GE(peak, 2000u * 32 / SlabAllocator::page_size);
    EXPECT_EQ(peak, pages.live_pages);
    for (void* p : objects)
        slab.free(p);
    EXPECT_EQ(slab.pages_in_use(), 1u);  // the one spare
    EXPECT_EQ(pages.live_pages, 1u);
    EXPECT_EQ(pages.frees, peak - 1);
    // Freed pages lose their tag.
    for (auto& [page, tag] : pages.tags)
        EXPECT_TRUE(pages.live.count(page)) << "tag left on a returned page";
    // The spare is reused without asking for a new page.
    size_t allocs = pages.allocs;
    void* p = slab.alloc(20);
    EXPECT_EQ(pages.allocs, allocs);
    slab.free(p);
}

TEST_F(Slab, ReallocKeepsContents)
{
    auto* p = static_cast<uint8_t*>(slab.realloc(nullptr, 10));
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(slab.usable_size(p), 16u);
    for (int i = 0; i < 16; ++i)
        p[i] = static_cast<uint8_t>(i);
    EXPECT_EQ(slab.realloc(p, 12), p);  // still fits
    auto* q = static_cast<uint8_t*>(slab.realloc(p, 700));
    ASSERT_NE(q, nullptr);
    EXPECT_EQ(slab.usable_size(q), 1024u);
    for (int i = 0; i < 16; ++i)
        EXPECT_EQ(q[i], i);
    for (int i = 16; i < 1024; ++i)
        q[i] = static_cast<uint8_t>(i * 7);
    auto* r = static_cast<uint8_t*>(slab.realloc(q, 10000));
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(slab.usable_size(r), 3 * 4096u + 4096u);
    for (int i = 0; i < 16; ++i)
        EXPECT_EQ(r[i], i);
    for (int i = 16; i < 1024; ++i)
        EXPECT_EQ(r[i], static_cast<uint8_t>(i * 7));
    EXPECT_EQ(slab.bytes_in_use(), 4 * 4096u);
    EXPECT_EQ(slab.realloc(r, 0), libk::zero_size_ptr());
    EXPECT_EQ(slab.bytes_in_use(), 0u);
    EXPECT_EQ(slab.bad_frees(), 0u);
}

TEST_F(Slab, BadFreeIgnored)
{
    void* page = fake_alloc(0);  // someone else's page: untagged
    slab.free(page);
    slab.free(static_cast<uint8_t*>(page) + 64);
    EXPECT_EQ(slab.usable_size(page), 0u);
    EXPECT_EQ(slab.realloc(page, 100), nullptr);
    EXPECT_EQ(slab.bad_frees(), 3u);

    auto* small = static_cast<uint8_t*>(slab.alloc(64));
    std::memset(small, 0x77, 64);
    slab.free(small + 8);  // not an object start
    slab.free(small + 1);
    EXPECT_EQ(slab.bad_frees(), 5u);
    EXPECT_EQ(slab.bytes_in_use(), 64u);
    for (int i = 0; i < 64; ++i)
        ASSERT_EQ(small[i], 0x77);

    auto* big = static_cast<uint8_t*>(slab.alloc(1024));
    void* keep = slab.alloc(1024);  // keeps the page alive after `big` goes
    slab.free(big + 512);  // inside a 1024 object
    EXPECT_EQ(slab.bad_frees(), 6u);
    slab.free(big);
    slab.free(big);  // double free of a headerless-class object is caught
    EXPECT_EQ(slab.bad_frees(), 7u);
    EXPECT_EQ(slab.bytes_in_use(), 64u + 1024);
    // The allocator still works and hands out distinct objects.
    void* x = slab.alloc(1024);
    void* y = slab.alloc(1024);
    EXPECT_NE(x, y);
    EXPECT_NE(x, keep);
    EXPECT_NE(y, keep);
    slab.free(x);
    slab.free(y);
    slab.free(keep);
    slab.free(small);
    EXPECT_EQ(slab.bytes_in_use(), 0u);
    fake_free(page, 0);
}

// slub_debug: the debugging slab names double frees, writes after free and bad pointers.
namespace {

struct SlabReportLog {
    std::vector<libk::SlabProblem> problems;
    std::vector<size_t> offsets;
};
SlabReportLog* g_reports;

void record_report(libk::SlabProblem problem, const void*, size_t, size_t offset)
{
    g_reports->problems.push_back(problem);
    g_reports->offsets.push_back(offset);
}

class DebugSlab : public Slab {
protected:
    void SetUp() override
    {
        Slab::SetUp();
        g_reports = &reports;
        slab.set_debug(record_report);
    }
    SlabReportLog reports;
};

} // namespace

TEST_F(DebugSlab, CleanUseReportsNothing)
{
    for (size_t size : { 8, 24, 100, 200, 300, 1000, 2000 }) {
        std::vector<void*> objects;
        for (int i = 0; i < 40; ++i) {
            objects.push_back(slab.alloc(size));
            std::memset(objects.back(), 0x11, size);
        }
        for (void* object : objects)
            slab.free(object);
        for (int i = 0; i < 40; ++i)
            objects[i] = slab.alloc(size);   // handed out again: the poison must be intact
        for (void* object : objects)
            slab.free(object);
    }
    EXPECT_TRUE(reports.problems.empty());
}

TEST_F(DebugSlab, DoubleFreeIsReportedAndIgnored)
{
    for (size_t size : { 32, 512 }) {
        reports.problems.clear();
        void* keep = slab.alloc(size);   // the page stays, so the second free finds it
        void* a = slab.alloc(size);
        slab.free(a);
        slab.free(a);
        ASSERT_EQ(reports.problems.size(), 1u) << size;
        EXPECT_EQ(reports.problems[0], libk::SlabProblem::already_free);
        // Without the check the free list would hold `a` twice and hand it out twice.
        void* x = slab.alloc(size);
        void* y = slab.alloc(size);
        EXPECT_NE(x, y);
        slab.free(x);
        slab.free(y);
        slab.free(keep);
    }
}

TEST_F(DebugSlab, WriteAfterFreeIsReportedWhenHandedOut)
{
    for (size_t size : { 64, 1024 }) {
        reports.problems.clear();
        void* keep = slab.alloc(size);
        auto* a = static_cast<uint8_t*>(slab.alloc(size));
        slab.free(a);
        a[20] = 0;   // a use after free
        void* again = slab.alloc(size);
        ASSERT_EQ(again, a) << "the lowest free object comes back first";
        ASSERT_EQ(reports.problems.size(), 1u) << size;
        EXPECT_EQ(reports.problems[0], libk::SlabProblem::poison_overwritten);
        EXPECT_EQ(reports.offsets[0], 20u);
        slab.free(again);
        slab.free(keep);
    }
}

TEST_F(DebugSlab, PointerIntoAnObjectIsInvalid)
{
    auto* a = static_cast<uint8_t*>(slab.alloc(64));
    slab.free(a + 4);
    ASSERT_EQ(reports.problems.size(), 1u);
    EXPECT_EQ(reports.problems[0], libk::SlabProblem::invalid_pointer);
    slab.free(a);
    EXPECT_EQ(reports.problems.size(), 1u);
}
