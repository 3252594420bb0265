/* <sys/syscall.h>: SYS_<name> for every __NR_<name> (generated from asm/unistd_32.h at configure time). */
#ifndef _SYS_SYSCALL_H
#define _SYS_SYSCALL_H

#include <asm/unistd.h>
#include <bits/syscall.h>

#endif
