// The OOM killer, as Linux's mm/oom_kill.c in short: when a user fault finds
// no free page, the process whose death frees the most memory (resident pages
// and page tables, shifted by oom_score_adj) gets SIGKILL, and the faulting
// task waits for that memory, then retries. init and kernel threads are never
// chosen.
#include <arch/x86.h>
#include <asm/signal.h>
#include <asm/siginfo.h>
#include <kernel/mm.h>
#include <kernel/oom.h>
#include <kernel/page.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/time.h>
#include <kernel/user_mm.h>
#include <linux/printk.h>

namespace {

constexpr unsigned long wait_ms = 10;
constexpr unsigned long give_up_ms = 5000;   // a victim stuck longer is passed over
constexpr unsigned long reclaim_bytes = 1024 * 1024;   // of the buffer cache, before a kill

// The victim being waited for: its process id, 0 for none.
constinit pid_t victim_tgid = 0;
constinit unsigned long victim_jiffies = 0;
constinit bool oom_lock = false;

unsigned long total_pages()
{
    return page_alloc_total_pages();   // no swap
}

bool is_dying(const Task* task)
{
    return (task->pending_signals & (uint64_t { 1 } << (SIGKILL - 1))) || (task->signal && task->signal->group_exit);
}

Task* init_process()
{
    return find_task_by_pid(1);
}

struct Selection {
    unsigned long totalpages;
    Task* chosen;
    long chosen_points;
};

void evaluate_task(Task* task, void* context)
{
    auto* selection = static_cast<Selection*>(context);
    if (task->signal && task->signal->oom_victim)
        return;   // chosen before and still here: passed over after give_up_ms
    // One thread stands for its process: the leader while it has the memory.
    if (!thread_group_leader(task) && task->group_leader->mm)
        return;
    long points = oom_badness(task, selection->totalpages);
    if (points == oom_unkillable || points < selection->chosen_points)
        return;
    selection->chosen = task;
    selection->chosen_points = points;
}

struct Alive {
    pid_t tgid;
    bool alive;
};

void find_alive(Task* task, void* context)
{
    auto* alive = static_cast<Alive*>(context);
    if (task->tgid == alive->tgid && task->mm && task->state != TaskState::Dead)
        alive->alive = true;
}

// Whether the victim's memory is still held (a zombie holds none).
bool victim_alive(pid_t tgid)
{
    Alive alive { tgid, false };
    for_each_task(find_alive, &alive);
    return alive.alive;
}

struct SharedMm {
    mm_struct* mm;
    pid_t tgid;
};

// Processes sharing the victim's memory (vfork, CLONE_VM) die with it: killing
// one alone frees nothing.
void kill_sharer(Task* task, void* context)
{
    auto* shared = static_cast<SharedMm*>(context);
    if (task->mm == shared->mm && task->tgid != shared->tgid && task->tgid != 1 && task->user_process
        && thread_group_leader(task))
        send_group_signal(task, SIGKILL, SI_KERNEL, 0, 0);
}

void dump_task(Task* task, void*)
{
    mm_struct* mm = task->mm;
    if (!mm || !task->user_process || !thread_group_leader(task))
        return;
    pr_info("[%7d] %5u %5d %8lu %8lu %8lu %8lu         %5d %s\n", task->pid, task->cred.uid, task->tgid,
        mm_total_vm(mm), mm->rss, mm_pgtables_pages(mm) * PAGE_SIZE, 0ul,
        task->signal ? task->signal->oom_score_adj : 0, task->comm);
}

// Linux's dump_header and dump_tasks: who asked, then every process's memory.
void dump_header()
{
    pr_warn("%s invoked oom-killer: order=0, oom_score_adj=%d\n", current->comm,
        current->signal ? current->signal->oom_score_adj : 0);
    MemoryStats stats = memory_stats();
    pr_info("Mem-Info: %lu pages RAM, %lu free, kernel heap %lu pages, vmalloc %lu pages\n",
        static_cast<unsigned long>(stats.total_pages), static_cast<unsigned long>(stats.free_pages),
        static_cast<unsigned long>(stats.kmalloc_pages), static_cast<unsigned long>(stats.vmalloc_pages));
    if (task_count() > 64) {
        pr_info("Tasks state: %u tasks, not listed\n", static_cast<unsigned>(task_count()));
        return;
    }
    pr_info("Tasks state (memory values in pages):\n");
    pr_info("[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name\n");
    for_each_task(dump_task, nullptr);
}

// What the log says about the victim, read while it cannot exit.
struct VictimReport {
    pid_t tgid;
    uid_t uid;
    short adj;
    unsigned long total_vm_kb, rss_kb, pgtables_kb;
    char comm[16];
};

// Interrupts off: the victim is chosen and killed in one step.
VictimReport oom_kill_process(Task* victim)
{
    mm_struct* mm = victim->mm;
    VictimReport report { victim->tgid, victim->cred.uid, victim->signal ? victim->signal->oom_score_adj : short(0),
        mm_total_vm(mm) * (PAGE_SIZE / 1024), mm->rss * (PAGE_SIZE / 1024), mm_pgtables_pages(mm) * (PAGE_SIZE / 1024),
        {} };
    for (unsigned i = 0; i < sizeof(report.comm); ++i)
        report.comm[i] = victim->comm[i];
    if (victim->signal)
        victim->signal->oom_victim = true;
    victim_tgid = victim->tgid;
    victim_jiffies = jiffies;
    SharedMm shared { mm, victim->tgid };
    send_group_signal(victim, SIGKILL, SI_KERNEL, 0, 0);
    for_each_task(kill_sharer, &shared);
    return report;
}

void report_kill(const VictimReport& victim)
{
    pr_err("oom-kill:constraint=CONSTRAINT_NONE,global_oom,task=%s,pid=%d,uid=%u\n", victim.comm, victim.tgid,
        victim.uid);
    // Linux's line, word for word: file-backed and shared pages are copies here, all anonymous.
    pr_err("Out of memory: Killed process %d (%s) total-vm:%lukB, anon-rss:%lukB, file-rss:%lukB, "
           "shmem-rss:%lukB, UID:%u pgtables:%lukB oom_score_adj:%d\n",
        victim.tgid, victim.comm, victim.total_vm_kb, victim.rss_kb, 0ul, 0ul, victim.uid, victim.pgtables_kb,
        victim.adj);
}

} // namespace

long oom_badness(Task* task, unsigned long totalpages)
{
    mm_struct* mm = task->mm;
    if (!mm || !task->user_process || task->tgid == 1 || task->state == TaskState::Zombie
        || task->state == TaskState::Dead)
        return oom_unkillable;
    Task* init = init_process();
    if (init && init->mm == mm)
        return oom_unkillable;   // init's vfork child: killing it would take init's memory
    short adj = task->signal ? task->signal->oom_score_adj : 0;
    if (adj == OOM_SCORE_ADJ_MIN)
        return oom_unkillable;
    long points = static_cast<long>(mm->rss + mm_pgtables_pages(mm));
    points += static_cast<long>(adj) * static_cast<long>(totalpages / 1000);
    return points;
}

unsigned long oom_score(Task* task)
{
    unsigned long totalpages = total_pages();
    long badness = oom_badness(task, totalpages);
    if (badness == oom_unkillable)
        return 0;
    long points = (1000 + badness * 1000 / static_cast<long>(totalpages)) * 2 / 3;
    return points < 0 ? 0 : static_cast<unsigned long>(points);
}

bool out_of_memory(bool can_sleep)
{
    if (is_dying(current))
        return false;   // our own memory is about to come back
    if (!below_min_watermark()) {
        // Not a shortage (fault injection, or memory came back meanwhile): retry.
        if (can_sleep)
            schedule();
        return can_sleep;
    }
    // Clean cached blocks go before any process does (Linux reclaims its page
    // cache before it calls the OOM killer).
    if (buffer_cache_reclaim(reclaim_bytes) > 0)
        return true;
    // One OOM kill at a time (Linux's oom_lock): others retry their fault later.
    uint32_t flags = arch::local_irq_save();
    bool busy = oom_lock;
    oom_lock = true;
    arch::local_irq_restore(flags);
    if (busy) {
        if (can_sleep)
            msleep(wait_ms);
        return can_sleep;
    }
    if (victim_tgid && (!victim_alive(victim_tgid) || jiffies - victim_jiffies > msecs_to_jiffies(give_up_ms)))
        victim_tgid = 0;
    if (!victim_tgid) {
        dump_header();
        // Choosing and killing is one step: the chosen task must not exit in between.
        Selection selection { total_pages(), nullptr, oom_unkillable };
        flags = arch::local_irq_save();
        for_each_task(evaluate_task, &selection);
        VictimReport report {};
        if (selection.chosen)
            report = oom_kill_process(selection.chosen);
        arch::local_irq_restore(flags);
        if (selection.chosen)
            report_kill(report);
        else
            pr_err("Out of memory and no killable processes...\n");
    }
    pid_t waiting_for = victim_tgid;
    oom_lock = false;
    if (!waiting_for || waiting_for == current->tgid || is_dying(current) || !can_sleep)
        return false;
    for (unsigned long waited = 0; waited < give_up_ms && victim_alive(waiting_for) && !is_dying(current);
         waited += wait_ms)
        msleep(wait_ms);
    return !is_dying(current);
}
