/* <sys/random.h>: getrandom (355). */
#ifndef _SYS_RANDOM_H
#define _SYS_RANDOM_H

#include <features.h>
#include <bits/types.h>
#include <linux/random.h>

__BEGIN_DECLS
ssize_t getrandom(void* buf, size_t len, unsigned int flags);
int getentropy(void* buf, size_t len);
__END_DECLS

#endif
