// The scheduler: one run queue, round-robin with a time slice, preemption on
// the timer tick. Interrupts off is the lock for all of it (one CPU).
#include <arch/gdt.h>
#include <arch/x86.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/sched.h>
#include <kernel/time.h>
#include <libk/string.h>
#include <linux/errno.h>
#include <linux/printk.h>

extern "C" void switch_context(uint32_t* prev_saved_esp, uint32_t next_saved_esp);
extern "C" void kernel_thread_start();
extern "C" char init_thread_stack[], init_thread_stack_top[];

Task* current = nullptr;
volatile bool need_resched = false;
int preempt_count = 0;

namespace {

constinit Task init_task = {};   // pid 0: the boot CPU's context, later the idle task
constinit libk::IntrusiveList<Task, &Task::run_node> run_queue;
constinit libk::IntrusiveList<Task, &Task::task_node> all_tasks;
constinit pid_t next_pid = 1;
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
        free_pages(prev->stack, 2);
        kfree(prev);
    }
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
    all_tasks.push_back(init_task);
    current = &init_task;
    tss_set_kernel_stack(stack_top(&init_task));
}

pid_t kernel_thread(int (*fn)(void*), void* arg, const char* name)
{
    static_assert(kernel_stack_size == 4 * arch::page_size, "the stack is an order-2 block");
    auto* task = static_cast<Task*>(kzalloc(sizeof(Task), GFP_KERNEL));
    void* stack = alloc_pages(2);
    if (!task || !stack) {
        kfree(task);
        if (stack)
            free_pages(stack, 2);
        return -ENOMEM;
    }
    set_comm(task, name);
    task->stack = stack;
    task->stack_size = kernel_stack_size;
    task->parent = current;
    task->time_slice = default_time_slice;

    // The frame switch_context pops: edi, esi (arg), ebx (fn), ebp (0 ends
    // backtraces), then the return address.
    auto* sp = reinterpret_cast<uint32_t*>(stack_top(task));
    *--sp = reinterpret_cast<uint32_t>(kernel_thread_start);
    *--sp = 0;
    *--sp = reinterpret_cast<uint32_t>(fn);
    *--sp = reinterpret_cast<uint32_t>(arg);
    *--sp = 0;
    task->saved_esp = reinterpret_cast<uint32_t>(sp);

    uint32_t flags = arch::local_irq_save();
    task->pid = next_pid++;
    task->state = TaskState::Running;
    all_tasks.push_back(*task);
    run_queue.push_back(*task);
    pid_t pid = task->pid;
    arch::local_irq_restore(flags);
    return pid;
}

void schedule()
{
    uint32_t flags = arch::local_irq_save();
    ++preempt_count;
    Task* prev = current;
    if (prev->state == TaskState::Running && prev != &init_task
        && !libk::IntrusiveList<Task, &Task::run_node>::is_linked(prev->run_node))
        run_queue.push_back(*prev);

    Task* next = run_queue.pop_front();
    if (!next)
        next = &init_task;
    need_resched = false;
    if (next != prev) {
        uint64_t now = local_clock();
        prev->runtime_ns += now - last_switch_ns;
        last_switch_ns = now;
        next->time_slice = default_time_slice;
        current = next;
        tss_set_kernel_stack(stack_top(next));
        last_switched_from = prev;
        prev->saved_preempt_count = preempt_count;
        switch_context(&prev->saved_esp, next->saved_esp);
        preempt_count = prev->saved_preempt_count;   // we are prev again, resumed
        finish_task_switch();
    }
    --preempt_count;
    arch::local_irq_restore(flags);
}

// A new task's first code after switch_context (see boot/switch.asm).
extern "C" void schedule_tail()
{
    finish_task_switch();
    preempt_count = 0;   // a new thread starts preemptible
    arch::local_irq_enable();
}

bool wake_up_process(Task* task)
{
    uint32_t flags = arch::local_irq_save();
    bool woken = task->state == TaskState::Interruptible || task->state == TaskState::Uninterruptible;
    if (woken) {
        task->state = TaskState::Running;
        task->sleep_deadline = 0;
        if (task != current && !libk::IntrusiveList<Task, &Task::run_node>::is_linked(task->run_node))
            run_queue.push_back(*task);
        if (current == &init_task)
            need_resched = true;
    }
    arch::local_irq_restore(flags);
    return woken;
}

unsigned long schedule_timeout_until(unsigned long deadline)
{
    uint32_t flags = arch::local_irq_save();
    if (time_after(deadline, jiffies)) {
        current->sleep_deadline = deadline;
        current->state = TaskState::Uninterruptible;
        schedule();
    }
    arch::local_irq_restore(flags);
    return time_after(deadline, jiffies) ? deadline - jiffies : 0;
}

void msleep(unsigned int milliseconds)
{
    // One extra tick: the current one is partly over already.
    unsigned long deadline = jiffies + msecs_to_jiffies(milliseconds) + 1;
    while (schedule_timeout_until(deadline) > 0) { }
}

void do_exit(int code)
{
    arch::local_irq_disable();
    if (current == &init_task)
        panic("Attempted to kill the idle task!");
    if (current->pid == 1)
        panic("Attempted to kill init! exitcode=0x%08x", code);
    current->exit_code = code;
    current->state = TaskState::Dead;   // kernel threads are reaped at the next switch
    schedule();
    panic("do_exit: dead task %d scheduled again", current->pid);
}

void scheduler_tick()
{
    // Wake timed sleepers whose deadline has come.
    for (Task& task : all_tasks) {
        if (task.sleep_deadline && !time_after(task.sleep_deadline, jiffies)
            && (task.state == TaskState::Uninterruptible || task.state == TaskState::Interruptible))
            wake_up_process(&task);
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
    schedule();
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
