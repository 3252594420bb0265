// /proc/<pid>: one directory per task with stat, status, cmdline and comm in
// Linux's formats.
#include "internal.h"
#include <kernel/tty.h>
#include <kernel/mm.h>
#include <kernel/time.h>
#include <libk/format.h>
#include <libk/string.h>
#include <linux/mm_types.h>
#include <linux/stat.h>

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
    return task->tty >= 0 ? new_encode_dev(tty_devnum(task->tty)) : 0;
}

unsigned long vm_bytes(const Task* task)
{
    return task->mm ? task->mm->total_vm * PAGE_SIZE : 0;
}

void show_stat(ProcBuffer& out, Task* task, void*)
{
    mm_struct* mm = task->mm;
    unsigned long start_code = mm ? mm->start_code : 0, end_code = mm ? mm->end_code : 0;
    unsigned long start_stack = mm ? mm->start_stack : 0;
    uint64_t pending = task->pending_signals, blocked = task->blocked_signals;
    uint64_t ignored = 0, caught = 0;
    if (task->sighand) {
        for (int i = 0; i < nsig; ++i) {
            if (task->sighand[i].handler == 1)
                ignored |= uint64_t { 1 } << i;
            else if (task->sighand[i].handler > 1)
                caught |= uint64_t { 1 } << i;
        }
    }
    // Fields 1-52 of proc(5); the signal fields are decimal and truncated to 32 bits as Linux's.
    out.printf("%d (%s) %c %d %d %d %u %d %u ", task->pid, task->comm, state_letter(task),
        task->parent ? task->parent->pid : 0, task->pgid, task->sid, tty_number(task),
        task->tty >= 0 ? tty_foreground_pgrp(task->tty) : -1, 0x00400000u);
    out.printf("0 0 0 0 %llu %llu 0 0 20 0 1 0 %llu %lu %lu %lu ", to_clock_ticks(task->utime_ticks),
        to_clock_ticks(task->stime_ticks), to_clock_ticks(task->start_jiffies), vm_bytes(task),
        mm ? mm->total_vm : 0ul, 0xfffffffful);
    out.printf("%lu %lu %lu 0 0 %lu %lu %lu %lu 0 0 0 %d 0 0 0 0 0 0 ", start_code, end_code, start_stack,
        static_cast<unsigned long>(pending), static_cast<unsigned long>(blocked),
        static_cast<unsigned long>(ignored), static_cast<unsigned long>(caught), task->exit_signal);
    out.printf("%lu %lu %lu %lu %lu %lu %lu %d\n", mm ? mm->start_data : 0ul, mm ? mm->end_data : 0ul,
        mm ? mm->start_brk : 0ul, mm ? mm->arg_start : 0ul, mm ? mm->arg_end : 0ul, mm ? mm->env_start : 0ul,
        mm ? mm->env_end : 0ul, task->exit_code);
}

void show_status(ProcBuffer& out, Task* task, void*)
{
    const Credentials& c = task->cred;
    out.printf("Name:\t%s\n", task->comm);
    out.printf("Umask:\t%04o\n", task->fs ? task->fs->umask : 022);
    out.printf("State:\t%s\n", state_name(task));
    out.printf("Tgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\nTracerPid:\t0\n", task->pid, task->pid,
        task->parent ? task->parent->pid : 0);
    out.printf("Uid:\t%u\t%u\t%u\t%u\n", c.uid, c.euid, c.suid, c.fsuid);
    out.printf("Gid:\t%u\t%u\t%u\t%u\n", c.gid, c.egid, c.sgid, c.fsgid);
    out.printf("FDSize:\t%d\nGroups:\t\n", NR_OPEN_DEFAULT);
    if (task->mm) {
        out.printf("VmPeak:\t%8lu kB\nVmSize:\t%8lu kB\n", vm_bytes(task) / 1024, vm_bytes(task) / 1024);
        out.printf("VmRSS:\t%8lu kB\n", vm_bytes(task) / 1024);
    }
    out.printf("Threads:\t1\n");
    uint64_t ignored = 0, caught = 0;
    if (task->sighand) {
        for (int i = 0; i < nsig; ++i) {
            if (task->sighand[i].handler == 1)
                ignored |= uint64_t { 1 } << i;
            else if (task->sighand[i].handler > 1)
                caught |= uint64_t { 1 } << i;
        }
    }
    out.printf("SigPnd:\t%016llx\nShdPnd:\t%016llx\nSigBlk:\t%016llx\nSigIgn:\t%016llx\nSigCgt:\t%016llx\n",
        static_cast<unsigned long long>(task->pending_signals), 0ull,
        static_cast<unsigned long long>(task->blocked_signals), static_cast<unsigned long long>(ignored),
        static_cast<unsigned long long>(caught));
}

void show_cmdline(ProcBuffer& out, Task* task, void*)
{
    mm_struct* mm = task->mm;
    if (!mm || mm->arg_end <= mm->arg_start)
        return;   // kernel threads: empty, as Linux
    char chunk[256];
    unsigned long address = mm->arg_start;
    while (address < mm->arg_end && address - mm->arg_start < 64 * 1024) {
        int want = static_cast<int>(libk::min(static_cast<unsigned long>(sizeof(chunk)), mm->arg_end - address));
        int got = access_process_vm(task, address, chunk, want);
        if (got <= 0)
            break;
        out.write(chunk, static_cast<size_t>(got));
        address += static_cast<unsigned long>(got);
    }
}

void show_comm(ProcBuffer& out, Task* task, void*)
{
    out.printf("%s\n", task->comm);
}

struct PidEntry {
    const char* name;
    umode_t mode;
    ProcShow show;
};

// Index 0 is the directory itself (the inode number's low 4 bits).
constexpr PidEntry pid_entries[] = {
    { "", S_IFDIR | 0555, nullptr },
    { "cmdline", S_IFREG | 0444, show_cmdline },
    { "comm", S_IFREG | 0644, show_comm },
    { "stat", S_IFREG | 0444, show_stat },
    { "status", S_IFREG | 0444, show_status },
};
constexpr unsigned pid_entry_count = sizeof(pid_entries) / sizeof(pid_entries[0]);

int pid_dir_lookup(inode* dir, const char* name, unsigned length, inode** result);
int pid_dir_iterate(file* f, dir_context* ctx);

const inode_operations pid_dir_inode_operations = {
    .lookup = pid_dir_lookup,
};

const file_operations pid_dir_operations = {
    .owner = nullptr,
    .llseek = nullptr,
    .iterate_shared = pid_dir_iterate,
};

const inode_operations pid_file_inode_operations = {};

inode* pid_inode(super_block* sb, Task* task, unsigned index)
{
    inode* node = new_inode(sb);
    if (!node)
        return nullptr;
    const PidEntry& entry = pid_entries[index];
    node->i_ino = proc_pid_ino(task->pid, index);
    node->i_mode = entry.mode;
    node->i_uid = task->cred.euid;
    node->i_gid = task->cred.egid;
    if (index == 0) {
        node->i_op = &pid_dir_inode_operations;
        node->i_fop = &pid_dir_operations;
        node->i_nlink = 2;
    } else {
        node->i_op = &pid_file_inode_operations;
        node->i_fop = &proc_show_fops;
        node->i_private = reinterpret_cast<void*>(entry.show);
    }
    return node;
}

int pid_dir_lookup(inode* dir, const char* name, unsigned length, inode** result)
{
    if (length == 2 && name[0] == '.' && name[1] == '.') {
        ihold(dir->i_sb->s_root);
        *result = dir->i_sb->s_root;
        return 0;
    }
    Task* task = find_task_by_pid(proc_ino_pid(dir->i_ino));
    if (!task)
        return -ENOENT;
    for (unsigned i = 1; i < pid_entry_count; ++i) {
        if (libk::strlen(pid_entries[i].name) == length && libk::memcmp(pid_entries[i].name, name, length) == 0) {
            *result = pid_inode(dir->i_sb, task, i);
            return *result ? 0 : -ENOMEM;
        }
    }
    return -ENOENT;
}

int pid_dir_iterate(file* f, dir_context* ctx)
{
    inode* dir = file_inode(f);
    pid_t pid = proc_ino_pid(dir->i_ino);
    if (ctx->pos == 0) {
        if (!dir_emit(ctx, ".", 1, dir->i_ino, DT_DIR))
            return 0;
        ctx->pos = 1;
    }
    if (ctx->pos == 1) {
        if (!dir_emit(ctx, "..", 2, proc_root_ino, DT_DIR))
            return 0;
        ctx->pos = 2;
    }
    for (unsigned i = static_cast<unsigned>(ctx->pos - 1); i < pid_entry_count; ++i) {
        const char* name = pid_entries[i].name;
        if (!dir_emit(ctx, name, static_cast<int>(libk::strlen(name)), proc_pid_ino(pid, i), DT_REG))
            return 0;
        ctx->pos = i + 2;
    }
    return 0;
}

struct PidList {
    pid_t* pids;
    size_t count;
    size_t capacity;
};

void collect_pid(Task* task, void* context)
{
    auto* list = static_cast<PidList*>(context);
    if (task->pid > 0 && task->state != TaskState::Dead && list->count < list->capacity)
        list->pids[list->count++] = task->pid;
}

} // namespace

bool proc_inode_is_pid(const inode* node)
{
    return node->i_ino & proc_pid_ino_base;
}

int proc_pid_lookup_dir(super_block* sb, pid_t pid, inode** result)
{
    Task* task = find_task_by_pid(pid);
    if (!task)
        return -ENOENT;
    *result = pid_inode(sb, task, 0);
    return *result ? 0 : -ENOMEM;
}

// Lists the pid directories after the static entries, which end at `first_position`.
int proc_pid_iterate_root(file*, dir_context* ctx, loff_t first_position)
{
    PidList list {};
    list.capacity = task_count() + 8;
    list.pids = static_cast<pid_t*>(kmalloc(list.capacity * sizeof(pid_t), GFP_KERNEL));
    if (!list.pids)
        return -ENOMEM;
    for_each_task(collect_pid, &list);
    // Ascending order, as ls and ps expect from Linux.
    for (size_t i = 1; i < list.count; ++i)
        for (size_t j = i; j > 0 && list.pids[j - 1] > list.pids[j]; --j)
            libk::swap(list.pids[j - 1], list.pids[j]);
    for (size_t i = 0; i < list.count; ++i) {
        loff_t position = first_position + static_cast<loff_t>(i);
        if (position < ctx->pos)
            continue;
        char name[16];
        int length = libk::snprintf(name, sizeof(name), "%d", list.pids[i]);
        if (!dir_emit(ctx, name, length, proc_pid_ino(list.pids[i], 0), DT_DIR))
            break;
        ctx->pos = position + 1;
    }
    kfree(list.pids);
    return 0;
}
