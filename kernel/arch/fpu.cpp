// The x87/SSE state of user tasks: the kernel itself never touches it (built
// with -mgeneral-regs-only), so it is saved and restored only at task switches.
#include <arch/fpu.h>
#include <arch/x86.h>
#include <kernel/mm.h>
#include <libk/string.h>

namespace {

constinit bool has_fxsr = false;
alignas(16) constinit uint8_t initial_state[fpu_state_size] = {};

void cpuid(uint32_t leaf, uint32_t& a, uint32_t& b, uint32_t& c, uint32_t& d)
{
    asm volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(leaf), "c"(0));
}

void save(void* area)
{
    if (has_fxsr)
        asm volatile("fxsave (%0)" : : "r"(area) : "memory");
    else
        asm volatile("fnsave (%0); fwait" : : "r"(area) : "memory");
}

void restore(const void* area)
{
    if (has_fxsr)
        asm volatile("fxrstor (%0)" : : "r"(area) : "memory");
    else
        asm volatile("frstor (%0)" : : "r"(area) : "memory");
}

} // namespace

void fpu_init()
{
    uint32_t a, b, c, d;
    cpuid(1, a, b, c, d);
    has_fxsr = d & (1u << 24);
    uint32_t cr0 = arch::read_cr0();
    cr0 &= ~((1u << 2) | (1u << 3));   // EM off (a real FPU), TS off (no lazy switching)
    cr0 |= (1u << 1) | (1u << 5);      // MP, NE: FPU errors as exceptions
    asm volatile("mov %0, %%cr0" : : "r"(cr0));
    if (has_fxsr) {
        uint32_t cr4 = arch::read_cr4();
        cr4 |= (1u << 9);                   // OSFXSR: fxsave/fxrstor and SSE for user space
        if (d & (1u << 25))
            cr4 |= (1u << 10);              // OSXMMEXCPT: SSE exceptions as #XM
        arch::write_cr4(cr4);
    }
    asm volatile("fninit");
    save(initial_state);   // the state every new program starts with
}

uint32_t cpu_hwcap()
{
    uint32_t a, b, c, d;
    cpuid(1, a, b, c, d);
    return d;
}

void* fpu_state_alloc(const void* copy_from)
{
    void* area = kmalloc(fpu_state_size, GFP_KERNEL);
    if (area)
        libk::memcpy(area, copy_from ? copy_from : initial_state, fpu_state_size);
    return area;
}

const void* fpu_state_alloc_template()
{
    return initial_state;
}

void fpu_switch(void* prev_state, const void* next_state)
{
    if (prev_state)
        save(prev_state);
    if (next_state)
        restore(next_state);
}

void fpu_save_current(void* area)
{
    save(area);
}
