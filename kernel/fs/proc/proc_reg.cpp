// The file_operations every driver entry of /proc is opened with: each call is
// passed to the entry's proc_ops (or proc_fops) while counted in `in_use`, so that removing the
// entry (rmmod) can wait for running calls, release what is still open, and leave
// later calls on those files with -EIO instead of jumping into an unloaded module.
#include "internal.h"
#include <kernel/mm.h>
#include <kernel/wait.h>

// An open file of a driver entry whose release has not run yet.
struct pde_opener {
    file* f;
    pde_opener* next;
    bool closing;   // the remover is calling its release now
};

namespace {

// Removers waiting for in_use to drop, and releases waiting for a remover's close.
constinit WaitQueue rundown_wait;

constexpr __poll_t default_poll_mask = EPOLLIN | EPOLLOUT | EPOLLRDNORM | EPOLLWRNORM;

proc_dir_entry* entry_of(file* f)
{
    return static_cast<proc_dir_entry*>(file_inode(f)->i_private);
}

// The driver's calls, from whichever table the entry has: proc_fops when set
// (proc_create before Linux 5.6, or a 2.6 module that sets it after
// create_proc_entry, so it is read at each call), else proc_ops (Linux 5.6+).
struct DriverOps {
    int (*open)(inode*, file*);
    ssize_t (*read)(file*, char __user*, size_t, loff_t*);
    ssize_t (*write)(file*, const char __user*, size_t, loff_t*);
    loff_t (*llseek)(file*, loff_t, int);
    int (*release)(inode*, file*);
    __poll_t (*poll)(file*, poll_table_struct*);
    long (*ioctl)(file*, unsigned int, unsigned long);
    long (*compat_ioctl)(file*, unsigned int, unsigned long);
    int (*mmap)(file*, vm_area_struct*);
    int (*flush)(file*, fl_owner_t);
    int (*fsync)(file*, loff_t, loff_t, int);
};

DriverOps driver_ops(const proc_dir_entry* entry)
{
    if (const file_operations* f = entry->proc_fops)
        return { f->open, f->read, f->write, f->llseek, f->release, f->poll, f->unlocked_ioctl, f->compat_ioctl,
            f->mmap, f->flush, f->fsync };
    if (const proc_ops* p = entry->proc_ops)
        return { p->proc_open, p->proc_read, p->proc_write, p->proc_lseek, p->proc_release, p->proc_poll,
            p->proc_ioctl, p->proc_compat_ioctl, p->proc_mmap, nullptr, nullptr };
    return {};
}

// Enters a call into the driver; false once the entry is removed.
bool use_pde(proc_dir_entry* entry)
{
    SpinLockGuard guard(proc_subdir_lock);
    if (entry->flags & PDE_REMOVED)
        return false;
    ++entry->in_use;
    return true;
}

void unuse_pde(proc_dir_entry* entry)
{
    bool wake;
    {
        SpinLockGuard guard(proc_subdir_lock);
        wake = --entry->in_use == 0 && (entry->flags & PDE_REMOVED);
    }
    if (wake)
        rundown_wait.wake_up_all();
}

// Unlinks the opener of `f` if it is there and nobody is closing it. Lock held.
pde_opener* take_opener(proc_dir_entry* entry, file* f, bool& being_closed)
{
    being_closed = false;
    for (pde_opener** p = &entry->openers; *p; p = &(*p)->next) {
        pde_opener* opener = *p;
        if (opener->f != f)
            continue;
        if (opener->closing) {
            being_closed = true;
            return nullptr;
        }
        *p = opener->next;
        return opener;
    }
    return nullptr;
}

bool has_opener(proc_dir_entry* entry, file* f)
{
    SpinLockGuard guard(proc_subdir_lock);
    for (pde_opener* opener = entry->openers; opener; opener = opener->next)
        if (opener->f == f)
            return true;
    return false;
}

int proc_reg_open(inode* node, file* f)
{
    auto* entry = static_cast<proc_dir_entry*>(node->i_private);
    if (!use_pde(entry))
        return -ENOENT;
    DriverOps ops = driver_ops(entry);
    // Allocated before open, so that a successful open is always recorded.
    pde_opener* opener = nullptr;
    if (ops.release) {
        opener = static_cast<pde_opener*>(kzalloc(sizeof(pde_opener), GFP_KERNEL));
        if (!opener) {
            unuse_pde(entry);
            return -ENOMEM;
        }
    }
    int result = ops.open ? ops.open(node, f) : 0;
    if (result == 0 && opener) {
        opener->f = f;
        SpinLockGuard guard(proc_subdir_lock);
        opener->next = entry->openers;
        entry->openers = opener;
    } else {
        kfree(opener);
    }
    unuse_pde(entry);
    return result;
}

int proc_reg_release(inode* node, file* f)
{
    auto* entry = static_cast<proc_dir_entry*>(node->i_private);
    bool being_closed = false;
    if (use_pde(entry)) {
        pde_opener* opener;
        {
            SpinLockGuard guard(proc_subdir_lock);
            opener = take_opener(entry, f, being_closed);
        }
        int result = 0;
        if (opener) {
            DriverOps ops = driver_ops(entry);
            result = ops.release ? ops.release(node, f) : 0;
            kfree(opener);
        }
        unuse_pde(entry);
        return result;
    }
    // Removed: the remover releases every file still open. If it is doing ours
    // now, the file must live until it is done.
    pde_opener* orphan;
    {
        SpinLockGuard guard(proc_subdir_lock);
        orphan = take_opener(entry, f, being_closed);
    }
    kfree(orphan);   // a rundown that could not reach it: the driver may be gone
    if (being_closed)
        rundown_wait.wait_until([&] { return !has_opener(entry, f); });
    return 0;
}

ssize_t proc_reg_read(file* f, char __user* buffer, size_t count, loff_t* pos)
{
    proc_dir_entry* entry = entry_of(f);
    if (!use_pde(entry))
        return -EIO;
    DriverOps ops = driver_ops(entry);
    ssize_t result = ops.read ? ops.read(f, buffer, count, pos) : -EIO;
    unuse_pde(entry);
    return result;
}

ssize_t proc_reg_write(file* f, const char __user* buffer, size_t count, loff_t* pos)
{
    proc_dir_entry* entry = entry_of(f);
    if (!use_pde(entry))
        return -EIO;
    DriverOps ops = driver_ops(entry);
    ssize_t result = ops.write ? ops.write(f, buffer, count, pos) : -EIO;
    unuse_pde(entry);
    return result;
}

loff_t proc_reg_llseek(file* f, loff_t offset, int whence)
{
    proc_dir_entry* entry = entry_of(f);
    if (!use_pde(entry))
        return -EIO;
    // No llseek of its own: the file size decides SEEK_END, as Linux's default_llseek.
    loff_t (*llseek)(file*, loff_t, int) = default_llseek;
    if (DriverOps ops = driver_ops(entry); ops.llseek)
        llseek = ops.llseek;
    loff_t result = llseek(f, offset, whence);
    unuse_pde(entry);
    return result;
}

__poll_t proc_reg_poll(file* f, poll_table_struct* table)
{
    proc_dir_entry* entry = entry_of(f);
    if (!use_pde(entry))
        return EPOLLERR;
    DriverOps ops = driver_ops(entry);
    __poll_t result = ops.poll ? ops.poll(f, table) : default_poll_mask;
    unuse_pde(entry);
    return result;
}

long proc_reg_unlocked_ioctl(file* f, unsigned int command, unsigned long argument)
{
    proc_dir_entry* entry = entry_of(f);
    if (!use_pde(entry))
        return -EIO;
    DriverOps ops = driver_ops(entry);
    long result = ops.ioctl ? ops.ioctl(f, command, argument) : -ENOTTY;
    unuse_pde(entry);
    return result;
}

long proc_reg_compat_ioctl(file* f, unsigned int command, unsigned long argument)
{
    proc_dir_entry* entry = entry_of(f);
    if (!use_pde(entry))
        return -EIO;
    DriverOps ops = driver_ops(entry);
    long result = ops.compat_ioctl ? ops.compat_ioctl(f, command, argument) : -ENOTTY;
    unuse_pde(entry);
    return result;
}

// The VFS's mmap path calls this for /proc files; the driver's handler maps its
// buffer (remap_pfn_range), as in the course's /proc/mydir/myinfo exercise.
int proc_reg_mmap(file* f, vm_area_struct* vma)
{
    proc_dir_entry* entry = entry_of(f);
    if (!use_pde(entry))
        return -EIO;
    DriverOps ops = driver_ops(entry);
    int result = ops.mmap ? ops.mmap(f, vma) : -ENODEV;
    unuse_pde(entry);
    return result;
}

int proc_reg_flush(file* f, fl_owner_t id)
{
    proc_dir_entry* entry = entry_of(f);
    if (!use_pde(entry))
        return 0;
    DriverOps ops = driver_ops(entry);
    int result = ops.flush ? ops.flush(f, id) : 0;
    unuse_pde(entry);
    return result;
}

int proc_reg_fsync(file* f, loff_t start, loff_t end, int datasync)
{
    proc_dir_entry* entry = entry_of(f);
    if (!use_pde(entry))
        return -EIO;
    DriverOps ops = driver_ops(entry);
    int result = ops.fsync ? ops.fsync(f, start, end, datasync) : 0;
    unuse_pde(entry);
    return result;
}

} // namespace

const file_operations proc_reg_file_ops = {
    .owner = nullptr,
    .llseek = proc_reg_llseek,
    .read = proc_reg_read,
    .write = proc_reg_write,
    .iterate_shared = nullptr,
    .poll = proc_reg_poll,
    .unlocked_ioctl = proc_reg_unlocked_ioctl,
    .compat_ioctl = proc_reg_compat_ioctl,
    .mmap = proc_reg_mmap,
    .open = proc_reg_open,
    .flush = proc_reg_flush,
    .release = proc_reg_release,
    .fsync = proc_reg_fsync,
};

void proc_entry_rundown(proc_dir_entry* entry)
{
    {
        SpinLockGuard guard(proc_subdir_lock);
        entry->flags |= PDE_REMOVED;
    }
    rundown_wait.wait_until([entry] {
        SpinLockGuard guard(proc_subdir_lock);
        return entry->in_use == 0;
    });
    // Release every file still open, as if closed: the module's release frees
    // what it hung on private_data before the module goes away.
    for (;;) {
        pde_opener* opener = nullptr;
        {
            SpinLockGuard guard(proc_subdir_lock);
            for (pde_opener* o = entry->openers; o; o = o->next) {
                if (!o->closing) {
                    opener = o;
                    opener->closing = true;
                    break;
                }
            }
        }
        if (!opener)
            break;
        if (DriverOps ops = driver_ops(entry); ops.release)
            ops.release(file_inode(opener->f), opener->f);
        {
            SpinLockGuard guard(proc_subdir_lock);
            for (pde_opener** p = &entry->openers; *p; p = &(*p)->next) {
                if (*p == opener) {
                    *p = opener->next;
                    break;
                }
            }
        }
        kfree(opener);
        rundown_wait.wake_up_all();
    }
}
