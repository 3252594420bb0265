// Validation of an ELF32 i386 executable's header and program headers before execve maps it:
// only static ET_EXEC images that kernlab can load are accepted.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace libk {

// ENOEXEC from <uapi/asm-generic/errno-base.h>; libk cannot include the uapi headers,
// and a macro named ENOEXEC would clash with the host's <errno.h> in the tests.
constexpr int elf_enoexec = 8;

// Program-header constants from the ELF specification (and the GNU extensions we tolerate).
constexpr uint32_t elf_pt_null = 0;
constexpr uint32_t elf_pt_load = 1;
constexpr uint32_t elf_pt_dynamic = 2;
constexpr uint32_t elf_pt_interp = 3;
constexpr uint32_t elf_pt_note = 4;
constexpr uint32_t elf_pt_phdr = 6;
constexpr uint32_t elf_pt_tls = 7;
constexpr uint32_t elf_pt_gnu_stack = 0x6474e551;
constexpr uint32_t elf_pt_gnu_relro = 0x6474e552;

constexpr uint32_t elf_pf_x = 1;
constexpr uint32_t elf_pf_w = 2;
constexpr uint32_t elf_pf_r = 4;

constexpr size_t elf_header_size = 52;   // sizeof(Elf32_Ehdr)
constexpr size_t elf_phdr_size = 32;     // sizeof(Elf32_Phdr), also AT_PHENT
constexpr size_t elf_max_phnum = 64;
constexpr size_t elf_max_segments = 16;
constexpr uint32_t elf_page_size = 4096;

// One PT_LOAD: map file bytes [offset, offset + filesz) at vaddr, zero up to vaddr + memsz.
struct ElfSegment {
    uint32_t vaddr;
    uint32_t memsz;
    uint32_t offset;
    uint32_t filesz;
    uint32_t flags;  // elf_pf_x | elf_pf_w | elf_pf_r
};

struct ElfExecutable {
    uint32_t entry;
    // Where the program headers are in memory (AT_PHDR): PT_PHDR's vaddr, or computed from
    // the PT_LOAD whose file bytes contain them; 0 when neither exists (as in Linux).
    uint32_t phdr_vaddr;
    uint16_t phnum;
    uint16_t phentsize;
    ElfSegment segments[elf_max_segments];
    size_t segment_count;  // PT_LOAD segments only, in file (= address) order
};

// `header` holds the first `header_size` bytes of the file (the kernel reads one page);
// the program headers must lie inside it. `file_size` bounds the segments' file bytes and
// `user_limit` (0xC0000000 for kernlab) their addresses.
//
// Returns 0, or elf_enoexec with a short `reason` for the kernel log (`reason` may be null).
// Accepted segments are sorted and their byte ranges do not overlap, but two neighbours may
// share a page (text ending mid-page, data starting in that page): the loader must then
// copy each segment's own bytes into the shared page, zero only [vaddr + filesz, vaddr + memsz)
// rather than to the page end, and give the page the union of both segments' permissions.
int parse_elf_executable(const void* header, size_t header_size, uint64_t file_size, uint32_t user_limit,
    ElfExecutable& out, const char** reason);

} // namespace libk
