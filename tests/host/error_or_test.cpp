// Host tests of libk/error_or.h: values, errors, TRY propagation and the syscall edge.
#include <gtest/gtest.h>
#include <libk/error_or.h>

namespace {

constexpr int test_enoent = 2;
constexpr int test_enomem = 12;
constexpr int test_einval = 22;

libk::ErrorOr<int> parse_digit(char c)
{
    if (c < '0' || c > '9')
        return libk::Error::from_errno(test_einval);
    return c - '0';
}

libk::ErrorOr<int> sum_of_two(const char* s)
{
    int a = TRY(parse_digit(s[0]));
    int b = TRY(parse_digit(s[1]));
    return a + b;
}

TEST(ErrorOr, ValueAndError)
{
    libk::ErrorOr<int> ok = 42;
    EXPECT_FALSE(ok.is_error());
    EXPECT_EQ(ok.value(), 42);
    ok.value() = 7;
    EXPECT_EQ(ok.release_value(), 7);

    libk::ErrorOr<int> bad = libk::Error::from_errno(test_enomem);
    EXPECT_TRUE(bad.is_error());
    EXPECT_EQ(bad.error().code(), test_enomem);
    EXPECT_TRUE(bad.error() == libk::Error::from_errno(test_enomem));
}

TEST(ErrorOr, TryPropagatesFirstError)
{
    auto ok = sum_of_two("34");
    ASSERT_FALSE(ok.is_error());
    EXPECT_EQ(ok.value(), 7);

    auto bad = sum_of_two("3x");
    ASSERT_TRUE(bad.is_error());
    EXPECT_EQ(bad.error().code(), test_einval);
}

int g_steps = 0;

libk::ErrorOr<void> step(bool fail)
{
    ++g_steps;
    if (fail)
        return libk::Error::from_errno(test_enoent);
    return {};
}

libk::ErrorOr<void> run_steps(bool fail_second)
{
    TRY(step(false));
    TRY(step(fail_second));
    TRY(step(false));
    return {};
}

TEST(ErrorOr, VoidSpecialisationAndTry)
{
    g_steps = 0;
    EXPECT_FALSE(run_steps(false).is_error());
    EXPECT_EQ(g_steps, 3);

    g_steps = 0;
    auto result = run_steps(true);
    ASSERT_TRUE(result.is_error());
    EXPECT_EQ(result.error().code(), test_enoent);
    EXPECT_EQ(g_steps, 2); // the third step never ran
}

struct Buffer {
    int* data;
    explicit Buffer(int value)
        : data(new int(value))
    {
    }
    Buffer(Buffer&& other)
        : data(other.data)
    {
        other.data = nullptr;
    }
    Buffer(const Buffer&) = delete;
    ~Buffer() { delete data; }
};

libk::ErrorOr<Buffer> make_buffer(int value)
{
    if (value < 0)
        return libk::Error::from_errno(test_einval);
    return Buffer(value);
}

libk::ErrorOr<int> read_buffer(int value)
{
    Buffer buffer = TRY(make_buffer(value));
    return *buffer.data;
}

TEST(ErrorOr, MoveOnlyValues)
{
    // ASan reports a leak or double free if ownership goes wrong.
    auto ok = read_buffer(5);
    ASSERT_FALSE(ok.is_error());
    EXPECT_EQ(ok.value(), 5);
    EXPECT_TRUE(read_buffer(-1).is_error());

    auto direct = make_buffer(9);
    libk::ErrorOr<Buffer> moved = libk::move(direct);
    EXPECT_EQ(*moved.value().data, 9);
    EXPECT_EQ(direct.value().data, nullptr);
}

struct Point {
    int x;
    int y;
};

libk::ErrorOr<Point*> find_point(Point* p) { return p ? libk::ErrorOr<Point*>(p) : libk::Error::from_errno(test_enoent); }

TEST(ErrorOr, PointersAndStructs)
{
    Point point { 1, 2 };
    auto found = find_point(&point);
    EXPECT_EQ(found.value(), &point);
    EXPECT_EQ(find_point(nullptr).error().code(), test_enoent);

    libk::ErrorOr<Point> value = Point { 3, 4 };
    EXPECT_EQ(value.value().y, 4);
    value = libk::Error::from_errno(test_enomem);
    EXPECT_TRUE(value.is_error());
    value = Point { 5, 6 };
    EXPECT_EQ(value.value().x, 5);

    libk::ErrorOr<Point*> null_is_a_value = nullptr;
    EXPECT_FALSE(null_is_a_value.is_error());
    EXPECT_EQ(null_is_a_value.value(), nullptr);
}

TEST(ErrorOr, ImplicitConversionOfValue)
{
    libk::ErrorOr<long> widened = 5; // int -> long
    EXPECT_EQ(widened.value(), 5L);
    libk::ErrorOr<unsigned char> small = static_cast<unsigned char>(200);
    EXPECT_EQ(small.value(), 200);
}

TEST(ErrorOr, SyscallEdge)
{
    libk::ErrorOr<int> count = 17;
    EXPECT_EQ(libk::as_syscall_result(count), 17);
    libk::ErrorOr<int> failed = libk::Error::from_errno(test_enomem);
    EXPECT_EQ(libk::as_syscall_result(failed), -12);
    EXPECT_EQ(libk::as_syscall_result(run_steps(false)), 0);
    EXPECT_EQ(libk::as_syscall_result(run_steps(true)), -test_enoent);
    Point point { 0, 0 };
    EXPECT_EQ(libk::as_syscall_result(find_point(&point)), reinterpret_cast<long>(&point));
    EXPECT_EQ(libk::as_syscall_result(find_point(nullptr)), -test_enoent);
}

TEST(ErrorOrDeathTest, ValueOfErrorTraps)
{
    libk::ErrorOr<int> bad = libk::Error::from_errno(test_einval);
    EXPECT_DEATH((void)bad.value(), "");
}

} // namespace
