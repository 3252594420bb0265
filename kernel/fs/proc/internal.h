// procfs internals shared by the root, generic entries and the per-pid directories.
#pragma once

#include "../internal.h"
#include <kernel/proc.h>

// Inode numbers: static entries count up from proc_static_ino; /proc/<pid>/...
// encode the pid and the file index, so the same name always has the same number.
constexpr unsigned long proc_root_ino = 1;
constexpr unsigned long proc_pid_ino_base = 0x10000000;
inline unsigned long proc_pid_ino(pid_t pid, unsigned index) { return proc_pid_ino_base | (static_cast<unsigned long>(pid) << 4) | index; }
inline pid_t proc_ino_pid(unsigned long ino) { return static_cast<pid_t>((ino & ~proc_pid_ino_base) >> 4); }
inline unsigned proc_ino_index(unsigned long ino) { return ino & 0xf; }

extern const file_operations proc_show_fops;
extern super_block* proc_sb;

inode* proc_get_inode(super_block* sb, proc_dir_entry* entry);
// /proc/<pid> lookups and listing.
int proc_pid_lookup_dir(super_block* sb, pid_t pid, inode** result);
int proc_pid_iterate_root(file* f, dir_context* ctx, loff_t first_position);
// The pid of a /proc/<pid> inode (0 for others).
bool proc_inode_is_pid(const inode* node);
