// kernfs: nodes, their inodes, lookup and listing, symlinks, and removal that
// waits for running calls (see kernfs.h).
#include "kernfs.h"
#include <kernel/mm.h>
#include <kernel/wait.h>
#include <libk/relative_path.h>
#include <libk/string.h>
#include <linux/err.h>
#include <linux/stat.h>

constinit SpinLock kernfs_lock;

namespace {

// Removers waiting for a node's active calls to end.
constinit WaitQueue drain_wait;

extern const inode_operations kernfs_dir_iops;
extern const inode_operations kernfs_file_iops;
extern const inode_operations kernfs_link_iops;
extern const inode_operations kernfs_detached_iops;
extern const file_operations kernfs_dir_fops;
extern const super_operations kernfs_sops;

bool name_is(const kernfs_node* kn, const char* name, size_t length)
{
    return libk::strlen(kn->name) == length && libk::memcmp(kn->name, name, length) == 0;
}

// The live child of `dir` named `name` (`length` bytes). Lock held.
kernfs_node* find_child(kernfs_node* dir, const char* name, size_t length)
{
    for (kernfs_node* child = dir->first_child; child; child = child->next_sibling)
        if (!(child->flags & KERNFS_REMOVED) && name_is(child, name, length))
            return child;
    return nullptr;
}

void free_node(kernfs_node* kn)
{
    kfree(kn->name);
    kfree(kn->link_target);
    kfree(kn);
}

// A node and its inode, not yet in the tree.
kernfs_node* new_node(kernfs_root* root, const char* name, umode_t mode)
{
    auto* kn = static_cast<kernfs_node*>(kzalloc(sizeof(kernfs_node), GFP_KERNEL));
    if (!kn)
        return nullptr;
    size_t length = libk::strlen(name);
    kn->name = static_cast<char*>(kmalloc(length + 1, GFP_KERNEL));
    inode* node = root->sb ? new_inode(root->sb) : nullptr;
    if (!kn->name || !node) {
        kfree(node);
        free_node(kn);
        return nullptr;
    }
    libk::memcpy(kn->name, name, length + 1);
    kn->root = root;
    kn->mode = mode;
    node->i_mode = mode;
    node->i_uid = node->i_gid = 0;   // sysfs and debugfs files belong to root
    node->i_private = kn;
    if (S_ISDIR(mode)) {
        node->i_op = &kernfs_dir_iops;
        node->i_fop = &kernfs_dir_fops;
        node->i_nlink = 2;
    } else if (S_ISLNK(mode)) {
        node->i_op = &kernfs_link_iops;
    } else {
        node->i_op = &kernfs_file_iops;
        node->i_size = 4096;   // sysfs reports a page: what show() can fill
    }
    kn->node = node;
    kn->d.d_inode = node;
    kn->d.d_name.name = reinterpret_cast<const unsigned char*>(kn->name);
    kn->d.d_name.len = static_cast<u32>(length);
    return kn;
}

// Frees a node that never made it into the tree (its inode's eviction does).
void discard_node(kernfs_node* kn)
{
    clear_nlink(kn->node);
    iput(kn->node);
}

// Links `kn` under `parent` unless the name is taken; the child holds the
// parent's inode. Returns kn or ERR_PTR(-EEXIST / -ENOENT).
kernfs_node* add_node(kernfs_node* parent, kernfs_node* kn)
{
    int error = 0;
    {
        SpinLockGuard guard(kernfs_lock);
        if (parent->flags & KERNFS_REMOVED) {
            error = -ENOENT;
        } else if (find_child(parent, kn->name, libk::strlen(kn->name))) {
            error = -EEXIST;
        } else {
            kn->parent = parent;
            kernfs_node** tail = &parent->first_child;
            while (*tail)
                tail = &(*tail)->next_sibling;
            *tail = kn;
            ihold(parent->node);
            if (S_ISDIR(kn->mode))
                inc_nlink(parent->node);
        }
    }
    if (error) {
        discard_node(kn);
        return static_cast<kernfs_node*>(ERR_PTR(error));
    }
    return kn;
}

// Chains `kn` and everything below it (children first) for removal, marking
// each removed and taking it out of its directory. Lock held.
void unlink_subtree(kernfs_node* kn, kernfs_node*& chain)
{
    kn->flags |= KERNFS_REMOVED;
    while (kernfs_node* child = kn->first_child)
        unlink_subtree(child, chain);
    if (kn->parent) {
        for (kernfs_node** link = &kn->parent->first_child; *link; link = &(*link)->next_sibling) {
            if (*link == kn) {
                *link = kn->next_sibling;
                break;
            }
        }
        if (S_ISDIR(kn->mode))
            drop_nlink(kn->parent->node);
    }
    kn->next_sibling = nullptr;
    kn->next_removed = chain;
    chain = kn;
}

// ---- the VFS side ----

int kernfs_lookup(inode* dir, const char* name, unsigned length, inode** result)
{
    kernfs_node* kn = kernfs_node_of(dir);
    if (length == 1 && name[0] == '.') {
        ihold(dir);
        *result = dir;
        return 0;
    }
    SpinLockGuard guard(kernfs_lock);
    if (length == 2 && name[0] == '.' && name[1] == '.') {
        inode* parent = kn->parent ? kn->parent->node : dir;
        ihold(parent);
        *result = parent;
        return 0;
    }
    kernfs_node* child = find_child(kn, name, length);
    if (!child)
        return -ENOENT;
    ihold(child->node);
    *result = child->node;
    return 0;
}

int kernfs_readdir(file* f, dir_context* ctx)
{
    inode* dir = file_inode(f);
    kernfs_node* kn = kernfs_node_of(dir);
    if (ctx->pos == 0) {
        if (!dir_emit(ctx, ".", 1, dir->i_ino, DT_DIR))
            return 0;
        ctx->pos = 1;
    }
    if (ctx->pos == 1) {
        unsigned long parent_ino = kn->parent ? kn->parent->node->i_ino : dir->i_ino;
        if (!dir_emit(ctx, "..", 2, parent_ino, DT_DIR))
            return 0;
        ctx->pos = 2;
    }
    // Positions 2.. are the children in list order; the lock is dropped around
    // dir_emit (a user copy), so each step finds its child anew.
    for (;;) {
        char name[256];
        unsigned long ino = 0;
        unsigned type = 0;
        {
            SpinLockGuard guard(kernfs_lock);
            kernfs_node* child = kn->first_child;
            for (loff_t index = 2; child && index < ctx->pos; ++index)
                child = child->next_sibling;
            if (!child)
                return 0;
            libk::strlcpy(name, child->name, sizeof(name));
            ino = child->node->i_ino;
            type = S_DT(child->mode);
        }
        if (!dir_emit(ctx, name, static_cast<int>(libk::strlen(name)), ino, type))
            return 0;
        ++ctx->pos;
    }
}

loff_t kernfs_dir_llseek(file* f, loff_t offset, int whence)
{
    if (whence != SEEK_SET && whence != SEEK_CUR)
        return -EINVAL;
    return fixed_size_llseek(f, offset, whence, 0);
}

int kernfs_readlink(inode* node, char* buffer, int size)
{
    kernfs_node* kn = kernfs_node_of(node);
    int length = static_cast<int>(libk::strlen(kn->link_target));
    if (length > size)
        length = size;
    libk::memcpy(buffer, kn->link_target, static_cast<size_t>(length));
    return length;
}

// chmod and chown stick (the node's inode is the only one); a size change is
// ignored, since `echo 1 > attr` opens with O_TRUNC.
int kernfs_setattr(inode* node, iattr* attr)
{
    setattr_copy(node, attr);
    if (kernfs_node* kn = kernfs_node_of(node))
        kn->mode = node->i_mode;
    return 0;
}

void kernfs_evict_inode(inode* node)
{
    // A detached file's i_private is the driver's; its node went at removal.
    kernfs_node* kn = kernfs_node_of(node);
    if (!kn)
        return;
    if (kn->parent)
        iput(kn->parent->node);
    free_node(kn);
}

const inode_operations kernfs_dir_iops = {
    .lookup = kernfs_lookup,
    .setattr = kernfs_setattr,
};

const inode_operations kernfs_file_iops = {
    .setattr = kernfs_setattr,
};

const inode_operations kernfs_link_iops = {
    .readlink = kernfs_readlink,
};

// A detached file's inode: its i_private is the driver's (debugfs), the node is gone.
int detached_setattr(inode* node, iattr* attr)
{
    setattr_copy(node, attr);
    return 0;
}

const inode_operations kernfs_detached_iops = {
    .setattr = detached_setattr,
};

const file_operations kernfs_dir_fops = {
    .owner = nullptr,
    .llseek = kernfs_dir_llseek,
    .iterate_shared = kernfs_readdir,
};

const super_operations kernfs_sops = {
    .evict_inode = kernfs_evict_inode,
};

} // namespace

kernfs_node* kernfs_node_of(const inode* node)
{
    if (node->i_op != &kernfs_dir_iops && node->i_op != &kernfs_file_iops && node->i_op != &kernfs_link_iops)
        return nullptr;
    return static_cast<kernfs_node*>(node->i_private);
}

void kernfs_detach(kernfs_node* kn, void* i_private)
{
    kn->flags |= KERNFS_DETACHED;
    kn->node->i_op = &kernfs_detached_iops;
    kn->node->i_private = i_private;
}

int kernfs_create_root(kernfs_root& root, umode_t mode)
{
    if (root.root)
        return 0;
    super_block* sb = alloc_anon_super(root.type);
    if (!sb)
        return -ENOMEM;
    sb->s_op = &kernfs_sops;
    sb->s_magic = root.magic;
    sb->s_active = 1;   // the kernel's own: one tree for every mount, never killed
    root.sb = sb;
    kernfs_node* kn = new_node(&root, "", static_cast<umode_t>(S_IFDIR | (mode & 07777)));
    if (!kn) {
        root.sb = nullptr;
        free_super(sb);
        return -ENOMEM;
    }
    sb->s_root = kn->node;
    root.root = kn;
    return 0;
}

int kernfs_get_sb(kernfs_root& root, super_block** result)
{
    if (int error = kernfs_create_root(root, 0755); error < 0)
        return error;
    *result = root.sb;
    return 0;
}

kernfs_node* kernfs_create_dir(kernfs_node* parent, const char* name, umode_t mode, void* priv)
{
    kernfs_node* kn = new_node(parent->root, name, static_cast<umode_t>(S_IFDIR | (mode & 07777)));
    if (!kn)
        return static_cast<kernfs_node*>(ERR_PTR(-ENOMEM));
    kn->priv = priv;
    return add_node(parent, kn);
}

kernfs_node* kernfs_create_file(kernfs_node* parent, const char* name, umode_t mode, const file_operations* fops,
    void* priv, const void* ops)
{
    kernfs_node* kn = new_node(parent->root, name, static_cast<umode_t>(S_IFREG | (mode & 07777)));
    if (!kn)
        return static_cast<kernfs_node*>(ERR_PTR(-ENOMEM));
    kn->node->i_fop = fops;
    kn->priv = priv;
    kn->ops = ops;
    return add_node(parent, kn);
}

kernfs_node* kernfs_create_link_text(kernfs_node* parent, const char* name, const char* text)
{
    kernfs_node* kn = new_node(parent->root, name, S_IFLNK | 0777);
    size_t length = libk::strlen(text);
    if (kn)
        kn->link_target = static_cast<char*>(kmalloc(length + 1, GFP_KERNEL));
    if (!kn || !kn->link_target) {
        if (kn)
            discard_node(kn);
        return static_cast<kernfs_node*>(ERR_PTR(-ENOMEM));
    }
    libk::memcpy(kn->link_target, text, length + 1);
    kn->node->i_size = static_cast<loff_t>(length);
    return add_node(parent, kn);
}

kernfs_node* kernfs_create_link(kernfs_node* parent, const char* name, kernfs_node* target)
{
    // Paths are short (sysfs's deepest are a few components): a page is plenty.
    auto* from = static_cast<char*>(kmalloc(3 * 1024, GFP_KERNEL));
    if (!from)
        return static_cast<kernfs_node*>(ERR_PTR(-ENOMEM));
    char* to = from + 1024;
    char* text = from + 2048;
    kernfs_node* result;
    if (kernfs_path(parent, from, 1024) < 0 || kernfs_path(target, to, 1024) < 0
        || libk::relative_path(from, to, text, 1024) < 0)
        result = static_cast<kernfs_node*>(ERR_PTR(-ENAMETOOLONG));
    else
        result = kernfs_create_link_text(parent, name, text);
    kfree(from);
    return result;
}

kernfs_node* kernfs_find_and_get(kernfs_node* parent, const char* name)
{
    if (!parent)
        return nullptr;
    SpinLockGuard guard(kernfs_lock);
    kernfs_node* kn = find_child(parent, name, libk::strlen(name));
    if (kn)
        ihold(kn->node);
    return kn;
}

void kernfs_get(kernfs_node* kn)
{
    if (kn)
        ihold(kn->node);
}

void kernfs_put(kernfs_node* kn)
{
    if (kn)
        iput(kn->node);
}

void kernfs_remove(kernfs_node* kn)
{
    if (!kn || !kn->parent)
        return;   // nothing, or a tree's root
    kernfs_node* chain = nullptr;
    {
        SpinLockGuard guard(kernfs_lock);
        if (kn->flags & KERNFS_REMOVED)
            return;
        unlink_subtree(kn, chain);
    }
    // Children come first on the chain: a directory's inode goes after theirs.
    while (kernfs_node* victim = chain) {
        chain = victim->next_removed;
        drain_wait.wait_until([victim] {
            SpinLockGuard guard(kernfs_lock);
            return victim->active == 0;
        });
        inode* node = victim->node;
        clear_nlink(node);
        if (victim->flags & KERNFS_DETACHED) {
            // The inode (maybe still open) no longer leads to the node: free it now.
            iput(victim->parent->node);
            free_node(victim);
        }
        iput(node);   // the tree's reference
    }
}

int kernfs_remove_by_name(kernfs_node* parent, const char* name)
{
    kernfs_node* kn = kernfs_find_and_get(parent, name);
    if (!kn)
        return -ENOENT;
    kernfs_remove(kn);
    kernfs_put(kn);
    return 0;
}

bool kernfs_get_active(kernfs_node* kn)
{
    SpinLockGuard guard(kernfs_lock);
    if (kn->flags & KERNFS_REMOVED)
        return false;
    ++kn->active;
    return true;
}

void kernfs_put_active(kernfs_node* kn)
{
    bool wake;
    {
        SpinLockGuard guard(kernfs_lock);
        wake = --kn->active == 0 && (kn->flags & KERNFS_REMOVED);
    }
    if (wake)
        drain_wait.wake_up_all();
}

int kernfs_path(const kernfs_node* kn, char* buffer, size_t size)
{
    // Collect the names from the node up, then write them root first.
    const kernfs_node* parts[32];
    size_t depth = 0;
    SpinLockGuard guard(kernfs_lock);
    for (const kernfs_node* at = kn; at && at->parent; at = at->parent) {
        if (depth == sizeof(parts) / sizeof(parts[0]))
            return -ENAMETOOLONG;
        parts[depth++] = at;
    }
    size_t length = 0;
    if (depth == 0) {
        if (size < 2)
            return -ENAMETOOLONG;
        buffer[length++] = '/';
    }
    while (depth-- > 0) {
        size_t part = libk::strlen(parts[depth]->name);
        if (length + 1 + part + 1 > size)
            return -ENAMETOOLONG;
        buffer[length++] = '/';
        libk::memcpy(buffer + length, parts[depth]->name, part);
        length += part;
    }
    buffer[length] = '\0';
    return static_cast<int>(length);
}
