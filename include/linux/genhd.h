/* Disks (Linux's struct gendisk): a driver allocates one, fills in its major,
 * name, capacity, fops and queue, and add_disk() makes /dev nodes for it and
 * its partitions. C-compatible. */
#ifndef _LINUX_GENHD_H
#define _LINUX_GENHD_H

#include <linux/fs.h>
#include <linux/hdreg.h>
#include <linux/kdev_t.h>
#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

struct module;
struct request_queue;
struct gendisk;

#define DISK_NAME_LEN 32
#define DISK_MAX_PARTS 64     /* partitions numbered 1..63 (5.. logical) */
#define BLOCK_EXT_MAJOR 259   /* partitions beyond the disk's minors get (259, n) */

/* I/O statistics of a disk or partition (/proc/diskstats). */
struct disk_stats {
    unsigned long ios[2];      /* completed, [READ], [WRITE] */
    unsigned long merges[2];
    unsigned long sectors[2];
    unsigned long ticks[2];    /* ms spent */
    unsigned long in_flight;
    unsigned long io_ticks;    /* ms with I/O in flight */
    unsigned long time_in_queue;
};

/* A disk or one of its partitions (partition 0 is the whole disk). */
struct block_device {
    dev_t bd_dev;
    struct gendisk *bd_disk;
    struct block_device *bd_contains;   /* the whole disk */
    unsigned int bd_partno;
    sector_t bd_start_sect;             /* first sector within the disk */
    sector_t bd_nr_sectors;
    unsigned int bd_block_size;         /* buffer-cache block size of its file */
    int bd_openers;                     /* opens of its node and mounts */
    void *bd_holder;                    /* who claimed it exclusively (a mounted fs) */
    unsigned char bd_partition_type;
    char bd_name[DISK_NAME_LEN + 8];    /* "sda1", "memdrive" */
    struct disk_stats bd_stats;
    struct block_device *bd_next;       /* all block devices */
};

struct block_device_operations {
    struct module *owner;
    int (*open)(struct block_device *bdev, fmode_t mode);
    void (*release)(struct gendisk *disk, fmode_t mode);
    int (*ioctl)(struct block_device *bdev, fmode_t mode, unsigned int cmd, unsigned long arg);
    int (*compat_ioctl)(struct block_device *bdev, fmode_t mode, unsigned int cmd, unsigned long arg);
    int (*getgeo)(struct block_device *bdev, struct hd_geometry *geo);
    int (*media_changed)(struct gendisk *disk);
    int (*revalidate_disk)(struct gendisk *disk);
};

#define GENHD_FL_REMOVABLE 1
#define GENHD_FL_UP 0x10
#define GENHD_FL_NO_PART_SCAN 0x200

struct gendisk {
    int major;
    int first_minor;
    int minors;                         /* numbers of the disk; partitions past them use BLOCK_EXT_MAJOR */
    char disk_name[DISK_NAME_LEN];
    const struct block_device_operations *fops;
    struct request_queue *queue;
    void *private_data;
    sector_t capacity;                  /* 512-byte sectors */
    int flags;
    struct block_device *part0;         /* the whole disk, made by add_disk */
    struct block_device *part[DISK_MAX_PARTS];
    int node_alias;                     /* "<name>0" made for the first partition */
    int owns_queue;                     /* its queue came with it (blk_alloc_disk, blk_mq_alloc_disk) */
    struct gendisk *next;
};

/* Majors 1..511; major 0 asks for a free one (returned). -EBUSY if taken. */
int register_blkdev(unsigned int major, const char *name);
void unregister_blkdev(unsigned int major, const char *name);

struct gendisk *alloc_disk(int minors);
struct gendisk *alloc_disk_node(int minors, int node_id);
/* Newer form: a disk with a make_request queue already attached. */
struct gendisk *blk_alloc_disk(int node_id);
/* Publishes the disk: /dev/<name> (block node, 0660 root:disk), the partition
 * scan ("<name>1"..., "<name>p1" when the name ends in a digit), and
 * "<name>0" as an alias of the first partition for the disk named "memdrive".
 * A disk without a major gets a number of its own (259, n), as on Linux; one
 * with a major needs minors. 0 or -errno (Linux 5.15+ returns it). */
int add_disk(struct gendisk *disk);
int device_add_disk(void *parent, struct gendisk *disk, void *groups);
/* Removes the nodes; writes back and forgets the disk's buffers. */
void del_gendisk(struct gendisk *disk);
void put_disk(struct gendisk *disk);
void blk_cleanup_disk(struct gendisk *disk);

void set_capacity(struct gendisk *disk, sector_t sectors);
sector_t get_capacity(struct gendisk *disk);
static inline void set_disk_ro(struct gendisk *disk, int read_only) { (void)disk; (void)read_only; }
/* The disk name of a bdev ("sda1"); returns buf. */
const char *bdevname(struct block_device *bdev, char *buf);

/* kernlab: visits registered block majors in order (/proc/devices). */
void for_each_blkdev(void (*visitor)(unsigned int major, const char *name, void *context), void *context);

#ifdef __cplusplus
}
#endif

#endif
