// /proc/interrupts: interrupts taken per IRQ line, in Linux's layout for a
// uniprocessor PC whose lines all go through the 8259 PIC ("XT-PIC").
#include "internal.h"
#include <kernel/initcall.h>
#include <kernel/irq.h>

namespace {

void show_interrupts(ProcBuffer& out, Task*, void*)
{
    out.printf("%*sCPU%-8d\n", 11, "", 0);   // Linux: the width of "NNN: " + 8, then CPU%-8d
    for (unsigned irq = 0; irq < nr_irqs; ++irq) {
        char names[128];
        const char* name = irq_names(irq, names, sizeof(names)) ? names : nullptr;
        if (!name && irq == 2)
            name = "cascade";   // the slave PIC hangs off line 2; Linux lists it so
        if (!name)
            continue;   // lines without a handler are left out, as Linux does
        out.printf("%3u: %10llu   XT-PIC  %s\n", irq, static_cast<unsigned long long>(irq_count(irq)), name);
    }
    // The architecture's own counters (no NMI or APIC sources here).
    out.printf("NMI: %10u   Non-maskable interrupts\n", 0u);
    out.printf("ERR: %10u\n", 0u);
}

int proc_interrupts_init()
{
    proc_create_show("interrupts", 0444, nullptr, show_interrupts, nullptr);
    return 0;
}

} // namespace

fs_initcall(proc_interrupts_init);
