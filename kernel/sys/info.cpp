// System information: uname, sethostname, sysinfo.
#include <kernel/loadavg.h>
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <kernel/time.h>
#include <kernel/uaccess.h>
#include <kernel/version.h>
#include <libk/string.h>
#include <linux/errno.h>
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
