// procfs internals shared by the root, generic entries and the per-pid directories.
#pragma once

#include "../internal.h"
#include <kernel/proc.h>
#include <kernel/spinlock.h>

struct mm_struct;

// Inode numbers: static entries count up from proc_static_ino; /proc/<pid>/...
// set the top bit and encode the pid and a sub-index (the entry of the pid
// directory, or proc_fd_sub + fd for fd/N), so a name always has the same number.
constexpr unsigned long proc_root_ino = 1;
constexpr unsigned long proc_pid_ino_base = 0x80000000;
constexpr unsigned proc_sub_bits = 10;
constexpr unsigned proc_fd_sub = 512;   // fd/N: proc_fd_sub + N (N < 256)
inline unsigned long proc_pid_ino(pid_t pid, unsigned sub)
{
    return proc_pid_ino_base | (static_cast<unsigned long>(pid) << proc_sub_bits) | sub;
}
inline pid_t proc_ino_pid(unsigned long ino) { return static_cast<pid_t>((ino & ~proc_pid_ino_base) >> proc_sub_bits); }
inline unsigned proc_ino_index(unsigned long ino) { return ino & ((1u << proc_sub_bits) - 1); }

extern const file_operations proc_show_fops;
extern super_block* proc_sb;

inode* proc_get_inode(super_block* sb, proc_dir_entry* entry);
// /proc/<pid> lookups and listing.
int proc_pid_lookup_dir(super_block* sb, pid_t pid, inode** result);
int proc_pid_iterate_root(file* f, dir_context* ctx, loff_t first_position);
// True for the inodes of /proc/<pid>/... (they have no proc_dir_entry).
bool proc_inode_is_pid(const inode* node);

// ---- /proc/<pid> (base.cpp, array.cpp, task_mmu.cpp, fd.cpp) ----
// The show functions of the per-process files, in Linux's formats.
void proc_pid_stat(ProcBuffer& out, Task* task, void*);
void proc_pid_status(ProcBuffer& out, Task* task, void*);
void proc_pid_statm(ProcBuffer& out, Task* task, void*);
void proc_pid_maps(ProcBuffer& out, Task* task, void*);
void proc_mounts_show(ProcBuffer& out, Task* task, void*);
// limits.cpp: resource limits and the OOM killer's view of the process.
void proc_pid_limits(ProcBuffer& out, Task* task, void*);
void proc_pid_oom_score(ProcBuffer& out, Task* task, void*);
extern const file_operations proc_oom_score_adj_operations;
extern const file_operations proc_make_it_fail_operations;
// Pages of `mm` present in memory (VmRSS).
unsigned long proc_mm_rss_pages(mm_struct* mm);
// Whether the caller may look at `task`'s private parts (fd, exe, environ,
// maps): root, or the same user (Linux's ptrace_may_access, simplified).
bool proc_may_access(Task* task);
// fd/: the directory and a link inode for each open descriptor.
extern const inode_operations proc_fd_dir_inode_operations;
extern const file_operations proc_fd_dir_operations;

// ---- naming files (file_name.cpp): what readlink shows for fd/N, cwd, root, maps ----
// Writes the name of `f` ("/path", "pipe:[ino]", "anon_inode:...") into `buffer`
// (NUL-terminated); returns its length or -errno.
int proc_file_name(file* f, char* buffer, size_t size);
// The same for a place in the tree (cwd, root): its path from the caller's root.
int proc_path_name(const Path& path, char* buffer, size_t size);

// ---- the entry tree (generic.cpp) ----

// proc_dir_entry::flags
constexpr unsigned PDE_REMOVED = 1;      // out of the tree: no new opens, fops calls get -EIO
constexpr unsigned PDE_UNLINKED = 2;     // out of its directory's list, the tree's reference dropped
constexpr unsigned PDE_LINK_OWNED = 4;   // `link` was copied by proc_symlink and is freed with the entry

// Guards the tree links, in_use, flags and openers. Never held across a call
// into a driver, a user copy or an allocation.
extern SpinLock proc_subdir_lock;

// References: the tree holds one, each child one on its parent, each inode one.
void pde_get(proc_dir_entry* entry);
void pde_put(proc_dir_entry* entry);
// A zeroed entry with `mode`, not yet visible; free it with kfree if registering fails.
proc_dir_entry* proc_alloc_entry(umode_t mode);
// Puts `entry` under `parent` (nullptr: /proc) with the last component of `name`;
// the components before it must be directories there ("driver/foo"). False when
// the name is invalid or taken, or a directory is missing.
bool proc_register(proc_dir_entry* entry, const char* name, proc_dir_entry* parent);
// The entry `name` (may contain '/') below `parent`, with a reference; nullptr if none.
proc_dir_entry* proc_lookup_path(const char* name, proc_dir_entry* parent);
// Removes `entry`: marks it and everything below removed and runs them down;
// unlinks it, and with `whole_subtree` its descendants too (else they stay on
// the removed directory until removed by name, so its pointer stays valid).
void proc_take_down(proc_dir_entry* entry, bool whole_subtree);

// ---- driver files (proc_reg.cpp): calls into a driver's fops, counted so that
// removal can wait for them and close what is still open (Linux's pde_users) ----
extern const file_operations proc_reg_file_ops;
// Marks the entry removed, waits for running fops calls, releases open files.
void proc_entry_rundown(proc_dir_entry* entry);

// ---- 2.6 files (legacy.cpp): read_proc/write_proc behind proc_ops ----
extern const proc_ops proc_legacy_ops;
