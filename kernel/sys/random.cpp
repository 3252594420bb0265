// getrandom(2) and the kernel's random bytes: xorshift128+ seeded from the
// TSC at first use and stirred with it on every call. Not cryptographic:
// there is no entropy pool (QEMU offers no RDRAND on the default CPU).
#include <arch/x86.h>
#include <kernel/random.h>
#include <kernel/spinlock.h>
#include <kernel/uaccess.h>
#include <libk/string.h>
#include <linux/errno.h>

namespace {

constinit uint64_t state[2] = { 0, 0 };
constinit SpinLock random_lock;

uint64_t next()
{
    uint64_t s1 = state[0];
    const uint64_t s0 = state[1];
    state[0] = s0;
    s1 ^= s1 << 23;
    state[1] = s1 ^ s0 ^ (s1 >> 17) ^ (s0 >> 26);
    return state[1] + s0;
}

} // namespace

void get_random_bytes(void* buffer, size_t length)
{
    SpinLockGuard guard(random_lock);
    uint64_t tsc = arch::rdtsc();
    if (state[0] == 0 && state[1] == 0)
        state[1] = 0x9E3779B97F4A7C15ull;
    state[0] ^= tsc * 0xBF58476D1CE4E5B9ull;
    auto* out = static_cast<uint8_t*>(buffer);
    while (length) {
        uint64_t value = next();
        size_t n = length < sizeof(value) ? length : sizeof(value);
        libk::memcpy(out, &value, n);
        out += n;
        length -= n;
    }
}

extern "C" long sys_getrandom(char __user* buffer, size_t count, unsigned int flags)
{
    if (flags & ~0x7u)
        return -EINVAL;
    char chunk[256];
    size_t done = 0;
    while (done < count) {
        size_t n = count - done < sizeof(chunk) ? count - done : sizeof(chunk);
        get_random_bytes(chunk, n);
        if (copy_to_user(buffer + done, chunk, n))
            return done ? static_cast<long>(done) : -EFAULT;
        done += n;
    }
    return static_cast<long>(done);
}
