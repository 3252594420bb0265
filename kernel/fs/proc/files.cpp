// The system-wide files of /proc: cmdline, version, uptime, meminfo, mounts,
// filesystems, devices, loadavg, stat and the "self" link, in Linux's formats.
#include "internal.h"
#include <kernel/init.h>
#include <kernel/initcall.h>
#include <linux/buffer_head.h>
#include <linux/genhd.h>
#include <kernel/irq.h>
#include <kernel/loadavg.h>
#include <kernel/mm.h>
#include <kernel/time.h>
#include <kernel/version.h>
#include <linux/mm_types.h>
#include <libk/string.h>
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
    // Buffers: the block devices' buffer cache (kmalloc'd, so inside Slab too).
    unsigned long buffer_count = 0, buffer_bytes = 0, dirty_buffers = 0;
    buffer_cache_stats(&buffer_count, &buffer_bytes, &dirty_buffers);
    unsigned long buffers = buffer_bytes / 1024;
    // Clean buffers can be dropped for memory, as Linux counts them in MemAvailable.
    unsigned long available = free + buffers;
    // Cached: the pages of ramfs and tmpfs files (ext2 reads through the buffer
    // cache, Buffers). They cannot be dropped (no swap), so, as on Linux, they
    // are Unevictable and not in MemAvailable; tmpfs's are Shmem too.
    unsigned long cached_pages = 0, shmem_pages = 0;
    ramfs_page_stats(&cached_pages, &shmem_pages);
    unsigned long cached = cached_pages * 4, shmem = shmem_pages * 4;
    struct Line {
        const char* name;
        unsigned long kb;
    };
    const Line lines[] = {
        { "MemTotal:", total }, { "MemFree:", free }, { "MemAvailable:", available }, { "Buffers:", buffers },
        { "Cached:", cached }, { "SwapCached:", 0 }, { "Active:", 0 }, { "Inactive:", 0 },
        { "Unevictable:", cached },
        { "SwapTotal:", 0 }, { "SwapFree:", 0 }, { "Dirty:", dirty_buffers * (buffer_count ? buffer_bytes / buffer_count : 0) / 1024 },
        { "Writeback:", 0 }, { "AnonPages:", 0 }, { "Mapped:", 0 }, { "Shmem:", shmem }, { "Slab:", slab },
        { "SReclaimable:", buffers }, { "SUnreclaim:", slab > buffers ? slab - buffers : 0 },
        { "KernelStack:", 0 }, { "PageTables:", 0 }, { "VmallocTotal:", 128 * 1024 },
        { "VmallocUsed:", vmalloc_used }, { "VmallocChunk:", 0 },
    };
    for (const Line& line : lines)
        out.printf("%-15s%8lu kB\n", line.name, line.kb);
}

// A name in /proc/mounts with space, tab, newline and backslash as octal escapes (Linux's mangle()).
void show_mangled(ProcBuffer& out, const char* text)
{
    for (; *text; ++text) {
        char c = *text;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\\')
            out.printf("\\%03o", static_cast<unsigned char>(c));
        else
            out.putc(c);
    }
}

void show_mount(const char* dev_name, const char* mount_point, const char* fs_type, unsigned long flags, void* context)
{
    auto& out = *static_cast<ProcBuffer*>(context);
    // The initial root is "rootfs" to Linux (a ramfs by another name), mounted
    // by the kernel without relatime; every mount(2) gets relatime by default.
    bool rootfs = libk::strcmp(dev_name, "rootfs") == 0 && libk::strcmp(fs_type, "ramfs") == 0;
    show_mangled(out, dev_name);
    out.putc(' ');
    show_mangled(out, mount_point);
    out.printf(" %s %s%s 0 0\n", rootfs ? "rootfs" : fs_type, (flags & 1) ? "ro" : "rw", rootfs ? "" : ",relatime");
}

} // namespace

void proc_mounts_show(ProcBuffer& out, Task*, void*)
{
    for_each_mount(show_mount, &out);
}

namespace {

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
    proc_symlink_entry("mounts", nullptr, "self/mounts");   // as Linux: per process
    proc_create_show("filesystems", 0444, nullptr, show_filesystems, nullptr);
    proc_create_show("devices", 0444, nullptr, show_devices, nullptr);
    proc_create_show("loadavg", 0444, nullptr, show_loadavg, nullptr);
    proc_create_show("stat", 0444, nullptr, show_stat, nullptr);
    proc_symlink_entry("self", nullptr, nullptr);          // targets computed per reader
    proc_symlink_entry("thread-self", nullptr, nullptr);
    return 0;
}

} // namespace

fs_initcall(proc_root_init);
