/* The multi-queue block interface (Linux 5.x/6.x blk-mq): a driver describes
 * its hardware queues in a tag set (ops, nr_hw_queues, queue_depth, cmd_size),
 * gets a disk with blk_mq_alloc_disk, and its .queue_rq receives each request:
 * blk_mq_start_request, move the data (rq_for_each_segment), then
 * blk_mq_end_request, there or later (an interrupt, a work item). Each hardware
 * queue has queue_depth preallocated requests (tags), each followed by the
 * driver's cmd_size bytes (blk_mq_rq_to_pdu). kernlab has one CPU, so every
 * request goes to hardware queue 0, as Linux maps a single CPU; requests do
 * not time out. C-compatible. */
#ifndef _LINUX_BLK_MQ_H
#define _LINUX_BLK_MQ_H

#include <linux/blkdev.h>
#include <linux/err.h>
#include <linux/highmem.h>

#ifdef __cplusplus
extern "C" {
#endif

struct blk_mq_tag_set;
struct blk_mq_tags;   /* the kernel's: free tags and their requests */

/* One hardware queue of a request queue. */
struct blk_mq_hw_ctx {
    struct request_queue *queue;
    void *driver_data;            /* the driver's, set in .init_hctx */
    unsigned int queue_num;
    struct blk_mq_tags *tags;
    unsigned long queued;         /* requests handed to .queue_rq */
};

struct blk_mq_queue_data {
    struct request *rq;
    bool last;                    /* no more requests follow now (always, here) */
};

enum blk_eh_timer_return {
    BLK_EH_DONE,
    BLK_EH_RESET_TIMER,
};

struct blk_mq_ops {
    /* Takes the request: BLK_STS_OK (the driver ends it), BLK_STS_RESOURCE or
     * BLK_STS_DEV_RESOURCE (busy: handed again a little later), other errors
     * end it at once with that status. */
    blk_status_t (*queue_rq)(struct blk_mq_hw_ctx *hctx, const struct blk_mq_queue_data *bd);
    void (*commit_rqs)(struct blk_mq_hw_ctx *hctx);
    /* What blk_mq_complete_request runs. */
    void (*complete)(struct request *rq);
    int (*init_hctx)(struct blk_mq_hw_ctx *hctx, void *data, unsigned int hctx_idx);
    void (*exit_hctx)(struct blk_mq_hw_ctx *hctx, unsigned int hctx_idx);
    /* Once for each preallocated request (its pdu), at tag set allocation. */
    int (*init_request)(struct blk_mq_tag_set *set, struct request *rq, unsigned int hctx_idx,
                        unsigned int numa_node);
    void (*exit_request)(struct blk_mq_tag_set *set, struct request *rq, unsigned int hctx_idx);
    enum blk_eh_timer_return (*timeout)(struct request *rq);
};

enum {
    BLK_MQ_F_SHOULD_MERGE = 1 << 0,
    BLK_MQ_F_TAG_QUEUE_SHARED = 1 << 1,
    BLK_MQ_F_STACKING = 1 << 2,
    BLK_MQ_F_TAG_HCTX_SHARED = 1 << 3,
    BLK_MQ_F_BLOCKING = 1 << 5,   /* .queue_rq may sleep (it may here anyway) */
    BLK_MQ_F_NO_SCHED = 1 << 6,
};

#define BLK_MQ_MAX_DEPTH 10240
#ifndef NUMA_NO_NODE
#define NUMA_NO_NODE (-1)
#endif

struct blk_mq_tag_set {
    const struct blk_mq_ops *ops;
    unsigned int nr_hw_queues;    /* at least 1 */
    unsigned int queue_depth;     /* requests in flight per hardware queue */
    unsigned int reserved_tags;
    unsigned int cmd_size;        /* the driver's bytes after each request */
    int numa_node;
    unsigned int timeout;
    unsigned int flags;           /* BLK_MQ_F_* */
    void *driver_data;
    struct blk_mq_tags **tags;    /* one per hardware queue (the kernel's) */
};

enum mq_rq_state {
    MQ_RQ_IDLE = 0,
    MQ_RQ_IN_FLIGHT = 1,
    MQ_RQ_COMPLETE = 2,
};

/* 0 or -EINVAL (no ops or .queue_rq, no queues, depth 0), -ENOMEM, or what
 * .init_request returned. */
int blk_mq_alloc_tag_set(struct blk_mq_tag_set *set);
int blk_mq_alloc_sq_tag_set(struct blk_mq_tag_set *set, const struct blk_mq_ops *ops, unsigned int queue_depth,
                            unsigned int set_flags);
void blk_mq_free_tag_set(struct blk_mq_tag_set *set);

/* A disk with its request queue (Linux 5.15-6.8: set, queuedata); ERR_PTR on
 * failure. The driver sets major/first_minor/minors (or leaves major 0 for a
 * number of its own), fops, disk_name and capacity, then add_disk. del_gendisk
 * and put_disk undo it (put_disk frees the queue too). */
struct gendisk *blk_mq_alloc_disk(struct blk_mq_tag_set *set, void *queuedata);
/* The queue alone (5.x): disk->queue = q; blk_cleanup_queue (or
 * blk_mq_destroy_queue, 6.0+) frees it. ERR_PTR on failure. */
struct request_queue *blk_mq_init_queue(struct blk_mq_tag_set *set);
struct request_queue *blk_mq_init_sq_queue(struct blk_mq_tag_set *set, const struct blk_mq_ops *ops,
                                           unsigned int queue_depth, unsigned int set_flags);
void blk_mq_destroy_queue(struct request_queue *q);

/* The driver starts working on rq (call it first in .queue_rq). */
void blk_mq_start_request(struct request *rq);
/* Completes nr_bytes of rq with `error`; true while bytes remain. */
bool blk_update_request(struct request *rq, blk_status_t error, unsigned int nr_bytes);
/* Ends the whole request: its bios finish with `error`, its tag is free again. */
void blk_mq_end_request(struct request *rq, blk_status_t error);
/* Ends a request whose bytes blk_update_request already completed. */
void __blk_mq_end_request(struct request *rq, blk_status_t error);
/* Runs the driver's .complete for rq (Linux's deferred completion). */
void blk_mq_complete_request(struct request *rq);

static inline void *blk_mq_rq_to_pdu(struct request *rq) { return rq + 1; }
static inline struct request *blk_mq_rq_from_pdu(void *pdu) { return (struct request *)pdu - 1; }
static inline enum mq_rq_state blk_mq_rq_state(struct request *rq) { return (enum mq_rq_state)rq->state; }
static inline bool blk_mq_request_started(struct request *rq) { return rq->state != MQ_RQ_IDLE; }
static inline unsigned int blk_mq_unique_tag(struct request *rq)
{
    return (rq->mq_hctx->queue_num << 16) | (rq->tag & 0xffff);
}

/* Segments (bio_vecs) of the request. */
static inline unsigned short blk_rq_nr_phys_segments(struct request *rq)
{
    unsigned short count = 0;
    struct bio *bio;
    for (bio = rq->bio; bio; bio = bio->bi_next)
        count += bio->bi_vcnt;
    return count;
}

#define queue_for_each_hw_ctx(q, hctx, i) \
    for ((i) = 0; (i) < (q)->nr_hw_queues && ({ hctx = &(q)->queue_hw_ctx[i]; 1; }); (i)++)

#ifdef __cplusplus
}
#endif

#endif
