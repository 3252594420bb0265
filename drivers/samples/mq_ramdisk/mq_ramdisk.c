/* mq_ramdisk: a RAM disk on the multi-queue block interface (Linux 5.15+/6.x
 * blk-mq, the way current drivers are written): a tag set with one hardware
 * queue, blk_mq_alloc_disk, and .queue_rq copying each segment of a request
 * whole (rq_for_each_segment) to or from the disk's memory.
 *   insmod mq_ramdisk.ko nsectors=8192     a 4 MB /dev/mqram
 *   mkfs.ext2 /dev/mqram; mount /dev/mqram /mnt
 * rmmod prints how many requests and segments it served. */
#include <linux/blk-mq.h>
#include <linux/blkdev.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/vmalloc.h>

#define MQRAM_NAME "mqram"
#define MQRAM_MINORS 16 /* the disk and 15 partitions */

static int nsectors = 8192; /* 8192 * 512 bytes = 4 MB */
module_param(nsectors, int, 0444);
MODULE_PARM_DESC(nsectors, "size of the disk in 512-byte sectors (default 8192 = 4 MB)");

/* The driver's bytes after each request (tag_set.cmd_size). */
struct mqram_cmd {
    unsigned int segments; /* segments of this request */
};

static struct mqram_device {
    u8 *data;
    unsigned long size; /* bytes */
    struct blk_mq_tag_set tag_set;
    struct gendisk *disk;
    unsigned long requests, segments, largest_segment, prepared;
} mqram;

static int major;

/* Copies one segment between the disk and the page it names. */
static void mqram_copy(struct mqram_device *dev, struct bio_vec *bvec, unsigned long pos, bool write)
{
    void *buffer = bvec_kmap_local(bvec);

    if (write)
        memcpy(dev->data + pos, buffer, bvec->bv_len);
    else
        memcpy(buffer, dev->data + pos, bvec->bv_len);
    kunmap_local(buffer);
}

static blk_status_t mqram_queue_rq(struct blk_mq_hw_ctx *hctx, const struct blk_mq_queue_data *bd)
{
    struct request *rq = bd->rq;
    struct mqram_device *dev = hctx->queue->queuedata;
    struct mqram_cmd *cmd = blk_mq_rq_to_pdu(rq);
    unsigned long pos = blk_rq_pos(rq) << SECTOR_SHIFT;
    struct req_iterator iter;
    struct bio_vec bvec;

    blk_mq_start_request(rq);
    if (req_op(rq) != REQ_OP_READ && req_op(rq) != REQ_OP_WRITE) {
        blk_mq_end_request(rq, BLK_STS_NOTSUPP);
        return BLK_STS_OK;
    }
    if (pos + blk_rq_bytes(rq) > dev->size) {
        pr_notice(MQRAM_NAME ": request beyond the end (%lu + %u)\n", pos, blk_rq_bytes(rq));
        blk_mq_end_request(rq, BLK_STS_IOERR);
        return BLK_STS_OK;
    }
    cmd->segments = 0;
    rq_for_each_segment(bvec, rq, iter) {
        mqram_copy(dev, &bvec, pos, rq_data_dir(rq) == WRITE);
        pos += bvec.bv_len;
        cmd->segments++;
        if (bvec.bv_len > dev->largest_segment)
            dev->largest_segment = bvec.bv_len;
    }
    dev->requests++;
    dev->segments += cmd->segments;
    blk_mq_end_request(rq, BLK_STS_OK);
    return BLK_STS_OK;
}

/* Runs once for each preallocated request of the tag set. */
static int mqram_init_request(struct blk_mq_tag_set *set, struct request *rq, unsigned int hctx_idx,
                              unsigned int numa_node)
{
    struct mqram_cmd *cmd = blk_mq_rq_to_pdu(rq);

    cmd->segments = 0;
    mqram.prepared++;
    return 0;
}

static const struct blk_mq_ops mqram_mq_ops = {
    .queue_rq = mqram_queue_rq,
    .init_request = mqram_init_request,
};

static const struct block_device_operations mqram_fops = {
    .owner = THIS_MODULE,
};

static int __init mqram_init(void)
{
    struct gendisk *disk;
    int err;

    if (nsectors <= 0)
        return -EINVAL;
    mqram.size = (unsigned long)nsectors << SECTOR_SHIFT;
    mqram.data = vzalloc(mqram.size);
    if (!mqram.data)
        return -ENOMEM;

    major = register_blkdev(0, MQRAM_NAME);
    if (major < 0) {
        err = major;
        goto out_free;
    }

    mqram.tag_set.ops = &mqram_mq_ops;
    mqram.tag_set.nr_hw_queues = 1;
    mqram.tag_set.queue_depth = 16;
    mqram.tag_set.numa_node = NUMA_NO_NODE;
    mqram.tag_set.cmd_size = sizeof(struct mqram_cmd);
    mqram.tag_set.flags = BLK_MQ_F_SHOULD_MERGE;
    err = blk_mq_alloc_tag_set(&mqram.tag_set);
    if (err)
        goto out_unregister;

    disk = blk_mq_alloc_disk(&mqram.tag_set, &mqram);
    if (IS_ERR(disk)) {
        err = PTR_ERR(disk);
        goto out_tag_set;
    }
    disk->major = major;
    disk->first_minor = 0;
    disk->minors = MQRAM_MINORS;
    disk->fops = &mqram_fops;
    disk->private_data = &mqram;
    snprintf(disk->disk_name, DISK_NAME_LEN, MQRAM_NAME);
    set_capacity(disk, nsectors);
    blk_queue_logical_block_size(disk->queue, SECTOR_SIZE);
    err = add_disk(disk);
    if (err)
        goto out_disk;
    mqram.disk = disk;
    pr_info(MQRAM_NAME ": major %d, %d sectors, %u requests per queue ready\n", major, nsectors,
            mqram.tag_set.queue_depth);
    return 0;

out_disk:
    put_disk(disk);
out_tag_set:
    blk_mq_free_tag_set(&mqram.tag_set);
out_unregister:
    unregister_blkdev(major, MQRAM_NAME);
out_free:
    vfree(mqram.data);
    return err;
}

static void __exit mqram_exit(void)
{
    del_gendisk(mqram.disk);
    put_disk(mqram.disk);
    blk_mq_free_tag_set(&mqram.tag_set);
    unregister_blkdev(major, MQRAM_NAME);
    vfree(mqram.data);
    pr_info(MQRAM_NAME ": served %lu requests in %lu segments, the largest %lu bytes (%lu requests prepared)\n",
            mqram.requests, mqram.segments, mqram.largest_segment, mqram.prepared);
}

module_init(mqram_init);
module_exit(mqram_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kernlab");
MODULE_DESCRIPTION("RAM disk on the blk-mq interface");
