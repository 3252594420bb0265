/* <asm/errno.h>: i386 uses the generic errno values. */
#ifndef _UAPI_ASM_X86_ERRNO_H
#define _UAPI_ASM_X86_ERRNO_H

#include <asm-generic/errno.h>

#endif
