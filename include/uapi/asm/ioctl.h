/* <asm/ioctl.h>: i386 uses the generic ioctl encoding. */
#ifndef _UAPI_ASM_X86_IOCTL_H
#define _UAPI_ASM_X86_IOCTL_H

#include <asm-generic/ioctl.h>

#endif
