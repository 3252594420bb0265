// parse_elf_executable (libk/elf.cpp) as execve uses it: the input is a whole
// file, the parser sees its first page, and each accepted PT_LOAD is copied page
// by page the way kernel/process/exec.cpp loads it.
#include "fuzz.h"
#include <libk/elf.h>
#include <vector>

namespace {

constexpr uint32_t task_size = 0xC0000000;   // TASK_SIZE: user space ends here

// exec.cpp's copy loop (file bytes, a page at a time) and its zeroing bounds, in
// the 32-bit arithmetic of the kernel.
void load_segment(const libk::ElfSegment& s, const uint8_t* file, size_t file_size)
{
    FUZZ_CHECK(s.filesz <= s.memsz);
    FUZZ_CHECK(static_cast<uint64_t>(s.vaddr) + s.memsz <= task_size);
    FUZZ_CHECK(s.vaddr % libk::elf_page_size == s.offset % libk::elf_page_size);
    uint32_t copied = 0;
    while (copied < s.filesz) {
        uint32_t address = s.vaddr + copied;
        uint32_t chunk = libk::elf_page_size - address % libk::elf_page_size;
        if (chunk > s.filesz - copied)
            chunk = s.filesz - copied;
        uint64_t position = static_cast<uint64_t>(s.offset) + copied;
        FUZZ_CHECK(position + chunk <= file_size);
        touch(file + position, chunk);
        copied += chunk;
    }
    uint32_t bss_start = s.vaddr + s.filesz, end = s.vaddr + s.memsz;
    FUZZ_CHECK(bss_start <= end);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // The kernel reads one page into a buffer of its own; so does this.
    std::vector<uint8_t> header(data, data + (size < libk::elf_page_size ? size : libk::elf_page_size));
    libk::ElfExecutable elf;
    const char* reason = nullptr;
    if (libk::parse_elf_executable(header.data(), header.size(), size, task_size, elf, &reason) != 0) {
        FUZZ_CHECK(reason != nullptr);
        return 0;
    }
    FUZZ_CHECK(elf.segment_count >= 1 && elf.segment_count <= libk::elf_max_segments);
    FUZZ_CHECK(elf.phnum >= 1 && elf.phnum <= libk::elf_max_phnum && elf.phentsize == libk::elf_phdr_size);
    bool entry_ok = false;
    for (size_t i = 0; i < elf.segment_count; ++i) {
        const libk::ElfSegment& s = elf.segments[i];
        load_segment(s, data, size);
        if (i > 0) {
            const libk::ElfSegment& previous = elf.segments[i - 1];
            FUZZ_CHECK(s.vaddr >= static_cast<uint64_t>(previous.vaddr) + previous.memsz);
        }
        if ((s.flags & libk::elf_pf_x) && elf.entry >= s.vaddr && elf.entry - s.vaddr < s.memsz)
            entry_ok = true;
    }
    FUZZ_CHECK(entry_ok);
    return 0;
}
