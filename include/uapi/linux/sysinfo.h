/* struct sysinfo as sysinfo (116) fills it on i386: 64 bytes. */
#ifndef _UAPI_LINUX_SYSINFO_H
#define _UAPI_LINUX_SYSINFO_H

#include <linux/types.h>

#define SI_LOAD_SHIFT 16 /* loads[] are fixed point with this many fraction bits */

struct sysinfo {
    __kernel_long_t uptime;    /* seconds since boot */
    __kernel_ulong_t loads[3]; /* 1, 5 and 15 minute load averages */
    __kernel_ulong_t totalram; /* sizes are in units of mem_unit bytes */
    __kernel_ulong_t freeram;
    __kernel_ulong_t sharedram;
    __kernel_ulong_t bufferram;
    __kernel_ulong_t totalswap;
    __kernel_ulong_t freeswap;
    __u16 procs;
    __u16 pad;
    __kernel_ulong_t totalhigh;
    __kernel_ulong_t freehigh;
    __u32 mem_unit;
    char _f[20 - 2 * sizeof(__kernel_ulong_t) - sizeof(__u32)];
};

#if defined(__i386__)
__UAPI_ASSERT(sizeof(struct sysinfo) == 64, "i386 struct sysinfo is 64 bytes");
#endif

#endif
