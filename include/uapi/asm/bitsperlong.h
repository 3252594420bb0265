/* Word size of the ABI: i386 is a 32-bit ILP32 architecture. */
#ifndef _UAPI_ASM_X86_BITSPERLONG_H
#define _UAPI_ASM_X86_BITSPERLONG_H

#define __BITS_PER_LONG 32
#define __BITS_PER_LONG_LONG 64

#endif
