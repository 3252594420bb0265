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
#include <linux/printk.h>

volatile unsigned long jiffies = 0;
volatile uint64_t jiffies_64 = 0;

namespace {

constexpr uint32_t pit_frequency = 1193182;
constexpr uint16_t pit_channel0 = 0x40, pit_channel2 = 0x42, pit_command = 0x43;
constexpr uint16_t port_b = 0x61;   // gate of PIT channel 2 and its output bit

constinit uint32_t measured_tsc_khz = 0;
constinit uint64_t tsc_at_boot = 0;

// Measures the TSC against a 10 ms one-shot of PIT channel 2 (polled, so it
// works before interrupts are on).
uint32_t calibrate_tsc_khz()
{
    constexpr uint32_t calibration_ms = 10;
    constexpr uint32_t latch = pit_frequency * calibration_ms / 1000;
    arch::outb(port_b, (arch::inb(port_b) & ~0x02) | 0x01);   // gate on, speaker off
    arch::outb(pit_command, 0xB0);                              // channel 2, lo/hi, mode 0
    arch::outb(pit_channel2, latch & 0xFF);
    arch::outb(pit_channel2, latch >> 8);
    uint64_t start = arch::rdtsc();
    while (!(arch::inb(port_b) & 0x20)) { }
    uint64_t end = arch::rdtsc();
    return static_cast<uint32_t>((end - start) / calibration_ms);
}

irqreturn_t timer_interrupt(int, void*)
{
    jiffies_64 = jiffies_64 + 1;
    jiffies = jiffies + 1;
    run_local_timers();   // tasklets and kernel timers that are due
    scheduler_tick(current_irq_regs && user_mode(current_irq_regs));
    calc_global_load();   // the load average, every 5 s
    return IRQ_HANDLED;
}

} // namespace

void time_init()
{
    measured_tsc_khz = calibrate_tsc_khz();
    tsc_at_boot = arch::rdtsc();

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
