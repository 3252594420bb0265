// Disks and block majors (Linux's block/genhd.c): register_blkdev, alloc_disk,
// add_disk with its /dev nodes and partition scan, del_gendisk.
#include "blk.h"
#include <kernel/mm.h>
#include <libk/format.h>
#include <libk/mbr.h>
#include <libk/string.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/printk.h>

struct mutex blk_mutex = __MUTEX_INITIALIZER(blk_mutex);
constinit block_device* all_bdevs = nullptr;

namespace {

struct BlockMajor {
    unsigned major;
    char name[32];
    BlockMajor* next;   // sorted by major
};

constinit BlockMajor* majors = nullptr;
constinit gendisk* disks = nullptr;
constinit unsigned next_ext_minor = 0;

bool major_taken(unsigned major)
{
    for (BlockMajor* m = majors; m; m = m->next)
        if (m->major == major)
            return true;
    return false;
}

bool ends_in_digit(const char* name)
{
    size_t length = libk::strlen(name);
    return length && name[length - 1] >= '0' && name[length - 1] <= '9';
}

// "sda" + 1 -> "sda1"; "mmcblk0" + 1 -> "mmcblk0p1".
void partition_name(char* out, size_t size, const char* disk, unsigned number)
{
    libk::snprintf(out, size, ends_in_digit(disk) ? "%sp%u" : "%s%u", disk, number);
}

// The block size of the device file: the largest power of two up to a page
// that divides the size (Linux's set_init_blocksize), so reads and writes of
// /dev/<disk> go in few, large requests and still reach the last sector.
unsigned initial_block_size(sector_t sectors)
{
    unsigned size = 4096;
    while (size > 512 && sectors % (size / 512) != 0)
        size /= 2;
    return size;
}

block_device* new_bdev(gendisk* disk, dev_t dev, unsigned partno, sector_t start, sector_t sectors, const char* name)
{
    auto* b = static_cast<block_device*>(kzalloc(sizeof(block_device), GFP_KERNEL));
    if (!b)
        return nullptr;
    b->bd_dev = dev;
    b->bd_disk = disk;
    b->bd_contains = partno ? disk->part0 : b;
    b->bd_partno = partno;
    b->bd_start_sect = start;
    b->bd_nr_sectors = sectors;
    b->bd_block_size = initial_block_size(sectors);
    libk::strlcpy(b->bd_name, name, sizeof(b->bd_name));
    b->bd_next = all_bdevs;
    all_bdevs = b;
    return b;
}

void unlink_bdev(block_device* bdev)
{
    for (block_device** p = &all_bdevs; *p; p = &(*p)->bd_next) {
        if (*p == bdev) {
            *p = bdev->bd_next;
            break;
        }
    }
    bdev->bd_next = nullptr;
}

// A device going away: nodes removed, buffers written and dropped. Open ones
// stay allocated (bd_disk cleared) until their last blkdev_put.
void remove_bdev(block_device* bdev)
{
    devtmpfs_delete_node(bdev->bd_name);
    sync_blockdev(bdev);
    buffer_forget_bdev(bdev, true);
    unlink_bdev(bdev);
    bdev->bd_disk = nullptr;
    if (bdev->bd_openers == 0)
        kfree(bdev);
}

struct SectorReader {
    block_device* bdev;
    void* buffer;
};

bool read_sector(void* context, uint64_t lba, uint8_t* out)
{
    auto* reader = static_cast<SectorReader*>(context);
    if (blk_rw_direct(reader->bdev, REQ_OP_READ, static_cast<sector_t>(lba), reader->buffer, 512) < 0)
        return false;
    libk::memcpy(out, reader->buffer, 512);
    return true;
}

void append(char* line, size_t size, const char* text)
{
    size_t used = libk::strlen(line);
    if (used < size)
        libk::strlcpy(line + used, text, size - used);
}

} // namespace

void for_each_disk(void (*visitor)(gendisk* disk, void* context), void* context)
{
    for (gendisk* d = disks; d; d = d->next)
        visitor(d, context);
}

block_device* bdev_lookup(dev_t dev)
{
    for (block_device* b = all_bdevs; b; b = b->bd_next)
        if (b->bd_dev == dev)
            return b;
    return nullptr;
}

void blk_add_partitions(gendisk* disk)
{
    block_device* whole = disk->part0;
    // What a writer of the table left in the cache must reach the disk first.
    sync_blockdev(whole);
    invalidate_bdev(whole);
    auto* parts = static_cast<libk::MbrPartition*>(
        kmalloc(sizeof(libk::MbrPartition) * libk::mbr_max_partitions, GFP_KERNEL));
    void* sector = kmalloc(512, GFP_KERNEL);
    if (!parts || !sector) {
        kfree(parts);
        kfree(sector);
        return;
    }
    SectorReader reader { whole, sector };
    size_t count = libk::mbr_parse(disk->capacity, read_sector, &reader, parts, libk::mbr_max_partitions);
    char line[256];
    libk::snprintf(line, sizeof(line), " %s:", disk->disk_name);
    // Linux's order: primaries, with the logical ones inside "< >" after their container.
    for (size_t i = 0; i < count; ++i) {
        const libk::MbrPartition& p = parts[i];
        if (p.number >= DISK_MAX_PARTS)
            continue;
        char name[DISK_NAME_LEN + 8];
        partition_name(name, sizeof(name), disk->disk_name, p.number);
        dev_t dev = static_cast<int>(p.number) < disk->minors
            ? MKDEV(disk->major, disk->first_minor + p.number)
            : MKDEV(BLOCK_EXT_MAJOR, next_ext_minor++);
        block_device* b = new_bdev(disk, dev, p.number, p.start, p.sectors, name);
        if (!b)
            continue;
        b->bd_partition_type = p.type;
        disk->part[p.number] = b;
        devtmpfs_create_node(name, S_IFBLK | 0660, dev);
        if (p.number < 5) {
            append(line, sizeof(line), " ");
            append(line, sizeof(line), name);
        }
    }
    // The logical ones, after their container.
    bool any_logical = false;
    for (unsigned n = 5; n < DISK_MAX_PARTS; ++n) {
        if (!disk->part[n])
            continue;
        append(line, sizeof(line), any_logical ? " " : " < ");
        append(line, sizeof(line), disk->part[n]->bd_name);
        any_logical = true;
    }
    if (any_logical)
        append(line, sizeof(line), " >");
    printk(KERN_INFO "%s\n", line);
    // The course's name for the first partition: "memdrive0". Names not ending
    // in a digit never use partition number 0, so the alias cannot clash.
    if (libk::strcmp(disk->disk_name, "memdrive") == 0) {
        for (unsigned n = 1; n < DISK_MAX_PARTS; ++n) {
            if (disk->part[n] && !libk::mbr_is_extended(disk->part[n]->bd_partition_type)) {
                char alias[DISK_NAME_LEN + 8];
                partition_name(alias, sizeof(alias), disk->disk_name, 0);
                if (devtmpfs_create_node(alias, S_IFBLK | 0660, disk->part[n]->bd_dev) == 0)
                    disk->node_alias = 1;
                break;
            }
        }
    }
    kfree(parts);
    kfree(sector);
}

int blk_drop_partitions(gendisk* disk, bool force)
{
    if (!force)
        for (unsigned n = 1; n < DISK_MAX_PARTS; ++n)
            if (disk->part[n] && disk->part[n]->bd_openers)
                return -EBUSY;
    if (disk->node_alias) {
        char alias[DISK_NAME_LEN + 8];
        partition_name(alias, sizeof(alias), disk->disk_name, 0);
        devtmpfs_delete_node(alias);
        disk->node_alias = 0;
    }
    for (unsigned n = 1; n < DISK_MAX_PARTS; ++n) {
        if (disk->part[n]) {
            remove_bdev(disk->part[n]);
            disk->part[n] = nullptr;
        }
    }
    return 0;
}

extern "C" int register_blkdev(unsigned int major, const char* name)
{
    mutex_lock(&blk_mutex);
    int result = 0;
    if (major == 0) {
        // Linux hands out dynamic block majors from 254 down.
        for (unsigned m = 254; m > 0; --m) {
            if (!major_taken(m)) {
                major = m;
                result = static_cast<int>(m);
                break;
            }
        }
        if (major == 0)
            result = -EBUSY;
    } else if (major >= 512) {
        result = -EINVAL;
    } else if (major_taken(major)) {
        result = -EBUSY;
    }
    if (result >= 0) {
        auto* m = static_cast<BlockMajor*>(kzalloc(sizeof(BlockMajor), GFP_KERNEL));
        if (!m) {
            result = -ENOMEM;
        } else {
            m->major = major;
            libk::strlcpy(m->name, name ? name : "", sizeof(m->name));
            BlockMajor** p = &majors;
            while (*p && (*p)->major < major)
                p = &(*p)->next;
            m->next = *p;
            *p = m;
        }
    }
    mutex_unlock(&blk_mutex);
    return result;
}

extern "C" void unregister_blkdev(unsigned int major, const char*)
{
    mutex_lock(&blk_mutex);
    for (BlockMajor** p = &majors; *p; p = &(*p)->next) {
        if ((*p)->major == major) {
            BlockMajor* m = *p;
            *p = m->next;
            kfree(m);
            break;
        }
    }
    mutex_unlock(&blk_mutex);
}

extern "C" void for_each_blkdev(void (*visitor)(unsigned int major, const char* name, void* context), void* context)
{
    mutex_lock(&blk_mutex);
    for (BlockMajor* m = majors; m; m = m->next)
        visitor(m->major, m->name, context);
    mutex_unlock(&blk_mutex);
}

extern "C" struct gendisk* alloc_disk(int minors)
{
    auto* disk = static_cast<gendisk*>(kzalloc(sizeof(gendisk), GFP_KERNEL));
    if (disk)
        disk->minors = minors;
    return disk;
}

extern "C" struct gendisk* alloc_disk_node(int minors, int) { return alloc_disk(minors); }

extern "C" struct gendisk* blk_alloc_disk(int)
{
    gendisk* disk = alloc_disk(1);
    if (!disk)
        return nullptr;
    disk->queue = blk_alloc_queue(GFP_KERNEL);
    if (!disk->queue) {
        kfree(disk);
        return nullptr;
    }
    disk->queue->owned_by_disk = 1;
    disk->owns_queue = 1;
    return disk;
}

extern "C" int add_disk(struct gendisk* disk)
{
    if (disk->major && disk->minors <= 0) {
        pr_warn("%s: add_disk of a disk with a major but no minors\n", disk->disk_name);
        return -EINVAL;
    }
    mutex_lock(&blk_mutex);
    if (!disk->major) {   // blk_mq_alloc_disk's disks may leave the number to us
        disk->major = BLOCK_EXT_MAJOR;
        disk->first_minor = static_cast<int>(next_ext_minor++);
    }
    dev_t dev = MKDEV(disk->major, disk->first_minor);
    block_device* whole = new_bdev(disk, dev, 0, 0, disk->capacity, disk->disk_name);
    if (!whole) {
        mutex_unlock(&blk_mutex);
        return -ENOMEM;
    }
    disk->part0 = whole;
    disk->flags |= GENHD_FL_UP;
    gendisk** tail = &disks;
    while (*tail)
        tail = &(*tail)->next;
    disk->next = nullptr;
    *tail = disk;
    devtmpfs_create_node(disk->disk_name, S_IFBLK | 0660, dev);
    if (!(disk->flags & GENHD_FL_NO_PART_SCAN))
        blk_add_partitions(disk);
    mutex_unlock(&blk_mutex);
    return 0;
}

extern "C" int device_add_disk(void*, struct gendisk* disk, void*)
{
    return add_disk(disk);
}

extern "C" void del_gendisk(struct gendisk* disk)
{
    mutex_lock(&blk_mutex);
    if (disk->part0) {
        blk_drop_partitions(disk, true);
        remove_bdev(disk->part0);
        disk->part0 = nullptr;
        for (gendisk** p = &disks; *p; p = &(*p)->next) {
            if (*p == disk) {
                *p = disk->next;
                break;
            }
        }
        disk->flags &= ~GENHD_FL_UP;
    }
    mutex_unlock(&blk_mutex);
}

extern "C" void put_disk(struct gendisk* disk)
{
    if (!disk)
        return;
    // A queue made together with the disk goes with it (Linux 5.15+).
    if (disk->owns_queue && disk->queue) {
        disk->queue->owned_by_disk = 0;
        blk_cleanup_queue(disk->queue);
    }
    kfree(disk);
}

extern "C" void blk_cleanup_disk(struct gendisk* disk)
{
    put_disk(disk);
}

extern "C" void set_capacity(struct gendisk* disk, sector_t sectors)
{
    disk->capacity = sectors;
    if (disk->part0) {
        disk->part0->bd_nr_sectors = sectors;
        disk->part0->bd_block_size = initial_block_size(sectors);
    }
}

extern "C" sector_t get_capacity(struct gendisk* disk)
{
    return disk->capacity;
}

extern "C" const char* bdevname(struct block_device* bdev, char* buf)
{
    libk::strlcpy(buf, bdev->bd_name, DISK_NAME_LEN + 8);
    return buf;
}

EXPORT_SYMBOL(register_blkdev);
EXPORT_SYMBOL(unregister_blkdev);
EXPORT_SYMBOL(alloc_disk);
EXPORT_SYMBOL(alloc_disk_node);
EXPORT_SYMBOL(blk_alloc_disk);
EXPORT_SYMBOL(add_disk);
EXPORT_SYMBOL(device_add_disk);
EXPORT_SYMBOL(del_gendisk);
EXPORT_SYMBOL(put_disk);
EXPORT_SYMBOL(blk_cleanup_disk);
EXPORT_SYMBOL(set_capacity);
EXPORT_SYMBOL(get_capacity);
EXPORT_SYMBOL(bdevname);
