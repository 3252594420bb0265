// /proc/<pid>: one directory per process (thread group leaders are listed,
// any task id can be looked up, as on Linux), with Linux's files: stat, status,
// statm, cmdline, environ, comm, maps, mounts, the links exe, cwd and root, and
// the directories fd/ and task/.
#include "internal.h"
#include <kernel/mm.h>
#include <libk/format.h>
#include <libk/string.h>
#include <linux/mm_types.h>
#include <linux/stat.h>

namespace {

// A range of the process's memory (argv or the environment), NUL-separated as Linux shows it.
void show_memory_range(ProcBuffer& out, Task* task, unsigned long start, unsigned long end)
{
    char chunk[256];
    unsigned long address = start;
    while (address < end && address - start < 64 * 1024) {
        int want = static_cast<int>(libk::min(static_cast<unsigned long>(sizeof(chunk)), end - address));
        int got = access_process_vm(task, address, chunk, want);
        if (got <= 0)
            break;
        out.write(chunk, static_cast<size_t>(got));
        address += static_cast<unsigned long>(got);
    }
}

void show_cmdline(ProcBuffer& out, Task* task, void*)
{
    mm_struct* mm = task->mm;
    if (mm && mm->arg_end > mm->arg_start)   // kernel threads: empty, as Linux
        show_memory_range(out, task, mm->arg_start, mm->arg_end);
}

void show_environ(ProcBuffer& out, Task* task, void*)
{
    mm_struct* mm = task->mm;
    if (mm && mm->env_end > mm->env_start && proc_may_access(task))
        show_memory_range(out, task, mm->env_start, mm->env_end);
}

void show_comm(ProcBuffer& out, Task* task, void*)
{
    out.printf("%s\n", task->comm);
}

enum class Kind : uint8_t { Dir, File, Link };

struct PidEntry {
    const char* name;
    umode_t mode;
    Kind kind;
    ProcShow show;
    const file_operations* fops = nullptr;   // a file with its own operations (written to), not `show`
};

// Index 0 is the directory itself (the inode number's sub-index); the order is Linux's.
enum : unsigned { entry_dir, entry_task, entry_fd, entry_cwd = 10, entry_root, entry_exe };
constexpr PidEntry pid_entries[] = {
    { "", S_IFDIR | 0555, Kind::Dir, nullptr },
    { "task", S_IFDIR | 0555, Kind::Dir, nullptr },
    { "fd", S_IFDIR | 0500, Kind::Dir, nullptr },
    { "environ", S_IFREG | 0400, Kind::File, show_environ },
    { "status", S_IFREG | 0444, Kind::File, proc_pid_status },
    { "comm", S_IFREG | 0644, Kind::File, show_comm },
    { "cmdline", S_IFREG | 0444, Kind::File, show_cmdline },
    { "stat", S_IFREG | 0444, Kind::File, proc_pid_stat },
    { "statm", S_IFREG | 0444, Kind::File, proc_pid_statm },
    { "maps", S_IFREG | 0444, Kind::File, proc_pid_maps },
    { "cwd", S_IFLNK | 0777, Kind::Link, nullptr },
    { "root", S_IFLNK | 0777, Kind::Link, nullptr },
    { "exe", S_IFLNK | 0777, Kind::Link, nullptr },
    { "mounts", S_IFREG | 0444, Kind::File, proc_mounts_show },
    { "limits", S_IFREG | 0444, Kind::File, proc_pid_limits },
    { "oom_score", S_IFREG | 0444, Kind::File, proc_pid_oom_score },
    { "oom_score_adj", S_IFREG | 0644, Kind::File, nullptr, &proc_oom_score_adj_operations },
    { "make-it-fail", S_IFREG | 0644, Kind::File, nullptr, &proc_make_it_fail_operations },
};
constexpr unsigned pid_entry_count = sizeof(pid_entries) / sizeof(pid_entries[0]);
static_assert(pid_entries[entry_cwd].kind == Kind::Link && pid_entries[entry_exe].kind == Kind::Link);

int pid_dir_lookup(inode* dir, const char* name, unsigned length, inode** result);
int pid_dir_iterate(file* f, dir_context* ctx);
int task_dir_lookup(inode* dir, const char* name, unsigned length, inode** result);
int task_dir_iterate(file* f, dir_context* ctx);
int pid_readlink(inode* node, char* buffer, int size);

const inode_operations pid_dir_inode_operations = {
    .lookup = pid_dir_lookup,
};

const file_operations pid_dir_operations = {
    .owner = nullptr,
    .llseek = nullptr,
    .iterate_shared = pid_dir_iterate,
};

const inode_operations task_dir_inode_operations = {
    .lookup = task_dir_lookup,
};

const file_operations task_dir_operations = {
    .owner = nullptr,
    .llseek = nullptr,
    .iterate_shared = task_dir_iterate,
};

int pid_get_link_path(inode* node, vfsmount** mnt, inode** target, file** opened);

const inode_operations pid_link_inode_operations = {
    .readlink = pid_readlink,
    .get_link_path = pid_get_link_path,
};

// `echo 500 > oom_score_adj` opens with O_TRUNC: a size change means nothing
// here; changing the mode of a process's file is not allowed (Linux's proc_setattr).
int pid_file_setattr(inode*, iattr* attr)
{
    return (attr->ia_valid & ATTR_MODE) ? -EPERM : 0;
}

const inode_operations pid_file_inode_operations = {
    .setattr = pid_file_setattr,
};

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
    switch (entry.kind) {
    case Kind::Dir:
        node->i_nlink = 2;
        if (index == entry_task) {
            node->i_op = &task_dir_inode_operations;
            node->i_fop = &task_dir_operations;
        } else if (index == entry_fd) {
            node->i_op = &proc_fd_dir_inode_operations;
            node->i_fop = &proc_fd_dir_operations;
        } else {
            node->i_op = &pid_dir_inode_operations;
            node->i_fop = &pid_dir_operations;
        }
        break;
    case Kind::Link:
        node->i_op = &pid_link_inode_operations;
        break;
    case Kind::File:
        node->i_op = &pid_file_inode_operations;
        node->i_fop = entry.fops ? entry.fops : &proc_show_fops;
        node->i_private = reinterpret_cast<void*>(entry.show);
        break;
    }
    return node;
}

int copy_link(const char* target, int length, char* buffer, int size)
{
    if (length < 0)
        return length;
    length = libk::min(length, size);
    libk::memcpy(buffer, target, static_cast<size_t>(length));
    return length;
}

int pid_readlink(inode* node, char* buffer, int size)
{
    Task* task = find_task_by_pid(proc_ino_pid(node->i_ino));
    if (!task)
        return -ENOENT;
    if (!proc_may_access(task))
        return -EACCES;
    unsigned index = proc_ino_index(node->i_ino);
    char* text = static_cast<char*>(kmalloc(PATH_MAX, GFP_KERNEL));
    if (!text)
        return -ENOMEM;
    int result = -ENOENT;   // kernel threads have no executable, exited tasks no fs
    if (index == entry_exe) {
        if (file* exe = get_task_exe_file(task)) {
            result = copy_link(text, proc_file_name(exe, text, PATH_MAX), buffer, size);
            fput(exe);
        }
    } else if (task->fs) {
        Path path = path_get(index == entry_cwd ? task->fs->pwd : task->fs->root);
        if (path.node)
            result = copy_link(text, proc_path_name(path, text, PATH_MAX), buffer, size);
        path_put(path);
    }
    kfree(text);
    return result;
}

// Following exe, cwd or root goes to the executable or directory itself
// (Linux's proc_exe_link, proc_cwd_link, proc_root_link).
int pid_get_link_path(inode* node, vfsmount** mnt, inode** target, file** opened)
{
    Task* task = find_task_by_pid(proc_ino_pid(node->i_ino));
    if (!task)
        return -ENOENT;
    if (!proc_may_access(task))
        return -EACCES;
    if (proc_ino_index(node->i_ino) == entry_exe) {
        file* exe = get_task_exe_file(task);
        if (!exe)
            return -ENOENT;
        *mnt = mntget(exe->f_vfsmnt);
        *target = file_inode(exe);
        ihold(*target);
        *opened = exe;
        return 0;
    }
    if (!task->fs)
        return -ENOENT;
    Path path = path_get(proc_ino_index(node->i_ino) == entry_cwd ? task->fs->pwd : task->fs->root);
    if (!path.node) {
        path_put(path);
        return -ENOENT;
    }
    *mnt = path.mnt;
    *target = path.node;
    return 0;
}

bool is_name(const char* a, const char* name, unsigned length)
{
    return libk::strlen(a) == length && libk::memcmp(a, name, length) == 0;
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
        if (is_name(pid_entries[i].name, name, length)) {
            *result = pid_inode(dir->i_sb, task, i);
            return *result ? 0 : -ENOMEM;
        }
    }
    return -ENOENT;
}

int dt_of(const PidEntry& entry)
{
    return entry.kind == Kind::Dir ? DT_DIR : entry.kind == Kind::Link ? DT_LNK : DT_REG;
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
        if (!dir_emit(ctx, name, static_cast<int>(libk::strlen(name)), proc_pid_ino(pid, i), dt_of(pid_entries[i])))
            return 0;
        ctx->pos = i + 2;
    }
    return 0;
}

pid_t parse_pid(const char* name, unsigned length)
{
    // Digits only, no leading zero.
    if (length == 0 || length > 9 || name[0] == '0')
        return 0;
    pid_t pid = 0;
    for (unsigned i = 0; i < length; ++i) {
        if (name[i] < '0' || name[i] > '9')
            return 0;
        pid = pid * 10 + (name[i] - '0');
    }
    return pid;
}

struct PidList {
    pid_t* pids;
    size_t count;
    size_t capacity;
    pid_t tgid;   // only the threads of this group; 0: only group leaders
};

void collect_pid(Task* task, void* context)
{
    auto* list = static_cast<PidList*>(context);
    if (task->pid <= 0 || task->state == TaskState::Dead || list->count >= list->capacity)
        return;
    if (list->tgid ? task->tgid == list->tgid : task->tgid == task->pid)
        list->pids[list->count++] = task->pid;
}

// Emits the pids (ascending, as ls and ps expect from Linux) as directories,
// at positions first_position and on.
int emit_pids(dir_context* ctx, loff_t first_position, pid_t tgid)
{
    PidList list {};
    list.capacity = task_count() + 8;
    list.tgid = tgid;
    list.pids = static_cast<pid_t*>(kmalloc(list.capacity * sizeof(pid_t), GFP_KERNEL));
    if (!list.pids)
        return -ENOMEM;
    for_each_task(collect_pid, &list);
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

// task/<tid>: the threads of the group, each a directory like /proc/<tid>.
int task_dir_lookup(inode* dir, const char* name, unsigned length, inode** result)
{
    pid_t tgid = proc_ino_pid(dir->i_ino);
    if (length == 2 && name[0] == '.' && name[1] == '.') {
        Task* leader = find_task_by_pid(tgid);
        *result = leader ? pid_inode(dir->i_sb, leader, entry_dir) : nullptr;
        return leader ? (*result ? 0 : -ENOMEM) : -ENOENT;
    }
    Task* task = find_task_by_pid(parse_pid(name, length));
    if (!task || task->tgid != tgid)
        return -ENOENT;
    *result = pid_inode(dir->i_sb, task, entry_dir);
    return *result ? 0 : -ENOMEM;
}

int task_dir_iterate(file* f, dir_context* ctx)
{
    inode* dir = file_inode(f);
    pid_t tgid = proc_ino_pid(dir->i_ino);
    if (ctx->pos == 0) {
        if (!dir_emit(ctx, ".", 1, dir->i_ino, DT_DIR))
            return 0;
        ctx->pos = 1;
    }
    if (ctx->pos == 1) {
        if (!dir_emit(ctx, "..", 2, proc_pid_ino(tgid, 0), DT_DIR))
            return 0;
        ctx->pos = 2;
    }
    return emit_pids(ctx, 2, tgid);
}

} // namespace

bool proc_inode_is_pid(const inode* node)
{
    return node->i_ino & proc_pid_ino_base;
}

bool proc_may_access(Task* task)
{
    const Credentials& me = current->cred;
    const Credentials& it = task->cred;
    if (me.euid == 0 || task == current)
        return true;
    return me.uid == it.uid && me.uid == it.euid && me.uid == it.suid && me.gid == it.gid && me.gid == it.egid
        && me.gid == it.sgid && !(task->mm && task->mm->not_dumpable);
}

int proc_pid_lookup_dir(super_block* sb, pid_t pid, inode** result)
{
    Task* task = find_task_by_pid(pid);
    if (!task)
        return -ENOENT;
    *result = pid_inode(sb, task, entry_dir);
    return *result ? 0 : -ENOMEM;
}

// Lists the process directories after the static entries, which end at `first_position`.
int proc_pid_iterate_root(file*, dir_context* ctx, loff_t first_position)
{
    return emit_pids(ctx, first_position, 0);
}
