/* <sys/select.h>: fd_set and select (through _newselect, 142). */
#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H

#include <features.h>
#include <bits/types.h>
#include <bits/timespec.h>
#include <signal.h>

#define FD_SETSIZE 1024

typedef struct {
    unsigned long fds_bits[FD_SETSIZE / (8 * sizeof(long))];
} fd_set;

#define __FD_WORD(fd) ((fd) / (8 * (int)sizeof(long)))
#define __FD_MASK(fd) (1UL << ((fd) % (8 * sizeof(long))))
#define FD_ZERO(s)                                                              \
    do {                                                                        \
        for (unsigned __i = 0; __i < sizeof((s)->fds_bits) / sizeof(long); ++__i) \
            (s)->fds_bits[__i] = 0;                                             \
    } while (0)
#define FD_SET(fd, s) ((s)->fds_bits[__FD_WORD(fd)] |= __FD_MASK(fd))
#define FD_CLR(fd, s) ((s)->fds_bits[__FD_WORD(fd)] &= ~__FD_MASK(fd))
#define FD_ISSET(fd, s) (((s)->fds_bits[__FD_WORD(fd)] & __FD_MASK(fd)) != 0)

__BEGIN_DECLS
int select(int nfds, fd_set* __restrict rd, fd_set* __restrict wr, fd_set* __restrict ex,
    struct timeval* __restrict timeout);
int pselect(int nfds, fd_set* __restrict rd, fd_set* __restrict wr, fd_set* __restrict ex,
    const struct timespec* __restrict timeout, const sigset_t* __restrict mask);
__END_DECLS

#endif
