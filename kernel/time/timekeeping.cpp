// CLOCK_REALTIME: the CMOS clock read at boot, carried forward by the
// nanosecond boot clock so seconds and nanoseconds agree, and moved by
// clock_settime/settimeofday (Linux's timekeeping offs_real).
#include <kernel/spinlock.h>
#include <kernel/time.h>
#include <kernel/vfs.h>

namespace {

constinit SpinLock realtime_lock;
constinit int64_t real_offset_ns = 0;   // realtime = local_clock() + offset
constinit bool real_offset_set = false;

} // namespace

int64_t ktime_get_real_ns()
{
    SpinLockGuard guard(realtime_lock);
    int64_t now = static_cast<int64_t>(local_clock());
    if (!real_offset_set) {
        real_offset_ns = static_cast<int64_t>(ktime_get_real_seconds()) * 1000000000ll - now;
        real_offset_set = true;
    }
    return now + real_offset_ns;
}

void do_settime_real_ns(int64_t ns)
{
    SpinLockGuard guard(realtime_lock);
    real_offset_ns = ns - static_cast<int64_t>(local_clock());
    real_offset_set = true;
}
