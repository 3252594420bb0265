/* System information and administration: uname, sysinfo, mount, reboot, klogctl, getrandom. */
#include <errno.h>
#include <sys/klog.h>
#include <sys/mount.h>
#include <sys/random.h>
#include <sys/reboot.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>

#include "../internal/syscall.h"

_Static_assert(sizeof(struct utsname) == 390, "struct utsname is the kernel's new_utsname");

int uname(struct utsname* buf) { return SYSCALL1(__NR_uname, buf); }
int sysinfo(struct sysinfo* info) { return SYSCALL1(__NR_sysinfo, info); }
int get_nprocs(void) { return 1; }
int get_nprocs_conf(void) { return 1; }

long get_phys_pages(void)
{
    struct sysinfo si;
    if (sysinfo(&si) < 0)
        return -1;
    return (long)((unsigned long long)si.totalram * (si.mem_unit ? si.mem_unit : 1) / 4096);
}

long get_avphys_pages(void)
{
    struct sysinfo si;
    if (sysinfo(&si) < 0)
        return -1;
    return (long)((unsigned long long)si.freeram * (si.mem_unit ? si.mem_unit : 1) / 4096);
}

int mount(const char* source, const char* target, const char* fstype, unsigned long flags, const void* data)
{
    return SYSCALL5(__NR_mount, source, target, fstype, flags, data);
}

int umount(const char* target) { return SYSCALL2(__NR_umount2, target, 0); }
int umount2(const char* target, int flags) { return SYSCALL2(__NR_umount2, target, flags); }

int reboot(int cmd) { return SYSCALL4(__NR_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, cmd, 0); }

int klogctl(int type, char* buf, int len) { return SYSCALL3(__NR_syslog, type, buf, len); }

ssize_t getrandom(void* buf, size_t len, unsigned int flags) { return SYSCALL3(__NR_getrandom, buf, len, flags); }

int getentropy(void* buf, size_t len)
{
    if (len > 256) {
        errno = EIO;
        return -1;
    }
    size_t done = 0;
    while (done < len) {
        ssize_t n = getrandom((char*)buf + done, len - done, 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        done += (size_t)n;
    }
    return 0;
}
