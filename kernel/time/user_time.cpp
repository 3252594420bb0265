// The timespec conversions at the system call edge (see kernel/user_time.h).
#include <kernel/uaccess.h>
#include <kernel/user_time.h>
#include <linux/errno.h>

int get_timespec64(timespec64* ts, const __kernel_timespec __user* uts)
{
    __kernel_timespec value;
    if (copy_from_user(&value, uts, sizeof(value)))
        return -EFAULT;
    ts->tv_sec = value.tv_sec;
    ts->tv_nsec = static_cast<long>(value.tv_nsec);   // Linux drops the padding half on 32-bit
    return 0;
}

int put_timespec64(const timespec64* ts, __kernel_timespec __user* uts)
{
    __kernel_timespec value { ts->tv_sec, ts->tv_nsec };
    return copy_to_user(uts, &value, sizeof(value)) ? -EFAULT : 0;
}

int get_old_timespec32(timespec64* ts, const old_timespec32 __user* uts)
{
    old_timespec32 value;
    if (copy_from_user(&value, uts, sizeof(value)))
        return -EFAULT;
    ts->tv_sec = value.tv_sec;
    ts->tv_nsec = value.tv_nsec;
    return 0;
}

int put_old_timespec32(const timespec64* ts, old_timespec32 __user* uts)
{
    old_timespec32 value { static_cast<__s32>(ts->tv_sec), static_cast<__s32>(ts->tv_nsec) };
    return copy_to_user(uts, &value, sizeof(value)) ? -EFAULT : 0;
}
