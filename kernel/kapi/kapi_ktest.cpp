// ktest "kapi": the module API of kernel services, used the way modules use
// it: timers, tasklets, work queues, kthreads, mutexes, semaphores, wait
// queues, completions, devices and misc devices, number parsing, get_user.
#include "internal.h"
#include <kernel/ktest.h>
#include <kernel/signal.h>
#include <kernel/uaccess.h>
#include <kernel/vfs.h>
#include <libk/string.h>
#include <linux/capability.h>
#include <linux/completion.h>
#include <linux/cred.h>
#include <linux/ctype.h>
#include <linux/device.h>
#include <linux/export.h>
#include <linux/fcntl.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/semaphore.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/timer.h>
#include <linux/uaccess.h>
#include <linux/workqueue.h>

namespace {

// ---- timers and tasklets ----

struct TestTimer {
    timer_list timer;
    volatile int fired;
    volatile bool in_interrupt;
};

void new_style_timer_fn(timer_list* t)
{
    TestTimer* test = from_timer(test, t, timer);
    test->fired = test->fired + 1;
    test->in_interrupt = in_interrupt();
}

volatile unsigned long old_style_data = 0;
void old_style_timer_fn(unsigned long data)
{
    old_style_data = data;
}

void test_timers(KTestContext& context)
{
    TestTimer test {};
    timer_setup(&test.timer, new_style_timer_fn, 0);
    KTEST_EXPECT(!timer_pending(&test.timer));
    KTEST_EXPECT(mod_timer(&test.timer, jiffies + 2) == 0);
    KTEST_EXPECT(timer_pending(&test.timer));
    msleep(40);
    KTEST_EXPECT(test.fired == 1 && test.in_interrupt);
    KTEST_EXPECT(!timer_pending(&test.timer));

    // mod_timer re-arms; mod_timer on a pending timer moves it (fires once).
    mod_timer(&test.timer, jiffies + 50);
    KTEST_EXPECT(mod_timer(&test.timer, jiffies + 2) == 1);
    msleep(40);
    KTEST_EXPECT(test.fired == 2);

    // del_timer_sync stops a pending timer.
    mod_timer(&test.timer, jiffies + 3);
    KTEST_EXPECT(del_timer_sync(&test.timer) == 1);
    KTEST_EXPECT(del_timer(&test.timer) == 0);
    msleep(40);
    KTEST_EXPECT(test.fired == 2);

    // The 2.6 API: setup_timer with data, add_timer with .expires.
    timer_list old {};
    setup_timer(&old, old_style_timer_fn, 0x1234);
    old.expires = jiffies + 1;
    add_timer(&old);
    msleep(40);
    KTEST_EXPECT(old_style_data == 0x1234);
}

volatile int tasklet_runs = 0;
volatile unsigned long tasklet_data = 0;
void test_tasklet_fn(unsigned long data)
{
    tasklet_runs = tasklet_runs + 1;
    tasklet_data = data;
}

void test_tasklets(KTestContext& context)
{
    tasklet_struct t;
    tasklet_init(&t, test_tasklet_fn, 7);
    tasklet_schedule(&t);
    tasklet_schedule(&t);   // still due: runs once
    tasklet_kill(&t);
    KTEST_EXPECT(tasklet_runs == 1 && tasklet_data == 7);
}

// ---- work queues ----

struct TestWork {
    work_struct work;
    Task* ran_on;
    bool saw_current_work;
    volatile int runs;
    unsigned long ran_at;
    unsigned sleep_ms;
};

void test_work_fn(work_struct* work)
{
    TestWork* test = container_of(work, TestWork, work);
    if (test->sleep_ms)
        msleep(test->sleep_ms);
    test->ran_on = current;
    test->saw_current_work = current_work() == work;
    test->ran_at = jiffies;
    test->runs = test->runs + 1;
}

struct TestDelayedWork {
    delayed_work dwork;
    volatile int runs;
    unsigned long ran_at;
};

void test_delayed_fn(work_struct* work)
{
    TestDelayedWork* test = container_of(to_delayed_work(work), TestDelayedWork, dwork);
    test->ran_at = jiffies;
    test->runs = test->runs + 1;
}

void test_workqueues(KTestContext& context)
{
    // schedule_work runs on the "events" worker, not here.
    TestWork test {};
    INIT_WORK(&test.work, test_work_fn);
    KTEST_EXPECT(schedule_work(&test.work));
    flush_scheduled_work();
    KTEST_EXPECT(test.runs == 1 && test.ran_on && test.ran_on != current);
    KTEST_EXPECT(test.saw_current_work);
    KTEST_EXPECT(test.ran_on && libk::strcmp(test.ran_on->comm, "events") == 0);

    // Delayed work runs after its delay.
    TestDelayedWork delayed {};
    INIT_DELAYED_WORK(&delayed.dwork, test_delayed_fn);
    unsigned long start = jiffies;
    KTEST_EXPECT(schedule_delayed_work(&delayed.dwork, 10));
    KTEST_EXPECT(!schedule_delayed_work(&delayed.dwork, 10));   // already pending
    KTEST_EXPECT(delayed.runs == 0);
    msleep(100);
    KTEST_EXPECT(delayed.runs == 1);
    KTEST_EXPECT(delayed.ran_at - start >= 10);

    // A queue of our own: flush waits for a slow item; cancel stops a delayed one.
    workqueue_struct* wq = create_singlethread_workqueue("kapi_wq");
    KTEST_EXPECT(wq != nullptr);
    if (!wq)
        return;
    TestWork slow {};
    slow.sleep_ms = 30;
    INIT_WORK(&slow.work, test_work_fn);
    KTEST_EXPECT(queue_work(wq, &slow.work));
    flush_workqueue(wq);
    KTEST_EXPECT(slow.runs == 1 && slow.ran_on && libk::strcmp(slow.ran_on->comm, "kapi_wq") == 0);

    TestDelayedWork cancelled {};
    INIT_DELAYED_WORK(&cancelled.dwork, test_delayed_fn);
    KTEST_EXPECT(queue_delayed_work(wq, &cancelled.dwork, 10));
    KTEST_EXPECT(cancel_delayed_work_sync(&cancelled.dwork));
    KTEST_EXPECT(!delayed_work_pending(&cancelled.dwork));
    msleep(80);
    KTEST_EXPECT(cancelled.runs == 0);

    // flush_delayed_work runs a waiting item now; destroy runs what is left.
    KTEST_EXPECT(queue_delayed_work(wq, &cancelled.dwork, 1000));
    flush_delayed_work(&cancelled.dwork);
    KTEST_EXPECT(cancelled.runs == 1);
    slow.sleep_ms = 10;
    queue_work(wq, &slow.work);
    destroy_workqueue(wq);
    KTEST_EXPECT(slow.runs == 2);
}

// ---- kthreads, mutexes, semaphores ----

struct MutexTest {
    struct mutex lock;
    volatile int inside;
    volatile bool overlapped;
    volatile int total;
    completion finished;
};

int mutex_thread(void* data)
{
    auto* test = static_cast<MutexTest*>(data);
    for (int i = 0; i < 5; ++i) {
        mutex_lock(&test->lock);
        test->inside = test->inside + 1;
        if (test->inside > 1)
            test->overlapped = true;
        msleep(4);   // sleep with the mutex held: the other thread must wait
        test->total = test->total + 1;
        test->inside = test->inside - 1;
        mutex_unlock(&test->lock);
    }
    complete(&test->finished);
    return 5;
}

int stoppable_thread(void* data)
{
    auto* started = static_cast<volatile bool*>(data);
    *started = true;
    while (!kthread_should_stop())
        msleep(2);
    return 42;
}

void test_kthreads_and_locks(KTestContext& context)
{
    // kthread_create leaves the thread asleep until wake_up_process.
    volatile bool started = false;
    task_struct* thread = kthread_create(stoppable_thread, const_cast<bool*>(&started), "kapi_kt%d", 1);
    KTEST_EXPECT(!IS_ERR(thread));
    if (IS_ERR(thread))
        return;
    KTEST_EXPECT(libk::strcmp(thread->comm, "kapi_kt1") == 0 && thread->pid > 0);
    msleep(10);
    KTEST_EXPECT(!started);
    wake_up_process(to_task(thread));
    msleep(10);
    KTEST_EXPECT(started);
    KTEST_EXPECT(kthread_stop(thread) == 42);

    // Two threads contend for one mutex.
    MutexTest test {};
    mutex_init(&test.lock);
    init_completion(&test.finished);
    task_struct* a = kthread_create(mutex_thread, &test, "kapi_mutex_a");
    task_struct* b = kthread_create(mutex_thread, &test, "kapi_mutex_b");
    KTEST_EXPECT(!IS_ERR(a) && !IS_ERR(b));
    if (IS_ERR(a) || IS_ERR(b))
        return;
    wake_up_process(to_task(a));
    wake_up_process(to_task(b));
    // (kthread_stop before a thread first runs would stop it with -EINTR, as on Linux.)
    wait_for_completion(&test.finished);
    wait_for_completion(&test.finished);
    KTEST_EXPECT(kthread_stop(a) == 5);   // the result of a thread that has returned
    KTEST_EXPECT(kthread_stop(b) == 5);
    KTEST_EXPECT(test.total == 10 && !test.overlapped && !mutex_is_locked(&test.lock));
    KTEST_EXPECT(mutex_trylock(&test.lock) == 1 && mutex_trylock(&test.lock) == 0);
    mutex_unlock(&test.lock);
    KTEST_EXPECT(mutex_lock_interruptible(&test.lock) == 0);
    mutex_unlock(&test.lock);

    semaphore sem;
    sema_init(&sem, 1);
    KTEST_EXPECT(down_trylock(&sem) == 0);
    KTEST_EXPECT(down_trylock(&sem) == 1);
    KTEST_EXPECT(down_timeout(&sem, 2) == -ETIME);
    up(&sem);
    KTEST_EXPECT(down_interruptible(&sem) == 0);
    up(&sem);

    // spin_lock keeps the interrupt state in the lock for spin_unlock.
    DEFINE_SPINLOCK(lock);
    spin_lock(&lock);
    KTEST_EXPECT(!arch::irqs_enabled() && spin_is_locked(&lock));
    KTEST_EXPECT(spin_trylock(&lock) == 0);
    spin_unlock(&lock);
    KTEST_EXPECT(arch::irqs_enabled());
    unsigned long flags;
    spin_lock_irqsave(&lock, flags);
    KTEST_EXPECT(!arch::irqs_enabled());
    spin_unlock_irqrestore(&lock, flags);
    KTEST_EXPECT(arch::irqs_enabled());
}

// ---- wait queues and completions ----

DECLARE_WAIT_QUEUE_HEAD(test_wq);
volatile int wq_flag = 0;

int waker_thread(void*)
{
    msleep(20);
    wq_flag = 1;
    wake_up_interruptible(&test_wq);
    return 0;
}

// A signal ends wait_event_interruptible (in a thread of its own, so that no
// signal is left pending on the task running the tests).
DECLARE_COMPLETION(interrupted_done);
volatile int interrupted_result = 0;

int interrupted_thread(void*)
{
    send_signal(current, 10);   // SIGUSR1
    interrupted_result = wait_event_interruptible(test_wq, wq_flag == 99);
    complete(&interrupted_done);
    return 0;
}

int completing_thread(void* data)
{
    msleep(10);
    complete(static_cast<completion*>(data));
    return 0;
}

// Linux's kthread_run, which the kernel's own C++ spells differently.
task_struct* start_thread(int (*fn)(void*), void* data, const char* name)
{
    task_struct* task = kthread_create(fn, data, "%s", name);
    if (!IS_ERR(task))
        wake_up_process(to_task(task));
    return task;
}

void test_waiting(KTestContext& context)
{
    wq_flag = 0;
    task_struct* waker = start_thread(waker_thread, nullptr, "kapi_waker");
    KTEST_EXPECT(!IS_ERR(waker));
    if (IS_ERR(waker))
        return;
    unsigned long start = jiffies;
    KTEST_EXPECT(wait_event_interruptible(test_wq, wq_flag != 0) == 0);
    KTEST_EXPECT(wq_flag == 1 && jiffies - start >= 4);
    kthread_stop(waker);

    KTEST_EXPECT(wait_event_timeout(test_wq, wq_flag == 2, 3) == 0);
    KTEST_EXPECT(wait_event_timeout(test_wq, wq_flag == 1, 3) == 3);   // true at once: all time left
    KTEST_EXPECT(wait_event_interruptible_timeout(test_wq, wq_flag == 1, 0) == 1);
    KTEST_EXPECT(!waitqueue_active(&test_wq));

    task_struct* interrupted = start_thread(interrupted_thread, nullptr, "kapi_signal");
    KTEST_EXPECT(!IS_ERR(interrupted));
    if (!IS_ERR(interrupted)) {
        wait_for_completion(&interrupted_done);
        KTEST_EXPECT(interrupted_result == -ERESTARTSYS);
        kthread_stop(interrupted);
    }

    DECLARE_COMPLETION(done);
    task_struct* completer = start_thread(completing_thread, &done, "kapi_complete");
    KTEST_EXPECT(!IS_ERR(completer));
    wait_for_completion(&done);
    KTEST_EXPECT(!completion_done(&done));   // the one complete() was used up
    kthread_stop(completer);
    KTEST_EXPECT(wait_for_completion_timeout(&done, 3) == 0);
    complete(&done);
    KTEST_EXPECT(try_wait_for_completion(&done) && !try_wait_for_completion(&done));
    complete_all(&done);
    wait_for_completion(&done);
    KTEST_EXPECT(wait_for_completion_timeout(&done, 3) > 0);
}

// ---- devices ----

char* open_to_all_devnode(device*, umode_t* mode)
{
    if (mode)
        *mode = 0666;
    return nullptr;
}

// The /dev node of `name`: its mode, device number and owner, or -errno.
int stat_dev_node(const char* path, umode_t* mode, dev_t* rdev, uid_t* uid)
{
    auto found = kern_path(path, 0);
    if (found.is_error())
        return -found.error().code();
    Path p = found.release_value();
    *mode = p.node->i_mode;
    *rdev = p.node->i_rdev;
    *uid = p.node->i_uid;
    path_put(p);
    return 0;
}

volatile int misc_opens = 0;
int test_misc_open(inode*, file*)
{
    misc_opens = misc_opens + 1;
    return 0;
}

const file_operations test_misc_fops = {
    .owner = nullptr,
    .llseek = nullptr,
    .read = nullptr,
    .write = nullptr,
    .iterate_shared = nullptr,
    .poll = nullptr,
    .unlocked_ioctl = nullptr,
    .compat_ioctl = nullptr,
    .mmap = nullptr,
    .open = test_misc_open,
};

void test_devices(KTestContext& context)
{
    dev_t devt = 0;
    KTEST_EXPECT(alloc_chrdev_region(&devt, 0, 2, "kapi_test") == 0);
    device_class* cls = class_create(THIS_MODULE, "kapi_test");
    KTEST_EXPECT(!IS_ERR(cls));
    if (IS_ERR(cls))
        return;
    device* dev = device_create(cls, nullptr, devt, &devt, "kapi_test%d", 0);
    KTEST_EXPECT(!IS_ERR(dev) && dev_get_drvdata(dev) == &devt);
    umode_t mode = 0;
    dev_t rdev = 0;
    uid_t uid = 1;
    KTEST_EXPECT(stat_dev_node("/dev/kapi_test0", &mode, &rdev, &uid) == 0);
    KTEST_EXPECT(mode == (S_IFCHR | 0600) && rdev == devt && uid == 0);
    KTEST_EXPECT(IS_ERR(device_create(cls, nullptr, devt, nullptr, "kapi_test%d", 0)));
    device_destroy(cls, devt);
    KTEST_EXPECT(stat_dev_node("/dev/kapi_test0", &mode, &rdev, &uid) == -ENOENT);

    // A class's devnode callback chooses the mode (the usual 0666 trick).
    cls->devnode = open_to_all_devnode;
    dev = device_create(cls, nullptr, devt + 1, nullptr, "kapi_test%d", 1);
    KTEST_EXPECT(!IS_ERR(dev));
    KTEST_EXPECT(stat_dev_node("/dev/kapi_test1", &mode, &rdev, &uid) == 0 && mode == (S_IFCHR | 0666));
    class_destroy(cls);   // takes the device left in it along
    KTEST_EXPECT(stat_dev_node("/dev/kapi_test1", &mode, &rdev, &uid) == -ENOENT);
    unregister_chrdev_region(devt, 2);

    // A misc device: a dynamic minor on major 10, its node, private_data on open.
    miscdevice misc {};
    misc.minor = MISC_DYNAMIC_MINOR;
    misc.name = "kapi_misc";
    misc.fops = &test_misc_fops;
    KTEST_EXPECT(misc_register(&misc) == 0);
    KTEST_EXPECT(misc.minor != MISC_DYNAMIC_MINOR && misc.this_device);
    KTEST_EXPECT(stat_dev_node("/dev/kapi_misc", &mode, &rdev, &uid) == 0);
    KTEST_EXPECT(rdev == MKDEV(MISC_MAJOR, misc.minor) && mode == (S_IFCHR | 0600));
    auto opened = filp_open("/dev/kapi_misc", O_RDONLY, 0);
    KTEST_EXPECT(!opened.is_error());
    if (!opened.is_error()) {
        file* f = opened.release_value();
        KTEST_EXPECT(f->private_data == &misc && f->f_op == &test_misc_fops && misc_opens == 1);
        fput(f);
    }
    miscdevice same_minor {};
    same_minor.minor = misc.minor;
    same_minor.name = "kapi_misc2";
    same_minor.fops = &test_misc_fops;
    KTEST_EXPECT(misc_register(&same_minor) == -EBUSY);
    misc_deregister(&misc);
    KTEST_EXPECT(stat_dev_node("/dev/kapi_misc", &mode, &rdev, &uid) == -ENOENT);
}

// ---- strings, numbers, user copies ----

void test_numbers_and_strings(KTestContext& context)
{
    long l = 0;
    KTEST_EXPECT(kstrtol("-123\n", 10, &l) == 0 && l == -123);
    KTEST_EXPECT(kstrtol("0x1f", 0, &l) == 0 && l == 31);
    KTEST_EXPECT(kstrtol("017", 0, &l) == 0 && l == 15);
    KTEST_EXPECT(kstrtol("12abc", 10, &l) == -EINVAL);
    KTEST_EXPECT(kstrtol(" 5", 10, &l) == -EINVAL);
    KTEST_EXPECT(kstrtol("", 10, &l) == -EINVAL);
    KTEST_EXPECT(kstrtol("2147483648", 10, &l) == -ERANGE);
    unsigned long ul = 0;
    KTEST_EXPECT(kstrtoul("4294967295", 10, &ul) == 0 && ul == 4294967295UL);
    KTEST_EXPECT(kstrtoul("-1", 10, &ul) == -EINVAL);
    int i = 0;
    KTEST_EXPECT(kstrtoint("+42", 10, &i) == 0 && i == 42);
    unsigned int ui = 0;
    KTEST_EXPECT(kstrtouint("ff", 16, &ui) == 0 && ui == 255);
    u8 byte = 0;
    KTEST_EXPECT(kstrtou8("256", 10, &byte) == -ERANGE);
    long long ll = 0;
    KTEST_EXPECT(kstrtoll("-9223372036854775808", 10, &ll) == 0 && ll == LLONG_MIN);
    bool flag = false;
    KTEST_EXPECT(kstrtobool("on", &flag) == 0 && flag);
    KTEST_EXPECT(kstrtobool("N", &flag) == 0 && !flag);
    KTEST_EXPECT(simple_strtoul("0x10zz", nullptr, 0) == 16);

    int a = 0, b = 0, n = 0;
    unsigned x = 0;
    short h = 0;
    char word[16] = {}, key[16] = {}, value[16] = {};
    KTEST_EXPECT(sscanf("12 abc 0x1f -7", "%d %s %x %hd", &a, word, &x, &h) == 4);
    KTEST_EXPECT(a == 12 && libk::strcmp(word, "abc") == 0 && x == 31 && h == -7);
    KTEST_EXPECT(sscanf("10,20", "%d,%d%n", &a, &b, &n) == 2 && a == 10 && b == 20 && n == 5);
    KTEST_EXPECT(sscanf("key=val", "%15[^=]=%15s", key, value) == 2);
    KTEST_EXPECT(libk::strcmp(key, "key") == 0 && libk::strcmp(value, "val") == 0);
    KTEST_EXPECT(sscanf("abc", "%d", &a) == 0);
    KTEST_EXPECT(sscanf("7 8", "%*d %d", &a) == 1 && a == 8);
    KTEST_EXPECT(sscanf("0777 0x10", "%i %i", &a, &b) == 2 && a == 0777 && b == 16);

    char buffer[8];
    KTEST_EXPECT(snprintf(buffer, sizeof(buffer), "%d-%s", 12345, "abc") == 9);
    KTEST_EXPECT(libk::strcmp(buffer, "12345-a") == 0);
    KTEST_EXPECT(scnprintf(buffer, 4, "%d", 12345) == 3);
    char* formatted = kasprintf(GFP_KERNEL, "%s=%u", "pid", 7u);
    KTEST_EXPECT(formatted && libk::strcmp(formatted, "pid=7") == 0);
    kfree(formatted);
    char* copy = kstrndup("truncated", 5, GFP_KERNEL);
    KTEST_EXPECT(copy && libk::strcmp(copy, "trunc") == 0);
    kfree(copy);
    char small[4];
    KTEST_EXPECT(strscpy(small, "toolong", sizeof(small)) == -E2BIG && libk::strcmp(small, "too") == 0);
    char padded[] = "  hi \n";
    KTEST_EXPECT(libk::strcmp(strim(padded), "hi") == 0);

    // get_user/put_user on kernel buffers (allowed under KERNEL_DS) and a bad address.
    {
        ScopedKernelDs kernel_ds;
        const char source = -5;
        char c = 0;
        KTEST_EXPECT(get_user(c, &source) == 0 && c == -5);
        const u64 big = 0x1122334455667788ULL;
        u64 out = 0;
        KTEST_EXPECT(get_user(out, &big) == 0 && out == big);
        int target = 0;
        KTEST_EXPECT(put_user(77, &target) == 0 && target == 77);
    }
    char c = 1;
    KTEST_EXPECT(get_user(c, reinterpret_cast<const char __user*>(0xC0001000)) == -EFAULT && c == 0);
    KTEST_EXPECT(!access_ok(reinterpret_cast<const void __user*>(0xBFFFFFF0), 0x20));

    // Ids and clocks: the tests run as root in kernel_init.
    KTEST_EXPECT(uid_eq(current_uid(), GLOBAL_ROOT_UID) && capable(CAP_SYS_ADMIN));
    u64 before = ktime_get_ns();
    msleep(8);
    KTEST_EXPECT(ktime_get_ns() - before >= 4 * NSEC_PER_MSEC);
    KTEST_EXPECT(ktime_get_real_seconds() > 1600000000);
    KTEST_EXPECT(hex_to_bin('b') == 11 && toupper('q') == 'Q');
}

} // namespace

KTEST(kapi)
{
    test_timers(context);
    test_tasklets(context);
    test_workqueues(context);
    test_kthreads_and_locks(context);
    test_waiting(context);
    test_devices(context);
    test_numbers_and_strings(context);
}
