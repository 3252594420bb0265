// System information: uname, sethostname, sysinfo, getrlimit.
#include <kernel/loadavg.h>
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <kernel/time.h>
#include <kernel/uaccess.h>
#include <kernel/version.h>
#include <libk/string.h>
#include <linux/errno.h>
#include <linux/resource.h>
#include <linux/sysinfo.h>
#include <linux/utsname.h>

namespace {
constinit char hostname[65] = "kernlab";
}

extern "C" long sys_newuname(struct new_utsname __user* name)
{
    struct new_utsname value {};
    libk::strlcpy(value.sysname, KERNLAB_SYSNAME, sizeof(value.sysname));
    libk::strlcpy(value.nodename, hostname, sizeof(value.nodename));
    libk::strlcpy(value.release, KERNLAB_RELEASE, sizeof(value.release));
    libk::strlcpy(value.version, KERNLAB_VERSION, sizeof(value.version));
    libk::strlcpy(value.machine, KERNLAB_MACHINE, sizeof(value.machine));
    libk::strlcpy(value.domainname, "(none)", sizeof(value.domainname));
    return copy_to_user(name, &value, sizeof(value)) ? -EFAULT : 0;
}

extern "C" long sys_sethostname(const char __user* name, int length)
{
    if (current->cred.euid != 0)
        return -EPERM;
    if (length < 0 || length >= static_cast<int>(sizeof(hostname)))
        return -EINVAL;
    char copy[sizeof(hostname)] = {};
    if (copy_from_user(copy, name, length))
        return -EFAULT;
    libk::memcpy(hostname, copy, sizeof(hostname));
    return 0;
}

extern "C" long sys_sysinfo(struct sysinfo __user* info)
{
    MemoryStats stats = memory_stats();
    struct sysinfo value {};
    value.uptime = static_cast<long>(jiffies_64 / HZ);
    for (int i = 0; i < 3; ++i)
        value.loads[i] = avenrun[i] << (SI_LOAD_SHIFT - FSHIFT);
    value.totalram = stats.total_pages;
    value.freeram = stats.free_pages;
    value.procs = static_cast<unsigned short>(task_count());
    value.mem_unit = 4096;
    return copy_to_user(info, &value, sizeof(value)) ? -EFAULT : 0;
}

namespace {

// The limits kernlab applies (stack 8 MiB as Linux's default, open files 256);
// everything else is unlimited.
rlimit limit_of(unsigned resource)
{
    constexpr unsigned long infinity = ~0ul;
    switch (resource) {
    case RLIMIT_STACK:
        return { 8 * 1024 * 1024, infinity };
    case RLIMIT_NOFILE:
        return { 256, 256 };
    case RLIMIT_CORE:
        return { 0, infinity };
    default:
        return { infinity, infinity };
    }
}

} // namespace

extern "C" long sys_getrlimit(unsigned resource, rlimit __user* limit)
{
    if (resource >= RLIM_NLIMITS)
        return -EINVAL;
    rlimit value = limit_of(resource);
    return copy_to_user(limit, &value, sizeof(value)) ? -EFAULT : 0;
}

extern "C" long sys_prlimit64(pid_t pid, unsigned resource, const rlimit64 __user* new_limit, rlimit64 __user* old_limit)
{
    if (resource >= RLIM_NLIMITS)
        return -EINVAL;
    if (pid && pid != current->pid)
        return -ESRCH;
    if (new_limit)
        return -EPERM;   // limits are fixed
    if (old_limit) {
        rlimit value = limit_of(resource);
        rlimit64 wide { value.rlim_cur == ~0ul ? ~0ull : value.rlim_cur, value.rlim_max == ~0ul ? ~0ull : value.rlim_max };
        if (copy_to_user(old_limit, &wide, sizeof(wide)))
            return -EFAULT;
    }
    return 0;
}
