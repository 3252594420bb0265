// Host tests for the ELF32 executable checks of execve (libk/elf).
#include <gtest/gtest.h>
#include <libk/elf.h>
#include <cerrno>
#include <cstring>
#include <functional>
#include <vector>

using libk::ElfExecutable;
using libk::parse_elf_executable;

namespace {

constexpr uint32_t user_limit = 0xC0000000;

// A static i386 "write hi, bump a counter, exit" program, assembled once with
// `i686-linux-gnu-gcc -static -nostdlib -Wl,--build-id=none -Wl,-z,noseparate-code -s`
// (text+rodata R-X at 0x08048000, data+bss RW- at 0x080490bc, PT_GNU_STACK), so the test
// does not need the cross compiler.
const uint8_t real_hello[] = {
    0x7f, 0x45, 0x4c, 0x46, 0x01, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x02, 0x00, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x94, 0x80, 0x04, 0x08, 0x34, 0x00, 0x00, 0x00,
    0xe4, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x34, 0x00, 0x20, 0x00, 0x03, 0x00, 0x28, 0x00,
    0x06, 0x00, 0x05, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80, 0x04, 0x08,
    0x00, 0x80, 0x04, 0x08, 0xbc, 0x00, 0x00, 0x00, 0xbc, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00,
    0x00, 0x10, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0xbc, 0x00, 0x00, 0x00, 0xbc, 0x90, 0x04, 0x08,
    0xbc, 0x90, 0x04, 0x08, 0x04, 0x00, 0x00, 0x00, 0x44, 0x00, 0x00, 0x00, 0x06, 0x00, 0x00, 0x00,
    0x00, 0x10, 0x00, 0x00, 0x51, 0xe5, 0x74, 0x64, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x06, 0x00, 0x00, 0x00,
    0x10, 0x00, 0x00, 0x00, 0xb8, 0x04, 0x00, 0x00, 0x00, 0xbb, 0x01, 0x00, 0x00, 0x00, 0xb9, 0xb9,
    0x80, 0x04, 0x08, 0xba, 0x03, 0x00, 0x00, 0x00, 0xcd, 0x80, 0xff, 0x05, 0xbc, 0x90, 0x04, 0x08,
    0xb8, 0x01, 0x00, 0x00, 0x00, 0x31, 0xdb, 0xcd, 0x80, 0x68, 0x69, 0x0a, 0x29, 0x00, 0x00, 0x00,
    0x00, 0x2e, 0x73, 0x68, 0x73, 0x74, 0x72, 0x74, 0x61, 0x62, 0x00, 0x2e, 0x74, 0x65, 0x78, 0x74,
    0x00, 0x2e, 0x72, 0x6f, 0x64, 0x61, 0x74, 0x61, 0x00, 0x2e, 0x64, 0x61, 0x74, 0x61, 0x00, 0x2e,
    0x62, 0x73, 0x73, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0b, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x06, 0x00, 0x00, 0x00, 0x94, 0x80, 0x04, 0x08, 0x94, 0x00, 0x00, 0x00,
    0x25, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x11, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00,
    0xb9, 0x80, 0x04, 0x08, 0xb9, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x19, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0xbc, 0x90, 0x04, 0x08, 0xbc, 0x00, 0x00, 0x00,
    0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x1f, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00,
    0xc0, 0x90, 0x04, 0x08, 0xc0, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
    0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xc0, 0x00, 0x00, 0x00,
    0x24, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00,
};

// An executable assembled by hand: ELF header, program headers right after it, then
// text at file offset 0 (it covers the headers, as ld lays it out) and data that starts
// in the page where text ends.
struct Image {
    std::vector<uint8_t> bytes;
    uint64_t file_size;

    void put16(size_t at, uint16_t v) { std::memcpy(&bytes[at], &v, 2); }
    void put32(size_t at, uint32_t v) { std::memcpy(&bytes[at], &v, 4); }
    size_t ph(size_t i) const { return 52 + 32 * i; }

    void set_phdr(size_t i, uint32_t type, uint32_t offset, uint32_t vaddr, uint32_t filesz, uint32_t memsz, uint32_t flags)
    {
        size_t p = ph(i);
        if (bytes.size() < p + 32)
            bytes.resize(p + 32);
        put32(p + 0, type);
        put32(p + 4, offset);
        put32(p + 8, vaddr);
        put32(p + 12, vaddr);  // p_paddr
        put32(p + 16, filesz);
        put32(p + 20, memsz);
        put32(p + 24, flags);
        put32(p + 28, 0x1000);  // p_align
    }
    void set_phnum(uint16_t n) { put16(44, n); }

    int parse(ElfExecutable& out, const char** reason = nullptr) const
    {
        return parse_elf_executable(bytes.data(), bytes.size(), file_size, user_limit, out, reason);
    }
};

Image valid_image()
{
    Image img;
    img.bytes.assign(52, 0);
    const uint8_t ident[] = { 0x7f, 'E', 'L', 'F', 1, 1, 1, 0 };
    std::memcpy(img.bytes.data(), ident, sizeof(ident));
    img.put16(16, 2);           // ET_EXEC
    img.put16(18, 3);           // EM_386
    img.put32(20, 1);           // EV_CURRENT
    img.put32(24, 0x08048100);  // e_entry
    img.put32(28, 52);          // e_phoff
    img.put16(40, 52);          // e_ehsize
    img.put16(42, 32);          // e_phentsize
    img.set_phnum(5);
    using namespace libk;
    img.set_phdr(0, elf_pt_load, 0, 0x08048000, 0x1200, 0x1200, elf_pf_r | elf_pf_x);
    img.set_phdr(1, elf_pt_load, 0x1200, 0x08049200, 0x100, 0x800, elf_pf_r | elf_pf_w);
    img.set_phdr(2, elf_pt_gnu_stack, 0, 0, 0, 0, elf_pf_r | elf_pf_w);
    img.set_phdr(3, elf_pt_tls, 0x1200, 0x08049200, 0x10, 0x20, elf_pf_r);
    img.set_phdr(4, elf_pt_note, 0x200, 0x08048200, 0x20, 0x20, elf_pf_r);
    img.file_size = 0x1300;
    return img;
}

// The mutated image must be refused with ENOEXEC, for the expected reason (so a test
// cannot pass because some earlier check happened to trip).
void expect_rejected(const char* expected_reason, const std::function<void(Image&)>& mutate)
{
    Image img = valid_image();
    mutate(img);
    ElfExecutable out;
    const char* reason = nullptr;
    EXPECT_EQ(img.parse(out, &reason), ENOEXEC);
    ASSERT_NE(reason, nullptr);
    EXPECT_NE(std::strstr(reason, expected_reason), nullptr) << "reason: " << reason;
}

} // namespace

TEST(Elf, ErrnoMatchesLinux)
{
    EXPECT_EQ(libk::elf_enoexec, ENOEXEC);
}

TEST(Elf, ValidImage)
{
    Image img = valid_image();
    ElfExecutable out;
    const char* reason = "unset";
    ASSERT_EQ(img.parse(out, &reason), 0);
    EXPECT_EQ(reason, nullptr);
    EXPECT_EQ(out.entry, 0x08048100u);
    EXPECT_EQ(out.phnum, 5u);
    EXPECT_EQ(out.phentsize, 32u);
    // No PT_PHDR: found through the text segment that loads file offset 52.
    EXPECT_EQ(out.phdr_vaddr, 0x08048034u);
    ASSERT_EQ(out.segment_count, 2u);
    EXPECT_EQ(out.segments[0].vaddr, 0x08048000u);
    EXPECT_EQ(out.segments[0].memsz, 0x1200u);
    EXPECT_EQ(out.segments[0].offset, 0u);
    EXPECT_EQ(out.segments[0].filesz, 0x1200u);
    EXPECT_EQ(out.segments[0].flags, libk::elf_pf_r | libk::elf_pf_x);
    EXPECT_EQ(out.segments[1].vaddr, 0x08049200u);
    EXPECT_EQ(out.segments[1].memsz, 0x800u);
    EXPECT_EQ(out.segments[1].offset, 0x1200u);
    EXPECT_EQ(out.segments[1].filesz, 0x100u);
    EXPECT_EQ(out.segments[1].flags, libk::elf_pf_r | libk::elf_pf_w);
}

TEST(Elf, NullReasonPointerIsAllowed)
{
    Image img = valid_image();
    ElfExecutable out;
    EXPECT_EQ(img.parse(out, nullptr), 0);
    img.bytes[0] = 0;
    EXPECT_EQ(img.parse(out, nullptr), ENOEXEC);
}

TEST(Elf, PtPhdrGivesPhdrAddress)
{
    Image img = valid_image();
    img.set_phdr(2, libk::elf_pt_phdr, 52, 0x08048034, 5 * 32, 5 * 32, libk::elf_pf_r);
    ElfExecutable out;
    ASSERT_EQ(img.parse(out), 0);
    EXPECT_EQ(out.phdr_vaddr, 0x08048034u);

    img.put32(img.ph(2) + 8, 0x08048abc);  // PT_PHDR wins over the computed address
    ASSERT_EQ(img.parse(out), 0);
    EXPECT_EQ(out.phdr_vaddr, 0x08048abcu);
}

TEST(Elf, PhdrsNotLoadedGiveZeroPhdrAddress)
{
    Image img = valid_image();
    img.put32(img.ph(0) + 4, 0x1000);  // text from file offset 0x1000: headers not mapped
    img.put32(img.ph(0) + 16, 0x200);
    img.file_size = 0x1300;
    ElfExecutable out;
    ASSERT_EQ(img.parse(out), 0);
    EXPECT_EQ(out.phdr_vaddr, 0u);
}

TEST(Elf, SegmentsMaySharePageButNotBytes)
{
    ElfExecutable out;
    // Data starting on the very byte where text ends, in the same page.
    Image touching = valid_image();
    ASSERT_EQ(touching.parse(out), 0);
    // Data starting later in the same page, with a gap.
    Image gap = valid_image();
    gap.put32(gap.ph(1) + 8, 0x08049300);
    gap.put32(gap.ph(1) + 12, 0x08049300);
    gap.put32(gap.ph(1) + 4, 0x1300);
    gap.put32(gap.ph(1) + 16, 0);
    EXPECT_EQ(gap.parse(out), 0);
    // One byte of overlap is refused.
    expect_rejected("overlapping", [](Image& img) { img.put32(img.ph(1) + 8, 0x080491ff); img.put32(img.ph(1) + 4, 0x11ff); });
}

TEST(Elf, SixteenLoadsAcceptedSeventeenRejected)
{
    auto build = [](size_t loads) {
        Image img = valid_image();
        img.set_phnum(static_cast<uint16_t>(loads));
        for (size_t i = 0; i < loads; ++i)
            img.set_phdr(i, libk::elf_pt_load, 0, 0x08048000 + 0x1000 * i, 0x100, 0x100,
                libk::elf_pf_r | libk::elf_pf_x);
        img.put32(24, 0x08048080);
        return img;
    };
    ElfExecutable out;
    EXPECT_EQ(build(16).parse(out), 0);
    EXPECT_EQ(out.segment_count, 16u);
    EXPECT_EQ(build(17).parse(out), ENOEXEC);
}

TEST(Elf, SixtyFourProgramHeadersAccepted)
{
    Image img = valid_image();
    img.set_phnum(64);
    for (size_t i = 5; i < 64; ++i)
        img.set_phdr(i, libk::elf_pt_null, 0, 0, 0, 0, 0);
    img.set_phdr(5, libk::elf_pt_gnu_relro, 0x1200, 0x08049200, 0x10, 0x10, libk::elf_pf_r);
    img.set_phdr(6, libk::elf_pt_dynamic, 0x1200, 0x08049200, 0x10, 0x10, libk::elf_pf_r);
    img.put32(img.ph(0) + 16, 0x1200);
    ElfExecutable out;
    EXPECT_EQ(img.parse(out), 0);
    EXPECT_EQ(out.phnum, 64u);
}

TEST(Elf, TruncatedHeader)
{
    Image img = valid_image();
    ElfExecutable out;
    const char* reason = nullptr;
    EXPECT_EQ(parse_elf_executable(img.bytes.data(), 51, img.file_size, user_limit, out, &reason), ENOEXEC);
    EXPECT_NE(reason, nullptr);
    EXPECT_EQ(parse_elf_executable(img.bytes.data(), 0, img.file_size, user_limit, out, &reason), ENOEXEC);
    EXPECT_EQ(parse_elf_executable(nullptr, 0, 0, user_limit, out, &reason), ENOEXEC);
    // A file shorter than its own header cannot be mapped even if the buffer is larger.
    EXPECT_EQ(parse_elf_executable(img.bytes.data(), img.bytes.size(), 40, user_limit, out, &reason), ENOEXEC);
}

TEST(Elf, BadMagic)
{
    expect_rejected("magic", [](Image& img) { img.bytes[0] = 0x7e; });
    expect_rejected("magic", [](Image& img) { img.bytes[3] = 'f'; });
}

TEST(Elf, Class64)
{
    expect_rejected("ELFCLASS32", [](Image& img) { img.bytes[4] = 2; });
    expect_rejected("ELFCLASS32", [](Image& img) { img.bytes[4] = 0; });
}

TEST(Elf, BigEndian)
{
    expect_rejected("little-endian", [](Image& img) { img.bytes[5] = 2; });
}

TEST(Elf, BadVersion)
{
    expect_rejected("version", [](Image& img) { img.bytes[6] = 0; });
    expect_rejected("version", [](Image& img) { img.put32(20, 2); });
}

TEST(Elf, WrongType)
{
    expect_rejected("ET_EXEC", [](Image& img) { img.put16(16, 3); });  // ET_DYN (PIE, static-pie, .so)
    expect_rejected("ET_EXEC", [](Image& img) { img.put16(16, 1); });  // ET_REL
    expect_rejected("ET_EXEC", [](Image& img) { img.put16(16, 4); });  // ET_CORE
}

TEST(Elf, WrongMachine)
{
    expect_rejected("EM_386", [](Image& img) { img.put16(18, 62); });  // EM_X86_64
    expect_rejected("EM_386", [](Image& img) { img.put16(18, 40); });  // EM_ARM
}

TEST(Elf, PhentSize)
{
    expect_rejected("e_phentsize", [](Image& img) { img.put16(42, 56); });
    expect_rejected("e_phentsize", [](Image& img) { img.put16(42, 0); });
}

TEST(Elf, PhnumZeroOrTooMany)
{
    expect_rejected("number of program headers", [](Image& img) { img.set_phnum(0); });
    expect_rejected("number of program headers", [](Image& img) {
        img.set_phnum(65);
        for (size_t i = 5; i < 65; ++i)
            img.set_phdr(i, libk::elf_pt_null, 0, 0, 0, 0, 0);
    });
}

TEST(Elf, ProgramHeadersPastHeader)
{
    // The file holds them, but the kernel only read `header_size` bytes.
    Image img = valid_image();
    ElfExecutable out;
    const char* reason = nullptr;
    EXPECT_EQ(parse_elf_executable(img.bytes.data(), img.bytes.size() - 1, img.file_size, user_limit, out, &reason), ENOEXEC);
    EXPECT_NE(reason, nullptr);
    expect_rejected("beyond the bytes read", [](Image& img) { img.put32(28, 0x1000); });
    expect_rejected("beyond the bytes read", [](Image& img) { img.put32(28, 0xFFFFFFF0); });  // phoff + size wraps in 32 bits
    expect_rejected("beyond the bytes read", [](Image& img) { img.set_phnum(6); });
}

TEST(Elf, Interp)
{
    expect_rejected("PT_INTERP", [](Image& img) {
        img.set_phdr(2, libk::elf_pt_interp, 0x200, 0x08048200, 0x13, 0x13, libk::elf_pf_r);
    });
}

TEST(Elf, NoLoadSegment)
{
    expect_rejected("no PT_LOAD", [](Image& img) {
        img.put32(img.ph(0), libk::elf_pt_note);
        img.put32(img.ph(1), libk::elf_pt_note);
    });
}

TEST(Elf, FileszGreaterThanMemsz)
{
    expect_rejected("filesz > memsz", [](Image& img) { img.put32(img.ph(1) + 20, 0xff); });
}

TEST(Elf, SegmentPastEndOfFile)
{
    expect_rejected("past end of file", [](Image& img) { img.file_size = 0x12ff; });
    expect_rejected("past end of file", [](Image& img) {
        // offset + filesz wraps in 32 bits (and vaddr/offset stay congruent).
        img.put32(img.ph(1) + 4, 0xFFFFF200);
        img.put32(img.ph(1) + 16, 0x1000);
        img.put32(img.ph(1) + 20, 0x1000);
    });
}

TEST(Elf, KernelSpaceAddresses)
{
    expect_rejected("kernel space", [](Image& img) { img.put32(img.ph(1) + 8, 0xC0000200); });
    // Ends one byte past the limit.
    expect_rejected("kernel space", [](Image& img) {
        img.put32(img.ph(1) + 8, 0xBFFFF200);
        img.put32(img.ph(1) + 20, 0xE01);
    });
    // Ending exactly at the limit is fine.
    Image img = valid_image();
    img.put32(img.ph(1) + 8, 0xBFFFF200);
    img.put32(img.ph(1) + 20, 0xE00);
    ElfExecutable out;
    EXPECT_EQ(img.parse(out), 0);
}

TEST(Elf, WrappingAddressRange)
{
    expect_rejected("wraps", [](Image& img) { img.put32(img.ph(1) + 20, 0xFFFFF000); });
    Image img = valid_image();
    img.put32(img.ph(1) + 20, 0xFFFFF000);
    ElfExecutable out;
    // With no limit at all the wrap itself is still caught.
    EXPECT_EQ(parse_elf_executable(img.bytes.data(), img.bytes.size(), img.file_size, 0xFFFFFFFF, out, nullptr), ENOEXEC);
}

TEST(Elf, MisalignedVaddrAndOffset)
{
    expect_rejected("modulo page size", [](Image& img) { img.put32(img.ph(1) + 8, 0x08049204); });
    expect_rejected("modulo page size", [](Image& img) { img.put32(img.ph(0) + 4, 0x10); });
}

TEST(Elf, UnsortedOrOverlappingSegments)
{
    // Data entirely inside text.
    expect_rejected("overlapping", [](Image& img) {
        img.put32(img.ph(1) + 8, 0x08048200);
        img.put32(img.ph(1) + 4, 0x200);
    });
    // Data below text (the specification requires ascending vaddr).
    expect_rejected("overlapping", [](Image& img) {
        img.put32(img.ph(1) + 8, 0x08040200);
    });
}

TEST(Elf, EntryOutsideExecutableSegment)
{
    expect_rejected("entry point", [](Image& img) { img.put32(24, 0x08060000); });   // unmapped
    expect_rejected("entry point", [](Image& img) { img.put32(24, 0x08049300); });   // in data (not PF_X)
    expect_rejected("entry point", [](Image& img) { img.put32(24, 0x08049200); });   // one past the end of text
    expect_rejected("entry point", [](Image& img) { img.put32(24, 0x08047fff); });   // just below text
    // The last byte of text is still inside.
    Image img = valid_image();
    img.put32(24, 0x080491ff);
    ElfExecutable out;
    EXPECT_EQ(img.parse(out), 0);
}

TEST(Elf, RealStaticExecutable)
{
    ElfExecutable out;
    const char* reason = nullptr;
    ASSERT_EQ(parse_elf_executable(real_hello, sizeof(real_hello), sizeof(real_hello), user_limit, out, &reason), 0)
        << reason;
    EXPECT_EQ(out.entry, 0x08048094u);
    EXPECT_EQ(out.phnum, 3u);
    EXPECT_EQ(out.phentsize, 32u);
    EXPECT_EQ(out.phdr_vaddr, 0x08048034u);
    ASSERT_EQ(out.segment_count, 2u);
    EXPECT_EQ(out.segments[0].vaddr, 0x08048000u);
    EXPECT_EQ(out.segments[0].offset, 0u);
    EXPECT_EQ(out.segments[0].filesz, 0xbcu);
    EXPECT_EQ(out.segments[0].memsz, 0xbcu);
    EXPECT_EQ(out.segments[0].flags, libk::elf_pf_r | libk::elf_pf_x);
    EXPECT_EQ(out.segments[1].vaddr, 0x080490bcu);
    EXPECT_EQ(out.segments[1].offset, 0xbcu);
    EXPECT_EQ(out.segments[1].filesz, 0x4u);
    EXPECT_EQ(out.segments[1].memsz, 0x44u);
    EXPECT_EQ(out.segments[1].flags, libk::elf_pf_r | libk::elf_pf_w);

    // The kernel reads one page, which here is more than the whole file.
    std::vector<uint8_t> page(4096, 0);
    std::memcpy(page.data(), real_hello, sizeof(real_hello));
    EXPECT_EQ(parse_elf_executable(page.data(), page.size(), sizeof(real_hello), user_limit, out, nullptr), 0);
    // Cut the file short of its data segment.
    EXPECT_EQ(parse_elf_executable(real_hello, sizeof(real_hello), 0xbf, user_limit, out, nullptr), ENOEXEC);
}

// Every byte of a truncated or corrupted header must be handled without reading past it
// (ASan checks the bounds).
TEST(Elf, EveryTruncationAndByteFlipIsSafe)
{
    ElfExecutable out;
    for (size_t n = 0; n < sizeof(real_hello); ++n) {
        std::vector<uint8_t> copy(real_hello, real_hello + n);
        int rc = parse_elf_executable(copy.data(), copy.size(), sizeof(real_hello), user_limit, out, nullptr);
        if (n < 52 + 3 * 32) {
            EXPECT_EQ(rc, ENOEXEC) << n;
        }
    }
    for (size_t i = 0; i < 52 + 3 * 32; ++i) {
        std::vector<uint8_t> copy(real_hello, real_hello + sizeof(real_hello));
        copy[i] ^= 0xff;
        int rc = parse_elf_executable(copy.data(), copy.size(), copy.size(), user_limit, out, nullptr);
        EXPECT_TRUE(rc == 0 || rc == ENOEXEC);
    }
}
