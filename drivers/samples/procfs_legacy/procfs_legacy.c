/* procfs_legacy: /proc files made the way the 2.6 module guide makes them.
 *   /proc/legacy_note   create_proc_entry() with read_proc/write_proc: keeps the
 *                       last thing written (up to 1 KiB); mode, uid and size are
 *                       set on the entry after it was created.
 *   /proc/legacy_lines  a 20000-byte read_proc file handed out in pieces
 *                       (*start = page), "line 0000\n" .. "line 1999\n".
 *   /proc/legacy_guard  proc_fops and proc_iops instead of read_proc: the mode
 *                       says rw-rw-rw-, but .permission lets only root write. */
#include <linux/cred.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <asm/uaccess.h>

#define NOTE_NAME "legacy_note"
#define LINES_NAME "legacy_lines"
#define GUARD_NAME "legacy_guard"

#define NOTE_MAX 1024
#define LINE_LENGTH 10      /* "line 0000\n" */
#define LINE_COUNT 2000
#define GUARD_MAX 2048

static struct proc_dir_entry *note_entry;
static struct proc_dir_entry *lines_entry;
static struct proc_dir_entry *guard_entry;

static char note[NOTE_MAX];
static unsigned long note_size;
static char guard_text[GUARD_MAX];
static unsigned long guard_size;

/* All of the note at once from offset 0 (*start stays NULL): procfs takes the
 * part at `offset`, so short reads get the rest on the next call. */
static int note_read(char *page, char **start, off_t offset, int count, int *eof, void *data)
{
    printk(KERN_INFO "note_read (/proc/%s) called\n", NOTE_NAME);
    memcpy(page, note, note_size);
    *eof = 1;
    return note_size;
}

/* write_proc gets the user's buffer itself: copy_from_user is ours to call. */
static int note_write(struct file *file, const char __user *buffer, unsigned long count, void *data)
{
    unsigned long size = count > NOTE_MAX ? NOTE_MAX : count;

    if (copy_from_user(note, buffer, size))
        return -EFAULT;
    note_size = size;
    printk(KERN_INFO "note_write (/proc/%s): %lu bytes\n", NOTE_NAME, size);
    return count;
}

/* The bytes for [offset, offset + count) at *start = page: a file longer than
 * one page, produced over several calls. */
static int lines_read(char *page, char **start, off_t offset, int count, int *eof, void *data)
{
    int total = LINE_LENGTH * LINE_COUNT;
    int n, i;

    if (offset >= total) {
        *eof = 1;
        return 0;
    }
    n = count < total - offset ? count : total - offset;
    for (i = 0; i < n; i++) {
        char line[LINE_LENGTH + 1];
        int at = offset + i;

        snprintf(line, sizeof(line), "line %04d\n", at / LINE_LENGTH);
        page[i] = line[at % LINE_LENGTH];
    }
    *start = page;
    if (offset + n >= total)
        *eof = 1;
    return n;
}

/* ---- /proc/legacy_guard: file_operations of our own ---- */

static ssize_t guard_read(struct file *file, char __user *buffer, size_t length, loff_t *offset)
{
    size_t n;

    if (*offset >= guard_size)
        return 0;
    n = guard_size - *offset < length ? guard_size - *offset : length;
    if (copy_to_user(buffer, guard_text + *offset, n))
        return -EFAULT;
    *offset += n;
    printk(KERN_INFO "guard_read: read %lu bytes\n", (unsigned long)n);
    return n;
}

static ssize_t guard_write(struct file *file, const char __user *buffer, size_t length, loff_t *offset)
{
    guard_size = length > GUARD_MAX ? GUARD_MAX : length;
    if (copy_from_user(guard_text, buffer, guard_size))
        return -EFAULT;
    printk(KERN_INFO "guard_write: write %lu bytes\n", guard_size);
    return guard_size;
}

/* An open file pins the module, as the guide's procfs3 does. */
static int guard_open(struct inode *inode, struct file *file)
{
    try_module_get(THIS_MODULE);
    return 0;
}

static int guard_release(struct inode *inode, struct file *file)
{
    module_put(THIS_MODULE);
    return 0;
}

/* Asked instead of the mode bits: anyone may read, only euid 0 may write. */
static int guard_permission(struct inode *inode, int op, struct nameidata *nd)
{
    if (op == MAY_READ || (op == MAY_WRITE && uid_eq(current_euid(), GLOBAL_ROOT_UID)))
        return 0;
    printk(KERN_INFO "guard_permission: op %d denied to uid %u\n", op, from_kuid(&init_user_ns, current_euid()));
    return -EACCES;
}

static struct file_operations guard_fops = {
    .read = guard_read,
    .write = guard_write,
    .open = guard_open,
    .release = guard_release,
};

static struct inode_operations guard_iops = {
    .permission = guard_permission,
};

static void remove_all(void)
{
    if (note_entry)
        remove_proc_entry(NOTE_NAME, &proc_root);
    if (lines_entry)
        remove_proc_entry(LINES_NAME, &proc_root);
    if (guard_entry)
        remove_proc_entry(GUARD_NAME, NULL);
}

static int __init procfs_legacy_init(void)
{
    note_entry = create_proc_entry(NOTE_NAME, 0644, &proc_root);
    lines_entry = create_proc_entry(LINES_NAME, 0444, NULL);
    guard_entry = create_proc_entry(GUARD_NAME, 0644, NULL);
    if (!note_entry || !lines_entry || !guard_entry) {
        remove_all();
        printk(KERN_ALERT "Error: Could not initialize the /proc/legacy_* files\n");
        return -ENOMEM;
    }

    /* Changed after creation, seen at the next open (ls -l). */
    note_entry->read_proc = note_read;
    note_entry->write_proc = note_write;
    note_entry->owner = THIS_MODULE;
    note_entry->mode = S_IFREG | S_IRUGO | S_IWUGO;
    note_entry->uid = 0;
    note_entry->gid = 0;
    note_entry->size = NOTE_MAX;

    lines_entry->read_proc = lines_read;
    lines_entry->size = LINE_LENGTH * LINE_COUNT;

    guard_entry->owner = THIS_MODULE;
    guard_entry->proc_fops = &guard_fops;
    guard_entry->proc_iops = &guard_iops;
    guard_entry->mode = S_IFREG | S_IRUGO | S_IWUGO;
    guard_entry->size = 80;

    printk(KERN_INFO "/proc/%s created\n", NOTE_NAME);
    printk(KERN_INFO "/proc/%s created\n", LINES_NAME);
    printk(KERN_INFO "/proc/%s created\n", GUARD_NAME);
    return 0;
}

static void __exit procfs_legacy_exit(void)
{
    remove_all();
    printk(KERN_INFO "/proc/%s, /proc/%s and /proc/%s removed\n", NOTE_NAME, LINES_NAME, GUARD_NAME);
}

module_init(procfs_legacy_init);
module_exit(procfs_legacy_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("/proc files with the 2.6 API: create_proc_entry, read_proc/write_proc, proc_iops");
