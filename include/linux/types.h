/* Basic kernel types, named as in Linux, for the kernel and for modules (C and C++). */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stddef.h>
#include <stdint.h>
#ifndef __cplusplus
#include <stdbool.h>
#endif
#include <uapi/linux/types.h>   /* __u32, __kernel_* ... as user space sees them */
#include <linux/stddef.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned short umode_t;
typedef unsigned short mode_t;
typedef long off_t;
typedef long long loff_t;
typedef unsigned int dev_t;
typedef int ssize_t;
typedef unsigned int gfp_t;
typedef unsigned int fmode_t;
typedef long long time64_t;
typedef unsigned long sector_t;
typedef unsigned long blkcnt_t;

/* Marks pointers into user space (Linux's sparse annotation; no effect here). */
#define __user
#define __kernel
#define __iomem
#define __force

#endif
