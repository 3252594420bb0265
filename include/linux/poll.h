/* poll_table: how a driver's f_op->poll tells poll()/select() which wait queues
 * to sleep on (Linux's include/linux/poll.h). */
#ifndef _LINUX_POLL_H
#define _LINUX_POLL_H

#include <linux/types.h>
#include <linux/uaccess.h>   /* as Linux's poll.h: drivers get put_user from it */

#include <uapi/linux/poll.h>   /* POLL* event bits, struct pollfd */

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
