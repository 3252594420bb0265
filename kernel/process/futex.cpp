// Futexes as Linux has them: a task sleeps on a user address while the word
// there holds the value it expects; another wakes it by address. Waiters hang
// on a hash table of lists keyed by (mm, address), or by physical address for
// shared futexes in MAP_SHARED memory. One CPU: interrupts off is the lock, so
// reading the word and queueing the waiter cannot be split by a wake-up.
// Also the robust futex list and CLONE_CHILD_CLEARTID at thread exit.
#include <arch/x86.h>
#include <kernel/completion.h>
#include <kernel/futex.h>
#include <kernel/paging.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/time.h>
#include <kernel/uaccess.h>
#include <kernel/user_mm.h>
#include <kernel/user_time.h>
#include <linux/errno.h>
#include <linux/futex.h>
#include <linux/time.h>
#include <linux/time_types.h>

namespace {

struct FutexKey {
    uintptr_t space;     // the mm_struct of a private futex; 0 for a physical address
    uintptr_t address;
    bool operator==(const FutexKey& other) const { return space == other.space && address == other.address; }
};

struct FutexWaiter {
    Task* task;
    FutexKey key;
    uint32_t bitset;
    bool woken;
    FutexWaiter* prev;
    FutexWaiter* next;
};

constexpr unsigned bucket_count = 64;
constinit FutexWaiter* buckets[bucket_count] = {};

unsigned bucket_of(const FutexKey& key)
{
    uint32_t hash = static_cast<uint32_t>(key.address >> 2) ^ static_cast<uint32_t>(key.space >> 4);
    hash *= 0x9E3779B1u;
    return hash >> 26;
}

void enqueue(FutexWaiter& waiter)
{
    FutexWaiter*& head = buckets[bucket_of(waiter.key)];
    waiter.prev = nullptr;
    waiter.next = head;
    if (head)
        head->prev = &waiter;
    head = &waiter;
}

void dequeue(FutexWaiter& waiter)
{
    if (waiter.prev)
        waiter.prev->next = waiter.next;
    else
        buckets[bucket_of(waiter.key)] = waiter.next;
    if (waiter.next)
        waiter.next->prev = waiter.prev;
    waiter.prev = waiter.next = nullptr;
}

bool is_queued(const FutexWaiter& waiter)
{
    return waiter.prev || buckets[bucket_of(waiter.key)] == &waiter;
}

// The physical address behind a user address that is present (faulted in).
uintptr_t physical_address(mm_struct* mm, uintptr_t address)
{
    uint32_t pde = mm->pgd[address >> 22];
    if (!(pde & pte_present))
        return 0;
    auto* table = static_cast<uint32_t*>(arch::phys_to_virt(pde & ~0xFFFu));
    uint32_t pte = table[(address >> 12) & 0x3FF];
    if (!(pte & pte_present))
        return 0;
    return (pte & ~0xFFFu) | (address & 0xFFF);
}

// Linux's get_futex_key: private futexes and private memory are keyed by
// (mm, address); a shared futex in MAP_SHARED memory by the page itself, so
// that processes mapping it at different addresses meet.
int get_key(uint32_t __user* uaddr, bool is_private, FutexKey& key)
{
    auto address = reinterpret_cast<uintptr_t>(uaddr);
    if (address & 3)
        return -EINVAL;
    mm_struct* mm = current->mm;
    if (!mm || address >= TASK_SIZE)
        return -EFAULT;
    key = { reinterpret_cast<uintptr_t>(mm), address };
    if (is_private)
        return 0;
    vm_area_struct* vma = find_vma(mm, address);
    if (!vma || vma->vm_start > address)
        return -EFAULT;
    if ((vma->vm_flags & VM_SHARED) && !(vma->vm_flags & VM_PFNMAP)) {
        uint32_t value;
        if (get_user_value(value, uaddr))   // faults the page in
            return -EFAULT;
        uintptr_t phys = physical_address(mm, address);
        if (!phys)
            return -EFAULT;
        key = { 0, phys };
    }
    return 0;
}

int wake_key(const FutexKey& key, int count, uint32_t bitset)
{
    int woken = 0;
    FutexWaiter* waiter = buckets[bucket_of(key)];
    while (waiter && woken < count) {
        FutexWaiter* next = waiter->next;
        if (waiter->key == key && (waiter->bitset & bitset)) {
            dequeue(*waiter);
            waiter->woken = true;
            wake_up_process(waiter->task);
            ++woken;
        }
        waiter = next;
    }
    return woken;
}

// A time-out as a jiffies deadline: relative (FUTEX_WAIT) or absolute on
// CLOCK_MONOTONIC or CLOCK_REALTIME (FUTEX_WAIT_BITSET), rounded up.
struct Timeout {
    bool present;
    unsigned long deadline;
};

// As clock_gettime reports CLOCK_MONOTONIC and CLOCK_REALTIME (kernel/sys/time.cpp).
uint64_t clock_now_ns(bool realtime)
{
    return realtime ? static_cast<uint64_t>(ktime_get_real_ns()) : local_clock();
}

int make_timeout(int64_t seconds, int64_t nanoseconds, bool absolute, bool realtime, Timeout& timeout)
{
    if (seconds < 0 || nanoseconds < 0 || nanoseconds >= 1000000000)
        return -EINVAL;
    uint64_t ns = static_cast<uint64_t>(seconds) * 1000000000ull + static_cast<uint64_t>(nanoseconds);
    if (absolute) {
        uint64_t now = clock_now_ns(realtime);
        ns = ns > now ? ns - now : 0;
    }
    uint64_t ticks = (ns * HZ + 999999999ull) / 1000000000ull;
    if (ticks > 0x3FFFFFFF)
        ticks = 0x3FFFFFFF;
    // One extra tick when sleeping at all: the current one is partly over.
    timeout = { true, jiffies + static_cast<unsigned long>(ticks) + (ticks ? 1 : 0) };
    return 0;
}

long futex_wait(uint32_t __user* uaddr, bool is_private, uint32_t expected, const Timeout& timeout, uint32_t bitset)
{
    if (!bitset)
        return -EINVAL;
    FutexWaiter waiter {};
    int error = get_key(uaddr, is_private, waiter.key);
    if (error)
        return error;
    uint32_t value;
    if (get_user_value(value, uaddr))   // with interrupts on: may fault the page in
        return -EFAULT;
    waiter.task = current;
    waiter.bitset = bitset;

    uint32_t flags = arch::local_irq_save();
    if (get_user_value(value, uaddr)) {
        arch::local_irq_restore(flags);
        return -EFAULT;
    }
    if (value != expected) {
        arch::local_irq_restore(flags);
        return -EAGAIN;
    }
    enqueue(waiter);
    bool timed_out = false;
    for (;;) {
        current->state = TaskState::Interruptible;
        if (waiter.woken || signal_pending(current))
            break;
        if (!timeout.present) {
            schedule();
        } else if (schedule_timeout_until(timeout.deadline) == 0) {
            timed_out = !waiter.woken;
            break;
        }
    }
    current->state = TaskState::Running;
    if (is_queued(waiter))
        dequeue(waiter);
    arch::local_irq_restore(flags);
    if (waiter.woken)
        return 0;
    if (timed_out)
        return -ETIMEDOUT;
    // Without a time-out the wait restarts after a SA_RESTART handler, as on Linux.
    return timeout.present ? -EINTR : -ERESTARTSYS;
}

// The keys of the two futexes requeue and wake_op work on.
int get_keys(uint32_t __user* uaddr, uint32_t __user* uaddr2, bool is_private, FutexKey& key1, FutexKey& key2)
{
    int error = get_key(uaddr, is_private, key1);
    return error ? error : get_key(uaddr2, is_private, key2);
}

long futex_requeue(uint32_t __user* uaddr, bool is_private, uint32_t __user* uaddr2, int nr_wake, int nr_requeue,
    const uint32_t* expected)
{
    if (nr_wake < 0 || nr_requeue < 0)
        return -EINVAL;
    FutexKey key1, key2;
    if (int error = get_keys(uaddr, uaddr2, is_private, key1, key2))
        return error;
    uint32_t value;
    if (expected && get_user_value(value, uaddr))
        return -EFAULT;
    uint32_t flags = arch::local_irq_save();
    if (expected) {
        int result = get_user_value(value, uaddr) ? -EFAULT : value != *expected ? -EAGAIN : 0;
        if (result) {
            arch::local_irq_restore(flags);
            return result;
        }
    }
    int done = wake_key(key1, nr_wake, FUTEX_BITSET_MATCH_ANY);
    int moved = 0;
    FutexWaiter* waiter = buckets[bucket_of(key1)];
    while (waiter && moved < nr_requeue) {
        FutexWaiter* next = waiter->next;
        if (waiter->key == key1) {
            dequeue(*waiter);
            waiter->key = key2;
            enqueue(*waiter);
            ++moved;
        }
        waiter = next;
    }
    arch::local_irq_restore(flags);
    return done + moved;
}

// FUTEX_WAKE_OP: *uaddr2 = *uaddr2 OP oparg; wake on uaddr; and on uaddr2 if
// the old value compares true with cmparg.
long futex_wake_op(uint32_t __user* uaddr, bool is_private, uint32_t __user* uaddr2, int nr_wake, int nr_wake2,
    uint32_t encoded)
{
    int op = (encoded >> 28) & 7;
    int cmp = (encoded >> 24) & 15;
    int32_t oparg = static_cast<int32_t>(encoded << 8) >> 20;    // 12 bits, sign-extended
    int32_t cmparg = static_cast<int32_t>(encoded << 20) >> 20;
    if (encoded & (FUTEX_OP_OPARG_SHIFT << 28))
        oparg = 1 << (oparg & 31);
    if (op > FUTEX_OP_XOR || cmp > FUTEX_OP_CMP_GE)
        return -ENOSYS;
    FutexKey key1, key2;
    if (int error = get_keys(uaddr, uaddr2, is_private, key1, key2))
        return error;
    int32_t old;
    if (get_user_value(old, reinterpret_cast<int32_t __user*>(uaddr2))
        || put_user_value(old, reinterpret_cast<int32_t __user*>(uaddr2)))   // present and writable
        return -EFAULT;
    uint32_t flags = arch::local_irq_save();
    get_user_value(old, reinterpret_cast<int32_t __user*>(uaddr2));
    int32_t value = op == FUTEX_OP_SET ? oparg
        : op == FUTEX_OP_ADD           ? old + oparg
        : op == FUTEX_OP_OR            ? old | oparg
        : op == FUTEX_OP_ANDN          ? old & ~oparg
                                       : old ^ oparg;
    if (put_user_value(value, reinterpret_cast<int32_t __user*>(uaddr2))) {
        arch::local_irq_restore(flags);
        return -EFAULT;
    }
    int woken = wake_key(key1, nr_wake, FUTEX_BITSET_MATCH_ANY);
    bool condition = cmp == FUTEX_OP_CMP_EQ ? old == cmparg
        : cmp == FUTEX_OP_CMP_NE            ? old != cmparg
        : cmp == FUTEX_OP_CMP_LT            ? old < cmparg
        : cmp == FUTEX_OP_CMP_LE            ? old <= cmparg
        : cmp == FUTEX_OP_CMP_GT            ? old > cmparg
                                            : old >= cmparg;
    if (condition)
        woken += wake_key(key2, nr_wake2, FUTEX_BITSET_MATCH_ANY);
    arch::local_irq_restore(flags);
    return woken;
}

// The common body of futex (240) and futex_time64 (422); the time-out has been
// read by the caller. For the requeue and wake-op commands that argument is a count.
long do_futex(uint32_t __user* uaddr, int op, uint32_t val, const Timeout& timeout, uintptr_t val2,
    uint32_t __user* uaddr2, uint32_t val3)
{
    int cmd = op & FUTEX_CMD_MASK;
    bool is_private = op & FUTEX_PRIVATE_FLAG;
    if ((op & FUTEX_CLOCK_REALTIME) && cmd != FUTEX_WAIT_BITSET && cmd != FUTEX_WAIT)
        return -ENOSYS;   // Linux accepts it with FUTEX_WAIT since 4.5 (the time-out stays relative)
    switch (cmd) {
    case FUTEX_WAIT:
        return futex_wait(uaddr, is_private, val, timeout, FUTEX_BITSET_MATCH_ANY);
    case FUTEX_WAIT_BITSET:
        return futex_wait(uaddr, is_private, val, timeout, val3);
    case FUTEX_WAKE:
        val3 = FUTEX_BITSET_MATCH_ANY;
        [[fallthrough]];
    case FUTEX_WAKE_BITSET:
        return futex_wake(uaddr, is_private, static_cast<int>(val), val3);
    case FUTEX_REQUEUE:
        return futex_requeue(uaddr, is_private, uaddr2, static_cast<int>(val), static_cast<int>(val2), nullptr);
    case FUTEX_CMP_REQUEUE:
        return futex_requeue(uaddr, is_private, uaddr2, static_cast<int>(val), static_cast<int>(val2), &val3);
    case FUTEX_WAKE_OP:
        return futex_wake_op(uaddr, is_private, uaddr2, static_cast<int>(val), static_cast<int>(val2), val3);
    default:
        return -ENOSYS;   // PI futexes and FUTEX_FD are not implemented
    }
}

bool has_timeout(int op)
{
    int cmd = op & FUTEX_CMD_MASK;
    return cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET;
}

} // namespace

int futex_wake(uint32_t __user* uaddr, bool is_private, int count, uint32_t bitset)
{
    if (!bitset)
        return -EINVAL;
    FutexKey key;
    int error = get_key(uaddr, is_private, key);
    if (error)
        return error;
    uint32_t flags = arch::local_irq_save();
    int woken = wake_key(key, count, bitset);
    arch::local_irq_restore(flags);
    return woken;
}

namespace {

// futex and futex_time64: the time-out read in either layout, then one body.
template<typename UserTimespec>
long futex_user(uint32_t __user* uaddr, int op, uint32_t val, const UserTimespec __user* utime,
    uint32_t __user* uaddr2, uint32_t val3)
{
    Timeout timeout { false, 0 };
    if (utime && has_timeout(op)) {
        timespec64 value;
        if (get_user_timespec(&value, utime))
            return -EFAULT;
        int error = make_timeout(value.tv_sec, value.tv_nsec, (op & FUTEX_CMD_MASK) == FUTEX_WAIT_BITSET,
            op & FUTEX_CLOCK_REALTIME, timeout);
        if (error)
            return error;
    }
    // For the requeue and wake_op commands the time-out argument is val2, a number.
    return do_futex(uaddr, op, val, timeout, reinterpret_cast<uintptr_t>(utime), uaddr2, val3);
}

} // namespace

extern "C" long sys_futex(uint32_t __user* uaddr, int op, uint32_t val, const old_timespec32 __user* utime,
    uint32_t __user* uaddr2, uint32_t val3)
{
    return futex_user(uaddr, op, val, utime, uaddr2, val3);
}

extern "C" long sys_futex_time64(uint32_t __user* uaddr, int op, uint32_t val,
    const __kernel_timespec __user* utime, uint32_t __user* uaddr2, uint32_t val3)
{
    return futex_user(uaddr, op, val, utime, uaddr2, val3);
}

// ---- robust futexes ----

extern "C" long sys_set_robust_list(robust_list_head __user* head, size_t length)
{
    if (length != sizeof(robust_list_head))
        return -EINVAL;
    current->robust_list = reinterpret_cast<uintptr_t>(head);
    return 0;
}

extern "C" long sys_get_robust_list(int pid, robust_list_head __user* __user* head_pointer,
    size_t __user* length_pointer)
{
    Task* task = pid ? find_task_by_pid(pid) : current;
    if (!task || !task->user_process)
        return -ESRCH;
    if (task != current && current->cred.euid != 0 && current->cred.euid != task->cred.uid)
        return -EPERM;
    size_t length = sizeof(robust_list_head);
    auto* head = reinterpret_cast<robust_list_head*>(task->robust_list);
    if (put_user_value(length, length_pointer) || put_user_value(head, head_pointer))
        return -EFAULT;
    return 0;
}

namespace {

// A lock its dead owner held: mark it FUTEX_OWNER_DIED and wake one waiter,
// who then gets EOWNERDEAD from pthread_mutex_lock (Linux's handle_futex_death).
bool handle_futex_death(uint32_t __user* uaddr, pid_t tid)
{
    uint32_t value;
    if (reinterpret_cast<uintptr_t>(uaddr) & 3 || get_user_value(value, uaddr))
        return false;
    if ((value & FUTEX_TID_MASK) != static_cast<uint32_t>(tid))
        return true;
    uint32_t flags = arch::local_irq_save();
    uint32_t updated = (value & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
    bool ok = !put_user_value(updated, uaddr);
    arch::local_irq_restore(flags);
    if (ok && (value & FUTEX_WAITERS))
        futex_wake(uaddr, false, 1, FUTEX_BITSET_MATCH_ANY);
    return ok;
}

// Entries point at each other; bit 0 of a pointer marks a PI futex.
bool fetch_entry(robust_list __user* __user* from, uintptr_t& entry)
{
    uintptr_t raw;
    if (get_user_value(raw, reinterpret_cast<uintptr_t __user*>(from)))
        return false;
    entry = raw & ~1u;
    return true;
}

void exit_robust_list(Task* task)
{
    auto* head = reinterpret_cast<robust_list_head __user*>(task->robust_list);
    task->robust_list = 0;
    if (!head)
        return;
    uintptr_t entry, pending;
    long offset;
    if (!fetch_entry(&head->list.next, entry) || get_user_value(offset, &head->futex_offset)
        || !fetch_entry(&head->list_op_pending, pending))
        return;
    auto head_address = reinterpret_cast<uintptr_t>(&head->list);
    for (int limit = ROBUST_LIST_LIMIT; entry != head_address && limit > 0; --limit) {
        uintptr_t next;
        if (!fetch_entry(reinterpret_cast<robust_list __user* __user*>(entry), next))
            return;
        // The pending entry is handled once, below.
        if (entry != pending
            && !handle_futex_death(reinterpret_cast<uint32_t __user*>(entry + offset), task->pid))
            return;
        entry = next;
    }
    if (pending)
        handle_futex_death(reinterpret_cast<uint32_t __user*>(pending + offset), task->pid);
}

// CLONE_CHILD_CLEARTID / set_tid_address: zero the tid word and wake a waiter
// (pthread_join). Only while others share the memory, as Linux does.
void clear_child_tid(Task* task)
{
    auto* tid = reinterpret_cast<uint32_t __user*>(task->clear_child_tid);
    task->clear_child_tid = 0;
    if (!tid || !task->mm || task->mm->mm_users <= 1)
        return;
    uint32_t zero = 0;
    if (!put_user_value(zero, tid))
        futex_wake(tid, false, 1, FUTEX_BITSET_MATCH_ANY);
}

void release_vfork_parent(Task* task)
{
    if (Completion* done = task->vfork_done) {
        task->vfork_done = nullptr;
        done->complete();
    }
}

} // namespace

void mm_release(Task* task)
{
    exit_robust_list(task);
    clear_child_tid(task);
    release_vfork_parent(task);
}
