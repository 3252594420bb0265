// 9p regular files (Linux's fs/9p/vfs_file.c): open clones the inode's fid and
// opens the clone (Tlopen); read and write split the request into msize-sized
// Tread/Twrite; fsync is Tfsync; release clunks the open fid. No page cache:
// every read and write goes to the server, so the host's edits show at once.
#include "v9fs.h"
#include <linux/fcntl.h>

namespace {

uint32_t open_fid_of(file* f) { return static_cast<uint32_t>(reinterpret_cast<uintptr_t>(f->private_data)); }

// The open(2) flags 9P2000.L's Tlopen carries (Linux's values, as on the host);
// O_CREAT, O_EXCL and O_TRUNC were done by the VFS already.
constexpr uint32_t lopen_flags = O_ACCMODE | O_APPEND | O_NONBLOCK | O_DSYNC | 04000000 /* __O_SYNC */
    | O_DIRECT | O_LARGEFILE | O_DIRECTORY | O_NOATIME;

int v9fs_file_open(inode* node, file* f)
{
    auto fid = v9fs_open_fid(node, f->f_flags & lopen_flags);
    if (fid.is_error())
        return -fid.error().code();
    f->private_data = reinterpret_cast<void*>(static_cast<uintptr_t>(fid.value()));
    return 0;
}

int v9fs_file_release(inode* node, file* f)
{
    p9_clunk(v9fs_client(node), open_fid_of(f));
    return 0;
}

ssize_t v9fs_file_read(file* f, char __user* buffer, size_t count, loff_t* pos)
{
    if (*pos < 0)
        return -EINVAL;
    P9Client* c = v9fs_client(file_inode(f));
    size_t done = 0;
    while (done < count) {
        uint32_t chunk = count - done < p9_io_max(c) ? static_cast<uint32_t>(count - done) : p9_io_max(c);
        long n = p9_read(c, open_fid_of(f), static_cast<uint64_t>(*pos), buffer + done, chunk);
        if (n < 0)
            return done ? static_cast<ssize_t>(done) : n;
        done += static_cast<size_t>(n);
        *pos += n;
        if (static_cast<uint32_t>(n) < chunk)
            break;   // the end of the file (a short read from a regular file)
    }
    return static_cast<ssize_t>(done);
}

ssize_t v9fs_file_write(file* f, const char __user* buffer, size_t count, loff_t* pos)
{
    if (*pos < 0)
        return -EINVAL;
    inode* node = file_inode(f);
    P9Client* c = v9fs_client(node);
    size_t done = 0;
    while (done < count) {
        uint32_t chunk = count - done < p9_io_max(c) ? static_cast<uint32_t>(count - done) : p9_io_max(c);
        long n = p9_write(c, open_fid_of(f), static_cast<uint64_t>(*pos), buffer + done, chunk);
        if (n < 0)
            return done ? static_cast<ssize_t>(done) : n;
        if (n == 0)
            break;
        done += static_cast<size_t>(n);
        *pos += n;
        if (*pos > node->i_size)
            node->i_size = *pos;
    }
    if (done)
        node->i_mtime = node->i_ctime = current_time(node);
    return static_cast<ssize_t>(done);
}

// SEEK_END needs the size as the server has it now (the host may have written).
loff_t v9fs_file_llseek(file* f, loff_t offset, int whence)
{
    if (whence == SEEK_END || whence == SEEK_DATA || whence == SEEK_HOLE)
        v9fs_refresh(file_inode(f));
    return generic_file_llseek(f, offset, whence);
}

int v9fs_file_fsync(file* f, loff_t, loff_t, int datasync)
{
    return p9_fsync(v9fs_client(file_inode(f)), open_fid_of(f), datasync);
}

} // namespace

ErrorOr<uint32_t> v9fs_open_fid(inode* node, uint32_t flags)
{
    P9Client* c = v9fs_client(node);
    uint32_t fid = p9_fid_alloc(c);
    if (int error = p9_walk(c, V9FS_I(node)->fid, fid, nullptr, 0); error < 0)
        return errno_error(error);
    if (int error = p9_lopen(c, fid, flags); error < 0) {
        p9_clunk(c, fid);
        return errno_error(error);
    }
    return fid;
}

const file_operations v9fs_file_operations = {
    .owner = nullptr,
    .llseek = v9fs_file_llseek,
    .read = v9fs_file_read,
    .write = v9fs_file_write,
    .open = v9fs_file_open,
    .release = v9fs_file_release,
    .fsync = v9fs_file_fsync,
};
