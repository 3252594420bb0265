/* <sys/auxv.h>: getauxval reads the auxiliary vector the kernel passed at exec. */
#ifndef _SYS_AUXV_H
#define _SYS_AUXV_H

#include <features.h>
#include <linux/auxvec.h>

__BEGIN_DECLS
unsigned long getauxval(unsigned long type);
__END_DECLS

#endif
