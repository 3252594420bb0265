/* memory_block: the memory-block-device exercise's 1 MB RAM disk.
 *   insmod memory_block.ko; mkfs.ext2 /dev/memory_block; mount /dev/memory_block /mnt
 * register_blkdev, a gendisk, a request queue whose request function copies
 * every segment of a request with memcpy (rq_for_each_segment). */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/types.h>
#include <linux/genhd.h>
#include <linux/blkdev.h>
#include <linux/vmalloc.h>
/* Linux gets these two through fs.h; kernlab's headers do not (yet) */
#include <linux/errno.h>
#include <linux/string.h>

#define DEVICE_NAME "memory_block"
#define DEVICE_SIZE (1024 * 1024) /* 1 MB */

static int major_num = 0;
static u8 *device_data;
static struct gendisk *memory_disk = NULL;

static int memory_open(struct block_device *bdev, fmode_t mode)
{
    return 0;
}

static void memory_release(struct gendisk *disk, fmode_t mode)
{
}

static const struct block_device_operations memory_ops = {
    .owner = THIS_MODULE,
    .open = memory_open,
    .release = memory_release,
};

/* Copies every segment of req to or from device_data. */
static int memory_transfer(struct request *req)
{
    int dir = rq_data_dir(req);
    unsigned long offset = blk_rq_pos(req) * SECTOR_SIZE;
    struct bio_vec bvec;
    struct req_iterator iter;

    if (offset + blk_rq_bytes(req) > DEVICE_SIZE)
        return -EIO;

    rq_for_each_segment(bvec, req, iter) {
        void *buffer = page_address(bvec.bv_page) + bvec.bv_offset;
        unsigned int len = bvec.bv_len;

        if (dir == WRITE)
            memcpy(device_data + offset, buffer, len);
        else
            memcpy(buffer, device_data + offset, len);
        offset += len;
    }
    return 0;
}

static void memory_request(struct request_queue *q)
{
    struct request *req;

    while ((req = blk_fetch_request(q)) != NULL) {
        if (req->cmd_type != REQ_TYPE_FS) {
            __blk_end_request_all(req, -EIO);
            continue;
        }
        __blk_end_request_all(req, memory_transfer(req));
    }
}

static int __init memory_block_init(void)
{
    device_data = vzalloc(DEVICE_SIZE);
    if (!device_data)
        return -ENOMEM;

    major_num = register_blkdev(major_num, DEVICE_NAME);
    if (major_num <= 0) {
        vfree(device_data);
        return -EBUSY;
    }

    memory_disk = alloc_disk(1); /* one minor: no partitions */
    if (!memory_disk) {
        unregister_blkdev(major_num, DEVICE_NAME);
        vfree(device_data);
        return -ENOMEM;
    }

    memory_disk->major = major_num;
    memory_disk->first_minor = 0;
    memory_disk->fops = &memory_ops;
    memory_disk->private_data = NULL;
    sprintf(memory_disk->disk_name, DEVICE_NAME);
    set_capacity(memory_disk, DEVICE_SIZE / SECTOR_SIZE);

    memory_disk->queue = blk_init_queue(memory_request, NULL);
    if (!memory_disk->queue) {
        put_disk(memory_disk);
        unregister_blkdev(major_num, DEVICE_NAME);
        vfree(device_data);
        return -ENOMEM;
    }

    add_disk(memory_disk);

    printk(KERN_INFO "Memory block device initialized\n");
    return 0;
}

static void __exit memory_block_exit(void)
{
    struct request_queue *queue = memory_disk->queue;

    /* the queue outlives the disk's removal; the disk itself is freed last */
    del_gendisk(memory_disk);
    blk_cleanup_queue(queue);
    put_disk(memory_disk);
    unregister_blkdev(major_num, DEVICE_NAME);
    vfree(device_data);

    printk(KERN_INFO "Memory block device unloaded\n");
}

module_init(memory_block_init);
module_exit(memory_block_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kernlab");
MODULE_DESCRIPTION("A simple memory-based block device");
