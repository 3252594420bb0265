// ext2 regular files: read and write through the block map and the buffer
// cache; holes read as zeros, writes allocate blocks as they go. O_DIRECT
// goes around the cache (direct.cpp).
#include "ext2.h"
#include <kernel/uaccess.h>
#include <linux/falloc.h>
#include <linux/sched.h>
#include <linux/stat.h>

namespace {

constexpr uint64_t hole_chunk = 1024 * 1024;
constexpr unsigned read_batch = 64;   // blocks taken under one lock

// Copies from `blocks` adjacent blocks on the disk, `first` on, to the user,
// starting `offset` bytes into the first: at most `bytes`. The blocks are
// taken a batch at a time (one lock, not one a block), and those not cached
// are read together. Returns the bytes copied, or an error if none were.
ssize_t copy_blocks_to_user(super_block* sb, uint32_t first, uint32_t blocks, uint32_t offset,
    char __user* buffer, size_t bytes)
{
    uint32_t block_size = static_cast<uint32_t>(sb->s_blocksize);
    buffer_head* batch[read_batch];
    unsigned got = 0;
    unsigned wanted = blocks < read_batch ? blocks : read_batch;
    if (ext2_valid_block(EXT2_SB(sb), first) && ext2_valid_block(EXT2_SB(sb), first + blocks - 1))
        got = bread_blocks(sb->s_bdev, first, block_size, batch, wanted);
    if (got == 0) {   // reports the error
        auto bh = ext2_bread(sb, first);
        if (bh.is_error())
            return -bh.error().code();
        batch[0] = bh.value();
        got = 1;
    }
    size_t done = 0;
    unsigned long left = 0;
    for (unsigned i = 0; i < got; ++i) {
        size_t piece = block_size - offset < bytes - done ? block_size - offset : bytes - done;
        if (!left && piece) {
            left = copy_to_user(buffer + done, batch[i]->b_data + offset, piece);
            done += piece - left;
        }
        offset = 0;
        brelse(batch[i]);
    }
    if (left && done == 0)
        return -EFAULT;
    return static_cast<ssize_t>(done);
}

} // namespace

ssize_t ext2_buffered_read(file* f, char __user* buffer, size_t count, loff_t* pos)
{
    inode* node = file_inode(f);
    super_block* sb = node->i_sb;
    if (*pos < 0)
        return -EINVAL;
    Ext2Lock lock(sb);
    // Past what the block map can address is end of file, whatever i_size says
    // (Linux's filemap_read stops at s_maxbytes too).
    loff_t end = node->i_size < sb->s_maxbytes ? node->i_size : sb->s_maxbytes;
    if (*pos >= end)
        return 0;
    uint64_t available = static_cast<uint64_t>(end - *pos);
    if (count > available)
        count = static_cast<size_t>(available);
    uint32_t block_size = static_cast<uint32_t>(sb->s_blocksize);
    size_t done = 0;
    // The blocks after a mapped one that follow it on the disk: read on
    // without walking the block map again.
    uint64_t run_logical = 0;
    uint32_t run_block = 0, run_left = 0;
    while (done < count) {
        uint64_t position = static_cast<uint64_t>(*pos);
        uint32_t offset = static_cast<uint32_t>(position % block_size);
        uint64_t logical = position / block_size;
        if (!run_left || logical != run_logical) {
            uint64_t hole_blocks = 1;
            auto block = ext2_get_block(node, logical, false, &hole_blocks, &run_left);
            if (block.is_error())
                return done ? static_cast<ssize_t>(done) : -block.error().code();
            if (block.value() == 0) {
                // A hole: zeros for all of it at once, not block by block (a MiB
                // at a time, so that a huge read still lets others run).
                uint64_t hole = hole_blocks * block_size - offset;
                if (hole > count - done)
                    hole = count - done;
                if (hole > hole_chunk)
                    hole = hole_chunk;
                size_t chunk = static_cast<size_t>(hole);
                unsigned long left = clear_user(buffer + done, chunk);
                done += chunk - left;
                *pos += static_cast<loff_t>(chunk - left);
                if (left)
                    return done ? static_cast<ssize_t>(done) : -EFAULT;
                run_left = 0;
                cond_resched();
                continue;
            }
            run_logical = logical;
            run_block = block.value();
        }
        uint64_t wanted = (offset + (count - done) + block_size - 1) / block_size;
        uint32_t blocks = wanted < run_left ? static_cast<uint32_t>(wanted) : run_left;
        ssize_t n = copy_blocks_to_user(sb, run_block, blocks, offset, buffer + done, count - done);
        if (n < 0)
            return done ? static_cast<ssize_t>(done) : n;
        done += static_cast<size_t>(n);
        *pos += n;
        // Whole blocks passed; a short copy (a fault) tries again from there.
        uint32_t passed = static_cast<uint32_t>((offset + static_cast<size_t>(n)) / block_size);
        run_logical += passed;
        run_block += passed;
        run_left -= passed;
        cond_resched();
    }
    return static_cast<ssize_t>(done);
}

ssize_t ext2_buffered_write(file* f, const char __user* buffer, size_t count, loff_t* pos)
{
    inode* node = file_inode(f);
    super_block* sb = node->i_sb;
    Ext2Lock lock(sb);
    uint32_t block_size = static_cast<uint32_t>(sb->s_blocksize);
    size_t done = 0;
    int error = 0;
    while (done < count) {
        uint64_t position = static_cast<uint64_t>(*pos);
        uint32_t offset = static_cast<uint32_t>(position % block_size);
        size_t chunk = block_size - offset;
        if (chunk > count - done)
            chunk = count - done;
        auto block = ext2_get_block(node, position / block_size, true);
        if (block.is_error()) {
            error = -block.error().code();
            break;
        }
        auto bh = ext2_bread(sb, block.value());
        if (bh.is_error()) {
            error = -bh.error().code();
            break;
        }
        unsigned long left = copy_from_user(bh.value()->b_data + offset, buffer + done, chunk);
        mark_buffer_dirty(bh.value());
        brelse(bh.value());
        done += chunk - left;
        *pos += static_cast<loff_t>(chunk - left);
        if (*pos > node->i_size)
            node->i_size = *pos;
        if (left) {
            error = -EFAULT;
            break;
        }
    }
    if (done) {
        node->i_mtime = node->i_ctime = current_time(node);
        (void)ext2_write_inode(node);
        return static_cast<ssize_t>(done);
    }
    return error;
}

namespace {

ssize_t ext2_file_read(file* f, char __user* buffer, size_t count, loff_t* pos)
{
    return f->f_flags & O_DIRECT ? ext2_direct_read(f, buffer, count, pos) : ext2_buffered_read(f, buffer, count, pos);
}

// What every write checks first (Linux's generic_write_checks): -EROFS,
// -EINVAL for a negative position, -EFBIG at the size limit, else 0 with
// `*count` cut to what fits.
int write_checks(super_block* sb, loff_t pos, size_t* count)
{
    if (ext2_read_only(sb))
        return -EROFS;
    if (pos < 0)
        return -EINVAL;
    if (*count == 0)
        return 0;
    if (pos >= sb->s_maxbytes)
        return -EFBIG;
    if (static_cast<loff_t>(*count) > sb->s_maxbytes - pos)
        *count = static_cast<size_t>(sb->s_maxbytes - pos);
    return 0;
}

ssize_t ext2_file_write(file* f, const char __user* buffer, size_t count, loff_t* pos)
{
    if (int error = write_checks(file_inode(f)->i_sb, *pos, &count))
        return error;
    if (count == 0)
        return 0;
    return f->f_flags & O_DIRECT ? ext2_direct_write(f, buffer, count, pos) : ext2_buffered_write(f, buffer, count, pos);
}

// fallocate: allocates (zeroed) blocks for the range; mode 0 also grows the size.
long ext2_fallocate(file* f, int mode, loff_t offset, loff_t length)
{
    inode* node = file_inode(f);
    super_block* sb = node->i_sb;
    if (mode & ~FALLOC_FL_KEEP_SIZE)
        return -EOPNOTSUPP;
    if (ext2_read_only(sb))
        return -EROFS;
    Ext2Lock lock(sb);
    uint64_t block_size = sb->s_blocksize;
    uint64_t first = static_cast<uint64_t>(offset) / block_size;
    uint64_t last = static_cast<uint64_t>(offset + length - 1) / block_size;
    for (uint64_t logical = first; logical <= last; ++logical) {
        auto block = ext2_get_block(node, logical, true);
        if (block.is_error())
            return -block.error().code();
    }
    if (!(mode & FALLOC_FL_KEEP_SIZE) && offset + length > node->i_size)
        node->i_size = offset + length;
    node->i_ctime = current_time(node);
    return ext2_errno(ext2_write_inode(node));
}

// Linux's generic_file_llseek_size with s_maxbytes: no position past the
// largest file the block map can hold (-EINVAL).
loff_t ext2_file_llseek(file* f, loff_t offset, int whence)
{
    loff_t old = f->f_pos;
    loff_t result = generic_file_llseek(f, offset, whence);
    if (result > file_inode(f)->i_sb->s_maxbytes) {
        f->f_pos = old;
        return -EINVAL;
    }
    return result;
}

int ext2_fsync(file* f, loff_t, loff_t, int)
{
    super_block* sb = file_inode(f)->i_sb;
    if (ext2_read_only(sb))
        return 0;
    return sync_blockdev(sb->s_bdev);
}

} // namespace

const file_operations ext2_file_operations = {
    .owner = nullptr,
    .llseek = ext2_file_llseek,
    .read = ext2_file_read,
    .write = ext2_file_write,
    .fsync = ext2_fsync,
    .fallocate = ext2_fallocate,
};

const inode_operations ext2_file_inode_operations = {
    .setattr = ext2_setattr,
};
