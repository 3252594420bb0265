// ramfs file contents and directory listing. A file is a table of pages, one
// per 4 KiB; a missing page is a hole that reads as zeros, so sparse files
// (dd seek=, ftruncate up) cost nothing and st_blocks counts only real pages.
#include "ramfs.h"
#include <kernel/mm.h>
#include <kernel/uaccess.h>
#include <libk/string.h>
#include <linux/falloc.h>
#include <linux/stat.h>

namespace {

constexpr size_t page_size = 4096;
constexpr loff_t ramfs_max_size = 256 * 1024 * 1024;   // far beyond RAM; keeps size_t math safe

// Pages held by ramfs and tmpfs files, for /proc/meminfo: all of them are
// Cached, tmpfs's are Shmem as well (as Linux counts them).
constinit unsigned long file_pages = 0;
constinit unsigned long tmpfs_pages = 0;

void count_page(inode* node, long delta)
{
    __atomic_add_fetch(&file_pages, delta, __ATOMIC_RELAXED);
    if (node->i_sb && node->i_sb->s_type == &tmpfs_fs_type)
        __atomic_add_fetch(&tmpfs_pages, delta, __ATOMIC_RELAXED);
}

void set_blocks(inode* node, RamfsInode* info)
{
    node->i_blocks = static_cast<blkcnt_t>(info->pages_used * (page_size / 512));
}

// Makes the page table hold at least `slots` entries (new ones are holes).
int reserve_slots(RamfsInode* info, size_t slots)
{
    if (slots <= info->page_slots)
        return 0;
    size_t capacity = info->page_slots ? info->page_slots : 4;
    while (capacity < slots)
        capacity *= 2;
    auto* pages = static_cast<char**>(krealloc(info->pages, capacity * sizeof(char*), GFP_KERNEL));
    if (!pages)
        return -ENOSPC;
    libk::memset(pages + info->page_slots, 0, (capacity - info->page_slots) * sizeof(char*));
    info->pages = pages;
    info->page_slots = capacity;
    return 0;
}

// The page at `index`, allocated (zeroed) if it is a hole; nullptr when out of memory.
char* get_page(inode* node, RamfsInode* info, size_t index)
{
    if (reserve_slots(info, index + 1) < 0)
        return nullptr;
    if (!info->pages[index]) {
        auto* page = static_cast<char*>(alloc_pages(0));
        if (!page)
            return nullptr;
        libk::memset(page, 0, page_size);
        set_page_count(page, 1);   // the file's reference; execve's mappings take more
        info->pages[index] = page;
        ++info->pages_used;
        count_page(node, 1);
        set_blocks(node, info);
    }
    return info->pages[index];
}

void free_page_at(inode* node, RamfsInode* info, size_t index)
{
    if (index < info->page_slots && info->pages[index]) {
        put_page_at(info->pages[index]);   // a running program may still map it
        info->pages[index] = nullptr;
        --info->pages_used;
        count_page(node, -1);
    }
}

ssize_t ramfs_read(file* f, char __user* buffer, size_t count, loff_t* pos)
{
    inode* node = file_inode(f);
    RamfsInode* info = ramfs_info(node);
    if (*pos < 0)
        return -EINVAL;
    if (*pos >= node->i_size || count == 0)
        return 0;
    count = static_cast<size_t>(libk::min(static_cast<loff_t>(count), node->i_size - *pos));
    size_t done = 0;
    while (done < count) {
        size_t position = static_cast<size_t>(*pos);
        size_t index = position / page_size;
        size_t offset = position % page_size;
        size_t chunk = libk::min(page_size - offset, count - done);
        char* page = index < info->page_slots ? info->pages[index] : nullptr;
        size_t left = page ? copy_to_user(buffer + done, page + offset, chunk) : clear_user(buffer + done, chunk);
        done += chunk - left;
        *pos += static_cast<loff_t>(chunk - left);
        if (left)
            return done ? static_cast<ssize_t>(done) : -EFAULT;
    }
    node->i_atime = current_time(node);
    return static_cast<ssize_t>(done);
}

ssize_t ramfs_write(file* f, const char __user* buffer, size_t count, loff_t* pos)
{
    inode* node = file_inode(f);
    RamfsInode* info = ramfs_info(node);
    if (*pos < 0)
        return -EINVAL;
    if (count == 0)
        return 0;
    if (*pos >= ramfs_max_size)
        return -EFBIG;
    if (static_cast<loff_t>(count) > ramfs_max_size - *pos)
        count = static_cast<size_t>(ramfs_max_size - *pos);
    size_t done = 0;
    int error = 0;
    while (done < count) {
        size_t position = static_cast<size_t>(*pos);
        size_t offset = position % page_size;
        size_t chunk = libk::min(page_size - offset, count - done);
        char* page = get_page(node, info, position / page_size);
        if (!page) {
            error = -ENOSPC;
            break;
        }
        size_t left = copy_from_user(page + offset, buffer + done, chunk);
        done += chunk - left;
        *pos += static_cast<loff_t>(chunk - left);
        if (*pos > node->i_size)
            node->i_size = *pos;
        if (left) {
            error = -EFAULT;
            break;
        }
    }
    if (!done)
        return error;
    node->i_mtime = node->i_ctime = current_time(node);
    return static_cast<ssize_t>(done);
}

// fallocate: mode 0 allocates the range and grows the size; KEEP_SIZE only allocates.
long ramfs_fallocate(file* f, int mode, loff_t offset, loff_t length)
{
    inode* node = file_inode(f);
    RamfsInode* info = ramfs_info(node);
    if (mode & ~FALLOC_FL_KEEP_SIZE)
        return -EOPNOTSUPP;
    if (offset + length > ramfs_max_size)
        return -EFBIG;
    size_t first = static_cast<size_t>(offset) / page_size;
    size_t last = static_cast<size_t>(offset + length - 1) / page_size;
    for (size_t index = first; index <= last; ++index)
        if (!get_page(node, info, index))
            return -ENOSPC;
    if (!(mode & FALLOC_FL_KEEP_SIZE) && offset + length > node->i_size)
        node->i_size = offset + length;
    node->i_ctime = current_time(node);
    return 0;
}

// Directory positions: 0 ".", 1 "..", then entry n at n + 2.
int ramfs_iterate(file* f, dir_context* ctx)
{
    inode* dir = file_inode(f);
    RamfsInode* info = ramfs_info(dir);
    if (ctx->pos == 0) {
        if (!dir_emit(ctx, ".", 1, dir->i_ino, DT_DIR))
            return 0;
        ctx->pos = 1;
    }
    if (ctx->pos == 1) {
        if (!dir_emit(ctx, "..", 2, info->parent->i_ino, DT_DIR))
            return 0;
        ctx->pos = 2;
    }
    loff_t index = 2;
    for (RamfsDirent& entry : info->entries) {
        if (index++ < ctx->pos)
            continue;
        if (!dir_emit(ctx, entry.name, entry.length, entry.node->i_ino, S_DT(entry.node->i_mode)))
            return 0;
        ctx->pos = index;
    }
    return 0;
}

loff_t ramfs_dir_llseek(file* f, loff_t offset, int whence)
{
    if (whence != SEEK_SET && whence != SEEK_CUR)
        return -EINVAL;
    return fixed_size_llseek(f, offset, whence, 0);
}

} // namespace

int ramfs_resize(inode* node, loff_t size)
{
    RamfsInode* info = ramfs_info(node);
    if (size < 0 || size > ramfs_max_size)
        return -EFBIG;
    if (size < node->i_size) {
        // Pages wholly past the new end go; the tail of the last one is zeroed
        // so that growing again shows zeros there.
        size_t keep = (static_cast<size_t>(size) + page_size - 1) / page_size;
        for (size_t index = keep; index < info->page_slots; ++index)
            free_page_at(node, info, index);
        size_t tail = static_cast<size_t>(size) % page_size;
        if (tail && keep - 1 < info->page_slots && info->pages[keep - 1])
            libk::memset(info->pages[keep - 1] + tail, 0, page_size - tail);
        set_blocks(node, info);
    }
    node->i_size = size;
    return 0;
}

void ramfs_free_pages(inode* node, RamfsInode* info)
{
    for (size_t index = 0; index < info->page_slots; ++index)
        free_page_at(node, info, index);
    kfree(info->pages);
    info->pages = nullptr;
    info->page_slots = 0;
}

void* ramfs_get_file_page(inode* node, unsigned long index)
{
    RamfsInode* info = ramfs_info(node);
    char* page = index < info->page_slots ? info->pages[index] : nullptr;
    if (page)
        page_ref_inc(page);
    return page;
}

void ramfs_page_stats(unsigned long* cached, unsigned long* shmem)
{
    *cached = __atomic_load_n(&file_pages, __ATOMIC_RELAXED);
    *shmem = __atomic_load_n(&tmpfs_pages, __ATOMIC_RELAXED);
}

const file_operations ramfs_file_operations = {
    .owner = nullptr,
    .llseek = generic_file_llseek,
    .read = ramfs_read,
    .write = ramfs_write,
    .fsync = noop_fsync,
    .fallocate = ramfs_fallocate,
};

const file_operations ramfs_dir_operations = {
    .owner = nullptr,
    .llseek = ramfs_dir_llseek,
    .iterate_shared = ramfs_iterate,
    .fsync = noop_fsync,
};
