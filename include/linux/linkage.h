/* asmlinkage: the calling convention of functions called from assembly, such
 * as system calls. On i386 Linux that means every argument on the stack
 * (regparm(0)); from C++ it also means C linkage, so `sys_hello` keeps its name. */
#ifndef _LINUX_LINKAGE_H
#define _LINUX_LINKAGE_H

#ifdef __cplusplus
#define CPP_ASMLINKAGE extern "C"
#else
#define CPP_ASMLINKAGE
#endif

#define asmlinkage CPP_ASMLINKAGE __attribute__((regparm(0)))

#endif
