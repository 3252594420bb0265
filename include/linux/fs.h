/* The file-system API of modules and drivers, as Linux names it: struct file,
 * struct inode, struct file_operations, super blocks and char devices. C-compatible. */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/kdev_t.h>
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/types.h>
#include <linux/wait.h>     /* and with it `current`, as in Linux */
/* The uapi pieces linux/types.h may not pull in (static asserts, __kernel_* types). */
#include <linux/stddef.h>
#include <linux/posix_types.h>
#include <linux/stat.h>
#include <linux/fcntl.h>
#include <linux/poll.h>
#include <linux/dirent.h>
#if !defined(__cplusplus) || defined(MODULE)
#include <linux/cred.h>   /* as Linux's (the kernel's own VFS has its current_fsuid) */
#endif

#ifdef __cplusplus
extern "C" {
#endif

struct module;
struct file;
struct inode;
struct super_block;
struct file_system_type;
struct vm_area_struct;
struct vfsmount;
struct cdev;
struct pipe_inode_info;
struct block_device;
struct iattr;
struct kstatfs;
struct file_name;

#ifndef _STRUCT_TIMESPEC64
#define _STRUCT_TIMESPEC64
struct timespec64 {
    time64_t tv_sec;
    long tv_nsec;
};
#endif

typedef void *fl_owner_t;

/* file->f_mode: what the open file may do (from O_ACCMODE), Linux's values. */
#define FMODE_READ ((fmode_t)0x1)
#define FMODE_WRITE ((fmode_t)0x2)
#define FMODE_LSEEK ((fmode_t)0x4)
#define FMODE_PREAD ((fmode_t)0x8)
#define FMODE_PWRITE ((fmode_t)0x10)
#define FMODE_EXEC ((fmode_t)0x20)
#define FMODE_NOWAIT ((fmode_t)0x8000000)
#define FMODE_STREAM ((fmode_t)0x200000)

/* Permission masks for inode_permission() (Linux's MAY_*). */
#define MAY_EXEC 0x1
#define MAY_WRITE 0x2
#define MAY_READ 0x4
#define MAY_APPEND 0x8
#define MAY_ACCESS 0x10
#define MAY_OPEN 0x20

/* Seek whence. */
#ifndef SEEK_SET
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define SEEK_DATA 3
#define SEEK_HOLE 4
#endif

#define MAX_LFS_FILESIZE ((loff_t)0x7fffffffffffffffLL)

/* d_type values (DT_*) come from linux/dirent.h. */
#define S_DT(mode) (((mode) & S_IFMT) >> 12)

/* Directory listing (Linux's dir_context): iterate_shared calls dir_emit() for each
 * entry from ctx->pos on, advancing ctx->pos; the actor returns false when full. */
struct dir_context;
typedef bool (*filldir_t)(struct dir_context *, const char *name, int namelen, loff_t offset, u64 ino,
    unsigned int d_type);
struct dir_context {
    filldir_t actor;
    loff_t pos;
};

static inline bool dir_emit(struct dir_context *ctx, const char *name, int namelen, u64 ino, unsigned int type)
{
    return ctx->actor(ctx, name, namelen, ctx->pos, ino, type);
}

/* Member names, order and signatures as Linux's (the ones kernlab uses). */
struct file_operations {
    struct module *owner;
    loff_t (*llseek)(struct file *, loff_t, int);
    ssize_t (*read)(struct file *, char __user *, size_t, loff_t *);
    ssize_t (*write)(struct file *, const char __user *, size_t, loff_t *);
    int (*iterate_shared)(struct file *, struct dir_context *);
    __poll_t (*poll)(struct file *, struct poll_table_struct *);
    /* Linux 2.6's ioctl (removed in 2.6.36): called with the inode when there is
     * no unlocked_ioctl. Linux held the big kernel lock around it; kernlab has none. */
    int (*ioctl)(struct inode *, struct file *, unsigned int, unsigned long);
    long (*unlocked_ioctl)(struct file *, unsigned int, unsigned long);
    long (*compat_ioctl)(struct file *, unsigned int, unsigned long);
    int (*mmap)(struct file *, struct vm_area_struct *);
    int (*open)(struct inode *, struct file *);
    int (*flush)(struct file *, fl_owner_t id);
    int (*release)(struct inode *, struct file *);
    int (*fsync)(struct file *, loff_t, loff_t, int datasync);
    /* fallocate(2) on a regular file; NULL: -EOPNOTSUPP. */
    long (*fallocate)(struct file *, int mode, loff_t offset, loff_t len);
};

/* Attribute changes for setattr (chmod, chown, truncate, utimensat). */
#define ATTR_MODE (1 << 0)
#define ATTR_UID (1 << 1)
#define ATTR_GID (1 << 2)
#define ATTR_SIZE (1 << 3)
#define ATTR_ATIME (1 << 4)
#define ATTR_MTIME (1 << 5)
#define ATTR_CTIME (1 << 6)

struct iattr {
    unsigned int ia_valid;
    umode_t ia_mode;
    uid_t ia_uid;
    gid_t ia_gid;
    loff_t ia_size;
    struct timespec64 ia_atime;
    struct timespec64 ia_mtime;
    struct timespec64 ia_ctime;
};

/*
 * Directory and inode operations. kernlab has no dentry cache: names are passed as
 * (name, len), not NUL-terminated, and the VFS walks paths by calling lookup. Every
 * function returns 0 or -errno; an inode handed back through `result` carries a
 * reference the caller drops with iput(). The VFS has already checked permissions,
 * that the name is not "." or "..", and (for create/mkdir/mknod/symlink/link) that it
 * does not exist yet.
 */
struct nameidata;   /* 2.6's path walk state; kernlab passes none */

struct inode_operations {
    int (*lookup)(struct inode *dir, const char *name, unsigned int len, struct inode **result);
    int (*create)(struct inode *dir, const char *name, unsigned int len, umode_t mode, struct inode **result);
    int (*link)(struct inode *old_inode, struct inode *dir, const char *name, unsigned int len);
    int (*unlink)(struct inode *dir, const char *name, unsigned int len);
    int (*symlink)(struct inode *dir, const char *name, unsigned int len, const char *target);
    int (*mkdir)(struct inode *dir, const char *name, unsigned int len, umode_t mode);
    int (*rmdir)(struct inode *dir, const char *name, unsigned int len);   /* -ENOTEMPTY unless empty */
    int (*mknod)(struct inode *dir, const char *name, unsigned int len, umode_t mode, dev_t dev);
    /* Replaces an existing target (the VFS checked the types match); flags as renameat2. */
    int (*rename)(struct inode *old_dir, const char *old_name, unsigned int old_len, struct inode *new_dir,
        const char *new_name, unsigned int new_len, unsigned int flags);
    /* Copies the link target (no NUL) into a KERNEL buffer; returns its length. */
    int (*readlink)(struct inode *inode, char *buffer, int buflen);
    /* NULL: the VFS applies the change to the inode itself (simple_setattr). */
    int (*setattr)(struct inode *inode, struct iattr *attr);
    /* kernlab: /proc's magic links (Linux's proc_get_link + nd_jump_link). Following
     * the link goes straight to the place it stands for, not to its text: an open
     * file's mount and inode (fd/N, exe; then *file is that file, referenced, so
     * the walk can take over its name) or a directory (cwd, root; *file NULL).
     * Fills *mnt (may be NULL: a pipe) and *node with references; 0 or -errno.
     * NULL hook: an ordinary symlink, followed through readlink's text. */
    int (*get_link_path)(struct inode *inode, struct vfsmount **mnt, struct inode **node, struct file **file);
    /* Decides access instead of the mode bits: 0 or -EACCES for `mask` (MAY_READ,
     * MAY_WRITE, MAY_EXEC). The 2.6 signature, as the module guide's /proc files
     * use it; the nameidata is always NULL. */
    int (*permission)(struct inode *inode, int mask, struct nameidata *nd);
    /* kernlab: the page cache's part in execve (Linux maps the page-cache pages
     * of a program's file). The page holding the file's bytes at page `index`
     * (its kernel address), with a reference for the caller that put_page_at drops;
     * NULL for a hole. NULL hook: execve reads a copy of every page. */
    void *(*get_file_page)(struct inode *inode, unsigned long index);
};

struct kstatfs {
    long f_type;
    long f_bsize;
    u64 f_blocks;
    u64 f_bfree;
    u64 f_bavail;
    u64 f_files;
    u64 f_ffree;
    int f_fsid[2];
    long f_namelen;
    long f_frsize;
    long f_flags;
};

struct super_operations {
    /* The last reference to an inode with no links went away: free its data. */
    void (*evict_inode)(struct inode *);
    /* Non-zero: evict even though i_nlink > 0 (procfs's generated inodes). NULL: keep. */
    int (*drop_inode)(struct inode *);
    void (*put_super)(struct super_block *);
    int (*statfs)(struct super_block *, struct kstatfs *);
    int (*sync_fs)(struct super_block *, int wait);
};

struct super_block {
    dev_t s_dev;                 /* st_dev of every inode here */
    unsigned long s_blocksize;
    unsigned char s_blocksize_bits;
    loff_t s_maxbytes;
    struct file_system_type *s_type;
    const struct super_operations *s_op;
    unsigned long s_flags;       /* MS_RDONLY ... */
    unsigned long s_magic;
    struct inode *s_root;        /* referenced while the super block lives */
    int s_active;                /* mounts of this super block */
    struct block_device *s_bdev;
    void *s_fs_info;
    char s_id[32];               /* the device name given to mount */
};

/* A file-system type (register_filesystem). get_sb returns a super block with
 * s_root set: a new one, or one shared by every mount (procfs, devtmpfs). */
#define FS_REQUIRES_DEV 1
struct file_system_type {
    const char *name;
    int fs_flags;
    int (*get_sb)(struct file_system_type *, int flags, const char *dev_name, void *data,
        struct super_block **result);
    void (*kill_sb)(struct super_block *);   /* the last mount went away */
    struct module *owner;
    struct file_system_type *next;
};

int register_filesystem(struct file_system_type *);
int unregister_filesystem(struct file_system_type *);
/* A fresh super block with no device, s_dev an anonymous (0, n) number. */
struct super_block *alloc_anon_super(struct file_system_type *type);
/* Frees a super block whose inodes are all gone (kill_sb helpers). */
void free_super(struct super_block *sb);

struct inode {
    umode_t i_mode;
    unsigned short i_opflags;
    uid_t i_uid;
    gid_t i_gid;
    unsigned int i_flags;
    const struct inode_operations *i_op;
    struct super_block *i_sb;
    unsigned long i_ino;
    unsigned int i_nlink;
    dev_t i_rdev;
    loff_t i_size;
    struct timespec64 i_atime;
    struct timespec64 i_mtime;
    struct timespec64 i_ctime;
    blkcnt_t i_blocks;           /* 512-byte units */
    const struct file_operations *i_fop;
    struct cdev *i_cdev;
    struct pipe_inode_info *i_pipe;
    void *i_private;             /* the file system's data */
    int i_count;                 /* references: iput() drops one */
};

/* The name a file was opened under, as Linux's dentry shows it to drivers
 * (file->f_path.dentry->d_name.name). kernlab has no dentry cache: each file
 * opened by name keeps its own, the last component of the path. */
struct qstr {
    u32 hash;                    /* kernlab: 0, names are not hashed */
    u32 len;
    const unsigned char *name;   /* NUL-terminated */
};
struct dentry {
    struct qstr d_name;
    struct inode *d_inode;
};
struct path {
    struct vfsmount *mnt;
    struct dentry *dentry;
};

struct file {
    struct vfsmount *f_vfsmnt;   /* the mount it was opened through */
    struct inode *f_inode;
    const struct file_operations *f_op;
    int f_count;                 /* fds and other holders; fput() drops one */
    unsigned int f_flags;        /* O_* as given to open (minus O_CREAT/O_EXCL/O_TRUNC/O_CLOEXEC) */
    fmode_t f_mode;
    loff_t f_pos;
    void *private_data;          /* the driver's */
    /* kernlab: the directory and name the file was opened under (Linux's f_path
     * dentry), for readlink of /proc/PID/fd/N and exe; NULL when not opened by name. */
    struct file_name *f_name;
    /* Linux's: the mount and the name (f_name's); dentry NULL when not opened by name. */
    struct path f_path;
};

static inline struct inode *file_inode(const struct file *f) { return f->f_inode; }
static inline unsigned iminor(const struct inode *inode) { return MINOR(inode->i_rdev); }
static inline unsigned imajor(const struct inode *inode) { return MAJOR(inode->i_rdev); }
static inline struct file *get_file(struct file *f) { f->f_count++; return f; }
void fput(struct file *);

static inline loff_t i_size_read(const struct inode *inode) { return inode->i_size; }
static inline void i_size_write(struct inode *inode, loff_t size) { inode->i_size = size; }
static inline void set_nlink(struct inode *inode, unsigned int n) { inode->i_nlink = n; }
static inline void inc_nlink(struct inode *inode) { inode->i_nlink++; }
static inline void drop_nlink(struct inode *inode) { if (inode->i_nlink) inode->i_nlink--; }
static inline void clear_nlink(struct inode *inode) { inode->i_nlink = 0; }

/* Inodes: new_inode gives one with i_count 1 and a fresh i_ino. */
struct inode *new_inode(struct super_block *sb);
unsigned long get_next_ino(void);
void ihold(struct inode *inode);
void iput(struct inode *inode);
/* Owner from the caller's fsuid/fsgid (the group of a setgid directory), and the mode. */
void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode);
/* Char/block devices and FIFOs: sets i_rdev and the VFS's opening fops. */
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev);
struct timespec64 current_time(struct inode *inode);
int inode_permission(struct inode *inode, int mask);
/* The mode-bit check (root passes), for a .permission hook that adds to it. */
int generic_permission(struct inode *inode, int mask);
/* setattr without fs-specific work: copies the attributes (not the size) to the inode. */
void setattr_copy(struct inode *inode, const struct iattr *attr);

/* Ready-made file operations. */
loff_t no_llseek(struct file *file, loff_t offset, int whence);
loff_t noop_llseek(struct file *file, loff_t offset, int whence);
loff_t default_llseek(struct file *file, loff_t offset, int whence);
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
/* Fixed-size llseek for files whose size is `size` (SEEK_END relative to it). */
loff_t fixed_size_llseek(struct file *file, loff_t offset, int whence, loff_t size);
int nonseekable_open(struct inode *inode, struct file *file);
int stream_open(struct inode *inode, struct file *file);
/* Copies from a kernel buffer to user space at *ppos, advancing it; bytes or -EFAULT. */
ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos, const void *from, size_t available);
ssize_t simple_write_to_buffer(void *to, size_t available, loff_t *ppos, const void __user *from, size_t count);
int noop_fsync(struct file *, loff_t, loff_t, int);
/* open that sets file->private_data to inode->i_private (debugfs files' data). */
int simple_open(struct inode *inode, struct file *file);
extern const struct file_operations def_chr_fops;

/* Char devices (Linux's fs/char_dev.c). Majors up to CHRDEV_MAJOR_MAX-1; major 0
 * to register_chrdev asks for a free one, returned. */
#define CHRDEV_MAJOR_MAX 512
int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops);
/* 0, or -EINVAL when nothing is registered at major (2.6 returned a value:
 * `int ret = unregister_chrdev(...)`; 6.1's is void, called as a statement). */
int unregister_chrdev(unsigned int major, const char *name);
int alloc_chrdev_region(dev_t *dev, unsigned baseminor, unsigned count, const char *name);
int register_chrdev_region(dev_t from, unsigned count, const char *name);
void unregister_chrdev_region(dev_t from, unsigned count);

/* devtmpfs: /dev nodes made by drivers. `name` is relative to /dev and may contain
 * directories ("input/event0"), created as needed; mode includes S_IFCHR or S_IFBLK
 * (permissions 0 mean 0600). */
int devtmpfs_create_node(const char *name, umode_t mode, dev_t dev);
int devtmpfs_delete_node(const char *name);

#ifdef __cplusplus
}
#endif

#endif
