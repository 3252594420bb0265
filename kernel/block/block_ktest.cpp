// KTEST block: a 1 MiB RAM disk driven through the old request_fn API, an MBR
// written through the buffer cache, the partition scan, /proc/partitions, removal.
#include "blk.h"
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/vfs.h>
#include <libk/mbr.h>
#include <libk/string.h>
#include <linux/err.h>
#include <linux/vmalloc.h>

namespace {

constexpr unsigned disk_bytes = 1024 * 1024;
constinit u8* backing = nullptr;
constinit unsigned requests_seen = 0;
DEFINE_SPINLOCK(test_queue_lock);

// The course driver's transfer loop, word for word in spirit.
void test_request(struct request_queue* q)
{
    request* req;
    while ((req = blk_fetch_request(q)) != nullptr) {
        ++requests_seen;
        unsigned long offset = blk_rq_pos(req) * 512;
        if (offset + blk_rq_bytes(req) > disk_bytes || req->cmd_type != REQ_TYPE_FS) {
            __blk_end_request_all(req, -EIO);
            continue;
        }
        bio_vec bvec;
        req_iterator iter;
        rq_for_each_segment(bvec, req, iter)
        {
            char* buffer = static_cast<char*>(page_address(bvec.bv_page)) + bvec.bv_offset;
            if (rq_data_dir(req) == WRITE)
                libk::memcpy(backing + offset, buffer, bvec.bv_len);
            else
                libk::memcpy(buffer, backing + offset, bvec.bv_len);
            offset += bvec.bv_len;
        }
        __blk_end_request_all(req, 0);
    }
}

const block_device_operations test_fops = { .owner = nullptr };

bool node_exists(const char* path)
{
    auto found = kern_path(path, 0);
    if (found.is_error())
        return false;
    Path p = found.value();
    bool is_block = S_ISBLK(p.node->i_mode);
    path_put(p);
    return is_block;
}

void put_entry(block_device* bdev, sector_t sector, unsigned slot, u8 type, u32 start, u32 count)
{
    buffer_head* bh = __bread(bdev, sector, 512);
    if (!bh)
        return;
    libk::mbr_encode_entry(reinterpret_cast<u8*>(bh->b_data) + 446 + slot * 16, type, false, start, count);
    bh->b_data[510] = 0x55;
    bh->b_data[511] = static_cast<char>(0xAA);
    mark_buffer_dirty(bh);
    brelse(bh);
}

} // namespace

KTEST(block)
{
    backing = static_cast<u8*>(vmalloc(disk_bytes));
    KTEST_EXPECT(backing != nullptr);
    if (!backing)
        return;
    libk::memset(backing, 0, disk_bytes);
    int major = register_blkdev(0, "ktestblk");
    KTEST_EXPECT(major > 0);
    gendisk* disk = alloc_disk(16);
    request_queue* queue = blk_init_queue(test_request, &test_queue_lock);
    KTEST_EXPECT(disk && queue);
    if (major <= 0 || !disk || !queue)
        return;
    disk->major = major;
    disk->first_minor = 0;
    disk->fops = &test_fops;
    disk->queue = queue;
    libk::strlcpy(disk->disk_name, "ktestblk", sizeof(disk->disk_name));
    set_capacity(disk, disk_bytes / 512);
    add_disk(disk);
    KTEST_EXPECT(node_exists("/dev/ktestblk"));
    KTEST_EXPECT(!node_exists("/dev/ktestblk1"));   // blank disk: no table

    block_device* whole = blkdev_get_by_path("/dev/ktestblk", FMODE_READ | FMODE_WRITE, nullptr);
    KTEST_EXPECT(!IS_ERR(whole));
    if (IS_ERR(whole))
        return;
    KTEST_EXPECT(bdev_nr_sectors(whole) == 2048);
    // Two primaries, an extended partition with one logical partition.
    put_entry(whole, 0, 0, 0x83, 64, 512);
    put_entry(whole, 0, 1, 0x83, 576, 256);
    put_entry(whole, 0, 2, 0x05, 1024, 1024);
    put_entry(whole, 1024, 0, 0x83, 32, 512);
    KTEST_EXPECT(backing[510] == 0);   // still only in the cache
    KTEST_EXPECT(sync_blockdev(whole) == 0);
    KTEST_EXPECT(backing[510] == 0x55 && backing[511] == 0xAA);
    KTEST_EXPECT(backing[1024 * 512 + 446 + 4] == 0x83);

    KTEST_EXPECT(blkdev_reread_part(whole) == 0);
    KTEST_EXPECT(node_exists("/dev/ktestblk1"));
    KTEST_EXPECT(node_exists("/dev/ktestblk2"));
    KTEST_EXPECT(node_exists("/dev/ktestblk3"));
    KTEST_EXPECT(!node_exists("/dev/ktestblk4"));
    KTEST_EXPECT(node_exists("/dev/ktestblk5"));
    KTEST_EXPECT(!node_exists("/dev/ktestblk0"));   // the alias is only for "memdrive"

    // Blocks of a partition land at its offset in the disk.
    block_device* part = blkdev_get_by_path("/dev/ktestblk1", FMODE_READ | FMODE_WRITE, nullptr);
    KTEST_EXPECT(!IS_ERR(part));
    if (!IS_ERR(part)) {
        KTEST_EXPECT(bdev_nr_sectors(part) == 512);
        KTEST_EXPECT(blkdev_reread_part(whole) == -EBUSY);   // a partition is open
        buffer_head* bh = __getblk(part, 3, 1024);
        KTEST_EXPECT(bh != nullptr);
        if (bh) {
            libk::memset(bh->b_data, 0x5a, 1024);
            set_buffer_uptodate(bh);
            mark_buffer_dirty(bh);
            brelse(bh);
        }
        KTEST_EXPECT(sync_blockdev(part) == 0);
        const u8* at = backing + (64 + 3 * 2) * 512;
        KTEST_EXPECT(at[0] == 0x5a && at[1023] == 0x5a && at[1024] == 0);
        // Reads come from the device once the cache forgot the block.
        backing[(64 + 3 * 2) * 512] = 0x11;
        invalidate_bdev(part);
        bh = __bread(part, 3, 1024);
        KTEST_EXPECT(bh && static_cast<u8>(bh->b_data[0]) == 0x11 && static_cast<u8>(bh->b_data[1]) == 0x5a);
        brelse(bh);
        KTEST_EXPECT(__bread(part, 256, 1024) == nullptr);   // past the partition's end
        blkdev_put(part, FMODE_READ | FMODE_WRITE);
    }
    KTEST_EXPECT(requests_seen > 0);

    // The logical partition's data entry is relative to its EBR.
    block_device* logical = blkdev_get_by_path("/dev/ktestblk5", FMODE_READ, nullptr);
    KTEST_EXPECT(!IS_ERR(logical));
    if (!IS_ERR(logical)) {
        KTEST_EXPECT(logical->bd_start_sect == 1056 && bdev_nr_sectors(logical) == 512);
        blkdev_put(logical, FMODE_READ);
    }

    auto opened = filp_open("/proc/partitions", O_RDONLY, 0);
    KTEST_EXPECT(!opened.is_error());
    if (!opened.is_error()) {
        file* f = opened.value();
        char* text = static_cast<char*>(kzalloc(4096, GFP_KERNEL));
        loff_t pos = 0;
        if (text) {
            kernel_read(f, text, 4095, &pos);
            KTEST_EXPECT(libk::strstr(text, "major minor  #blocks  name") != nullptr);
            KTEST_EXPECT(libk::strstr(text, "       1024 ktestblk\n") != nullptr);
            KTEST_EXPECT(libk::strstr(text, "        256 ktestblk1\n") != nullptr);
            KTEST_EXPECT(libk::strstr(text, "          1 ktestblk3\n") != nullptr);   // the extended container
            KTEST_EXPECT(libk::strstr(text, "        256 ktestblk5\n") != nullptr);
            kfree(text);
        }
        fput(f);
    }

    blkdev_put(whole, FMODE_READ | FMODE_WRITE);
    del_gendisk(disk);
    KTEST_EXPECT(!node_exists("/dev/ktestblk"));
    KTEST_EXPECT(!node_exists("/dev/ktestblk1"));
    KTEST_EXPECT(!node_exists("/dev/ktestblk5"));
    put_disk(disk);
    blk_cleanup_queue(queue);
    unregister_blkdev(static_cast<unsigned>(major), "ktestblk");
    vfree(backing);
    backing = nullptr;
}
