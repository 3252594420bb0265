/* <poll.h>: poll (168). */
#ifndef _POLL_H
#define _POLL_H

#include <features.h>
#include <linux/poll.h>

typedef unsigned long nfds_t;

__BEGIN_DECLS
int poll(struct pollfd* fds, nfds_t nfds, int timeout);
__END_DECLS

#endif
