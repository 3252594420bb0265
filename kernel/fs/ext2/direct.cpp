// O_DIRECT on ext2 files (Linux's ext2_direct_IO): the data moves between the
// user's pages and the disk, a run of adjacent blocks per transfer, around the
// buffer cache. Position, length and buffer must be whole 512-byte sectors
// (-EINVAL). What a whole block cannot carry goes through the cache and is
// written at once: a partial block, a hole inside the file (as Linux's
// DIO_SKIP_HOLES), and the tail of a read past the last whole sector.
#include "ext2.h"
#include <kernel/uaccess.h>
#include <linux/sched.h>

namespace {

constexpr unsigned sector_size = 512;
// Blocks mapped per transfer at most: a transfer waits for its whole extent.
constexpr uint32_t max_extent_blocks = 1024;

bool sector_aligned(const void __user* buffer, size_t count, loff_t pos)
{
    return ((reinterpret_cast<unsigned long>(buffer) | count | static_cast<unsigned long>(pos)) % sector_size) == 0;
}

sector_t first_sector(super_block* sb, uint32_t block, uint32_t offset)
{
    return static_cast<sector_t>(block) * (sb->s_blocksize / sector_size) + offset / sector_size;
}

// A buffered write of one piece, then that block on the disk at once.
ssize_t write_through(file* f, const char __user* buffer, size_t count, loff_t* pos)
{
    inode* node = file_inode(f);
    super_block* sb = node->i_sb;
    uint64_t logical = static_cast<uint64_t>(*pos) / sb->s_blocksize;
    ssize_t n = ext2_buffered_write(f, buffer, count, pos);
    if (n <= 0)
        return n;
    auto block = ext2_get_block(node, logical, false);
    if (block.is_error())
        return -block.error().code();
    int error = sync_bdev_blocks(sb->s_bdev, block.value(), 1);
    return error ? error : n;
}

} // namespace

ssize_t ext2_direct_read(file* f, char __user* buffer, size_t count, loff_t* pos)
{
    inode* node = file_inode(f);
    super_block* sb = node->i_sb;
    if (*pos < 0 || !sector_aligned(buffer, count, *pos))
        return -EINVAL;
    Ext2Lock lock(sb);
    loff_t end = node->i_size < sb->s_maxbytes ? node->i_size : sb->s_maxbytes;
    if (*pos >= end)
        return 0;
    if (static_cast<uint64_t>(count) > static_cast<uint64_t>(end - *pos))
        count = static_cast<size_t>(end - *pos);
    uint32_t block_size = static_cast<uint32_t>(sb->s_blocksize);
    size_t whole = count - count % sector_size;   // the rest comes from the cache
    size_t done = 0;
    while (done < whole) {
        uint64_t position = static_cast<uint64_t>(*pos);
        uint64_t logical = position / block_size;
        uint32_t offset = static_cast<uint32_t>(position % block_size);
        uint64_t hole_blocks = 1;
        uint32_t run = 1;
        ErrorOr<uint32_t> block = ext2_get_block(node, logical, false, &hole_blocks, &run);
        if (block.is_error())
            return done ? static_cast<ssize_t>(done) : -block.error().code();
        uint64_t extent = (block.value() ? run : hole_blocks) * static_cast<uint64_t>(block_size) - offset;
        size_t chunk = extent < whole - done ? static_cast<size_t>(extent) : whole - done;
        ssize_t moved;
        if (block.value() == 0) {
            moved = clear_user(buffer + done, chunk) ? -EFAULT : static_cast<ssize_t>(chunk);
        } else {
            // Data written through the cache and not yet on the disk goes first.
            sector_t blocks = (offset + chunk + block_size - 1) / block_size;
            if (int error = sync_bdev_blocks(sb->s_bdev, block.value(), blocks))
                return done ? static_cast<ssize_t>(done) : error;
            moved = blkdev_user_io(sb->s_bdev, REQ_OP_READ, first_sector(sb, block.value(), offset), buffer + done, chunk);
        }
        if (moved < 0)
            return done ? static_cast<ssize_t>(done) : moved;
        done += static_cast<size_t>(moved);
        *pos += moved;
        if (static_cast<size_t>(moved) < chunk)
            return static_cast<ssize_t>(done);
        cond_resched();
    }
    if (done < count) {
        ssize_t tail = ext2_buffered_read(f, buffer + done, count - done, pos);
        if (tail < 0)
            return done ? static_cast<ssize_t>(done) : tail;
        done += static_cast<size_t>(tail);
    }
    return static_cast<ssize_t>(done);
}

ssize_t ext2_direct_write(file* f, const char __user* buffer, size_t count, loff_t* pos)
{
    inode* node = file_inode(f);
    super_block* sb = node->i_sb;
    if (!sector_aligned(buffer, count, *pos))
        return -EINVAL;
    Ext2Lock lock(sb);
    uint32_t block_size = static_cast<uint32_t>(sb->s_blocksize);
    size_t done = 0;
    int error = 0;
    bool allocated_past_end = false;
    while (done < count) {
        uint64_t position = static_cast<uint64_t>(*pos);
        uint64_t logical = position / block_size;
        uint32_t offset = static_cast<uint32_t>(position % block_size);
        size_t whole_blocks = (count - done) / block_size;
        uint32_t wanted = whole_blocks < max_extent_blocks ? static_cast<uint32_t>(whole_blocks) : max_extent_blocks;
        uint32_t first = 0, run = 1;
        size_t through = 0;   // bytes to write through the cache instead
        if (offset || whole_blocks == 0) {
            through = block_size - offset < count - done ? block_size - offset : count - done;
        } else {
            uint64_t hole_blocks = 1;
            auto mapped = ext2_get_block(node, logical, false, &hole_blocks, &run);
            if (mapped.is_error()) {
                error = -mapped.error().code();
                break;
            }
            first = mapped.value();
            // A hole inside the file: until the data is on the disk, a new block
            // would show whatever it held before; the cache zeroes it first.
            if (first == 0 && position < static_cast<uint64_t>(node->i_size))
                through = block_size;
        }
        if (through) {
            ssize_t n = write_through(f, buffer + done, through, pos);
            if (n < 0) {
                error = static_cast<int>(n);
                break;
            }
            done += static_cast<size_t>(n);
            if (static_cast<size_t>(n) < through)
                break;
            continue;
        }
        if (first == 0) {
            // Past the end nobody reads the new blocks before the size grows.
            auto allocated = ext2_map_new_run(node, logical, wanted, &run);
            if (allocated.is_error()) {
                error = -allocated.error().code();
                break;
            }
            first = allocated.value();
            allocated_past_end = true;
        }
        if (run > wanted)
            run = wanted;
        // The cache's copies (a new block's zeros) must not overwrite the data later.
        clean_bdev_aliases(sb->s_bdev, first, run);
        size_t bytes = static_cast<size_t>(run) * block_size;
        ssize_t moved = blkdev_user_io(sb->s_bdev, REQ_OP_WRITE, first_sector(sb, first, 0), const_cast<char __user*>(buffer + done), bytes);
        if (moved < 0) {
            error = static_cast<int>(moved);
            break;
        }
        done += static_cast<size_t>(moved);
        *pos += moved;
        if (*pos > node->i_size)
            node->i_size = *pos;
        if (static_cast<size_t>(moved) < bytes) {
            error = -EFAULT;
            break;
        }
        cond_resched();
    }
    // Blocks allocated past what was written would show stale data once the
    // file grew over them: give them back (as Linux's ext2_write_failed).
    if (error && allocated_past_end)
        (void)ext2_free_blocks_from(node, (static_cast<uint64_t>(node->i_size) + block_size - 1) / block_size);
    if (done) {
        node->i_mtime = node->i_ctime = current_time(node);
        (void)ext2_write_inode(node);
        return static_cast<ssize_t>(done);
    }
    return error;
}
