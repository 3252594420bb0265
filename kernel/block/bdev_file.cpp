// Block device special files (Linux's block/fops.c + bdev.c): opening a block
// node, read/write/llseek/fsync through the buffer cache, the BLK* ioctls, and
// blkdev_get/put for file systems.
#include "blk.h"
#include <kernel/vfs.h>
#include <libk/string.h>
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <kernel/user_mm.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/hdreg.h>
#include <linux/module.h>
#include <linux/uaccess.h>

namespace {

constexpr unsigned read_batch = 32;   // blocks a buffered read takes at a time

loff_t bdev_bytes(const block_device* bdev) { return static_cast<loff_t>(bdev->bd_nr_sectors) << 9; }

// Takes an opener reference (driver open, module, counts); blk_mutex held.
int get_locked(block_device* bdev, fmode_t mode, void* holder)
{
    gendisk* disk = bdev->bd_disk;
    if (!disk || !(disk->flags & GENHD_FL_UP))
        return -ENXIO;
    if ((mode & FMODE_EXCL) && bdev->bd_holder && bdev->bd_holder != holder)
        return -EBUSY;
    struct module* owner = disk->fops ? disk->fops->owner : nullptr;
    if (!try_module_get(owner))
        return -ENXIO;
    if (disk->fops && disk->fops->open) {
        if (int error = disk->fops->open(bdev, mode); error) {
            module_put(owner);
            return error;
        }
    }
    ++bdev->bd_openers;
    if (mode & FMODE_EXCL)
        bdev->bd_holder = holder;
    return 0;
}

void put_locked(block_device* bdev, fmode_t mode)
{
    if (--bdev->bd_openers == 0) {
        bdev->bd_holder = nullptr;
        // Linux's last close: write back and forget, so other paths to the
        // same sectors (the disk vs. a partition) see the data.
        sync_blockdev(bdev);
        invalidate_bdev(bdev);
    }
    gendisk* disk = bdev->bd_disk;
    if (!disk) {   // the disk went away while open
        if (bdev->bd_openers == 0)
            kfree(bdev);
        return;
    }
    if (disk->fops && disk->fops->release)
        disk->fops->release(disk, mode);
    module_put(disk->fops ? disk->fops->owner : nullptr);
}

int blkdev_open(inode* node, file* f)
{
    mutex_lock(&blk_mutex);
    block_device* bdev = bdev_lookup(node->i_rdev);
    int error = bdev ? get_locked(bdev, f->f_mode, nullptr) : -ENXIO;
    mutex_unlock(&blk_mutex);
    if (error == 0)
        f->private_data = bdev;
    return error;
}

int blkdev_release(inode*, file* f)
{
    auto* bdev = static_cast<block_device*>(f->private_data);
    mutex_lock(&blk_mutex);
    put_locked(bdev, f->f_mode);
    mutex_unlock(&blk_mutex);
    return 0;
}

// O_DIRECT (Linux's __blkdev_direct_IO_simple): the position, the length and
// the buffer must be whole logical blocks (512 bytes), or -EINVAL. Cached
// blocks are written back first, and a write drops them after, so the cache
// never holds older data than the disk.
ssize_t blkdev_direct_io(block_device* bdev, int op, char __user* buffer, size_t count, loff_t pos)
{
    constexpr unsigned logical_block = 512;
    auto address = reinterpret_cast<unsigned long>(buffer);
    if ((address | count | static_cast<unsigned long>(pos)) % logical_block)
        return -EINVAL;
    if (int error = sync_blockdev(bdev))
        return error;
    ssize_t done = blkdev_user_io(bdev, op, static_cast<sector_t>(pos >> 9), buffer, count);
    if (op == REQ_OP_WRITE && done > 0)
        invalidate_bdev(bdev);
    return done;
}

ssize_t blkdev_read(file* f, char __user* buffer, size_t count, loff_t* pos)
{
    auto* bdev = static_cast<block_device*>(f->private_data);
    if (!bdev->bd_disk)
        return -ENXIO;
    loff_t size = bdev_bytes(bdev);
    if (*pos < 0)
        return -EINVAL;
    if (*pos >= size)
        return 0;
    if (static_cast<loff_t>(count) > size - *pos)
        count = static_cast<size_t>(size - *pos);
    if (f->f_flags & O_DIRECT) {
        ssize_t n = blkdev_direct_io(bdev, REQ_OP_READ, buffer, count, *pos);
        if (n > 0)
            *pos += n;
        return n;
    }
    unsigned block_size = bdev->bd_block_size;
    size_t done = 0;
    int error = 0;
    while (done < count && !error) {
        loff_t at = *pos + static_cast<loff_t>(done);
        sector_t block = static_cast<sector_t>(at / block_size);
        unsigned offset = static_cast<unsigned>(at % block_size);
        // The blocks this read still wants, a batch at a time: those not
        // cached are read together (read-ahead within the request). A batch
        // is at most what one bio carries, so none ends in a short bio.
        buffer_head* batch[read_batch];
        size_t wanted = (offset + (count - done) + block_size - 1) / block_size;
        size_t per_bio = bio_max_bytes(bdev) / block_size;
        size_t limit = per_bio < 1 ? 1 : per_bio < read_batch ? per_bio : read_batch;
        unsigned got = bread_blocks(bdev, block, block_size, batch, static_cast<unsigned>(wanted < limit ? wanted : limit));
        if (got == 0)
            error = -EIO;
        for (unsigned i = 0; i < got; ++i) {
            size_t chunk = block_size - offset < count - done ? block_size - offset : count - done;
            if (!error && copy_to_user(buffer + done, batch[i]->b_data + offset, chunk))
                error = -EFAULT;
            if (!error)
                done += chunk;
            offset = 0;
            brelse(batch[i]);
        }
    }
    *pos += static_cast<loff_t>(done);
    return done ? static_cast<ssize_t>(done) : error;
}

ssize_t blkdev_write(file* f, const char __user* buffer, size_t count, loff_t* pos)
{
    auto* bdev = static_cast<block_device*>(f->private_data);
    if (!bdev->bd_disk)
        return -ENXIO;
    loff_t size = bdev_bytes(bdev);
    if (*pos < 0)
        return -EINVAL;
    if (count == 0)
        return 0;
    if (*pos >= size)
        return -ENOSPC;
    if (static_cast<loff_t>(count) > size - *pos)
        count = static_cast<size_t>(size - *pos);
    if (f->f_flags & O_DIRECT) {
        ssize_t n = blkdev_direct_io(bdev, REQ_OP_WRITE, const_cast<char __user*>(buffer), count, *pos);
        if (n > 0)
            *pos += n;
        return n;
    }
    unsigned block_size = bdev->bd_block_size;
    size_t done = 0;
    while (done < count) {
        loff_t at = *pos + static_cast<loff_t>(done);
        sector_t block = static_cast<sector_t>(at / block_size);
        unsigned offset = static_cast<unsigned>(at % block_size);
        size_t chunk = block_size - offset < count - done ? block_size - offset : count - done;
        // A whole block need not be read first.
        buffer_head* bh = chunk == block_size ? __getblk(bdev, block, block_size) : __bread(bdev, block, block_size);
        if (!bh)
            return done ? static_cast<ssize_t>(done) : -EIO;
        unsigned long left = copy_from_user(bh->b_data + offset, buffer + done, chunk);
        if (left == 0)
            mark_buffer_dirty(bh);
        brelse(bh);
        if (left)
            return done ? static_cast<ssize_t>(done) : -EFAULT;
        done += chunk;
    }
    *pos += static_cast<loff_t>(done);
    if (f->f_flags & O_SYNC)
        sync_blockdev(bdev);
    return static_cast<ssize_t>(done);
}

loff_t blkdev_llseek(file* f, loff_t offset, int whence)
{
    auto* bdev = static_cast<block_device*>(f->private_data);
    return fixed_size_llseek(f, offset, whence, bdev_bytes(bdev));
}

int blkdev_fsync(file* f, loff_t, loff_t, int)
{
    return sync_blockdev(static_cast<block_device*>(f->private_data));
}

long blkdev_ioctl(file* f, unsigned int cmd, unsigned long arg)
{
    auto* bdev = static_cast<block_device*>(f->private_data);
    gendisk* disk = bdev->bd_disk;
    if (!disk)
        return -ENXIO;
    void __user* argp = reinterpret_cast<void __user*>(arg);
    switch (cmd) {
    case BLKGETSIZE: {
        unsigned long sectors = bdev->bd_nr_sectors;
        return copy_to_user(argp, &sectors, sizeof(sectors)) ? -EFAULT : 0;
    }
    case BLKGETSIZE64: {
        u64 bytes = static_cast<u64>(bdev->bd_nr_sectors) << 9;
        return copy_to_user(argp, &bytes, sizeof(bytes)) ? -EFAULT : 0;
    }
    case BLKSSZGET: {
        int size = static_cast<int>(queue_logical_block_size(disk->queue));
        return copy_to_user(argp, &size, sizeof(size)) ? -EFAULT : 0;
    }
    case BLKBSZGET: {
        int size = static_cast<int>(bdev->bd_block_size);
        return copy_to_user(argp, &size, sizeof(size)) ? -EFAULT : 0;
    }
    case BLKROGET: {
        int read_only = 0;
        return copy_to_user(argp, &read_only, sizeof(read_only)) ? -EFAULT : 0;
    }
    case BLKFLSBUF:
        sync_blockdev(bdev);
        invalidate_bdev(bdev);
        return 0;
    case BLKRRPART:
        return blkdev_reread_part(bdev);
    case HDIO_GETGEO: {
        hd_geometry geo {};
        geo.start = bdev->bd_start_sect;
        int error = -ENOTTY;
        if (disk->fops && disk->fops->getgeo)
            error = disk->fops->getgeo(bdev, &geo);
        if (error == -ENOTTY) {
            // The usual fake for LBA disks: 255 heads, 63 sectors per track.
            geo.heads = 255;
            geo.sectors = 63;
            unsigned long cylinders = disk->capacity / (255 * 63);
            geo.cylinders = static_cast<unsigned short>(cylinders > 0xffff ? 0xffff : cylinders);
            error = 0;
        }
        if (error)
            return error;
        geo.start = bdev->bd_start_sect;
        return copy_to_user(argp, &geo, sizeof(geo)) ? -EFAULT : 0;
    }
    default:
        if (disk->fops && disk->fops->ioctl)
            return disk->fops->ioctl(bdev, f->f_mode, cmd, arg);
        return -ENOTTY;
    }
}

// Segments of one bio of user pages: as many pages as a request of the
// default max_hw_sectors (255 sectors) holds, and one more for a buffer that
// does not start on a page.
constexpr unsigned user_io_vecs = 33;

} // namespace

// The user's own pages are the bios' segments, with no copy; each bio is as
// big as the queue takes (max_hw_sectors).
extern "C" ssize_t blkdev_user_io(block_device* bdev, int op, sector_t sector, char __user* buffer, size_t count)
{
    auto address = reinterpret_cast<unsigned long>(buffer);
    size_t bio_limit = bio_max_bytes(bdev);
    size_t done = 0;
    int error = 0;
    while (done < count && !error) {
        bio b;
        bio_vec vecs[user_io_vecs];
        void* pinned[user_io_vecs];
        bio_init(&b, bdev, vecs, user_io_vecs, static_cast<unsigned>(op));
        b.bi_iter.bi_sector = sector + static_cast<sector_t>(done >> 9);
        unsigned size = 0;
        while (done + size < count && b.bi_vcnt < b.bi_max_vecs) {
            unsigned long at = address + done + size;
            unsigned offset = at & ~PAGE_MASK;
            unsigned piece = PAGE_SIZE - offset < count - done - size ? PAGE_SIZE - offset : count - done - size;
            if (b.bi_vcnt && size + piece > bio_limit)
                break;
            // A read from the disk writes into the user's page.
            void* user_page = get_user_page(current->mm, at, op == REQ_OP_READ);
            if (!user_page)
                break;
            pinned[b.bi_vcnt] = user_page;
            bio_add_page(&b, static_cast<page*>(user_page), piece, offset);
            size += piece;
        }
        unsigned pieces = b.bi_vcnt;
        error = pieces ? submit_bio_wait(&b) : -EFAULT;
        for (unsigned i = 0; i < pieces; ++i)
            put_page_at(pinned[i]);
        if (!error)
            done += size;
    }
    return done ? static_cast<ssize_t>(done) : error;
}

extern "C" const struct file_operations def_blk_fops = {
    .owner = nullptr,
    .llseek = blkdev_llseek,
    .read = blkdev_read,
    .write = blkdev_write,
    .unlocked_ioctl = blkdev_ioctl,
    .compat_ioctl = blkdev_ioctl,
    .open = blkdev_open,
    .release = blkdev_release,
    .fsync = blkdev_fsync,
};

extern "C" int blkdev_reread_part(struct block_device* bdev)
{
    gendisk* disk = bdev->bd_disk;
    if (!disk || bdev->bd_partno != 0)
        return -EINVAL;
    mutex_lock(&blk_mutex);
    int error = blk_drop_partitions(disk, false);
    if (error == 0)
        blk_add_partitions(disk);
    mutex_unlock(&blk_mutex);
    return error;
}

extern "C" struct block_device* blkdev_get_by_dev(dev_t dev, fmode_t mode, void* holder)
{
    mutex_lock(&blk_mutex);
    block_device* bdev = bdev_lookup(dev);
    int error = bdev ? get_locked(bdev, mode, holder) : -ENXIO;
    mutex_unlock(&blk_mutex);
    return error ? static_cast<block_device*>(ERR_PTR(error)) : bdev;
}

extern "C" struct block_device* blkdev_get_by_path(const char* path, fmode_t mode, void* holder)
{
    auto found = kern_path(path, LOOKUP_FOLLOW);
    if (found.is_error())
        return static_cast<block_device*>(ERR_PTR(-found.error().code()));
    Path p = found.value();
    int error = 0;
    dev_t dev = 0;
    if (!S_ISBLK(p.node->i_mode))
        error = -ENOTBLK;
    else
        dev = p.node->i_rdev;
    path_put(p);
    if (error)
        return static_cast<block_device*>(ERR_PTR(error));
    return blkdev_get_by_dev(dev, mode, holder);
}

extern "C" void blkdev_put(struct block_device* bdev, fmode_t mode)
{
    mutex_lock(&blk_mutex);
    put_locked(bdev, mode);
    mutex_unlock(&blk_mutex);
}

EXPORT_SYMBOL(def_blk_fops);
EXPORT_SYMBOL(blkdev_reread_part);
EXPORT_SYMBOL(blkdev_get_by_dev);
EXPORT_SYMBOL(blkdev_get_by_path);
EXPORT_SYMBOL(blkdev_put);

extern "C" sector_t bdev_nr_sectors(struct block_device* bdev)
{
    return bdev->bd_nr_sectors;
}

extern "C" bool bdev_read_only(struct block_device*)
{
    return false;
}

EXPORT_SYMBOL(bdev_nr_sectors);
EXPORT_SYMBOL(bdev_read_only);
