// procfs entries: the tree of static entries, their references and removal,
// and the "show" files whose text is generated when opened.
#include "internal.h"
#include <kernel/mm.h>
#include <libk/format.h>
#include <libk/string.h>
#include <linux/stat.h>

constinit SpinLock proc_subdir_lock;
// /proc itself; modules of the 2.6 era name it as a parent.
constinit proc_dir_entry proc_root = {};   // extern "C" by its declaration in linux/proc_fs.h

namespace {

constinit unsigned long next_proc_ino = 2;

// The child `name` (`length` bytes) of `dir`, removed ones included. Lock held.
proc_dir_entry* find_child(proc_dir_entry* dir, const char* name, size_t length)
{
    for (proc_dir_entry* child = dir->subdir; child; child = child->next)
        if (libk::strlen(child->name) == length && libk::memcmp(child->name, name, length) == 0)
            return child;
    return nullptr;
}

// Walks the directories of "a/b/name" below `dir`; *last points at "name". Lock held.
proc_dir_entry* walk_dirs(const char* name, proc_dir_entry* dir, const char** last)
{
    if (!dir)
        dir = proc_root_entry();
    while (const char* slash = libk::strchr(name, '/')) {
        proc_dir_entry* child = find_child(dir, name, static_cast<size_t>(slash - name));
        if (!child || !S_ISDIR(child->mode) || (child->flags & PDE_REMOVED))
            return nullptr;
        dir = child;
        name = slash + 1;
    }
    *last = name;
    return dir;
}

// Takes `entry` out of its directory's list; false if that was done already. Lock held.
bool unlink_entry(proc_dir_entry* entry)
{
    if (entry->flags & PDE_UNLINKED)
        return false;
    for (proc_dir_entry** p = &entry->parent->subdir; *p; p = &(*p)->next) {
        if (*p == entry) {
            *p = entry->next;
            break;
        }
    }
    entry->next = nullptr;
    entry->flags |= PDE_UNLINKED;
    return true;
}

void mark_removed(proc_dir_entry* entry)
{
    entry->flags |= PDE_REMOVED;
    for (proc_dir_entry* child = entry->subdir; child; child = child->next)
        mark_removed(child);
}

size_t count_below(const proc_dir_entry* entry)
{
    size_t count = 0;
    for (const proc_dir_entry* child = entry->subdir; child; child = child->next)
        count += 1 + count_below(child);
    return count;
}

void fill_below(proc_dir_entry* entry, proc_dir_entry** out, size_t capacity, size_t& count)
{
    for (proc_dir_entry* child = entry->subdir; child && count < capacity; child = child->next) {
        pde_get(child);
        out[count++] = child;
        fill_below(child, out, capacity, count);
    }
}

// Everything below `entry`, parents before children, each with a reference.
// Nothing can be added below a removed entry, so the count only shrinks.
proc_dir_entry** collect_below(proc_dir_entry* entry, size_t& count)
{
    count = 0;
    size_t capacity;
    {
        SpinLockGuard guard(proc_subdir_lock);
        capacity = count_below(entry);
    }
    if (capacity == 0)
        return nullptr;
    auto** list = static_cast<proc_dir_entry**>(kmalloc(capacity * sizeof(proc_dir_entry*), GFP_KERNEL));
    if (!list)
        return nullptr;   // the subtree stays; its entries are marked removed already
    SpinLockGuard guard(proc_subdir_lock);
    fill_below(entry, list, capacity, count);
    return list;
}

} // namespace

void ProcBuffer::write(const void* data, size_t length)
{
    if (m_overflow)
        return;
    if (m_length + length > m_capacity) {
        m_overflow = true;
        return;
    }
    libk::memcpy(m_data + m_length, data, length);
    m_length += length;
}

void ProcBuffer::vprintf(const char* format, va_list args)
{
    if (m_overflow)
        return;
    size_t room = m_capacity - m_length;
    int n = libk::vsnprintf(m_data + m_length, room, format, args);
    if (n < 0 || static_cast<size_t>(n) >= room) {
        m_overflow = true;
        return;
    }
    m_length += static_cast<size_t>(n);
}

void ProcBuffer::printf(const char* format, ...)
{
    va_list args;
    va_start(args, format);
    vprintf(format, args);
    va_end(args);
}

proc_dir_entry* proc_root_entry()
{
    if (!proc_root.mode) {
        proc_root.mode = S_IFDIR | 0555;
        proc_root.low_ino = proc_root_ino;
        proc_root.count = 1;
        libk::strlcpy(proc_root.name, "/proc", sizeof(proc_root.name));
    }
    return &proc_root;
}

void pde_get(proc_dir_entry* entry)
{
    __atomic_add_fetch(&entry->count, 1, __ATOMIC_SEQ_CST);
}

void pde_put(proc_dir_entry* entry)
{
    while (entry && entry != &proc_root) {
        if (__atomic_sub_fetch(&entry->count, 1, __ATOMIC_SEQ_CST) != 0)
            return;
        proc_dir_entry* parent = entry->parent;
        if (entry->flags & PDE_LINK_OWNED)
            kfree(entry->link);
        kfree(entry);
        entry = parent;   // the child's reference on its directory
    }
}

proc_dir_entry* proc_alloc_entry(umode_t mode)
{
    auto* entry = static_cast<proc_dir_entry*>(kzalloc(sizeof(proc_dir_entry), GFP_KERNEL));
    if (entry) {
        entry->mode = mode;
        entry->count = 1;   // the tree's
    }
    return entry;
}

bool proc_register(proc_dir_entry* entry, const char* name, proc_dir_entry* parent)
{
    if (!name)
        return false;
    SpinLockGuard guard(proc_subdir_lock);
    const char* last = nullptr;
    proc_dir_entry* dir = walk_dirs(name, parent, &last);
    size_t length = dir ? libk::strlen(last) : 0;
    if (!dir || (dir->flags & PDE_REMOVED) || !S_ISDIR(dir->mode) || length == 0
        || length >= sizeof(entry->name) || (length == 1 && last[0] == '.')
        || (length == 2 && last[0] == '.' && last[1] == '.'))
        return false;
    if (proc_dir_entry* existing = find_child(dir, last, length); existing && !(existing->flags & PDE_REMOVED)) {
        printk(KERN_WARNING "proc_dir_entry '%s/%s' already registered\n", dir->name, last);
        return false;
    }
    libk::memcpy(entry->name, last, length + 1);
    entry->parent = dir;
    entry->low_ino = ++next_proc_ino;
    pde_get(dir);
    proc_dir_entry** tail = &dir->subdir;
    while (*tail)
        tail = &(*tail)->next;
    *tail = entry;
    return true;
}

proc_dir_entry* proc_lookup_path(const char* name, proc_dir_entry* parent)
{
    if (!name)
        return nullptr;
    SpinLockGuard guard(proc_subdir_lock);
    const char* last = nullptr;
    proc_dir_entry* dir = walk_dirs(name, parent, &last);
    proc_dir_entry* entry = dir ? find_child(dir, last, libk::strlen(last)) : nullptr;
    if (entry)
        pde_get(entry);
    return entry;
}

proc_dir_entry* proc_find_entry(proc_dir_entry* parent, const char* name)
{
    SpinLockGuard guard(proc_subdir_lock);
    proc_dir_entry* entry = find_child(parent ? parent : proc_root_entry(), name, libk::strlen(name));
    return entry && !(entry->flags & PDE_REMOVED) ? entry : nullptr;
}

void proc_take_down(proc_dir_entry* entry, bool whole_subtree)
{
    if (!entry || entry == &proc_root)
        return;
    bool unlinked;
    {
        SpinLockGuard guard(proc_subdir_lock);
        mark_removed(entry);   // from here on no opens, no fops calls, no new children
        unlinked = unlink_entry(entry);
    }
    size_t count = 0;
    proc_dir_entry** below = collect_below(entry, count);
    if (count && !whole_subtree)
        printk(KERN_WARNING "remove_proc_entry: removing non-empty directory '%s', leaking at least '%s'\n",
            entry->name, below[0]->name);
    for (size_t i = count; i-- > 0;) {   // children before their directories
        proc_dir_entry* child = below[i];
        bool drop = false;
        if (whole_subtree) {
            SpinLockGuard guard(proc_subdir_lock);
            drop = unlink_entry(child);
        }
        proc_entry_rundown(child);
        if (drop)
            pde_put(child);   // the tree's reference
        pde_put(child);       // collect_below's
    }
    kfree(below);
    proc_entry_rundown(entry);
    if (unlinked)
        pde_put(entry);
}

namespace {

proc_dir_entry* create_entry(const char* name, umode_t mode, proc_dir_entry* parent, ProcShow show,
    const file_operations* fops, void* data)
{
    proc_dir_entry* entry = proc_alloc_entry(mode);
    if (!entry)
        return nullptr;
    entry->show = show;
    entry->proc_fops = fops;
    entry->data = data;
    if (!proc_register(entry, name, parent)) {
        kfree(entry);
        return nullptr;
    }
    return entry;
}

} // namespace

proc_dir_entry* proc_create_show(const char* name, umode_t mode, proc_dir_entry* parent, ProcShow show, void* data)
{
    return create_entry(name, S_IFREG | (mode & 07777 ? mode & 07777 : 0444), parent, show, nullptr, data);
}

proc_dir_entry* proc_create_fops(const char* name, umode_t mode, proc_dir_entry* parent, const file_operations* fops,
    void* data)
{
    return create_entry(name, S_IFREG | (mode & 07777 ? mode & 07777 : 0444), parent, nullptr, fops, data);
}

proc_dir_entry* proc_mkdir_entry(const char* name, proc_dir_entry* parent)
{
    return create_entry(name, S_IFDIR | 0555, parent, nullptr, nullptr, nullptr);
}

proc_dir_entry* proc_symlink_entry(const char* name, proc_dir_entry* parent, const char* target)
{
    proc_dir_entry* entry = proc_alloc_entry(S_IFLNK | 0777);
    if (!entry)
        return nullptr;
    entry->link = target;
    if (!proc_register(entry, name, parent)) {
        kfree(entry);
        return nullptr;
    }
    return entry;
}

void proc_remove_entry(proc_dir_entry* entry)
{
    proc_take_down(entry, true);
}

proc_dir_entry* PDE(const inode* node)
{
    return proc_inode_is_pid(node) ? nullptr : static_cast<proc_dir_entry*>(node->i_private);
}

// ---- show files: generate at open, read from the buffer ----

namespace {

int proc_show_open(inode* node, file* f)
{
    auto* buffer = static_cast<ProcBuffer*>(kzalloc(sizeof(ProcBuffer), GFP_KERNEL));
    if (!buffer)
        return -ENOMEM;
    if (proc_inode_is_pid(node)) {
        buffer->m_show = reinterpret_cast<ProcShow>(node->i_private);
        buffer->m_pid = proc_ino_pid(node->i_ino);
        if (!find_task_by_pid(buffer->m_pid)) {
            kfree(buffer);
            return -ESRCH;
        }
    } else {
        proc_dir_entry* entry = static_cast<proc_dir_entry*>(node->i_private);
        buffer->m_show = entry->show;
        buffer->m_show_data = entry->data;
    }
    f->private_data = buffer;
    return 0;
}

// Generates the text once, growing the buffer until it fits.
int generate(ProcBuffer* buffer)
{
    if (buffer->m_generated)
        return 0;
    Task* task = nullptr;
    if (buffer->m_pid && !(task = find_task_by_pid(buffer->m_pid)))
        return -ESRCH;
    for (size_t capacity = 4096; capacity <= 1024 * 1024; capacity *= 2) {
        buffer->m_data = static_cast<char*>(kmalloc(capacity, GFP_KERNEL));
        if (!buffer->m_data)
            break;
        buffer->m_capacity = capacity;
        buffer->m_length = 0;
        buffer->m_overflow = false;
        buffer->m_show(*buffer, task, buffer->m_show_data);
        if (!buffer->m_overflow) {
            buffer->m_generated = true;
            return 0;
        }
        kfree(buffer->m_data);
        buffer->m_data = nullptr;
    }
    return -ENOMEM;
}

ssize_t proc_show_read(file* f, char __user* out, size_t count, loff_t* pos)
{
    auto* buffer = static_cast<ProcBuffer*>(f->private_data);
    if (int error = generate(buffer))
        return error;
    return simple_read_from_buffer(out, count, pos, buffer->m_data, buffer->m_length);
}

loff_t proc_show_llseek(file* f, loff_t offset, int whence)
{
    auto* buffer = static_cast<ProcBuffer*>(f->private_data);
    if (int error = generate(buffer))
        return error;
    return fixed_size_llseek(f, offset, whence, static_cast<loff_t>(buffer->m_length));
}

int proc_show_release(inode*, file* f)
{
    auto* buffer = static_cast<ProcBuffer*>(f->private_data);
    if (buffer) {
        kfree(buffer->m_data);
        kfree(buffer);
    }
    return 0;
}

} // namespace

const file_operations proc_show_fops = {
    .owner = nullptr,
    .llseek = proc_show_llseek,
    .read = proc_show_read,
    .open = proc_show_open,
    .release = proc_show_release,
};
