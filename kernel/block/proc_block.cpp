// /proc/partitions and /proc/diskstats in Linux's formats, and the block
// majors for /proc/devices.
#include "blk.h"
#include <kernel/initcall.h>
#include <kernel/proc.h>

namespace {

// The whole disk, then its partitions by number.
template<typename Visitor>
void for_each_bdev_of(gendisk* disk, Visitor visit)
{
    if (disk->part0)
        visit(disk->part0);
    for (unsigned n = 1; n < DISK_MAX_PARTS; ++n)
        if (disk->part[n])
            visit(disk->part[n]);
}

void show_partitions(ProcBuffer& out, Task*, void*)
{
    out.printf("major minor  #blocks  name\n\n");
    mutex_lock(&blk_mutex);
    for_each_disk(
        [](gendisk* disk, void* context) {
            auto& out = *static_cast<ProcBuffer*>(context);
            for_each_bdev_of(disk, [&out](block_device* b) {
                out.printf("%4u  %7u %10lu %s\n", MAJOR(b->bd_dev), MINOR(b->bd_dev),
                    static_cast<unsigned long>(b->bd_nr_sectors >> 1), b->bd_name);
            });
        },
        &out);
    mutex_unlock(&blk_mutex);
}

void show_diskstats(ProcBuffer& out, Task*, void*)
{
    mutex_lock(&blk_mutex);
    for_each_disk(
        [](gendisk* disk, void* context) {
            auto& out = *static_cast<ProcBuffer*>(context);
            for_each_bdev_of(disk, [&out](block_device* b) {
                const disk_stats& s = b->bd_stats;
                // Linux 4.18+: reads, writes, in flight, io time, then discards (none here).
                out.printf("%4u %7u %s %lu %lu %lu %lu %lu %lu %lu %lu %lu %lu %lu 0 0 0 0\n", MAJOR(b->bd_dev),
                    MINOR(b->bd_dev), b->bd_name, s.ios[0], s.merges[0], s.sectors[0], s.ticks[0], s.ios[1],
                    s.merges[1], s.sectors[1], s.ticks[1], s.in_flight, s.io_ticks, s.time_in_queue);
            });
        },
        &out);
    mutex_unlock(&blk_mutex);
}

int block_proc_init()
{
    proc_create_show("partitions", 0444, nullptr, show_partitions, nullptr);
    proc_create_show("diskstats", 0444, nullptr, show_diskstats, nullptr);
    return 0;
}

} // namespace

fs_initcall(block_proc_init);
