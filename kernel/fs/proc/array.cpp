// /proc/<pid>/stat, status and statm in the formats of Linux's fs/proc/array.c
// (what ps, top, free and glibc parse).
#include "internal.h"
#include <kernel/mm.h>
#include <kernel/time.h>
#include <kernel/tty.h>
#include <libk/string.h>
#include <linux/mm_types.h>

namespace {

constexpr unsigned USER_HZ = 100;   // the unit of clock ticks user space sees

unsigned long long to_clock_ticks(uint64_t jiffies_count)
{
    return jiffies_count * USER_HZ / HZ;
}

char state_letter(const Task* task)
{
    switch (task->state) {
    case TaskState::Running: return 'R';
    case TaskState::Interruptible: return 'S';
    case TaskState::Uninterruptible: return 'D';
    case TaskState::Stopped: return 'T';
    case TaskState::Zombie: return 'Z';
    default: return 'X';
    }
}

const char* state_name(const Task* task)
{
    switch (task->state) {
    case TaskState::Running: return "R (running)";
    case TaskState::Interruptible: return "S (sleeping)";
    case TaskState::Uninterruptible: return "D (disk sleep)";
    case TaskState::Stopped: return "T (stopped)";
    case TaskState::Zombie: return "Z (zombie)";
    default: return "X (dead)";
    }
}

unsigned tty_number(const Task* task)
{
    return task_tty(task) >= 0 ? new_encode_dev(tty_devnum(task_tty(task))) : 0;
}

pid_t parent_tgid(const Task* task)
{
    return task->parent ? task->parent->tgid : 0;
}

struct SignalMasks {
    uint64_t ignored, caught;
};

SignalMasks signal_masks(const Task* task)
{
    SignalMasks masks {};
    if (task->sighand) {
        for (int i = 0; i < nsig; ++i) {
            if (task->sighand[i].handler == 1)
                masks.ignored |= uint64_t { 1 } << i;
            else if (task->sighand[i].handler > 1)
                masks.caught |= uint64_t { 1 } << i;
        }
    }
    return masks;
}

struct ThreadCount {
    pid_t tgid;
    unsigned count;
};

void count_thread(Task* task, void* context)
{
    auto* threads = static_cast<ThreadCount*>(context);
    if (task->tgid == threads->tgid && task->state != TaskState::Dead)
        ++threads->count;
}

unsigned thread_count(const Task* task)
{
    ThreadCount threads { task->tgid, 0 };
    for_each_task(count_thread, &threads);
    return threads.count ? threads.count : 1;
}

// Memory sizes in pages, split the way Linux's task_mem() reports them.
struct MemorySizes {
    unsigned long total, rss, data, stack, exe, shared;
};

MemorySizes memory_sizes(mm_struct* mm)
{
    MemorySizes sizes {};
    if (!mm)
        return sizes;
    sizes.rss = proc_mm_rss_pages(mm);
    for (vm_area_struct* vma = mm->mmap; vma; vma = vma->vm_next) {
        unsigned long pages = (vma->vm_end - vma->vm_start) / PAGE_SIZE;
        sizes.total += pages;   // the virtual size (mm->rss counts pages mapped in)
        // Linux: VmStk counts VM_GROWSDOWN areas, VmExe executable file-less text,
        // VmData the private writable areas that are not stack.
        if (vma->vm_flags & VM_GROWSDOWN)
            sizes.stack += pages;
        else if ((vma->vm_flags & (VM_WRITE | VM_SHARED)) == VM_WRITE)
            sizes.data += pages;
        else if (vma->vm_flags & VM_EXEC)
            sizes.exe += pages;
        if (vma->vm_file)
            sizes.shared += pages;
    }
    if (sizes.shared > sizes.rss)
        sizes.shared = sizes.rss;
    return sizes;
}

} // namespace

void proc_pid_stat(ProcBuffer& out, Task* task, void*)
{
    mm_struct* mm = task->mm;
    unsigned long start_code = mm ? mm->start_code : 0, end_code = mm ? mm->end_code : 0;
    unsigned long start_stack = mm ? mm->start_stack : 0;
    SignalMasks masks = signal_masks(task);
    MemorySizes sizes = memory_sizes(mm);
    // Fields 1-52 of proc(5); the signal fields are decimal and truncated to 32 bits as Linux's.
    out.printf("%d (%s) %c %d %d %d %u %d %u ", task->pid, task->comm, state_letter(task), parent_tgid(task),
        task->pgid, task->sid, tty_number(task), task_tty(task) >= 0 ? tty_foreground_pgrp(task_tty(task)) : -1,
        0x00400000u);
    out.printf("0 0 0 0 %llu %llu %llu %llu 20 0 %u 0 %llu %lu %lu %lu ", to_clock_ticks(task->utime_ticks),
        to_clock_ticks(task->stime_ticks), to_clock_ticks(task->cutime_ticks), to_clock_ticks(task->cstime_ticks),
        thread_count(task), to_clock_ticks(task->start_jiffies), sizes.total * PAGE_SIZE, sizes.rss, 0xfffffffful);
    out.printf("%lu %lu %lu 0 0 %lu %lu %lu %lu 0 0 0 %d 0 0 0 0 0 0 ", start_code, end_code, start_stack,
        static_cast<unsigned long>(task->pending_signals), static_cast<unsigned long>(task->blocked_signals),
        static_cast<unsigned long>(masks.ignored), static_cast<unsigned long>(masks.caught), task->exit_signal);
    out.printf("%lu %lu %lu %lu %lu %lu %lu %d\n", mm ? mm->start_data : 0ul, mm ? mm->end_data : 0ul,
        mm ? mm->start_brk : 0ul, mm ? mm->arg_start : 0ul, mm ? mm->arg_end : 0ul, mm ? mm->env_start : 0ul,
        mm ? mm->env_end : 0ul, task->exit_code);
}

void proc_pid_status(ProcBuffer& out, Task* task, void*)
{
    const Credentials& c = task->cred;
    out.printf("Name:\t%s\n", task->comm);
    out.printf("Umask:\t%04o\n", task->fs ? task->fs->umask : 022);
    out.printf("State:\t%s\n", state_name(task));
    out.printf("Tgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\nTracerPid:\t0\n", task->tgid, task->pid,
        parent_tgid(task));
    out.printf("Uid:\t%u\t%u\t%u\t%u\n", c.uid, c.euid, c.suid, c.fsuid);
    out.printf("Gid:\t%u\t%u\t%u\t%u\n", c.gid, c.egid, c.sgid, c.fsgid);
    out.printf("FDSize:\t%d\nGroups:\t\n", task->files ? NR_OPEN_DEFAULT : 0);   // no supplementary groups
    out.printf("NStgid:\t%d\nNSpid:\t%d\nNSpgid:\t%d\nNSsid:\t%d\n", task->tgid, task->pid, task->pgid, task->sid);
    if (mm_struct* mm = task->mm) {
        MemorySizes sizes = memory_sizes(mm);
        unsigned long kb = PAGE_SIZE / 1024;
        // No peak or high-water tracking: the peaks are the current sizes.
        out.printf("VmPeak:\t%8lu kB\nVmSize:\t%8lu kB\nVmLck:\t%8lu kB\nVmPin:\t%8lu kB\n", sizes.total * kb,
            sizes.total * kb, 0ul, 0ul);
        out.printf("VmHWM:\t%8lu kB\nVmRSS:\t%8lu kB\n", sizes.rss * kb, sizes.rss * kb);
        out.printf("RssAnon:\t%8lu kB\nRssFile:\t%8lu kB\nRssShmem:\t%8lu kB\n", (sizes.rss - sizes.shared) * kb,
            sizes.shared * kb, 0ul);
        out.printf("VmData:\t%8lu kB\nVmStk:\t%8lu kB\nVmExe:\t%8lu kB\nVmLib:\t%8lu kB\n", sizes.data * kb,
            sizes.stack * kb, sizes.exe * kb, 0ul);
        out.printf("VmPTE:\t%8lu kB\nVmSwap:\t%8lu kB\nHugetlbPages:\t%8lu kB\n", 0ul, 0ul, 0ul);
        out.printf("CoreDumping:\t0\nTHP_enabled:\t0\n");
    }
    out.printf("Threads:\t%u\n", thread_count(task));
    unsigned queued = 0;
    for (int i = 0; i < nsig; ++i)
        queued += (task->pending_signals >> i) & 1;
    out.printf("SigQ:\t%u/%d\n", queued, nsig);   // one pending instance per signal at most
    SignalMasks masks = signal_masks(task);
    out.printf("SigPnd:\t%016llx\nShdPnd:\t%016llx\nSigBlk:\t%016llx\nSigIgn:\t%016llx\nSigCgt:\t%016llx\n",
        static_cast<unsigned long long>(task->pending_signals), 0ull,
        static_cast<unsigned long long>(task->blocked_signals), static_cast<unsigned long long>(masks.ignored),
        static_cast<unsigned long long>(masks.caught));
    // Root has every capability Linux 6.1 knows (0..40), others none; no ambient ones.
    unsigned long long caps = c.euid == 0 ? 0x1ffffffffffull : 0;
    out.printf("CapInh:\t%016llx\nCapPrm:\t%016llx\nCapEff:\t%016llx\nCapBnd:\t%016llx\nCapAmb:\t%016llx\n", 0ull,
        caps, caps, 0x1ffffffffffull, 0ull);
    out.printf("NoNewPrivs:\t0\nSeccomp:\t0\nSeccomp_filters:\t0\n");
    out.printf("Cpus_allowed:\t1\nCpus_allowed_list:\t0\nMems_allowed:\t1\nMems_allowed_list:\t0\n");
}

// size resident shared text lib data dt, in pages (Linux's proc_pid_statm).
void proc_pid_statm(ProcBuffer& out, Task* task, void*)
{
    MemorySizes sizes = memory_sizes(task->mm);
    out.printf("%lu %lu %lu %lu 0 %lu 0\n", sizes.total, sizes.rss, sizes.shared, sizes.exe,
        sizes.data + sizes.stack);
}
