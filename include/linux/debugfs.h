/* debugfs: a file system for debugging files, mounted at /sys/kernel/debug.
 * A module makes directories and files with its own file_operations (the
 * file's inode->i_private is the data given), or files showing one variable.
 * An open file of a module's fops holds the module (fops->owner), as a char
 * device's does. Failures return ERR_PTR(-errno), as Linux 6.x. */
#ifndef _LINUX_DEBUGFS_H
#define _LINUX_DEBUGFS_H

#include <linux/err.h>
#include <linux/fs.h>
#include <linux/seq_file.h>
#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

struct debugfs_blob_wrapper {
    void *data;
    unsigned long size;
};

struct dentry *debugfs_create_dir(const char *name, struct dentry *parent);
struct dentry *debugfs_create_file(const char *name, umode_t mode, struct dentry *parent, void *data,
    const struct file_operations *fops);
/* Linux's _unsafe variant differs in how removal is guarded; here they are one. */
struct dentry *debugfs_create_file_unsafe(const char *name, umode_t mode, struct dentry *parent, void *data,
    const struct file_operations *fops);
struct dentry *debugfs_create_symlink(const char *name, struct dentry *parent, const char *dest);
/* Files that read (and, with a write bit, set) a variable: decimal, or 0x hex for x*. */
void debugfs_create_u8(const char *name, umode_t mode, struct dentry *parent, u8 *value);
void debugfs_create_u16(const char *name, umode_t mode, struct dentry *parent, u16 *value);
void debugfs_create_u32(const char *name, umode_t mode, struct dentry *parent, u32 *value);
void debugfs_create_u64(const char *name, umode_t mode, struct dentry *parent, u64 *value);
void debugfs_create_x8(const char *name, umode_t mode, struct dentry *parent, u8 *value);
void debugfs_create_x16(const char *name, umode_t mode, struct dentry *parent, u16 *value);
void debugfs_create_x32(const char *name, umode_t mode, struct dentry *parent, u32 *value);
void debugfs_create_size_t(const char *name, umode_t mode, struct dentry *parent, size_t *value);
void debugfs_create_atomic_t(const char *name, umode_t mode, struct dentry *parent, atomic_t *value);
/* "Y\n" or "N\n"; accepts what kstrtobool does. */
void debugfs_create_bool(const char *name, umode_t mode, struct dentry *parent, bool *value);
struct dentry *debugfs_create_blob(const char *name, umode_t mode, struct dentry *parent,
    struct debugfs_blob_wrapper *blob);

void debugfs_remove(struct dentry *dentry);
/* Linux 6.x: debugfs_remove removes the whole tree; both names do. */
#define debugfs_remove_recursive debugfs_remove
bool debugfs_initialized(void);

/* DEFINE_DEBUGFS_ATTRIBUTE / DEFINE_SIMPLE_ATTRIBUTE: a file whose text is one
 * number, got and set through two functions (Linux's simple_attr). */
int simple_attr_open(struct inode *inode, struct file *file, int (*get)(void *, u64 *), int (*set)(void *, u64),
    const char *fmt);
int simple_attr_release(struct inode *inode, struct file *file);
ssize_t simple_attr_read(struct file *file, char __user *buf, size_t len, loff_t *ppos);
ssize_t simple_attr_write(struct file *file, const char __user *buf, size_t len, loff_t *ppos);

#define DEFINE_SIMPLE_ATTRIBUTE(__fops, __get, __set, __fmt)                \
    static int __fops##_open(struct inode *inode, struct file *file)         \
    {                                                                        \
        return simple_attr_open(inode, file, __get, __set, __fmt);           \
    }                                                                        \
    static const struct file_operations __fops = {                           \
        .owner = THIS_MODULE,                                                \
        .open = __fops##_open,                                               \
        .release = simple_attr_release,                                      \
        .read = simple_attr_read,                                            \
        .write = simple_attr_write,                                          \
        .llseek = generic_file_llseek,                                       \
    }
#define DEFINE_DEBUGFS_ATTRIBUTE(__fops, __get, __set, __fmt) DEFINE_SIMPLE_ATTRIBUTE(__fops, __get, __set, __fmt)
#define debugfs_attr_read simple_attr_read
#define debugfs_attr_write simple_attr_write

#ifdef __cplusplus
}
#endif

#endif
