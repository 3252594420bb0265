/* Completions: "wait until this has happened". complete() lets one waiter
 * through (or banks it for a later wait), complete_all() every one, for good. */
#ifndef _LINUX_COMPLETION_H
#define _LINUX_COMPLETION_H

#include <linux/types.h>
#include <linux/wait.h>

struct completion {
    unsigned int done;
    wait_queue_head_t wait;
};

#define COMPLETION_INITIALIZER(work) { 0, { } }
#define COMPLETION_INITIALIZER_ONSTACK(work) COMPLETION_INITIALIZER(work)
#define DECLARE_COMPLETION(work) struct completion work = COMPLETION_INITIALIZER(work)
#define DECLARE_COMPLETION_ONSTACK(work) DECLARE_COMPLETION(work)

#ifdef __cplusplus
extern "C" {
#endif

void complete(struct completion *x);
void complete_all(struct completion *x);
void wait_for_completion(struct completion *x);
/* 0, or -ERESTARTSYS when a signal came first. */
int wait_for_completion_interruptible(struct completion *x);
int wait_for_completion_killable(struct completion *x);
/* 0 on timeout, else the jiffies left (at least 1). */
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout);
/* As above, or -ERESTARTSYS. */
long wait_for_completion_interruptible_timeout(struct completion *x, unsigned long timeout);
/* Takes a completion without sleeping: true if there was one. */
bool try_wait_for_completion(struct completion *x);
/* Whether a wait would return at once. */
bool completion_done(struct completion *x);

#ifdef __cplusplus
}
#endif

static inline void init_completion(struct completion *x)
{
    x->done = 0;
    init_waitqueue_head(&x->wait);
}

static inline void reinit_completion(struct completion *x)
{
    x->done = 0;
}

#define INIT_COMPLETION(x) reinit_completion(&(x))   /* before Linux 3.13 */

#endif
