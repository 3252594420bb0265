/* <asm/mman.h>: x86's mmap constants (the generic ones plus MAP_32BIT). */
#ifndef _UAPI_ASM_X86_MMAN_H
#define _UAPI_ASM_X86_MMAN_H

#define MAP_32BIT 0x40 /* only meaningful on x86-64 */

#include <asm-generic/mman.h>

#endif
