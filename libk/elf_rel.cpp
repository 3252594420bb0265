// Loading an ELF32 i386 relocatable object (a .ko): every offset, index and name in the file is
// checked before use, because insmod hands the kernel arbitrary bytes.
#include <libk/elf_rel.h>
#include <libk/elf_header.h>
#include <libk/format.h>
#include <libk/little_endian.h>
#include <libk/string.h>

namespace libk {

namespace {

// Elf32_Ehdr field offsets (ELF specification, "ELF Header").
constexpr size_t e_shoff = 32;
constexpr size_t e_shentsize = 46;
constexpr size_t e_shnum = 48;
constexpr size_t e_shstrndx = 50;

// Elf32_Shdr field offsets.
constexpr size_t sh_name = 0;
constexpr size_t sh_type = 4;
constexpr size_t sh_flags = 8;
constexpr size_t sh_offset = 16;
constexpr size_t sh_size = 20;
constexpr size_t sh_link = 24;
constexpr size_t sh_info = 28;
constexpr size_t sh_addralign = 32;
constexpr size_t sh_entsize = 36;
constexpr size_t shdr_size = 40;

// Elf32_Sym, Elf32_Rel and Elf32_Rela sizes and field offsets.
constexpr size_t sym_size = 16;
constexpr size_t st_name = 0;
constexpr size_t st_value = 4;
constexpr size_t st_size = 8;
constexpr size_t st_info = 12;
constexpr size_t st_shndx = 14;
constexpr size_t rel_size = 8;
constexpr size_t rela_size = 12;
constexpr size_t r_offset = 0;
constexpr size_t r_info = 4;
constexpr size_t r_addend = 8;

constexpr uint16_t et_rel = 1;

constexpr uint16_t shn_undef = 0;
constexpr uint16_t shn_abs = 0xfff1;
constexpr uint16_t shn_common = 0xfff2;

constexpr uint8_t stb_local = 0;
constexpr uint8_t stb_global = 1;
constexpr uint8_t stb_weak = 2;
constexpr uint8_t stt_object = 1;
constexpr uint8_t stt_func = 2;
constexpr uint8_t stt_section = 3;
constexpr uint8_t stt_file = 4;

bool is_power_of_two(uint32_t value)
{
    return value != 0 && (value & (value - 1)) == 0;
}

// A string table is usable when its last byte is NUL: then every in-range offset starts a
// terminated string. (parse() has checked that the section lies inside the image.)
bool string_table_is_valid(const uint8_t* image, const RelSection& section)
{
    return section.type == sht_strtab && section.size > 0 && image[section.file_offset + section.size - 1] == 0;
}

// Names from the i386 psABI, so "unsupported relocation" says which one and a student can
// look it up; null for numbers it does not define.
const char* relocation_name(uint32_t type)
{
    static const char* const names[] = {
        "R_386_NONE", "R_386_32", "R_386_PC32", "R_386_GOT32", "R_386_PLT32", "R_386_COPY",
        "R_386_GLOB_DAT", "R_386_JMP_SLOT", "R_386_RELATIVE", "R_386_GOTOFF", "R_386_GOTPC",
        "R_386_32PLT", nullptr, nullptr, "R_386_TLS_TPOFF", "R_386_TLS_IE", "R_386_TLS_GOTIE",
        "R_386_TLS_LE", "R_386_TLS_GD", "R_386_TLS_LDM", "R_386_16", "R_386_PC16", "R_386_8",
        "R_386_PC8", "R_386_TLS_GD_32", "R_386_TLS_GD_PUSH", "R_386_TLS_GD_CALL",
        "R_386_TLS_GD_POP", "R_386_TLS_LDM_32", "R_386_TLS_LDM_PUSH", "R_386_TLS_LDM_CALL",
        "R_386_TLS_LDM_POP", "R_386_TLS_LDO_32", "R_386_TLS_IE_32", "R_386_TLS_LE_32",
        "R_386_TLS_DTPMOD32", "R_386_TLS_DTPOFF32", "R_386_TLS_TPOFF32", "R_386_SIZE32",
        "R_386_TLS_GOTDESC", "R_386_TLS_DESC_CALL", "R_386_TLS_DESC", "R_386_IRELATIVE",
        "R_386_GOT32X",
    };
    return type < sizeof(names) / sizeof(names[0]) ? names[type] : nullptr;
}

// GOT-relative relocations only appear in position-independent code, the usual mistake.
bool needs_got(uint32_t type)
{
    return type == 3 || type == 9 || type == 10 || type == 43;
}

} // namespace

int RelocatableObject::fail(const char** reason, const char* why)
{
    if (reason)
        *reason = why;
    return rel_enoexec;
}

void RelocatableObject::reset()
{
    m_image = nullptr;
    m_size = 0;
    m_section_count = 0;
    m_symtab_index = 0;
    m_symbol_count = 0;
    m_layout_size = 0;
    m_layout_align = 1;
    m_resolved_count = 0;
}

int RelocatableObject::parse(const void* image, size_t size, const char** reason)
{
    reset();
    int error = parse_image(image, size, reason);
    // A half-checked object must not be used: the other methods trust what parse() accepted.
    if (error)
        reset();
    return error;
}

int RelocatableObject::parse_image(const void* image, size_t size, const char** reason)
{
    auto const* bytes = static_cast<const uint8_t*>(image);
    if (const char* why = check_elf32_i386_header(bytes, size, et_rel, "not a relocatable object (ET_REL)"))
        return fail(reason, why);
    if (load_u16(bytes + e_shentsize) != shdr_size)
        return fail(reason, "bad section header size");

    // e_shnum 0 would mean "the count is in section 0" (extended numbering); no module needs it.
    uint32_t shnum = load_u16(bytes + e_shnum);
    if (shnum == 0)
        return fail(reason, "no section headers");
    if (shnum > rel_max_sections)
        return fail(reason, "too many sections");
    uint32_t shoff = load_u32(bytes + e_shoff);
    if (static_cast<uint64_t>(shoff) + static_cast<uint64_t>(shnum) * shdr_size > size)
        return fail(reason, "section headers extend past end of file");
    uint32_t shstrndx = load_u16(bytes + e_shstrndx);
    if (shstrndx == 0 || shstrndx >= shnum)
        return fail(reason, "bad section name table index");

    m_image = bytes;
    m_size = size;
    m_section_count = shnum;
    for (size_t i = 0; i < shnum; ++i) {
        int error = check_section(i, reason);
        if (error)
            return error;
    }
    if (m_sections[0].type != sht_null)
        return fail(reason, "section 0 is not SHT_NULL");

    // Names need the name table, which needs every header read first.
    const RelSection& names = m_sections[shstrndx];
    if (!string_table_is_valid(m_image, names))
        return fail(reason, "section name table is not a NUL-terminated string table");
    for (size_t i = 0; i < shnum; ++i) {
        uint32_t name = load_u32(m_image + shoff + i * shdr_size + sh_name);
        if (name >= names.size)
            return fail(reason, "section name out of range");
        m_sections[i].name = reinterpret_cast<const char*>(m_image + names.file_offset + name);
    }

    // The layout: sections in file order, each at its own alignment. Limits keep it in 32 bits.
    uint64_t offset = 0;
    for (size_t i = 1; i < shnum; ++i) {
        RelSection& section = m_sections[i];
        if (!section.allocated)
            continue;
        offset = (offset + section.align - 1) & ~static_cast<uint64_t>(section.align - 1);
        section.layout_offset = static_cast<uint32_t>(offset);
        offset += section.size;
        if (offset > rel_max_layout)
            return fail(reason, "sections too large to load");
        if (section.align > m_layout_align)
            m_layout_align = section.align;
    }
    m_layout_size = static_cast<uint32_t>(offset);

    int error = check_symbols(reason);
    if (error)
        return error;
    for (size_t i = 1; i < shnum; ++i) {
        error = check_relocations(m_sections[i], reason);
        if (error)
            return error;
    }
    return 0;
}

// Reads and checks one section header (not its name yet).
int RelocatableObject::check_section(size_t index, const char** reason)
{
    const uint8_t* header = m_image + load_u32(m_image + e_shoff) + index * shdr_size;
    RelSection& section = m_sections[index];
    section.name = "";
    section.type = load_u32(header + sh_type);
    section.flags = load_u32(header + sh_flags);
    section.size = load_u32(header + sh_size);
    section.file_offset = load_u32(header + sh_offset);
    section.link = load_u32(header + sh_link);
    section.info = load_u32(header + sh_info);
    section.layout_offset = 0;
    section.allocated = index != 0 && (section.flags & shf_alloc);
    uint32_t align = load_u32(header + sh_addralign);
    section.align = align == 0 ? 1 : align; // 0 and 1 both mean "no constraint"

    if (index == 0)
        return 0; // SHN_UNDEF: only its type matters
    if (section.type != sht_nobits && static_cast<uint64_t>(section.file_offset) + section.size > m_size)
        return fail(reason, "section extends past end of file");
    if (!is_power_of_two(section.align))
        return fail(reason, "section alignment is not a power of two");
    if (section.allocated && section.align > rel_max_align)
        return fail(reason, "section alignment too large");
    if (section.allocated && section.size > rel_max_layout)
        return fail(reason, "sections too large to load");
    // Code that takes no room in the file would run as zeros.
    if (section.allocated && section.type == sht_nobits && (section.flags & shf_execinstr))
        return fail(reason, "executable section has no contents (SHT_NOBITS)");

    uint32_t entsize = load_u32(header + sh_entsize);
    if (section.type == sht_symtab && entsize != sym_size)
        return fail(reason, "bad symbol table entry size");
    if (section.type == sht_rel && entsize != rel_size)
        return fail(reason, "bad SHT_REL entry size");
    if (section.type == sht_rela && entsize != rela_size)
        return fail(reason, "bad SHT_RELA entry size");
    if (section.type == sht_symtab || section.type == sht_rel || section.type == sht_rela) {
        if (section.size % entsize != 0)
            return fail(reason, "table size is not a multiple of its entry size");
    }
    return 0;
}

int RelocatableObject::check_symbols(const char** reason)
{
    for (size_t i = 1; i < m_section_count; ++i) {
        if (m_sections[i].type != sht_symtab)
            continue;
        // ELF allows one SHT_SYMTAB per file; relocations could not say which one they mean.
        if (m_symtab_index != 0)
            return fail(reason, "more than one symbol table");
        m_symtab_index = i;
    }
    if (m_symtab_index == 0)
        return fail(reason, "no symbol table");
    const RelSection& symtab = m_sections[m_symtab_index];
    if (symtab.size < sym_size)
        return fail(reason, "symbol table has no null symbol");
    if (symtab.link == 0 || symtab.link >= m_section_count)
        return fail(reason, "bad symbol string table index");
    const RelSection& strtab = m_sections[symtab.link];
    if (!string_table_is_valid(m_image, strtab))
        return fail(reason, "symbol string table is not a NUL-terminated string table");
    m_symbol_count = symtab.size / sym_size;

    const uint8_t* entries = m_image + symtab.file_offset;
    for (uint32_t i = 1; i < m_symbol_count; ++i) {
        const uint8_t* entry = entries + i * sym_size;
        if (load_u32(entry + st_name) >= strtab.size)
            return fail(reason, "symbol name out of range");
        uint16_t shndx = load_u16(entry + st_shndx);
        if (shndx == shn_undef || shndx == shn_abs || shndx == shn_common)
            continue;
        // Other reserved indices (SHN_XINDEX included) are not used by i386 modules.
        if (shndx >= m_section_count)
            return fail(reason, "symbol section index out of range");
        if (m_sections[shndx].allocated && load_u32(entry + st_value) > m_sections[shndx].size)
            return fail(reason, "symbol value outside its section");
    }
    return 0;
}

// Checks the entries of one relocation section that applies to a loaded section.
int RelocatableObject::check_relocations(const RelSection& rel, const char** reason) const
{
    if (rel.type != sht_rel && rel.type != sht_rela)
        return 0;
    if (rel.link != m_symtab_index)
        return fail(reason, "relocation section not linked to the symbol table");
    if (rel.info == 0 || rel.info >= m_section_count)
        return fail(reason, "bad relocation target section");
    const RelSection& target = m_sections[rel.info];
    // Relocations for debug information and other unloaded sections are ignored, as in Linux.
    if (!target.allocated)
        return 0;
    // Nothing in the file to patch: a linker never relocates .bss.
    if (target.type == sht_nobits)
        return fail(reason, "relocation target section has no contents (SHT_NOBITS)");

    size_t entry_size = rel.type == sht_rel ? rel_size : rela_size;
    const uint8_t* entries = m_image + rel.file_offset;
    for (size_t offset = 0; offset < rel.size; offset += entry_size) {
        uint32_t info = load_u32(entries + offset + r_info);
        if ((info >> 8) >= m_symbol_count)
            return fail(reason, "relocation symbol index out of range");
        if ((info & 0xff) == r_386_none)
            continue;
        // Every relocation kernlab applies patches 4 bytes.
        uint32_t where = load_u32(entries + offset + r_offset);
        if (target.size < 4 || where > target.size - 4)
            return fail(reason, "relocation offset outside its section");
    }
    return 0;
}

size_t RelocatableObject::layout(size_t* alignment)
{
    if (alignment)
        *alignment = m_layout_align;
    return m_layout_size;
}

bool RelocatableObject::is_init_section(const RelSection& section)
{
    return strncmp(section.name, ".init", 5) == 0;
}

size_t RelocatableObject::layout_module(uint32_t page_size, size_t* core_size)
{
    for (size_t i = 1; i < m_section_count; ++i) {
        RelSection& section = m_sections[i];
        if (strcmp(section.name, ".modinfo") == 0 || strcmp(section.name, "__versions") == 0)
            section.allocated = false;
    }
    // Linux's masks: a group takes the sections with all of `want` and none of `refuse`.
    struct Group {
        uint32_t want, refuse;
    };
    constexpr Group groups[] = {
        { shf_execinstr | shf_alloc, 0 },   // code
        { shf_alloc, shf_write | shf_execinstr },   // read-only data
        { shf_write | shf_alloc, shf_execinstr },   // writable data, .bss
    };
    auto page_align = [page_size](uint64_t offset) { return (offset + page_size - 1) & ~static_cast<uint64_t>(page_size - 1); };
    uint64_t offset = 0;
    m_layout_align = 1;
    for (int pass = 0; pass < 2; ++pass) {
        bool init = pass == 1;
        for (const Group& group : groups) {
            for (size_t i = 1; i < m_section_count; ++i) {
                RelSection& section = m_sections[i];
                if (!section.allocated || is_init_section(section) != init || (section.flags & group.want) != group.want
                    || (section.flags & group.refuse))
                    continue;
                offset = (offset + section.align - 1) & ~static_cast<uint64_t>(section.align - 1);
                section.layout_offset = static_cast<uint32_t>(offset);
                offset += section.size;
                if (section.align > m_layout_align)
                    m_layout_align = section.align;
            }
            offset = page_align(offset);
        }
        if (!init && core_size)
            *core_size = static_cast<size_t>(offset);
    }
    m_layout_size = static_cast<uint32_t>(offset);
    return m_layout_size;
}

void RelocatableObject::copy_sections(void* memory) const
{
    auto* block = static_cast<uint8_t*>(memory);
    // Zero everything first: NOBITS sections and the padding between sections.
    memset(block, 0, m_layout_size);
    for (size_t i = 1; i < m_section_count; ++i) {
        const RelSection& section = m_sections[i];
        if (section.allocated && section.type != sht_nobits)
            memcpy(block + section.layout_offset, m_image + section.file_offset, section.size);
    }
}

RelocatableObject::Symbol RelocatableObject::symbol(uint32_t index) const
{
    const RelSection& symtab = m_sections[m_symtab_index];
    const uint8_t* entry = m_image + symtab.file_offset + index * sym_size;
    const RelSection& strtab = m_sections[symtab.link];
    Symbol result;
    result.name = reinterpret_cast<const char*>(m_image + strtab.file_offset + load_u32(entry + st_name));
    result.value = load_u32(entry + st_value);
    result.size = load_u32(entry + st_size);
    result.info = entry[st_info];
    result.shndx = load_u16(entry + st_shndx);
    return result;
}

bool RelocatableObject::symbol_in_loaded_section(const Symbol& symbol) const
{
    if (symbol.shndx == shn_abs)
        return true;
    return symbol.shndx != shn_undef && symbol.shndx < m_section_count && m_sections[symbol.shndx].allocated;
}

// For a symbol_in_loaded_section(): where it will be once the block sits at load_address.
uint32_t RelocatableObject::defined_address(const Symbol& symbol, uint32_t load_address) const
{
    if (symbol.shndx == shn_abs)
        return symbol.value;
    return load_address + m_sections[symbol.shndx].layout_offset + symbol.value;
}

bool RelocatableObject::lookup_resolved(uint32_t symbol_index, uint32_t& value) const
{
    // Filled in ascending symbol order, so a binary search finds it.
    size_t low = 0;
    size_t high = m_resolved_count;
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        if (m_resolved_index[middle] == symbol_index) {
            value = m_resolved_value[middle];
            return true;
        }
        if (m_resolved_index[middle] < symbol_index)
            low = middle + 1;
        else
            high = middle;
    }
    return false;
}

int RelocatableObject::relocate(void* memory, uint32_t load_address, Resolver resolve, void* context,
    const char** reason, const char** bad_symbol)
{
    m_resolved_count = 0;
    if (!m_image || m_symtab_index == 0)
        return fail(reason, "no parsed object");

    // Resolve each undefined symbol once, before touching memory, so an unknown one fails
    // cleanly and the resolver (which may record a dependency) sees every name exactly once.
    for (uint32_t i = 1; i < m_symbol_count; ++i) {
        Symbol sym = symbol(i);
        if (sym.shndx == shn_common) {
            if (bad_symbol)
                *bad_symbol = sym.name;
            return fail(reason, "common symbol: build with -fno-common");
        }
        if (sym.shndx != shn_undef)
            continue;
        uint32_t value = resolve ? resolve(sym.name, context) : 0;
        // An undefined weak symbol is allowed to stay 0 (code tests its address).
        if (value == 0 && (sym.info >> 4) != stb_weak) {
            if (bad_symbol)
                *bad_symbol = sym.name;
            if (reason)
                *reason = "unknown symbol";
            return rel_enoent;
        }
        if (m_resolved_count == rel_max_undefined)
            return fail(reason, "too many undefined symbols");
        m_resolved_index[m_resolved_count] = i;
        m_resolved_value[m_resolved_count] = value;
        ++m_resolved_count;
    }

    for (size_t i = 1; i < m_section_count; ++i) {
        const RelSection& rel = m_sections[i];
        if ((rel.type != sht_rel && rel.type != sht_rela) || !m_sections[rel.info].allocated)
            continue;
        int error = apply(rel, static_cast<uint8_t*>(memory), load_address, reason, bad_symbol);
        if (error)
            return error;
    }
    return 0;
}

// Applies one relocation section (parse() checked its link, target and symbol indices).
int RelocatableObject::apply(const RelSection& rel, uint8_t* memory, uint32_t load_address, const char** reason,
    const char** bad_symbol)
{
    const RelSection& target = m_sections[rel.info];
    bool explicit_addend = rel.type == sht_rela;
    size_t entry_size = explicit_addend ? rela_size : rel_size;
    const uint8_t* entries = m_image + rel.file_offset;

    for (size_t offset = 0; offset < rel.size; offset += entry_size) {
        const uint8_t* entry = entries + offset;
        uint32_t info = load_u32(entry + r_info);
        uint32_t type = info & 0xff;
        uint32_t symbol_index = info >> 8;
        if (type == r_386_none)
            continue;
        if (type != r_386_32 && type != r_386_pc32 && type != r_386_plt32) {
            const char* name = relocation_name(type);
            snprintf(m_reason, sizeof(m_reason), "unsupported relocation %s (type %u)%s", name ? name : "R_386_?",
                type, needs_got(type) ? ": build with -fno-pic" : "");
            return fail(reason, m_reason);
        }
        // parse() checked this; checking again keeps a stray write impossible here.
        uint32_t where = load_u32(entry + r_offset);
        if (target.size < 4 || where > target.size - 4)
            return fail(reason, "relocation offset outside its section");

        uint32_t s = 0; // symbol 0 (STN_UNDEF) stands for the value 0
        if (symbol_index != 0) {
            Symbol sym = symbol(symbol_index);
            if (sym.shndx == shn_undef) {
                if (!lookup_resolved(symbol_index, s)) {
                    if (bad_symbol)
                        *bad_symbol = sym.name;
                    if (reason)
                        *reason = "unknown symbol";
                    return rel_enoent;
                }
            } else if (symbol_in_loaded_section(sym)) {
                s = defined_address(sym, load_address);
            } else {
                // Section symbols have no name of their own; the section's name says more.
                if (bad_symbol) {
                    bool named_by_section = (sym.info & 0xf) == stt_section && sym.shndx < m_section_count;
                    *bad_symbol = named_by_section ? m_sections[sym.shndx].name : sym.name;
                }
                return fail(reason, "relocation against a symbol in a section that is not loaded");
            }
        }

        uint8_t* place = memory + target.layout_offset + where;
        uint32_t addend = explicit_addend ? load_u32(entry + r_addend) : load_u32(place);
        uint32_t p = load_address + target.layout_offset + where;
        // Unsigned arithmetic wraps modulo 2^32, which is exactly the i386 field arithmetic.
        // PLT32 is PC32 here: there is no PLT, every call goes straight to its target.
        uint32_t value = type == r_386_32 ? s + addend : s + addend - p;
        store_u32(place, value);
    }
    return 0;
}

bool RelocatableObject::find_symbol(const char* name, uint32_t load_address, uint32_t& address) const
{
    bool found_local = false;
    uint32_t local_address = 0;
    for (uint32_t i = 1; i < m_symbol_count; ++i) {
        Symbol sym = symbol(i);
        uint8_t type = sym.info & 0xf;
        if (type == stt_section || type == stt_file || !symbol_in_loaded_section(sym) || strcmp(sym.name, name) != 0)
            continue;
        if ((sym.info >> 4) != stb_local) {
            address = defined_address(sym, load_address);
            return true;
        }
        // `ld -r` can keep several static symbols of one name; a global one wins.
        if (!found_local) {
            found_local = true;
            local_address = defined_address(sym, load_address);
        }
    }
    if (found_local)
        address = local_address;
    return found_local;
}

const RelSection* RelocatableObject::find_section(const char* name) const
{
    for (size_t i = 1; i < m_section_count; ++i) {
        if (strcmp(m_sections[i].name, name) == 0)
            return &m_sections[i];
    }
    return nullptr;
}

int RelocatableObject::find_contents(const char* name, uint32_t entry_size, bool must_load, const RelSection** found,
    const char** reason) const
{
    *found = nullptr;
    for (size_t i = 1; i < m_section_count; ++i) {
        const RelSection& section = m_sections[i];
        if (strcmp(section.name, name) != 0)
            continue;
        if (*found)
            return fail(reason, "more than one section of that name");
        *found = &section;
    }
    const RelSection* section = *found;
    if (!section)
        return 0;
    if (section->type == sht_nobits)
        return fail(reason, "has no contents (SHT_NOBITS)");
    if (must_load && !section->allocated)
        return fail(reason, "is not loaded (no SHF_ALLOC)");
    if (entry_size > 1 && section->size % entry_size != 0)
        return fail(reason, "size is not a whole number of entries");
    return 0;
}

const RelSection* RelocatableObject::section_at(uint32_t load_address, uint32_t address, uint32_t size) const
{
    uint64_t first = address;
    uint64_t end = first + size;
    for (size_t i = 1; i < m_section_count; ++i) {
        const RelSection& section = m_sections[i];
        if (!section.allocated)
            continue;
        uint64_t start = static_cast<uint64_t>(load_address) + section.layout_offset;
        if (first >= start && end <= start + section.size && (size > 0 || first < start + section.size))
            return &section;
    }
    return nullptr;
}

const void* RelocatableObject::section_data(const RelSection& section) const
{
    if (section.type == sht_nobits)
        return nullptr;
    return m_image + section.file_offset;
}

void RelocatableObject::for_each_defined_global(uint32_t load_address,
    void (*visit)(const char* name, uint32_t address, void* context), void* context) const
{
    for (uint32_t i = 1; i < m_symbol_count; ++i) {
        Symbol sym = symbol(i);
        uint8_t binding = sym.info >> 4;
        if ((binding == stb_global || binding == stb_weak) && symbol_in_loaded_section(sym))
            visit(sym.name, defined_address(sym, load_address), context);
    }
}

void RelocatableObject::for_each_function(uint32_t load_address,
    void (*visit)(const char* name, uint32_t address, uint32_t size, void* context), void* context) const
{
    for (uint32_t i = 1; i < m_symbol_count; ++i) {
        Symbol sym = symbol(i);
        if ((sym.info & 0xf) == stt_func && sym.shndx != shn_abs && symbol_in_loaded_section(sym) && sym.name[0])
            visit(sym.name, defined_address(sym, load_address), sym.size, context);
    }
}

void RelocatableObject::for_each_kallsym(uint32_t load_address,
    void (*visit)(const char* name, uint32_t address, uint32_t size, char type, void* context), void* context) const
{
    for (uint32_t i = 1; i < m_symbol_count; ++i) {
        Symbol sym = symbol(i);
        uint8_t kind = sym.info & 0xf;
        if ((kind != stt_func && kind != stt_object) || sym.shndx == shn_abs || !symbol_in_loaded_section(sym)
            || !sym.name[0])
            continue;
        const RelSection& section = m_sections[sym.shndx];
        char type = (section.flags & shf_execinstr) ? 't'
            : section.type == sht_nobits            ? 'b'
            : (section.flags & shf_write)           ? 'd'
                                                    : 'r';
        uint8_t binding = sym.info >> 4;
        if (binding == stb_global || binding == stb_weak)
            type = static_cast<char>(type - 'a' + 'A');
        visit(sym.name, defined_address(sym, load_address), sym.size, type, context);
    }
}

} // namespace libk
