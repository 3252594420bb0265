/* <asm/siginfo.h>: i386 uses the generic siginfo_t. */
#ifndef _UAPI_ASM_X86_SIGINFO_H
#define _UAPI_ASM_X86_SIGINFO_H

#include <asm-generic/siginfo.h>

#endif
