// Host tests for the initial user stack of execve (libk/exec_stack): each image is decoded
// the way a program's _start and its C library read it.
#include <gtest/gtest.h>
#include <libk/exec_stack.h>
#include <cerrno>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

using libk::build_exec_stack;
using libk::ExecStackInput;
using libk::ExecStackLayout;

namespace {

constexpr uint32_t stack_top = 0xC0000000;

// A buffer standing for the user addresses [top - size, top), read back by address.
struct UserStack {
    UserStack(size_t size, uint32_t top)
        : bytes(new uint8_t[size])
        , size(size)
        , top(top)
    {
        std::memset(bytes.get(), 0xAA, size);
    }

    uint32_t bottom() const { return top - static_cast<uint32_t>(size); }
    bool contains(uint32_t address, size_t n) const
    {
        return address >= bottom() && address <= top && n <= top - address;
    }
    uint32_t word(uint32_t address) const
    {
        if (!contains(address, 4)) {
            ADD_FAILURE() << "read outside the stack at " << std::hex << address;
            return 0;  // ends any table walk
        }
        uint32_t v;
        std::memcpy(&v, &bytes[address - bottom()], 4);
        return v;
    }
    std::string string(uint32_t address) const
    {
        std::string s;
        while (true) {
            if (!contains(address, 1)) {
                ADD_FAILURE() << "string runs off the stack";
                return s;
            }
            char c = static_cast<char>(bytes[address - bottom()]);
            if (c == 0)
                return s;
            s += c;
            ++address;
        }
    }
    std::string raw(uint32_t from, uint32_t to) const
    {
        if (!(from <= to && contains(from, to - from))) {
            ADD_FAILURE() << "range outside the stack";
            return {};
        }
        return std::string(reinterpret_cast<const char*>(&bytes[from - bottom()]), to - from);
    }

    int build(const ExecStackInput& input, ExecStackLayout& out)
    {
        return build_exec_stack(input, bytes.get(), size, top, out);
    }

    std::unique_ptr<uint8_t[]> bytes;
    size_t size;
    uint32_t top;
};

// What _start sees, decoded from sp upwards.
struct Decoded {
    uint32_t argc = 0;
    std::vector<std::string> argv;
    std::vector<std::string> envp;
    std::vector<uint32_t> argv_pointers;
    std::vector<uint32_t> envp_pointers;
    std::vector<std::pair<uint32_t, uint32_t>> auxv;  // AT_NULL not included
    uint32_t auxv_end = 0;                             // just past AT_NULL
    uint32_t aux(uint32_t type) const
    {
        for (auto& [t, v] : auxv)
            if (t == type)
                return v;
        ADD_FAILURE() << "no auxv entry " << type;
        return 0;
    }
};

Decoded decode(const UserStack& stack, uint32_t sp)
{
    Decoded d;
    uint32_t p = sp;
    d.argc = stack.word(p);
    p += 4;
    for (uint32_t i = 0; i < d.argc; ++i, p += 4) {
        d.argv_pointers.push_back(stack.word(p));
        d.argv.push_back(stack.string(stack.word(p)));
    }
    EXPECT_EQ(stack.word(p), 0u) << "argv[argc] must be NULL";
    p += 4;
    for (; stack.word(p) != 0; p += 4) {
        d.envp_pointers.push_back(stack.word(p));
        d.envp.push_back(stack.string(stack.word(p)));
    }
    p += 4;
    for (; stack.word(p) != libk::at_null; p += 8)
        d.auxv.push_back({ stack.word(p), stack.word(p + 4) });
    EXPECT_EQ(stack.word(p + 4), 0u) << "AT_NULL's value";
    d.auxv_end = p + 8;
    return d;
}

const uint8_t random_bytes[16] = { 0x10, 0x21, 0x32, 0x43, 0x54, 0x65, 0x76, 0x87,
    0x98, 0xa9, 0xba, 0xcb, 0xdc, 0xed, 0xfe, 0x0f };

ExecStackInput make_input(const std::vector<const char*>& argv, const std::vector<const char*>& envp,
    const char* execfn)
{
    ExecStackInput in {};
    in.argv = argv.empty() ? nullptr : argv.data();
    in.argc = argv.size();
    in.envp = envp.empty() ? nullptr : envp.data();
    in.envc = envp.size();
    in.execfn = execfn;
    in.random16 = random_bytes;
    in.hwcap = 0x178bfbff;
    in.pagesz = 4096;
    in.clktck = 100;
    in.phdr = 0x08048034;
    in.phent = 32;
    in.phnum = 5;
    in.base = 0;
    in.flags = 0;
    in.entry = 0x08049000;
    in.uid = 1000;
    in.euid = 1001;
    in.gid = 100;
    in.egid = 101;
    in.secure = 0;
    return in;
}

std::string joined(const std::vector<const char*>& strings)
{
    std::string s;
    for (const char* string : strings) {
        s += string;
        s += '\0';
    }
    return s;
}

// Everything a correct image must satisfy, for any input.
void check_image(const UserStack& stack, const ExecStackLayout& layout, const std::vector<const char*>& argv,
    const std::vector<const char*>& envp, const char* execfn)
{
    SCOPED_TRACE(testing::Message() << "argc " << argv.size() << " envc " << envp.size());
    EXPECT_EQ(layout.sp % 16, 0u);
    EXPECT_EQ(layout.bytes_used, stack.top - layout.sp);
    EXPECT_EQ(stack.word(stack.top - 4), 0u) << "NULL end marker at the very top";

    Decoded d = decode(stack, layout.sp);
    ASSERT_EQ(d.argc, argv.size());
    for (size_t i = 0; i < argv.size(); ++i)
        EXPECT_EQ(d.argv[i], argv[i]);
    ASSERT_EQ(d.envp.size(), envp.size());
    for (size_t i = 0; i < envp.size(); ++i)
        EXPECT_EQ(d.envp[i], envp[i]);

    // Linux's create_elf_tables order, without the vDSO/sigstack/hwcap2/rseq entries.
    using namespace libk;
    const uint32_t order[] = { at_hwcap, at_pagesz, at_clktck, at_phdr, at_phent, at_phnum, at_base,
        at_flags, at_entry, at_uid, at_euid, at_gid, at_egid, at_secure, at_random, at_execfn, at_platform };
    ASSERT_EQ(d.auxv.size(), sizeof(order) / sizeof(order[0]));
    EXPECT_EQ(d.auxv.size() + 1, exec_stack_auxv_entries);
    for (size_t i = 0; i < d.auxv.size(); ++i)
        EXPECT_EQ(d.auxv[i].first, order[i]) << "auxv entry " << i;
    EXPECT_EQ(d.aux(at_hwcap), 0x178bfbffu);
    EXPECT_EQ(d.aux(at_pagesz), 4096u);
    EXPECT_EQ(d.aux(at_clktck), 100u);
    EXPECT_EQ(d.aux(at_phdr), 0x08048034u);
    EXPECT_EQ(d.aux(at_phent), 32u);
    EXPECT_EQ(d.aux(at_phnum), 5u);
    EXPECT_EQ(d.aux(at_base), 0u);
    EXPECT_EQ(d.aux(at_flags), 0u);
    EXPECT_EQ(d.aux(at_entry), 0x08049000u);
    EXPECT_EQ(d.aux(at_uid), 1000u);
    EXPECT_EQ(d.aux(at_euid), 1001u);
    EXPECT_EQ(d.aux(at_gid), 100u);
    EXPECT_EQ(d.aux(at_egid), 101u);
    EXPECT_EQ(d.aux(at_secure), 0u);

    // The pointed-to data, from the top down.
    uint32_t execfn_at = d.aux(at_execfn);
    EXPECT_EQ(stack.string(execfn_at), execfn);
    EXPECT_EQ(execfn_at + std::strlen(execfn) + 1, stack.top - 4u);
    EXPECT_EQ(layout.env_end, execfn_at);
    EXPECT_EQ(stack.raw(layout.env_start, layout.env_end), joined(envp));
    EXPECT_EQ(layout.arg_end, layout.env_start);
    EXPECT_EQ(stack.raw(layout.arg_start, layout.arg_end), joined(argv));
    for (size_t i = 0; i < argv.size(); ++i)
        EXPECT_TRUE(d.argv_pointers[i] >= layout.arg_start && d.argv_pointers[i] < layout.arg_end);
    if (!argv.empty()) {
        EXPECT_EQ(d.argv_pointers[0], layout.arg_start);
    }
    for (size_t i = 0; i < envp.size(); ++i)
        EXPECT_TRUE(d.envp_pointers[i] >= layout.env_start && d.envp_pointers[i] < layout.env_end);

    uint32_t platform_at = d.aux(at_platform);
    EXPECT_EQ(stack.string(platform_at), "i686");
    EXPECT_EQ(platform_at + 5, layout.arg_start & ~15u) << "platform right below the 16-aligned strings";
    uint32_t random_at = d.aux(at_random);
    EXPECT_EQ(random_at + 16, platform_at);
    EXPECT_EQ(stack.raw(random_at, random_at + 16), std::string(reinterpret_cast<const char*>(random_bytes), 16));

    // Only alignment padding (zeroed, less than 16 bytes) between the auxv and the random bytes.
    ASSERT_LE(d.auxv_end, random_at);
    EXPECT_LT(random_at - d.auxv_end, 16u);
    EXPECT_EQ(stack.raw(d.auxv_end, random_at), std::string(random_at - d.auxv_end, '\0'));
    EXPECT_EQ(stack.raw(layout.arg_start & ~15u, layout.arg_start),
        std::string(layout.arg_start - (layout.arg_start & ~15u), '\0'));

    // Nothing below sp was touched.
    for (uint32_t a = stack.bottom(); a < layout.sp; ++a)
        ASSERT_EQ(stack.bytes[a - stack.bottom()], 0xAA) << std::hex << a;
}

} // namespace

TEST(ExecStack, ErrnoMatchesLinux)
{
    EXPECT_EQ(libk::exec_stack_e2big, E2BIG);
}

TEST(ExecStack, FullImage)
{
    std::vector<const char*> argv = { "/bin/prog", "-x", "hello world", "" };
    std::vector<const char*> envp = { "HOME=/", "PATH=/bin:/usr/bin", "TERM=vt100" };
    UserStack stack(8192, stack_top);
    ExecStackLayout layout;
    ASSERT_EQ(stack.build(make_input(argv, envp, "/bin/prog"), layout), 0);
    check_image(stack, layout, argv, envp, "/bin/prog");
    EXPECT_LT(layout.bytes_used, 512u);
    EXPECT_EQ(layout.arg_start, stack_top - 4 - 10 - 37 - 26);
}

TEST(ExecStack, EmptyArgvAndEnvp)
{
    UserStack stack(4096, stack_top);
    ExecStackLayout layout;
    ASSERT_EQ(stack.build(make_input({}, {}, "/init"), layout), 0);
    check_image(stack, layout, {}, {}, "/init");
    EXPECT_EQ(layout.arg_start, layout.arg_end);
    EXPECT_EQ(layout.env_start, layout.env_end);
    EXPECT_EQ(layout.arg_end, layout.env_start);
    // argc 0, then argv's NULL, then envp's NULL.
    EXPECT_EQ(stack.word(layout.sp), 0u);
    EXPECT_EQ(stack.word(layout.sp + 4), 0u);
    EXPECT_EQ(stack.word(layout.sp + 8), 0u);
    EXPECT_EQ(stack.word(layout.sp + 12), libk::at_hwcap);
}

TEST(ExecStack, EmptyExecfn)
{
    UserStack stack(4096, stack_top);
    ExecStackLayout layout;
    std::vector<const char*> argv = { "x" };
    ASSERT_EQ(stack.build(make_input(argv, {}, ""), layout), 0);
    check_image(stack, layout, argv, {}, "");
}

// Every residue of the string and table sizes modulo 16 must still give an aligned sp
// with less than 16 bytes of padding.
TEST(ExecStack, AlignmentForAllSizes)
{
    std::vector<std::string> storage;
    for (int i = 0; i < 40; ++i)
        storage.push_back(std::string(static_cast<size_t>(i), static_cast<char>('a' + i % 26)));
    for (size_t argc = 0; argc < 6; ++argc) {
        for (size_t envc = 0; envc < 5; ++envc) {
            for (size_t length = 0; length < 17; ++length) {
                std::vector<const char*> argv, envp;
                for (size_t i = 0; i < argc; ++i)
                    argv.push_back(storage[(length + i) % storage.size()].c_str());
                for (size_t i = 0; i < envc; ++i)
                    envp.push_back(storage[(length * 3 + i) % storage.size()].c_str());
                std::string execfn = storage[length];
                UserStack stack(4096, stack_top);
                ExecStackLayout layout;
                ASSERT_EQ(stack.build(make_input(argv, envp, execfn.c_str()), layout), 0);
                check_image(stack, layout, argv, envp, execfn.c_str());
                if (HasFatalFailure())
                    return;
            }
        }
    }
}

// The addresses a real Linux kernel gave `env -i HOME=/ PATH=/bin setarch -R ./dump ab cdef`
// for a static i386 program (stack top 0xFFFFE000). An x86-64 kernel leaves 8 bytes at the
// top for compat tasks where i386 leaves 4, hence top 0xFFFFDFFC here. The tables differ
// only in the auxv entries kernlab leaves out, so sp is checked against our own count.
TEST(ExecStack, MatchesLinuxAddresses)
{
    std::vector<const char*> argv = { "./dump", "ab", "cdef" };
    std::vector<const char*> envp = { "HOME=/", "PATH=/bin" };
    UserStack stack(4096, 0xFFFFDFFC);
    ExecStackLayout layout;
    ASSERT_EQ(stack.build(make_input(argv, envp, "./dump"), layout), 0);
    check_image(stack, layout, argv, envp, "./dump");
    Decoded d = decode(stack, layout.sp);
    EXPECT_EQ(d.argv_pointers, (std::vector<uint32_t> { 0xFFFFDFD1, 0xFFFFDFD8, 0xFFFFDFDB }));
    EXPECT_EQ(d.envp_pointers, (std::vector<uint32_t> { 0xFFFFDFE0, 0xFFFFDFE7 }));
    EXPECT_EQ(d.aux(libk::at_execfn), 0xFFFFDFF1u);
    EXPECT_EQ(d.aux(libk::at_platform), 0xFFFFDFCBu);
    EXPECT_EQ(d.aux(libk::at_random), 0xFFFFDFBBu);
    // Linux had 23 auxv pairs + AT_NULL and sp 0xFFFFDED0 = (0xFFFFDFBB - 56 * 4) & ~15;
    // with 18 pairs it is (0xFFFFDFBB - 44 * 4) & ~15.
    EXPECT_EQ(layout.sp, 0xFFFFDF00u);
}

TEST(ExecStack, TooSmallIsE2bigAndStaysInside)
{
    std::vector<const char*> argv = { "/bin/sh", "-c", "echo hello" };
    std::vector<const char*> envp = { "A=1", "B=22" };
    ExecStackInput input = make_input(argv, envp, "/bin/sh");

    UserStack big(4096, stack_top);
    ExecStackLayout layout;
    ASSERT_EQ(big.build(input, layout), 0);
    size_t needed = layout.bytes_used;

    // Exactly-sized heap buffers: ASan reports any byte written outside.
    for (size_t size = 0; size < needed; ++size) {
        UserStack small(size, stack_top);
        ExecStackLayout out;
        EXPECT_EQ(small.build(input, out), E2BIG) << size;
    }
    UserStack exact(needed, stack_top);
    ASSERT_EQ(exact.build(input, layout), 0);
    EXPECT_EQ(layout.sp, exact.bottom());
    check_image(exact, layout, argv, envp, "/bin/sh");
}

TEST(ExecStack, HugeArgumentListIsE2big)
{
    std::string long_string(100000, 'x');
    std::vector<const char*> argv(2000, "argument");
    argv.push_back(long_string.c_str());
    UserStack stack(64 * 1024, stack_top);
    ExecStackLayout layout;
    EXPECT_EQ(stack.build(make_input(argv, {}, "/bin/x"), layout), E2BIG);
    // Many pointers but short strings: the strings fit, the pointer table does not.
    std::vector<const char*> many(20000, "");
    EXPECT_EQ(stack.build(make_input(many, {}, "/bin/x"), layout), E2BIG);
}

// A buffer larger than the address space below `top` only uses its part at addresses >= 0.
TEST(ExecStack, BufferLargerThanTop)
{
    UserStack stack(8192, 0x1000);  // stands for [-0x1000, 0x1000)
    std::vector<const char*> argv = { "a" };
    ExecStackLayout layout;
    ASSERT_EQ(build_exec_stack(make_input(argv, {}, "a"), stack.bytes.get(), stack.size, stack.top, layout), 0);
    EXPECT_LT(layout.sp, 0x1000u);
    EXPECT_EQ(layout.sp % 16, 0u);
    // The image sits at the end of the buffer, where address 0x1000 - n is.
    uint32_t argc;
    std::memcpy(&argc, &stack.bytes[stack.size - (0x1000 - layout.sp)], 4);
    EXPECT_EQ(argc, 1u);

    UserStack tiny(8192, 0x40);  // only 64 bytes of address space
    EXPECT_EQ(build_exec_stack(make_input(argv, {}, "a"), tiny.bytes.get(), tiny.size, tiny.top, layout), E2BIG);
}
