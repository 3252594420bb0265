// The ext2 on-disk format (little-endian, as written by mke2fs) and the pure
// checks the kernel's ext2 driver runs before trusting anything read from a disk.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace libk::ext2 {

constexpr uint16_t super_magic = 0xEF53;
constexpr uint32_t superblock_offset = 1024;    // bytes from the start of the device
constexpr uint32_t superblock_size = 1024;
constexpr uint32_t root_ino = 2;
constexpr uint32_t good_old_first_ino = 11;     // revision 0: first non-reserved inode
constexpr uint32_t good_old_inode_size = 128;
constexpr uint32_t name_max = 255;

// i_block[]: 12 direct pointers, then single, double and triple indirect.
constexpr uint32_t n_direct = 12;
constexpr uint32_t ind_block = 12;
constexpr uint32_t dind_block = 13;
constexpr uint32_t tind_block = 14;
constexpr uint32_t n_blocks = 15;
constexpr uint32_t fast_symlink_max = n_blocks * 4;   // 60 bytes of i_block hold the target

// s_state
constexpr uint16_t state_valid = 1;    // unmounted cleanly
constexpr uint16_t state_error = 2;

// Feature flags (only the names the driver checks).
constexpr uint32_t compat_dir_prealloc = 0x1;
constexpr uint32_t compat_imagic_inodes = 0x2;
constexpr uint32_t compat_has_journal = 0x4;
constexpr uint32_t compat_ext_attr = 0x8;
constexpr uint32_t compat_resize_inode = 0x10;
constexpr uint32_t compat_dir_index = 0x20;

constexpr uint32_t incompat_compression = 0x1;
constexpr uint32_t incompat_filetype = 0x2;
constexpr uint32_t incompat_recover = 0x4;
constexpr uint32_t incompat_journal_dev = 0x8;
constexpr uint32_t incompat_meta_bg = 0x10;
constexpr uint32_t incompat_extents = 0x40;
constexpr uint32_t incompat_64bit = 0x80;
constexpr uint32_t incompat_mmp = 0x100;
constexpr uint32_t incompat_flex_bg = 0x200;
constexpr uint32_t incompat_supported = incompat_filetype;

constexpr uint32_t ro_compat_sparse_super = 0x1;
constexpr uint32_t ro_compat_large_file = 0x2;
constexpr uint32_t ro_compat_btree_dir = 0x4;
constexpr uint32_t ro_compat_huge_file = 0x8;
constexpr uint32_t ro_compat_gdt_csum = 0x10;
constexpr uint32_t ro_compat_dir_nlink = 0x20;
constexpr uint32_t ro_compat_extra_isize = 0x40;
constexpr uint32_t ro_compat_metadata_csum = 0x400;
constexpr uint32_t ro_compat_supported = ro_compat_sparse_super | ro_compat_large_file;

// Directory entry file_type byte (with the FILETYPE feature).
enum FileType : uint8_t {
    ft_unknown = 0,
    ft_reg_file = 1,
    ft_dir = 2,
    ft_chrdev = 3,
    ft_blkdev = 4,
    ft_fifo = 5,
    ft_sock = 6,
    ft_symlink = 7,
};

struct __attribute__((packed)) SuperBlock {
    uint32_t s_inodes_count;
    uint32_t s_blocks_count;
    uint32_t s_r_blocks_count;
    uint32_t s_free_blocks_count;
    uint32_t s_free_inodes_count;
    uint32_t s_first_data_block;
    uint32_t s_log_block_size;
    int32_t s_log_frag_size;
    uint32_t s_blocks_per_group;
    uint32_t s_frags_per_group;
    uint32_t s_inodes_per_group;
    uint32_t s_mtime;
    uint32_t s_wtime;
    uint16_t s_mnt_count;
    int16_t s_max_mnt_count;
    uint16_t s_magic;
    uint16_t s_state;
    uint16_t s_errors;
    uint16_t s_minor_rev_level;
    uint32_t s_lastcheck;
    uint32_t s_checkinterval;
    uint32_t s_creator_os;
    uint32_t s_rev_level;
    uint16_t s_def_resuid;
    uint16_t s_def_resgid;
    // revision 1 (dynamic) only
    uint32_t s_first_ino;
    uint16_t s_inode_size;
    uint16_t s_block_group_nr;
    uint32_t s_feature_compat;
    uint32_t s_feature_incompat;
    uint32_t s_feature_ro_compat;
    uint8_t s_uuid[16];
    char s_volume_name[16];
    char s_last_mounted[64];
    uint32_t s_algorithm_usage_bitmap;
    uint8_t s_prealloc_blocks;
    uint8_t s_prealloc_dir_blocks;
    uint16_t s_reserved_gdt_blocks;   // kept free for online resize (resize_inode)
    uint8_t s_journal_uuid[16];
    uint32_t s_journal_inum;
    uint32_t s_journal_dev;
    uint32_t s_last_orphan;
    uint32_t s_hash_seed[4];
    uint8_t s_def_hash_version;
    uint8_t s_reserved_char_pad[3];
    uint32_t s_default_mount_opts;
    uint32_t s_first_meta_bg;
    uint32_t s_reserved[190];
};
static_assert(sizeof(SuperBlock) == 1024);

struct __attribute__((packed)) GroupDesc {
    uint32_t bg_block_bitmap;
    uint32_t bg_inode_bitmap;
    uint32_t bg_inode_table;
    uint16_t bg_free_blocks_count;
    uint16_t bg_free_inodes_count;
    uint16_t bg_used_dirs_count;
    uint16_t bg_pad;
    uint32_t bg_reserved[3];
};
static_assert(sizeof(GroupDesc) == 32);

struct __attribute__((packed)) Inode {
    uint16_t i_mode;
    uint16_t i_uid;
    uint32_t i_size;
    uint32_t i_atime;
    uint32_t i_ctime;
    uint32_t i_mtime;
    uint32_t i_dtime;
    uint16_t i_gid;
    uint16_t i_links_count;
    uint32_t i_blocks;          // 512-byte units
    uint32_t i_flags;
    uint32_t i_osd1;
    uint32_t i_block[n_blocks];
    uint32_t i_generation;
    uint32_t i_file_acl;
    uint32_t i_size_high;       // i_dir_acl in revision 0; high 32 bits of a regular file's size
    uint32_t i_faddr;
    uint8_t l_i_frag;
    uint8_t l_i_fsize;
    uint16_t l_i_pad1;
    uint16_t l_i_uid_high;
    uint16_t l_i_gid_high;
    uint32_t l_i_reserved2;
};
static_assert(sizeof(Inode) == 128);

struct __attribute__((packed)) DirEntryHeader {
    uint32_t inode;             // 0: unused entry
    uint16_t rec_len;           // to the next entry
    uint8_t name_len;
    uint8_t file_type;          // the high byte of name_len without the FILETYPE feature
};
static_assert(sizeof(DirEntryHeader) == 8);

// ---- super block ----

// What a valid super block implies.
struct Geometry {
    uint32_t block_size;
    uint32_t block_size_bits;
    uint32_t group_count;
    uint32_t inode_size;
    uint32_t first_ino;
    uint32_t descs_per_block;
    uint32_t gdt_blocks;            // blocks holding the group descriptors
    uint32_t inodes_per_block;
    uint32_t itable_blocks;         // inode-table blocks per group
    uint32_t addr_per_block;        // block numbers in an indirect block
};

// nullptr when `sb` describes a file system the driver can use (filling `out`),
// otherwise what is wrong with it, for the log.
const char* check_superblock(const SuperBlock& sb, Geometry& out);

enum class Access { read_write, read_only, refuse };
struct FeatureVerdict {
    Access access;
    const char* feature;   // the first feature forcing read-only or refusal, else nullptr
};
FeatureVerdict check_features(const SuperBlock& sb);
// The name of one incompat / ro_compat bit ("extents", "metadata_csum"...).
const char* incompat_name(uint32_t bit);
const char* ro_compat_name(uint32_t bit);

// Whether group `group` holds a backup super block and descriptor copy.
bool group_has_super(const SuperBlock& sb, uint32_t group);
// The first and one-past-last block of group `group`.
uint32_t group_first_block(const SuperBlock& sb, uint32_t group);
uint32_t group_block_count(const SuperBlock& sb, const Geometry& geometry, uint32_t group);
// nullptr when the descriptor's bitmaps and inode table lie inside its group and the device.
const char* check_group_desc(const SuperBlock& sb, const Geometry& geometry, uint32_t group, const GroupDesc& desc);

// Where inode `ino` lives: the group, the block of the inode table and the byte offset in it.
struct InodeLocation {
    uint32_t group;
    uint32_t index;             // in the group's inode bitmap
    uint32_t table_block;       // relative to bg_inode_table
    uint32_t offset;            // bytes in that block
};
InodeLocation locate_inode(const Geometry& geometry, uint32_t inodes_per_group, uint32_t ino);

// ---- block map ----

// The path from i_block[] to a logical block: depth 0 is a direct pointer,
// 1..3 single, double, triple indirect; index[0] indexes i_block, index[1..depth]
// the indirect blocks on the way down.
struct BlockPath {
    uint32_t depth;
    uint32_t index[4];
};
// False past the triple-indirect range.
bool block_path(uint32_t addr_per_block, uint64_t logical, BlockPath& out);
// Logical blocks a file can map (12 + p + p^2 + p^3).
uint64_t max_mapped_blocks(uint32_t addr_per_block);
// How many blocks from the one `path` names are holes when its pointer at
// `level` (0: in i_block) is 0: the rest of that pointer's range, and the
// ranges of the 0 pointers after it among the `count` of `pointers`, the table
// at that level. So a read skips a missing indirect block's range in one step.
uint64_t hole_length(const BlockPath& path, uint32_t level, const uint32_t* pointers, uint32_t count,
    uint32_t addr_per_block);
// How many blocks, from the one pointers[from] names, follow it on the disk
// (pointers[from + k] == pointers[from] + k) among the first `count` pointers:
// 1 at least. A read takes such a run from one walk of the block map.
uint32_t contiguous_run(const uint32_t* pointers, uint32_t from, uint32_t count);

// ---- directories ----

constexpr uint32_t dir_rec_len(uint32_t name_len) { return (8 + name_len + 3) & ~3u; }

struct DirEntry {
    uint32_t offset;            // in the block
    uint32_t inode;
    uint32_t rec_len;
    uint32_t name_len;
    uint8_t file_type;
    const char* name;
};
// Reads and validates the entry at `offset` of a directory block: rec_len at least
// the header and name (rounded to 4), a multiple of 4, inside the block; inode
// number at most `inodes_count`. nullptr or what is wrong.
const char* read_dir_entry(const uint8_t* block, uint32_t block_size, uint32_t offset, uint32_t inodes_count,
    DirEntry& out);
// Validates a whole block (entries chain exactly to its end).
const char* check_dir_block(const uint8_t* block, uint32_t block_size, uint32_t inodes_count);
// Where a name of `name_len` bytes fits: the offset of an unused entry or of a live
// entry with slack of at least dir_rec_len(name_len); -1 if the block is full.
// The block must have passed check_dir_block.
int find_dir_slot(const uint8_t* block, uint32_t block_size, uint32_t name_len);
// Puts an entry at the slot find_dir_slot returned (splitting a live entry).
void insert_dir_entry(uint8_t* block, uint32_t slot, uint32_t inode, const char* name, uint32_t name_len,
    uint8_t file_type);
// Removes the entry at `offset` (merging it into the previous one, or marking it
// unused when it is first in the block). `previous` is the preceding entry's
// offset, or -1.
void remove_dir_entry(uint8_t* block, int previous, uint32_t offset);
// Writes an empty directory block: one unused entry spanning it.
void init_empty_dir_block(uint8_t* block, uint32_t block_size);
// Writes "." and ".." as the first block of a new directory.
void init_dir_block(uint8_t* block, uint32_t block_size, uint32_t self, uint32_t parent, bool filetype);

// ---- bitmaps (ext2's: bit i is byte i/8, bit i%8) ----

inline bool test_bit(const uint8_t* map, uint32_t bit) { return (map[bit / 8] >> (bit % 8)) & 1; }
inline void set_bit(uint8_t* map, uint32_t bit) { map[bit / 8] |= static_cast<uint8_t>(1u << (bit % 8)); }
inline void clear_bit(uint8_t* map, uint32_t bit) { map[bit / 8] &= static_cast<uint8_t>(~(1u << (bit % 8))); }
// The first clear bit in [from, count), then wrapping to [0, from); -1 if none.
int64_t find_zero_bit(const uint8_t* map, uint32_t count, uint32_t from);

// i_mode's file type as the directory entry's file_type byte.
uint8_t file_type_of_mode(uint16_t mode);

} // namespace libk::ext2
