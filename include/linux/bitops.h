/* Bit operations on unsigned long arrays (set_bit, test_and_set_bit...), kept in linux/atomic.h. */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H

#include <linux/atomic.h>

#define BIT(nr) (1UL << (nr))
#define BITS_PER_LONG 32
#define BITS_TO_LONGS(nr) (((nr) + BITS_PER_LONG - 1) / BITS_PER_LONG)

#endif
