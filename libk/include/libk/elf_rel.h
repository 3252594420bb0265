// The module loader's core: checks an ELF32 i386 relocatable object (.ko), lays out its
// SHF_ALLOC sections in one block and applies its relocations. No heap, no hardware.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace libk {

// ENOEXEC and ENOENT from <uapi/asm-generic/errno-base.h> (see elf.h for why not the macros).
constexpr int rel_enoexec = 8;
constexpr int rel_enoent = 2;

// Limits that keep the object a fixed-size value and every sum far from overflowing.
constexpr size_t rel_max_sections = 256;
constexpr size_t rel_max_undefined = 512;           // distinct undefined symbols per module
constexpr uint32_t rel_max_align = 4096;            // a page; stricter would need aligned vmalloc
constexpr uint32_t rel_max_layout = 64 * 1024 * 1024; // far beyond any teaching module

// i386 psABI relocation types the loader applies; others are rejected by name.
constexpr uint32_t r_386_none = 0;
constexpr uint32_t r_386_32 = 1;
constexpr uint32_t r_386_pc32 = 2;
constexpr uint32_t r_386_plt32 = 4;

// ELF section types and flags used by the loader (ELF specification, "Sections").
constexpr uint32_t sht_null = 0;
constexpr uint32_t sht_progbits = 1;
constexpr uint32_t sht_symtab = 2;
constexpr uint32_t sht_strtab = 3;
constexpr uint32_t sht_rela = 4;
constexpr uint32_t sht_nobits = 8;
constexpr uint32_t sht_rel = 9;
constexpr uint32_t shf_write = 0x1;
constexpr uint32_t shf_alloc = 0x2;
constexpr uint32_t shf_execinstr = 0x4;

struct RelSection {
    const char* name;       // points into the image's section-name table, never null
    uint32_t type;
    uint32_t flags;
    uint32_t size;
    uint32_t align;         // at least 1, a power of two
    uint32_t file_offset;
    uint32_t layout_offset; // offset inside the loaded block; meaningful when `allocated`
    uint32_t link;          // sh_link: symtab -> strtab, rel -> symtab
    uint32_t info;          // sh_info: rel -> target section, symtab -> first global symbol
    bool allocated;         // SHF_ALLOC: part of the loaded block
};

// One ET_REL image. It keeps pointers into the caller's image, which must outlive it.
// It is about 15 KiB: keep it static or kmalloc it, not on a 16 KiB kernel stack.
class RelocatableObject {
public:
    // Validates the ELF header, every section header (in bounds, sane sizes and alignments,
    // at most 256 sections), the symbol table and its string table, and every relocation
    // section that patches a loaded section (entries in bounds, symbol indices valid; those for
    // unloaded sections such as .rel.debug_info are ignored, as in Linux; none may patch a
    // SHT_NOBITS section, and no code section may be one), and computes the layout. Returns 0 or rel_enoexec with `reason` (which may be null). After a failure the
    // object is empty (section_count() 0) until the next successful parse.
    int parse(const void* image, size_t size, const char** reason);

    // Size of the block holding every SHF_ALLOC section (in section order, each at its
    // alignment), and its strictest alignment via `alignment`.
    size_t layout(size_t* alignment = nullptr);

    // Lays the sections out as Linux's module loader does (layout_sections): the core
    // first, code, then read-only data, then writable data, each group starting on a
    // page of its own (x86's STRICT_MODULE_RWX), then the .init* sections, on pages of
    // their own too, which the loader frees once init_module succeeded. .modinfo and
    // __versions stop being allocated: Linux reads them from the file, never loads them.
    // Returns layout() (core and init); `core_size` is the core's part, a page multiple.
    size_t layout_module(uint32_t page_size, size_t* core_size);
    // Whether a section belongs to the init part (its name starts with ".init").
    static bool is_init_section(const RelSection& section);

    // Copies PROGBITS (any non-NOBITS) allocated sections into `memory` (layout() bytes)
    // and zeroes NOBITS ones and the padding between sections.
    void copy_sections(void* memory) const;

    // Resolves every undefined symbol once with `resolve(name, context)` (0 = unknown; an
    // undefined weak symbol may stay 0) and applies every relocation for code that will run
    // at `load_address`, written through `memory` (filled by copy_sections). Returns 0;
    // rel_enoent with `*bad_symbol` = the unknown name; or rel_enoexec with `reason` for an
    // unsupported relocation, a relocation outside its section, a symbol in a section that
    // is not loaded, or a SHN_COMMON symbol (also named in `*bad_symbol`). Any out-pointer
    // may be null. `reason` may point into this object (it names the relocation type), valid
    // until the next parse() or relocate(). On failure `memory` may be partly relocated.
    using Resolver = uint32_t (*)(const char* name, void* context);
    int relocate(void* memory, uint32_t load_address, Resolver resolve, void* context, const char** reason,
        const char** bad_symbol);

    // The load address of a defined symbol (a global one if there are several), e.g.
    // init_module; false when absent or not in a loaded section.
    bool find_symbol(const char* name, uint32_t load_address, uint32_t& address) const;

    // A section by name ("__ksymtab", "__param", ".modinfo", ".gnu.linkonce.this_module").
    const RelSection* find_section(const char* name) const;

    // The section the loader reads by `name` (.modinfo, __ksymtab, __param,
    // .gnu.linkonce.this_module) when it is usable: one of that name at most, with
    // contents in the file (not SHT_NOBITS), loaded if `must_load`, and a whole number
    // of `entry_size`-byte entries (1: any size). Returns 0 with `*found` (nullptr when
    // there is none) or rel_enoexec with `reason` ("has no contents (SHT_NOBITS)", ...).
    int find_contents(const char* name, uint32_t entry_size, bool must_load, const RelSection** found,
        const char** reason) const;

    // The loaded section holding the `size` bytes at `address` once the block sits at
    // `load_address` (size 0: the byte at `address`); nullptr when no single one does.
    // For checking the pointers a module's tables hold after relocation.
    const RelSection* section_at(uint32_t load_address, uint32_t address, uint32_t size) const;

    // Section contents in the file (for .modinfo before loading); nullptr for NOBITS.
    const void* section_data(const RelSection& section) const;

    size_t section_count() const { return m_section_count; }
    const RelSection& section(size_t index) const { return m_sections[index]; }

    // Each defined global (or weak) symbol with its load address, for listing exports.
    void for_each_defined_global(uint32_t load_address, void (*visit)(const char* name, uint32_t address, void* context),
        void* context) const;

    // Each defined function (STT_FUNC, local or global) in a loaded section with its load
    // address and size: the module's part of kallsyms, for oops backtraces.
    void for_each_function(uint32_t load_address,
        void (*visit)(const char* name, uint32_t address, uint32_t size, void* context), void* context) const;

    // Each defined function and data object (STT_FUNC, STT_OBJECT) in a loaded section,
    // with its load address, size and nm's type letter: 't' code, 'r' read-only data,
    // 'd' data, 'b' zeroed data (NOBITS), upper case when global or weak. The module's
    // part of /proc/kallsyms and kallsyms_lookup_name.
    void for_each_kallsym(uint32_t load_address,
        void (*visit)(const char* name, uint32_t address, uint32_t size, char type, void* context),
        void* context) const;

private:
    struct Symbol {
        const char* name;
        uint32_t value;
        uint32_t size;
        uint8_t info;
        uint16_t shndx;
    };

    void reset();
    int parse_image(const void* image, size_t size, const char** reason);
    Symbol symbol(uint32_t index) const;
    bool symbol_in_loaded_section(const Symbol& symbol) const;
    uint32_t defined_address(const Symbol& symbol, uint32_t load_address) const;
    int check_section(size_t index, const char** reason);
    int check_symbols(const char** reason);
    int check_relocations(const RelSection& rel, const char** reason) const;
    int apply(const RelSection& rel, uint8_t* memory, uint32_t load_address, const char** reason, const char** bad_symbol);
    bool lookup_resolved(uint32_t symbol_index, uint32_t& value) const;
    static int fail(const char** reason, const char* why);

    const uint8_t* m_image { nullptr };
    size_t m_size { 0 };
    RelSection m_sections[rel_max_sections] {};
    size_t m_section_count { 0 };
    size_t m_symtab_index { 0 }; // 0 = none
    uint32_t m_symbol_count { 0 };
    uint32_t m_layout_size { 0 };
    uint32_t m_layout_align { 1 };
    // Values of the undefined symbols, filled by relocate() (indices ascending).
    uint32_t m_resolved_index[rel_max_undefined] {};
    uint32_t m_resolved_value[rel_max_undefined] {};
    size_t m_resolved_count { 0 };
    char m_reason[80] {};       // formatted reasons (the relocation type's name and number)
};

} // namespace libk
