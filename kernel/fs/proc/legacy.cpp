// The 2.6-era read_proc/write_proc interface of create_proc_entry(), as the
// proc_ops of an ordinary entry: reads go through one page of kernel memory that
// the module's read_proc fills (with Linux 2.6's *start and *eof conventions).
#include "internal.h"
#include <kernel/mm.h>
#include <kernel/uaccess.h>
#include <libk/utility.h>
#include <linux/mm_types.h>

namespace {

// What one read_proc call may fill: Linux leaves 1 KiB of the page as slack for
// read_proc functions that overshoot `count` a little.
constexpr size_t proc_block_size = PAGE_SIZE - 1024;

proc_dir_entry* entry_of(file* f)
{
    return static_cast<proc_dir_entry*>(file_inode(f)->i_private);
}

ssize_t legacy_read(file* f, char __user* buffer, size_t nbytes, loff_t* ppos)
{
    proc_dir_entry* entry = entry_of(f);
    if (!entry->read_proc)
        return -EIO;
    auto* page = static_cast<char*>(kmalloc(PAGE_SIZE, GFP_KERNEL));
    if (!page)
        return -ENOMEM;
    ssize_t total = 0;
    int eof = 0;
    while (nbytes > 0 && !eof) {
        int count = static_cast<int>(libk::min(nbytes, proc_block_size));
        char* start = nullptr;
        int n = entry->read_proc(page, &start, static_cast<off_t>(*ppos), count, &eof, entry->data);
        if (n == 0)
            break;   // end of file
        if (n < 0) {
            if (total == 0)
                total = n;
            break;
        }
        // Where the data is and how far the position moves, by the three conventions.
        size_t length = static_cast<size_t>(n);
        const char* from;
        size_t advance;
        if (!start) {
            // The whole file from offset 0 was written: skip what was read before.
            length = libk::min(length, static_cast<size_t>(PAGE_SIZE));
            if (static_cast<loff_t>(length) <= *ppos)
                break;
            length -= static_cast<size_t>(*ppos);
            length = libk::min(length, static_cast<size_t>(count));
            from = page + *ppos;
            advance = length;
        } else if (start < page) {
            // A "position token": data at page, *start says how far the position moves.
            length = libk::min(length, static_cast<size_t>(count));
            from = page;
            advance = reinterpret_cast<unsigned long>(start);
        } else {
            // Data for offset *ppos at *start: in the page, or (as 2.6 allowed, and
            // the guide's sched.c does) in the module's own buffer.
            size_t start_offset = static_cast<size_t>(start - page);
            if (start_offset < PAGE_SIZE)
                length = libk::min(length, static_cast<size_t>(PAGE_SIZE) - start_offset);
            length = libk::min(length, static_cast<size_t>(count));
            from = start;
            advance = length;
        }
        size_t copied = length - copy_to_user(buffer, from, length);
        if (copied == 0) {
            if (total == 0)
                total = -EFAULT;
            break;
        }
        *ppos += start && start < page ? static_cast<loff_t>(advance) : static_cast<loff_t>(copied);
        nbytes -= copied;
        buffer += copied;
        total += static_cast<ssize_t>(copied);
        if (copied < length)
            break;
    }
    kfree(page);
    return total;
}

ssize_t legacy_write(file* f, const char __user* buffer, size_t count, loff_t*)
{
    proc_dir_entry* entry = entry_of(f);
    if (!entry->write_proc)
        return -EIO;
    // The module copies from user space itself (copy_from_user), as on 2.6.
    return entry->write_proc(f, buffer, static_cast<unsigned long>(count), entry->data);
}

// SEEK_SET and SEEK_CUR only: read_proc files have no known end.
loff_t legacy_llseek(file* f, loff_t offset, int whence)
{
    switch (whence) {
    case SEEK_CUR:
        offset += f->f_pos;
        [[fallthrough]];
    case SEEK_SET:
        if (offset < 0)
            return -EINVAL;
        f->f_pos = offset;
        return offset;
    default:
        return -EINVAL;
    }
}

} // namespace

const proc_ops proc_legacy_ops = {
    .proc_flags = 0,
    .proc_open = nullptr,
    .proc_read = legacy_read,
    .proc_write = legacy_write,
    .proc_lseek = legacy_llseek,
};
