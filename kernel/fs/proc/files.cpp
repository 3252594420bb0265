// The system-wide files of /proc: cmdline, version, uptime, meminfo, mounts,
// filesystems, devices, loadavg, stat and the "self" link, in Linux's formats.
#include "internal.h"
#include <kernel/init.h>
#include <kernel/initcall.h>
#include <linux/genhd.h>
#include <kernel/irq.h>
#include <kernel/loadavg.h>
#include <kernel/mm.h>
#include <kernel/time.h>
#include <kernel/version.h>
#include <linux/mm_types.h>
#include <linux/stat.h>

namespace {

constexpr unsigned USER_HZ = 100;

// Prints "seconds.hundredths" of a nanosecond count.
void print_centiseconds(ProcBuffer& out, uint64_t ns)
{
    uint64_t centiseconds = ns / 10000000;
    out.printf("%llu.%02llu", centiseconds / 100, centiseconds % 100);
}

uint64_t uptime_ns()
{
    return static_cast<uint64_t>(jiffies_64) * (1000000000ull / HZ);
}

uint64_t idle_ns()
{
    Task* idle = find_task_by_pid(0);
    return idle ? idle->runtime_ns : 0;
}

void show_cmdline(ProcBuffer& out, Task*, void*)
{
    out.printf("%s\n", boot_params.cmdline.text());
}

void show_version(ProcBuffer& out, Task*, void*)
{
    out.printf("%s", linux_banner);
}

void show_uptime(ProcBuffer& out, Task*, void*)
{
    print_centiseconds(out, uptime_ns());
    out.putc(' ');
    print_centiseconds(out, idle_ns());
    out.putc('\n');
}

void show_meminfo(ProcBuffer& out, Task*, void*)
{
    MemoryStats stats = memory_stats();
    unsigned long total = stats.total_pages * 4, free = stats.free_pages * 4;
    unsigned long slab = stats.kmalloc_pages * 4, vmalloc_used = stats.vmalloc_pages * 4;
    struct Line {
        const char* name;
        unsigned long kb;
    };
    const Line lines[] = {
        { "MemTotal:", total }, { "MemFree:", free }, { "MemAvailable:", free }, { "Buffers:", 0 },
        { "Cached:", 0 }, { "SwapCached:", 0 }, { "Active:", 0 }, { "Inactive:", 0 },
        { "SwapTotal:", 0 }, { "SwapFree:", 0 }, { "Dirty:", 0 }, { "Writeback:", 0 },
        { "AnonPages:", 0 }, { "Mapped:", 0 }, { "Shmem:", 0 }, { "Slab:", slab },
        { "KernelStack:", 0 }, { "PageTables:", 0 }, { "VmallocTotal:", 128 * 1024 },
        { "VmallocUsed:", vmalloc_used }, { "VmallocChunk:", 0 },
    };
    for (const Line& line : lines)
        out.printf("%-15s%8lu kB\n", line.name, line.kb);
}

void show_mount(const char* dev_name, const char* mount_point, const char* fs_type, unsigned long flags, void* context)
{
    auto& out = *static_cast<ProcBuffer*>(context);
    out.printf("%s %s %s %s 0 0\n", dev_name, mount_point, fs_type, (flags & 1) ? "ro" : "rw");
}

void show_mounts(ProcBuffer& out, Task*, void*)
{
    for_each_mount(show_mount, &out);
}

void show_filesystem(file_system_type* type, void* context)
{
    auto& out = *static_cast<ProcBuffer*>(context);
    out.printf("%s\t%s\n", (type->fs_flags & FS_REQUIRES_DEV) ? "" : "nodev", type->name);
}

void show_filesystems(ProcBuffer& out, Task*, void*)
{
    for_each_filesystem(show_filesystem, &out);
}

void show_chrdev(unsigned major, const char* name, void* context)
{
    static_cast<ProcBuffer*>(context)->printf("%3u %s\n", major, name);
}

void show_devices(ProcBuffer& out, Task*, void*)
{
    out.printf("Character devices:\n");
    for_each_chrdev(show_chrdev, &out);
    out.printf("\nBlock devices:\n");
    for_each_blkdev(show_chrdev, &out);   // same "%3u name" lines
}

struct TaskTotals {
    unsigned running;
    unsigned total;
    pid_t last_pid;
    uint64_t user_ticks;
    uint64_t system_ticks;
};

void count_task(Task* task, void* context)
{
    auto* totals = static_cast<TaskTotals*>(context);
    if (task->pid == 0)
        return;
    ++totals->total;
    if (task->state == TaskState::Running)
        ++totals->running;
    if (task->pid > totals->last_pid)
        totals->last_pid = task->pid;
    totals->user_ticks += task->utime_ticks;
    totals->system_ticks += task->stime_ticks;
}

void show_loadavg(ProcBuffer& out, Task*, void*)
{
    TaskTotals totals {};
    for_each_task(count_task, &totals);
    out.printf("%lu.%02lu %lu.%02lu %lu.%02lu %u/%u %d\n", load_int(avenrun[0]), load_frac(avenrun[0]),
        load_int(avenrun[1]), load_frac(avenrun[1]), load_int(avenrun[2]), load_frac(avenrun[2]), totals.running,
        totals.total, totals.last_pid);
}

void show_stat(ProcBuffer& out, Task*, void*)
{
    TaskTotals totals {};
    for_each_task(count_task, &totals);
    unsigned long long user = totals.user_ticks * USER_HZ / HZ;
    unsigned long long system = totals.system_ticks * USER_HZ / HZ;
    unsigned long long idle = idle_ns() / (1000000000ull / USER_HZ);
    for (int line = 0; line < 2; ++line)
        out.printf("%s %llu 0 %llu %llu 0 0 0 0 0 0\n", line == 0 ? "cpu " : "cpu0", user, system, idle);
    unsigned long long uptime_seconds = uptime_ns() / 1000000000ull;
    // "intr <total> <irq 0> <irq 1> ...", as Linux's.
    unsigned long long interrupts = 0;
    for (unsigned irq = 0; irq < nr_irqs; ++irq)
        interrupts += irq_count(irq);
    out.printf("intr %llu", interrupts);
    for (unsigned irq = 0; irq < nr_irqs; ++irq)
        out.printf(" %llu", static_cast<unsigned long long>(irq_count(irq)));
    out.printf("\nctxt 0\nbtime %llu\nprocesses %d\nprocs_running %u\nprocs_blocked 0\nsoftirq 0\n",
        static_cast<unsigned long long>(ktime_get_real_seconds()) - uptime_seconds, totals.last_pid, totals.running);
}

int proc_root_init()
{
    proc_create_show("cmdline", 0444, nullptr, show_cmdline, nullptr);
    proc_create_show("version", 0444, nullptr, show_version, nullptr);
    proc_create_show("uptime", 0444, nullptr, show_uptime, nullptr);
    proc_create_show("meminfo", 0444, nullptr, show_meminfo, nullptr);
    proc_create_show("mounts", 0444, nullptr, show_mounts, nullptr);
    proc_create_show("filesystems", 0444, nullptr, show_filesystems, nullptr);
    proc_create_show("devices", 0444, nullptr, show_devices, nullptr);
    proc_create_show("loadavg", 0444, nullptr, show_loadavg, nullptr);
    proc_create_show("stat", 0444, nullptr, show_stat, nullptr);
    proc_symlink_entry("self", nullptr, nullptr);   // target computed per reader
    return 0;
}

} // namespace

fs_initcall(proc_root_init);
