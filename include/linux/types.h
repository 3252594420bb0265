/* Basic kernel types, named as in Linux, for the kernel and for modules (C and C++). */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stddef.h>
#include <stdint.h>
#include <uapi/linux/types.h>   /* __u32, __kernel_* ... as user space sees them */
#include <linux/stddef.h>

/* bool is a typedef as in Linux, not <stdbool.h>'s macro: a macro would
 * expand inside other macros, so module_param(flag, bool, 0644) would look
 * for param_ops__Bool. */
#ifndef __cplusplus
#ifndef bool
typedef _Bool bool;
#endif
#ifndef true
#define true 1
#define false 0
#endif
#endif

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

typedef u32 phys_addr_t;
typedef u32 dma_addr_t;
typedef phys_addr_t resource_size_t;

/* Counters changed with atomic instructions (linux/atomic.h). */
typedef struct { int counter; } atomic_t;
typedef struct { long counter; } atomic_long_t;
typedef struct { long long counter; } atomic64_t;

/* Doubly linked lists (linux/list.h), declared here as Linux does so that any
 * header can embed one. */
struct list_head {
    struct list_head *next, *prev;
};
struct hlist_node {
    struct hlist_node *next, **pprev;
};
struct hlist_head {
    struct hlist_node *first;
};

/* Marks pointers into user space (Linux's sparse annotation; no effect here). */
#define __user
#define __kernel
#define __iomem
#define __force
/* A pointer readers reach under rcu_read_lock() (sparse's check; no effect here). */
#define __rcu

#endif
