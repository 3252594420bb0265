/* Kernel threads for modules: kthread_create/kthread_run start fn(data) in a
 * thread of its own (a child of kthreadd); kthread_stop asks it to end and
 * waits, and the thread polls kthread_should_stop(). */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/compiler.h>
#include <linux/err.h>
#include <linux/sched.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A new thread named by namefmt that sleeps until wake_up_process(); then it
 * runs threadfn(data). Returns the task or ERR_PTR(-errno). */
__printf(3, 4) struct task_struct *kthread_create(int (*threadfn)(void *data), void *data, const char *namefmt, ...);
/* Sets kthread_should_stop() for the thread, wakes it and waits until it has
 * returned; returns threadfn's result (-EINTR if it never started). */
int kthread_stop(struct task_struct *task);
/* Ends the calling kthread with `code`, as returning it from threadfn would;
 * the _complete_ form completes `done` first (module code that waits on it can
 * then be unloaded: nothing of the module runs after). */
__attribute__((noreturn)) void kthread_exit(long code);
struct completion;
__attribute__((noreturn)) void kthread_complete_and_exit(struct completion *done, long code);
#define complete_and_exit(done, code) kthread_complete_and_exit(done, code)
/* True in a kthread once kthread_stop() was called for it. */
bool kthread_should_stop(void);

#ifdef __cplusplus
}
#endif

#define kthread_create_on_node(threadfn, data, node, namefmt, ...) kthread_create(threadfn, data, namefmt, ##__VA_ARGS__)
#define kthread_bind(task, cpu) do { } while (0)

/*
 * Create and start at once. The kernel's own C++ has a kthread_run() of its
 * own (kernel/include/kernel/kthread.h, returning a pid), so this Linux form
 * is for modules and C.
 */
#if !defined(__cplusplus) || defined(MODULE)
#define kthread_run(threadfn, data, namefmt, ...) ({                              \
    struct task_struct *__k = kthread_create(threadfn, data, namefmt, ##__VA_ARGS__); \
    if (!IS_ERR(__k))                                                             \
        wake_up_process(__k);                                                     \
    __k;                                                                          \
})
#else
#include <kernel/kthread.h>
#endif

#endif
