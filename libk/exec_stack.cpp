// Builds the initial user stack in the order of Linux's execve: the strings first (copy_strings
// in fs/exec.c), then the tables below them (create_elf_tables in fs/binfmt_elf.c).
#include <libk/exec_stack.h>
#include <libk/string.h>

namespace libk {

namespace {

constexpr char platform[] = "i686";  // ELF_PLATFORM on i386 for any CPU from the Pentium Pro on

// Allocates downwards in the user address range [bottom, top) that `buffer` stands for.
// Every allocation is checked, so no sum of lengths can overflow and nothing lands outside.
class StackWriter {
public:
    StackWriter(uint8_t* buffer, uint32_t bottom, uint32_t top)
        : m_buffer(buffer)
        , m_bottom(bottom)
        , m_p(top)
    {
    }

    uint32_t p() const { return m_p; }

    bool push(size_t bytes)
    {
        if (bytes > m_p - m_bottom)
            return false;
        m_p -= static_cast<uint32_t>(bytes);
        return true;
    }

    // Moves down to a multiple of `alignment` (a power of two), zeroing the gap so no stale
    // kernel bytes reach user space.
    bool align_down(uint32_t alignment)
    {
        uint32_t aligned = m_p & ~(alignment - 1);
        if (aligned < m_bottom)
            return false;
        memset(at(aligned), 0, m_p - aligned);
        m_p = aligned;
        return true;
    }

    bool push_bytes(const void* data, size_t bytes)
    {
        if (!push(bytes))
            return false;
        memcpy(at(m_p), data, bytes);
        return true;
    }

    bool push_string(const char* s) { return push_bytes(s, strlen(s) + 1); }

    uint8_t* at(uint32_t address) const { return m_buffer + (address - m_bottom); }

    // Little-endian byte stores: the buffer need not be aligned on the host.
    void store_u32(uint32_t address, uint32_t value) const
    {
        uint8_t* b = at(address);
        b[0] = static_cast<uint8_t>(value);
        b[1] = static_cast<uint8_t>(value >> 8);
        b[2] = static_cast<uint8_t>(value >> 16);
        b[3] = static_cast<uint8_t>(value >> 24);
    }

private:
    uint8_t* m_buffer;
    uint32_t m_bottom;
    uint32_t m_p;
};

const char* string_or_empty(const char* s) { return s ? s : ""; }

} // namespace

int build_exec_stack(const ExecStackInput& input, uint8_t* buffer, size_t size, uint32_t top, ExecStackLayout& out)
{
    out = {};
    // Addresses below 0 do not exist; ignore that part of an oversized buffer.
    if (size > top) {
        buffer += size - top;
        size = top;
    }
    StackWriter stack(buffer, static_cast<uint32_t>(top - size), top);

    // Linux leaves one NULL pointer at the very top (__bprm_mm_init: vm_end - sizeof(void*)).
    uint32_t zero = 0;
    if (!stack.push_bytes(&zero, sizeof(zero)))
        return exec_stack_e2big;

    // The strings, last first, so that argv[0] ends up lowest and each block is contiguous.
    if (!stack.push_string(string_or_empty(input.execfn)))
        return exec_stack_e2big;
    uint32_t execfn = stack.p();
    out.env_end = execfn;
    for (size_t i = input.envc; i-- > 0;)
        if (!stack.push_string(string_or_empty(input.envp[i])))
            return exec_stack_e2big;
    out.env_start = stack.p();
    out.arg_end = out.env_start;
    for (size_t i = input.argc; i-- > 0;)
        if (!stack.push_string(string_or_empty(input.argv[i])))
            return exec_stack_e2big;
    out.arg_start = stack.p();

    // create_elf_tables: arch_align_stack (16 bytes; kernlab adds no random offset), then the
    // platform string and the AT_RANDOM bytes, neither aligned further.
    if (!stack.align_down(16))
        return exec_stack_e2big;
    if (!stack.push_bytes(platform, sizeof(platform)))
        return exec_stack_e2big;
    uint32_t platform_address = stack.p();
    uint8_t no_random[16] = {};
    if (!stack.push_bytes(input.random16 ? input.random16 : no_random, 16))
        return exec_stack_e2big;
    uint32_t random_address = stack.p();

    // argc, argv[] + NULL, envp[] + NULL, auxv: Linux rounds the start of this block down to
    // 16 bytes (STACK_ROUND), so any padding lies between the auxv and the random bytes.
    if (input.argc > size / 4 || input.envc > size / 4)
        return exec_stack_e2big;
    size_t words = 1 + (input.argc + 1) + (input.envc + 1) + 2 * exec_stack_auxv_entries;
    if (!stack.push(words * 4) || !stack.align_down(16))
        return exec_stack_e2big;
    uint32_t sp = stack.p();
    memset(stack.at(sp + words * 4), 0, random_address - (sp + words * 4));

    uint32_t w = sp;
    auto put = [&](uint32_t value) {
        stack.store_u32(w, value);
        w += 4;
    };
    put(static_cast<uint32_t>(input.argc));
    uint32_t string = out.arg_start;
    for (size_t i = 0; i < input.argc; ++i) {
        put(string);
        string += static_cast<uint32_t>(strlen(string_or_empty(input.argv[i])) + 1);
    }
    put(0);
    for (size_t i = 0; i < input.envc; ++i) {
        put(string);
        string += static_cast<uint32_t>(strlen(string_or_empty(input.envp[i])) + 1);
    }
    put(0);

    // create_elf_tables order (after ARCH_DLINFO, which kernlab leaves out: no vDSO).
    const uint32_t auxv[exec_stack_auxv_entries][2] = {
        { at_hwcap, input.hwcap },
        { at_pagesz, input.pagesz },
        { at_clktck, input.clktck },
        { at_phdr, input.phdr },
        { at_phent, input.phent },
        { at_phnum, input.phnum },
        { at_base, input.base },
        { at_flags, input.flags },
        { at_entry, input.entry },
        { at_uid, input.uid },
        { at_euid, input.euid },
        { at_gid, input.gid },
        { at_egid, input.egid },
        { at_secure, input.secure },
        { at_random, random_address },
        { at_execfn, execfn },
        { at_platform, platform_address },
        { at_null, 0 },
    };
    for (const auto& entry : auxv) {
        put(entry[0]);
        put(entry[1]);
    }

    out.sp = sp;
    out.bytes_used = top - sp;
    return 0;
}

} // namespace libk
