// ATA PIO disks (built in): probes the primary and secondary IDE channels,
// IDENTIFYs master and slave, skips ATAPI, and serves bios with LBA28 PIO,
// polling (device interrupts are masked with nIEN). Disks are sda, sdb, ...
#include <asm/io.h>
#include <kernel/initcall.h>
#include <kernel/mm.h>
#include <libk/format.h>
#include <libk/string.h>
#include <linux/blkdev.h>
#include <linux/errno.h>
#include <linux/printk.h>

namespace {

constexpr unsigned sd_major = 8;          // Linux's SCSI disk major, which libata uses
constexpr unsigned minors_per_disk = 16;
constexpr unsigned max_disks = 4;

// Register offsets from the command block base.
constexpr u16 reg_data = 0, reg_error = 1, reg_count = 2, reg_lba_low = 3, reg_lba_mid = 4, reg_lba_high = 5,
              reg_device = 6, reg_status = 7, reg_command = 7;
constexpr u8 status_err = 0x01, status_drq = 0x08, status_df = 0x20, status_bsy = 0x80;
constexpr u8 cmd_read_sectors = 0x20, cmd_write_sectors = 0x30, cmd_flush_cache = 0xe7, cmd_identify = 0xec;
constexpr u8 control_nien = 0x02;

struct Channel {
    u16 base;
    u16 control;
    unsigned irq;
    spinlock_t lock;
};

struct AtaDisk {
    Channel* channel;
    unsigned drive;        // 0 master, 1 slave
    sector_t sectors;
    gendisk* disk;
};

constinit Channel channels[2] = { { 0x1f0, 0x3f6, 14, {} }, { 0x170, 0x376, 15, {} } };
constinit AtaDisk disks[max_disks] = {};
constinit unsigned disk_count = 0;

void delay_400ns(const Channel& ch)
{
    for (int i = 0; i < 4; ++i)
        inb(ch.control);
}

// Waits for BSY to clear; the status, or 0xff after a timeout.
u8 wait_not_busy(const Channel& ch)
{
    for (unsigned i = 0; i < 1000000; ++i) {
        u8 status = inb(ch.base + reg_status);
        if (!(status & status_bsy))
            return status;
    }
    return 0xff;
}

// Waits for DRQ (data ready) or an error; true when data may move.
bool wait_drq(const Channel& ch)
{
    for (unsigned i = 0; i < 1000000; ++i) {
        u8 status = inb(ch.base + reg_status);
        if (status & status_bsy)
            continue;
        if (status & (status_err | status_df))
            return false;
        if (status & status_drq)
            return true;
    }
    return false;
}

// Copies an IDENTIFY string (words, big-endian byte pairs) and trims the spaces.
void identify_string(const u16* words, unsigned first, unsigned count, char* out)
{
    for (unsigned i = 0; i < count; ++i) {
        out[2 * i] = static_cast<char>(words[first + i] >> 8);
        out[2 * i + 1] = static_cast<char>(words[first + i] & 0xff);
    }
    unsigned length = 2 * count;
    out[length] = '\0';
    while (length && out[length - 1] == ' ')
        out[--length] = '\0';
}

int highest_bit(unsigned value)
{
    int bit = -1;
    for (int i = 0; i < 16; ++i)
        if (value & (1u << i))
            bit = i;
    return bit;
}

// PIO transfer of `count` (1..255) sectors at `lba`; 0 or -EIO.
int transfer(AtaDisk& d, bool write, u32 lba, unsigned count, u8* buffer)
{
    Channel& ch = *d.channel;
    unsigned long flags;
    spin_lock_irqsave(&ch.lock, flags);
    int result = 0;
    if (wait_not_busy(ch) & status_bsy) {
        result = -EIO;
    } else {
        outb(static_cast<u8>(0xe0 | (d.drive << 4) | ((lba >> 24) & 0x0f)), ch.base + reg_device);
        delay_400ns(ch);
        outb(static_cast<u8>(count), ch.base + reg_count);
        outb(static_cast<u8>(lba), ch.base + reg_lba_low);
        outb(static_cast<u8>(lba >> 8), ch.base + reg_lba_mid);
        outb(static_cast<u8>(lba >> 16), ch.base + reg_lba_high);
        outb(write ? cmd_write_sectors : cmd_read_sectors, ch.base + reg_command);
        for (unsigned s = 0; s < count && result == 0; ++s) {
            delay_400ns(ch);
            if (!wait_drq(ch)) {
                result = -EIO;
                break;
            }
            auto* words = reinterpret_cast<u16*>(buffer + s * 512);
            for (unsigned i = 0; i < 256; ++i) {
                if (write)
                    outw(words[i], ch.base + reg_data);
                else
                    words[i] = inw(ch.base + reg_data);
            }
        }
        if (write && result == 0) {
            outb(cmd_flush_cache, ch.base + reg_command);
            delay_400ns(ch);
            if (wait_not_busy(ch) & (status_err | status_df | status_bsy))
                result = -EIO;
        }
    }
    spin_unlock_irqrestore(&ch.lock, flags);
    return result;
}

void ata_make_request(struct request_queue* q, struct bio* bio)
{
    auto* d = static_cast<AtaDisk*>(q->queuedata);
    bool write = bio_data_dir(bio) == WRITE;
    bio_vec bvec;
    bvec_iter iter;
    bio_for_each_segment(bvec, bio, iter)
    {
        u8* buffer = static_cast<u8*>(page_address(bvec.bv_page)) + bvec.bv_offset;
        unsigned count = bvec.bv_len / 512;
        if (iter.bi_sector + count > d->sectors || transfer(*d, write, static_cast<u32>(iter.bi_sector), count, buffer)) {
            bio_io_error(bio);
            return;
        }
    }
    bio_endio(bio);
}

// IDENTIFY DEVICE; true for an ATA disk (false for nothing there or ATAPI).
bool identify(Channel& ch, unsigned drive, u16* words)
{
    outb(static_cast<u8>(0xa0 | (drive << 4)), ch.base + reg_device);
    delay_400ns(ch);
    outb(0, ch.base + reg_count);
    outb(0, ch.base + reg_lba_low);
    outb(0, ch.base + reg_lba_mid);
    outb(0, ch.base + reg_lba_high);
    outb(cmd_identify, ch.base + reg_command);
    delay_400ns(ch);
    u8 status = inb(ch.base + reg_status);
    if (status == 0 || status == 0xff)
        return false;   // no device (or a floating bus)
    if (wait_not_busy(ch) & status_bsy)
        return false;
    // ATAPI and SATA devices answer with a signature in LBA mid/high and abort.
    if (inb(ch.base + reg_lba_mid) != 0 || inb(ch.base + reg_lba_high) != 0)
        return false;
    if (!wait_drq(ch))
        return false;
    for (unsigned i = 0; i < 256; ++i)
        words[i] = inw(ch.base + reg_data);
    return true;
}

const block_device_operations ata_fops = { .owner = nullptr };

void probe(unsigned port, Channel& ch, unsigned drive, u16* words)
{
    if (disk_count >= max_disks || !identify(ch, drive, words))
        return;
    sector_t sectors = static_cast<sector_t>(words[60]) | static_cast<sector_t>(words[61]) << 16;
    if (!(words[49] & (1 << 9)) || sectors == 0)
        return;   // no LBA: too old for us
    char model[41], firmware[9];
    identify_string(words, 27, 20, model);
    identify_string(words, 23, 4, firmware);
    int ata_version = highest_bit(words[80] & 0x7ffe);
    static const char* const udma_names[] = { "UDMA/16", "UDMA/25", "UDMA/33", "UDMA/44", "UDMA/66", "UDMA/100",
        "UDMA/133" };
    int udma = (words[53] & 4) ? highest_bit(words[88] & 0x7f) : -1;
    printk(KERN_INFO "ata%u.%02u: ATA-%d: %s, %s, max %s\n", port, drive, ata_version > 0 ? ata_version : 1, model,
        firmware, udma >= 0 ? udma_names[udma] : "PIO4");
    printk(KERN_INFO "ata%u.%02u: %lu sectors, multi 0: LBA\n", port, drive, static_cast<unsigned long>(sectors));

    AtaDisk& d = disks[disk_count];
    d.channel = &ch;
    d.drive = drive;
    d.sectors = sectors;
    gendisk* disk = alloc_disk(minors_per_disk);
    request_queue* q = blk_alloc_queue(GFP_KERNEL);
    if (!disk || !q) {
        put_disk(disk);
        blk_cleanup_queue(q);
        return;
    }
    blk_queue_make_request(q, ata_make_request);
    q->queuedata = &d;
    disk->major = sd_major;
    disk->first_minor = static_cast<int>(disk_count * minors_per_disk);
    disk->fops = &ata_fops;
    disk->queue = q;
    disk->private_data = &d;
    libk::snprintf(disk->disk_name, sizeof(disk->disk_name), "sd%c", 'a' + disk_count);
    set_capacity(disk, sectors);
    d.disk = disk;
    ++disk_count;
    printk(KERN_INFO "sd %u:0:%u:0: [%s] %lu 512-byte logical blocks\n", port - 1, drive, disk->disk_name,
        static_cast<unsigned long>(sectors));
    add_disk(disk);
}

int ata_init()
{
    auto* words = static_cast<u16*>(kmalloc(512, GFP_KERNEL));
    if (!words)
        return -ENOMEM;
    bool registered = false;
    for (unsigned c = 0; c < 2; ++c) {
        Channel& ch = channels[c];
        spin_lock_init(&ch.lock);
        if (inb(ch.base + reg_status) == 0xff)
            continue;   // no controller on this channel
        outb(control_nien, ch.control);   // polled: the device raises no interrupts
        for (unsigned drive = 0; drive < 2; ++drive) {
            if (!registered) {
                if (register_blkdev(sd_major, "sd") < 0)
                    break;
                registered = true;
            }
            probe(c + 1, ch, drive, words);
        }
    }
    kfree(words);
    if (registered && disk_count == 0)
        unregister_blkdev(sd_major, "sd");
    return 0;
}

} // namespace

device_initcall(ata_init);
