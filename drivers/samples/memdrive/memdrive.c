/* memdrive: a RAM disk (the course's block driver exercise, ZHAW 5.2).
 *   insmod memdrive.ko nsectors=10240     a 5 MB disk: /dev/memdrive
 *   fdisk /dev/memdrive; mkfs.ext2 /dev/memdrive1; mount /dev/memdrive1 /mnt
 * The disk's memory comes from vmalloc and is freed by rmmod, so the next
 * insmod gives an empty disk. Requests are served through the old request_fn
 * interface, one segment at a time (__blk_end_request_cur). */
#include <linux/blkdev.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/genhd.h>
#include <linux/hdreg.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

#define KERNEL_SECTOR_SIZE 512
#define MEMDRIVE_MINORS 16 /* the disk and 15 partitions */

static int nsectors = 10240; /* 10240 * 512 bytes = 5 MB */
module_param(nsectors, int, 0444);
MODULE_PARM_DESC(nsectors, "size of the disk in 512-byte sectors (default 10240 = 5 MB)");

static int major_num;

static struct memdrive_device {
    unsigned long size;     /* bytes */
    spinlock_t lock;        /* the request queue's lock */
    u8 *data;               /* the disk's contents */
    struct gendisk *gd;
} device;

/* Copies nsect sectors between the disk and buffer. */
static void memdrive_transfer(struct memdrive_device *dev, sector_t sector, unsigned long nsect, char *buffer,
                              int write)
{
    unsigned long offset = sector * KERNEL_SECTOR_SIZE;
    unsigned long nbytes = nsect * KERNEL_SECTOR_SIZE;

    if (offset + nbytes > dev->size) {
        pr_notice("memdrive: beyond-end write (%lu %lu)\n", offset, nbytes);
        return;
    }
    if (write)
        memcpy(dev->data + offset, buffer, nbytes);
    else
        memcpy(buffer, dev->data + offset, nbytes);
}

/* Runs with device.lock held whenever requests are queued. */
static void memdrive_request(struct request_queue *q)
{
    struct request *req = blk_fetch_request(q);

    while (req != NULL) {
        if (blk_rq_is_passthrough(req)) {
            pr_notice("memdrive: skipping a non-fs request\n");
            __blk_end_request_all(req, -EIO);
            req = blk_fetch_request(q);
            continue;
        }
        /* the current segment: blk_rq_cur_sectors() sectors at bio_data() */
        memdrive_transfer(&device, blk_rq_pos(req), blk_rq_cur_sectors(req), bio_data(req->bio),
                          rq_data_dir(req) == WRITE);
        /* false once the whole request is done: then take the next one */
        if (!__blk_end_request_cur(req, 0))
            req = blk_fetch_request(q);
    }
}

/* An invented geometry (for fdisk's cylinders): 4 heads, 16 sectors per track. */
static int memdrive_getgeo(struct block_device *bdev, struct hd_geometry *geo)
{
    long size = device.size / KERNEL_SECTOR_SIZE;

    geo->cylinders = (size & ~0x3f) >> 6;
    geo->heads = 4;
    geo->sectors = 16;
    geo->start = 0;
    return 0;
}

static const struct block_device_operations memdrive_ops = {
    .owner = THIS_MODULE,
    .getgeo = memdrive_getgeo,
};

static int __init memdrive_init(void)
{
    struct request_queue *queue;

    if (nsectors <= 0) {
        pr_err("memdrive: nsectors must be positive (got %d)\n", nsectors);
        return -EINVAL;
    }
    device.size = (unsigned long)nsectors * KERNEL_SECTOR_SIZE;
    spin_lock_init(&device.lock);
    device.data = vzalloc(device.size); /* zeroed: a new disk has no partition table */
    if (device.data == NULL)
        return -ENOMEM;

    queue = blk_init_queue(memdrive_request, &device.lock);
    if (queue == NULL)
        goto out_free;
    blk_queue_logical_block_size(queue, KERNEL_SECTOR_SIZE);

    major_num = register_blkdev(0, "memdrive");
    if (major_num < 0) {
        pr_warn("memdrive: unable to get a major number\n");
        goto out_queue;
    }

    device.gd = alloc_disk(MEMDRIVE_MINORS);
    if (!device.gd)
        goto out_unregister;
    device.gd->major = major_num;
    device.gd->first_minor = 0;
    device.gd->fops = &memdrive_ops;
    device.gd->private_data = &device;
    strcpy(device.gd->disk_name, "memdrive");
    set_capacity(device.gd, nsectors);
    device.gd->queue = queue;
    add_disk(device.gd);

    pr_info("memdrive: major %d, %d sectors of %d bytes (%lu bytes)\n", major_num, nsectors, KERNEL_SECTOR_SIZE,
            device.size);
    return 0;

out_unregister:
    unregister_blkdev(major_num, "memdrive");
out_queue:
    blk_cleanup_queue(queue);
out_free:
    vfree(device.data);
    return -ENOMEM;
}

static void __exit memdrive_exit(void)
{
    struct request_queue *queue = device.gd->queue;

    del_gendisk(device.gd);
    blk_cleanup_queue(queue);
    put_disk(device.gd);
    unregister_blkdev(major_num, "memdrive");
    vfree(device.data); /* the disk's contents are gone */
    pr_info("memdrive: unloaded\n");
}

module_init(memdrive_init);
module_exit(memdrive_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kernlab");
MODULE_DESCRIPTION("RAM disk with partitions, size set by nsectors");
