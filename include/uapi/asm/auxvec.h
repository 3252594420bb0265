/* x86's extra auxiliary vector entries: the vsyscall entry point and vDSO address. */
#ifndef _UAPI_ASM_X86_AUXVEC_H
#define _UAPI_ASM_X86_AUXVEC_H

#define AT_SYSINFO 32
#define AT_SYSINFO_EHDR 33

#define AT_VECTOR_SIZE_ARCH 3

#endif
