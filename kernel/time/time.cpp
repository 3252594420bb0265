// Time keeping: the PIT interrupts HZ times a second (jiffies, the scheduler
// tick); the TSC, calibrated against the PIT at boot, gives nanoseconds.
#include <arch/ptrace.h>
#include <arch/x86.h>
#include <kernel/irq.h>
#include <kernel/loadavg.h>
#include <kernel/panic.h>
#include <kernel/sched.h>
#include <kernel/time.h>
#include <kernel/timer.h>
#include <kernel/watchdog.h>
#include <linux/printk.h>

volatile unsigned long jiffies = 0;
volatile uint64_t jiffies_64 = 0;

namespace {

constexpr uint32_t pit_frequency = 1193182;
constexpr uint16_t pit_channel0 = 0x40, pit_channel2 = 0x42, pit_command = 0x43;
constexpr uint16_t port_b = 0x61;   // gate of PIT channel 2 and its output bit

constinit uint32_t measured_tsc_khz = 0;
constinit uint64_t tsc_at_boot = 0;   // kernel entry (time_mark_boot)

// Measures the TSC against a one-shot of PIT channel 2 (polled, so it works
// before interrupts are on). Under QEMU the host may stop the CPU thread in
// the middle of a window: right after the count starts (the window looks
// short) or before its end is seen (it looks long). The median of several
// windows is the true rate.
uint32_t calibrate_tsc_khz()
{
    constexpr uint32_t window_us = 2000, windows = 5;
    constexpr uint32_t latch = pit_frequency / (1000000 / window_us);
    uint64_t measured[windows];
    for (uint32_t i = 0; i < windows; ++i) {
        arch::outb(port_b, (arch::inb(port_b) & ~0x02) | 0x01);   // gate on, speaker off
        arch::outb(pit_command, 0xB0);                              // channel 2, lo/hi, mode 0
        arch::outb(pit_channel2, latch & 0xFF);
        arch::outb(pit_channel2, latch >> 8);
        uint64_t start = arch::rdtsc();
        while (!(arch::inb(port_b) & 0x20)) { }
        uint64_t cycles = arch::rdtsc() - start;
        uint32_t at = i;   // insertion sort: five numbers
        for (; at > 0 && measured[at - 1] > cycles; --at)
            measured[at] = measured[at - 1];
        measured[at] = cycles;
    }
    // The window is latch PIT periods long, not exactly window_us.
    return static_cast<uint32_t>(measured[windows / 2] * pit_frequency / (latch * 1000ull));
}

// How many ticks this interrupt stands for. The host may hold QEMU's CPU back
// longer than a tick, and the PIT's interrupts in the meantime are lost; as
// Linux's tick_do_update_jiffies64 does, the clock says how many ticks passed,
// so jiffies, time-outs and sleeps keep up with the monotonic clock.
unsigned long ticks_elapsed()
{
    if (measured_tsc_khz == 0)
        return 1;
    uint64_t due = local_clock() / (1000000000ull / HZ);
    return due > jiffies_64 ? static_cast<unsigned long>(due - jiffies_64) : 0;
}

irqreturn_t timer_interrupt(int, void*)
{
    unsigned long ticks = ticks_elapsed();
    jiffies_64 = jiffies_64 + ticks;
    jiffies = jiffies + ticks;
    run_local_timers();   // tasklets and kernel timers that are due
    scheduler_tick(current_irq_regs && user_mode(current_irq_regs));
    calc_global_load();   // the load average, every 5 s
    watchdog_timer_tick(current_irq_regs);   // a task stuck in ring 0 (soft lockup)
    return IRQ_HANDLED;
}

} // namespace

void time_mark_boot()
{
    tsc_at_boot = arch::rdtsc();
}

void time_init()
{
    measured_tsc_khz = calibrate_tsc_khz();

    constexpr uint32_t divisor = (pit_frequency + HZ / 2) / HZ;
    arch::outb(pit_command, 0x34);   // channel 0, lo/hi, mode 2 (rate generator)
    arch::outb(pit_channel0, divisor & 0xFF);
    arch::outb(pit_channel0, divisor >> 8);
    if (request_irq(0, timer_interrupt, 0, "timer", nullptr) != 0)
        panic("time_init: cannot get IRQ 0");
    pr_info("tsc: Detected %u.%03u MHz processor\n", measured_tsc_khz / 1000, measured_tsc_khz % 1000);
    pr_info("clocksource: PIT at %u Hz, HZ=%u\n", pit_frequency, HZ);
}

uint64_t local_clock()
{
    if (measured_tsc_khz == 0)
        return jiffies_64 * (1000000000ull / HZ);
    // Split the division so cycles * 10^6 cannot overflow.
    uint64_t cycles = arch::rdtsc() - tsc_at_boot;
    uint64_t ms = cycles / measured_tsc_khz;
    uint64_t rest = cycles % measured_tsc_khz;
    return ms * 1000000ull + rest * 1000000ull / measured_tsc_khz;
}

void udelay(unsigned long microseconds)
{
    if (measured_tsc_khz == 0) {
        for (unsigned long i = 0; i < microseconds; ++i)
            arch::io_wait();   // about a microsecond each
        return;
    }
    uint64_t end = arch::rdtsc() + static_cast<uint64_t>(microseconds) * measured_tsc_khz / 1000;
    while (arch::rdtsc() < end)
        asm volatile("pause");
}

void mdelay(unsigned long milliseconds)
{
    while (milliseconds--)
        udelay(1000);
}
