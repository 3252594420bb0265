// Tasks and the scheduler: kernel threads, preemptive round-robin on the
// timer tick, sleeping and waking up.
#pragma once

#include <libk/intrusive_list.h>
#include <stddef.h>
#include <stdint.h>

typedef int pid_t;

enum class TaskState : uint8_t {
    Running,          // runnable: on the run queue or on the CPU (Linux's TASK_RUNNING)
    Interruptible,    // sleeping, woken by wake-ups (and signals, later)
    Uninterruptible,  // sleeping, woken only by wake-ups
    Zombie,           // exited, waiting to be reaped
    Dead,
};

struct Task {
    pid_t pid;
    char comm[16];               // name shown by ps, as Linux's task_struct::comm
    TaskState state;
    uint32_t saved_esp;          // kernel stack pointer while switched out (boot/switch.asm)
    void* stack;                 // kernel stack base (lowest address)
    size_t stack_size;
    Task* parent;
    int exit_code;
    unsigned long sleep_deadline; // jiffies at which a timed sleep ends, 0 for none
    uint64_t runtime_ns;         // time spent on the CPU
    unsigned long time_slice;    // ticks left before preemption
    int saved_preempt_count;     // preempt_count while switched out
    libk::ListNode run_node;     // on the run queue while runnable and not current
    libk::ListNode task_node;    // on the list of all tasks
};

constexpr size_t kernel_stack_size = 16 * 1024;
constexpr unsigned long default_time_slice = 4;   // ticks (16 ms at HZ=250)

// The task running on the CPU (Linux's `current`).
extern Task* current;

// Makes the boot context the idle task (pid 0, "swapper").
void sched_init();

// Starts a kernel thread running fn(arg); returns its pid or -errno.
// The thread exits with fn's return value when fn returns.
pid_t kernel_thread(int (*fn)(void*), void* arg, const char* name);

// Gives up the CPU: picks the next runnable task. A task that set its state to
// sleeping before calling stays off the run queue until woken.
void schedule();
// Marks a sleeping task runnable again; returns false if it was not sleeping.
bool wake_up_process(Task* task);

void msleep(unsigned int milliseconds);
// Sleeps until `jiffies` reaches `deadline` or the task is woken; returns jiffies left.
unsigned long schedule_timeout_until(unsigned long deadline);

extern "C" [[noreturn]] void do_exit(int code);

// Called by the timer interrupt: accounts time, wakes timed sleepers, asks for
// preemption when the slice is used up.
void scheduler_tick();
// Set when the current task should give up the CPU at the next chance.
extern volatile bool need_resched;
// Non-zero while the current code must not be preempted (Linux's preempt_count).
// It belongs to the running task: schedule() saves and restores it per task.
extern int preempt_count;
inline void preempt_disable() { ++preempt_count; }
inline void preempt_enable() { --preempt_count; }
// On the way out of an interrupt: switch tasks if the tick asked for it.
void preempt_schedule_irq();

// The idle loop of the boot CPU; never returns.
[[noreturn]] void cpu_idle();

// Walks every task (for ps-like listings and the oops report).
void for_each_task(void (*callback)(Task* task, void* context), void* context);
Task* find_task_by_pid(pid_t pid);
size_t task_count();
