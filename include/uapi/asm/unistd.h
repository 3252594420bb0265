/* System call numbers for user space and the kernel: kernlab is i386 only. */
#ifndef _UAPI_ASM_X86_UNISTD_H
#define _UAPI_ASM_X86_UNISTD_H

#include <asm/unistd_32.h>

#endif
