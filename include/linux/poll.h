/* poll_table: how a driver's f_op->poll tells poll()/select() which wait queues
 * to sleep on (Linux's include/linux/poll.h). */
#ifndef _LINUX_POLL_H
#define _LINUX_POLL_H

#include <linux/types.h>

#ifndef POLLIN
/* Event bits, Linux's values (asm-generic/poll.h). */
#define POLLIN 0x0001
#define POLLPRI 0x0002
#define POLLOUT 0x0004
#define POLLERR 0x0008
#define POLLHUP 0x0010
#define POLLNVAL 0x0020
#define POLLRDNORM 0x0040
#define POLLRDBAND 0x0080
#define POLLWRNORM 0x0100
#define POLLWRBAND 0x0200
#define POLLMSG 0x0400
#define POLLREMOVE 0x1000
#define POLLRDHUP 0x2000
#endif

#define EPOLLIN ((__poll_t)POLLIN)
#define EPOLLPRI ((__poll_t)POLLPRI)
#define EPOLLOUT ((__poll_t)POLLOUT)
#define EPOLLERR ((__poll_t)POLLERR)
#define EPOLLHUP ((__poll_t)POLLHUP)
#define EPOLLNVAL ((__poll_t)POLLNVAL)
#define EPOLLRDNORM ((__poll_t)POLLRDNORM)
#define EPOLLWRNORM ((__poll_t)POLLWRNORM)

#ifndef __poll_t_defined
#define __poll_t_defined
typedef unsigned int __poll_t;
#endif

/* The kernel's wait queue (kernel/include/kernel/wait.h) is wait_queue_head_t. */
#ifdef __cplusplus
class WaitQueue;
typedef WaitQueue wait_queue_head_t;
#else
typedef struct WaitQueue wait_queue_head_t;
#endif

struct file;
struct poll_table_struct;
typedef void (*poll_queue_proc)(struct file *, wait_queue_head_t *, struct poll_table_struct *);

typedef struct poll_table_struct {
    poll_queue_proc _qproc;   /* NULL when the caller only wants the current state */
    __poll_t _key;
} poll_table;

/* Called by f_op->poll for each queue whose wake-up may change its answer. */
static inline void poll_wait(struct file *filp, wait_queue_head_t *queue, poll_table *p)
{
    if (p && p->_qproc && queue)
        p->_qproc(filp, queue, p);
}

#endif
