// procfs entries: the tree of static entries, their inodes, and the "show"
// files whose text is generated when opened.
#include "internal.h"
#include <kernel/mm.h>
#include <libk/format.h>
#include <libk/string.h>
#include <linux/stat.h>

namespace {

constinit unsigned long next_proc_ino = 2;
constinit proc_dir_entry root_entry = {};

proc_dir_entry* new_entry(const char* name, umode_t mode, proc_dir_entry* parent)
{
    if (!parent)
        parent = proc_root_entry();
    if (!name || !name[0] || libk::strlen(name) >= sizeof(proc_dir_entry::name) || libk::strchr(name, '/'))
        return nullptr;
    if (proc_find_entry(parent, name))
        return nullptr;
    auto* entry = static_cast<proc_dir_entry*>(kzalloc(sizeof(proc_dir_entry), GFP_KERNEL));
    if (!entry)
        return nullptr;
    libk::strlcpy(entry->name, name, sizeof(entry->name));
    entry->mode = mode;
    entry->parent = parent;
    entry->low_ino = ++next_proc_ino;
    proc_dir_entry** tail = &parent->children;
    while (*tail)
        tail = &(*tail)->next;
    *tail = entry;
    return entry;
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
    if (!root_entry.mode) {
        root_entry.mode = S_IFDIR | 0555;
        root_entry.low_ino = proc_root_ino;
    }
    return &root_entry;
}

proc_dir_entry* proc_find_entry(proc_dir_entry* parent, const char* name)
{
    if (!parent)
        parent = proc_root_entry();
    for (proc_dir_entry* entry = parent->children; entry; entry = entry->next)
        if (libk::strcmp(entry->name, name) == 0)
            return entry;
    return nullptr;
}

proc_dir_entry* proc_create_show(const char* name, umode_t mode, proc_dir_entry* parent, ProcShow show, void* data)
{
    proc_dir_entry* entry = new_entry(name, S_IFREG | (mode & 07777 ? mode & 07777 : 0444), parent);
    if (entry) {
        entry->show = show;
        entry->data = data;
    }
    return entry;
}

proc_dir_entry* proc_create_fops(const char* name, umode_t mode, proc_dir_entry* parent, const file_operations* fops,
    void* data)
{
    proc_dir_entry* entry = new_entry(name, S_IFREG | (mode & 07777 ? mode & 07777 : 0444), parent);
    if (entry) {
        entry->proc_fops = fops;
        entry->data = data;
    }
    return entry;
}

proc_dir_entry* proc_mkdir_entry(const char* name, proc_dir_entry* parent)
{
    return new_entry(name, S_IFDIR | 0555, parent);
}

proc_dir_entry* proc_symlink_entry(const char* name, proc_dir_entry* parent, const char* target)
{
    proc_dir_entry* entry = new_entry(name, S_IFLNK | 0777, parent);
    if (entry)
        entry->link = target;
    return entry;
}

void proc_remove_entry(proc_dir_entry* entry)
{
    if (!entry || entry == &root_entry || entry->children)
        return;
    for (proc_dir_entry** p = &entry->parent->children; *p; p = &(*p)->next) {
        if (*p == entry) {
            *p = entry->next;
            break;
        }
    }
    kfree(entry);
}

proc_dir_entry* PDE(const inode* node)
{
    return proc_inode_is_pid(node) ? nullptr : static_cast<proc_dir_entry*>(node->i_private);
}

// ---- show files: generate at open, read from the buffer ----

namespace {

int proc_show_open(inode* node, file* f)
{
    ProcShow show;
    void* data = nullptr;
    Task* task = nullptr;
    if (proc_inode_is_pid(node)) {
        show = reinterpret_cast<ProcShow>(node->i_private);
        task = find_task_by_pid(proc_ino_pid(node->i_ino));
        if (!task)
            return -ESRCH;
    } else {
        proc_dir_entry* entry = static_cast<proc_dir_entry*>(node->i_private);
        show = entry->show;
        data = entry->data;
    }
    auto* buffer = static_cast<ProcBuffer*>(kzalloc(sizeof(ProcBuffer), GFP_KERNEL));
    if (!buffer)
        return -ENOMEM;
    for (size_t capacity = 4096; capacity <= 1024 * 1024; capacity *= 2) {
        buffer->m_data = static_cast<char*>(kmalloc(capacity, GFP_KERNEL));
        if (!buffer->m_data)
            break;
        buffer->m_capacity = capacity;
        buffer->m_length = 0;
        buffer->m_overflow = false;
        show(*buffer, task, data);
        if (!buffer->m_overflow) {
            f->private_data = buffer;
            return 0;
        }
        kfree(buffer->m_data);
        buffer->m_data = nullptr;
    }
    kfree(buffer);
    return -ENOMEM;
}

ssize_t proc_show_read(file* f, char __user* out, size_t count, loff_t* pos)
{
    auto* buffer = static_cast<ProcBuffer*>(f->private_data);
    return simple_read_from_buffer(out, count, pos, buffer->m_data, buffer->m_length);
}

loff_t proc_show_llseek(file* f, loff_t offset, int whence)
{
    auto* buffer = static_cast<ProcBuffer*>(f->private_data);
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
