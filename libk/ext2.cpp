// ext2 on-disk checks and arithmetic: super block geometry, features, the block
// map path, directory blocks and bitmaps. No I/O here; the kernel driver reads blocks.
#include <libk/ext2.h>

namespace libk::ext2 {

namespace {

uint32_t load16(const uint8_t* p) { return static_cast<uint32_t>(p[0] | (p[1] << 8)); }
uint32_t load32(const uint8_t* p)
{
    return static_cast<uint32_t>(p[0]) | (static_cast<uint32_t>(p[1]) << 8) | (static_cast<uint32_t>(p[2]) << 16)
        | (static_cast<uint32_t>(p[3]) << 24);
}
void store16(uint8_t* p, uint32_t v)
{
    p[0] = static_cast<uint8_t>(v);
    p[1] = static_cast<uint8_t>(v >> 8);
}
void store32(uint8_t* p, uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        p[i] = static_cast<uint8_t>(v >> (8 * i));
}

bool is_power_of_two(uint32_t v) { return v && !(v & (v - 1)); }

bool is_power_of(uint32_t value, uint32_t base)
{
    while (value > 1 && value % base == 0)
        value /= base;
    return value == 1;
}

struct FeatureName {
    uint32_t bit;
    const char* name;
};

constexpr FeatureName incompat_names[] = {
    { incompat_compression, "compression" },
    { incompat_filetype, "filetype" },
    { incompat_recover, "needs_recovery" },
    { incompat_journal_dev, "journal_dev" },
    { incompat_meta_bg, "meta_bg" },
    { incompat_extents, "extents" },
    { incompat_64bit, "64bit" },
    { incompat_mmp, "mmp" },
    { incompat_flex_bg, "flex_bg" },
};

constexpr FeatureName ro_compat_names[] = {
    { ro_compat_sparse_super, "sparse_super" },
    { ro_compat_large_file, "large_file" },
    { ro_compat_btree_dir, "btree_dir" },
    { ro_compat_huge_file, "huge_file" },
    { ro_compat_gdt_csum, "uninit_bg" },
    { ro_compat_dir_nlink, "dir_nlink" },
    { ro_compat_extra_isize, "extra_isize" },
    { ro_compat_metadata_csum, "metadata_csum" },
};

template<size_t N>
const char* name_of(const FeatureName (&table)[N], uint32_t bit)
{
    for (const FeatureName& entry : table)
        if (entry.bit == bit)
            return entry.name;
    return "unknown";
}

uint32_t lowest_bit(uint32_t v) { return v & (~v + 1); }

} // namespace

const char* incompat_name(uint32_t bit) { return name_of(incompat_names, bit); }
const char* ro_compat_name(uint32_t bit) { return name_of(ro_compat_names, bit); }

const char* check_superblock(const SuperBlock& sb, Geometry& out)
{
    if (sb.s_magic != super_magic)
        return "bad magic number";
    if (sb.s_rev_level > 1)
        return "unknown revision level";
    if (sb.s_log_block_size > 2)
        return "block size above 4096";
    uint32_t block_size = 1024u << sb.s_log_block_size;
    uint32_t expected_first = block_size == 1024 ? 1 : 0;
    if (sb.s_first_data_block != expected_first)
        return "first data block does not match the block size";
    if (sb.s_blocks_per_group == 0 || sb.s_blocks_per_group > 8 * block_size)
        return "blocks per group out of range";
    if (sb.s_inodes_per_group == 0 || sb.s_inodes_per_group > 8 * block_size)
        return "inodes per group out of range";
    if (sb.s_blocks_count <= sb.s_first_data_block)
        return "no data blocks";
    if (sb.s_r_blocks_count > sb.s_blocks_count)
        return "more reserved blocks than blocks";

    uint32_t inode_size = good_old_inode_size;
    uint32_t first_ino = good_old_first_ino;
    if (sb.s_rev_level == 1) {
        inode_size = sb.s_inode_size;
        first_ino = sb.s_first_ino;
        if (inode_size < good_old_inode_size || !is_power_of_two(inode_size) || inode_size > block_size)
            return "bad inode size";
        if (first_ino < good_old_first_ino)
            return "first inode below 11";
    }
    uint64_t groups = (static_cast<uint64_t>(sb.s_blocks_count) - sb.s_first_data_block + sb.s_blocks_per_group - 1)
        / sb.s_blocks_per_group;
    if (static_cast<uint64_t>(sb.s_inodes_per_group) * groups != sb.s_inodes_count)
        return "inode count does not match the groups";
    if (first_ino >= sb.s_inodes_count)
        return "first inode past the inode count";
    uint32_t descs_per_block = block_size / sizeof(GroupDesc);
    uint64_t gdt_blocks = (groups + descs_per_block - 1) / descs_per_block;
    if (gdt_blocks >= sb.s_blocks_per_group || sb.s_first_data_block + 1 + gdt_blocks > sb.s_blocks_count)
        return "group descriptors do not fit";
    uint32_t inodes_per_block = block_size / inode_size;
    if (sb.s_inodes_per_group % inodes_per_block != 0)
        return "inodes per group not a whole number of blocks";

    out.block_size = block_size;
    out.block_size_bits = 10 + sb.s_log_block_size;
    out.group_count = static_cast<uint32_t>(groups);
    out.inode_size = inode_size;
    out.first_ino = first_ino;
    out.descs_per_block = descs_per_block;
    out.gdt_blocks = static_cast<uint32_t>(gdt_blocks);
    out.inodes_per_block = inodes_per_block;
    out.itable_blocks = sb.s_inodes_per_group / inodes_per_block;
    out.addr_per_block = block_size / 4;
    if (out.itable_blocks >= sb.s_blocks_per_group)
        return "inode table larger than a group";
    return nullptr;
}

FeatureVerdict check_features(const SuperBlock& sb)
{
    if (sb.s_rev_level == 0)
        return { Access::read_write, nullptr };   // revision 0 has no feature fields
    uint32_t incompat = sb.s_feature_incompat & ~incompat_supported;
    if (incompat)
        return { Access::refuse, incompat_name(lowest_bit(incompat)) };
    uint32_t ro_compat = sb.s_feature_ro_compat & ~ro_compat_supported;
    if (ro_compat)
        return { Access::read_only, ro_compat_name(lowest_bit(ro_compat)) };
    return { Access::read_write, nullptr };
}

bool group_has_super(const SuperBlock& sb, uint32_t group)
{
    if (group <= 1)
        return true;
    if (sb.s_rev_level == 0 || !(sb.s_feature_ro_compat & ro_compat_sparse_super))
        return true;
    return is_power_of(group, 3) || is_power_of(group, 5) || is_power_of(group, 7);
}

uint32_t group_first_block(const SuperBlock& sb, uint32_t group)
{
    return sb.s_first_data_block + group * sb.s_blocks_per_group;
}

uint32_t group_block_count(const SuperBlock& sb, const Geometry& geometry, uint32_t group)
{
    if (group + 1 < geometry.group_count)
        return sb.s_blocks_per_group;
    return sb.s_blocks_count - group_first_block(sb, group);
}

const char* check_group_desc(const SuperBlock& sb, const Geometry& geometry, uint32_t group, const GroupDesc& desc)
{
    uint32_t first = group_first_block(sb, group);
    uint32_t end = first + group_block_count(sb, geometry, group);
    if (desc.bg_block_bitmap < first || desc.bg_block_bitmap >= end)
        return "block bitmap not in its group";
    if (desc.bg_inode_bitmap < first || desc.bg_inode_bitmap >= end)
        return "inode bitmap not in its group";
    if (desc.bg_inode_table < first || desc.bg_inode_table + static_cast<uint64_t>(geometry.itable_blocks) > end)
        return "inode table not in its group";
    if (desc.bg_free_blocks_count > group_block_count(sb, geometry, group))
        return "free block count above the group size";
    if (desc.bg_free_inodes_count > sb.s_inodes_per_group)
        return "free inode count above the group size";
    return nullptr;
}

InodeLocation locate_inode(const Geometry& geometry, uint32_t inodes_per_group, uint32_t ino)
{
    InodeLocation location {};
    location.group = (ino - 1) / inodes_per_group;
    location.index = (ino - 1) % inodes_per_group;
    uint64_t byte = static_cast<uint64_t>(location.index) * geometry.inode_size;
    location.table_block = static_cast<uint32_t>(byte / geometry.block_size);
    location.offset = static_cast<uint32_t>(byte % geometry.block_size);
    return location;
}

bool block_path(uint32_t p, uint64_t logical, BlockPath& out)
{
    out = {};
    if (logical < n_direct) {
        out.depth = 0;
        out.index[0] = static_cast<uint32_t>(logical);
        return true;
    }
    logical -= n_direct;
    if (logical < p) {
        out.depth = 1;
        out.index[0] = ind_block;
        out.index[1] = static_cast<uint32_t>(logical);
        return true;
    }
    logical -= p;
    uint64_t p2 = static_cast<uint64_t>(p) * p;
    if (logical < p2) {
        out.depth = 2;
        out.index[0] = dind_block;
        out.index[1] = static_cast<uint32_t>(logical / p);
        out.index[2] = static_cast<uint32_t>(logical % p);
        return true;
    }
    logical -= p2;
    if (logical < p2 * p) {
        out.depth = 3;
        out.index[0] = tind_block;
        out.index[1] = static_cast<uint32_t>(logical / p2);
        out.index[2] = static_cast<uint32_t>((logical / p) % p);
        out.index[3] = static_cast<uint32_t>(logical % p);
        return true;
    }
    return false;
}

uint64_t max_mapped_blocks(uint32_t p)
{
    uint64_t p64 = p;
    return n_direct + p64 + p64 * p64 + p64 * p64 * p64;
}

uint64_t hole_length(const BlockPath& path, uint32_t level, const uint32_t* pointers, uint32_t count,
    uint32_t addr_per_block)
{
    uint64_t span = 1;          // blocks one pointer at `level` covers
    uint64_t offset = 0;        // of the block inside that pointer's range
    for (uint32_t below = path.depth; below > level; --below) {
        offset += path.index[below] * span;
        span *= addr_per_block;
    }
    uint64_t length = span - offset;
    for (uint32_t next = path.index[level] + 1; next < count && pointers[next] == 0; ++next)
        length += span;
    return length;
}

uint32_t contiguous_run(const uint32_t* pointers, uint32_t from, uint32_t count)
{
    uint32_t run = 1;
    while (from + run < count && pointers[from + run] == static_cast<uint64_t>(pointers[from]) + run)
        ++run;
    return run;
}

const char* read_dir_entry(const uint8_t* block, uint32_t block_size, uint32_t offset, uint32_t inodes_count,
    DirEntry& out)
{
    if (offset % 4 != 0)
        return "misaligned directory entry";
    if (offset + 8 > block_size)
        return "directory entry header past the block";
    const uint8_t* p = block + offset;
    out.offset = offset;
    out.inode = load32(p);
    out.rec_len = load16(p + 4);
    out.name_len = p[6];
    out.file_type = p[7];
    out.name = reinterpret_cast<const char*>(p + 8);
    if (out.rec_len < 8)
        return "rec_len smaller than the header";
    if (out.rec_len % 4 != 0)
        return "rec_len not a multiple of 4";
    if (out.rec_len < dir_rec_len(out.name_len))
        return "rec_len too small for the name";
    if (out.rec_len > block_size - offset)
        return "directory entry past the block";
    if (out.inode > inodes_count)
        return "inode number out of range";
    if (out.inode != 0 && out.name_len == 0)
        return "empty name";
    return nullptr;
}

const char* check_dir_block(const uint8_t* block, uint32_t block_size, uint32_t inodes_count)
{
    uint32_t offset = 0;
    while (offset < block_size) {
        DirEntry entry;
        if (const char* error = read_dir_entry(block, block_size, offset, inodes_count, entry))
            return error;
        offset += entry.rec_len;
    }
    return nullptr;
}

int find_dir_slot(const uint8_t* block, uint32_t block_size, uint32_t name_len)
{
    uint32_t needed = dir_rec_len(name_len);
    uint32_t offset = 0;
    while (offset + 8 <= block_size) {
        const uint8_t* p = block + offset;
        uint32_t inode = load32(p);
        uint32_t rec_len = load16(p + 4);
        if (rec_len < 8 || rec_len % 4 != 0 || rec_len > block_size - offset)
            return -1;
        if (inode == 0 && rec_len >= needed)
            return static_cast<int>(offset);
        if (inode != 0 && rec_len >= dir_rec_len(p[6]) + needed)
            return static_cast<int>(offset);
        offset += rec_len;
    }
    return -1;
}

void insert_dir_entry(uint8_t* block, uint32_t slot, uint32_t inode, const char* name, uint32_t name_len,
    uint8_t file_type)
{
    uint8_t* p = block + slot;
    if (load32(p) != 0) {
        uint32_t used = dir_rec_len(p[6]);
        uint32_t rest = load16(p + 4) - used;
        store16(p + 4, used);
        p += used;
        store16(p + 4, rest);
    }
    store32(p, inode);
    p[6] = static_cast<uint8_t>(name_len);
    p[7] = file_type;
    for (uint32_t i = 0; i < name_len; ++i)
        p[8 + i] = static_cast<uint8_t>(name[i]);
    // Zero the padding so the block is the same whoever wrote it.
    for (uint32_t i = 8 + name_len; i < dir_rec_len(name_len); ++i)
        p[i] = 0;
}

void remove_dir_entry(uint8_t* block, int previous, uint32_t offset)
{
    uint8_t* p = block + offset;
    if (previous < 0) {
        store32(p, 0);
        return;
    }
    uint8_t* q = block + previous;
    store16(q + 4, load16(q + 4) + load16(p + 4));
}

void init_empty_dir_block(uint8_t* block, uint32_t block_size)
{
    for (uint32_t i = 0; i < block_size; ++i)
        block[i] = 0;
    store16(block + 4, block_size);
}

void init_dir_block(uint8_t* block, uint32_t block_size, uint32_t self, uint32_t parent, bool filetype)
{
    for (uint32_t i = 0; i < block_size; ++i)
        block[i] = 0;
    store32(block, self);
    store16(block + 4, 12);
    block[6] = 1;
    block[7] = filetype ? ft_dir : 0;
    block[8] = '.';
    store32(block + 12, parent);
    store16(block + 16, block_size - 12);
    block[18] = 2;
    block[19] = filetype ? ft_dir : 0;
    block[20] = '.';
    block[21] = '.';
}

int64_t find_zero_bit(const uint8_t* map, uint32_t count, uint32_t from)
{
    if (count == 0)
        return -1;
    if (from >= count)
        from = 0;
    for (uint32_t pass = 0; pass < 2; ++pass) {
        uint32_t start = pass == 0 ? from : 0;
        uint32_t end = pass == 0 ? count : from;
        uint32_t bit = start;
        while (bit < end) {
            if (bit % 8 == 0 && map[bit / 8] == 0xff) {
                bit += 8;
                continue;
            }
            if (!test_bit(map, bit))
                return bit;
            ++bit;
        }
    }
    return -1;
}

uint8_t file_type_of_mode(uint16_t mode)
{
    switch (mode & 0170000) {
    case 0100000: return ft_reg_file;
    case 0040000: return ft_dir;
    case 0020000: return ft_chrdev;
    case 0060000: return ft_blkdev;
    case 0010000: return ft_fifo;
    case 0140000: return ft_sock;
    case 0120000: return ft_symlink;
    default: return ft_unknown;
    }
}

} // namespace libk::ext2
