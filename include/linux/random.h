/* Random numbers for modules, from the kernel's generator. */
#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H

#include <uapi/linux/random.h>
#include <linux/types.h>

#if defined(__cplusplus) && !defined(MODULE)
#include <kernel/random.h>
#else
#ifdef __cplusplus
extern "C" {
#endif
void get_random_bytes(void *buf, size_t nbytes);
#ifdef __cplusplus
}
#endif
#endif

static inline u32 get_random_u32(void)
{
    u32 value;
    get_random_bytes(&value, sizeof(value));
    return value;
}

static inline u64 get_random_u64(void)
{
    u64 value;
    get_random_bytes(&value, sizeof(value));
    return value;
}

static inline u8 get_random_u8(void) { return (u8)get_random_u32(); }
static inline u16 get_random_u16(void) { return (u16)get_random_u32(); }
static inline unsigned int get_random_int(void) { return get_random_u32(); }
static inline unsigned long get_random_long(void) { return get_random_u32(); }
static inline u32 prandom_u32(void) { return get_random_u32(); }
/* A number in [0, ceil), for small ceilings (the bias is negligible). */
static inline u32 get_random_u32_below(u32 ceil) { return ceil ? get_random_u32() % ceil : 0; }
static inline u32 prandom_u32_max(u32 ceil) { return get_random_u32_below(ceil); }

#endif
