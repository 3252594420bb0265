/* <errno.h>: Linux's error numbers and the errno variable (a plain global: no threads). */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <features.h>
#include <asm-generic/errno.h>

#define ENOTSUP EOPNOTSUPP

__BEGIN_DECLS
extern int errno;
extern char* program_invocation_name;
extern char* program_invocation_short_name;
__END_DECLS

#endif
