/* Block drivers (Linux 2.6-5.x style): request queues served by a request_fn
 * (blk_init_queue, blk_fetch_request, __blk_end_request_all) or a
 * make_request_fn that takes bios directly; blk-mq queues (5.x/6.x) are in
 * linux/blk-mq.h. All I/O is synchronous: the buffer cache submits one bio
 * and waits. C-compatible. */
#ifndef _LINUX_BLKDEV_H
#define _LINUX_BLKDEV_H

#include <linux/bio.h>
#include <linux/fs.h>
#include <linux/genhd.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <uapi/linux/fs.h>

#ifdef __cplusplus
extern "C" {
#endif

struct request_queue;
struct request;

#define SECTOR_SHIFT 9
#ifndef SECTOR_SIZE
#define SECTOR_SIZE 512
#endif

typedef void (request_fn_proc)(struct request_queue *q);
typedef void (make_request_fn)(struct request_queue *q, struct bio *bio);
/* 5.x drivers' make_request returns blk_qc_t: accept both through this type. */
typedef unsigned int blk_qc_t;
#define BLK_QC_T_NONE (-1U)

/* req->cmd_type (2.6-4.x); kernlab only makes file-system requests. */
enum rq_cmd_type_bits {
    REQ_TYPE_FS = 1,
    REQ_TYPE_BLOCK_PC,
    REQ_TYPE_SENSE,
    REQ_TYPE_DRV_PRIV,
};

struct request {
    struct request_queue *q;
    struct gendisk *rq_disk;
    struct block_device *part;
    int cmd_type;
    unsigned int cmd_flags;       /* REQ_OP_* in the low bits */
    sector_t __sector;            /* current sector (disk-absolute) */
    unsigned int __data_len;      /* bytes left */
    struct bio *bio;              /* the bios, bi_next chained */
    struct bio *biotail;
    int errors;
    int completed;
    unsigned long start_jiffies;
    void *special;
    struct list_head queuelist;   /* free for the driver once it has the request (Linux's) */
    struct request *next_queued;  /* request_fn queues: next not yet fetched */
    /* blk-mq (linux/blk-mq.h): the hardware queue, the tag, where it stands. */
    struct blk_mq_hw_ctx *mq_hctx;
    int tag;
    int internal_tag;
    unsigned int rq_flags;
    int state;                    /* enum mq_rq_state */
};

struct request_queue {
    request_fn_proc *request_fn;
    make_request_fn *make_request_fn;
    spinlock_t *queue_lock;       /* the driver's lock or __queue_lock */
    spinlock_t __queue_lock;
    struct request *queue_head;   /* requests not yet fetched */
    unsigned int logical_block_size;
    unsigned int max_hw_sectors;
    void *queuedata;
    int dead;
    /* blk-mq queues (linux/blk-mq.h): the driver's operations, its tag set,
     * one hardware context per hardware queue. */
    const struct blk_mq_ops *mq_ops;
    struct blk_mq_tag_set *tag_set;
    struct blk_mq_hw_ctx *queue_hw_ctx;
    unsigned int nr_hw_queues;
    int owned_by_disk;            /* made with its disk (blk_mq_alloc_disk): put_disk frees it */
};

static inline sector_t blk_rq_pos(const struct request *rq) { return rq->__sector; }
static inline unsigned int blk_rq_bytes(const struct request *rq) { return rq->__data_len; }
static inline unsigned int blk_rq_sectors(const struct request *rq) { return rq->__data_len >> 9; }
/* Bytes/sectors of the current segment (what __blk_end_request_cur completes). */
static inline unsigned int blk_rq_cur_bytes(const struct request *rq)
{
    return rq->bio ? bio_iter_iovec(rq->bio, rq->bio->bi_iter).bv_len : 0;
}
static inline unsigned int blk_rq_cur_sectors(const struct request *rq) { return blk_rq_cur_bytes(rq) >> 9; }
#define req_op(rq) ((rq)->cmd_flags & REQ_OP_MASK)
#define rq_data_dir(rq) (req_op(rq) == REQ_OP_WRITE ? WRITE : READ)
#define blk_rq_is_passthrough(rq) ((rq)->cmd_type != REQ_TYPE_FS)
#define blk_fs_request(rq) ((rq)->cmd_type == REQ_TYPE_FS)

struct req_iterator {
    struct bvec_iter iter;
    struct bio *bio;
};
/* for (bvec in every bio of rq): struct bio_vec bvec; struct req_iterator iter. */
#define rq_for_each_segment(bvl, _rq, _iter)                                  \
    for ((_iter).bio = (_rq)->bio; (_iter).bio; (_iter).bio = (_iter).bio->bi_next) \
        bio_for_each_segment(bvl, (_iter).bio, (_iter).iter)

/* The old interface: `rfn` runs with *lock held and interrupts off whenever
 * requests are queued (lock NULL: the queue's own). */
struct request_queue *blk_init_queue(request_fn_proc *rfn, spinlock_t *lock);
/* The next queued request, now started (removed from the queue), or NULL. */
struct request *blk_fetch_request(struct request_queue *q);
struct request *blk_peek_request(struct request_queue *q);
void blk_start_request(struct request *rq);
/* Completion. The __ forms expect the queue lock held; they return true
 * while bytes of the request remain. */
bool __blk_end_request(struct request *rq, int error, unsigned int nr_bytes);
void __blk_end_request_all(struct request *rq, int error);
bool __blk_end_request_cur(struct request *rq, int error);
bool blk_end_request(struct request *rq, int error, unsigned int nr_bytes);
void blk_end_request_all(struct request *rq, int error);
bool blk_end_request_cur(struct request *rq, int error);

/* The bio interface: `mfn` gets each bio and calls bio_endio. */
struct request_queue *blk_alloc_queue(gfp_t gfp_mask);
void blk_queue_make_request(struct request_queue *q, make_request_fn *mfn);
void blk_cleanup_queue(struct request_queue *q);
void blk_queue_logical_block_size(struct request_queue *q, unsigned int size);
void blk_queue_physical_block_size(struct request_queue *q, unsigned int size);
void blk_queue_max_hw_sectors(struct request_queue *q, unsigned int sectors);
static inline unsigned int queue_logical_block_size(const struct request_queue *q)
{
    return q && q->logical_block_size ? q->logical_block_size : 512;
}
static inline unsigned int bdev_logical_block_size(struct block_device *bdev)
{
    return queue_logical_block_size(bdev->bd_disk->queue);
}
/* Size in 512-byte sectors; whether writes are refused (never, here). */
sector_t bdev_nr_sectors(struct block_device *bdev);
bool bdev_read_only(struct block_device *bdev);

/* Opening a block device from the kernel (a file system's mount): by path or
 * number. FMODE_EXCL with `holder` claims it (-EBUSY if someone else did). */
#define FMODE_EXCL ((fmode_t)0x80)
struct block_device *blkdev_get_by_path(const char *path, fmode_t mode, void *holder);
struct block_device *blkdev_get_by_dev(dev_t dev, fmode_t mode, void *holder);
void blkdev_put(struct block_device *bdev, fmode_t mode);
/* Sets the buffer-cache block size (512..PAGE_SIZE, power of two); writes back
 * and drops buffers of the old size. 0 or -EINVAL. */
int set_blocksize(struct block_device *bdev, int size);
/* Writes back every dirty buffer of the device (and of its partitions, for a disk). */
int sync_blockdev(struct block_device *bdev);
/* Writes back and forgets the buffers (BLKFLSBUF, last close). */
void invalidate_bdev(struct block_device *bdev);
/* O_DIRECT's transfer (kernlab's; Linux's lives inside its dio code): moves
 * `count` bytes between the user's buffer and the disk from `sector` on, the
 * user's pages as the bios' segments. Buffer and count are whole 512-byte
 * sectors (the caller checks). Bytes moved, or -errno (-EFAULT) if none. */
ssize_t blkdev_user_io(struct block_device *bdev, int op, sector_t sector, char __user *buffer, size_t count);
/* Re-reads the partition table of a disk: -EBUSY while a partition is open. */
int blkdev_reread_part(struct block_device *bdev);

extern const struct file_operations def_blk_fops;

#ifdef __cplusplus
}
#endif

#endif
