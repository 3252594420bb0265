// The buffer cache: blocks of block devices in memory, found by a hash of
// (device, block, size), evicted least recently used when clean, written back
// by sync, fsync, umount, the last close, and the flush thread every 5 s.
#include "blk.h"
#include <kernel/kthread.h>
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <libk/string.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/printk.h>

namespace {

// A buffer_head plus the cache's links (b_private points back here).
struct CachedBuffer {
    buffer_head bh;
    CachedBuffer* hash_next;
    CachedBuffer* lru_prev;   // towards the most recently used
    CachedBuffer* lru_next;
};

constexpr unsigned hash_size = 32768;
constexpr unsigned long min_cache_bytes = 4ul * 1024 * 1024;
constexpr unsigned flush_interval_ms = 5000;

// One lock for the cache and the I/O it does: simple, and I/O is synchronous.
constinit struct mutex cache_lock = __MUTEX_INITIALIZER(cache_lock);
constinit CachedBuffer* hash_table[hash_size] = {};
constinit CachedBuffer* lru_head = nullptr;   // most recently used
constinit CachedBuffer* lru_tail = nullptr;
constinit unsigned long cached_bytes = 0;
constinit unsigned long cached_buffers = 0;
constinit unsigned long dirty_buffers = 0;
constinit bool flusher_started = false;

unsigned hash_of(block_device* bdev, sector_t block, unsigned size)
{
    unsigned long h = reinterpret_cast<unsigned long>(bdev) / 16 + block * 31 + size;
    return static_cast<unsigned>(h ^ (h >> 10)) % hash_size;
}

void lru_unlink(CachedBuffer* c)
{
    if (c->lru_prev)
        c->lru_prev->lru_next = c->lru_next;
    else
        lru_head = c->lru_next;
    if (c->lru_next)
        c->lru_next->lru_prev = c->lru_prev;
    else
        lru_tail = c->lru_prev;
    c->lru_prev = c->lru_next = nullptr;
}

void lru_push_front(CachedBuffer* c)
{
    c->lru_prev = nullptr;
    c->lru_next = lru_head;
    if (lru_head)
        lru_head->lru_prev = c;
    lru_head = c;
    if (!lru_tail)
        lru_tail = c;
}

CachedBuffer* lookup(block_device* bdev, sector_t block, unsigned size)
{
    for (CachedBuffer* c = hash_table[hash_of(bdev, block, size)]; c; c = c->hash_next)
        if (c->bh.b_bdev == bdev && c->bh.b_blocknr == block && c->bh.b_size == size)
            return c;
    return nullptr;
}

void free_buffer(CachedBuffer* c)
{
    buffer_head& bh = c->bh;
    CachedBuffer** p = &hash_table[hash_of(bh.b_bdev, bh.b_blocknr, static_cast<unsigned>(bh.b_size))];
    while (*p && *p != c)
        p = &(*p)->hash_next;
    if (*p)
        *p = c->hash_next;
    lru_unlink(c);
    if (buffer_dirty(&bh))
        --dirty_buffers;
    cached_bytes -= bh.b_size;
    --cached_buffers;
    kfree(bh.b_data);
    kfree(c);
}

// Buffers of adjacent blocks move in one bio, as many as the queue takes
// (max_hw_sectors), not one request a block: the segments are the buffers.
constexpr unsigned max_cluster = 32;

// How many buffers of `size` bytes one bio to `bdev` carries (1 to max_cluster).
unsigned blocks_per_bio(const block_device* bdev, unsigned size)
{
    size_t n = bio_max_bytes(bdev) / size;
    return n < 1 ? 1 : n > max_cluster ? max_cluster : static_cast<unsigned>(n);
}

// Reads or writes `bhs[0..n)`, buffers of adjacent blocks of one device, in
// one bio (n <= blocks_per_bio). 0 or -errno.
int do_io(buffer_head* const* bhs, unsigned n, int op)
{
    block_device* bdev = bhs[0]->b_bdev;
    unsigned size = static_cast<unsigned>(bhs[0]->b_size);
    bio b;
    bio_vec vecs[max_cluster];
    bio_init(&b, bdev, vecs, max_cluster, static_cast<unsigned>(op));
    b.bi_iter.bi_sector = bhs[0]->b_blocknr * (size >> 9);
    for (unsigned i = 0; i < n; ++i) {
        auto address = reinterpret_cast<unsigned long>(bhs[i]->b_data);
        bio_add_page(&b, reinterpret_cast<page*>(address & PAGE_MASK), size, address & ~PAGE_MASK);
    }
    int error = submit_bio_wait(&b);
    if (error)
        printk(KERN_ERR "Buffer I/O error on dev %s, logical block %lu, %s\n", bdev->bd_name,
            static_cast<unsigned long>(bhs[0]->b_blocknr), op == REQ_OP_WRITE ? "lost write" : "read failed");
    return error;
}

// Writes back `bh` if dirty, and with it the dirty buffers of the blocks
// around it, in one run (the cache's walks meet blocks in LRU order, not the
// disk's).
int write_back(buffer_head* bh)
{
    if (!buffer_dirty(bh))
        return 0;
    auto dirty_at = [bh](sector_t block) {
        CachedBuffer* c = lookup(bh->b_bdev, block, static_cast<unsigned>(bh->b_size));
        return c && buffer_dirty(&c->bh) ? &c->bh : nullptr;
    };
    unsigned limit = blocks_per_bio(bh->b_bdev, static_cast<unsigned>(bh->b_size));
    sector_t first = bh->b_blocknr;
    while (first > 0 && bh->b_blocknr - first < limit - 1 && dirty_at(first - 1))
        --first;
    buffer_head* run[max_cluster] = {};   // holds bh at least: it is dirty
    unsigned n = 0;
    for (buffer_head* next = dirty_at(first); next && n < limit; next = dirty_at(first + n))
        run[n++] = next;
    if (int error = do_io(run, n, REQ_OP_WRITE))
        return error;
    for (unsigned i = 0; i < n; ++i) {
        clear_buffer_dirty(run[i]);
        --dirty_buffers;
    }
    return 0;
}

// The cache grows to an eighth of memory, at least 4 MiB: a file read again
// comes from memory, as from Linux's page cache, which takes what is free.
// When memory runs short, the OOM killer takes it back first
// (buffer_cache_reclaim).
unsigned long cache_limit()
{
    static unsigned long limit = 0;
    if (!limit) {
        limit = static_cast<unsigned long>(page_alloc_total_pages()) * PAGE_SIZE / 8;
        if (limit < min_cache_bytes)
            limit = min_cache_bytes;
    }
    return limit;
}

// Frees unused buffers from the cold end until the cache fits; dirty ones
// are written first.
void shrink()
{
    CachedBuffer* c = lru_tail;
    while (c && cached_bytes > cache_limit()) {
        CachedBuffer* warmer = c->lru_prev;
        if (c->bh.b_count == 0) {
            write_back(&c->bh);
            if (!buffer_dirty(&c->bh))
                free_buffer(c);
        }
        c = warmer;
    }
}

// Frees clean, unused buffers from the cold end until about `bytes` are gone
// (cache_lock held); returns the bytes freed.
unsigned long free_cold(unsigned long bytes)
{
    unsigned long freed = 0;
    for (CachedBuffer* c = lru_tail; c && freed < bytes;) {
        CachedBuffer* warmer = c->lru_prev;
        if (c->bh.b_count == 0 && !buffer_dirty(&c->bh)) {
            freed += c->bh.b_size;
            free_buffer(c);
        }
        c = warmer;
    }
    return freed;
}

// An unlinked buffer with room for `size` bytes, or nullptr without memory.
CachedBuffer* new_buffer(unsigned size)
{
    auto* c = static_cast<CachedBuffer*>(kzalloc(sizeof(CachedBuffer), GFP_KERNEL));
    char* data = static_cast<char*>(kmalloc(size, GFP_KERNEL));   // one slab object: never crosses a page
    if (!c || !data) {
        kfree(c);
        kfree(data);
        return nullptr;
    }
    c->bh.b_data = data;
    return c;
}

buffer_head* getblk_locked(block_device* bdev, sector_t block, unsigned size)
{
    if (CachedBuffer* c = lookup(bdev, block, size)) {
        ++c->bh.b_count;
        lru_unlink(c);
        lru_push_front(c);
        return &c->bh;
    }
    CachedBuffer* c = new_buffer(size);
    // Short of memory, the cache gives up cold blocks of its own and tries once more.
    if (!c && free_cold(64 * 1024))
        c = new_buffer(size);
    if (!c)
        return nullptr;
    c->bh.b_bdev = bdev;
    c->bh.b_blocknr = block;
    c->bh.b_size = size;
    c->bh.b_count = 1;
    c->bh.b_private = c;
    unsigned h = hash_of(bdev, block, size);
    c->hash_next = hash_table[h];
    hash_table[h] = c;
    lru_push_front(c);
    cached_bytes += size;
    ++cached_buffers;
    shrink();
    return &c->bh;
}

bool valid_request(block_device* bdev, sector_t block, unsigned size)
{
    if (!bdev || !bdev->bd_disk || size < 512 || size > PAGE_SIZE || (size & (size - 1)))
        return false;
    return (block + 1) * (size >> 9) <= bdev->bd_nr_sectors;
}

// A disk's buffers include those of its partitions.
bool belongs_to(const buffer_head* bh, const block_device* bdev)
{
    return bh->b_bdev == bdev || (bdev->bd_partno == 0 && bh->b_bdev->bd_contains == bdev);
}

int sync_matching(const block_device* bdev)
{
    int result = 0;
    for (CachedBuffer* c = lru_head; c; c = c->lru_next)
        if (buffer_dirty(&c->bh) && (!bdev || belongs_to(&c->bh, bdev)))
            if (int error = write_back(&c->bh); error && !result)
                result = error;
    return result;
}

int flush_thread(void*)
{
    for (;;) {
        msleep(flush_interval_ms);
        if (dirty_buffers)
            sync_buffers_all();
    }
    return 0;
}

} // namespace

extern "C" struct buffer_head* __find_get_block(struct block_device* bdev, sector_t block, unsigned size)
{
    mutex_lock(&cache_lock);
    CachedBuffer* c = lookup(bdev, block, size);
    if (c)
        ++c->bh.b_count;
    mutex_unlock(&cache_lock);
    return c ? &c->bh : nullptr;
}

extern "C" struct buffer_head* __getblk(struct block_device* bdev, sector_t block, unsigned size)
{
    if (!valid_request(bdev, block, size))
        return nullptr;
    mutex_lock(&cache_lock);
    buffer_head* bh = getblk_locked(bdev, block, size);
    mutex_unlock(&cache_lock);
    return bh;
}

extern "C" struct buffer_head* __bread(struct block_device* bdev, sector_t block, unsigned size)
{
    if (!valid_request(bdev, block, size))
        return nullptr;
    mutex_lock(&cache_lock);
    buffer_head* bh = getblk_locked(bdev, block, size);
    if (bh && !buffer_uptodate(bh)) {
        if (do_io(&bh, 1, REQ_OP_READ) == 0) {
            set_buffer_uptodate(bh);
        } else {
            --bh->b_count;
            bh = nullptr;
        }
    }
    mutex_unlock(&cache_lock);
    return bh;
}

extern "C" unsigned bread_blocks(
    struct block_device* bdev, sector_t block, unsigned size, struct buffer_head** out, unsigned count)
{
    if (!valid_request(bdev, block, size))
        return 0;
    sector_t blocks_on_device = bdev->bd_nr_sectors / (size >> 9);
    if (count > blocks_on_device - block)
        count = static_cast<unsigned>(blocks_on_device - block);
    unsigned got = 0;
    mutex_lock(&cache_lock);
    for (; got < count; ++got)
        if (!(out[got] = getblk_locked(bdev, block + got, size)))
            break;
    // Each run of buffers not up to date is read in one bio.
    unsigned limit = blocks_per_bio(bdev, size);
    for (unsigned i = 0; i < got;) {
        if (buffer_uptodate(out[i])) {
            ++i;
            continue;
        }
        unsigned n = 1;
        while (i + n < got && n < limit && !buffer_uptodate(out[i + n]))
            ++n;
        if (do_io(out + i, n, REQ_OP_READ)) {
            for (unsigned j = i; j < got; ++j)
                --out[j]->b_count;
            got = i;
            break;
        }
        for (unsigned j = i; j < i + n; ++j)
            set_buffer_uptodate(out[j]);
        i += n;
    }
    mutex_unlock(&cache_lock);
    return got;
}

extern "C" struct buffer_head* sb_bread(struct super_block* sb, sector_t block)
{
    return __bread(sb->s_bdev, block, static_cast<unsigned>(sb->s_blocksize));
}

extern "C" struct buffer_head* sb_getblk(struct super_block* sb, sector_t block)
{
    return __getblk(sb->s_bdev, block, static_cast<unsigned>(sb->s_blocksize));
}

extern "C" void brelse(struct buffer_head* bh)
{
    if (!bh)
        return;
    if (bh->b_count > 0)
        --bh->b_count;
    else
        printk(KERN_WARNING "VFS: brelse: Trying to free free buffer\n");
}

extern "C" void mark_buffer_dirty(struct buffer_head* bh)
{
    if (!buffer_dirty(bh)) {
        bh->b_state |= 1ul << BH_Dirty;
        ++dirty_buffers;
    }
    set_buffer_uptodate(bh);
    if (!flusher_started) {
        flusher_started = true;
        kthread_run(flush_thread, nullptr, "bdflush");
    }
}

extern "C" int sync_dirty_buffer(struct buffer_head* bh)
{
    mutex_lock(&cache_lock);
    int error = write_back(bh);
    mutex_unlock(&cache_lock);
    return error;
}

extern "C" int sync_blockdev(struct block_device* bdev)
{
    if (!bdev || !dirty_buffers)   // nothing dirty anywhere: no walk of the cache
        return 0;
    mutex_lock(&cache_lock);
    int result = sync_matching(bdev);
    mutex_unlock(&cache_lock);
    return result;
}

extern "C" void sync_buffers_all(void)
{
    mutex_lock(&cache_lock);
    sync_matching(nullptr);
    mutex_unlock(&cache_lock);
}

void buffer_forget_bdev(block_device* bdev, bool dirty_too)
{
    mutex_lock(&cache_lock);
    CachedBuffer* c = lru_head;
    while (c) {
        CachedBuffer* next = c->lru_next;
        if (belongs_to(&c->bh, bdev) && c->bh.b_count == 0 && (dirty_too || !buffer_dirty(&c->bh)))
            free_buffer(c);
        c = next;
    }
    mutex_unlock(&cache_lock);
}

extern "C" int sync_bdev_blocks(struct block_device* bdev, sector_t block, sector_t len)
{
    if (!dirty_buffers)   // the common case: nothing to look up
        return 0;
    int result = 0;
    mutex_lock(&cache_lock);
    for (sector_t i = 0; i < len; ++i)
        if (CachedBuffer* c = lookup(bdev, block + i, bdev->bd_block_size))
            if (int error = write_back(&c->bh); error && !result)
                result = error;
    mutex_unlock(&cache_lock);
    return result;
}

extern "C" void clean_bdev_aliases(struct block_device* bdev, sector_t block, sector_t len)
{
    mutex_lock(&cache_lock);
    for (sector_t i = 0; i < len; ++i) {
        CachedBuffer* c = lookup(bdev, block + i, bdev->bd_block_size);
        if (!c)
            continue;
        if (c->bh.b_count == 0) {
            free_buffer(c);
            continue;
        }
        if (buffer_dirty(&c->bh)) {
            clear_buffer_dirty(&c->bh);
            --dirty_buffers;
        }
        c->bh.b_state &= ~(1ul << BH_Uptodate);
    }
    mutex_unlock(&cache_lock);
}

extern "C" void invalidate_bdev(struct block_device* bdev)
{
    buffer_forget_bdev(bdev, false);
}

extern "C" int set_blocksize(struct block_device* bdev, int size)
{
    if (size < 512 || size > static_cast<int>(PAGE_SIZE) || (size & (size - 1)))
        return -EINVAL;
    if (bdev->bd_disk && static_cast<unsigned>(size) < queue_logical_block_size(bdev->bd_disk->queue))
        return -EINVAL;
    if (bdev->bd_block_size != static_cast<unsigned>(size)) {
        sync_blockdev(bdev);
        invalidate_bdev(bdev);
        bdev->bd_block_size = static_cast<unsigned>(size);
    }
    return 0;
}

extern "C" int sb_set_blocksize(struct super_block* sb, int size)
{
    if (!sb->s_bdev || set_blocksize(sb->s_bdev, size) < 0)
        return 0;
    sb->s_blocksize = static_cast<unsigned long>(size);
    unsigned char bits = 0;
    while ((1 << bits) < size)
        ++bits;
    sb->s_blocksize_bits = bits;
    return size;
}

unsigned long buffer_cache_reclaim(unsigned long bytes)
{
    if (!mutex_trylock(&cache_lock))
        return 0;
    unsigned long freed = free_cold(bytes);
    mutex_unlock(&cache_lock);
    return freed;
}

extern "C" void buffer_cache_stats(unsigned long* buffers, unsigned long* bytes, unsigned long* dirty)
{
    *buffers = cached_buffers;
    *bytes = cached_bytes;
    *dirty = dirty_buffers;
}

EXPORT_SYMBOL(__find_get_block);
EXPORT_SYMBOL(__getblk);
EXPORT_SYMBOL(__bread);
EXPORT_SYMBOL(sb_bread);
EXPORT_SYMBOL(sb_getblk);
EXPORT_SYMBOL(clean_bdev_aliases);
EXPORT_SYMBOL(brelse);
EXPORT_SYMBOL(mark_buffer_dirty);
EXPORT_SYMBOL(sync_dirty_buffer);
EXPORT_SYMBOL(sync_blockdev);
EXPORT_SYMBOL(sync_buffers_all);
EXPORT_SYMBOL(invalidate_bdev);
EXPORT_SYMBOL(set_blocksize);
EXPORT_SYMBOL(sb_set_blocksize);
EXPORT_SYMBOL(buffer_cache_stats);
