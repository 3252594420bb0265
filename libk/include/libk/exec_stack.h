// The initial user stack of a new program (argc, argv, envp, auxiliary vector and the strings
// they point to), laid out exactly as Linux i386's execve does, so static Linux binaries start.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace libk {

// E2BIG from <uapi/asm-generic/errno-base.h> (see elf_enoexec for why it is not the macro).
constexpr int exec_stack_e2big = 7;

// Auxiliary vector entry types (<uapi/linux/auxvec.h>).
constexpr uint32_t at_null = 0;
constexpr uint32_t at_phdr = 3;
constexpr uint32_t at_phent = 4;
constexpr uint32_t at_phnum = 5;
constexpr uint32_t at_pagesz = 6;
constexpr uint32_t at_base = 7;
constexpr uint32_t at_flags = 8;
constexpr uint32_t at_entry = 9;
constexpr uint32_t at_uid = 11;
constexpr uint32_t at_euid = 12;
constexpr uint32_t at_gid = 13;
constexpr uint32_t at_egid = 14;
constexpr uint32_t at_platform = 15;
constexpr uint32_t at_hwcap = 16;
constexpr uint32_t at_clktck = 17;
constexpr uint32_t at_secure = 23;
constexpr uint32_t at_random = 25;
constexpr uint32_t at_execfn = 31;

// Number of (type, value) pairs build_exec_stack writes, AT_NULL included.
constexpr size_t exec_stack_auxv_entries = 18;

struct ExecStackInput {
    const char* const* argv;  // kernel copies of the strings; may be null when argc == 0
    size_t argc;
    const char* const* envp;  // may be null when envc == 0
    size_t envc;
    const char* execfn;       // the path given to execve (AT_EXECFN)
    const uint8_t* random16;  // 16 bytes for AT_RANDOM
    uint32_t hwcap, pagesz, clktck, phdr, phent, phnum, base, flags, entry, uid, euid, gid, egid, secure;
};

struct ExecStackLayout {
    uint32_t sp;  // user address of argc: the initial %esp, 16-byte aligned
    // User addresses of the argument and environment strings, [start, end), as Linux keeps
    // them in mm->arg_start... for /proc/<pid>/cmdline and /proc/<pid>/environ.
    uint32_t arg_start, arg_end, env_start, env_end;
    size_t bytes_used;  // from sp to top
};

// Builds the image in `buffer`, which stands for the user addresses [top - size, top);
// `top` should be 16-byte aligned. From the top down:
//   NULL word | execfn | env strings | arg strings (argv[0] lowest) | (align 16) | "i686" |
//   16 random bytes | (padding so sp is 16-aligned) | auxv ... AT_NULL | NULL | envp[] |
//   NULL | argv[] | argc  <- sp
// The auxiliary vector follows Linux's create_elf_tables order, without the vDSO entries
// (AT_SYSINFO, AT_SYSINFO_EHDR), AT_MINSIGSTKSZ, AT_HWCAP2 and the rseq entries.
// Only bytes in [sp, top) are written. Returns 0, or exec_stack_e2big when it does not fit.
int build_exec_stack(const ExecStackInput& input, uint8_t* buffer, size_t size, uint32_t top, ExecStackLayout& out);

} // namespace libk
