/* The buffer cache: blocks of a block device cached in memory, read on demand
 * and written back on sync, fsync, umount and every few seconds.
 * This interface is fixed (the ext2 file system is written against it);
 * kernel/block/buffer.cpp implements it. */
#ifndef _LINUX_BUFFER_HEAD_H
#define _LINUX_BUFFER_HEAD_H

#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

struct block_device;
struct super_block;

enum bh_state_bits {
    BH_Uptodate = 0, /* b_data holds the block's contents */
    BH_Dirty = 1,    /* b_data must be written back */
};

struct buffer_head {
    unsigned long b_state;
    sector_t b_blocknr;          /* in units of b_size */
    size_t b_size;
    char *b_data;
    struct block_device *b_bdev;
    int b_count;                 /* users; brelse drops one */
    void *b_private;             /* the cache's own bookkeeping */
};

static inline int buffer_uptodate(const struct buffer_head *bh) { return (bh->b_state >> BH_Uptodate) & 1; }
static inline int buffer_dirty(const struct buffer_head *bh) { return (bh->b_state >> BH_Dirty) & 1; }
static inline void set_buffer_uptodate(struct buffer_head *bh) { bh->b_state |= 1ul << BH_Uptodate; }
static inline void clear_buffer_dirty(struct buffer_head *bh) { bh->b_state &= ~(1ul << BH_Dirty); }

/* `block` is in units of `size`; NULL on an I/O error. */
struct buffer_head *__bread(struct block_device *bdev, sector_t block, unsigned size);
/* size = sb->s_blocksize, device = sb->s_bdev. */
struct buffer_head *sb_bread(struct super_block *sb, sector_t block);
/* No read: for a block about to be wholly overwritten; the caller fills b_data,
 * calls set_buffer_uptodate and mark_buffer_dirty. */
struct buffer_head *sb_getblk(struct super_block *sb, sector_t block);
void brelse(struct buffer_head *bh);
void mark_buffer_dirty(struct buffer_head *bh);
/* Writes it now; 0 or -EIO. */
int sync_dirty_buffer(struct buffer_head *bh);
/* Writes back every dirty buffer of the device; 0 or -EIO. */
int sync_blockdev(struct block_device *bdev);
/* Drops the device's clean buffers (after umount). */
void invalidate_bdev(struct block_device *bdev);
/* 512..4096: sets s_blocksize and s_blocksize_bits; returns size, or 0 if invalid. */
int sb_set_blocksize(struct super_block *sb, int size);

/* ---- kernlab additions (Linux's names), beyond the fixed interface above ---- */
/* The cached buffer, made without reading if absent; NULL past the device end. */
struct buffer_head *__getblk(struct block_device *bdev, sector_t block, unsigned size);
/* The cached buffer or NULL, no I/O. */
struct buffer_head *__find_get_block(struct block_device *bdev, sector_t block, unsigned size);
/* Blocks [block, block + count), each with a reference, into `out`, under one
 * lock; those not up to date are read, adjacent ones in one bio. Returns how
 * many from the start it got (fewer past the device's end, without memory, on
 * an I/O error). */
unsigned bread_blocks(struct block_device *bdev, sector_t block, unsigned size, struct buffer_head **out,
                      unsigned count);
static inline void get_bh(struct buffer_head *bh) { bh->b_count++; }
/* Writes back every dirty buffer of every device (sync(2) after the file systems). */
void sync_buffers_all(void);
/* O_DIRECT's side of the cache, for blocks [block, block + len) of the
 * device's block size: writes back the dirty ones (the disk is read next), and
 * Linux's clean_bdev_aliases, which forgets them, dirty or not (the disk is
 * written next); a copy in use is kept but marked not up to date. */
int sync_bdev_blocks(struct block_device *bdev, sector_t block, sector_t len);
void clean_bdev_aliases(struct block_device *bdev, sector_t block, sector_t len);
/* Buffers and bytes held, and how many are dirty. */
void buffer_cache_stats(unsigned long *buffers, unsigned long *bytes, unsigned long *dirty);

#ifdef __cplusplus
}
#endif

#endif
