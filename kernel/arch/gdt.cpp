// The GDT and the TSS (one CPU, so one of each).
#include <arch/gdt.h>
#include <libk/string.h>

namespace {

struct [[gnu::packed]] TaskStateSegment {
    uint32_t link, esp0, ss0, esp1, ss1, esp2, ss2;
    uint32_t cr3, eip, eflags, eax, ecx, edx, ebx, esp, ebp, esi, edi;
    uint32_t es, cs, ss, ds, fs, gs, ldt;
    uint16_t trap, iomap_base;
};

struct [[gnu::packed]] DescriptorPointer {
    uint16_t limit;
    uint32_t base;
};

constexpr uint8_t access_present = 0x80;
constexpr uint8_t access_ring3 = 0x60;
constexpr uint8_t access_code_data = 0x10;
constexpr uint8_t access_executable = 0x08;
constexpr uint8_t access_read_write = 0x02;
constexpr uint8_t access_tss_available = 0x09;
constexpr uint8_t flags_4k_32bit = 0xC;

constinit uint64_t gdt[gdt_entries] alignas(8) = {};
constinit TaskStateSegment tss = {};

constexpr uint64_t make_descriptor(uint32_t base, uint32_t limit, uint8_t access, uint8_t flags)
{
    uint64_t d = limit & 0xFFFF;
    d |= static_cast<uint64_t>(base & 0xFFFFFF) << 16;
    d |= static_cast<uint64_t>(access) << 40;
    d |= static_cast<uint64_t>((limit >> 16) & 0xF) << 48;
    d |= static_cast<uint64_t>(flags & 0xF) << 52;
    d |= static_cast<uint64_t>(base >> 24) << 56;
    return d;
}

} // namespace

void gdt_init()
{
    constexpr uint8_t code = access_present | access_code_data | access_executable | access_read_write;
    constexpr uint8_t data = access_present | access_code_data | access_read_write;
    gdt[KERNEL_CS / 8] = make_descriptor(0, 0xFFFFF, code, flags_4k_32bit);
    gdt[KERNEL_DS / 8] = make_descriptor(0, 0xFFFFF, data, flags_4k_32bit);
    gdt[USER_CS / 8] = make_descriptor(0, 0xFFFFF, code | access_ring3, flags_4k_32bit);
    gdt[USER_DS / 8] = make_descriptor(0, 0xFFFFF, data | access_ring3, flags_4k_32bit);

    libk::memset(&tss, 0, sizeof(tss));
    tss.ss0 = KERNEL_DS;
    tss.iomap_base = sizeof(tss);   // no I/O permission bitmap: ring 3 gets no ports
    gdt[TSS_SELECTOR / 8] = make_descriptor(reinterpret_cast<uint32_t>(&tss), sizeof(tss) - 1,
        access_present | access_tss_available, 0);

    DescriptorPointer pointer { sizeof(gdt) - 1, reinterpret_cast<uint32_t>(gdt) };
    asm volatile(
        "lgdt %0\n"
        "ljmp %1, $1f\n"
        "1:\n"
        "mov %2, %%ds\n"
        "mov %2, %%es\n"
        "mov %2, %%ss\n"
        "mov %3, %%fs\n"
        "mov %3, %%gs\n"
        :
        : "m"(pointer), "i"(KERNEL_CS), "r"(static_cast<uint32_t>(KERNEL_DS)), "r"(0u)
        : "memory");
    asm volatile("ltr %0" : : "r"(TSS_SELECTOR));
}

void gdt_load_tls(const uint32_t tls[gdt_entry_tls_entries][2])
{
    for (unsigned i = 0; i < gdt_entry_tls_entries; ++i)
        gdt[gdt_entry_tls_min + i] = (static_cast<uint64_t>(tls[i][1]) << 32) | tls[i][0];
}

void tss_set_kernel_stack(uint32_t esp0)
{
    tss.esp0 = esp0;
}
