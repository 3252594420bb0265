/* struct pt_regs and its accessors for modules (Linux's linux/ptrace.h). */
#ifndef _LINUX_PTRACE_H
#define _LINUX_PTRACE_H

#include <asm/ptrace.h>

#endif
