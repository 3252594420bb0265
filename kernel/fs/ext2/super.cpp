// ext2 super block: mount (read and check everything before writing anything),
// umount (write back, mark clean), sync, statfs, and the "ext2" registration.
#include "ext2.h"
#include <kernel/mm.h>
#include <libk/string.h>
#include <linux/init.h>
#include <linux/stat.h>

Ext2Lock::Ext2Lock(super_block* sb)
    : m_sbi(EXT2_SB(sb))
{
    void* self = current;
    if (m_sbi->lock_owner == self) {
        ++m_sbi->lock_depth;
        return;
    }
    mutex_lock(&m_sbi->lock);
    m_sbi->lock_owner = self;
    m_sbi->lock_depth = 1;
}

Ext2Lock::~Ext2Lock()
{
    if (--m_sbi->lock_depth > 0)
        return;
    m_sbi->lock_owner = nullptr;
    mutex_unlock(&m_sbi->lock);
}

libk::Error ext2_error(super_block* sb, const char* function, const char* what, unsigned long number)
{
    pr_crit("EXT2-fs error (device %s): %s: %s: %lu\n", sb->s_id, function, what, number);
    Ext2SbInfo* sbi = EXT2_SB(sb);
    // Written back with the super block (sync, umount); ext2_sync_super keeps it.
    if (sbi && !ext2_read_only(sb))
        sbi->disk.s_state |= e2::state_error;
    return ENO(EIO);
}

ErrorOr<buffer_head*> ext2_bread(super_block* sb, uint32_t block)
{
    if (!ext2_valid_block(EXT2_SB(sb), block))
        return ext2_corrupt(sb, "block number out of range", block);
    buffer_head* bh = sb_bread(sb, block);
    if (!bh) {
        pr_err("EXT2-fs (%s): I/O error reading block %u\n", sb->s_id, block);
        return ENO(EIO);
    }
    return bh;
}

void ext2_sync_super(super_block* sb, bool clean)
{
    Ext2SbInfo* sbi = EXT2_SB(sb);
    e2::SuperBlock& disk = sbi->disk;
    disk.s_free_blocks_count = ext2_count_free_blocks(sbi);
    disk.s_free_inodes_count = ext2_count_free_inodes(sbi);
    disk.s_wtime = static_cast<uint32_t>(ktime_get_real_seconds());
    if (clean)
        disk.s_state |= e2::state_valid;
    libk::memcpy(sbi->sb_bh->b_data + sbi->sb_offset, &disk, sizeof(disk));
    mark_buffer_dirty(sbi->sb_bh);
}

namespace {

// Exclusive: the same device cannot be mounted twice (holder: the ext2 type).
constexpr fmode_t mount_mode(bool read_only) { return FMODE_EXCL | (read_only ? FMODE_READ : (FMODE_READ | FMODE_WRITE)); }

// Releases what a (partial) mount holds; writes nothing.
void release(super_block* sb, Ext2SbInfo* sbi, block_device* bdev, bool read_only)
{
    if (sbi) {
        if (sbi->gd_bh) {
            for (uint32_t i = 0; i < sbi->geometry.gdt_blocks; ++i)
                if (sbi->gd_bh[i])
                    brelse(sbi->gd_bh[i]);
            kfree(sbi->gd_bh);
        }
        if (sbi->sb_bh)
            brelse(sbi->sb_bh);
        kfree(sbi);
    }
    if (bdev) {
        invalidate_bdev(bdev);
        blkdev_put(bdev, mount_mode(read_only));
    }
    sb->s_fs_info = nullptr;
    free_super(sb);
}

int ext2_statfs(super_block* sb, kstatfs* buf)
{
    Ext2Lock lock(sb);
    Ext2SbInfo* sbi = EXT2_SB(sb);
    const e2::SuperBlock& disk = sbi->disk;
    const e2::Geometry& g = sbi->geometry;
    // BSD df: metadata (super block copies, descriptors, bitmaps, inode tables) is not counted.
    uint64_t overhead = disk.s_first_data_block;
    for (uint32_t group = 0; group < g.group_count; ++group) {
        if (e2::group_has_super(disk, group))
            overhead += 1 + g.gdt_blocks + disk.s_reserved_gdt_blocks;
        overhead += 2 + g.itable_blocks;
    }
    uint64_t free_blocks = ext2_count_free_blocks(sbi);
    buf->f_type = e2::super_magic;
    buf->f_bsize = static_cast<long>(g.block_size);
    buf->f_frsize = static_cast<long>(g.block_size);
    buf->f_blocks = disk.s_blocks_count > overhead ? disk.s_blocks_count - overhead : 0;
    buf->f_bfree = free_blocks;
    buf->f_bavail = free_blocks > disk.s_r_blocks_count ? free_blocks - disk.s_r_blocks_count : 0;
    buf->f_files = disk.s_inodes_count;
    buf->f_ffree = ext2_count_free_inodes(sbi);
    buf->f_namelen = e2::name_max;
    uint32_t fsid[4];
    libk::memcpy(fsid, disk.s_uuid, sizeof(fsid));
    buf->f_fsid[0] = static_cast<int>(fsid[0] ^ fsid[2]);
    buf->f_fsid[1] = static_cast<int>(fsid[1] ^ fsid[3]);
    return 0;
}

int ext2_sync_fs(super_block* sb, int wait)
{
    if (ext2_read_only(sb))
        return 0;
    Ext2Lock lock(sb);
    ext2_sync_super(sb, false);
    if (wait)
        return sync_dirty_buffer(EXT2_SB(sb)->sb_bh);
    return 0;
}

// umount: everything back on the disk, the file system marked clean.
void ext2_put_super(super_block* sb)
{
    Ext2SbInfo* sbi = EXT2_SB(sb);
    if (!sbi)
        return;
    if (!ext2_inode_cache_empty(sb))
        pr_warn("EXT2-fs (%s): inodes still in use at umount\n", sb->s_id);
    bool read_only = ext2_read_only(sb);
    if (!read_only) {
        {
            Ext2Lock lock(sb);
            ext2_sync_super(sb, true);
        }
        if (sync_blockdev(sb->s_bdev) < 0)
            pr_err("EXT2-fs (%s): I/O error writing back at umount\n", sb->s_id);
    }
    release(sb, sbi, sb->s_bdev, read_only);
}

void ext2_kill_sb(super_block* sb)
{
    if (sb->s_root) {
        inode* root = sb->s_root;
        sb->s_root = nullptr;
        iput(root);
    }
    ext2_put_super(sb);
}

const super_operations ext2_super_operations = {
    .evict_inode = ext2_evict_inode,
    .drop_inode = ext2_drop_inode,
    .put_super = nullptr,   // kill_sb does the work (ext2_put_super) once the root is gone
    .statfs = ext2_statfs,
    .sync_fs = ext2_sync_fs,
};

// Reads and checks the super block and the group descriptors into `sbi`.
int read_super(super_block* sb, Ext2SbInfo* sbi, block_device* bdev, bool& read_only)
{
    if (!sb_set_blocksize(sb, 1024))
        return -EINVAL;
    buffer_head* bh = sb_bread(sb, 1);
    if (!bh) {
        pr_err("EXT2-fs (%s): unable to read the super block\n", sb->s_id);
        return -EIO;
    }
    libk::memcpy(&sbi->disk, bh->b_data, sizeof(sbi->disk));
    brelse(bh);
    e2::SuperBlock& disk = sbi->disk;
    if (disk.s_magic != e2::super_magic) {
        pr_err("EXT2-fs (%s): can't find an ext2 filesystem on dev %s.\n", sb->s_id, sb->s_id);
        return -EINVAL;
    }
    if (const char* problem = e2::check_superblock(disk, sbi->geometry)) {
        pr_err("EXT2-fs (%s): error: corrupt super block: %s\n", sb->s_id, problem);
        return -EINVAL;
    }
    e2::FeatureVerdict verdict = e2::check_features(disk);
    if (verdict.access == e2::Access::refuse) {
        pr_err("EXT2-fs (%s): error: couldn't mount because of unsupported optional feature (%s)\n", sb->s_id,
            verdict.feature);
        return -EINVAL;
    }
    if (verdict.access == e2::Access::read_only && !read_only) {
        pr_warn("EXT2-fs (%s): unsupported feature %s: mounting read-only\n", sb->s_id, verdict.feature);
        read_only = true;
    }
    const e2::Geometry& g = sbi->geometry;
    uint64_t device_blocks = bdev_nr_sectors(bdev) / (g.block_size / 512);
    if (disk.s_blocks_count > device_blocks) {
        pr_err("EXT2-fs (%s): error: file system is %u blocks, device only %llu\n", sb->s_id,
            disk.s_blocks_count, static_cast<unsigned long long>(device_blocks));
        return -EINVAL;
    }
    if (!sb_set_blocksize(sb, static_cast<int>(g.block_size))) {
        pr_err("EXT2-fs (%s): bad block size %u\n", sb->s_id, g.block_size);
        return -EINVAL;
    }
    sbi->sb_offset = e2::superblock_offset % g.block_size;
    sbi->sb_bh = sb_bread(sb, e2::superblock_offset / g.block_size);
    if (!sbi->sb_bh)
        return -EIO;
    sbi->gd_bh = static_cast<buffer_head**>(kzalloc(sizeof(buffer_head*) * g.gdt_blocks, GFP_KERNEL));
    if (!sbi->gd_bh)
        return -ENOMEM;
    for (uint32_t i = 0; i < g.gdt_blocks; ++i) {
        sbi->gd_bh[i] = sb_bread(sb, disk.s_first_data_block + 1 + i);
        if (!sbi->gd_bh[i]) {
            pr_err("EXT2-fs (%s): unable to read group descriptors\n", sb->s_id);
            return -EIO;
        }
    }
    for (uint32_t group = 0; group < g.group_count; ++group) {
        if (const char* problem = e2::check_group_desc(disk, g, group, *group_desc(sbi, group))) {
            pr_err("EXT2-fs (%s): error: group descriptor %u: %s\n", sb->s_id, group, problem);
            return -EINVAL;
        }
    }
    sbi->filetype = disk.s_rev_level >= 1 && (disk.s_feature_incompat & e2::incompat_filetype);
    return 0;
}

loff_t max_file_size(const Ext2SbInfo* sbi)
{
    const e2::SuperBlock& disk = sbi->disk;
    uint64_t mapped = e2::max_mapped_blocks(sbi->geometry.addr_per_block) * sbi->geometry.block_size;
    // i_blocks counts 512-byte sectors in 32 bits, indirect blocks included.
    uint64_t by_i_blocks = (static_cast<uint64_t>(1) << 41) - 1 - 64 * static_cast<uint64_t>(sbi->geometry.block_size);
    uint64_t limit = mapped < by_i_blocks ? mapped : by_i_blocks;
    (void)disk;
    return static_cast<loff_t>(limit);
}

int ext2_get_sb(file_system_type* type, int flags, const char* dev_name, void*, super_block** result)
{
    bool read_only = flags & MS_RDONLY_FLAG;
    block_device* bdev = blkdev_get_by_path(dev_name, mount_mode(read_only), type);
    if (IS_ERR(bdev))
        return static_cast<int>(PTR_ERR(bdev));
    if (!read_only && &bdev_read_only && bdev_read_only(bdev)) {
        pr_warn("EXT2-fs (%s): write-protected, mounting read-only\n", dev_name);
        blkdev_put(bdev, mount_mode(false));
        read_only = true;
        bdev = blkdev_get_by_path(dev_name, mount_mode(true), type);
        if (IS_ERR(bdev))
            return static_cast<int>(PTR_ERR(bdev));
    }
    super_block* sb = alloc_anon_super(type);
    if (!sb) {
        blkdev_put(bdev, mount_mode(read_only));
        return -ENOMEM;
    }
    // The device's name as Linux's s_id has it ("sda"), for "EXT2-fs (sda): ...".
    const char* base = libk::strrchr(dev_name, '/');
    libk::strlcpy(sb->s_id, base ? base + 1 : dev_name, sizeof(sb->s_id));
    sb->s_bdev = bdev;
    sb->s_dev = bdev->bd_dev;
    auto* sbi = static_cast<Ext2SbInfo*>(kzalloc(sizeof(Ext2SbInfo), GFP_KERNEL));
    if (!sbi) {
        release(sb, nullptr, bdev, read_only);
        return -ENOMEM;
    }
    mutex_init(&sbi->lock);
    sb->s_fs_info = sbi;
    bool was_read_only = read_only;
    if (int error = read_super(sb, sbi, bdev, read_only); error < 0) {
        release(sb, sbi, bdev, was_read_only);
        return error;
    }
    sb->s_magic = e2::super_magic;
    sb->s_op = &ext2_super_operations;
    sb->s_maxbytes = max_file_size(sbi);
    if (read_only)
        sb->s_flags |= MS_RDONLY_FLAG;

    auto root = [&]() {
        Ext2Lock lock(sb);
        return ext2_iget(sb, e2::root_ino);
    }();
    if (root.is_error() || !S_ISDIR(root.value()->i_mode) || root.value()->i_size == 0) {
        pr_err("EXT2-fs (%s): error: corrupt root inode\n", sb->s_id);
        if (!root.is_error())
            iput(root.value());
        release(sb, sbi, bdev, was_read_only);
        return -EINVAL;
    }
    sb->s_root = root.value();

    e2::SuperBlock& disk = sbi->disk;
    if (!(disk.s_state & e2::state_valid))
        pr_warn("EXT2-fs (%s): warning: mounting unchecked fs, running e2fsck is recommended\n", sb->s_id);
    else if (disk.s_state & e2::state_error)
        pr_warn("EXT2-fs (%s): warning: mounting fs with errors, running e2fsck is recommended\n", sb->s_id);
    if (!read_only) {
        Ext2Lock lock(sb);
        disk.s_state &= static_cast<uint16_t>(~e2::state_valid);
        disk.s_mnt_count++;
        disk.s_mtime = static_cast<uint32_t>(ktime_get_real_seconds());
        ext2_sync_super(sb, false);
        sync_dirty_buffer(sbi->sb_bh);
    }
    pr_info("EXT2-fs (%s): mounted %s, %u KiB blocks, %u groups\n", sb->s_id, read_only ? "read-only" : "read-write",
        sbi->geometry.block_size / 1024, sbi->geometry.group_count);
    *result = sb;
    return 0;
}

} // namespace

file_system_type ext2_fs_type = {
    .name = "ext2",
    .fs_flags = FS_REQUIRES_DEV,
    .get_sb = ext2_get_sb,
    .kill_sb = ext2_kill_sb,
    .owner = nullptr,
    .next = nullptr,
};

namespace {

int init_ext2_fs()
{
    return register_filesystem(&ext2_fs_type);
}

} // namespace

fs_initcall(init_ext2_fs);
