/* Block I/O units (Linux's struct bio): a sector, a direction and a few
 * segments of memory (bio_vec). kernlab submits one bio per buffer and waits. */
#ifndef _LINUX_BIO_H
#define _LINUX_BIO_H

#include <linux/mm.h>
#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

struct block_device;
struct gendisk;
struct bio;

#ifndef READ
#define READ 0
#define WRITE 1
#endif

/* Operations (bi_opf), Linux's numbers. */
#define REQ_OP_READ 0
#define REQ_OP_WRITE 1
#define REQ_OP_FLUSH 2
#define REQ_OP_MASK 0xff
#define REQ_SYNC (1u << 11)
#define REQ_META (1u << 12)

typedef unsigned char blk_status_t;
#define BLK_STS_OK 0
#define BLK_STS_NOTSUPP 1
#define BLK_STS_TIMEOUT 2
#define BLK_STS_NOSPC 3
#define BLK_STS_TRANSPORT 4
#define BLK_STS_TARGET 5
#define BLK_STS_NEXUS 6
#define BLK_STS_MEDIUM 7
#define BLK_STS_PROTECTION 8
#define BLK_STS_RESOURCE 9            /* blk-mq: try the request again later */
#define BLK_STS_IOERR 10
#define BLK_STS_AGAIN 12
#define BLK_STS_DEV_RESOURCE 13       /* blk-mq: again, once the device has room */
/* -errno of a status and back (Linux's table: EIO for what it does not name). */
int blk_status_to_errno(blk_status_t status);
blk_status_t errno_to_blk_status(int error);

/* One contiguous piece of memory inside a page. */
struct bio_vec {
    struct page *bv_page;
    unsigned int bv_len;
    unsigned int bv_offset;
};

/* Where a walk through a bio stands. */
struct bvec_iter {
    sector_t bi_sector;        /* device sector of the current segment */
    unsigned int bi_size;      /* bytes left */
    unsigned int bi_idx;       /* current segment */
    unsigned int bi_bvec_done; /* bytes of it already done */
};

typedef void (bio_end_io_t)(struct bio *);

#define BIO_INLINE_VECS 4
#define BIO_MAX_VECS 256

struct bio {
    struct bio *bi_next;       /* requests chain their bios here */
    struct block_device *bi_bdev;
    struct gendisk *bi_disk;
    unsigned int bi_opf;
    blk_status_t bi_status;
    int bi_error;              /* -errno, for 4.x-era drivers */
    struct bvec_iter bi_iter;
    unsigned short bi_vcnt;
    unsigned short bi_max_vecs;   /* room in bi_io_vec */
    bio_end_io_t *bi_end_io;
    void *bi_private;
    struct bio_vec *bi_io_vec;    /* the segments: bi_inline_vecs, or a table of the maker's */
    struct bio_vec bi_inline_vecs[BIO_INLINE_VECS];
};

#define bio_op(bio) ((bio)->bi_opf & REQ_OP_MASK)
#define bio_data_dir(bio) (bio_op(bio) == REQ_OP_WRITE ? WRITE : READ)
#define bio_sectors(bio) ((bio)->bi_iter.bi_size >> 9)
#define bio_end_sector(bio) ((bio)->bi_iter.bi_sector + bio_sectors(bio))

/* The current segment at `iter` (what bio_for_each_segment hands out). */
static inline struct bio_vec bio_iter_iovec(const struct bio *bio, struct bvec_iter iter)
{
    struct bio_vec v = bio->bi_io_vec[iter.bi_idx];
    v.bv_offset += iter.bi_bvec_done;
    v.bv_len -= iter.bi_bvec_done;
    if (v.bv_len > iter.bi_size)
        v.bv_len = iter.bi_size;
    return v;
}

static inline void bio_advance_iter(const struct bio *bio, struct bvec_iter *iter, unsigned int bytes)
{
    iter->bi_sector += bytes >> 9;
    iter->bi_size -= bytes;
    iter->bi_bvec_done += bytes;
    while (iter->bi_idx < bio->bi_vcnt && iter->bi_bvec_done >= bio->bi_io_vec[iter->bi_idx].bv_len) {
        iter->bi_bvec_done -= bio->bi_io_vec[iter->bi_idx].bv_len;
        iter->bi_idx++;
    }
}

#define __bio_for_each_segment(bvl, bio, iter, start)                                      \
    for (iter = (start); (iter).bi_size && ((bvl) = bio_iter_iovec((bio), (iter)), 1);   \
         bio_advance_iter((bio), &(iter), (bvl).bv_len))
/* for (bvec in bio): struct bio_vec bvec; struct bvec_iter iter. */
#define bio_for_each_segment(bvl, bio, iter) __bio_for_each_segment(bvl, bio, iter, (bio)->bi_iter)

/* The memory of the current segment (single-page bios, as kernlab makes them). */
static inline void *bio_data(struct bio *bio)
{
    struct bio_vec v = bio_iter_iovec(bio, bio->bi_iter);
    return (char *)page_address(v.bv_page) + v.bv_offset;
}

/* Linux's bio_init: an empty bio for `bdev` whose segments go in `table`
 * (room for `max_vecs`; NULL: its own BIO_INLINE_VECS). */
void bio_init(struct bio *bio, struct block_device *bdev, struct bio_vec *table, unsigned short max_vecs,
              unsigned int opf);
/* A bio on the heap, room for `nr_vecs` (<= BIO_MAX_VECS) segments. */
struct bio *bio_alloc(unsigned int gfp_mask, unsigned int nr_vecs);
void bio_put(struct bio *bio);
/* Appends `len` bytes at `offset` in `page`; returns len, or 0 when full. */
int bio_add_page(struct bio *bio, struct page *page, unsigned int len, unsigned int offset);
/* The driver finished the bio: calls bi_end_io. */
void bio_endio(struct bio *bio);
static inline void bio_io_error(struct bio *bio)
{
    bio->bi_status = BLK_STS_IOERR;
    bio->bi_error = -5;
    bio_endio(bio);
}
/* Hands the bio to its disk's queue; submit_bio_wait also waits (0 or -errno). */
void submit_bio(struct bio *bio);
int submit_bio_wait(struct bio *bio);

#ifdef __cplusplus
}
#endif

#endif
