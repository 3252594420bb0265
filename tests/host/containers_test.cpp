// Host tests of libk's containers and small helpers: FixedVector, IntrusiveList, Span,
// Bitmap, StringView and utility.h.
#include <gtest/gtest.h>
#include <libk/bitmap.h>
#include <libk/fixed_vector.h>
#include <libk/intrusive_list.h>
#include <libk/span.h>
#include <libk/string_view.h>
#include <libk/utility.h>

#include <stdint.h>
#include <vector>

namespace {

// Counts live instances so the tests can see destructors run.
struct Tracked {
    static inline int live = 0;
    int value;
    explicit Tracked(int v)
        : value(v)
    {
        ++live;
    }
    Tracked(const Tracked& other)
        : value(other.value)
    {
        ++live;
    }
    Tracked& operator=(const Tracked&) = default;
    ~Tracked() { --live; }
};

struct MoveOnly {
    int value;
    explicit MoveOnly(int v)
        : value(v)
    {
    }
    MoveOnly(MoveOnly&& other)
        : value(other.value)
    {
        other.value = -1;
    }
    MoveOnly& operator=(MoveOnly&& other)
    {
        value = other.value;
        other.value = -1;
        return *this;
    }
};

TEST(FixedVector, AppendUntilFull)
{
    libk::FixedVector<int, 3> v;
    EXPECT_TRUE(v.is_empty());
    EXPECT_EQ(v.capacity(), 3u);
    EXPECT_TRUE(v.try_append(10));
    EXPECT_TRUE(v.try_append(20));
    EXPECT_TRUE(v.try_append(30));
    EXPECT_TRUE(v.is_full());
    EXPECT_FALSE(v.try_append(40));
    EXPECT_EQ(v.size(), 3u);
    EXPECT_EQ(v[0], 10);
    EXPECT_EQ(v[2], 30);
    int sum = 0;
    for (int x : v)
        sum += x;
    EXPECT_EQ(sum, 60);
}

TEST(FixedVector, RemoveAtShiftsAndDestroys)
{
    {
        libk::FixedVector<Tracked, 4> v;
        for (int i = 0; i < 4; ++i)
            ASSERT_TRUE(v.try_emplace(i));
        EXPECT_EQ(Tracked::live, 4);
        v.remove_at(1);
        EXPECT_EQ(Tracked::live, 3);
        ASSERT_EQ(v.size(), 3u);
        EXPECT_EQ(v[0].value, 0);
        EXPECT_EQ(v[1].value, 2);
        EXPECT_EQ(v[2].value, 3);
        v.remove_at(2);
        EXPECT_EQ(v.size(), 2u);
        EXPECT_EQ(Tracked::live, 2);
        Tracked extra(9);
        EXPECT_TRUE(v.try_append(extra));
        EXPECT_EQ(v[2].value, 9);
        EXPECT_EQ(Tracked::live, 4);
    }
    // Both the vector's elements and `extra` are gone.
    EXPECT_EQ(Tracked::live, 0);
}

TEST(FixedVector, ClearDestroysAll)
{
    libk::FixedVector<Tracked, 5> v;
    for (int i = 0; i < 5; ++i)
        ASSERT_TRUE(v.try_emplace(i));
    v.clear();
    EXPECT_EQ(v.size(), 0u);
    EXPECT_EQ(Tracked::live, 0);
    EXPECT_TRUE(v.try_emplace(7));
    EXPECT_EQ(v[0].value, 7);
}

TEST(FixedVector, MoveOnlyElements)
{
    libk::FixedVector<MoveOnly, 2> v;
    MoveOnly a(1);
    EXPECT_TRUE(v.try_append(libk::move(a)));
    EXPECT_EQ(a.value, -1);
    EXPECT_TRUE(v.try_append(MoveOnly(2)));
    v.remove_at(0);
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].value, 2);
}

constinit libk::FixedVector<int, 4> g_vector;
static_assert(__has_trivial_destructor(libk::FixedVector<int, 4>));

TEST(FixedVector, WorksAsConstinitGlobal)
{
    EXPECT_TRUE(g_vector.is_empty());
    EXPECT_TRUE(g_vector.try_append(5));
    EXPECT_EQ(g_vector[0], 5);
    g_vector.clear();
}

struct Task {
    int id;
    libk::ListNode node;
    libk::ListNode other_node; // an object may sit on two lists at once
};
using TaskList = libk::IntrusiveList<Task, &Task::node>;

std::vector<int> ids(TaskList& list)
{
    std::vector<int> result;
    for (Task& t : list)
        result.push_back(t.id);
    return result;
}

TEST(IntrusiveList, PushIterateAndPop)
{
    Task a { 1, {}, {} }, b { 2, {}, {} }, c { 3, {}, {} };
    TaskList list;
    EXPECT_TRUE(list.is_empty());
    EXPECT_EQ(list.size(), 0u);
    EXPECT_EQ(list.front(), nullptr);
    EXPECT_EQ(list.pop_front(), nullptr);
    EXPECT_FALSE(TaskList::is_linked(a.node));

    list.push_back(b);
    list.push_back(c);
    list.push_front(a);
    EXPECT_EQ(ids(list), (std::vector<int> { 1, 2, 3 }));
    EXPECT_EQ(list.size(), 3u);
    EXPECT_EQ(list.front(), &a);
    EXPECT_EQ(list.back(), &c);
    EXPECT_TRUE(TaskList::is_linked(b.node));
    EXPECT_TRUE(list.contains(b));

    EXPECT_EQ(list.pop_front(), &a);
    EXPECT_FALSE(TaskList::is_linked(a.node));
    EXPECT_FALSE(list.contains(a));
    EXPECT_EQ(ids(list), (std::vector<int> { 2, 3 }));
}

TEST(IntrusiveList, SingleElementIsLinked)
{
    Task a { 1, {}, {} };
    TaskList list;
    list.push_back(a);
    EXPECT_TRUE(TaskList::is_linked(a.node));
    EXPECT_FALSE(list.is_empty());
    list.remove(a);
    EXPECT_FALSE(TaskList::is_linked(a.node));
    EXPECT_EQ(a.node.prev, nullptr);
    EXPECT_EQ(a.node.next, nullptr);
    EXPECT_TRUE(list.is_empty());
    list.remove(a); // removing an unlinked element does nothing
    EXPECT_TRUE(list.is_empty());
}

TEST(IntrusiveList, RemoveFromMiddleAndEnds)
{
    Task t[5] = { { 0, {}, {} }, { 1, {}, {} }, { 2, {}, {} }, { 3, {}, {} }, { 4, {}, {} } };
    TaskList list;
    for (Task& task : t)
        list.push_back(task);
    list.remove(t[2]);
    list.remove(t[0]);
    list.remove(t[4]);
    EXPECT_EQ(ids(list), (std::vector<int> { 1, 3 }));
    list.push_back(t[0]);
    EXPECT_EQ(ids(list), (std::vector<int> { 1, 3, 0 }));
}

TEST(IntrusiveList, RemoveCurrentDuringRangeFor)
{
    Task t[6] = { { 0, {}, {} }, { 1, {}, {} }, { 2, {}, {} }, { 3, {}, {} }, { 4, {}, {} }, { 5, {}, {} } };
    TaskList list;
    for (Task& task : t)
        list.push_back(task);
    int visited = 0;
    for (Task& task : list) {
        ++visited;
        if (task.id % 2 == 0)
            list.remove(task);
    }
    EXPECT_EQ(visited, 6);
    EXPECT_EQ(ids(list), (std::vector<int> { 1, 3, 5 }));
    // Draining the whole list in a loop works too.
    for (Task& task : list)
        list.remove(task);
    EXPECT_TRUE(list.is_empty());
    EXPECT_EQ(list.size(), 0u);
}

TEST(IntrusiveList, ObjectOnTwoLists)
{
    using OtherList = libk::IntrusiveList<Task, &Task::other_node>;
    Task a { 1, {}, {} }, b { 2, {}, {} };
    TaskList first;
    OtherList second;
    first.push_back(a);
    first.push_back(b);
    second.push_back(b);
    second.push_back(a);
    EXPECT_EQ(second.front(), &b);
    EXPECT_EQ(second.back(), &a);
    first.remove(a);
    EXPECT_EQ(second.size(), 2u);
    EXPECT_EQ(first.size(), 1u);
    EXPECT_EQ(&*second.begin(), &b);
    EXPECT_EQ(second.begin()->id, 2);
}

constinit TaskList g_run_queue;

TEST(IntrusiveList, WorksAsConstinitGlobal)
{
    static Task idle { 0, {}, {} };
    EXPECT_TRUE(g_run_queue.is_empty());
    for (Task& t : g_run_queue)
        ADD_FAILURE() << "unexpected element " << t.id;
    g_run_queue.push_back(idle);
    EXPECT_EQ(g_run_queue.front(), &idle);
    EXPECT_EQ(g_run_queue.pop_front(), &idle);
    EXPECT_TRUE(g_run_queue.is_empty());
}

TEST(Span, AccessAndSubspan)
{
    int array[] = { 1, 2, 3, 4, 5 };
    libk::Span<int> span(array);
    EXPECT_EQ(span.size(), 5u);
    EXPECT_EQ(span.size_in_bytes(), 5 * sizeof(int));
    EXPECT_EQ(span.data(), array);
    span[0] = 10;
    EXPECT_EQ(array[0], 10);
    int sum = 0;
    for (int x : span)
        sum += x;
    EXPECT_EQ(sum, 24);

    auto middle = span.subspan(1, 3);
    EXPECT_EQ(middle.size(), 3u);
    EXPECT_EQ(middle[0], 2);
    EXPECT_EQ(middle[2], 4);
    EXPECT_EQ(span.subspan(3).size(), 2u);
    EXPECT_EQ(span.subspan(4, 100).size(), 1u);
    EXPECT_TRUE(span.subspan(9).is_empty());

    libk::Span<const int> readonly = span;
    EXPECT_EQ(readonly[1], 2);
    EXPECT_TRUE(libk::Span<int>().is_empty());
}

TEST(Bitmap, SetClearGet)
{
    uint32_t words[3] = {};
    libk::Bitmap bitmap(words, 70);
    EXPECT_EQ(bitmap.size(), 70u);
    EXPECT_EQ(libk::Bitmap::words_for(70), 3u);
    bitmap.set(0);
    bitmap.set(31);
    bitmap.set(32);
    bitmap.set(69);
    EXPECT_TRUE(bitmap.get(0));
    EXPECT_FALSE(bitmap.get(1));
    EXPECT_TRUE(bitmap.get(31));
    EXPECT_TRUE(bitmap.get(32));
    EXPECT_TRUE(bitmap.get(69));
    EXPECT_EQ(words[0], 0x80000001u);
    EXPECT_EQ(words[1], 1u);
    EXPECT_EQ(words[2], 1u << 5);
    EXPECT_EQ(bitmap.count_set(), 4u);
    bitmap.clear(31);
    EXPECT_FALSE(bitmap.get(31));
    EXPECT_EQ(bitmap.count_set(), 3u);
}

TEST(Bitmap, Ranges)
{
    uint32_t words[4] = {};
    libk::Bitmap bitmap(words, 100);
    bitmap.set_range(5, 60);
    EXPECT_EQ(bitmap.count_set(), 60u);
    EXPECT_FALSE(bitmap.get(4));
    EXPECT_TRUE(bitmap.get(5));
    EXPECT_TRUE(bitmap.get(64));
    EXPECT_FALSE(bitmap.get(65));
    bitmap.clear_range(10, 22);
    EXPECT_EQ(bitmap.count_set(), 38u);
    EXPECT_TRUE(bitmap.get(9));
    EXPECT_FALSE(bitmap.get(10));
    EXPECT_FALSE(bitmap.get(31));
    EXPECT_TRUE(bitmap.get(32));
    // Ranges past the end are clamped, and bits past bit_count stay untouched.
    bitmap.set_range(90, 50);
    EXPECT_EQ(bitmap.count_set(), 48u);
    EXPECT_EQ(words[3] >> 4, 0u);
    bitmap.set_range(0, 100);
    EXPECT_EQ(bitmap.count_set(), 100u);
    bitmap.clear_range(0, 1000);
    EXPECT_EQ(bitmap.count_set(), 0u);
}

TEST(Bitmap, FindFirst)
{
    uint32_t words[3] = {};
    libk::Bitmap bitmap(words, 80);
    EXPECT_EQ(bitmap.find_first_set(), libk::Bitmap::npos);
    EXPECT_EQ(bitmap.find_first_clear(), 0u);
    bitmap.set(40);
    bitmap.set(77);
    EXPECT_EQ(bitmap.find_first_set(), 40u);
    EXPECT_EQ(bitmap.find_first_set(40), 40u);
    EXPECT_EQ(bitmap.find_first_set(41), 77u);
    EXPECT_EQ(bitmap.find_first_set(78), libk::Bitmap::npos);
    bitmap.set_range(0, 80);
    EXPECT_EQ(bitmap.find_first_clear(), libk::Bitmap::npos);
    bitmap.clear(79);
    EXPECT_EQ(bitmap.find_first_clear(), 79u);
    EXPECT_EQ(bitmap.find_first_clear(80), libk::Bitmap::npos);
    // Bits of the storage past bit_count never count as found.
    words[2] = 0xffffffffu & ~(1u << 20); // bit 84: clear but beyond the end
    EXPECT_EQ(bitmap.find_first_clear(), libk::Bitmap::npos);
    words[2] = 0;
    bitmap.set_range(64, 16);
    EXPECT_EQ(bitmap.find_first_clear(64), libk::Bitmap::npos);
}

TEST(Bitmap, FindClearRun)
{
    uint32_t words[2] = {};
    libk::Bitmap bitmap(words, 64);
    EXPECT_EQ(bitmap.find_clear_run(64), 0u);
    EXPECT_EQ(bitmap.find_clear_run(65), libk::Bitmap::npos);
    EXPECT_EQ(bitmap.find_clear_run(0), libk::Bitmap::npos);
    bitmap.set(3);
    bitmap.set(10);
    bitmap.set(40);
    EXPECT_EQ(bitmap.find_clear_run(3), 0u);
    EXPECT_EQ(bitmap.find_clear_run(4), 4u);
    EXPECT_EQ(bitmap.find_clear_run(6), 4u);
    EXPECT_EQ(bitmap.find_clear_run(7), 11u);
    EXPECT_EQ(bitmap.find_clear_run(29), 11u);
    EXPECT_EQ(bitmap.find_clear_run(30), libk::Bitmap::npos);
    EXPECT_EQ(bitmap.find_clear_run(23), 11u); // 11..39 holds 29
    EXPECT_EQ(bitmap.find_clear_run(23, 12), 12u);
    EXPECT_EQ(bitmap.find_clear_run(23, 20), 41u);
    EXPECT_EQ(bitmap.find_clear_run(24, 20), libk::Bitmap::npos);
}

TEST(Bitmap, FindClearRunMatchesBruteForce)
{
    uint32_t words[3];
    uint32_t seed = 12345;
    for (int round = 0; round < 200; ++round) {
        for (uint32_t& w : words) {
            seed = seed * 1103515245u + 12345u;
            w = seed & (seed >> 7) & (seed >> 3); // sparse set bits so runs exist
        }
        libk::Bitmap bitmap(words, 90);
        for (size_t count = 1; count < 20; ++count) {
            size_t expected = libk::Bitmap::npos;
            for (size_t start = 0; start + count <= 90 && expected == libk::Bitmap::npos; ++start) {
                bool clear = true;
                for (size_t i = start; i < start + count; ++i)
                    clear = clear && !bitmap.get(i);
                if (clear)
                    expected = start;
            }
            ASSERT_EQ(bitmap.find_clear_run(count), expected) << round << " " << count;
        }
    }
}

TEST(StringView, Basics)
{
    libk::StringView view("root=/dev/ram0 quiet");
    EXPECT_EQ(view.length(), 20u);
    EXPECT_TRUE(view.starts_with("root="));
    EXPECT_TRUE(view.ends_with("quiet"));
    EXPECT_FALSE(view.starts_with("quiet"));
    EXPECT_EQ(view.find(' '), 14u);
    EXPECT_EQ(view.find('x'), libk::StringView::npos);
    EXPECT_TRUE(view.substring(5, 9) == libk::StringView("/dev/ram0"));
    EXPECT_TRUE(view.substring(15) == "quiet");
    EXPECT_TRUE(view.substring(100).is_empty());
    EXPECT_TRUE(libk::StringView(nullptr).is_empty());
    char buffer[5];
    EXPECT_STREQ(view.copy_to(buffer, sizeof(buffer)), "root");
}

TEST(Utility, Helpers)
{
    EXPECT_EQ(libk::min(3, 5), 3);
    EXPECT_EQ(libk::max(3, 5), 5);
    EXPECT_EQ(libk::clamp(10, 0, 5), 5);
    EXPECT_EQ(libk::clamp(-1, 0, 5), 0);
    EXPECT_EQ(libk::clamp(3, 0, 5), 3);
    EXPECT_EQ(libk::align_up(uintptr_t { 0x1001 }, 0x1000), 0x2000u);
    EXPECT_EQ(libk::align_up(uintptr_t { 0x1000 }, 0x1000), 0x1000u);
    EXPECT_EQ(libk::align_down(uintptr_t { 0x1fff }, 0x1000), 0x1000u);
    EXPECT_EQ(libk::align_up(0u, 8), 0u);
    EXPECT_TRUE(libk::is_power_of_two(4096u));
    EXPECT_FALSE(libk::is_power_of_two(0u));
    EXPECT_FALSE(libk::is_power_of_two(12u));
    int array[7];
    EXPECT_EQ(libk::array_size(array), 7u);
    int a = 1, b = 2;
    libk::swap(a, b);
    EXPECT_EQ(a, 2);
    EXPECT_EQ(b, 1);
    MoveOnly x(5), y(6);
    libk::swap(x, y);
    EXPECT_EQ(x.value, 6);
    EXPECT_EQ(y.value, 5);
    static_assert(libk::align_up(13u, 4u) == 16u);
    static_assert(libk::is_same<decltype(libk::move(a)), int&&>);
    static_assert(libk::is_same<decltype(libk::forward<int&>(a)), int&>);
}

} // namespace
