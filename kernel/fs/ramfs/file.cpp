// ramfs file contents (one growing kernel buffer per file) and directory listing.
#include "ramfs.h"
#include <kernel/mm.h>
#include <kernel/uaccess.h>
#include <libk/string.h>
#include <linux/stat.h>

namespace {

constexpr loff_t ramfs_max_size = 256 * 1024 * 1024;   // far beyond RAM; keeps size_t math safe

// Makes room for `size` bytes, doubling so appends stay cheap.
int reserve(RamfsInode* info, size_t size)
{
    if (size <= info->capacity)
        return 0;
    size_t capacity = info->capacity ? info->capacity : 64;
    while (capacity < size)
        capacity *= 2;
    char* data = static_cast<char*>(krealloc(info->data, capacity, GFP_KERNEL));
    if (!data)
        return -ENOSPC;
    info->data = data;
    info->capacity = capacity;
    return 0;
}

ssize_t ramfs_read(file* f, char __user* buffer, size_t count, loff_t* pos)
{
    inode* node = file_inode(f);
    ssize_t result = simple_read_from_buffer(buffer, count, pos, ramfs_info(node)->data,
        static_cast<size_t>(node->i_size));
    if (result > 0)
        node->i_atime = current_time(node);
    return result;
}

ssize_t ramfs_write(file* f, const char __user* buffer, size_t count, loff_t* pos)
{
    inode* node = file_inode(f);
    RamfsInode* info = ramfs_info(node);
    if (*pos < 0)
        return -EINVAL;
    if (count == 0)
        return 0;
    if (*pos >= ramfs_max_size || static_cast<loff_t>(count) > ramfs_max_size - *pos)
        return -EFBIG;
    size_t start = static_cast<size_t>(*pos);
    size_t end = start + count;
    if (int error = reserve(info, end); error < 0)
        return error;
    if (start > static_cast<size_t>(node->i_size))
        libk::memset(info->data + node->i_size, 0, start - static_cast<size_t>(node->i_size));   // a hole reads as zeros
    size_t left = copy_from_user(info->data + start, buffer, count);
    size_t written = count - left;
    if (written == 0)
        return -EFAULT;
    if (static_cast<loff_t>(start + written) > node->i_size) {
        node->i_size = static_cast<loff_t>(start + written);
        node->i_blocks = static_cast<blkcnt_t>((node->i_size + 511) / 512);
    }
    *pos = static_cast<loff_t>(start + written);
    node->i_mtime = node->i_ctime = current_time(node);
    return static_cast<ssize_t>(written);
}

// Directory positions: 0 ".", 1 "..", then entry n at n + 2.
int ramfs_iterate(file* f, dir_context* ctx)
{
    inode* dir = file_inode(f);
    RamfsInode* info = ramfs_info(dir);
    if (ctx->pos == 0) {
        if (!dir_emit(ctx, ".", 1, dir->i_ino, DT_DIR))
            return 0;
        ctx->pos = 1;
    }
    if (ctx->pos == 1) {
        if (!dir_emit(ctx, "..", 2, info->parent->i_ino, DT_DIR))
            return 0;
        ctx->pos = 2;
    }
    loff_t index = 2;
    for (RamfsDirent& entry : info->entries) {
        if (index++ < ctx->pos)
            continue;
        if (!dir_emit(ctx, entry.name, entry.length, entry.node->i_ino, S_DT(entry.node->i_mode)))
            return 0;
        ctx->pos = index;
    }
    return 0;
}

loff_t ramfs_dir_llseek(file* f, loff_t offset, int whence)
{
    if (whence != SEEK_SET && whence != SEEK_CUR)
        return -EINVAL;
    return fixed_size_llseek(f, offset, whence, 0);
}

} // namespace

int ramfs_resize(inode* node, loff_t size)
{
    RamfsInode* info = ramfs_info(node);
    if (size < 0 || size > ramfs_max_size)
        return -EFBIG;
    if (size > node->i_size) {
        if (int error = reserve(info, static_cast<size_t>(size)); error < 0)
            return error;
        libk::memset(info->data + node->i_size, 0, static_cast<size_t>(size - node->i_size));
    }
    node->i_size = size;
    node->i_blocks = static_cast<blkcnt_t>((size + 511) / 512);
    return 0;
}

const file_operations ramfs_file_operations = {
    .owner = nullptr,
    .llseek = generic_file_llseek,
    .read = ramfs_read,
    .write = ramfs_write,
    .fsync = noop_fsync,
};

const file_operations ramfs_dir_operations = {
    .owner = nullptr,
    .llseek = ramfs_dir_llseek,
    .iterate_shared = ramfs_iterate,
    .fsync = noop_fsync,
};
