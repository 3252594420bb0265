// Host tests for the module loader's core (libk/elf_rel): hand-built ET_REL images, a real
// gcc object checked byte for byte against GNU ld, malformed input, and the built hello.ko.
#include <gtest/gtest.h>
#include <libk/elf_rel.h>
#include <algorithm>
#include <elf.h>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

using libk::RelocatableObject;
using libk::RelSection;

namespace {

// ---- building tiny ET_REL images by hand ----

void put16(std::vector<uint8_t>& image, size_t offset, uint16_t value)
{
    image[offset] = static_cast<uint8_t>(value);
    image[offset + 1] = static_cast<uint8_t>(value >> 8);
}

void put32(std::vector<uint8_t>& image, size_t offset, uint32_t value)
{
    for (int i = 0; i < 4; ++i)
        image[offset + i] = static_cast<uint8_t>(value >> (8 * i));
}

uint32_t get32(const uint8_t* p)
{
    return p[0] | p[1] << 8 | p[2] << 16 | static_cast<uint32_t>(p[3]) << 24;
}

uint32_t get32(const std::vector<uint8_t>& image, size_t offset)
{
    return get32(image.data() + offset);
}

struct Reloc {
    uint32_t offset;
    uint32_t type;
    uint32_t symbol;
    int32_t addend; // RELA only; REL addends live in the section bytes
};

// Sections in the order added, then .symtab, .strtab, .shstrtab; section headers last, as gcc does.
class ObjectBuilder {
public:
    ObjectBuilder() { m_symbols.push_back({}); }

    uint32_t add_section(const char* name, uint32_t type, uint32_t flags, uint32_t align, std::vector<uint8_t> data,
        uint32_t nobits_size = 0)
    {
        Section s { name, type, flags, align, 0, 0, 0, std::move(data), nobits_size, false };
        m_sections.push_back(std::move(s));
        return static_cast<uint32_t>(m_sections.size()); // index 0 is the null section
    }

    uint32_t add_symbol(const char* name, uint32_t value, uint8_t bind, uint8_t type, uint16_t shndx, uint32_t size = 0)
    {
        m_symbols.push_back({ name, value, size, static_cast<uint8_t>(bind << 4 | type), shndx });
        return static_cast<uint32_t>(m_symbols.size() - 1);
    }

    uint32_t add_relocations(const char* name, uint32_t target, const std::vector<Reloc>& relocs, bool rela = false)
    {
        std::vector<uint8_t> data;
        for (const Reloc& r : relocs) {
            size_t at = data.size();
            data.resize(at + (rela ? 12 : 8));
            put32(data, at, r.offset);
            put32(data, at + 4, r.symbol << 8 | r.type);
            if (rela)
                put32(data, at + 8, static_cast<uint32_t>(r.addend));
        }
        uint32_t index = add_section(name, rela ? SHT_RELA : SHT_REL, 0, 4, std::move(data));
        m_sections.back().info = target;
        m_sections.back().entsize = rela ? 12 : 8;
        m_sections.back().links_symtab = true;
        return index;
    }

    uint32_t symtab_index() const { return static_cast<uint32_t>(m_sections.size() + 1); }
    uint32_t strtab_index() const { return symtab_index() + 1; }
    uint32_t shstrtab_index() const { return symtab_index() + 2; }

    std::vector<uint8_t> build() const
    {
        std::vector<Section> all = m_sections;
        std::string strtab(1, '\0');
        std::vector<uint8_t> symtab;
        uint32_t first_global = static_cast<uint32_t>(m_symbols.size());
        for (size_t i = 0; i < m_symbols.size(); ++i) {
            const Symbol& sym = m_symbols[i];
            uint32_t name = 0;
            if (!sym.name.empty()) {
                name = static_cast<uint32_t>(strtab.size());
                strtab += sym.name;
                strtab += '\0';
            }
            size_t at = symtab.size();
            symtab.resize(at + 16);
            put32(symtab, at, name);
            put32(symtab, at + 4, sym.value);
            put32(symtab, at + 8, sym.size);
            symtab[at + 12] = sym.info;
            put16(symtab, at + 14, sym.shndx);
            if (i != 0 && (sym.info >> 4) != STB_LOCAL && first_global == m_symbols.size())
                first_global = static_cast<uint32_t>(i);
        }
        all.push_back({ ".symtab", SHT_SYMTAB, 0, 4, strtab_index(), first_global, 16, symtab, 0, false });
        all.push_back({ ".strtab", SHT_STRTAB, 0, 1, 0, 0, 0, std::vector<uint8_t>(strtab.begin(), strtab.end()), 0, false });
        std::string shstrtab(1, '\0');
        std::vector<uint32_t> names;
        for (const Section& s : all) {
            names.push_back(static_cast<uint32_t>(shstrtab.size()));
            shstrtab += s.name;
            shstrtab += '\0';
        }
        names.push_back(static_cast<uint32_t>(shstrtab.size()));
        shstrtab += ".shstrtab";
        shstrtab += '\0';
        all.push_back({ ".shstrtab", SHT_STRTAB, 0, 1, 0, 0, 0, std::vector<uint8_t>(shstrtab.begin(), shstrtab.end()), 0, false });

        std::vector<uint8_t> image(52, 0);
        std::vector<uint32_t> offsets;
        for (const Section& s : all) {
            image.resize((image.size() + 3) & ~size_t(3));
            offsets.push_back(static_cast<uint32_t>(image.size()));
            image.insert(image.end(), s.data.begin(), s.data.end());
        }
        image.resize((image.size() + 3) & ~size_t(3));
        uint32_t shoff = static_cast<uint32_t>(image.size());
        image.resize(image.size() + 40 * (all.size() + 1), 0); // header 0 stays all zero (SHT_NULL)
        for (size_t i = 0; i < all.size(); ++i) {
            const Section& s = all[i];
            size_t h = shoff + 40 * (i + 1);
            put32(image, h + 0, names[i]);
            put32(image, h + 4, s.type);
            put32(image, h + 8, s.flags);
            put32(image, h + 16, offsets[i]);
            put32(image, h + 20, s.type == SHT_NOBITS ? s.nobits_size : static_cast<uint32_t>(s.data.size()));
            put32(image, h + 24, s.links_symtab ? symtab_index() : s.link);
            put32(image, h + 28, s.info);
            put32(image, h + 32, s.align);
            put32(image, h + 36, s.entsize);
        }
        const uint8_t ident[] = { 0x7f, 'E', 'L', 'F', ELFCLASS32, ELFDATA2LSB, EV_CURRENT };
        std::memcpy(image.data(), ident, sizeof(ident));
        put16(image, 16, ET_REL);
        put16(image, 18, EM_386);
        put32(image, 20, EV_CURRENT);
        put32(image, 32, shoff);
        put16(image, 40, 52);
        put16(image, 46, 40);
        put16(image, 48, static_cast<uint16_t>(all.size() + 1));
        put16(image, 50, static_cast<uint16_t>(shstrtab_index()));
        return image;
    }

private:
    struct Section {
        std::string name;
        uint32_t type, flags, align, link, info, entsize;
        std::vector<uint8_t> data;
        uint32_t nobits_size;
        bool links_symtab;
    };
    struct Symbol {
        std::string name;
        uint32_t value, size;
        uint8_t info;
        uint16_t shndx;
    };
    std::vector<Section> m_sections;
    std::vector<Symbol> m_symbols;
};

std::vector<uint8_t> with_addends(size_t size, const std::map<uint32_t, uint32_t>& words)
{
    std::vector<uint8_t> bytes(size, 0);
    for (auto [offset, value] : words)
        put32(bytes, offset, value);
    return bytes;
}

// The tiny module every test starts from. Layout: .text at 0 (32 bytes, align 16), .data at 32
// (8, align 4), padding, .bss at 48 (12, align 16), .rodata at 60 (3, align 1) -> 63 bytes.
namespace tiny {
constexpr uint32_t text = 1, data = 2, bss = 3, rodata = 4, comment = 5, rel_text = 6, rel_data = 7;
constexpr uint32_t sym_file = 1, sym_data_section = 2, sym_helper = 3, sym_counter = 4, sym_init = 5,
                   sym_shared = 6, sym_printk = 7, sym_kmalloc = 8, sym_magic = 9, sym_maybe = 10;
constexpr uint32_t magic = 0x12345678;
constexpr uint32_t untouched = 0xdeadbeef; // under the R_386_NONE entry

ObjectBuilder builder(std::vector<Reloc> extra_text_relocs = {})
{
    ObjectBuilder b;
    // Implicit addends (SHT_REL) sit in the bytes being relocated.
    b.add_section(".text", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, 16,
        with_addends(32, { { 0, 8 }, { 4, uint32_t(-4) }, { 8, uint32_t(-4) }, { 12, 4 }, { 16, untouched },
                             { 20, 1 }, { 24, 0 }, { 28, uint32_t(-4) } }));
    b.add_section(".data", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, 4, with_addends(8, { { 0, 2 }, { 4, 0 } }));
    b.add_section(".bss", SHT_NOBITS, SHF_ALLOC | SHF_WRITE, 16, {}, 12);
    b.add_section(".rodata", SHT_PROGBITS, SHF_ALLOC, 1, { 'h', 'i', 0 });
    b.add_section(".comment", SHT_PROGBITS, 0, 1, { 'g', 'c', 'c', 0 });
    b.add_symbol("tiny.c", 0, STB_LOCAL, STT_FILE, SHN_ABS);
    b.add_symbol("", 0, STB_LOCAL, STT_SECTION, data);
    b.add_symbol("helper", 0x10, STB_LOCAL, STT_FUNC, text);
    b.add_symbol("counter", 4, STB_LOCAL, STT_OBJECT, bss);
    b.add_symbol("init_module", 0, STB_GLOBAL, STT_FUNC, text);
    b.add_symbol("shared", 4, STB_GLOBAL, STT_OBJECT, data);
    b.add_symbol("printk", 0, STB_GLOBAL, STT_NOTYPE, SHN_UNDEF);
    b.add_symbol("kmalloc", 0, STB_GLOBAL, STT_NOTYPE, SHN_UNDEF);
    b.add_symbol("magic", magic, STB_GLOBAL, STT_NOTYPE, SHN_ABS);
    b.add_symbol("maybe", 0, STB_WEAK, STT_NOTYPE, SHN_UNDEF);
    std::vector<Reloc> text_relocs = {
        { 0, R_386_32, sym_shared, 0 },
        { 4, R_386_PC32, sym_printk, 0 },
        { 8, R_386_PLT32, sym_helper, 0 },
        { 12, R_386_32, sym_data_section, 0 },
        { 16, R_386_NONE, 0, 0 },
        { 20, R_386_32, sym_magic, 0 },
        { 24, R_386_32, sym_counter, 0 },
        { 28, R_386_PC32, sym_kmalloc, 0 },
    };
    text_relocs.insert(text_relocs.end(), extra_text_relocs.begin(), extra_text_relocs.end());
    b.add_relocations(".rel.text", text, text_relocs);
    b.add_relocations(".rel.data", data, { { 0, R_386_32, sym_init, 0 }, { 4, R_386_32, sym_maybe, 0 } });
    return b;
}

std::vector<uint8_t> image()
{
    return builder().build();
}

} // namespace tiny

// Resolves names from a table and records what it was asked.
struct Kernel {
    std::map<std::string, uint32_t> exports;
    std::vector<std::string> asked;

    static uint32_t resolve(const char* name, void* context)
    {
        auto* self = static_cast<Kernel*>(context);
        self->asked.push_back(name);
        auto it = self->exports.find(name);
        return it == self->exports.end() ? 0 : it->second;
    }
};

constexpr uint32_t printk_address = 0xC0101000;
constexpr uint32_t kmalloc_address = 0xC0102040;
constexpr uint32_t load_address = 0xD0000000;

Kernel tiny_kernel()
{
    return Kernel { { { "printk", printk_address }, { "kmalloc", kmalloc_address } }, {} };
}

// Offset of section header `index` in an image (for corrupting one field).
size_t shdr(const std::vector<uint8_t>& image, uint32_t index)
{
    return get32(image, 32) + 40 * index;
}

// Offset of symbol `index` in the tiny image.
size_t symbol_entry(const std::vector<uint8_t>& image, uint32_t index)
{
    ObjectBuilder b = tiny::builder();
    return get32(image, shdr(image, b.symtab_index()) + 16) + 16 * index;
}

int parse_reason(const std::vector<uint8_t>& image, std::string& reason)
{
    static RelocatableObject object; // ~15 KiB, as in the kernel: not on the stack
    const char* why = nullptr;
    int result = object.parse(image.data(), image.size(), &why);
    reason = why ? why : "";
    return result;
}

// Parses, lays out, copies and relocates; returns relocate()'s result.
struct Loaded {
    int parse_result = -1;
    int relocate_result = -1;
    std::string reason;
    std::string bad_symbol;
    std::vector<uint8_t> memory;
};

Loaded load(RelocatableObject& object, const std::vector<uint8_t>& image, Kernel& kernel, uint32_t base = load_address)
{
    Loaded out;
    const char* why = nullptr;
    out.parse_result = object.parse(image.data(), image.size(), &why);
    if (out.parse_result != 0) {
        out.reason = why ? why : "";
        return out;
    }
    out.memory.assign(object.layout(), 0xAA);
    object.copy_sections(out.memory.data());
    const char* bad = nullptr;
    out.relocate_result = object.relocate(out.memory.data(), base, Kernel::resolve, &kernel, &why, &bad);
    out.reason = why && out.relocate_result ? why : "";
    out.bad_symbol = bad ? bad : "";
    return out;
}

} // namespace

// ---- well-formed hand-built objects ----

TEST(ElfRel, ParsesSectionsAndNames)
{
    static RelocatableObject object;
    std::vector<uint8_t> image = tiny::image();
    const char* why = nullptr;
    ASSERT_EQ(object.parse(image.data(), image.size(), &why), 0) << why;
    EXPECT_EQ(object.section_count(), 11u); // null, 5 content, 2 rel, symtab, strtab, shstrtab
    EXPECT_STREQ(object.section(0).name, "");
    EXPECT_STREQ(object.section(tiny::text).name, ".text");
    EXPECT_STREQ(object.section(tiny::rel_data).name, ".rel.data");
    EXPECT_STREQ(object.section(10).name, ".shstrtab");
    EXPECT_EQ(object.section(tiny::bss).type, libk::sht_nobits);
    EXPECT_EQ(object.section(tiny::bss).size, 12u);
    EXPECT_TRUE(object.section(tiny::rodata).allocated);
    EXPECT_FALSE(object.section(tiny::comment).allocated);
    EXPECT_FALSE(object.section(tiny::rel_text).allocated);

    const RelSection* rodata = object.find_section(".rodata");
    ASSERT_NE(rodata, nullptr);
    EXPECT_EQ(rodata, &object.section(tiny::rodata));
    EXPECT_STREQ(static_cast<const char*>(object.section_data(*rodata)), "hi");
    EXPECT_EQ(object.section_data(object.section(tiny::bss)), nullptr);
    EXPECT_EQ(object.find_section(".modinfo"), nullptr);
    EXPECT_EQ(object.find_section(""), nullptr); // the null section is not findable
}

TEST(ElfRel, LayoutPacksAllocatedSectionsAtTheirAlignment)
{
    static RelocatableObject object;
    std::vector<uint8_t> image = tiny::image();
    ASSERT_EQ(object.parse(image.data(), image.size(), nullptr), 0);
    size_t alignment = 0;
    EXPECT_EQ(object.layout(&alignment), 63u);
    EXPECT_EQ(alignment, 16u);
    EXPECT_EQ(object.layout(), 63u);
    EXPECT_EQ(object.section(tiny::text).layout_offset, 0u);
    EXPECT_EQ(object.section(tiny::data).layout_offset, 32u);
    EXPECT_EQ(object.section(tiny::bss).layout_offset, 48u); // 40 rounded up to 16
    EXPECT_EQ(object.section(tiny::rodata).layout_offset, 60u);
    EXPECT_EQ(object.section(tiny::text).align, 16u);
}

TEST(ElfRel, ModuleLayoutGroupsCodeReadOnlyDataThenInitOnPagesOfTheirOwn)
{
    static RelocatableObject object;
    ObjectBuilder b;
    b.add_section(".data", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, 4, std::vector<uint8_t>(8, 1));    // 1
    b.add_section(".init.text", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, 16, std::vector<uint8_t>(20, 2)); // 2
    b.add_section(".rodata", SHT_PROGBITS, SHF_ALLOC, 1, { 'h', 'i', 0 });                       // 3
    b.add_section(".text", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, 16, std::vector<uint8_t>(5000, 3)); // 4
    b.add_section(".modinfo", SHT_PROGBITS, SHF_ALLOC, 1, { 'l', '=', 'G', 0 });                  // 5
    b.add_section(".init.data", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, 4, std::vector<uint8_t>(12, 4)); // 6
    b.add_section(".bss", SHT_NOBITS, SHF_ALLOC | SHF_WRITE, 16, {}, 12);                         // 7
    std::vector<uint8_t> image = b.build();
    ASSERT_EQ(object.parse(image.data(), image.size(), nullptr), 0);
    size_t core = 0;
    EXPECT_EQ(object.layout_module(4096, &core), 6u * 4096);
    EXPECT_EQ(core, 4u * 4096);   // code (2 pages), read-only data, data: whole pages each
    EXPECT_EQ(object.layout(), 6u * 4096);
    EXPECT_EQ(object.section(4).layout_offset, 0u);            // .text first
    EXPECT_EQ(object.section(3).layout_offset, 2u * 4096);     // .rodata on the next page
    EXPECT_EQ(object.section(1).layout_offset, 3u * 4096);     // then the writable data
    EXPECT_EQ(object.section(7).layout_offset, 3u * 4096 + 16);
    EXPECT_EQ(object.section(2).layout_offset, 4u * 4096);     // .init.text after the core
    EXPECT_EQ(object.section(6).layout_offset, 5u * 4096);     // init data: a page of its own too
    EXPECT_FALSE(object.section(5).allocated);                 // .modinfo is not loaded
    EXPECT_TRUE(RelocatableObject::is_init_section(object.section(2)));
    EXPECT_FALSE(RelocatableObject::is_init_section(object.section(4)));
}

TEST(ElfRel, LayoutOfObjectWithoutAllocatedSectionsIsEmpty)
{
    static RelocatableObject object;
    ObjectBuilder b;
    b.add_section(".comment", SHT_PROGBITS, 0, 1, { 'x', 0 });
    std::vector<uint8_t> image = b.build();
    ASSERT_EQ(object.parse(image.data(), image.size(), nullptr), 0);
    size_t alignment = 0;
    EXPECT_EQ(object.layout(&alignment), 0u);
    EXPECT_EQ(alignment, 1u);
}

TEST(ElfRel, CopySectionsCopiesProgbitsAndZeroesNobitsAndPadding)
{
    static RelocatableObject object;
    std::vector<uint8_t> image = tiny::image();
    ASSERT_EQ(object.parse(image.data(), image.size(), nullptr), 0);
    std::vector<uint8_t> memory(object.layout() + 1, 0xAA); // one guard byte
    object.copy_sections(memory.data());
    EXPECT_EQ(get32(memory, 16), tiny::untouched);           // .text bytes
    EXPECT_EQ(get32(memory, 32), 2u);                        // .data bytes
    for (size_t i = 40; i < 60; ++i)                         // padding and .bss
        EXPECT_EQ(memory[i], 0) << "byte " << i;
    EXPECT_EQ(std::string(reinterpret_cast<char*>(&memory[60])), "hi");
    EXPECT_EQ(memory[63], 0xAA) << "wrote past layout()";
}

TEST(ElfRel, AppliesRel32Pc32AndPlt32WithImplicitAddends)
{
    static RelocatableObject object;
    Kernel kernel = tiny_kernel();
    Loaded l = load(object, tiny::image(), kernel);
    ASSERT_EQ(l.parse_result, 0) << l.reason;
    ASSERT_EQ(l.relocate_result, 0) << l.reason << " " << l.bad_symbol;
    const uint32_t data = load_address + 32, bss = load_address + 48;
    EXPECT_EQ(get32(l.memory, 0), data + 4 + 8);                         // R_386_32 shared + 8
    EXPECT_EQ(get32(l.memory, 4), printk_address - 4 - (load_address + 4)); // PC32: S + A - P
    EXPECT_EQ(get32(l.memory, 4), 0xF0100FF8u);                          // the same, wrapped
    EXPECT_EQ(get32(l.memory, 8), 4u);                                   // PLT32 to helper at 0x10
    EXPECT_EQ(get32(l.memory, 12), data + 4);                            // section symbol + 4
    EXPECT_EQ(get32(l.memory, 16), tiny::untouched);                     // R_386_NONE
    EXPECT_EQ(get32(l.memory, 20), tiny::magic + 1);                     // SHN_ABS value
    EXPECT_EQ(get32(l.memory, 24), bss + 4);                             // counter in .bss
    EXPECT_EQ(get32(l.memory, 28), kmalloc_address - 4 - (load_address + 28));
    EXPECT_EQ(get32(l.memory, 32), load_address + 2);                    // .data: init_module + 2
    EXPECT_EQ(get32(l.memory, 36), 0u);                                  // weak, unresolved
}

TEST(ElfRel, RelocationDependsOnLoadAddress)
{
    static RelocatableObject object;
    Kernel kernel = tiny_kernel();
    Loaded a = load(object, tiny::image(), kernel, 0xD0000000);
    Loaded b = load(object, tiny::image(), kernel, 0xD0001000);
    ASSERT_EQ(a.relocate_result, 0);
    ASSERT_EQ(b.relocate_result, 0);
    EXPECT_EQ(get32(b.memory, 0) - get32(a.memory, 0), 0x1000u);  // absolute moves
    EXPECT_EQ(get32(b.memory, 8), get32(a.memory, 8));            // PC-relative within the block does not
    EXPECT_EQ(get32(a.memory, 4) - get32(b.memory, 4), 0x1000u);  // PC-relative to the kernel does
}

TEST(ElfRel, AppliesRelaWithExplicitAddends)
{
    static RelocatableObject object;
    ObjectBuilder b;
    // The section bytes are garbage: with RELA they are ignored and overwritten.
    uint32_t text = b.add_section(".text", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, 4,
        with_addends(16, { { 0, 0x11111111 }, { 4, 0x22222222 }, { 8, 0x33333333 }, { 12, 0x44444444 } }));
    uint32_t local = b.add_symbol("local", 8, STB_LOCAL, STT_FUNC, text);
    uint32_t ext = b.add_symbol("printk", 0, STB_GLOBAL, STT_NOTYPE, SHN_UNDEF);
    b.add_relocations(".rela.text", text,
        { { 0, R_386_32, local, 100 }, { 4, R_386_PC32, ext, -4 }, { 8, R_386_PLT32, local, -4 },
            { 12, R_386_NONE, 0, 7 } },
        true);
    Kernel kernel = tiny_kernel();
    Loaded l = load(object, b.build(), kernel);
    ASSERT_EQ(l.relocate_result, 0) << l.reason;
    EXPECT_EQ(get32(l.memory, 0), load_address + 8 + 100);
    EXPECT_EQ(get32(l.memory, 4), printk_address - 4 - (load_address + 4));
    EXPECT_EQ(get32(l.memory, 8), 8u - 4 - 8);
    EXPECT_EQ(get32(l.memory, 12), 0x44444444u);
}

TEST(ElfRel, ResolverIsAskedOnceForEachUndefinedSymbol)
{
    static RelocatableObject object;
    Kernel kernel = tiny_kernel();
    int marker = 0;
    struct Context {
        Kernel* kernel;
        int* marker;
    } context { &kernel, &marker };
    // printk is used by two relocations but looked up once.
    std::vector<uint8_t> image = tiny::builder({ { 16, R_386_PC32, tiny::sym_printk, 0 } }).build();
    ASSERT_EQ(object.parse(image.data(), image.size(), nullptr), 0);
    std::vector<uint8_t> memory(object.layout());
    object.copy_sections(memory.data());
    auto resolver = [](const char* name, void* raw) -> uint32_t {
        auto* c = static_cast<Context*>(raw);
        ++*c->marker;
        return Kernel::resolve(name, c->kernel);
    };
    ASSERT_EQ(object.relocate(memory.data(), load_address, resolver, &context, nullptr, nullptr), 0);
    EXPECT_EQ(marker, 3); // the context reached the resolver
    EXPECT_EQ(kernel.asked, (std::vector<std::string> { "printk", "kmalloc", "maybe" }));
}

TEST(ElfRel, UndefinedSymbolIsReportedByName)
{
    static RelocatableObject object;
    Kernel kernel { { { "printk", printk_address } }, {} }; // no kmalloc
    Loaded l = load(object, tiny::image(), kernel);
    ASSERT_EQ(l.parse_result, 0);
    EXPECT_EQ(l.relocate_result, libk::rel_enoent);
    EXPECT_EQ(l.bad_symbol, "kmalloc");
    EXPECT_EQ(l.reason, "unknown symbol");
}

TEST(ElfRel, NullOutPointersAreAllowed)
{
    static RelocatableObject object;
    Kernel kernel {};
    std::vector<uint8_t> image = tiny::image();
    ASSERT_EQ(object.parse(image.data(), image.size(), nullptr), 0);
    std::vector<uint8_t> memory(object.layout());
    object.copy_sections(memory.data());
    EXPECT_EQ(object.relocate(memory.data(), load_address, Kernel::resolve, &kernel, nullptr, nullptr), libk::rel_enoent);
    EXPECT_EQ(kernel.asked, (std::vector<std::string> { "printk" })); // stops at the first unknown
}

TEST(ElfRel, FindSymbolGivesLoadAddresses)
{
    static RelocatableObject object;
    std::vector<uint8_t> image = tiny::image();
    ASSERT_EQ(object.parse(image.data(), image.size(), nullptr), 0);
    uint32_t address = 0;
    EXPECT_TRUE(object.find_symbol("init_module", load_address, address));
    EXPECT_EQ(address, load_address);
    EXPECT_TRUE(object.find_symbol("shared", load_address, address));
    EXPECT_EQ(address, load_address + 32 + 4);
    EXPECT_TRUE(object.find_symbol("helper", load_address, address)); // local
    EXPECT_EQ(address, load_address + 0x10);
    EXPECT_TRUE(object.find_symbol("counter", 0x1000, address));
    EXPECT_EQ(address, 0x1000u + 48 + 4);
    EXPECT_TRUE(object.find_symbol("magic", load_address, address));
    EXPECT_EQ(address, tiny::magic);
    address = 7;
    EXPECT_FALSE(object.find_symbol("printk", load_address, address)); // undefined
    EXPECT_FALSE(object.find_symbol("tiny.c", load_address, address));  // a file symbol
    EXPECT_FALSE(object.find_symbol("cleanup_module", load_address, address));
    EXPECT_EQ(address, 7u);
}

TEST(ElfRel, FindSymbolPrefersGlobalOverLocal)
{
    static RelocatableObject object;
    ObjectBuilder b;
    uint32_t text = b.add_section(".text", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, 4, std::vector<uint8_t>(16));
    b.add_symbol("twice", 4, STB_LOCAL, STT_FUNC, text);
    b.add_symbol("twice", 12, STB_GLOBAL, STT_FUNC, text);
    std::vector<uint8_t> image = b.build();
    ASSERT_EQ(object.parse(image.data(), image.size(), nullptr), 0);
    uint32_t address = 0;
    EXPECT_TRUE(object.find_symbol("twice", 0x100, address));
    EXPECT_EQ(address, 0x10Cu);
}

TEST(ElfRel, ForEachDefinedGlobalListsExports)
{
    static RelocatableObject object;
    std::vector<uint8_t> image = tiny::image();
    ASSERT_EQ(object.parse(image.data(), image.size(), nullptr), 0);
    std::map<std::string, uint32_t> seen;
    object.for_each_defined_global(load_address,
        [](const char* name, uint32_t address, void* context) {
            (*static_cast<std::map<std::string, uint32_t>*>(context))[name] = address;
        },
        &seen);
    std::map<std::string, uint32_t> expected { { "init_module", load_address }, { "shared", load_address + 36 },
        { "magic", tiny::magic } };
    EXPECT_EQ(seen, expected);
}

TEST(ElfRel, ForEachFunctionListsLocalAndGlobalFunctionsWithSizes)
{
    static RelocatableObject object;
    ObjectBuilder b;
    uint32_t text = b.add_section(".text", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, 4, std::vector<uint8_t>(64));
    uint32_t note = b.add_section(".comment", SHT_PROGBITS, 0, 1, std::vector<uint8_t>(8));
    b.add_symbol("m.c", 0, STB_LOCAL, STT_FILE, SHN_ABS);
    b.add_symbol("helper", 0, STB_LOCAL, STT_FUNC, text, 0x10);
    b.add_symbol("hello_init", 0x10, STB_LOCAL, STT_FUNC, text, 0x20);
    b.add_symbol("counter", 0x30, STB_LOCAL, STT_OBJECT, text, 4);
    b.add_symbol("init_module", 0x10, STB_GLOBAL, STT_FUNC, text, 0x20);
    b.add_symbol("unloaded", 0, STB_LOCAL, STT_FUNC, static_cast<uint16_t>(note), 4);
    b.add_symbol("printk", 0, STB_GLOBAL, STT_FUNC, SHN_UNDEF);
    std::vector<uint8_t> image = b.build();
    ASSERT_EQ(object.parse(image.data(), image.size(), nullptr), 0);
    using Seen = std::map<std::string, std::pair<uint32_t, uint32_t>>;
    Seen seen;
    object.for_each_function(0x1000,
        [](const char* name, uint32_t address, uint32_t size, void* context) {
            (*static_cast<Seen*>(context))[name] = { address, size };
        },
        &seen);
    Seen expected { { "helper", { 0x1000, 0x10 } }, { "hello_init", { 0x1010, 0x20 } },
        { "init_module", { 0x1010, 0x20 } } };
    EXPECT_EQ(seen, expected);
}

TEST(ElfRel, ForEachKallsymTypesCodeAndDataBySection)
{
    static RelocatableObject object;
    ObjectBuilder b;
    uint32_t text = b.add_section(".text", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, 4, std::vector<uint8_t>(64));
    uint32_t data = b.add_section(".data", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, 4, std::vector<uint8_t>(16));
    uint32_t rodata = b.add_section(".rodata", SHT_PROGBITS, SHF_ALLOC, 4, std::vector<uint8_t>(16));
    uint32_t bss = b.add_section(".bss", SHT_NOBITS, SHF_ALLOC | SHF_WRITE, 4, {}, 16);
    b.add_symbol("m.c", 0, STB_LOCAL, STT_FILE, SHN_ABS);
    b.add_symbol("helper", 0, STB_LOCAL, STT_FUNC, text, 0x10);
    b.add_symbol("count", 0, STB_LOCAL, STT_OBJECT, data, 4);
    b.add_symbol("table", 4, STB_GLOBAL, STT_OBJECT, rodata, 8);
    b.add_symbol("zeroed", 0, STB_LOCAL, STT_OBJECT, bss, 4);
    b.add_symbol("init_module", 0x10, STB_GLOBAL, STT_FUNC, text, 0x20);
    b.add_symbol("", 0, STB_LOCAL, STT_SECTION, data);
    b.add_symbol("printk", 0, STB_GLOBAL, STT_FUNC, SHN_UNDEF);
    std::vector<uint8_t> image = b.build();
    ASSERT_EQ(object.parse(image.data(), image.size(), nullptr), 0);
    struct Seen {
        std::map<std::string, char> types;
        std::map<std::string, uint32_t> sizes;
    } seen;
    object.for_each_kallsym(0x1000,
        [](const char* name, uint32_t, uint32_t size, char type, void* context) {
            static_cast<Seen*>(context)->types[name] = type;
            static_cast<Seen*>(context)->sizes[name] = size;
        },
        &seen);
    std::map<std::string, char> expected { { "helper", 't' }, { "count", 'd' }, { "table", 'R' },
        { "zeroed", 'b' }, { "init_module", 'T' } };
    EXPECT_EQ(seen.types, expected);
    EXPECT_EQ(seen.sizes["table"], 8u);
}

TEST(ElfRel, RelocationsForUnloadedSectionsAreIgnored)
{
    static RelocatableObject object;
    ObjectBuilder b = tiny::builder();
    // Like .rel.debug_info: targets a section that is not loaded, with a type we never apply.
    b.add_relocations(".rel.comment", tiny::comment, { { 0, R_386_GOTOFF, tiny::sym_printk, 0 } });
    Kernel kernel = tiny_kernel();
    Loaded l = load(object, b.build(), kernel);
    EXPECT_EQ(l.relocate_result, 0) << l.reason;
}

TEST(ElfRel, RelocationAgainstUnloadedSectionIsRejected)
{
    static RelocatableObject object;
    ObjectBuilder b = tiny::builder({ { 16, R_386_32, 11, 0 } });
    b.add_symbol("", 0, STB_LOCAL, STT_SECTION, tiny::comment); // symbol 11
    Kernel kernel = tiny_kernel();
    Loaded l = load(object, b.build(), kernel);
    ASSERT_EQ(l.parse_result, 0) << l.reason;
    EXPECT_EQ(l.relocate_result, libk::rel_enoexec);
    EXPECT_EQ(l.reason, "relocation against a symbol in a section that is not loaded");
    EXPECT_EQ(l.bad_symbol, ".comment");
}

// ---- relocate() rejections ----

TEST(ElfRel, UnsupportedRelocationIsNamed)
{
    static RelocatableObject object;
    Kernel kernel = tiny_kernel();
    Loaded l = load(object, tiny::builder({ { 16, R_386_GOTOFF, tiny::sym_helper, 0 } }).build(), kernel);
    ASSERT_EQ(l.parse_result, 0) << l.reason;
    EXPECT_EQ(l.relocate_result, libk::rel_enoexec);
    EXPECT_EQ(l.reason, "unsupported relocation R_386_GOTOFF (type 9): build with -fno-pic");

    l = load(object, tiny::builder({ { 16, R_386_16, tiny::sym_helper, 0 } }).build(), kernel);
    EXPECT_EQ(l.relocate_result, libk::rel_enoexec);
    EXPECT_EQ(l.reason, "unsupported relocation R_386_16 (type 20)");

    l = load(object, tiny::builder({ { 16, 200, tiny::sym_helper, 0 } }).build(), kernel);
    EXPECT_EQ(l.relocate_result, libk::rel_enoexec);
    EXPECT_EQ(l.reason, "unsupported relocation R_386_? (type 200)");
}

TEST(ElfRel, CommonSymbolIsRejected)
{
    static RelocatableObject object;
    ObjectBuilder b = tiny::builder();
    b.add_symbol("shared_buffer", 4, STB_GLOBAL, STT_OBJECT, SHN_COMMON, 64);
    Kernel kernel = tiny_kernel();
    Loaded l = load(object, b.build(), kernel);
    ASSERT_EQ(l.parse_result, 0) << l.reason;
    EXPECT_EQ(l.relocate_result, libk::rel_enoexec);
    EXPECT_EQ(l.reason, "common symbol: build with -fno-common");
    EXPECT_EQ(l.bad_symbol, "shared_buffer");
}

TEST(ElfRel, FailedParseLeavesNothingUsable)
{
    static RelocatableObject object;
    std::vector<uint8_t> good = tiny::image();
    ASSERT_EQ(object.parse(good.data(), good.size(), nullptr), 0);
    // Fails late, in the relocation checks, after sections and symbols were accepted.
    std::vector<uint8_t> bad = tiny::builder({ { 29, R_386_32, tiny::sym_helper, 0 } }).build();
    ASSERT_EQ(object.parse(bad.data(), bad.size(), nullptr), libk::rel_enoexec);
    EXPECT_EQ(object.section_count(), 0u);
    EXPECT_EQ(object.layout(), 0u);
    EXPECT_EQ(object.find_section(".text"), nullptr);
    uint32_t address = 0;
    EXPECT_FALSE(object.find_symbol("init_module", load_address, address));
    std::vector<uint8_t> memory(64);
    const char* why = nullptr;
    EXPECT_EQ(object.relocate(memory.data(), load_address, Kernel::resolve, nullptr, &why, nullptr), libk::rel_enoexec);
    EXPECT_STREQ(why, "no parsed object");
}

TEST(ElfRel, RelocateBeforeParseFails)
{
    static RelocatableObject object;
    object.parse(nullptr, 0, nullptr);
    uint8_t memory[4] {};
    const char* why = nullptr;
    EXPECT_EQ(object.relocate(memory, 0, Kernel::resolve, nullptr, &why, nullptr), libk::rel_enoexec);
    EXPECT_EQ(object.layout(), 0u);
    EXPECT_EQ(object.section_count(), 0u);
}

// ---- parse() rejections ----

TEST(ElfRelMalformed, TruncatedHeader)
{
    std::vector<uint8_t> image = tiny::image();
    std::string reason;
    EXPECT_EQ(parse_reason(std::vector<uint8_t>(image.begin(), image.begin() + 51), reason), libk::rel_enoexec);
    EXPECT_EQ(reason, "truncated ELF header");
    EXPECT_EQ(parse_reason({}, reason), libk::rel_enoexec);
    static RelocatableObject object;
    EXPECT_EQ(object.parse(nullptr, 100, nullptr), libk::rel_enoexec);
}

TEST(ElfRelMalformed, EveryTruncationIsRejected)
{
    std::vector<uint8_t> image = tiny::image();
    std::string reason;
    for (size_t size = 0; size < image.size(); ++size)
        EXPECT_EQ(parse_reason(std::vector<uint8_t>(image.begin(), image.begin() + size), reason), libk::rel_enoexec)
            << "size " << size;
}

struct HeaderCase {
    size_t offset;
    int width; // 1, 2 or 4 bytes
    uint32_t value;
    const char* reason;
};

TEST(ElfRelMalformed, BadHeaderFields)
{
    const HeaderCase cases[] = {
        { 0, 1, 0x7e, "bad ELF magic" },
        { 3, 1, 'f', "bad ELF magic" },
        { 4, 1, ELFCLASS64, "not a 32-bit ELF file (ELFCLASS32)" },
        { 5, 1, ELFDATA2MSB, "not a little-endian ELF file" },
        { 6, 1, 0, "bad ELF version" },
        { 20, 4, 2, "bad ELF version" },
        { 16, 2, ET_EXEC, "not a relocatable object (ET_REL)" },
        { 16, 2, ET_DYN, "not a relocatable object (ET_REL)" },
        { 18, 2, EM_X86_64, "not an i386 object (EM_386)" },
        { 46, 2, 32, "bad section header size" },
        { 46, 2, 44, "bad section header size" },
        { 48, 2, 0, "no section headers" },
        { 48, 2, 257, "too many sections" },
        { 48, 2, 200, "section headers extend past end of file" },
        { 32, 4, 0xFFFFFFF0, "section headers extend past end of file" },
        { 50, 2, 0, "bad section name table index" },
        { 50, 2, 11, "bad section name table index" },
        { 50, 2, 0xFFFF, "bad section name table index" }, // SHN_XINDEX
        { 50, 2, tiny::text, "section name table is not a NUL-terminated string table" },
    };
    for (const HeaderCase& c : cases) {
        std::vector<uint8_t> image = tiny::image();
        if (c.width == 1)
            image[c.offset] = static_cast<uint8_t>(c.value);
        else if (c.width == 2)
            put16(image, c.offset, static_cast<uint16_t>(c.value));
        else
            put32(image, c.offset, c.value);
        std::string reason;
        EXPECT_EQ(parse_reason(image, reason), libk::rel_enoexec) << c.reason;
        EXPECT_EQ(reason, c.reason) << "offset " << c.offset << " value " << c.value;
    }
}

struct SectionCase {
    uint32_t section;
    size_t field; // byte offset inside the Elf32_Shdr
    uint32_t value;
    const char* reason;
};

TEST(ElfRelMalformed, BadSectionHeaders)
{
    const SectionCase cases[] = {
        { tiny::text, 16, 0x10000, "section extends past end of file" },             // sh_offset
        { tiny::text, 20, 0x10000, "section extends past end of file" },             // sh_size
        { tiny::text, 16, 0xFFFFFFF0, "section extends past end of file" },          // wraps in 32 bits
        { tiny::text, 32, 3, "section alignment is not a power of two" },
        { tiny::text, 32, 8192, "section alignment too large" },
        { tiny::bss, 20, 0x10000000, "sections too large to load" },                 // NOBITS: no file bytes
        { 0, 4, SHT_PROGBITS, "section 0 is not SHT_NULL" },
        { tiny::text, 0, 0x10000, "section name out of range" },
        { 8, 36, 24, "bad symbol table entry size" },                                // .symtab sh_entsize
        { 8, 20, 16 * 3 + 8, "table size is not a multiple of its entry size" },
        { 8, 20, 0, "symbol table has no null symbol" },
        { 8, 24, 0, "bad symbol string table index" },
        { 8, 24, 11, "bad symbol string table index" },
        { 8, 24, tiny::text, "symbol string table is not a NUL-terminated string table" },
        { 8, 4, SHT_PROGBITS, "no symbol table" },
        { tiny::text, 4, SHT_SYMTAB, "bad symbol table entry size" },
        { tiny::rel_text, 36, 12, "bad SHT_REL entry size" },
        { tiny::rel_text, 4, SHT_RELA, "bad SHT_RELA entry size" },
        { tiny::rel_text, 20, 12, "table size is not a multiple of its entry size" },
        { tiny::rel_text, 24, tiny::text, "relocation section not linked to the symbol table" },
        { tiny::rel_text, 28, 0, "bad relocation target section" },
        { tiny::rel_text, 28, 11, "bad relocation target section" },
    };
    for (const SectionCase& c : cases) {
        std::vector<uint8_t> image = tiny::image();
        put32(image, shdr(image, c.section) + c.field, c.value);
        std::string reason;
        EXPECT_EQ(parse_reason(image, reason), libk::rel_enoexec) << c.reason;
        EXPECT_EQ(reason, c.reason) << "section " << c.section << " field " << c.field;
    }
}

TEST(ElfRelMalformed, TwoSymbolTables)
{
    std::vector<uint8_t> image = tiny::image();
    // Turn .comment into a second SHT_SYMTAB with a valid shape.
    size_t h = shdr(image, tiny::comment);
    put32(image, h + 4, SHT_SYMTAB);
    put32(image, h + 20, 0);
    put32(image, h + 36, 16);
    std::string reason;
    EXPECT_EQ(parse_reason(image, reason), libk::rel_enoexec);
    EXPECT_EQ(reason, "more than one symbol table");
}

TEST(ElfRelMalformed, StringTablesMustEndInNul)
{
    ObjectBuilder b = tiny::builder();
    std::vector<uint8_t> image = b.build();
    size_t strtab = get32(image, shdr(image, b.strtab_index()) + 16);
    uint32_t size = get32(image, shdr(image, b.strtab_index()) + 20);
    image[strtab + size - 1] = 'x';
    std::string reason;
    EXPECT_EQ(parse_reason(image, reason), libk::rel_enoexec);
    EXPECT_EQ(reason, "symbol string table is not a NUL-terminated string table");

    image = b.build();
    size_t shstrtab = get32(image, shdr(image, b.shstrtab_index()) + 16);
    size = get32(image, shdr(image, b.shstrtab_index()) + 20);
    image[shstrtab + size - 1] = 'x';
    EXPECT_EQ(parse_reason(image, reason), libk::rel_enoexec);
    EXPECT_EQ(reason, "section name table is not a NUL-terminated string table");
}

TEST(ElfRelMalformed, BadSymbols)
{
    std::string reason;
    std::vector<uint8_t> image = tiny::image();
    put32(image, symbol_entry(image, tiny::sym_init), 0x1000); // st_name
    EXPECT_EQ(parse_reason(image, reason), libk::rel_enoexec);
    EXPECT_EQ(reason, "symbol name out of range");

    image = tiny::image();
    put16(image, symbol_entry(image, tiny::sym_init) + 14, 11); // st_shndx = section count
    EXPECT_EQ(parse_reason(image, reason), libk::rel_enoexec);
    EXPECT_EQ(reason, "symbol section index out of range");

    image = tiny::image();
    put16(image, symbol_entry(image, tiny::sym_init) + 14, SHN_XINDEX);
    EXPECT_EQ(parse_reason(image, reason), libk::rel_enoexec);
    EXPECT_EQ(reason, "symbol section index out of range");

    image = tiny::image();
    put32(image, symbol_entry(image, tiny::sym_init) + 4, 33); // past the 32-byte .text
    EXPECT_EQ(parse_reason(image, reason), libk::rel_enoexec);
    EXPECT_EQ(reason, "symbol value outside its section");

    image = tiny::image();
    put32(image, symbol_entry(image, tiny::sym_init) + 4, 32); // an end marker is fine
    EXPECT_EQ(parse_reason(image, reason), 0) << reason;
}

TEST(ElfRelMalformed, BadRelocationEntries)
{
    std::string reason;
    // Symbol index one past the table.
    std::vector<uint8_t> image = tiny::builder({ { 16, R_386_32, 11, 0 } }).build();
    EXPECT_EQ(parse_reason(image, reason), libk::rel_enoexec);
    EXPECT_EQ(reason, "relocation symbol index out of range");
    // Even an R_386_NONE must name a real symbol.
    image = tiny::builder({ { 16, R_386_NONE, 0xFFFFFF, 0 } }).build();
    EXPECT_EQ(parse_reason(image, reason), libk::rel_enoexec);
    EXPECT_EQ(reason, "relocation symbol index out of range");
    // The last 4-byte field of the 32-byte .text is at 28; 29 would write a byte past it.
    image = tiny::builder({ { 29, R_386_32, tiny::sym_helper, 0 } }).build();
    EXPECT_EQ(parse_reason(image, reason), libk::rel_enoexec);
    EXPECT_EQ(reason, "relocation offset outside its section");
    image = tiny::builder({ { 0xFFFFFFFE, R_386_PC32, tiny::sym_helper, 0 } }).build();
    EXPECT_EQ(parse_reason(image, reason), libk::rel_enoexec);
    EXPECT_EQ(reason, "relocation offset outside its section");
    // R_386_NONE patches nothing, so its offset does not matter.
    image = tiny::builder({ { 0xFFFFFFFE, R_386_NONE, 0, 0 } }).build();
    EXPECT_EQ(parse_reason(image, reason), 0) << reason;
}

TEST(ElfRelMalformed, RelocationInTinySection)
{
    ObjectBuilder b;
    uint32_t data = b.add_section(".data", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, 1, { 1, 2, 3 });
    uint32_t sym = b.add_symbol("x", 0, STB_LOCAL, STT_OBJECT, data);
    b.add_relocations(".rel.data", data, { { 0, R_386_32, sym, 0 } });
    std::string reason;
    EXPECT_EQ(parse_reason(b.build(), reason), libk::rel_enoexec);
    EXPECT_EQ(reason, "relocation offset outside its section");
}

// Random corruption must only ever produce errors, never out-of-bounds access (ASan watches).
void fuzz(const std::vector<uint8_t>& original, uint32_t seed, int rounds)
{
    static RelocatableObject object;
    uint32_t state = seed;
    auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return state;
    };
    int parsed = 0;
    for (int round = 0; round < rounds; ++round) {
        std::vector<uint8_t> image = original;
        int flips = 1 + next() % 4;
        for (int i = 0; i < flips; ++i)
            image[next() % image.size()] = static_cast<uint8_t>(next());
        if (next() % 8 == 0)
            image.resize(next() % image.size());
        if (object.parse(image.data(), image.size(), nullptr) != 0)
            continue;
        ++parsed;
        size_t size = object.layout();
        ASSERT_LE(size, libk::rel_max_layout);
        std::vector<uint8_t> memory(size);
        object.copy_sections(memory.data());
        auto any = [](const char*, void*) -> uint32_t { return 0xC0100000; };
        object.relocate(memory.data(), load_address, any, nullptr, nullptr, nullptr);
        uint32_t address;
        object.find_symbol("init_module", load_address, address);
        object.find_section(".modinfo");
        object.for_each_defined_global(load_address, [](const char* name, uint32_t, void*) { (void)strlen(name); },
            nullptr);
        for (size_t i = 0; i < object.section_count(); ++i) {
            (void)strlen(object.section(i).name);
            object.section_data(object.section(i));
        }
    }
    EXPECT_GT(parsed, 0); // some corruptions are harmless, so the later stages ran too
}

TEST(ElfRelMalformed, RandomCorruptionOfTinyObject)
{
    fuzz(tiny::image(), 0x2545F491, 3000);
}

// ---- a real object from gcc, checked against GNU ld ----
//
// standin.c, built with
//   i686-linux-gnu-gcc -c -O2 -fno-pic -fno-common -ffreestanding -mgeneral-regs-only standin.c
// and linked as a reference with `i686-linux-gnu-ld -m elf_i386 -T ref.ld
// --defsym=printk=0xC0101230 --defsym=kmalloc=0xC0102000 --defsym=kfree=0xC0102100 -e 0`,
// where ref.ld places .text .data .bss .rodata.str1.1 .gnu.linkonce.this_module .modinfo
// .eh_frame in that order from 0xD0800000 (exactly the loader's layout), then
// `objcopy -O binary`. The loader must produce the same bytes.
//
//   struct module { int state; struct module *next; char name[56]; int (*init)(void); void (*exit)(void); };
//   extern int printk(const char *fmt, ...);
//   extern void *kmalloc(unsigned long size, unsigned int flags);
//   extern void kfree(const void *p);
//   extern int weak_missing(void) __attribute__((weak));
//   static int counter;
//   int greeting_count = 3;
//   int exported_value = 42;
//   const char *messages[] = { "one", "two" };
//   static __attribute__((noinline)) int bump(int by) { counter += by; return counter; }
//   int init_module(void)
//   {
//       void *p = kmalloc(16, 0);
//       for (int i = 0; i < greeting_count; i++)
//           printk("<6>hello %s %d\n", messages[i & 1], bump(i));
//       kfree(p);
//       if (weak_missing)
//           weak_missing();
//       return 0;
//   }
//   void cleanup_module(void) { printk("<6>bye %d\n", counter); }
//   static const char modinfo_license[] __attribute__((section(".modinfo"), used, aligned(1))) = "license=GPL";
//   static const char modinfo_author[] __attribute__((section(".modinfo"), used, aligned(1))) = "author=kernlab";
//   struct module __this_module __attribute__((section(".gnu.linkonce.this_module"))) = {
//       .name = "standin", .init = init_module, .exit = cleanup_module,
//   };
namespace {

const uint8_t standin_object[] = {
    0x7f, 0x45, 0x4c, 0x46, 0x01, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x54, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x34, 0x00, 0x00, 0x00, 0x00, 0x00, 0x28, 0x00,
    0x11, 0x00, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x03, 0x05, 0x00, 0x00, 0x00, 0x00, 0xa3, 0x00, 0x00, 0x00, 0x00, 0xc3, 0x8d, 0x74, 0x26, 0x00,
    0x83, 0xec, 0x14, 0xff, 0x35, 0x00, 0x00, 0x00, 0x00, 0x68, 0x00, 0x00, 0x00, 0x00, 0xe8, 0xfc,
    0xff, 0xff, 0xff, 0x83, 0xc4, 0x1c, 0xc3, 0x8d, 0xb4, 0x26, 0x00, 0x00, 0x00, 0x00, 0x66, 0x90,
    0x56, 0x53, 0x83, 0xec, 0x0c, 0x6a, 0x00, 0x6a, 0x10, 0xe8, 0xfc, 0xff, 0xff, 0xff, 0x83, 0xc4,
    0x10, 0x89, 0xc6, 0xa1, 0x00, 0x00, 0x00, 0x00, 0x85, 0xc0, 0x7e, 0x33, 0x31, 0xdb, 0x66, 0x90,
    0x89, 0xd8, 0x89, 0xda, 0x83, 0xc3, 0x01, 0xe8, 0xa4, 0xff, 0xff, 0xff, 0x83, 0xe2, 0x01, 0x83,
    0xec, 0x04, 0x50, 0xff, 0x34, 0x95, 0x00, 0x00, 0x00, 0x00, 0x68, 0x0b, 0x00, 0x00, 0x00, 0xe8,
    0xfc, 0xff, 0xff, 0xff, 0x83, 0xc4, 0x10, 0x39, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x7f, 0xd1, 0x83,
    0xec, 0x0c, 0x56, 0xe8, 0xfc, 0xff, 0xff, 0xff, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x83, 0xc4, 0x10,
    0x85, 0xc0, 0x74, 0x05, 0xe8, 0xfc, 0xff, 0xff, 0xff, 0x83, 0xc4, 0x04, 0x31, 0xc0, 0x5b, 0x5e,
    0xc3, 0x00, 0x00, 0x00, 0x1b, 0x00, 0x00, 0x00, 0x1f, 0x00, 0x00, 0x00, 0x2a, 0x00, 0x00, 0x00,
    0x03, 0x00, 0x00, 0x00, 0x3c, 0x36, 0x3e, 0x62, 0x79, 0x65, 0x20, 0x25, 0x64, 0x0a, 0x00, 0x3c,
    0x36, 0x3e, 0x68, 0x65, 0x6c, 0x6c, 0x6f, 0x20, 0x25, 0x73, 0x20, 0x25, 0x64, 0x0a, 0x00, 0x6f,
    0x6e, 0x65, 0x00, 0x74, 0x77, 0x6f, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x73, 0x74, 0x61, 0x6e, 0x64, 0x69, 0x6e, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x61, 0x75, 0x74, 0x68, 0x6f, 0x72, 0x3d, 0x6b,
    0x65, 0x72, 0x6e, 0x6c, 0x61, 0x62, 0x00, 0x6c, 0x69, 0x63, 0x65, 0x6e, 0x73, 0x65, 0x3d, 0x47,
    0x50, 0x4c, 0x00, 0x00, 0x47, 0x43, 0x43, 0x3a, 0x20, 0x28, 0x44, 0x65, 0x62, 0x69, 0x61, 0x6e,
    0x20, 0x31, 0x32, 0x2e, 0x32, 0x2e, 0x30, 0x2d, 0x31, 0x34, 0x29, 0x20, 0x31, 0x32, 0x2e, 0x32,
    0x2e, 0x30, 0x00, 0x00, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x7a, 0x52, 0x00,
    0x01, 0x7c, 0x08, 0x01, 0x1b, 0x0c, 0x04, 0x04, 0x88, 0x01, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00,
    0x1c, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x1c, 0x00, 0x00, 0x00, 0x30, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x17, 0x00, 0x00, 0x00,
    0x00, 0x43, 0x0e, 0x18, 0x46, 0x0e, 0x1c, 0x45, 0x0e, 0x20, 0x48, 0x0e, 0x04, 0x00, 0x00, 0x00,
    0x48, 0x00, 0x00, 0x00, 0x50, 0x00, 0x00, 0x00, 0x30, 0x00, 0x00, 0x00, 0x71, 0x00, 0x00, 0x00,
    0x00, 0x41, 0x0e, 0x08, 0x86, 0x02, 0x41, 0x0e, 0x0c, 0x83, 0x03, 0x43, 0x0e, 0x18, 0x42, 0x0e,
    0x1c, 0x42, 0x0e, 0x20, 0x48, 0x0e, 0x10, 0x61, 0x0e, 0x14, 0x41, 0x0e, 0x18, 0x47, 0x0e, 0x1c,
    0x45, 0x0e, 0x20, 0x48, 0x0e, 0x10, 0x4b, 0x0e, 0x1c, 0x41, 0x0e, 0x20, 0x4d, 0x0e, 0x10, 0x4c,
    0x0e, 0x0c, 0x43, 0xc3, 0x0e, 0x08, 0x41, 0xc6, 0x0e, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0xf1, 0xff, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00, 0x05, 0x00, 0x0b, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01, 0x00, 0x10, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x01, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00, 0x06, 0x00, 0x18, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x0f, 0x00, 0x00, 0x00, 0x01, 0x00, 0x09, 0x00, 0x27, 0x00, 0x00, 0x00,
    0x0f, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x00, 0x00, 0x01, 0x00, 0x09, 0x00, 0x37, 0x00, 0x00, 0x00,
    0x10, 0x00, 0x00, 0x00, 0x17, 0x00, 0x00, 0x00, 0x12, 0x00, 0x01, 0x00, 0x46, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x4d, 0x00, 0x00, 0x00,
    0x30, 0x00, 0x00, 0x00, 0x71, 0x00, 0x00, 0x00, 0x12, 0x00, 0x01, 0x00, 0x59, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00,
    0x0c, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x11, 0x00, 0x03, 0x00, 0x70, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x11, 0x00, 0x03, 0x00, 0x79, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x7f, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x20, 0x00, 0x00, 0x00, 0x8c, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x48, 0x00, 0x00, 0x00, 0x11, 0x00, 0x07, 0x00, 0x9a, 0x00, 0x00, 0x00,
    0x08, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x11, 0x00, 0x03, 0x00, 0x00, 0x73, 0x74, 0x61,
    0x6e, 0x64, 0x69, 0x6e, 0x2e, 0x63, 0x00, 0x62, 0x75, 0x6d, 0x70, 0x00, 0x63, 0x6f, 0x75, 0x6e,
    0x74, 0x65, 0x72, 0x00, 0x6d, 0x6f, 0x64, 0x69, 0x6e, 0x66, 0x6f, 0x5f, 0x61, 0x75, 0x74, 0x68,
    0x6f, 0x72, 0x00, 0x6d, 0x6f, 0x64, 0x69, 0x6e, 0x66, 0x6f, 0x5f, 0x6c, 0x69, 0x63, 0x65, 0x6e,
    0x73, 0x65, 0x00, 0x63, 0x6c, 0x65, 0x61, 0x6e, 0x75, 0x70, 0x5f, 0x6d, 0x6f, 0x64, 0x75, 0x6c,
    0x65, 0x00, 0x70, 0x72, 0x69, 0x6e, 0x74, 0x6b, 0x00, 0x69, 0x6e, 0x69, 0x74, 0x5f, 0x6d, 0x6f,
    0x64, 0x75, 0x6c, 0x65, 0x00, 0x6b, 0x6d, 0x61, 0x6c, 0x6c, 0x6f, 0x63, 0x00, 0x67, 0x72, 0x65,
    0x65, 0x74, 0x69, 0x6e, 0x67, 0x5f, 0x63, 0x6f, 0x75, 0x6e, 0x74, 0x00, 0x6d, 0x65, 0x73, 0x73,
    0x61, 0x67, 0x65, 0x73, 0x00, 0x6b, 0x66, 0x72, 0x65, 0x65, 0x00, 0x77, 0x65, 0x61, 0x6b, 0x5f,
    0x6d, 0x69, 0x73, 0x73, 0x69, 0x6e, 0x67, 0x00, 0x5f, 0x5f, 0x74, 0x68, 0x69, 0x73, 0x5f, 0x6d,
    0x6f, 0x64, 0x75, 0x6c, 0x65, 0x00, 0x65, 0x78, 0x70, 0x6f, 0x72, 0x74, 0x65, 0x64, 0x5f, 0x76,
    0x61, 0x6c, 0x75, 0x65, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x01, 0x03, 0x00, 0x00,
    0x07, 0x00, 0x00, 0x00, 0x01, 0x03, 0x00, 0x00, 0x15, 0x00, 0x00, 0x00, 0x01, 0x03, 0x00, 0x00,
    0x1a, 0x00, 0x00, 0x00, 0x01, 0x06, 0x00, 0x00, 0x1f, 0x00, 0x00, 0x00, 0x02, 0x0a, 0x00, 0x00,
    0x3a, 0x00, 0x00, 0x00, 0x02, 0x0c, 0x00, 0x00, 0x44, 0x00, 0x00, 0x00, 0x01, 0x0d, 0x00, 0x00,
    0x66, 0x00, 0x00, 0x00, 0x01, 0x0e, 0x00, 0x00, 0x6b, 0x00, 0x00, 0x00, 0x01, 0x06, 0x00, 0x00,
    0x70, 0x00, 0x00, 0x00, 0x02, 0x0a, 0x00, 0x00, 0x79, 0x00, 0x00, 0x00, 0x01, 0x0d, 0x00, 0x00,
    0x84, 0x00, 0x00, 0x00, 0x02, 0x0f, 0x00, 0x00, 0x89, 0x00, 0x00, 0x00, 0x01, 0x10, 0x00, 0x00,
    0x95, 0x00, 0x00, 0x00, 0x02, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x06, 0x00, 0x00,
    0x04, 0x00, 0x00, 0x00, 0x01, 0x06, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00, 0x01, 0x0b, 0x00, 0x00,
    0x44, 0x00, 0x00, 0x00, 0x01, 0x09, 0x00, 0x00, 0x20, 0x00, 0x00, 0x00, 0x02, 0x02, 0x00, 0x00,
    0x34, 0x00, 0x00, 0x00, 0x02, 0x02, 0x00, 0x00, 0x54, 0x00, 0x00, 0x00, 0x02, 0x02, 0x00, 0x00,
    0x00, 0x2e, 0x73, 0x79, 0x6d, 0x74, 0x61, 0x62, 0x00, 0x2e, 0x73, 0x74, 0x72, 0x74, 0x61, 0x62,
    0x00, 0x2e, 0x73, 0x68, 0x73, 0x74, 0x72, 0x74, 0x61, 0x62, 0x00, 0x2e, 0x72, 0x65, 0x6c, 0x2e,
    0x74, 0x65, 0x78, 0x74, 0x00, 0x2e, 0x72, 0x65, 0x6c, 0x2e, 0x64, 0x61, 0x74, 0x61, 0x00, 0x2e,
    0x62, 0x73, 0x73, 0x00, 0x2e, 0x72, 0x6f, 0x64, 0x61, 0x74, 0x61, 0x2e, 0x73, 0x74, 0x72, 0x31,
    0x2e, 0x31, 0x00, 0x2e, 0x72, 0x65, 0x6c, 0x2e, 0x67, 0x6e, 0x75, 0x2e, 0x6c, 0x69, 0x6e, 0x6b,
    0x6f, 0x6e, 0x63, 0x65, 0x2e, 0x74, 0x68, 0x69, 0x73, 0x5f, 0x6d, 0x6f, 0x64, 0x75, 0x6c, 0x65,
    0x00, 0x2e, 0x6d, 0x6f, 0x64, 0x69, 0x6e, 0x66, 0x6f, 0x00, 0x2e, 0x63, 0x6f, 0x6d, 0x6d, 0x65,
    0x6e, 0x74, 0x00, 0x2e, 0x6e, 0x6f, 0x74, 0x65, 0x2e, 0x47, 0x4e, 0x55, 0x2d, 0x73, 0x74, 0x61,
    0x63, 0x6b, 0x00, 0x2e, 0x72, 0x65, 0x6c, 0x2e, 0x65, 0x68, 0x5f, 0x66, 0x72, 0x61, 0x6d, 0x65,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x1f, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00,
    0xa1, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x1b, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x18, 0x04, 0x00, 0x00, 0x70, 0x00, 0x00, 0x00, 0x0e, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x29, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xe4, 0x00, 0x00, 0x00,
    0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x25, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x88, 0x04, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x0e, 0x00, 0x00, 0x00,
    0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x2f, 0x00, 0x00, 0x00,
    0x08, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xf4, 0x00, 0x00, 0x00,
    0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x34, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x32, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0xf4, 0x00, 0x00, 0x00, 0x23, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x47, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x20, 0x01, 0x00, 0x00,
    0x48, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x20, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x43, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x98, 0x04, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x0e, 0x00, 0x00, 0x00,
    0x07, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x68, 0x01, 0x00, 0x00,
    0x1b, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x6a, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x30, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x83, 0x01, 0x00, 0x00, 0x20, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x73, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xa3, 0x01, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x87, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0xa4, 0x01, 0x00, 0x00, 0x98, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x83, 0x00, 0x00, 0x00,
    0x09, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xa8, 0x04, 0x00, 0x00,
    0x18, 0x00, 0x00, 0x00, 0x0e, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00,
    0x08, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x3c, 0x02, 0x00, 0x00, 0x30, 0x01, 0x00, 0x00, 0x0f, 0x00, 0x00, 0x00,
    0x09, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00,
    0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x6c, 0x03, 0x00, 0x00,
    0xa9, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x11, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0xc0, 0x04, 0x00, 0x00, 0x91, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
};

const uint8_t standin_linked_by_ld[] = {
    0x03, 0x05, 0xb4, 0x00, 0x80, 0xd0, 0xa3, 0xb4, 0x00, 0x80, 0xd0, 0xc3, 0x8d, 0x74, 0x26, 0x00,
    0x83, 0xec, 0x14, 0xff, 0x35, 0xb4, 0x00, 0x80, 0xd0, 0x68, 0xb8, 0x00, 0x80, 0xd0, 0xe8, 0x0d,
    0x12, 0x90, 0xef, 0x83, 0xc4, 0x1c, 0xc3, 0x8d, 0xb4, 0x26, 0x00, 0x00, 0x00, 0x00, 0x66, 0x90,
    0x56, 0x53, 0x83, 0xec, 0x0c, 0x6a, 0x00, 0x6a, 0x10, 0xe8, 0xc2, 0x1f, 0x90, 0xef, 0x83, 0xc4,
    0x10, 0x89, 0xc6, 0xa1, 0xb0, 0x00, 0x80, 0xd0, 0x85, 0xc0, 0x7e, 0x33, 0x31, 0xdb, 0x66, 0x90,
    0x89, 0xd8, 0x89, 0xda, 0x83, 0xc3, 0x01, 0xe8, 0xa4, 0xff, 0xff, 0xff, 0x83, 0xe2, 0x01, 0x83,
    0xec, 0x04, 0x50, 0xff, 0x34, 0x95, 0xa4, 0x00, 0x80, 0xd0, 0x68, 0xc3, 0x00, 0x80, 0xd0, 0xe8,
    0xbc, 0x11, 0x90, 0xef, 0x83, 0xc4, 0x10, 0x39, 0x1d, 0xb0, 0x00, 0x80, 0xd0, 0x7f, 0xd1, 0x83,
    0xec, 0x0c, 0x56, 0xe8, 0x78, 0x20, 0x90, 0xef, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x83, 0xc4, 0x10,
    0x85, 0xc0, 0x74, 0x05, 0xe8, 0x67, 0xff, 0x7f, 0x2f, 0x83, 0xc4, 0x04, 0x31, 0xc0, 0x5b, 0x5e,
    0xc3, 0x00, 0x00, 0x00, 0xd3, 0x00, 0x80, 0xd0, 0xd7, 0x00, 0x80, 0xd0, 0x2a, 0x00, 0x00, 0x00,
    0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x3c, 0x36, 0x3e, 0x62, 0x79, 0x65, 0x20, 0x25,
    0x64, 0x0a, 0x00, 0x3c, 0x36, 0x3e, 0x68, 0x65, 0x6c, 0x6c, 0x6f, 0x20, 0x25, 0x73, 0x20, 0x25,
    0x64, 0x0a, 0x00, 0x6f, 0x6e, 0x65, 0x00, 0x74, 0x77, 0x6f, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x73, 0x74, 0x61, 0x6e, 0x64, 0x69, 0x6e, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x30, 0x00, 0x80, 0xd0, 0x10, 0x00, 0x80, 0xd0, 0x61, 0x75, 0x74, 0x68, 0x6f, 0x72, 0x3d, 0x6b,
    0x65, 0x72, 0x6e, 0x6c, 0x61, 0x62, 0x00, 0x6c, 0x69, 0x63, 0x65, 0x6e, 0x73, 0x65, 0x3d, 0x47,
    0x50, 0x4c, 0x00, 0x00, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x7a, 0x52, 0x00,
    0x01, 0x7c, 0x08, 0x01, 0x1b, 0x0c, 0x04, 0x04, 0x88, 0x01, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00,
    0x1c, 0x00, 0x00, 0x00, 0x9c, 0xfe, 0xff, 0xff, 0x0c, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x1c, 0x00, 0x00, 0x00, 0x30, 0x00, 0x00, 0x00, 0x98, 0xfe, 0xff, 0xff, 0x17, 0x00, 0x00, 0x00,
    0x00, 0x43, 0x0e, 0x18, 0x46, 0x0e, 0x1c, 0x45, 0x0e, 0x20, 0x48, 0x0e, 0x04, 0x00, 0x00, 0x00,
    0x48, 0x00, 0x00, 0x00, 0x50, 0x00, 0x00, 0x00, 0x98, 0xfe, 0xff, 0xff, 0x71, 0x00, 0x00, 0x00,
    0x00, 0x41, 0x0e, 0x08, 0x86, 0x02, 0x41, 0x0e, 0x0c, 0x83, 0x03, 0x43, 0x0e, 0x18, 0x42, 0x0e,
    0x1c, 0x42, 0x0e, 0x20, 0x48, 0x0e, 0x10, 0x61, 0x0e, 0x14, 0x41, 0x0e, 0x18, 0x47, 0x0e, 0x1c,
    0x45, 0x0e, 0x20, 0x48, 0x0e, 0x10, 0x4b, 0x0e, 0x1c, 0x41, 0x0e, 0x20, 0x4d, 0x0e, 0x10, 0x4c,
    0x0e, 0x0c, 0x43, 0xc3, 0x0e, 0x08, 0x41, 0xc6, 0x0e, 0x04, 0x00, 0x00,
};

std::vector<uint8_t> standin()
{
    return std::vector<uint8_t>(std::begin(standin_object), std::end(standin_object));
}

constexpr uint32_t standin_base = 0xD0800000;

// The .modinfo strings, split at their NULs.
std::vector<std::string> modinfo_strings(const RelocatableObject& object)
{
    std::vector<std::string> out;
    const RelSection* modinfo = object.find_section(".modinfo");
    if (!modinfo)
        return out;
    const char* p = static_cast<const char*>(object.section_data(*modinfo));
    std::string current;
    for (uint32_t i = 0; i < modinfo->size; ++i) {
        if (p[i] == '\0') {
            if (!current.empty())
                out.push_back(current);
            current.clear();
        } else {
            current += p[i];
        }
    }
    return out;
}

// The undefined symbols, read with glibc's <elf.h> structures rather than the loader.
std::set<std::string> undefined_symbols(const std::vector<uint8_t>& image)
{
    std::set<std::string> out;
    Elf32_Ehdr header;
    std::memcpy(&header, image.data(), sizeof(header));
    std::vector<Elf32_Shdr> sections(header.e_shnum);
    std::memcpy(sections.data(), image.data() + header.e_shoff, sizeof(Elf32_Shdr) * header.e_shnum);
    for (const Elf32_Shdr& s : sections) {
        if (s.sh_type != SHT_SYMTAB)
            continue;
        const char* names = reinterpret_cast<const char*>(image.data() + sections[s.sh_link].sh_offset);
        for (size_t i = 1; i < s.sh_size / sizeof(Elf32_Sym); ++i) {
            Elf32_Sym sym;
            std::memcpy(&sym, image.data() + s.sh_offset + i * sizeof(sym), sizeof(sym));
            if (sym.st_shndx == SHN_UNDEF)
                out.insert(names + sym.st_name);
        }
    }
    return out;
}

} // namespace

TEST(ElfRelRealObject, MatchesGnuLdByteForByte)
{
    static RelocatableObject object;
    Kernel kernel { { { "printk", 0xC0101230 }, { "kmalloc", 0xC0102000 }, { "kfree", 0xC0102100 } }, {} };
    std::vector<uint8_t> image = standin();
    const char* why = nullptr;
    ASSERT_EQ(object.parse(image.data(), image.size(), &why), 0) << why;
    size_t alignment = 0;
    ASSERT_EQ(object.layout(&alignment), sizeof(standin_linked_by_ld));
    EXPECT_EQ(alignment, 32u); // struct module's section
    Loaded l = load(object, image, kernel, standin_base);
    ASSERT_EQ(l.relocate_result, 0) << l.reason << " " << l.bad_symbol;
    for (size_t i = 0; i < sizeof(standin_linked_by_ld); ++i)
        ASSERT_EQ(l.memory[i], standin_linked_by_ld[i]) << "first difference at block offset " << i;
    EXPECT_EQ(std::set<std::string>(kernel.asked.begin(), kernel.asked.end()), undefined_symbols(image));
    EXPECT_EQ(kernel.asked.size(), 4u); // printk kmalloc kfree weak_missing, once each
}

TEST(ElfRelRealObject, SymbolsSectionsAndModinfo)
{
    static RelocatableObject object;
    std::vector<uint8_t> image = standin();
    ASSERT_EQ(object.parse(image.data(), image.size(), nullptr), 0);
    // Addresses from `nm` of the ld-linked reference.
    uint32_t address = 0;
    EXPECT_TRUE(object.find_symbol("init_module", standin_base, address));
    EXPECT_EQ(address, 0xD0800030u);
    EXPECT_TRUE(object.find_symbol("cleanup_module", standin_base, address));
    EXPECT_EQ(address, 0xD0800010u);
    EXPECT_TRUE(object.find_symbol("counter", standin_base, address));
    EXPECT_EQ(address, 0xD08000B4u);
    EXPECT_TRUE(object.find_symbol("__this_module", standin_base, address));
    EXPECT_EQ(address, 0xD08000E0u);
    std::map<std::string, uint32_t> globals;
    object.for_each_defined_global(standin_base,
        [](const char* name, uint32_t a, void* context) {
            (*static_cast<std::map<std::string, uint32_t>*>(context))[name] = a;
        },
        &globals);
    std::map<std::string, uint32_t> expected { { "__this_module", 0xD08000E0 }, { "cleanup_module", 0xD0800010 },
        { "exported_value", 0xD08000AC }, { "greeting_count", 0xD08000B0 }, { "init_module", 0xD0800030 },
        { "messages", 0xD08000A4 } };
    EXPECT_EQ(globals, expected);

    const RelSection* this_module = object.find_section(".gnu.linkonce.this_module");
    ASSERT_NE(this_module, nullptr);
    EXPECT_EQ(this_module->size, 72u);
    EXPECT_EQ(this_module->layout_offset, 0xE0u);
    EXPECT_EQ(modinfo_strings(object), (std::vector<std::string> { "author=kernlab", "license=GPL" }));
    EXPECT_EQ(object.find_section(".comment")->allocated, false);
}

TEST(ElfRelRealObject, EveryTruncationIsRejected)
{
    std::vector<uint8_t> image = standin();
    std::string reason;
    for (size_t size = 0; size < image.size(); ++size)
        ASSERT_EQ(parse_reason(std::vector<uint8_t>(image.begin(), image.begin() + size), reason), libk::rel_enoexec)
            << "size " << size;
}

TEST(ElfRelRealObject, RandomCorruption)
{
    fuzz(standin(), 0x9E3779B9, 3000);
}

// ---- the sections the module loader reads (find_contents, section_at) ----

// Sets the type of the section named `name` in an image (as a crafted .ko would).
void set_section_type(std::vector<uint8_t>& image, const char* name, uint32_t type)
{
    uint32_t shoff = get32(image, 32);
    uint16_t count = static_cast<uint16_t>(image[48] | image[49] << 8);
    uint16_t names = static_cast<uint16_t>(image[50] | image[51] << 8);
    uint32_t names_offset = get32(image, shoff + 40 * names + 16);
    for (uint32_t i = 1; i < count; ++i) {
        size_t header = shoff + 40 * i;
        if (std::strcmp(reinterpret_cast<const char*>(image.data() + names_offset + get32(image, header)), name) == 0) {
            put32(image, header + 4, type);
            return;
        }
    }
    ADD_FAILURE() << "no section " << name;
}

// The tiny module with a .modinfo and a two-entry __param (20-byte entries).
std::vector<uint8_t> module_image(bool param_nobits = false, bool two_modinfo = false)
{
    ObjectBuilder b = tiny::builder();
    b.add_section(".modinfo", SHT_PROGBITS, SHF_ALLOC, 1, { 'l', 'i', 'c', 'e', 'n', 's', 'e', '=', 'G', 'P', 'L', 0 });
    if (two_modinfo)
        b.add_section(".modinfo", SHT_PROGBITS, SHF_ALLOC, 1, { 'x', '=', 0 });
    if (param_nobits)
        b.add_section("__param", SHT_NOBITS, SHF_ALLOC | SHF_WRITE, 4, {}, 40);
    else
        b.add_section("__param", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, 4, std::vector<uint8_t>(40, 0));
    b.add_section("__ksymtab", SHT_PROGBITS, SHF_ALLOC, 4, std::vector<uint8_t>(12, 0));   // not 8-byte entries
    b.add_section(".notes", SHT_PROGBITS, 0, 4, std::vector<uint8_t>(8, 0));
    return b.build();
}

TEST(ElfRelModuleSections, FindContentsGivesAUsableSectionOrNone)
{
    static RelocatableObject object;
    std::vector<uint8_t> image = module_image();
    const char* why = nullptr;
    ASSERT_EQ(object.parse(image.data(), image.size(), &why), 0) << why;
    const RelSection* found = nullptr;
    EXPECT_EQ(object.find_contents(".modinfo", 1, false, &found, &why), 0);
    ASSERT_NE(found, nullptr);
    EXPECT_STREQ(found->name, ".modinfo");
    EXPECT_EQ(object.find_contents("__param", 20, true, &found, &why), 0);
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(found->size, 40u);
    found = &object.section(1);
    EXPECT_EQ(object.find_contents("__ksymtab_gpl", 8, true, &found, &why), 0);
    EXPECT_EQ(found, nullptr) << "an absent section is no error";
}

TEST(ElfRelModuleSections, NobitsSectionHasNoContents)
{
    static RelocatableObject object;
    std::vector<uint8_t> image = module_image(true);
    const char* why = nullptr;
    ASSERT_EQ(object.parse(image.data(), image.size(), &why), 0) << why;
    const RelSection* found = nullptr;
    EXPECT_EQ(object.find_contents("__param", 20, true, &found, &why), libk::rel_enoexec);
    EXPECT_STREQ(why, "has no contents (SHT_NOBITS)");

    // .modinfo flipped to SHT_NOBITS: the header still names it, the file holds nothing for it.
    image = module_image();
    set_section_type(image, ".modinfo", SHT_NOBITS);
    ASSERT_EQ(object.parse(image.data(), image.size(), &why), 0) << why;
    EXPECT_EQ(object.section_data(*object.find_section(".modinfo")), nullptr);
    EXPECT_EQ(object.find_contents(".modinfo", 1, false, &found, &why), libk::rel_enoexec);
    EXPECT_STREQ(why, "has no contents (SHT_NOBITS)");
}

TEST(ElfRelModuleSections, UnloadedDuplicatedOrOddSizedTablesAreRejected)
{
    static RelocatableObject object;
    std::vector<uint8_t> image = module_image();
    const char* why = nullptr;
    ASSERT_EQ(object.parse(image.data(), image.size(), &why), 0) << why;
    const RelSection* found = nullptr;
    EXPECT_EQ(object.find_contents("__ksymtab", 8, true, &found, &why), libk::rel_enoexec);
    EXPECT_STREQ(why, "size is not a whole number of entries");
    EXPECT_EQ(object.find_contents(".notes", 4, true, &found, &why), libk::rel_enoexec);
    EXPECT_STREQ(why, "is not loaded (no SHF_ALLOC)");
    EXPECT_EQ(object.find_contents(".notes", 4, false, &found, &why), 0);

    image = module_image(false, true);
    ASSERT_EQ(object.parse(image.data(), image.size(), &why), 0) << why;
    EXPECT_EQ(object.find_contents(".modinfo", 1, false, &found, &why), libk::rel_enoexec);
    EXPECT_STREQ(why, "more than one section of that name");
}

TEST(ElfRelModuleSections, NobitsCodeAndRelocatedNobitsAreRejected)
{
    // Each section flipped to SHT_NOBITS: .data because .rel.data patches it, the
    // symbol and string tables because they are no tables at all then.
    struct Case {
        const char* section;
        const char* reason;
    } cases[] = {
        { ".text", "executable section has no contents (SHT_NOBITS)" },
        { ".data", "relocation target section has no contents (SHT_NOBITS)" },
        { ".symtab", "no symbol table" },
        { ".strtab", "symbol string table is not a NUL-terminated string table" },
    };
    std::string reason;
    for (const Case& c : cases) {
        std::vector<uint8_t> image = tiny::image();
        set_section_type(image, c.section, SHT_NOBITS);
        EXPECT_EQ(parse_reason(image, reason), libk::rel_enoexec) << c.section;
        EXPECT_EQ(reason, c.reason) << c.section;
    }
    std::vector<uint8_t> image = tiny::image();
    set_section_type(image, ".rel.text", SHT_NOBITS);
    EXPECT_EQ(parse_reason(image, reason), 0) << "an unused NOBITS section is harmless: " << reason;
}

TEST(ElfRelModuleSections, SectionAtFindsTheLoadedSectionHoldingAPointer)
{
    static RelocatableObject object;
    std::vector<uint8_t> image = tiny::image();
    const char* why = nullptr;
    ASSERT_EQ(object.parse(image.data(), image.size(), &why), 0) << why;
    // .text at 0 (32 bytes), .data at 32 (8), .bss at 48 (12), .rodata at 60 (3).
    const RelSection* text = object.section_at(load_address, load_address + 4, 4);
    ASSERT_NE(text, nullptr);
    EXPECT_STREQ(text->name, ".text");
    EXPECT_EQ(object.section_at(load_address, load_address + 30, 4), nullptr) << "straddles .text's end";
    EXPECT_EQ(object.section_at(load_address, load_address + 40, 1), nullptr) << "padding";
    const RelSection* rodata = object.section_at(load_address, load_address + 62, 0);
    ASSERT_NE(rodata, nullptr);
    EXPECT_STREQ(rodata->name, ".rodata");
    EXPECT_EQ(object.section_at(load_address, load_address + 63, 0), nullptr);
    EXPECT_EQ(object.section_at(load_address, 0, 4), nullptr);
    EXPECT_EQ(object.section_at(load_address, 0xFFFFFFFF, 4), nullptr) << "no wrap-around";
}

// ---- the sample module from the target build ----

TEST(ElfRelModule, HelloKoFromTheTargetBuild)
{
#ifndef KERNLAB_TEST_MODULE_DIR
    FAIL() << "KERNLAB_TEST_MODULE_DIR is not defined (see tests/host/CMakeLists.txt)";
#else
    std::string path = KERNLAB_TEST_MODULE_DIR "/hello.ko";
    std::ifstream file(path, std::ios::binary);
    ASSERT_TRUE(file) << path << " not found: build the target first (cmake --build <build dir>) so that "
                      << "drivers/samples produce the sample modules, then run the host tests";
    std::vector<uint8_t> image((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());

    static RelocatableObject object;
    const char* why = nullptr;
    ASSERT_EQ(object.parse(image.data(), image.size(), &why), 0) << why;
    EXPECT_GT(object.layout(), 0u);
    std::vector<std::string> modinfo = modinfo_strings(object);
    EXPECT_NE(std::find(modinfo.begin(), modinfo.end(), "license=GPL"), modinfo.end());
    EXPECT_NE(object.find_section(".gnu.linkonce.this_module"), nullptr);

    // Any name the kernel is asked for gets a fake address of its own.
    struct FakeKernel {
        std::vector<std::string> asked;
        static uint32_t resolve(const char* name, void* context)
        {
            auto* self = static_cast<FakeKernel*>(context);
            self->asked.push_back(name);
            return 0xC0100000 + 16 * static_cast<uint32_t>(self->asked.size());
        }
    } kernel;
    std::vector<uint8_t> memory(object.layout());
    object.copy_sections(memory.data());
    const char* bad = nullptr;
    ASSERT_EQ(object.relocate(memory.data(), standin_base, FakeKernel::resolve, &kernel, &why, &bad), 0)
        << why << " " << (bad ? bad : "");
    std::set<std::string> asked(kernel.asked.begin(), kernel.asked.end());
    EXPECT_EQ(asked.size(), kernel.asked.size()) << "a symbol was looked up twice";
    EXPECT_EQ(asked, undefined_symbols(image));
    EXPECT_TRUE(asked.count("printk"));
    uint32_t init = 0;
    EXPECT_TRUE(object.find_symbol("init_module", standin_base, init));
    EXPECT_GE(init, standin_base);
    EXPECT_LT(init, standin_base + object.layout());

    std::vector<uint8_t> truncated(image.begin(), image.begin() + image.size() / 2);
    EXPECT_EQ(object.parse(truncated.data(), truncated.size(), &why), libk::rel_enoexec);

    // The sections the loader reads, flipped to SHT_NOBITS. .modinfo parses and is then
    // refused by name; struct module has relocations, which have nothing to patch.
    const RelSection* found = nullptr;
    std::vector<uint8_t> crafted = image;
    set_section_type(crafted, ".modinfo", SHT_NOBITS);
    ASSERT_EQ(object.parse(crafted.data(), crafted.size(), &why), 0) << why;
    EXPECT_EQ(object.find_contents(".modinfo", 1, false, &found, &why), libk::rel_enoexec);
    EXPECT_STREQ(why, "has no contents (SHT_NOBITS)");
    crafted = image;
    set_section_type(crafted, ".gnu.linkonce.this_module", SHT_NOBITS);
    EXPECT_EQ(object.parse(crafted.data(), crafted.size(), &why), libk::rel_enoexec);
    EXPECT_STREQ(why, "relocation target section has no contents (SHT_NOBITS)");
    set_section_type(crafted, ".rel.gnu.linkonce.this_module", SHT_NOBITS);
    ASSERT_EQ(object.parse(crafted.data(), crafted.size(), &why), 0) << why;
    EXPECT_EQ(object.find_contents(".gnu.linkonce.this_module", 1, true, &found, &why), libk::rel_enoexec);
    EXPECT_STREQ(why, "has no contents (SHT_NOBITS)");
#endif
}
