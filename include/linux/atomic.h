/* atomic_t and its operations (GCC's __atomic builtins: lock-prefixed on x86). */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include <linux/compiler.h>
#include <linux/types.h>

#define ATOMIC_INIT(i) { (i) }

static inline int atomic_read(const atomic_t *v) { return __atomic_load_n(&v->counter, __ATOMIC_RELAXED); }
static inline void atomic_set(atomic_t *v, int i) { __atomic_store_n(&v->counter, i, __ATOMIC_RELAXED); }
static inline void atomic_add(int i, atomic_t *v) { __atomic_fetch_add(&v->counter, i, __ATOMIC_SEQ_CST); }
static inline void atomic_sub(int i, atomic_t *v) { __atomic_fetch_sub(&v->counter, i, __ATOMIC_SEQ_CST); }
static inline void atomic_inc(atomic_t *v) { atomic_add(1, v); }
static inline void atomic_dec(atomic_t *v) { atomic_sub(1, v); }
static inline int atomic_add_return(int i, atomic_t *v) { return __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST); }
static inline int atomic_sub_return(int i, atomic_t *v) { return __atomic_sub_fetch(&v->counter, i, __ATOMIC_SEQ_CST); }
static inline int atomic_inc_return(atomic_t *v) { return atomic_add_return(1, v); }
static inline int atomic_dec_return(atomic_t *v) { return atomic_sub_return(1, v); }
static inline int atomic_fetch_add(int i, atomic_t *v) { return __atomic_fetch_add(&v->counter, i, __ATOMIC_SEQ_CST); }
static inline int atomic_fetch_sub(int i, atomic_t *v) { return __atomic_fetch_sub(&v->counter, i, __ATOMIC_SEQ_CST); }
static inline bool atomic_dec_and_test(atomic_t *v) { return atomic_dec_return(v) == 0; }
static inline bool atomic_inc_and_test(atomic_t *v) { return atomic_inc_return(v) == 0; }
static inline bool atomic_sub_and_test(int i, atomic_t *v) { return atomic_sub_return(i, v) == 0; }
static inline int atomic_xchg(atomic_t *v, int i) { return __atomic_exchange_n(&v->counter, i, __ATOMIC_SEQ_CST); }
/* Stores `new_value` if the counter was `old`; returns what it was. */
static inline int atomic_cmpxchg(atomic_t *v, int old, int new_value)
{
    __atomic_compare_exchange_n(&v->counter, &old, new_value, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    return old;
}
/* Adds a unless the counter is u; returns whether it added. */
static inline bool atomic_add_unless(atomic_t *v, int a, int u)
{
    int c = atomic_read(v);
    while (c != u) {
        if (__atomic_compare_exchange_n(&v->counter, &c, c + a, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
            return true;
    }
    return false;
}
#define atomic_inc_not_zero(v) atomic_add_unless((v), 1, 0)

static inline long atomic_long_read(const atomic_long_t *v) { return __atomic_load_n(&v->counter, __ATOMIC_RELAXED); }
static inline void atomic_long_set(atomic_long_t *v, long i) { __atomic_store_n(&v->counter, i, __ATOMIC_RELAXED); }
static inline void atomic_long_inc(atomic_long_t *v) { __atomic_fetch_add(&v->counter, 1, __ATOMIC_SEQ_CST); }
static inline void atomic_long_dec(atomic_long_t *v) { __atomic_fetch_sub(&v->counter, 1, __ATOMIC_SEQ_CST); }
static inline void atomic_long_add(long i, atomic_long_t *v) { __atomic_fetch_add(&v->counter, i, __ATOMIC_SEQ_CST); }

/* Bit operations on unsigned long words. */
static inline void set_bit(unsigned int nr, volatile unsigned long *addr)
{
    __atomic_fetch_or(&addr[nr / 32], 1UL << (nr % 32), __ATOMIC_SEQ_CST);
}
static inline void clear_bit(unsigned int nr, volatile unsigned long *addr)
{
    __atomic_fetch_and(&addr[nr / 32], ~(1UL << (nr % 32)), __ATOMIC_SEQ_CST);
}
static inline bool test_bit(unsigned int nr, const volatile unsigned long *addr)
{
    return (addr[nr / 32] >> (nr % 32)) & 1;
}
static inline bool test_and_set_bit(unsigned int nr, volatile unsigned long *addr)
{
    unsigned long mask = 1UL << (nr % 32);
    return (__atomic_fetch_or(&addr[nr / 32], mask, __ATOMIC_SEQ_CST) & mask) != 0;
}
static inline bool test_and_clear_bit(unsigned int nr, volatile unsigned long *addr)
{
    unsigned long mask = 1UL << (nr % 32);
    return (__atomic_fetch_and(&addr[nr / 32], ~mask, __ATOMIC_SEQ_CST) & mask) != 0;
}

#define smp_mb() __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define smp_rmb() smp_mb()
#define smp_wmb() smp_mb()
#define mb() smp_mb()
#define rmb() smp_mb()
#define wmb() smp_mb()

#endif
