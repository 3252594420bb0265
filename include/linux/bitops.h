/* Bit operations on unsigned long arrays (set_bit, test_and_set_bit...), kept in linux/atomic.h. */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H

#include <linux/atomic.h>

#define BIT(nr) (1UL << (nr))
#define BITS_PER_LONG 32
#define BITS_TO_LONGS(nr) (((nr) + BITS_PER_LONG - 1) / BITS_PER_LONG)

#define BIT_MASK(nr) (1UL << ((nr) % BITS_PER_LONG))
#define BIT_WORD(nr) ((nr) / BITS_PER_LONG)
#ifndef DECLARE_BITMAP
#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]
#endif

/* The non-atomic forms (__set_bit...), for bitmaps no one else touches yet. */
static inline void __set_bit(unsigned int nr, volatile unsigned long *addr)
{
    addr[BIT_WORD(nr)] = addr[BIT_WORD(nr)] | BIT_MASK(nr);
}
static inline void __clear_bit(unsigned int nr, volatile unsigned long *addr)
{
    addr[BIT_WORD(nr)] = addr[BIT_WORD(nr)] & ~BIT_MASK(nr);
}
static inline void __change_bit(unsigned int nr, volatile unsigned long *addr)
{
    addr[BIT_WORD(nr)] = addr[BIT_WORD(nr)] ^ BIT_MASK(nr);
}
static inline void change_bit(unsigned int nr, volatile unsigned long *addr)
{
    __atomic_fetch_xor(&addr[BIT_WORD(nr)], BIT_MASK(nr), __ATOMIC_SEQ_CST);
}
static inline bool __test_and_set_bit(unsigned int nr, volatile unsigned long *addr)
{
    bool old = test_bit(nr, addr);
    __set_bit(nr, addr);
    return old;
}
static inline bool __test_and_clear_bit(unsigned int nr, volatile unsigned long *addr)
{
    bool old = test_bit(nr, addr);
    __clear_bit(nr, addr);
    return old;
}

/* The first set (or clear) bit at or after `offset`, or `size` when there is none. */
static inline unsigned long find_next_bit(const unsigned long *addr, unsigned long size, unsigned long offset)
{
    for (; offset < size; offset++)
        if (test_bit(offset, addr))
            return offset;
    return size;
}
static inline unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size, unsigned long offset)
{
    for (; offset < size; offset++)
        if (!test_bit(offset, addr))
            return offset;
    return size;
}
#define find_first_bit(addr, size) find_next_bit((addr), (size), 0)
#define find_first_zero_bit(addr, size) find_next_zero_bit((addr), (size), 0)
#define for_each_set_bit(bit, addr, size) \
    for ((bit) = find_first_bit((addr), (size)); (bit) < (size); (bit) = find_next_bit((addr), (size), (bit) + 1))

#endif
