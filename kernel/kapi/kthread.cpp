// Linux's kthread API for modules (include/linux/kthread.h) on top of the
// kernel's kthread_run: each thread has a record with its function, the stop
// request and its result, kept until kthread_stop collects it.
#include "internal.h"
#include <kernel/kthread.h>
#include <kernel/mm.h>
#include <libk/format.h>
#include <linux/completion.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/kthread.h>
#include <linux/list.h>
#include <new>

namespace {

struct KThread {
    int (*fn)(void*);
    void* data;
    Task* task;
    volatile bool parked;        // the thread exists and sleeps until started
    volatile bool should_stop;   // kthread_stop was called
    volatile bool exited;        // fn returned; `result` holds its value
    int result;
    wait_queue_head_t parked_wait;
    wait_queue_head_t exited_wait;
    list_head node;
};

constinit SpinLock kthreads_lock;
constinit LIST_HEAD(kthreads);

// The live record of `task` (an exited thread's Task may be reused).
KThread* find_kthread(Task* task, bool include_exited)
{
    SpinLockGuard guard(kthreads_lock);
    KThread* k;
    list_for_each_entry(k, &kthreads, node) {
        if (k->task == task && (include_exited || !k->exited))
            return k;
    }
    return nullptr;
}

// The thread is done: kthread_stop may go on. It frees the record once it
// sees `exited`: touch nothing after.
void announce_exit(KThread* k, int result)
{
    uint32_t flags = arch::local_irq_save();
    k->result = result;
    k->exited = true;
    wake_up_all(&k->exited_wait);
    arch::local_irq_restore(flags);
}

int kthread_main(void* arg)
{
    auto* k = static_cast<KThread*>(arg);
    // Park: interrupts stay off from announcing it to sleeping, so a
    // wake_up_process from the creator cannot come before the sleep.
    uint32_t flags = arch::local_irq_save();
    k->task = current;
    {
        SpinLockGuard guard(kthreads_lock);
        list_add_tail(&k->node, &kthreads);
    }
    current->state = TaskState::Uninterruptible;
    k->parked = true;
    wake_up_all(&k->parked_wait);
    schedule();   // until wake_up_process (kthread_run) or kthread_stop
    arch::local_irq_restore(flags);

    int result = k->should_stop ? -EINTR : k->fn(k->data);
    announce_exit(k, result);
    return result;
}

} // namespace

// Ends the calling kthread from anywhere in its function, as returning `code` would.
extern "C" void kthread_exit(long code)
{
    if (KThread* k = find_kthread(current, false))
        announce_exit(k, static_cast<int>(code));
    do_exit(static_cast<int>(code));
}
EXPORT_SYMBOL(kthread_exit);

extern "C" void kthread_complete_and_exit(struct completion* done, long code)
{
    if (done)
        complete(done);
    kthread_exit(code);
}
EXPORT_SYMBOL(kthread_complete_and_exit);

extern "C" struct task_struct* kthread_create(int (*threadfn)(void*), void* data, const char* namefmt, ...)
{
    auto* k = static_cast<KThread*>(kzalloc(sizeof(KThread), GFP_KERNEL));
    if (!k)
        return static_cast<task_struct*>(ERR_PTR(-ENOMEM));
    new (k) KThread {};
    k->fn = threadfn;
    k->data = data;
    char name[TASK_COMM_LEN];
    va_list args;
    va_start(args, namefmt);
    libk::vsnprintf(name, sizeof(name), namefmt, args);
    va_end(args);

    pid_t pid = kthread_run(kthread_main, k, name);
    if (pid < 0) {
        kfree(k);
        return static_cast<task_struct*>(ERR_PTR(pid));
    }
    wait_event_state(k->parked_wait, TASK_UNINTERRUPTIBLE, [k] { return k->parked; });
    return to_task_struct(k->task);
}
EXPORT_SYMBOL(kthread_create);

extern "C" bool kthread_should_stop(void)
{
    KThread* k = find_kthread(current, false);
    return k && k->should_stop;
}
EXPORT_SYMBOL(kthread_should_stop);

extern "C" int kthread_stop(struct task_struct* task)
{
    KThread* k = find_kthread(to_task(task), false);
    if (!k)
        k = find_kthread(to_task(task), true);
    if (!k) {
        printk(KERN_ERR "kthread_stop: %p is not a kthread\n", static_cast<void*>(task));
        return -EINVAL;
    }
    uint32_t flags = arch::local_irq_save();
    k->should_stop = true;
    if (!k->exited)
        wake_up_process(k->task);   // from its park, or from a sleep that checks kthread_should_stop
    arch::local_irq_restore(flags);

    wait_event_state(k->exited_wait, TASK_UNINTERRUPTIBLE, [k] { return k->exited; });
    {
        SpinLockGuard guard(kthreads_lock);
        list_del(&k->node);
    }
    int result = k->result;
    kfree(k);
    return result;
}
EXPORT_SYMBOL(kthread_stop);
