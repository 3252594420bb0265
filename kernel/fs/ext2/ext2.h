// The ext2 driver's shared state: the mounted super block, the in-memory inode,
// and the functions the driver's files call on each other.
#pragma once

#include "../internal.h"
#include <libk/ext2.h>
#include <linux/buffer_head.h>
#include <linux/err.h>
#include <linux/mutex.h>

namespace e2 = libk::ext2;

// ---- the block layer (kernel/block/INTERFACE.md) ----
#include <linux/blkdev.h>
// In the fixed interface but not declared by linux/blkdev.h yet: weak, so the
// kernel links either way (mount treats a missing one as "writable").
extern "C" bool bdev_read_only(struct block_device* bdev) __attribute__((weak));

// The in-memory inode: the VFS inode first, so the VFS's kfree frees it all.
struct Ext2Inode {
    inode vfs;
    uint32_t i_block[e2::n_blocks];
    uint32_t i_flags;
    uint32_t i_file_acl;
    uint32_t i_generation;
    uint32_t block_group;
    uint32_t alloc_goal;            // where the next data block should go
    // The last run of blocks ext2_get_block found for a caller that asked for
    // runs: logical blocks [run_logical, run_logical + run_length) lie one
    // after another from run_block on (run_length 0: none). Sequential reads
    // and writes then skip the walk through the indirect blocks. Mapped blocks
    // leave the map only in ext2_free_blocks_from, which forgets it.
    uint64_t run_logical;
    uint32_t run_block;
    uint32_t run_length;
    bool fresh;                     // never written: zero its inode-table slot first
    libk::ListNode cache_node;      // on the super block's inode cache
};

// A mounted ext2 file system (sb->s_fs_info).
struct Ext2SbInfo {
    e2::SuperBlock disk;            // the super block; counts kept current, written on sync
    e2::Geometry geometry;
    buffer_head* sb_bh;             // the block holding the super block (held)
    uint32_t sb_offset;             // of the super block in it
    buffer_head** gd_bh;            // group descriptor blocks (held)
    bool filetype;                  // directory entries carry a file type
    mutex lock;                     // one operation at a time on this file system
    void* lock_owner;
    int lock_depth;
    libk::IntrusiveList<Ext2Inode, &Ext2Inode::cache_node> inodes;   // the inode cache
};

inline Ext2Inode* EXT2_I(inode* node) { return reinterpret_cast<Ext2Inode*>(node); }
inline Ext2SbInfo* EXT2_SB(super_block* sb) { return static_cast<Ext2SbInfo*>(sb->s_fs_info); }
inline e2::GroupDesc* group_desc(Ext2SbInfo* sbi, uint32_t group)
{
    auto* base = reinterpret_cast<e2::GroupDesc*>(sbi->gd_bh[group / sbi->geometry.descs_per_block]->b_data);
    return base + group % sbi->geometry.descs_per_block;
}
inline void group_desc_dirty(Ext2SbInfo* sbi, uint32_t group)
{
    mark_buffer_dirty(sbi->gd_bh[group / sbi->geometry.descs_per_block]);
}
constexpr unsigned long MS_RDONLY_FLAG = 1;   // MS_RDONLY (uapi/linux/mount.h)
inline bool ext2_read_only(super_block* sb) { return sb->s_flags & MS_RDONLY_FLAG; }

// The per-file-system lock, recursive: iput inside an operation may evict an inode.
class Ext2Lock {
public:
    explicit Ext2Lock(super_block* sb);
    ~Ext2Lock();
    Ext2Lock(const Ext2Lock&) = delete;
    Ext2Lock& operator=(const Ext2Lock&) = delete;

private:
    Ext2SbInfo* m_sbi;
};

// Linux's ext2_error: logs "EXT2-fs error (device sda): function: what: number",
// marks the file system as having errors (e2fsck then checks it) and returns
// -EIO (as an Error). The mount goes on (errors=continue, mke2fs's default).
libk::Error ext2_error(super_block* sb, const char* function, const char* what, unsigned long number);
#define ext2_corrupt(sb, what, number) ext2_error((sb), __func__, (what), (number))
// A block number the file system may hold in a pointer.
inline bool ext2_valid_block(Ext2SbInfo* sbi, uint32_t block)
{
    return block >= sbi->disk.s_first_data_block && block < sbi->disk.s_blocks_count;
}
// sb_bread of a block that must be inside the file system: -EIO otherwise.
ErrorOr<buffer_head*> ext2_bread(super_block* sb, uint32_t block);
// Writes the in-memory super block into its buffer (and the free counts).
void ext2_sync_super(super_block* sb, bool clean);

// ---- inodes (inode.cpp) ----
ErrorOr<inode*> ext2_iget(super_block* sb, uint32_t ino);
// Writes the inode into the inode table (the buffer cache writes it back).
ErrorOr<void> ext2_write_inode(inode* node);
void ext2_evict_inode(inode* node);
int ext2_drop_inode(inode* node);
int ext2_setattr(inode* node, iattr* attr);
// Sets i_op/i_fop from i_mode.
void ext2_set_ops(inode* node);
// The device block of logical block `logical`; 0 for a hole unless `create`.
// For a hole, `*hole_blocks` (if given) is how many blocks from `logical` on are
// holes for certain: a missing indirect block makes its whole range one. For a
// mapped block, `*run` (if given) is how many blocks from it lie one after the
// other on the disk under one table of the map (1 at least).
ErrorOr<uint32_t> ext2_get_block(inode* node, uint64_t logical, bool create, uint64_t* hole_blocks = nullptr,
    uint32_t* run = nullptr);
// For a write that fills them whole before the size covers them (O_DIRECT
// past the end): maps the hole at `logical` and those after it in the same
// table of the block map, up to `wanted`, to new blocks one after another on
// the disk. Only the first is zeroed in the cache. The first's device block;
// `*count` how many.
ErrorOr<uint32_t> ext2_map_new_run(inode* node, uint64_t logical, uint32_t wanted, uint32_t* count);
// Frees every block at or past logical block `from` (indirect ones included).
ErrorOr<void> ext2_free_blocks_from(inode* node, uint64_t from);
ErrorOr<void> ext2_truncate(inode* node, loff_t size);
dev_t ext2_decode_dev(const uint32_t* i_block);
void ext2_encode_dev(uint32_t* i_block, dev_t dev);
// The inode cache: inodes of this super block in memory (empty after umount).
bool ext2_inode_cache_empty(super_block* sb);

// ---- allocation (balloc.cpp, ialloc.cpp) ----
ErrorOr<uint32_t> ext2_new_block(super_block* sb, uint32_t goal);
// Marks used the free blocks from `start` on, one after another in its group,
// up to `wanted`; how many (0 if `start` is taken).
uint32_t ext2_claim_blocks(super_block* sb, uint32_t start, uint32_t wanted);
void ext2_free_block(super_block* sb, uint32_t block);
ErrorOr<inode*> ext2_new_inode(inode* dir, umode_t mode);
void ext2_free_inode(inode* node);
uint32_t ext2_count_free_blocks(Ext2SbInfo* sbi);
uint32_t ext2_count_free_inodes(Ext2SbInfo* sbi);

// ---- directories (dir.cpp) ----
struct Ext2DirSlot {
    buffer_head* bh;     // held; ext2_put_slot releases it
    uint32_t offset;
    int previous;        // offset of the entry before, or -1
    uint32_t inode;
};
void ext2_put_slot(Ext2DirSlot& slot);
// Finds name in dir: the slot (bh held) or ENOENT.
ErrorOr<Ext2DirSlot> ext2_find_entry(inode* dir, const char* name, unsigned length);
ErrorOr<void> ext2_add_entry(inode* dir, const char* name, unsigned length, inode* node);
ErrorOr<void> ext2_delete_entry(inode* dir, Ext2DirSlot& slot);
// Points an existing entry at `node` (rename over a target, a moved directory's "..").
ErrorOr<void> ext2_set_entry(inode* dir, Ext2DirSlot& slot, inode* node);
ErrorOr<bool> ext2_dir_is_empty(inode* dir);
// The ".." entry of a directory.
ErrorOr<Ext2DirSlot> ext2_dotdot(inode* dir);

extern const file_operations ext2_file_operations;
// read and write of a regular file through the buffer cache (file.cpp), and
// with O_DIRECT around it (direct.cpp). The writes are called with what
// ext2_file_write checked first: a position and a count (not 0) that fit.
ssize_t ext2_buffered_read(file* f, char __user* buffer, size_t count, loff_t* pos);
ssize_t ext2_buffered_write(file* f, const char __user* buffer, size_t count, loff_t* pos);
ssize_t ext2_direct_read(file* f, char __user* buffer, size_t count, loff_t* pos);
ssize_t ext2_direct_write(file* f, const char __user* buffer, size_t count, loff_t* pos);
extern const file_operations ext2_dir_operations;
extern const inode_operations ext2_file_inode_operations;
extern const inode_operations ext2_dir_inode_operations;
extern const inode_operations ext2_symlink_inode_operations;
extern const inode_operations ext2_special_inode_operations;
extern file_system_type ext2_fs_type;

// -errno at the VFS edge.
inline int ext2_errno(const ErrorOr<void>& result) { return result.is_error() ? -result.error().code() : 0; }
