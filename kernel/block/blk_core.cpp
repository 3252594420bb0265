// Request queues and bios: the request_fn path (a request per bio, handed to the
// driver under its queue lock with interrupts off) and the make_request path.
#include "blk.h"
#include <linux/blk-mq.h>
#include <kernel/completion.h>
#include <kernel/mm.h>
#include <libk/string.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/jiffies.h>

namespace {

void free_request(request* rq) { kfree(rq); }

// Ends one bio of a finished request with the request's error.
void finish_bio(bio* b, int error)
{
    end_bio(b, error ? errno_to_blk_status(error) : BLK_STS_OK, error);
}

void wait_end_io(bio* b)
{
    static_cast<Completion*>(b->bi_private)->complete();
}

void account(block_device* bdev, int dir, unsigned bytes, unsigned long ms)
{
    for (block_device* b = bdev; b; b = (b->bd_contains == b ? nullptr : b->bd_contains)) {
        b->bd_stats.ios[dir]++;
        b->bd_stats.sectors[dir] += bytes >> 9;
        b->bd_stats.ticks[dir] += ms;
        b->bd_stats.io_ticks += ms;
        b->bd_stats.time_in_queue += ms;
    }
}

} // namespace

void end_bio(bio* b, blk_status_t status, int error)
{
    b->bi_next = nullptr;
    if (status) {
        b->bi_status = status;
        b->bi_error = error ? error : blk_status_to_errno(status);
    }
    bio_endio(b);
}

void blk_advance_request(request* rq, unsigned int nr_bytes, blk_status_t status, int error)
{
    while (nr_bytes && rq->bio) {
        bio* b = rq->bio;
        unsigned n = nr_bytes < b->bi_iter.bi_size ? nr_bytes : b->bi_iter.bi_size;
        bio_advance_iter(b, &b->bi_iter, n);
        rq->__sector += n >> 9;
        rq->__data_len -= n;
        nr_bytes -= n;
        if (b->bi_iter.bi_size == 0) {
            rq->bio = b->bi_next;
            end_bio(b, status, error);
        }
    }
}

extern "C" void bio_init(
    struct bio* b, struct block_device* bdev, struct bio_vec* table, unsigned short max_vecs, unsigned int opf)
{
    *b = bio {};
    b->bi_bdev = bdev;
    b->bi_opf = opf;
    b->bi_io_vec = table ? table : b->bi_inline_vecs;
    b->bi_max_vecs = table ? max_vecs : BIO_INLINE_VECS;
}

// More segments than fit inline go in the same allocation, after the bio.
extern "C" struct bio* bio_alloc(unsigned int, unsigned int nr_vecs)
{
    if (nr_vecs > BIO_MAX_VECS)
        return nullptr;
    size_t extra = nr_vecs > BIO_INLINE_VECS ? nr_vecs * sizeof(bio_vec) : 0;
    auto* b = static_cast<bio*>(kmalloc(sizeof(bio) + extra, GFP_KERNEL));
    if (b)
        bio_init(b, nullptr, extra ? reinterpret_cast<bio_vec*>(b + 1) : nullptr, static_cast<unsigned short>(nr_vecs), 0);
    return b;
}

extern "C" void bio_put(struct bio* b) { kfree(b); }

extern "C" int bio_add_page(struct bio* b, struct page* page, unsigned int len, unsigned int offset)
{
    if (b->bi_vcnt >= b->bi_max_vecs || offset + len > PAGE_SIZE)
        return 0;
    b->bi_io_vec[b->bi_vcnt++] = bio_vec { page, len, offset };
    b->bi_iter.bi_size += len;
    return static_cast<int>(len);
}

extern "C" void bio_endio(struct bio* b)
{
    if (b->bi_status && !b->bi_error)
        b->bi_error = -EIO;
    if (b->bi_end_io)
        b->bi_end_io(b);
}

extern "C" void submit_bio(struct bio* b)
{
    block_device* bdev = b->bi_bdev;
    gendisk* disk = bdev ? bdev->bd_disk : nullptr;
    request_queue* q = disk ? disk->queue : nullptr;
    if (!q || q->dead || (!q->request_fn && !q->make_request_fn && !q->mq_ops)) {
        bio_io_error(b);
        return;
    }
    if (b->bi_iter.bi_sector + (b->bi_iter.bi_size >> 9) > bdev->bd_nr_sectors) {
        bio_io_error(b);   // past the end of the partition or disk
        return;
    }
    b->bi_iter.bi_sector += bdev->bd_start_sect;   // partitions share the disk's queue
    b->bi_disk = disk;
    if (q->mq_ops) {
        blk_mq_submit_bio(q, b);
        return;
    }
    if (q->make_request_fn) {
        q->make_request_fn(q, b);
        return;
    }
    auto* rq = static_cast<request*>(kzalloc(sizeof(request), GFP_KERNEL));
    if (!rq) {
        bio_io_error(b);
        return;
    }
    rq->q = q;
    rq->rq_disk = disk;
    rq->part = bdev;
    rq->cmd_type = REQ_TYPE_FS;
    rq->cmd_flags = b->bi_opf;
    rq->__sector = b->bi_iter.bi_sector;
    rq->__data_len = b->bi_iter.bi_size;
    rq->bio = rq->biotail = b;
    rq->start_jiffies = jiffies;
    unsigned long flags;
    spin_lock_irqsave(q->queue_lock, flags);
    request** tail = &q->queue_head;
    while (*tail)
        tail = &(*tail)->next_queued;
    *tail = rq;
    q->request_fn(q);   // with the queue lock held and interrupts off, as Linux did
    spin_unlock_irqrestore(q->queue_lock, flags);
}

extern "C" int submit_bio_wait(struct bio* b)
{
    Completion done;
    b->bi_private = &done;
    b->bi_end_io = wait_end_io;
    block_device* bdev = b->bi_bdev;
    int dir = bio_data_dir(b);
    unsigned bytes = b->bi_iter.bi_size;
    unsigned long start = jiffies;
    submit_bio(b);
    done.wait();
    if (bdev)
        account(bdev, dir, bytes, (jiffies - start) * 1000 / HZ);
    return b->bi_error ? b->bi_error : (b->bi_status ? -EIO : 0);
}

size_t bio_max_bytes(const block_device* bdev)
{
    const request_queue* q = bdev->bd_disk ? bdev->bd_disk->queue : nullptr;
    return q && q->max_hw_sectors ? static_cast<size_t>(q->max_hw_sectors) << 9 : PAGE_SIZE;
}

int blk_rw_direct(block_device* bdev, int op, sector_t sector, void* buffer, unsigned bytes)
{
    bio b;
    bio_init(&b, bdev, nullptr, 0, static_cast<unsigned>(op));
    b.bi_iter.bi_sector = sector;
    auto address = reinterpret_cast<unsigned long>(buffer);
    while (bytes) {
        unsigned offset = address & (PAGE_SIZE - 1);
        unsigned piece = PAGE_SIZE - offset < bytes ? PAGE_SIZE - offset : bytes;
        if (!bio_add_page(&b, reinterpret_cast<page*>(address & PAGE_MASK), piece, offset))
            return -EINVAL;
        address += piece;
        bytes -= piece;
    }
    return submit_bio_wait(&b);
}

// ---- the request_fn interface ----

extern "C" struct request_queue* blk_init_queue(request_fn_proc* rfn, spinlock_t* lock)
{
    auto* q = static_cast<request_queue*>(kzalloc(sizeof(request_queue), GFP_KERNEL));
    if (!q)
        return nullptr;
    q->request_fn = rfn;
    spin_lock_init(&q->__queue_lock);
    q->queue_lock = lock ? lock : &q->__queue_lock;
    q->logical_block_size = 512;
    q->max_hw_sectors = 255;
    return q;
}

extern "C" struct request* blk_peek_request(struct request_queue* q)
{
    return q->queue_head;
}

extern "C" void blk_start_request(struct request* rq)
{
    request_queue* q = rq->q;
    for (request** p = &q->queue_head; *p; p = &(*p)->next_queued) {
        if (*p == rq) {
            *p = rq->next_queued;
            break;
        }
    }
    rq->next_queued = nullptr;
    INIT_LIST_HEAD(&rq->queuelist);
}

extern "C" struct request* blk_fetch_request(struct request_queue* q)
{
    request* rq = blk_peek_request(q);
    if (rq)
        blk_start_request(rq);
    return rq;
}

extern "C" bool __blk_end_request(struct request* rq, int error, unsigned int nr_bytes)
{
    if (error)
        rq->errors = error;
    blk_advance_request(rq, nr_bytes, rq->errors ? errno_to_blk_status(rq->errors) : BLK_STS_OK, rq->errors);
    if (rq->bio && rq->__data_len)
        return true;
    while (rq->bio) {
        bio* b = rq->bio;
        rq->bio = b->bi_next;
        finish_bio(b, rq->errors ? rq->errors : -EIO);
    }
    free_request(rq);
    return false;
}

extern "C" void __blk_end_request_all(struct request* rq, int error)
{
    __blk_end_request(rq, error, rq->__data_len ? rq->__data_len : ~0u);
}

extern "C" bool __blk_end_request_cur(struct request* rq, int error)
{
    return __blk_end_request(rq, error, blk_rq_cur_bytes(rq));
}

extern "C" bool blk_end_request(struct request* rq, int error, unsigned int nr_bytes)
{
    spinlock_t* lock = rq->q->queue_lock;
    unsigned long flags;
    spin_lock_irqsave(lock, flags);
    bool more = __blk_end_request(rq, error, nr_bytes);
    spin_unlock_irqrestore(lock, flags);
    return more;
}

extern "C" void blk_end_request_all(struct request* rq, int error)
{
    blk_end_request(rq, error, rq->__data_len ? rq->__data_len : ~0u);
}

extern "C" bool blk_end_request_cur(struct request* rq, int error)
{
    return blk_end_request(rq, error, blk_rq_cur_bytes(rq));
}

// ---- the make_request interface ----

extern "C" struct request_queue* blk_alloc_queue(gfp_t)
{
    auto* q = blk_init_queue(nullptr, nullptr);
    return q;
}

extern "C" void blk_queue_make_request(struct request_queue* q, make_request_fn* mfn)
{
    q->make_request_fn = mfn;
}

extern "C" void blk_cleanup_queue(struct request_queue* q)
{
    if (!q)
        return;
    if (q->mq_ops) {
        blk_mq_destroy_queue(q);
        if (!q->owned_by_disk)   // else put_disk frees it
            blk_mq_free_queue(q);
        return;
    }
    if (q->owned_by_disk) {      // 5.x drivers clean up the queue, then put the disk
        q->dead = 1;
        return;
    }
    // Requests nobody fetched fail now.
    unsigned long flags;
    spin_lock_irqsave(q->queue_lock, flags);
    q->dead = 1;
    while (request* rq = q->queue_head) {
        blk_start_request(rq);
        __blk_end_request_all(rq, -EIO);
    }
    spin_unlock_irqrestore(q->queue_lock, flags);
    kfree(q);
}

extern "C" void blk_queue_logical_block_size(struct request_queue* q, unsigned int size)
{
    q->logical_block_size = size;
}

extern "C" void blk_queue_physical_block_size(struct request_queue*, unsigned int) { }

extern "C" void blk_queue_max_hw_sectors(struct request_queue* q, unsigned int sectors)
{
    q->max_hw_sectors = sectors;
}

EXPORT_SYMBOL(bio_init);
EXPORT_SYMBOL(bio_alloc);
EXPORT_SYMBOL(bio_put);
EXPORT_SYMBOL(bio_add_page);
EXPORT_SYMBOL(bio_endio);
EXPORT_SYMBOL(submit_bio);
EXPORT_SYMBOL(submit_bio_wait);
EXPORT_SYMBOL(blk_init_queue);
EXPORT_SYMBOL(blk_peek_request);
EXPORT_SYMBOL(blk_start_request);
EXPORT_SYMBOL(blk_fetch_request);
EXPORT_SYMBOL(__blk_end_request);
EXPORT_SYMBOL(__blk_end_request_all);
EXPORT_SYMBOL(__blk_end_request_cur);
EXPORT_SYMBOL(blk_end_request);
EXPORT_SYMBOL(blk_end_request_all);
EXPORT_SYMBOL(blk_end_request_cur);
EXPORT_SYMBOL(blk_alloc_queue);
EXPORT_SYMBOL(blk_queue_make_request);
EXPORT_SYMBOL(blk_cleanup_queue);
EXPORT_SYMBOL(blk_queue_logical_block_size);
EXPORT_SYMBOL(blk_queue_physical_block_size);
EXPORT_SYMBOL(blk_queue_max_hw_sectors);

extern "C" int blk_status_to_errno(blk_status_t status)
{
    switch (status) {
    case BLK_STS_OK: return 0;
    case BLK_STS_NOTSUPP: return -EOPNOTSUPP;
    case BLK_STS_TIMEOUT: return -ETIMEDOUT;
    case BLK_STS_NOSPC: return -ENOSPC;
    case BLK_STS_TRANSPORT: return -ENOLINK;
    case BLK_STS_TARGET: return -EREMOTEIO;
    case BLK_STS_NEXUS: return -EBADE;
    case BLK_STS_MEDIUM: return -ENODATA;
    case BLK_STS_PROTECTION: return -EILSEQ;
    case BLK_STS_RESOURCE: return -ENOMEM;
    case BLK_STS_DEV_RESOURCE: return -EBUSY;
    case BLK_STS_AGAIN: return -EAGAIN;
    default: return -EIO;
    }
}

extern "C" blk_status_t errno_to_blk_status(int error)
{
    for (int status = BLK_STS_OK; status <= BLK_STS_DEV_RESOURCE; ++status)
        if (error != -EIO && blk_status_to_errno(static_cast<blk_status_t>(status)) == error)
            return static_cast<blk_status_t>(status);
    return BLK_STS_IOERR;
}

EXPORT_SYMBOL(blk_status_to_errno);
EXPORT_SYMBOL(errno_to_blk_status);
