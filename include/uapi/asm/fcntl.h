/* <asm/fcntl.h>: i386 has no fcntl quirks, so this is asm-generic/fcntl.h. */
#ifndef _UAPI_ASM_X86_FCNTL_H
#define _UAPI_ASM_X86_FCNTL_H

#include <asm-generic/fcntl.h>

#endif
