// procfs inside the kernel: entries with generated text (show callbacks) or a
// driver's own file_operations. Linux's proc_create/seq_file API for modules
// (include/linux/proc_fs.h, seq_file.h) is built on these.
#pragma once

#include <linux/fs.h>
#include <linux/proc_fs.h>   // struct proc_dir_entry, shared with modules
#include <stdarg.h>

struct Task;

// Text generated at open time; grows as needed (Linux's seq_file buffer, simplified).
class ProcBuffer {
public:
    void printf(const char* format, ...) __attribute__((format(printf, 2, 3)));
    void vprintf(const char* format, va_list args);
    void write(const void* data, size_t length);
    void putc(char c) { write(&c, 1); }

    // Internals for the open path.
    char* m_data { nullptr };
    size_t m_length { 0 };
    size_t m_capacity { 0 };
    bool m_overflow { false };
    // What to generate, at the first read as Linux's seq_file (so that
    // "cmd < /proc/self/cmdline" shows cmd, which runs only after the open).
    bool m_generated { false };
    proc_show_t m_show { nullptr };
    void* m_show_data { nullptr };
    int m_pid { 0 };   // of a /proc/<pid> file, else 0
};

// Generates a file's contents. `task` is the task of a /proc/<pid> entry, else nullptr.
using ProcShow = proc_show_t;   // void (*)(ProcBuffer& out, Task* task, void* data)

// The root of /proc (entries with parent nullptr go here).
proc_dir_entry* proc_root_entry();
proc_dir_entry* proc_create_show(const char* name, umode_t mode, proc_dir_entry* parent, ProcShow show, void* data);
proc_dir_entry* proc_create_fops(const char* name, umode_t mode, proc_dir_entry* parent, const file_operations* fops,
    void* data);
proc_dir_entry* proc_mkdir_entry(const char* name, proc_dir_entry* parent);
proc_dir_entry* proc_symlink_entry(const char* name, proc_dir_entry* parent, const char* target);
// Takes an entry (and anything below it) out of the tree: open files of a
// driver's entry get -EIO from then on, and their release runs now.
void proc_remove_entry(proc_dir_entry* entry);
proc_dir_entry* proc_find_entry(proc_dir_entry* parent, const char* name);
// The entry behind an inode of /proc (Linux's PDE()), and its data (PDE_DATA).
proc_dir_entry* PDE(const inode* node);

// execve and /proc/<pid>/exe: the mm keeps a reference to its executable
// (set_mm_exe_file(mm, nullptr) drops it: the last mmput); the task's, with a
// reference for the caller to fput, or nullptr (kernel threads).
struct mm_struct;
void set_mm_exe_file(mm_struct* mm, struct file* exe);
struct file* get_task_exe_file(Task* task);
