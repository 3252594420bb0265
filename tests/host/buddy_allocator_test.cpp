// Host tests for the buddy page allocator core (libk/buddy_allocator).
#include <gtest/gtest.h>
#include <libk/buddy_allocator.h>
#include <algorithm>
#include <set>
#include <vector>

using libk::BuddyAllocator;
using libk::PageFrame;

namespace {

struct Fixture {
    Fixture(uint32_t base, uint32_t count)
        : frames(count)
    {
        buddy.init(base, count, frames.data());
    }
    std::vector<PageFrame> frames;
    BuddyAllocator buddy;
};

size_t total_free_from_blocks(const BuddyAllocator& b)
{
    size_t total = 0;
    for (unsigned o = 0; o <= BuddyAllocator::max_order; ++o)
        total += b.free_blocks(o) << o;
    return total;
}

} // namespace

constinit BuddyAllocator g_buddy;

TEST(BuddyAllocator, ConstinitAndFrameSize)
{
    EXPECT_EQ(g_buddy.free_pages(), 0u);
    EXPECT_EQ(g_buddy.alloc(0), BuddyAllocator::no_page);
    EXPECT_LE(sizeof(PageFrame), 32u);
}

TEST(BuddyAllocator, StartsReserved)
{
    Fixture f(256, 1024);
    EXPECT_EQ(f.buddy.free_pages(), 0u);
    EXPECT_EQ(f.buddy.managed_pages(), 0u);
    EXPECT_EQ(f.buddy.alloc(0), BuddyAllocator::no_page);
    EXPECT_TRUE(f.buddy.frame(256)->flags & PageFrame::flag_reserved);
    EXPECT_EQ(f.buddy.frame(255), nullptr);
    EXPECT_EQ(f.buddy.frame(256 + 1024), nullptr);
    EXPECT_EQ(f.buddy.frame(256 + 1023), &f.frames[1023]);
}

TEST(BuddyAllocator, FreeRangeCoalescesFully)
{
    Fixture f(0, 4096);
    f.buddy.free_range(0, 4096);
    EXPECT_EQ(f.buddy.free_pages(), 4096u);
    EXPECT_EQ(f.buddy.managed_pages(), 4096u);
    EXPECT_EQ(f.buddy.free_blocks(BuddyAllocator::max_order), 4u);
    for (unsigned o = 0; o < BuddyAllocator::max_order; ++o)
        EXPECT_EQ(f.buddy.free_blocks(o), 0u) << "order " << o;
}

TEST(BuddyAllocator, FreeRangeOddBoundaries)
{
    Fixture f(1000, 3000);  // base not aligned either
    f.buddy.free_range(1003, 1501);  // [1003, 2504)
    EXPECT_EQ(f.buddy.free_pages(), 1501u);
    EXPECT_EQ(f.buddy.managed_pages(), 1501u);
    EXPECT_EQ(total_free_from_blocks(f.buddy), 1501u);
    // Handing over an overlapping range only adds the new frames.
    f.buddy.free_range(2500, 10);
    EXPECT_EQ(f.buddy.free_pages(), 1507u);
    EXPECT_EQ(f.buddy.managed_pages(), 1507u);
    // Out-of-range parts are clipped.
    f.buddy.free_range(900, 110);  // [900, 1010) -> [1000, 1003) new
    EXPECT_EQ(f.buddy.managed_pages(), 1510u);
    f.buddy.free_range(3990, 100);  // [3990, 4000) new
    EXPECT_EQ(f.buddy.managed_pages(), 1520u);
    EXPECT_EQ(total_free_from_blocks(f.buddy), 1520u);

    // Every page can be allocated, each exactly once, all inside the handed-over ranges.
    std::set<uint32_t> got;
    uint32_t pfn;
    while ((pfn = f.buddy.alloc(0)) != BuddyAllocator::no_page) {
        EXPECT_TRUE((pfn >= 1000 && pfn < 2510) || (pfn >= 3990 && pfn < 4000)) << pfn;
        EXPECT_TRUE(got.insert(pfn).second);
    }
    EXPECT_EQ(got.size(), 1520u);
    EXPECT_EQ(f.buddy.free_pages(), 0u);
    for (uint32_t p : got)
        f.buddy.free(p, 0);
    EXPECT_EQ(f.buddy.free_pages(), 1520u);
    EXPECT_EQ(f.buddy.bad_frees(), 0u);
}

TEST(BuddyAllocator, AllocAllThenFreeAllRecoalesces)
{
    Fixture f(0, 2048);
    f.buddy.free_range(0, 2048);
    std::vector<std::pair<uint32_t, unsigned>> blocks;
    unsigned order = 0;
    while (true) {
        uint32_t pfn = f.buddy.alloc(order);
        if (pfn == BuddyAllocator::no_page) {
            if (order == 0)
                break;
            order = 0;  // fill the rest with single pages
            continue;
        }
        blocks.push_back({ pfn, order });
        order = (order + 1) % 4;
    }
    EXPECT_EQ(f.buddy.free_pages(), 0u);
    size_t pages = 0;
    std::vector<bool> used(2048);
    for (auto [pfn, o] : blocks) {
        pages += 1u << o;
        for (uint32_t i = 0; i < (1u << o); ++i) {
            ASSERT_FALSE(used[pfn + i]) << "overlap at " << pfn + i;
            used[pfn + i] = true;
        }
    }
    EXPECT_EQ(pages, 2048u);

    // Free in a scrambled order.
    std::reverse(blocks.begin(), blocks.end());
    std::stable_partition(blocks.begin(), blocks.end(), [](auto& b) { return b.first % 3 == 0; });
    for (auto [pfn, o] : blocks)
        f.buddy.free(pfn, o);
    EXPECT_EQ(f.buddy.free_pages(), 2048u);
    EXPECT_EQ(f.buddy.free_blocks(BuddyAllocator::max_order), 2u);
    for (unsigned o = 0; o < BuddyAllocator::max_order; ++o)
        EXPECT_EQ(f.buddy.free_blocks(o), 0u);
    EXPECT_EQ(f.buddy.bad_frees(), 0u);
}

TEST(BuddyAllocator, AlignmentOfReturnedBlocks)
{
    Fixture f(3, 5000);
    f.buddy.free_range(3, 5000);
    for (unsigned order = 0; order <= BuddyAllocator::max_order; ++order) {
        uint32_t pfn = f.buddy.alloc(order);
        ASSERT_NE(pfn, BuddyAllocator::no_page) << order;
        EXPECT_EQ(pfn % (1u << order), 0u) << "order " << order;
        EXPECT_GE(pfn, 3u);
        EXPECT_LE(pfn + (1u << order), 5003u);
        EXPECT_EQ(f.buddy.frame(pfn)->order, order);
    }
    EXPECT_EQ(f.buddy.alloc(BuddyAllocator::max_order + 1), BuddyAllocator::no_page);
}

TEST(BuddyAllocator, FragmentationBlocksHighOrderUntilBuddiesFreed)
{
    Fixture f(0, 64);
    f.buddy.free_range(0, 64);
    std::vector<uint32_t> pages;
    for (int i = 0; i < 64; ++i)
        pages.push_back(f.buddy.alloc(0));
    EXPECT_EQ(f.buddy.alloc(0), BuddyAllocator::no_page);
    std::sort(pages.begin(), pages.end());
    ASSERT_EQ(pages.front(), 0u);
    ASSERT_EQ(pages.back(), 63u);

    for (uint32_t p = 0; p < 64; p += 2)
        f.buddy.free(p, 0);
    EXPECT_EQ(f.buddy.free_pages(), 32u);
    EXPECT_EQ(f.buddy.free_blocks(0), 32u);
    EXPECT_EQ(f.buddy.alloc(1), BuddyAllocator::no_page);  // 32 pages free, no two adjacent

    f.buddy.free(1, 0);  // buddy of 0: pages 0-1 merge; 2 is free too but 3 is not
    EXPECT_EQ(f.buddy.free_blocks(1), 1u);
    EXPECT_EQ(f.buddy.alloc(2), BuddyAllocator::no_page);
    f.buddy.free(3, 0);  // now 0-3 merge
    EXPECT_EQ(f.buddy.free_blocks(2), 1u);
    EXPECT_EQ(f.buddy.alloc(2), 0u);
    f.buddy.free(0, 2);
    for (uint32_t p = 5; p < 64; p += 2)
        f.buddy.free(p, 0);
    EXPECT_EQ(f.buddy.free_blocks(6), 1u);
    EXPECT_EQ(f.buddy.alloc(6), 0u);
}

TEST(BuddyAllocator, OutOfMemory)
{
    Fixture f(0, 16);
    f.buddy.free_range(0, 16);
    EXPECT_EQ(f.buddy.alloc(5), BuddyAllocator::no_page);  // larger than all memory
    EXPECT_EQ(f.buddy.alloc(4), 0u);
    EXPECT_EQ(f.buddy.alloc(0), BuddyAllocator::no_page);
    EXPECT_EQ(f.buddy.free_pages(), 0u);
    f.buddy.free(0, 4);
    EXPECT_EQ(f.buddy.free_pages(), 16u);
}

TEST(BuddyAllocator, SplitLeavesExpectedBlocks)
{
    Fixture f(0, 1024);
    f.buddy.free_range(0, 1024);
    EXPECT_EQ(f.buddy.alloc(0), 0u);
    // Splitting an order-10 block for one page leaves one free block of each lower order.
    for (unsigned o = 0; o < 10; ++o)
        EXPECT_EQ(f.buddy.free_blocks(o), 1u) << o;
    EXPECT_EQ(f.buddy.free_blocks(10), 0u);
    EXPECT_EQ(f.buddy.free_pages(), 1023u);
    f.buddy.free(0, 0);
    EXPECT_EQ(f.buddy.free_blocks(10), 1u);
}

TEST(BuddyAllocator, ReservedHolesAreNeverAllocatedOrMerged)
{
    Fixture f(0, 64);
    f.buddy.free_range(0, 20);
    f.buddy.free_range(21, 43);  // page 20 stays reserved (say, a firmware page)
    EXPECT_EQ(f.buddy.free_pages(), 63u);
    std::set<uint32_t> got;
    uint32_t pfn;
    while ((pfn = f.buddy.alloc(0)) != BuddyAllocator::no_page)
        got.insert(pfn);
    EXPECT_EQ(got.size(), 63u);
    EXPECT_EQ(got.count(20), 0u);
    for (uint32_t p : got)
        f.buddy.free(p, 0);
    EXPECT_EQ(f.buddy.free_blocks(5), 1u);  // 32..63
    EXPECT_EQ(f.buddy.free_blocks(6), 0u);
    EXPECT_EQ(f.buddy.alloc(6), BuddyAllocator::no_page);
}

TEST(BuddyAllocator, BadFreesIgnored)
{
    Fixture f(100, 100);
    f.buddy.free_range(100, 100);
    size_t before = f.buddy.free_pages();
    uint32_t pfn = f.buddy.alloc(1);
    f.buddy.free(pfn + 1, 1);       // misaligned
    f.buddy.free(99, 0);            // outside
    f.buddy.free(198, 2);           // runs past the end
    f.buddy.free(pfn, BuddyAllocator::max_order + 1);
    EXPECT_EQ(f.buddy.bad_frees(), 4u);
    f.buddy.free(pfn, 1);
    f.buddy.free(pfn, 1);           // double free of a block head
    EXPECT_EQ(f.buddy.bad_frees(), 5u);
    EXPECT_EQ(f.buddy.free_pages(), before);
    EXPECT_EQ(total_free_from_blocks(f.buddy), before);
}

TEST(BuddyAllocator, TagBelongsToOwner)
{
    Fixture f(0, 8);
    f.buddy.free_range(0, 8);
    uint32_t pfn = f.buddy.alloc(0);
    f.buddy.frame(pfn)->tag = 0xABCD;
    EXPECT_EQ(f.buddy.frame(pfn)->tag, 0xABCDu);
    f.buddy.free(pfn, 0);
    EXPECT_EQ(f.buddy.alloc(0), pfn);
    EXPECT_EQ(f.buddy.frame(pfn)->tag, 0u);  // a fresh allocation starts untagged
}

TEST(BuddyAllocator, SortedFreeListsGiveTheLowestMemoryFirst)
{
    // Ranges around holes, as page_alloc_init hands them over: fragments of
    // several orders, and whole blocks above them.
    Fixture f(0, 8192);
    f.buddy.free_range(3, 1000);
    f.buddy.free_range(1100, 7092);
    f.buddy.sort_free_lists();
    EXPECT_EQ(total_free_from_blocks(f.buddy), 1000u + 7092u);
    // Whole 4 MiB blocks come lowest first, and so do single pages.
    uint32_t last = 0;
    for (int i = 0; i < 5; ++i) {
        uint32_t pfn = f.buddy.alloc(BuddyAllocator::max_order);
        ASSERT_NE(pfn, BuddyAllocator::no_page);
        EXPECT_GT(pfn, last);
        last = pfn;
    }
    // Single pages: the lowest free page of the smallest order first, then the
    // halves of the lowest block of the next order. [3, 1003) left pages 3 and
    // 1002, the pair 1000-1001 and the four 4-7.
    uint32_t pages[8];
    for (uint32_t& p : pages)
        p = f.buddy.alloc(0);
    const uint32_t expected[8] = { 3, 1002, 1000, 1001, 4, 5, 6, 7 };
    EXPECT_TRUE(std::equal(std::begin(pages), std::end(pages), std::begin(expected)));
    // Frees after the sort are handed out again first (the head of the list).
    f.buddy.free(pages[5], 0);
    EXPECT_EQ(f.buddy.alloc(0), pages[5]);
}
