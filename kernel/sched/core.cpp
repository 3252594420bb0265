// The scheduler: one run queue, round-robin with a time slice, preemption on
// the timer tick. Interrupts off is the lock for all of it (one CPU).
#include <arch/gdt.h>
#include <arch/ptrace.h>
#include <arch/x86.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/syscall.h>
#include <kernel/time.h>
#include <kernel/uaccess.h>
#include <kernel/user_mm.h>
#include <kernel/watchdog.h>
#include <libk/string.h>
#include <new>
#include <linux/errno.h>
#include <linux/printk.h>

extern "C" void switch_context(uint32_t* prev_saved_esp, uint32_t next_saved_esp);
extern "C" void kernel_thread_start();
extern "C" void ret_from_fork();
extern "C" char init_thread_stack[], init_thread_stack_top[];

Task* current = nullptr;
constinit Task init_task = {};   // pid 0: the boot CPU's context, later the idle task
volatile bool need_resched = false;
int preempt_count = 0;

namespace {

constinit libk::IntrusiveList<Task, &Task::run_node> run_queue;
constinit libk::IntrusiveList<Task, &Task::task_node> all_tasks;
// pids 1 and 2 are kernel_init's and kthreadd's, whatever threads initcalls
// start before rest_init (work queue workers): as on Linux, init is pid 1.
constinit pid_t next_pid = 3;
constinit Task* last_switched_from = nullptr;
constinit uint64_t last_switch_ns = 0;

void set_comm(Task* task, const char* name)
{
    libk::strlcpy(task->comm, name, sizeof(task->comm));
}

uint32_t stack_top(const Task* task)
{
    return reinterpret_cast<uint32_t>(task->stack) + task->stack_size;
}

// Runs on the new task right after every switch: frees a task that exited.
void finish_task_switch()
{
    Task* prev = last_switched_from;
    if (prev && prev->state == TaskState::Dead && prev != &init_task) {
        all_tasks.remove(*prev);
        free_task(prev);
    }
}

// Pushes the frame switch_context pops (edi, esi, ebx, ebp, return address)
// below the pt_regs area at the top of the task's stack.
void push_switch_frame(Task* task, void (*entry)(), uint32_t ebx, uint32_t esi)
{
    auto* sp = reinterpret_cast<uint32_t*>(reinterpret_cast<uintptr_t>(task_pt_regs(task)));
    *--sp = reinterpret_cast<uint32_t>(entry);
    *--sp = 0;      // ebp: ends backtraces
    *--sp = ebx;
    *--sp = esi;
    *--sp = 0;      // edi
    task->saved_esp = reinterpret_cast<uint32_t>(sp);
}

} // namespace

void sched_init()
{
    init_task.pid = 0;
    set_comm(&init_task, "swapper");
    init_task.state = TaskState::Running;
    init_task.stack = init_thread_stack;
    init_task.stack_size = init_thread_stack_top - init_thread_stack;
    init_task.time_slice = default_time_slice;
    init_task.addr_limit = USER_ADDR_LIMIT;
    init_task.group_leader = &init_task;   // every task has a leader: no caller needs a fallback
    init_task.real_cred_ptr = init_task.cred_ptr = &init_task.cred;
    all_tasks.push_back(init_task);
    current = &init_task;
    tss_set_kernel_stack(stack_top(&init_task));
}

Task* alloc_task()
{
    static_assert(kernel_stack_size == 4 * arch::page_size, "the stack is an order-2 block");
    void* memory = kmalloc(sizeof(Task), GFP_KERNEL);
    void* stack = alloc_pages(2);
    if (!memory || !stack) {
        kfree(memory);
        free_pages(stack, 2);
        return nullptr;
    }
    libk::memset(memory, 0, sizeof(Task));
    Task* task = new (memory) Task {};
    task->stack = stack;
    task->stack_size = kernel_stack_size;
    task->time_slice = default_time_slice;
    task->addr_limit = USER_ADDR_LIMIT;
    task->start_jiffies = jiffies_64;
    task->real_cred_ptr = task->cred_ptr = &task->cred;
    return task;
}

Task* next_process(Task* task)
{
    uint32_t flags = arch::local_irq_save();
    Task* next = task;
    do {
        next = libk::IntrusiveList<Task, &Task::task_node>::is_linked(next->task_node) ? all_tasks.next_of(*next)
                                                                                     : nullptr;
        if (!next)
            next = &init_task;   // past the last one: the list is a circle through init_task
    } while (next != &init_task && !thread_group_leader(next));
    arch::local_irq_restore(flags);
    return next;
}

void free_task(Task* task)
{
    free_pages(task->stack, 2);
    kfree(task->fpu_state);
    sighand_put(task->sighand);
    thread_group_put(task->signal);
    task->~Task();
    kfree(task);
}

pid_t wake_up_new_task(Task* task, pid_t fixed_pid)
{
    uint32_t flags = arch::local_irq_save();
    task->pid = fixed_pid ? fixed_pid : next_pid++;
    if (!task->tgid)
        task->tgid = task->pid;   // a new process leads its own thread group
    if (!task->group_leader)
        task->group_leader = task;
    task->state = TaskState::Running;
    all_tasks.push_back(*task);
    run_queue.push_back(*task);
    pid_t pid = task->pid;
    arch::local_irq_restore(flags);
    return pid;
}

void prepare_fork_return(Task* task)
{
    push_switch_frame(task, ret_from_fork, 0, 0);
}

void release_task(Task* task)
{
    uint32_t flags = arch::local_irq_save();
    all_tasks.remove(*task);
    if (task->parent)
        task->parent->children.remove(*task);
    arch::local_irq_restore(flags);
    free_task(task);
}

pt_regs* task_pt_regs(const Task* task)
{
    return reinterpret_cast<pt_regs*>(stack_top(task) - sizeof(pt_regs));
}

pid_t kernel_thread(int (*fn)(void*), void* arg, const char* name, pid_t fixed_pid)
{
    Task* task = alloc_task();
    if (!task)
        return -ENOMEM;
    set_comm(task, name);
    task->parent = current;
    task->cred = current->cred;
    // fn runs with ebx = fn, esi = arg (boot/switch.asm); the pt_regs area above
    // stays free for a later execve to fill.
    push_switch_frame(task, kernel_thread_start, reinterpret_cast<uint32_t>(fn), reinterpret_cast<uint32_t>(arg));
    return wake_up_new_task(task, fixed_pid);
}

namespace {

// `preempted`: the tick took the CPU away, the task did not give it up. It stays
// runnable whatever state it set, as on Linux (__schedule(SM_PREEMPT)): one that was
// about to sleep runs again, re-checks its condition and then sleeps by itself.
// Taking it off the run queue here would lose a wake-up that came before.
void do_schedule(bool preempted)
{
    uint32_t flags = arch::local_irq_save();
    ++preempt_count;
    touch_softlockup_watchdog();   // the scheduler ran: whoever was on the CPU let it
    Task* prev = current;
    bool runnable = prev->state == TaskState::Running
        || (preempted && prev->state != TaskState::Zombie && prev->state != TaskState::Dead);
    if (runnable && prev != &init_task && !libk::IntrusiveList<Task, &Task::run_node>::is_linked(prev->run_node))
        run_queue.push_back(*prev);

    Task* next = run_queue.pop_front();
    if (!next)
        next = &init_task;
    need_resched = false;
    // A new slice even when prev runs on (it was alone): with none, the tick
    // would never ask for a switch again, and a task woken later would wait
    // until this one blocked.
    next->time_slice = default_time_slice;
    if (next != prev) {
        uint64_t now = local_clock();
        prev->runtime_ns += now - last_switch_ns;
        last_switch_ns = now;
        current = next;
        tss_set_kernel_stack(stack_top(next));
        switch_mm(next->mm);
        switch_to_extra(prev, next);   // TLS descriptors, FPU state
        last_switched_from = prev;
        prev->saved_preempt_count = preempt_count;
        switch_context(&prev->saved_esp, next->saved_esp);
        preempt_count = prev->saved_preempt_count;   // we are prev again, resumed
        finish_task_switch();
    }
    --preempt_count;
    arch::local_irq_restore(flags);
}

} // namespace

void schedule()
{
    do_schedule(false);
}

// A new task's first code after switch_context (see boot/switch.asm).
extern "C" void schedule_tail()
{
    finish_task_switch();
    preempt_count = 0;   // a new thread starts preemptible
    arch::local_irq_enable();
    if (uintptr_t tid = current->set_child_tid) {
        current->set_child_tid = 0;   // CLONE_CHILD_SETTID: in the child's own memory
        put_user_value(current->pid, reinterpret_cast<pid_t __user*>(tid));
    }
}

namespace {
void make_runnable(Task* task);
}

bool wake_up_process(Task* task)
{
    uint32_t flags = arch::local_irq_save();
    bool woken = task->state == TaskState::Interruptible || task->state == TaskState::Uninterruptible;
    if (woken)
        make_runnable(task);
    arch::local_irq_restore(flags);
    return woken;
}

namespace {

void make_runnable(Task* task)
{
    task->state = TaskState::Running;
    task->sleep_deadline = 0;
    if (task != current && !libk::IntrusiveList<Task, &Task::run_node>::is_linked(task->run_node))
        run_queue.push_back(*task);
    if (current == &init_task)
        need_resched = true;
}

} // namespace

bool wake_up_interruptible(Task* task)
{
    uint32_t flags = arch::local_irq_save();
    bool woken = task->state == TaskState::Interruptible;
    if (woken)
        make_runnable(task);
    arch::local_irq_restore(flags);
    return woken;
}

bool wake_up_stopped(Task* task)
{
    uint32_t flags = arch::local_irq_save();
    bool woken = task->state == TaskState::Stopped;
    if (woken)
        make_runnable(task);
    arch::local_irq_restore(flags);
    return woken;
}

unsigned long schedule_timeout_until(unsigned long deadline)
{
    uint32_t flags = arch::local_irq_save();
    // The caller chose the sleeping state; a wake-up that already came made us
    // Running again, and then there is nothing to sleep for.
    if (current->state != TaskState::Running && time_after(deadline, jiffies)) {
        current->sleep_deadline = deadline;
        schedule();
    }
    current->state = TaskState::Running;
    current->sleep_deadline = 0;
    arch::local_irq_restore(flags);
    return time_after(deadline, jiffies) ? deadline - jiffies : 0;
}

bool sleep_interruptible_until(unsigned long deadline)
{
    for (;;) {
        // Interruptible before the check: a signal sent in between wakes us.
        current->state = TaskState::Interruptible;
        if (signal_pending(current)) {
            current->state = TaskState::Running;
            return false;
        }
        if (schedule_timeout_until(deadline) == 0)
            return !signal_pending(current);
    }
}

void sleep_until_signal()
{
    for (;;) {
        current->state = TaskState::Interruptible;
        if (signal_pending(current))
            break;
        schedule();
    }
    current->state = TaskState::Running;
}

void msleep(unsigned int milliseconds)
{
    // One extra tick: the current one is partly over already.
    unsigned long deadline = jiffies + msecs_to_jiffies(milliseconds) + 1;
    do {
        current->state = TaskState::Uninterruptible;
    } while (schedule_timeout_until(deadline) > 0);
}

bool is_idle_task(const Task* task)
{
    return task == &init_task;
}

void scheduler_tick(bool user_tick)
{
    if (user_tick)
        ++current->utime_ticks;
    else if (current != &init_task)
        ++current->stime_ticks;
    // Wake timed sleepers whose deadline has come.
    for (Task& task : all_tasks) {
        if (task.sleep_deadline && !time_after(task.sleep_deadline, jiffies)
            && (task.state == TaskState::Uninterruptible || task.state == TaskState::Interruptible))
            wake_up_process(&task);
        if (task.alarm_deadline && !time_after(task.alarm_deadline, jiffies)) {
            task.alarm_deadline = task.alarm_interval ? jiffies + task.alarm_interval : 0;
            send_group_signal(&task, 14, 0x80 /* SI_KERNEL */, 0, 0);   // SIGALRM, for the process
        }
    }
    if (current == &init_task) {
        if (!run_queue.is_empty())
            need_resched = true;
    } else if (current->time_slice > 0 && --current->time_slice == 0) {
        need_resched = true;
    }
}

void preempt_schedule_irq()
{
    do_schedule(true);
}

void cpu_idle()
{
    for (;;) {
        arch::local_irq_disable();
        if (need_resched || !run_queue.is_empty())
            schedule();
        else
            arch::safe_halt();   // sti; hlt: no wake-up slips between the check and the halt
    }
}

void for_each_task(void (*callback)(Task* task, void* context), void* context)
{
    uint32_t flags = arch::local_irq_save();
    for (Task& task : all_tasks)
        callback(&task, context);
    arch::local_irq_restore(flags);
}

Task* find_task_by_pid(pid_t pid)
{
    uint32_t flags = arch::local_irq_save();
    Task* found = nullptr;
    for (Task& task : all_tasks) {
        if (task.pid == pid && task.state != TaskState::Dead) {
            found = &task;
            break;
        }
    }
    arch::local_irq_restore(flags);
    return found;
}

size_t task_count()
{
    uint32_t flags = arch::local_irq_save();
    size_t n = all_tasks.size();
    arch::local_irq_restore(flags);
    return n;
}
