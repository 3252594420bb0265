// What the block layer's files share: the device lists, the lock that guards
// them, and the partition scan. Drivers and file systems see linux/blkdev.h.
#pragma once

#include <linux/blkdev.h>
#include <linux/buffer_head.h>
#include <linux/mutex.h>

// Guards the lists of majors, disks and block devices, and open counts.
extern struct mutex blk_mutex;

// Every block device (whole disks and partitions), newest first.
extern block_device* all_bdevs;
// Visits every registered gendisk in add order (callers hold blk_mutex).
void for_each_disk(void (*visitor)(gendisk* disk, void* context), void* context);

// The block device of a device number, or nullptr (blk_mutex held).
block_device* bdev_lookup(dev_t dev);

// Reads or writes `sectors` sectors at `sector` of `bdev` into/from `buffer`
// (kernel memory, each page piece one segment), bypassing the cache; 0 or -errno.
int blk_rw_direct(block_device* bdev, int op, sector_t sector, void* buffer, unsigned bytes);
// The most one bio to `bdev` may carry: its queue's max_hw_sectors (a page
// when the device has no queue limit).
size_t bio_max_bytes(const block_device* bdev);

// Scans the MBR of a disk and adds its partitions (blk_mutex held).
void blk_add_partitions(gendisk* disk);
// Removes the partitions of a disk (nodes, buffers); -EBUSY if one is open
// and `force` is false (blk_mutex held).
int blk_drop_partitions(gendisk* disk, bool force);

// Buffer cache internals used by the device file and the disk code.
// Drops the unused buffers of bdev (of its partitions too, for a disk); dirty
// ones only with dirty_too (the device is going away).
void buffer_forget_bdev(block_device* bdev, bool dirty_too);

// blk-mq queues (kernel/block/blk_mq.cpp): submit_bio's way into one, and the
// freeing of a destroyed queue (blk_cleanup_queue, put_disk).
void blk_mq_submit_bio(request_queue* q, bio* b);
void blk_mq_free_queue(request_queue* q);

// Ends a bio: `status`, and as bi_error `error` or the errno of `status`.
void end_bio(bio* b, blk_status_t status, int error = 0);
// Completes the first `nr_bytes` of a request: its position moves on, and each
// bio that is wholly done ends with `status` (both request paths, blk_core and blk_mq).
void blk_advance_request(request* rq, unsigned int nr_bytes, blk_status_t status, int error = 0);
