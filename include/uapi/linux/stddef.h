/* <linux/stddef.h>: tiny helpers used by other uapi headers. */
#ifndef _UAPI_LINUX_STDDEF_H
#define _UAPI_LINUX_STDDEF_H

#ifndef __always_inline
#define __always_inline inline __attribute__((always_inline))
#endif

/* C and C++ spell the static assertion differently; uapi headers use this one. */
#ifdef __cplusplus
#define __UAPI_ASSERT(cond, msg) static_assert(cond, msg)
#else
#define __UAPI_ASSERT(cond, msg) _Static_assert(cond, msg)
#endif

#endif
