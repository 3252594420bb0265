// ext2 symbolic links: fast ones keep the target in i_block (under 60 bytes),
// slow ones in their first data block.
#include "ext2.h"
#include <libk/string.h>

namespace {

int ext2_readlink(inode* node, char* buffer, int size)
{
    super_block* sb = node->i_sb;
    Ext2Lock lock(sb);
    Ext2Inode* ei = EXT2_I(node);
    loff_t length = node->i_size;
    if (length <= 0 || length >= static_cast<loff_t>(sb->s_blocksize))
        return -ext2_corrupt(sb, "bad symlink size", node->i_ino).code();
    int copied = static_cast<int>(length < size ? length : size);
    blkcnt_t acl_blocks = ei->i_file_acl ? static_cast<blkcnt_t>(sb->s_blocksize / 512) : 0;
    if (node->i_blocks - acl_blocks == 0) {
        if (length >= static_cast<loff_t>(e2::fast_symlink_max))
            return -ext2_corrupt(sb, "fast symlink too long", node->i_ino).code();
        libk::memcpy(buffer, reinterpret_cast<const char*>(ei->i_block), static_cast<size_t>(copied));
        return copied;
    }
    auto block = ext2_get_block(node, 0, false);
    if (block.is_error())
        return -block.error().code();
    if (block.value() == 0)
        return -ext2_corrupt(sb, "symlink without a block", node->i_ino).code();
    auto bh = ext2_bread(sb, block.value());
    if (bh.is_error())
        return -bh.error().code();
    libk::memcpy(buffer, bh.value()->b_data, static_cast<size_t>(copied));
    brelse(bh.value());
    return copied;
}

} // namespace

const inode_operations ext2_symlink_inode_operations = {
    .readlink = ext2_readlink,
    .setattr = ext2_setattr,
};
