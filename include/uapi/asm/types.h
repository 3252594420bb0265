/* <asm/types.h>: the fixed-width kernel ABI integer types. */
#ifndef _UAPI_ASM_X86_TYPES_H
#define _UAPI_ASM_X86_TYPES_H

#include <asm-generic/int-ll64.h>

#endif
