/* min/max/clamp and their typed forms (min_t, max_t, clamp_t), swap and abs:
 * Linux 6.1 has them here, kernel.h includes it. */
#ifndef _LINUX_MINMAX_H
#define _LINUX_MINMAX_H

/*
 * min/max evaluate each argument once. The kernel's own C++ has libk's
 * templates, which a function-like macro named min would break, so there
 * these exist only for modules and C.
 */
#if !defined(__cplusplus) || defined(MODULE)
#define min(x, y) ({ __typeof__(x) __min_x = (x); __typeof__(y) __min_y = (y); __min_x < __min_y ? __min_x : __min_y; })
#define max(x, y) ({ __typeof__(x) __max_x = (x); __typeof__(y) __max_y = (y); __max_x > __max_y ? __max_x : __max_y; })
#define min3(x, y, z) min((__typeof__(x))min(x, y), z)
#define max3(x, y, z) max((__typeof__(x))max(x, y), z)
#define clamp(val, lo, hi) min((__typeof__(val))max(val, lo), hi)
#define abs(x) ({ __typeof__(x) __abs_x = (x); __abs_x < 0 ? -__abs_x : __abs_x; })
#define swap(a, b) do { __typeof__(a) __swap_tmp = (a); (a) = (b); (b) = __swap_tmp; } while (0)
#endif
#define min_t(type, x, y) ({ type __min1 = (x); type __min2 = (y); __min1 < __min2 ? __min1 : __min2; })
#define max_t(type, x, y) ({ type __max1 = (x); type __max2 = (y); __max1 > __max2 ? __max1 : __max2; })
#define clamp_t(type, val, lo, hi) min_t(type, max_t(type, val, lo), hi)
#define clamp_val(val, lo, hi) clamp_t(__typeof__(val), val, lo, hi)

#endif
