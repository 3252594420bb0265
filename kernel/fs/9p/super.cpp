// The "9p" file system type (Linux's fs/9p/vfs_super.c + v9fs.c): mount
// options, the session (Tversion, Tattach on the virtio channel named by the
// mount's source, the TAG), statfs (Tstatfs), and umount.
//     mount -t 9p -o trans=virtio,version=9p2000.L,msize=524288 TAG DIR
#include "v9fs.h"
#include <kernel/initcall.h>
#include <kernel/mm.h>
#include <libk/string.h>
#include <linux/stat.h>

namespace {

constexpr uint32_t default_msize = 512 * 1024;   // big reads and writes in few requests
constexpr uint32_t min_msize = 4096, max_msize = 1024 * 1024;

struct Options {
    uint32_t msize = default_msize;
    char aname[128] = "";
};

// Mount options as Linux's 9p takes them; what kernlab does not need (cache=,
// access=, ...) is accepted and ignored with a line in the log.
int parse_options(const char* data, Options& options)
{
    if (!data)
        return 0;
    const char* p = data;
    while (*p) {
        const char* end = p;
        while (*end && *end != ',')
            ++end;
        libk::StringView option(p, static_cast<size_t>(end - p));
        size_t equals = option.find('=');
        libk::StringView key = equals == libk::StringView::npos ? option : option.substring(0, equals);
        libk::StringView value = equals == libk::StringView::npos ? libk::StringView() : option.substring(equals + 1);
        if (key == "trans") {
            if (value != "virtio") {
                pr_err("9p: Could not find request transport: %.*s\n", static_cast<int>(value.length()),
                    value.data());
                return -EINVAL;
            }
        } else if (key == "version") {
            if (value != "9p2000.L") {
                pr_err("9p: version %.*s is not supported (kernlab speaks 9p2000.L)\n",
                    static_cast<int>(value.length()), value.data());
                return -EINVAL;
            }
        } else if (key == "msize") {
            uint32_t msize = 0;
            for (char ch : value) {
                if (ch < '0' || ch > '9' || msize > max_msize) {
                    msize = 0;
                    break;
                }
                msize = msize * 10 + static_cast<uint32_t>(ch - '0');
            }
            if (msize < min_msize || msize > max_msize) {
                pr_err("9p: msize %.*s out of range (%u..%u)\n", static_cast<int>(value.length()), value.data(),
                    min_msize, max_msize);
                return -EINVAL;
            }
            options.msize = msize;
        } else if (key == "aname") {
            if (value.length() >= sizeof(options.aname))
                return -ENAMETOOLONG;
            libk::memcpy(options.aname, value.data(), value.length());
            options.aname[value.length()] = '\0';
        } else if (!key.is_empty()) {
            pr_info("9p: ignoring mount option %.*s\n", static_cast<int>(option.length()), option.data());
        }
        p = *end ? end + 1 : end;
    }
    return 0;
}

void release(super_block* sb, V9fsSbInfo* sbi, P9Channel* channel)
{
    if (sbi) {
        p9_client_stop(&sbi->client);
        kfree(sbi);
    }
    if (channel)
        p9_virtio_put(channel);
    sb->s_fs_info = nullptr;
    free_super(sb);
}

int v9fs_statfs(super_block* sb, kstatfs* buf)
{
    p9::StatFs s;
    if (int error = p9_statfs(&V9FS_SB(sb)->client, V9FS_I(sb->s_root)->fid, &s); error < 0)
        return error;
    buf->f_type = p9::super_magic;   // V9FS_MAGIC, as Linux's statfs reports a 9p mount
    buf->f_bsize = static_cast<long>(s.bsize);
    buf->f_frsize = static_cast<long>(s.bsize);
    buf->f_blocks = s.blocks;
    buf->f_bfree = s.bfree;
    buf->f_bavail = s.bavail;
    buf->f_files = s.files;
    buf->f_ffree = s.ffree;
    buf->f_fsid[0] = static_cast<int>(s.fsid);
    buf->f_fsid[1] = static_cast<int>(s.fsid >> 32);
    buf->f_namelen = static_cast<long>(s.namelen);
    return 0;
}

const super_operations v9fs_super_operations = {
    .evict_inode = v9fs_evict_inode,
    .drop_inode = v9fs_drop_inode,
    .put_super = nullptr,
    .statfs = v9fs_statfs,
    .sync_fs = nullptr,   // no client-side cache: nothing to write back
};

int v9fs_get_sb(file_system_type* type, int, const char* dev_name, void* data, super_block** result)
{
    Options options;
    if (int error = parse_options(static_cast<const char*>(data), options); error < 0)
        return error;
    if (!dev_name || !*dev_name || libk::strcmp(dev_name, "none") == 0) {
        pr_err("9p: no mount tag given (mount -t 9p TAG DIR)\n");
        return -EINVAL;
    }
    P9Channel* channel = nullptr;
    if (int error = p9_virtio_get(dev_name, &channel); error < 0)
        return error;
    super_block* sb = alloc_anon_super(type);
    if (!sb) {
        p9_virtio_put(channel);
        return -ENOMEM;
    }
    libk::strlcpy(sb->s_id, dev_name, sizeof(sb->s_id));
    auto* sbi = static_cast<V9fsSbInfo*>(kzalloc(sizeof(V9fsSbInfo), GFP_KERNEL));
    if (!sbi) {
        release(sb, nullptr, channel);
        return -ENOMEM;
    }
    sb->s_fs_info = sbi;
    mutex_init(&sbi->cache_lock);
    P9Client* c = &sbi->client;
    libk::strlcpy(c->tag, dev_name, sizeof(c->tag));
    // The session: Tversion, then Tattach gives the root fid, Tgetattr its inode.
    if (int error = p9_client_start(c, channel, options.msize); error < 0) {
        pr_err("9p: %s: Tversion failed (%d)\n", dev_name, error);
        release(sb, sbi, channel);
        return error;
    }
    uint32_t root_fid = p9_fid_alloc(c);
    p9::Qid qid;
    if (int error = p9_attach(c, root_fid, options.aname, &qid); error < 0) {
        pr_err("9p: %s: Tattach failed (%d)\n", dev_name, error);
        release(sb, sbi, channel);
        return error;
    }
    p9::Attr attr;
    if (int error = p9_getattr(c, root_fid, &attr); error < 0) {
        p9_clunk(c, root_fid);
        release(sb, sbi, channel);
        return error;
    }
    sb->s_op = &v9fs_super_operations;
    sb->s_magic = p9::super_magic;
    auto root = v9fs_inode_get(sb, root_fid, attr);
    if (root.is_error() || !S_ISDIR(root.value()->i_mode)) {
        pr_err("9p: %s: the root of the share is not a directory\n", dev_name);
        if (!root.is_error())
            iput(root.value());
        release(sb, sbi, channel);
        return root.is_error() ? -root.error().code() : -ENOTDIR;
    }
    sb->s_root = root.value();
    pr_info("9p: %s: mounted, 9P2000.L, msize %u\n", dev_name, c->msize);
    *result = sb;
    return 0;
}

void v9fs_kill_sb(super_block* sb)
{
    V9fsSbInfo* sbi = V9FS_SB(sb);
    if (sb->s_root) {
        inode* root = sb->s_root;
        sb->s_root = nullptr;
        iput(root);   // evicts it: Tclunk of the root fid
    }
    if (!sbi->inodes.is_empty())
        pr_warn("9p: %s: inodes still in use at umount\n", sb->s_id);
    release(sb, sbi, sbi->client.channel);
}

file_system_type v9fs_fs_type = {
    .name = "9p",
    .fs_flags = 0,
    .get_sb = v9fs_get_sb,
    .kill_sb = v9fs_kill_sb,
    .owner = nullptr,
    .next = nullptr,
};

int init_v9fs()
{
    return register_filesystem(&v9fs_fs_type);
}

} // namespace

fs_initcall(init_v9fs);
