// blk-mq (Linux's block/blk-mq.c) in its simplest real form: a tag set holds
// queue_depth preallocated requests per hardware queue (each followed by the
// driver's cmd_size bytes); submit_bio takes a free tag, makes the bio that
// request and hands it to the driver's .queue_rq; blk_mq_end_request finishes
// its bios and frees the tag. One CPU maps to hardware queue 0, as on Linux.
#include "blk.h"
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <kernel/wait.h>
#include <linux/blk-mq.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/jiffies.h>
#include <linux/printk.h>
#include <new>

// The tags of one hardware queue: its requests, which are in use, and where
// a submitter waits for one.
struct blk_mq_tags {
    unsigned int nr_tags;
    request** rqs;
    bool* busy;
    WaitQueue free_wait;
};

namespace {

// How long a request the driver called busy waits before it is handed again.
constexpr unsigned busy_retry_ms = 3;

void free_tags(blk_mq_tag_set* set, unsigned hctx_idx)
{
    blk_mq_tags* tags = set->tags[hctx_idx];
    if (!tags)
        return;
    for (unsigned i = 0; i < tags->nr_tags; ++i) {
        if (!tags->rqs[i])
            continue;
        if (set->ops->exit_request)
            set->ops->exit_request(set, tags->rqs[i], hctx_idx);
        kfree(tags->rqs[i]);
    }
    kfree(tags->rqs);
    kfree(tags->busy);
    tags->~blk_mq_tags();
    kfree(tags);
    set->tags[hctx_idx] = nullptr;
}

int alloc_tags(blk_mq_tag_set* set, unsigned hctx_idx)
{
    void* memory = kzalloc(sizeof(blk_mq_tags), GFP_KERNEL);
    if (!memory)
        return -ENOMEM;
    auto* tags = new (memory) blk_mq_tags {};
    set->tags[hctx_idx] = tags;
    tags->rqs = static_cast<request**>(kzalloc(sizeof(request*) * set->queue_depth, GFP_KERNEL));
    tags->busy = static_cast<bool*>(kzalloc(set->queue_depth, GFP_KERNEL));
    if (!tags->rqs || !tags->busy)
        return -ENOMEM;
    for (unsigned i = 0; i < set->queue_depth; ++i) {
        auto* rq = static_cast<request*>(kzalloc(sizeof(request) + set->cmd_size, GFP_KERNEL));
        if (!rq)
            return -ENOMEM;
        rq->tag = static_cast<int>(i);
        rq->internal_tag = -1;
        INIT_LIST_HEAD(&rq->queuelist);
        tags->rqs[i] = rq;
        tags->nr_tags = i + 1;
        if (set->ops->init_request) {
            int numa_node = set->numa_node < 0 ? 0 : set->numa_node;
            if (int error = set->ops->init_request(set, rq, hctx_idx, static_cast<unsigned>(numa_node)))
                return error;
        }
    }
    return 0;
}

// A free request of the hardware queue, waiting for one if all are in flight.
request* get_request(blk_mq_hw_ctx* hctx)
{
    blk_mq_tags* tags = hctx->tags;
    request* taken = nullptr;
    tags->free_wait.wait_until([&] {
        unsigned long flags;
        spin_lock_irqsave(&hctx->queue->__queue_lock, flags);
        for (unsigned i = 0; i < tags->nr_tags && !taken; ++i) {
            if (!tags->busy[i]) {
                tags->busy[i] = true;
                taken = tags->rqs[i];
            }
        }
        spin_unlock_irqrestore(&hctx->queue->__queue_lock, flags);
        return taken != nullptr;
    });
    return taken;
}

void put_request(request* rq)
{
    blk_mq_hw_ctx* hctx = rq->mq_hctx;
    blk_mq_tags* tags = hctx->tags;
    rq->state = MQ_RQ_IDLE;
    rq->bio = rq->biotail = nullptr;
    unsigned long flags;
    spin_lock_irqsave(&hctx->queue->__queue_lock, flags);
    tags->busy[rq->tag] = false;
    spin_unlock_irqrestore(&hctx->queue->__queue_lock, flags);
    tags->free_wait.wake_up_one();
}

} // namespace

extern "C" int blk_mq_alloc_tag_set(struct blk_mq_tag_set* set)
{
    if (!set->ops || !set->ops->queue_rq || !set->nr_hw_queues || !set->queue_depth)
        return -EINVAL;
    if (set->queue_depth > BLK_MQ_MAX_DEPTH)
        set->queue_depth = BLK_MQ_MAX_DEPTH;
    set->tags = static_cast<blk_mq_tags**>(kzalloc(sizeof(blk_mq_tags*) * set->nr_hw_queues, GFP_KERNEL));
    if (!set->tags)
        return -ENOMEM;
    for (unsigned i = 0; i < set->nr_hw_queues; ++i) {
        if (int error = alloc_tags(set, i)) {
            blk_mq_free_tag_set(set);
            return error;
        }
    }
    return 0;
}

extern "C" int blk_mq_alloc_sq_tag_set(struct blk_mq_tag_set* set, const struct blk_mq_ops* ops,
    unsigned int queue_depth, unsigned int set_flags)
{
    *set = blk_mq_tag_set {};
    set->ops = ops;
    set->nr_hw_queues = 1;
    set->queue_depth = queue_depth;
    set->numa_node = NUMA_NO_NODE;
    set->flags = set_flags;
    return blk_mq_alloc_tag_set(set);
}

extern "C" void blk_mq_free_tag_set(struct blk_mq_tag_set* set)
{
    if (!set->tags)
        return;
    for (unsigned i = 0; i < set->nr_hw_queues; ++i)
        free_tags(set, i);
    kfree(set->tags);
    set->tags = nullptr;
}

extern "C" struct request_queue* blk_mq_init_queue(struct blk_mq_tag_set* set)
{
    if (!set->tags)
        return static_cast<request_queue*>(ERR_PTR(-EINVAL));
    request_queue* q = blk_init_queue(nullptr, nullptr);
    if (!q)
        return static_cast<request_queue*>(ERR_PTR(-ENOMEM));
    q->queue_hw_ctx = static_cast<blk_mq_hw_ctx*>(kzalloc(sizeof(blk_mq_hw_ctx) * set->nr_hw_queues, GFP_KERNEL));
    if (!q->queue_hw_ctx) {
        kfree(q);
        return static_cast<request_queue*>(ERR_PTR(-ENOMEM));
    }
    q->mq_ops = set->ops;
    q->tag_set = set;
    q->max_hw_sectors = 255;
    for (unsigned i = 0; i < set->nr_hw_queues; ++i) {
        blk_mq_hw_ctx* hctx = &q->queue_hw_ctx[i];
        hctx->queue = q;
        hctx->queue_num = i;
        hctx->tags = set->tags[i];
        if (set->ops->init_hctx) {
            if (int error = set->ops->init_hctx(hctx, set->driver_data, i)) {
                while (i--)
                    if (set->ops->exit_hctx)
                        set->ops->exit_hctx(&q->queue_hw_ctx[i], i);
                kfree(q->queue_hw_ctx);
                kfree(q);
                return static_cast<request_queue*>(ERR_PTR(error));
            }
        }
        q->nr_hw_queues = i + 1;
    }
    return q;
}

extern "C" struct request_queue* blk_mq_init_sq_queue(struct blk_mq_tag_set* set, const struct blk_mq_ops* ops,
    unsigned int queue_depth, unsigned int set_flags)
{
    if (int error = blk_mq_alloc_sq_tag_set(set, ops, queue_depth, set_flags))
        return static_cast<request_queue*>(ERR_PTR(error));
    request_queue* q = blk_mq_init_queue(set);
    if (IS_ERR(q))
        blk_mq_free_tag_set(set);
    return q;
}

extern "C" struct gendisk* blk_mq_alloc_disk(struct blk_mq_tag_set* set, void* queuedata)
{
    request_queue* q = blk_mq_init_queue(set);
    if (IS_ERR(q))
        return static_cast<gendisk*>(static_cast<void*>(q));
    // Linux's disk starts without numbers: the driver sets them, or add_disk picks one.
    gendisk* disk = alloc_disk(0);
    if (!disk) {
        blk_mq_destroy_queue(q);
        blk_mq_free_queue(q);
        return static_cast<gendisk*>(ERR_PTR(-ENOMEM));
    }
    q->queuedata = queuedata;
    q->owned_by_disk = 1;
    disk->owns_queue = 1;
    disk->queue = q;
    return disk;
}

extern "C" void blk_mq_destroy_queue(struct request_queue* q)
{
    if (q->dead)
        return;
    q->dead = 1;   // submit_bio fails new bios from now on
    for (unsigned i = 0; i < q->nr_hw_queues; ++i)
        if (q->mq_ops->exit_hctx)
            q->mq_ops->exit_hctx(&q->queue_hw_ctx[i], i);
}

void blk_mq_free_queue(request_queue* q)
{
    kfree(q->queue_hw_ctx);
    kfree(q);
}

void blk_mq_submit_bio(request_queue* q, bio* b)
{
    blk_mq_hw_ctx* hctx = &q->queue_hw_ctx[0];   // the one CPU's queue
    request* rq = get_request(hctx);
    rq->q = q;
    rq->mq_hctx = hctx;
    rq->rq_disk = b->bi_disk;
    rq->part = b->bi_bdev;
    rq->cmd_type = REQ_TYPE_FS;
    rq->cmd_flags = b->bi_opf;
    rq->rq_flags = 0;
    rq->errors = 0;
    rq->__sector = b->bi_iter.bi_sector;
    rq->__data_len = b->bi_iter.bi_size;
    rq->bio = rq->biotail = b;
    rq->start_jiffies = jiffies;
    rq->state = MQ_RQ_IDLE;
    INIT_LIST_HEAD(&rq->queuelist);
    blk_mq_queue_data data { rq, true };
    for (;;) {
        ++hctx->queued;
        blk_status_t status = q->mq_ops->queue_rq(hctx, &data);
        if (status == BLK_STS_OK)
            return;
        if (status != BLK_STS_RESOURCE && status != BLK_STS_DEV_RESOURCE) {
            blk_mq_end_request(rq, status);
            return;
        }
        // Busy: the driver did not take it. Hand it again a little later.
        rq->state = MQ_RQ_IDLE;
        msleep(busy_retry_ms);
    }
}

extern "C" void blk_mq_start_request(struct request* rq)
{
    rq->state = MQ_RQ_IN_FLIGHT;
    rq->start_jiffies = jiffies;
}

extern "C" bool blk_update_request(struct request* rq, blk_status_t error, unsigned int nr_bytes)
{
    blk_advance_request(rq, nr_bytes, error);
    if (!rq->bio)
        rq->biotail = nullptr;
    return rq->bio != nullptr;
}

extern "C" void __blk_mq_end_request(struct request* rq, blk_status_t error)
{
    // Bios the driver left unfinished fail (Linux would BUG here).
    while (bio* b = rq->bio) {
        rq->bio = b->bi_next;
        end_bio(b, error ? error : BLK_STS_IOERR);
    }
    rq->state = MQ_RQ_COMPLETE;
    put_request(rq);
}

extern "C" void blk_mq_end_request(struct request* rq, blk_status_t error)
{
    blk_update_request(rq, error, rq->__data_len);
    __blk_mq_end_request(rq, error);
}

extern "C" void blk_mq_complete_request(struct request* rq)
{
    if (rq->q->mq_ops->complete)
        rq->q->mq_ops->complete(rq);
    else
        blk_mq_end_request(rq, BLK_STS_OK);
}

EXPORT_SYMBOL(blk_mq_alloc_tag_set);
EXPORT_SYMBOL(blk_mq_alloc_sq_tag_set);
EXPORT_SYMBOL(blk_mq_free_tag_set);
EXPORT_SYMBOL(blk_mq_init_queue);
EXPORT_SYMBOL(blk_mq_init_sq_queue);
EXPORT_SYMBOL(blk_mq_alloc_disk);
EXPORT_SYMBOL(blk_mq_destroy_queue);
EXPORT_SYMBOL(blk_mq_start_request);
EXPORT_SYMBOL(blk_update_request);
EXPORT_SYMBOL(__blk_mq_end_request);
EXPORT_SYMBOL(blk_mq_end_request);
EXPORT_SYMBOL(blk_mq_complete_request);
