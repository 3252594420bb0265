/* The kernel's POSIX ABI types on i386 (arch/x86/include/uapi/asm/posix_types_32.h + asm-generic). */
#ifndef _UAPI_ASM_X86_POSIX_TYPES_H
#define _UAPI_ASM_X86_POSIX_TYPES_H

/* i386 narrows these to 16 bits (the pre-uid32 system calls use them). */
typedef unsigned short __kernel_mode_t;
typedef unsigned short __kernel_ipc_pid_t;
typedef unsigned short __kernel_uid_t;
typedef unsigned short __kernel_gid_t;
typedef unsigned short __kernel_old_dev_t;

typedef long __kernel_long_t;
typedef unsigned long __kernel_ulong_t;
typedef __kernel_ulong_t __kernel_ino_t;
typedef int __kernel_pid_t;
typedef __kernel_long_t __kernel_suseconds_t;
typedef int __kernel_daddr_t;
typedef unsigned int __kernel_uid32_t;
typedef unsigned int __kernel_gid32_t;
typedef __kernel_uid_t __kernel_old_uid_t;
typedef __kernel_gid_t __kernel_old_gid_t;
typedef unsigned int __kernel_size_t;
typedef int __kernel_ssize_t;
typedef int __kernel_ptrdiff_t;
typedef struct {
    int val[2];
} __kernel_fsid_t;
typedef __kernel_long_t __kernel_off_t;
__extension__ typedef long long __kernel_loff_t;
typedef __kernel_long_t __kernel_old_time_t;
typedef __kernel_long_t __kernel_time_t;
__extension__ typedef long long __kernel_time64_t;
typedef __kernel_long_t __kernel_clock_t;
typedef int __kernel_timer_t;
typedef int __kernel_clockid_t;
typedef char* __kernel_caddr_t;
typedef unsigned short __kernel_uid16_t;
typedef unsigned short __kernel_gid16_t;
/* The kernel's internal dev_t: 12-bit major, 20-bit minor (see <linux/kdev_t.h>). */
typedef unsigned int __kernel_dev_t;

#endif
