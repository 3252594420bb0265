// Tasks and the scheduler: kernel threads, preemptive round-robin on the
// timer tick, sleeping and waking up.
#pragma once

#include <kernel/wait.h>
#include <libk/intrusive_list.h>
#include <linux/resource.h>
#include <linux/types.h>

struct mm_struct;
struct files_struct;   // open files (kernel/fs)
struct fs_struct;      // root, cwd, umask (kernel/fs)
struct pt_regs;
struct ThreadGroup;
struct tty_struct;
class Completion;

// Who a task is for permission checks (Linux's struct cred, kept in the task).
struct Credentials {
    uid_t uid, euid, suid, fsuid;
    gid_t gid, egid, sgid, fsgid;
};

// Supplementary groups (Linux's cred->group_info), set by setgroups: what
// initgroups found in /etc/group. Apart from Credentials, whose layout modules see.
constexpr int ngroups_max = 32;   // Linux allows 65536
struct GroupList {
    int count;
    gid_t gids[ngroups_max];
};

// Who sent a pending signal, for the handler's siginfo_t.
struct SignalSender {
    int code;      // SI_USER, SI_KERNEL, SI_TKILL...
    pid_t pid;
    uid_t uid;
};

// Signal state: 64 signals as on Linux i386.
struct SignalAction {
    uintptr_t handler;    // SIG_DFL (0), SIG_IGN (1) or a user address
    unsigned long flags;  // SA_*
    uintptr_t restorer;
    uint64_t mask;
};
constexpr int nsig = 64;

// Linux's values (TASK_*, __TASK_STOPPED, EXIT_ZOMBIE, TASK_DEAD) in a long, as
// modules read task_struct::state.
enum class TaskState : long {
    Running = 0,            // runnable: on the run queue or on the CPU (Linux's TASK_RUNNING)
    Interruptible = 0x1,    // sleeping, woken by wake-ups (and signals, later)
    Uninterruptible = 0x2,  // sleeping, woken only by wake-ups
    Stopped = 0x4,          // stopped by SIGSTOP/SIGTSTP until SIGCONT
    Zombie = 0x20,          // exited, waiting to be reaped
    Dead = 0x80,
};

struct Task {
    // ---- the module API's struct task_struct (include/linux/sched.h): these
    // fields first, in this order (checked in kernel/kapi/sched.cpp) ----
    pid_t pid;                   // the thread id (Linux's task->pid)
    char comm[16];               // name shown by ps, as Linux's task_struct::comm
    pid_t tgid;                  // the process id: its thread group leader's pid
    TaskState state;
    Task* parent;
    libk::ListNode task_node;    // on the list of all tasks (Linux's task->tasks)
    mm_struct* mm;               // user address space; nullptr for kernel threads
    Credentials cred;            // 2.6's current->uid, ->euid ... read these
    const Credentials* real_cred_ptr;   // &cred: Linux's task->real_cred and
    const Credentials* cred_ptr;        // task->cred (6.1's current->cred->uid)
    uint64_t pending_signals;    // bit n-1 for signal n (Linux's task->pending.signal)
    uint64_t blocked_signals;    // (Linux's task->blocked)
    Task* group_leader;          // the group's first thread; itself for a single-threaded process
    ThreadGroup* signal;         // shared by the group's threads (Linux's signal_struct); nullptr in kernel threads
    // ---- the kernel's own ----
    uint32_t saved_esp;          // kernel stack pointer while switched out (boot/switch.asm)
    void* stack;                 // kernel stack base (lowest address)
    size_t stack_size;
    int exit_code;
    unsigned long sleep_deadline; // jiffies at which a timed sleep ends, 0 for none
    uint64_t runtime_ns;         // time spent on the CPU
    unsigned long time_slice;    // ticks left before preemption
    int saved_preempt_count;     // preempt_count while switched out
    libk::ListNode run_node;     // on the run queue while runnable and not current

    // ---- what makes a kernel thread a process ----
    files_struct* files;         // open files
    fs_struct* fs;               // root, cwd, umask
    uintptr_t addr_limit;        // highest address + 1 uaccess accepts (USER_ADDR_LIMIT / KERNEL_ADDR_LIMIT)
    pid_t pgid;                  // process group
    pid_t sid;                   // session
    libk::ListNode sibling_node; // on the parent's children list
    libk::IntrusiveList<Task, &Task::sibling_node> children;
    WaitQueue wait_chldexit;     // wait4 sleeps here until a child changes state
    int exit_signal;             // sent to the parent on exit (SIGCHLD)
    bool exit_reported;          // a stopped state already returned by wait4
    SignalSender signal_senders[64];
    SignalAction* sighand;       // 64 actions, shared across CLONE_SIGHAND (sighand_alloc)
    uint32_t tls[3][2];          // set_thread_area descriptors (GDT entries 6-8)
    uint16_t saved_fs, saved_gs; // user %fs/%gs while switched out: the kernel leaves
                                 // them loaded, so they belong to the task (Linux's thread.gs)
    uintptr_t clear_child_tid;   // set_tid_address
    uint64_t utime_ticks, stime_ticks;   // for times() and /proc/<pid>/stat
    uint64_t cutime_ticks, cstime_ticks; // of reaped children
    uint64_t start_jiffies;
    bool user_process;           // forked or exec'd: exits into a zombie for wait4
    int stop_signal;             // the signal that stopped it (Stopped state)
    bool stop_reported;          // wait4 already returned the stop
    unsigned long alarm_deadline; // jiffies when ITIMER_REAL (alarm, setitimer) fires, 0 for none
    unsigned long alarm_interval; // its period in jiffies, 0 for one-shot
    void* fpu_state;             // 512-byte fxsave area (16-aligned), nullptr until used
    uintptr_t fault_address;     // cr2 of the last user fault, for SIGSEGV's si_addr
    uint64_t saved_sigmask;      // rt_sigsuspend: the mask to restore after the handler
    bool restore_sigmask;

    // ---- threads (kernel/process/thread_group.cpp) ----
    libk::ListNode thread_node;  // on signal->threads while alive
    uintptr_t robust_list;       // set_robust_list: walked at exit (kernel/process/futex.cpp)
    uintptr_t set_child_tid;     // CLONE_CHILD_SETTID: the child writes its tid there first thing
    Completion* vfork_done;      // the vfork parent waits on it until exec or exit
    bool make_it_fail;           // fault injection's task-filter picks it (/proc/PID/make-it-fail); inherited

    GroupList groups;            // supplementary groups, with cred (fork copies both)
};

// What the threads of a group share (Linux's signal_struct), freed with its last task.
struct ThreadGroup {
    tty_struct* tty;             // controlling terminal (kernel/tty.h: task_tty); first, as in the module API's signal_struct
    int count;                   // tasks pointing here
    int live;                    // threads that have not exited yet
    libk::IntrusiveList<Task, &Task::thread_node> threads;
    uint64_t shared_pending;     // kill(pid): signals any thread not blocking them may take
    SignalSender shared_senders[64];
    bool group_exit;             // exit_group or a fatal signal: every thread is dying
    int group_exit_code;
    Task* exec_task;             // de_thread: the exec'ing thread, woken as the others die
    struct rlimit rlim[RLIM_NLIMITS];   // resource limits (kernel/sys/rlimit.cpp)
    short oom_score_adj;         // -1000..1000: added to the OOM badness in thousandths of RAM
    short oom_score_adj_min;     // what an unprivileged write may lower it to
    bool oom_victim;             // the OOM killer chose it; memory comes back when it is gone
};

// Allocates a task and its kernel stack, zeroed; frees them (the task must be off every list).
Task* alloc_task();
void free_task(Task* task);
// Makes `task` runnable and gives it a pid (the next free one unless `fixed_pid`); returns the pid.
pid_t wake_up_new_task(Task* task, pid_t fixed_pid = 0);
// The first switch into a forked task lands in ret_from_fork (boot/switch.asm),
// which returns to user mode through the pt_regs at the top of its stack.
void prepare_fork_return(Task* task);
// Zombie reaping by wait4: unlinks and frees.
void release_task(Task* task);

// Thread groups (kernel/process/thread_group.cpp).
ThreadGroup* thread_group_alloc(Task* leader);       // a new process's group of one
void thread_group_put(ThreadGroup* group);           // free_task: the last task frees it
inline bool thread_group_leader(const Task* task) { return task->group_leader == task; }
// execve: kills the other threads and gives the caller the group's pid; 0 or -errno.
int de_thread();

constexpr size_t kernel_stack_size = 16 * 1024;
constexpr unsigned long default_time_slice = 4;   // ticks (16 ms at HZ=250)

// The task running on the CPU (Linux's `current`).
extern Task* current;
// pid 0, the boot CPU's context and later its idle task: the head of the task
// list, as Linux's init_task (modules' for_each_process starts there).
extern "C" Task init_task;
// The next thread-group leader on the task list after `task`, wrapping around to
// init_task: Linux's next_task(), which for_each_process walks.
Task* next_process(Task* task);

// Makes the boot context the idle task (pid 0, "swapper").
void sched_init();

// Starts a kernel thread running fn(arg); returns its pid or -errno.
// The thread exits with fn's return value when fn returns.
// `fixed_pid` is for rest_init only (pids 1 and 2).
pid_t kernel_thread(int (*fn)(void*), void* arg, const char* name, pid_t fixed_pid = 0);

// Gives up the CPU: picks the next runnable task. A task that set its state to
// sleeping before calling stays off the run queue until woken.
void schedule();
// Marks a sleeping task runnable again; returns false if it was not sleeping.
bool wake_up_process(Task* task);
// Wakes a task only from an interruptible sleep (a signal arrived).
bool wake_up_interruptible(Task* task);
// SIGCONT/SIGKILL: makes a stopped task runnable again.
bool wake_up_stopped(Task* task);

void msleep(unsigned int milliseconds);
// Sleeps until `deadline` (jiffies) unless a signal comes first: then false.
bool sleep_interruptible_until(unsigned long deadline);
// Sleeps until a signal is pending (pause, sigsuspend).
void sleep_until_signal();
// Sleeps in the state the caller set (Interruptible or Uninterruptible) until
// `jiffies` reaches `deadline` or the task is woken; returns jiffies left. The
// task is Running again on return.
unsigned long schedule_timeout_until(unsigned long deadline);

extern "C" [[noreturn]] void do_exit(int code);

// Called by the timer interrupt: accounts time, wakes timed sleepers, asks for
// preemption when the slice is used up.
void scheduler_tick(bool user_tick);
// Set when the current task should give up the CPU at the next chance.
extern volatile bool need_resched;
// Non-zero while the current code must not be preempted (Linux's preempt_count).
// It belongs to the running task: schedule() saves and restores it per task.
extern int preempt_count;
inline void preempt_disable() { ++preempt_count; }
inline void preempt_enable() { --preempt_count; }
// On the way out of an interrupt: switch tasks if the tick asked for it.
void preempt_schedule_irq();

bool is_idle_task(const Task* task);

// The idle loop of the boot CPU; never returns.
[[noreturn]] void cpu_idle();

// Walks every task (for ps-like listings and the oops report).
void for_each_task(void (*callback)(Task* task, void* context), void* context);
Task* find_task_by_pid(pid_t pid);
size_t task_count();
