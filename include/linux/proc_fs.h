/* The procfs API of modules, as Linux names it: proc_create with a struct proc_ops
 * (Linux 5.6+) or, for older modules and the course, a struct file_operations;
 * proc_mkdir, remove_proc_entry, and the 2.6-era create_proc_entry with
 * read_proc/write_proc, built on the same entries. C-compatible. */
#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H

#include <linux/compiler.h>
#include <linux/fs.h>
#include <linux/types.h>
#include <linux/uidgid.h>

#ifdef __cplusplus
extern "C" {
#endif

struct proc_dir_entry;
struct pde_opener;
struct poll_table_struct;
struct vm_area_struct;

/* What a /proc file does, Linux 5.6+: file_operations' calls under proc_ names.
 * proc_lseek NULL: SEEK_END is relative to proc_set_size (default_llseek). */
struct proc_ops {
    unsigned int proc_flags;            /* PROC_ENTRY_PERMANENT */
    int (*proc_open)(struct inode *, struct file *);
    ssize_t (*proc_read)(struct file *, char __user *, size_t, loff_t *);
    ssize_t (*proc_write)(struct file *, const char __user *, size_t, loff_t *);
    loff_t (*proc_lseek)(struct file *, loff_t, int);
    int (*proc_release)(struct inode *, struct file *);
    __poll_t (*proc_poll)(struct file *, struct poll_table_struct *);
    long (*proc_ioctl)(struct file *, unsigned int, unsigned long);
    long (*proc_compat_ioctl)(struct file *, unsigned int, unsigned long);
    int (*proc_mmap)(struct file *, struct vm_area_struct *);
};

/* The entry is never removed (built-in code): remove_proc_entry and proc_remove
 * warn and keep it, as Linux's do. */
#define PROC_ENTRY_PERMANENT 1U

/*
 * 2.6 callbacks of create_proc_entry(). read_proc fills `page` (one page of
 * kernel memory, at most `count` bytes per call) and either
 *  - leaves *start NULL and writes the file from offset 0: the kernel skips `off`;
 *  - sets *start = page and writes the data for offset `off`: the kernel takes `n`;
 *  - sets *start to a small number (< page): data at page, *start says how far
 *    the file position moves (for record-based files).
 * It sets *eof = 1 when nothing follows. write_proc gets the user's buffer as is.
 */
typedef int(read_proc_t)(char *page, char **start, off_t off, int count, int *eof, void *data);
typedef int(write_proc_t)(struct file *file, const char __user *buffer, unsigned long count, void *data);

/* kernlab: the generator of the kernel's own text files (kernel/include/kernel/proc.h);
 * a function pointer either way, so C and C++ see the same layout. */
#ifdef __cplusplus
class ProcBuffer;
struct Task;
typedef void (*proc_show_t)(ProcBuffer &out, struct Task *task, void *data);
#else
typedef void (*proc_show_t)(void);
#endif

/* One name in /proc. New code treats it as opaque and uses the functions below;
 * 2.6-era modules set read_proc, write_proc, data, mode, uid, gid, size and owner
 * after create_proc_entry(), and the next open sees them. */
struct proc_dir_entry {
    read_proc_t *read_proc;
    write_proc_t *write_proc;
    void *data;                         /* PDE_DATA(inode) */
    umode_t mode;                       /* type and permissions, as ls -l shows them */
    uid_t uid;
    gid_t gid;
    loff_t size;                        /* st_size */
    struct module *owner;               /* 2.6 only; kept for source compatibility */
    /* The file's calls: proc_fops when set (pre-5.6 proc_create, or a 2.6 module
     * that sets it after create_proc_entry), else proc_ops. */
    const struct file_operations *proc_fops;
    const struct proc_ops *proc_ops;
    /* 2.6: inode_operations of the file; its .permission decides who may open it. */
    const struct inode_operations *proc_iops;

    /* ---- kernel-private below ---- */
    unsigned long low_ino;
    struct proc_dir_entry *parent;
    struct proc_dir_entry *subdir;      /* first child */
    struct proc_dir_entry *next;        /* next sibling */
    proc_show_t show;                   /* the kernel's generated text files */
    const char *link;                   /* symlink target */
    int count;                          /* references: being in the tree, children, inodes */
    int in_use;                         /* calls into proc_fops running (Linux's pde_users) */
    unsigned int flags;                 /* PDE_* in kernel/fs/proc/internal.h */
    struct pde_opener *openers;         /* files opened and not yet released */
    char name[64];
};

/* /proc itself (2.6: `&proc_root` as a parent; NULL means the same). */
extern struct proc_dir_entry proc_root;

/* New-style files: proc_read gets (struct file *, char __user *, size_t, loff_t *)
 * exactly as a char device's read; open/release/lseek/mmap/ioctl/poll pass
 * through, file->private_data is yours. `mode` 0 means 0444; the name may contain
 * directories that exist ("driver/foo"). NULL when the name exists or is invalid. */
struct proc_dir_entry *proc_create(const char *name, umode_t mode, struct proc_dir_entry *parent,
    const struct proc_ops *proc_ops);
struct proc_dir_entry *proc_create_data(const char *name, umode_t mode, struct proc_dir_entry *parent,
    const struct proc_ops *proc_ops, void *data);
/* The same with a struct file_operations (Linux before 5.6). */
struct proc_dir_entry *__proc_create_fops_data(const char *name, umode_t mode, struct proc_dir_entry *parent,
    const struct file_operations *proc_fops, void *data);
struct proc_dir_entry *proc_mkdir(const char *name, struct proc_dir_entry *parent);
struct proc_dir_entry *proc_mkdir_mode(const char *name, umode_t mode, struct proc_dir_entry *parent);
struct proc_dir_entry *proc_mkdir_data(const char *name, umode_t mode, struct proc_dir_entry *parent, void *data);
struct proc_dir_entry *proc_symlink(const char *name, struct proc_dir_entry *parent, const char *dest);

/* Removes the entry: it leaves ls at once, open files of it get -EIO from then on
 * and their release is called now; waits for calls into its fops to return. */
void remove_proc_entry(const char *name, struct proc_dir_entry *parent);
/* The entry and everything below it. 0 or -ENOENT. */
int remove_proc_subtree(const char *name, struct proc_dir_entry *parent);
void proc_remove(struct proc_dir_entry *entry);

void proc_set_size(struct proc_dir_entry *entry, loff_t size);
void proc_set_user(struct proc_dir_entry *entry, kuid_t uid, kgid_t gid);

/* The `data` given to proc_create_data (PDE_DATA before Linux 5.17, pde_data after). */
void *PDE_DATA(const struct inode *inode);
void *pde_data(const struct inode *inode);
void *proc_get_parent_data(const struct inode *inode);

/* 2.6-era API: a regular file (S_IFREG added, mode 0 means 0444) or, with S_IFDIR
 * in mode, a directory; set read_proc/write_proc/data on the result. */
struct proc_dir_entry *create_proc_entry(const char *name, umode_t mode, struct proc_dir_entry *parent);

static inline struct proc_dir_entry *create_proc_read_entry(const char *name, umode_t mode,
    struct proc_dir_entry *base, read_proc_t *read_proc, void *data)
{
    struct proc_dir_entry *entry = create_proc_entry(name, mode, base);
    if (entry) {
        entry->read_proc = read_proc;
        entry->data = data;
    }
    return entry;
}

#ifdef __cplusplus
}
#endif

#ifndef __cplusplus
/* C modules of either era call proc_create: the type of the last table picks
 * the form (a proc_ops, or before Linux 5.6 a file_operations). */
#define __proc_create_for(ops)                                                   \
    _Generic((ops), const struct file_operations *: __proc_create_fops_data,     \
                    struct file_operations *: __proc_create_fops_data,           \
                    default: proc_create_data)
#define proc_create_data(name, mode, parent, ops, data) \
    __proc_create_for(ops)(name, mode, parent, ops, data)
#define proc_create(name, mode, parent, ops) proc_create_data(name, mode, parent, ops, NULL)
#endif

#endif
