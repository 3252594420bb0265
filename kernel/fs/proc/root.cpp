// procfs: the super block, inodes for static entries, and the root directory
// (static entries + one directory per live pid + "self").
#include "internal.h"
#include <libk/format.h>
#include <libk/string.h>
#include <linux/stat.h>

super_block* proc_sb = nullptr;

namespace {

bool is_root(const inode* node)
{
    return node->i_ino == proc_root_ino;
}

int entry_dt(const proc_dir_entry* entry)
{
    return S_DT(entry->mode);
}

int proc_lookup(inode* dir, const char* name, unsigned length, inode** result)
{
    auto* entry = static_cast<proc_dir_entry*>(dir->i_private);
    if (length == 1 && name[0] == '.') {
        ihold(dir);
        *result = dir;
        return 0;
    }
    if (length == 2 && name[0] == '.' && name[1] == '.') {
        proc_dir_entry* parent = entry->parent ? entry->parent : proc_root_entry();
        *result = parent == entry || is_root(dir) ? (ihold(dir), dir) : proc_get_inode(dir->i_sb, parent);
        return *result ? 0 : -ENOMEM;
    }
    proc_dir_entry* found = nullptr;
    {
        SpinLockGuard guard(proc_subdir_lock);
        for (proc_dir_entry* child = entry->subdir; child; child = child->next) {
            if (!(child->flags & PDE_REMOVED) && libk::strlen(child->name) == length
                && libk::memcmp(child->name, name, length) == 0) {
                found = child;
                pde_get(found);   // it may be removed while we build the inode
                break;
            }
        }
    }
    if (found) {
        *result = proc_get_inode(dir->i_sb, found);
        pde_put(found);
        return *result ? 0 : -ENOMEM;
    }
    if (is_root(dir)) {
        // A pid: digits only, no leading zero.
        pid_t pid = 0;
        if (length == 0 || length > 9 || name[0] == '0')
            return -ENOENT;
        for (unsigned i = 0; i < length; ++i) {
            if (name[i] < '0' || name[i] > '9')
                return -ENOENT;
            pid = pid * 10 + (name[i] - '0');
        }
        return proc_pid_lookup_dir(dir->i_sb, pid, result);
    }
    return -ENOENT;
}

int proc_readdir(file* f, dir_context* ctx)
{
    inode* dir = file_inode(f);
    auto* entry = static_cast<proc_dir_entry*>(dir->i_private);
    if (ctx->pos == 0) {
        if (!dir_emit(ctx, ".", 1, dir->i_ino, DT_DIR))
            return 0;
        ctx->pos = 1;
    }
    if (ctx->pos == 1) {
        proc_dir_entry* parent = entry->parent ? entry->parent : proc_root_entry();
        if (!dir_emit(ctx, "..", 2, parent->low_ino, DT_DIR))
            return 0;
        ctx->pos = 2;
    }
    // Positions 2.. are the live children in list order. The lock is dropped
    // around dir_emit (it copies to user space), so each step finds its child anew.
    loff_t index;
    for (;;) {
        char name[sizeof(entry->name)];
        unsigned long ino = 0;
        int type = 0;
        bool found = false;
        {
            SpinLockGuard guard(proc_subdir_lock);
            index = 2;
            for (proc_dir_entry* child = entry->subdir; child; child = child->next) {
                if (child->flags & PDE_REMOVED)
                    continue;
                if (index == ctx->pos) {
                    libk::strlcpy(name, child->name, sizeof(name));
                    ino = child->low_ino;
                    type = entry_dt(child);
                    found = true;
                    break;
                }
                ++index;
            }
        }
        if (!found)
            break;
        if (!dir_emit(ctx, name, static_cast<int>(libk::strlen(name)), ino, type))
            return 0;
        ctx->pos = index + 1;
    }
    if (is_root(dir))
        return proc_pid_iterate_root(f, ctx, index);
    return 0;
}

loff_t proc_dir_llseek(file* f, loff_t offset, int whence)
{
    if (whence != SEEK_SET && whence != SEEK_CUR)
        return -EINVAL;
    return fixed_size_llseek(f, offset, whence, 0);
}

int proc_readlink(inode* node, char* buffer, int size)
{
    auto* entry = static_cast<proc_dir_entry*>(node->i_private);
    char text[32];
    const char* target = entry->link;
    if (!target) {
        // "self": the caller's process (its thread group); "thread-self": its thread in there.
        if (libk::strcmp(entry->name, "thread-self") == 0)
            libk::snprintf(text, sizeof(text), "%d/task/%d", current->tgid, current->pid);
        else
            libk::snprintf(text, sizeof(text), "%d", current->tgid);
        target = text;
    }
    int length = static_cast<int>(libk::strlen(target));
    if (length > size)
        length = size;
    libk::memcpy(buffer, target, static_cast<size_t>(length));
    return length;
}

// Inodes are rebuilt at every lookup, so changes are kept in the entry (Linux's
// proc_notify_change). A size change is ignored: `echo x > /proc/f` opens with O_TRUNC.
int proc_setattr(inode* node, iattr* attr)
{
    setattr_copy(node, attr);
    proc_dir_entry* entry = static_cast<proc_dir_entry*>(node->i_private);
    if (entry && entry != proc_root_entry()) {
        entry->mode = node->i_mode;
        entry->uid = node->i_uid;
        entry->gid = node->i_gid;
    }
    return 0;
}

int proc_drop_inode(inode*)
{
    return 1;   // rebuilt from the entries at every lookup
}

void proc_evict_inode(inode* node)
{
    if (!proc_inode_is_pid(node))
        pde_put(static_cast<proc_dir_entry*>(node->i_private));
}

const inode_operations proc_dir_inode_operations = {
    .lookup = proc_lookup,
    .setattr = proc_setattr,
};

const file_operations proc_dir_operations = {
    .owner = nullptr,
    .llseek = proc_dir_llseek,
    .iterate_shared = proc_readdir,
};

const inode_operations proc_link_inode_operations = {
    .readlink = proc_readlink,
};

// A 2.6 module's proc_iops decides who may open its file (procfs3 of the module
// guide); procfs keeps its own setattr, so `echo x >` (O_TRUNC) still works.
int proc_file_permission(inode* node, int mask, nameidata* nd)
{
    auto* entry = static_cast<proc_dir_entry*>(node->i_private);
    if (entry && entry->proc_iops && entry->proc_iops->permission)
        return entry->proc_iops->permission(node, mask, nd);
    return generic_permission(node, mask);
}

const inode_operations proc_file_inode_operations = {
    .setattr = proc_setattr,
    .permission = proc_file_permission,
};

const super_operations proc_super_operations = {
    .evict_inode = proc_evict_inode,
    .drop_inode = proc_drop_inode,
};

int proc_get_sb(file_system_type* type, int, const char*, void*, super_block** result)
{
    if (!proc_sb) {
        super_block* sb = alloc_anon_super(type);
        if (!sb)
            return -ENOMEM;
        sb->s_op = &proc_super_operations;
        sb->s_magic = 0x9fa0;
        sb->s_root = proc_get_inode(sb, proc_root_entry());
        if (!sb->s_root) {
            free_super(sb);
            return -ENOMEM;
        }
        sb->s_active = 1;   // one procfs tree for every mount, as in Linux
        proc_sb = sb;
    }
    *result = proc_sb;
    return 0;
}

} // namespace

inode* proc_get_inode(super_block* sb, proc_dir_entry* entry)
{
    inode* node = new_inode(sb);
    if (!node)
        return nullptr;
    pde_get(entry);   // dropped by proc_evict_inode
    node->i_ino = entry->low_ino;
    node->i_mode = entry->mode;
    node->i_private = entry;
    node->i_uid = entry->uid;
    node->i_gid = entry->gid;
    node->i_size = entry->size;
    if (S_ISDIR(entry->mode)) {
        node->i_op = &proc_dir_inode_operations;
        node->i_fop = &proc_dir_operations;
        node->i_nlink = 2;
    } else if (S_ISLNK(entry->mode)) {
        node->i_op = &proc_link_inode_operations;
    } else {
        node->i_op = &proc_file_inode_operations;
        // A driver's fops are reached through proc_reg_file_ops, so that removal
        // can cut open files off before the module goes away.
        node->i_fop = entry->show ? &proc_show_fops : &proc_reg_file_ops;
    }
    return node;
}

file_system_type proc_fs_type = {
    .name = "proc",
    .fs_flags = 0,
    .get_sb = proc_get_sb,
    .kill_sb = nullptr,
    .owner = nullptr,
    .next = nullptr,
};

int proc_mount()
{
    auto made = do_mkdirat(-100, "/proc", 0555);
    if (made.is_error() && made.error().code() != EEXIST)
        return -made.error().code();
    auto mounted = do_mount("proc", "/proc", "proc", 0, nullptr);
    if (mounted.is_error()) {
        printk(KERN_ERR "proc: mounting on /proc failed: %d\n", -mounted.error().code());
        return -mounted.error().code();
    }
    return 0;
}
