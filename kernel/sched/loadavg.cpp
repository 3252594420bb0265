// The load average, as Linux computes it: every 5 seconds, the number of
// runnable and uninterruptible tasks is folded into three exponentially
// decaying averages (1, 5 and 15 minutes) in 11-bit fixed point.
#include <kernel/loadavg.h>
#include <kernel/sched.h>
#include <kernel/time.h>

unsigned long avenrun[3] = { 0, 0, 0 };

namespace {

constexpr unsigned long fixed_1 = 1ul << FSHIFT;
constexpr unsigned long load_freq = 5 * HZ + 1;   // Linux's LOAD_FREQ: 5 s and a tick
// exp(-5 s / 1 min), exp(-5/5 min), exp(-5/15 min) in fixed point (Linux's EXP_1, EXP_5, EXP_15).
constexpr unsigned long exp_factors[3] = { 1884, 2014, 2037 };

constinit unsigned long next_sample = load_freq;

unsigned long decay(unsigned long load, unsigned long factor, unsigned long active)
{
    unsigned long next = load * factor + active * (fixed_1 - factor);
    if (active >= load)
        next += fixed_1 - 1;   // round up while rising, as Linux does
    return next / fixed_1;
}

void count_active(Task* task, void* context)
{
    if (is_idle_task(task))
        return;
    if (task->state == TaskState::Running || task->state == TaskState::Uninterruptible)
        ++*static_cast<unsigned long*>(context);
}

} // namespace

void calc_global_load()
{
    if (time_after(next_sample, jiffies))
        return;
    next_sample += load_freq;
    unsigned long active = 0;
    for_each_task(count_active, &active);
    active *= fixed_1;
    for (int i = 0; i < 3; ++i)
        avenrun[i] = decay(avenrun[i], exp_factors[i], active);
}
