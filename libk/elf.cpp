// ELF32 executable checks for execve: every field that later decides what gets mapped where
// is bounds- and overflow-checked here, because the file is untrusted user data.
#include <libk/elf.h>
#include <libk/elf_header.h>
#include <libk/little_endian.h>

namespace libk {

namespace {

// Elf32_Ehdr field offsets (ELF specification, "ELF Header").
constexpr size_t e_entry = 24;
constexpr size_t e_phoff = 28;
constexpr size_t e_phentsize = 42;
constexpr size_t e_phnum = 44;

// Elf32_Phdr field offsets.
constexpr size_t p_type = 0;
constexpr size_t p_offset = 4;
constexpr size_t p_vaddr = 8;
constexpr size_t p_filesz = 16;
constexpr size_t p_memsz = 20;
constexpr size_t p_flags = 24;

constexpr uint16_t et_exec = 2;

int reject(const char** reason, const char* why)
{
    if (reason)
        *reason = why;
    return elf_enoexec;
}

// Checks one PT_LOAD on its own; `why` gets the reason when it is unusable.
bool segment_is_valid(const ElfSegment& s, uint64_t file_size, uint32_t user_limit, const char*& why)
{
    if (s.filesz > s.memsz) {
        why = "segment filesz > memsz";
        return false;
    }
    // 64-bit sums cannot wrap for 32-bit operands.
    if (static_cast<uint64_t>(s.offset) + s.filesz > file_size) {
        why = "segment extends past end of file";
        return false;
    }
    uint64_t end = static_cast<uint64_t>(s.vaddr) + s.memsz;
    if (end > 0xFFFFFFFFull + 1) {
        why = "segment address range wraps";
        return false;
    }
    if (end > user_limit) {
        why = "segment reaches kernel space";
        return false;
    }
    // Pages are filled from the file page by page, so a byte's position within its page
    // must be the same in the file and in memory.
    if (s.vaddr % elf_page_size != s.offset % elf_page_size) {
        why = "segment vaddr and offset differ modulo page size";
        return false;
    }
    return true;
}

} // namespace

int parse_elf_executable(const void* header, size_t header_size, uint64_t file_size, uint32_t user_limit,
    ElfExecutable& out, const char** reason)
{
    out = {};
    if (reason)
        *reason = nullptr;

    const auto* bytes = static_cast<const uint8_t*>(header);
    if (file_size < elf_header_size)
        return reject(reason, "file too short for an ELF header");
    if (const char* why = check_elf32_i386_header(bytes, header_size, et_exec,
            "not ET_EXEC (only static executables are supported)"))
        return reject(reason, why);

    uint16_t phentsize = load_u16(bytes + e_phentsize);
    uint16_t phnum = load_u16(bytes + e_phnum);
    uint32_t phoff = load_u32(bytes + e_phoff);
    if (phentsize != elf_phdr_size)
        return reject(reason, "e_phentsize is not 32");
    if (phnum == 0 || phnum > elf_max_phnum)
        return reject(reason, "bad number of program headers");
    uint64_t phdrs_end = static_cast<uint64_t>(phoff) + static_cast<uint64_t>(phnum) * elf_phdr_size;
    if (phdrs_end > header_size || phdrs_end > file_size)
        return reject(reason, "program headers beyond the bytes read");

    out.entry = load_u32(bytes + e_entry);
    out.phnum = phnum;
    out.phentsize = phentsize;

    bool have_pt_phdr = false;
    for (size_t i = 0; i < phnum; ++i) {
        const uint8_t* ph = bytes + phoff + i * elf_phdr_size;
        uint32_t type = load_u32(ph + p_type);
        if (type == elf_pt_interp)
            return reject(reason, "needs a dynamic linker (PT_INTERP)");
        if (type == elf_pt_phdr) {
            have_pt_phdr = true;
            out.phdr_vaddr = load_u32(ph + p_vaddr);
            continue;
        }
        // PT_NOTE, PT_TLS, PT_GNU_STACK, PT_GNU_RELRO, ... need nothing from the loader:
        // TLS is set up by the static C library from AT_PHDR.
        if (type != elf_pt_load)
            continue;

        if (out.segment_count == elf_max_segments)
            return reject(reason, "too many PT_LOAD segments");
        ElfSegment s {
            .vaddr = load_u32(ph + p_vaddr),
            .memsz = load_u32(ph + p_memsz),
            .offset = load_u32(ph + p_offset),
            .filesz = load_u32(ph + p_filesz),
            .flags = load_u32(ph + p_flags),
        };
        const char* why = nullptr;
        if (!segment_is_valid(s, file_size, user_limit, why))
            return reject(reason, why);
        // The ELF specification requires PT_LOAD sorted by vaddr; sharing a page with the
        // previous segment is fine, sharing bytes is not.
        if (out.segment_count > 0) {
            const ElfSegment& prev = out.segments[out.segment_count - 1];
            if (s.vaddr < prev.vaddr + prev.memsz)
                return reject(reason, "segments unsorted or overlapping");
        }
        out.segments[out.segment_count++] = s;
    }

    if (out.segment_count == 0)
        return reject(reason, "no PT_LOAD segment");

    bool entry_ok = false;
    for (size_t i = 0; i < out.segment_count; ++i) {
        const ElfSegment& s = out.segments[i];
        if ((s.flags & elf_pf_x) && out.entry >= s.vaddr && out.entry - s.vaddr < s.memsz)
            entry_ok = true;
    }
    if (!entry_ok)
        return reject(reason, "entry point not in an executable segment");

    // Without PT_PHDR (static binaries from ld usually have none), find the headers through
    // the segment that loads them, as Linux's load_elf_binary does.
    if (!have_pt_phdr) {
        for (size_t i = 0; i < out.segment_count; ++i) {
            const ElfSegment& s = out.segments[i];
            if (phoff >= s.offset && phdrs_end <= static_cast<uint64_t>(s.offset) + s.filesz) {
                out.phdr_vaddr = s.vaddr + (phoff - s.offset);
                break;
            }
        }
    }
    return 0;
}

} // namespace libk
