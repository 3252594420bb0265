// 9p inodes (Linux's fs/9p/vfs_inode_dotl.c): the inode cache keyed by the
// server's qid.path, attributes from Rgetattr, and the directory operations,
// each one request: lookup (Twalk + Tgetattr), create (Tlcreate), mkdir
// (Tmkdir), unlink and rmdir (Tunlinkat), rename (Trenameat), setattr
// (Tsetattr), symlink/readlink/link/mknod.
#include "v9fs.h"
#include <kernel/mm.h>
#include <linux/fcntl.h>
#include <linux/stat.h>

namespace {

class CacheLock {
public:
    explicit CacheLock(super_block* sb)
        : m_sbi(V9FS_SB(sb))
    {
        mutex_lock(&m_sbi->cache_lock);
    }
    ~CacheLock() { mutex_unlock(&m_sbi->cache_lock); }
    CacheLock(const CacheLock&) = delete;
    CacheLock& operator=(const CacheLock&) = delete;

private:
    V9fsSbInfo* m_sbi;
};

// 64-bit qid.path into a 32-bit ino_t, as Linux's v9fs_qid2ino does on 32-bit machines.
unsigned long qid_to_ino(uint64_t path)
{
    return static_cast<unsigned long>(path ^ (path >> 32));
}

// The host's dev_t (glibc's encoding) as kernlab's (major << 20 | minor).
dev_t decode_rdev(uint64_t rdev)
{
    unsigned major = static_cast<unsigned>(((rdev >> 8) & 0xfff) | ((rdev >> 32) & ~0xfffull));
    unsigned minor = static_cast<unsigned>((rdev & 0xff) | ((rdev >> 12) & ~0xffull));
    return MKDEV(major, minor);
}

void fill_attributes(inode* node, const p9::Attr& a)
{
    bool had_type = node->i_mode != 0;
    umode_t old_type = node->i_mode & S_IFMT;
    node->i_mode = static_cast<umode_t>(a.mode);
    node->i_uid = a.uid;
    node->i_gid = a.gid;
    node->i_nlink = static_cast<unsigned>(a.nlink);
    node->i_size = static_cast<loff_t>(a.size);
    node->i_blocks = static_cast<blkcnt_t>(a.blocks);
    node->i_atime = { static_cast<time64_t>(a.atime_sec), static_cast<long>(a.atime_nsec) };
    node->i_mtime = { static_cast<time64_t>(a.mtime_sec), static_cast<long>(a.mtime_nsec) };
    node->i_ctime = { static_cast<time64_t>(a.ctime_sec), static_cast<long>(a.ctime_nsec) };
    node->i_ino = qid_to_ino(a.qid.path);
    if (had_type && old_type == (node->i_mode & S_IFMT))
        return;   // same kind of file: the operations stay
    if (S_ISDIR(node->i_mode)) {
        node->i_op = &v9fs_dir_inode_operations;
        node->i_fop = &v9fs_dir_operations;
    } else if (S_ISREG(node->i_mode)) {
        node->i_op = &v9fs_file_inode_operations;
        node->i_fop = &v9fs_file_operations;
    } else if (S_ISLNK(node->i_mode)) {
        node->i_op = &v9fs_symlink_inode_operations;
        node->i_fop = nullptr;
    } else {
        node->i_op = &v9fs_special_inode_operations;
        init_special_inode(node, node->i_mode, decode_rdev(a.rdev));
    }
}

// Walks `dir`'s fid to `name` and gets the inode there (cached or new).
int lookup_fid(inode* dir, const char* name, unsigned length, inode** result)
{
    P9Client* c = v9fs_client(dir);
    uint32_t fid = p9_fid_alloc(c);
    if (int error = p9_walk(c, V9FS_I(dir)->fid, fid, name, length); error < 0)
        return error;   // no fid was made
    p9::Attr attr;
    if (int error = p9_getattr(c, fid, &attr); error < 0) {
        p9_clunk(c, fid);
        return error;
    }
    auto node = v9fs_inode_get(dir->i_sb, fid, attr);
    if (node.is_error())
        return -node.error().code();
    *result = node.value();
    return 0;
}

int v9fs_lookup(inode* dir, const char* name, unsigned length, inode** result)
{
    return lookup_fid(dir, name, length, result);
}

// Tlcreate needs a fid of the directory that then becomes the open new file:
// a clone, clunked at once (the VFS opens the file by itself afterwards).
int v9fs_create(inode* dir, const char* name, unsigned length, umode_t mode, inode** result)
{
    P9Client* c = v9fs_client(dir);
    uint32_t fid = p9_fid_alloc(c);
    if (int error = p9_walk(c, V9FS_I(dir)->fid, fid, nullptr, 0); error < 0)
        return error;
    int error = p9_lcreate(c, fid, name, length, O_RDWR, mode & 07777, current_fsgid());
    p9_clunk(c, fid);
    if (error < 0)
        return error;
    return lookup_fid(dir, name, length, result);
}

int v9fs_mkdir(inode* dir, const char* name, unsigned length, umode_t mode)
{
    int error = p9_mkdir(v9fs_client(dir), V9FS_I(dir)->fid, name, length, mode & 07777, current_fsgid());
    if (error == 0)
        inc_nlink(dir);
    return error;
}

int v9fs_unlink(inode* dir, const char* name, unsigned length)
{
    return p9_unlinkat(v9fs_client(dir), V9FS_I(dir)->fid, name, length, 0);
}

int v9fs_rmdir(inode* dir, const char* name, unsigned length)
{
    int error = p9_unlinkat(v9fs_client(dir), V9FS_I(dir)->fid, name, length, p9::UNLINKAT_REMOVEDIR);
    if (error == 0)
        drop_nlink(dir);
    return error;
}

int v9fs_rename(inode* old_dir, const char* old_name, unsigned old_length, inode* new_dir, const char* new_name,
    unsigned new_length, unsigned)
{
    return p9_renameat(v9fs_client(old_dir), V9FS_I(old_dir)->fid, old_name, old_length, V9FS_I(new_dir)->fid,
        new_name, new_length);
}

int v9fs_symlink(inode* dir, const char* name, unsigned length, const char* target)
{
    return p9_symlink(v9fs_client(dir), V9FS_I(dir)->fid, name, length, target, current_fsgid());
}

int v9fs_link(inode* old_inode, inode* dir, const char* name, unsigned length)
{
    int error = p9_link(v9fs_client(dir), V9FS_I(dir)->fid, V9FS_I(old_inode)->fid, name, length);
    if (error == 0)
        inc_nlink(old_inode);
    return error;
}

int v9fs_mknod(inode* dir, const char* name, unsigned length, umode_t mode, dev_t dev)
{
    return p9_mknod(v9fs_client(dir), V9FS_I(dir)->fid, name, length, mode, dev, current_fsgid());
}

int v9fs_readlink(inode* node, char* buffer, int size)
{
    return p9_readlink(v9fs_client(node), V9FS_I(node)->fid, buffer, size);
}

// Tsetattr with what changed (chmod, chown, truncate, utimensat); then the
// inode takes the server's view of the result.
int v9fs_setattr(inode* node, iattr* attr)
{
    p9::SetAttr set {};
    unsigned valid = attr->ia_valid;
    if (valid & ATTR_MODE) {
        set.valid |= p9::SETATTR_MODE;
        set.mode = attr->ia_mode;
    }
    if (valid & ATTR_UID) {
        set.valid |= p9::SETATTR_UID;
        set.uid = attr->ia_uid;
    }
    if (valid & ATTR_GID) {
        set.valid |= p9::SETATTR_GID;
        set.gid = attr->ia_gid;
    }
    if (valid & ATTR_SIZE) {
        set.valid |= p9::SETATTR_SIZE;
        set.size = static_cast<uint64_t>(attr->ia_size);
    }
    // Explicit times (the _SET bits); the VFS always passes the time it wants.
    if (valid & ATTR_ATIME) {
        set.valid |= p9::SETATTR_ATIME | p9::SETATTR_ATIME_SET;
        set.atime_sec = static_cast<uint64_t>(attr->ia_atime.tv_sec);
        set.atime_nsec = static_cast<uint64_t>(attr->ia_atime.tv_nsec);
    }
    if (valid & ATTR_MTIME) {
        set.valid |= p9::SETATTR_MTIME | p9::SETATTR_MTIME_SET;
        set.mtime_sec = static_cast<uint64_t>(attr->ia_mtime.tv_sec);
        set.mtime_nsec = static_cast<uint64_t>(attr->ia_mtime.tv_nsec);
    }
    if (valid & ATTR_CTIME)
        set.valid |= p9::SETATTR_CTIME;
    if (int error = p9_setattr(v9fs_client(node), V9FS_I(node)->fid, set); error < 0)
        return error;
    return v9fs_refresh(node);
}

} // namespace

ErrorOr<inode*> v9fs_inode_get(super_block* sb, uint32_t fid, const p9::Attr& attr)
{
    V9fsSbInfo* sbi = V9FS_SB(sb);
    V9fsInode* found = nullptr;
    {
        CacheLock lock(sb);
        for (V9fsInode& cached : sbi->inodes) {
            // i_count 0: iput is evicting it right now; a new inode takes its place.
            if (cached.qid_path == attr.qid.path && cached.vfs.i_count > 0) {
                found = &cached;
                ihold(&cached.vfs);
                fill_attributes(&cached.vfs, attr);
                break;
            }
        }
        if (!found) {
            auto* vi = static_cast<V9fsInode*>(kzalloc(sizeof(V9fsInode), GFP_KERNEL));
            if (vi) {
                inode* node = &vi->vfs;
                node->i_sb = sb;
                node->i_count = 1;
                vi->fid = fid;
                vi->qid_path = attr.qid.path;
                fill_attributes(node, attr);
                sbi->inodes.push_back(*vi);
                return node;
            }
        }
    }
    // Already cached (it keeps its own fid), or out of memory: this fid goes.
    p9_clunk(&sbi->client, fid);
    if (!found)
        return ENO(ENOMEM);
    return &found->vfs;
}

int v9fs_refresh(inode* node)
{
    p9::Attr attr;
    if (int error = p9_getattr(v9fs_client(node), V9FS_I(node)->fid, &attr); error < 0)
        return error;
    CacheLock lock(node->i_sb);
    fill_attributes(node, attr);
    return 0;
}

int v9fs_drop_inode(inode*)
{
    return 1;   // no inode is kept without users: the server has the truth
}

void v9fs_evict_inode(inode* node)
{
    V9fsInode* vi = V9FS_I(node);
    {
        CacheLock lock(node->i_sb);
        V9FS_SB(node->i_sb)->inodes.remove(*vi);
    }
    p9_clunk(v9fs_client(node), vi->fid);
}

const inode_operations v9fs_dir_inode_operations = {
    .lookup = v9fs_lookup,
    .create = v9fs_create,
    .link = v9fs_link,
    .unlink = v9fs_unlink,
    .symlink = v9fs_symlink,
    .mkdir = v9fs_mkdir,
    .rmdir = v9fs_rmdir,
    .mknod = v9fs_mknod,
    .rename = v9fs_rename,
    .setattr = v9fs_setattr,
};

const inode_operations v9fs_file_inode_operations = {
    .setattr = v9fs_setattr,
};

const inode_operations v9fs_symlink_inode_operations = {
    .readlink = v9fs_readlink,
    .setattr = v9fs_setattr,
};

const inode_operations v9fs_special_inode_operations = {
    .setattr = v9fs_setattr,
};
