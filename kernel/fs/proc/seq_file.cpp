// seq_file (include/linux/seq_file.h): a file's text produced record by record
// through start/next/stop/show into a buffer that doubles when a record does not
// fit; reading at an offset not yet reached replays the records from the start.
#include "internal.h"
#include <kernel/mm.h>
#include <kernel/uaccess.h>
#include <kernel/wait.h>
#include <libk/format.h>
#include <libk/string.h>
#include <libk/utility.h>
#include <linux/export.h>
#include <linux/mm_types.h>
#include <linux/seq_file.h>

namespace {

// Readers of the same seq_file take turns (Linux's m->lock mutex).
constinit WaitQueue seq_lock_wait;

class SeqLock {
public:
    explicit SeqLock(seq_file* m)
        : m_seq(m)
    {
        seq_lock_wait.wait_until([m] { return __atomic_exchange_n(&m->lock, 1, __ATOMIC_ACQUIRE) == 0; });
    }
    ~SeqLock()
    {
        __atomic_store_n(&m_seq->lock, 0, __ATOMIC_RELEASE);
        seq_lock_wait.wake_up_all();
    }
    SeqLock(const SeqLock&) = delete;
    SeqLock& operator=(const SeqLock&) = delete;

private:
    seq_file* m_seq;
};

bool is_error_pointer(const void* p)
{
    return reinterpret_cast<unsigned long>(p) >= static_cast<unsigned long>(-4095);
}

int error_of(const void* p)
{
    return is_error_pointer(p) ? static_cast<int>(reinterpret_cast<long>(p)) : 0;
}

void set_overflow(seq_file* m)
{
    m->count = m->size;
}

// Drops the buffer and allocates one twice as big; false when out of memory.
bool grow_buffer(seq_file* m)
{
    kfree(m->buf);
    m->count = 0;
    m->size *= 2;
    m->buf = static_cast<char*>(kmalloc(m->size, GFP_KERNEL));
    return m->buf != nullptr;
}

bool ensure_buffer(seq_file* m)
{
    if (m->buf)
        return true;
    m->size = PAGE_SIZE;
    m->buf = static_cast<char*>(kmalloc(m->size, GFP_KERNEL));
    return m->buf != nullptr;
}

// Shows the records from index 0 until `offset` is inside the buffer (m->from
// marks it there). 0, or -errno; -EAGAIN asks to retry with the bigger buffer.
int traverse(seq_file* m, loff_t offset)
{
    m->index = 0;
    m->count = m->from = 0;
    if (offset == 0)
        return 0;
    if (!ensure_buffer(m))
        return -ENOMEM;
    loff_t position = 0;
    int error = 0;
    void* p = m->op->start(m, &m->index);
    while (p) {
        if (is_error_pointer(p)) {
            error = error_of(p);
            break;
        }
        error = m->op->show(m, p);
        if (error < 0)
            break;
        if (error > 0)
            m->count = 0;   // SEQ_SKIP
        error = 0;
        if (seq_has_overflowed(m)) {
            m->op->stop(m, p);
            return grow_buffer(m) ? -EAGAIN : -ENOMEM;
        }
        p = m->op->next(m, p, &m->index);
        if (position + static_cast<loff_t>(m->count) > offset) {
            m->from = static_cast<size_t>(offset - position);
            m->count -= m->from;
            break;
        }
        position += static_cast<loff_t>(m->count);
        m->count = 0;
        if (position == offset)
            break;
    }
    m->op->stop(m, p);
    return error;
}

int traverse_retrying(seq_file* m, loff_t offset)
{
    int error;
    while ((error = traverse(m, offset)) == -EAGAIN) { }
    return error;
}

// Copies up to `size` buffered bytes to user space; bytes copied, or -EFAULT.
ssize_t flush_buffer(seq_file* m, char __user*& out, size_t& size)
{
    size_t n = libk::min(m->count, size);
    if (n && copy_to_user(out, m->buf + m->from, n))
        return -EFAULT;
    m->count -= n;
    m->from += n;
    out += n;
    size -= n;
    return static_cast<ssize_t>(n);
}

// Reads into user space; the caller holds the lock. Bytes read or -errno.
ssize_t do_seq_read(seq_file* m, char __user* out, size_t size, loff_t* ppos)
{
    if (*ppos != m->read_pos) {
        // A seek or pread elsewhere: replay up to there.
        int error = traverse_retrying(m, *ppos);
        if (error) {
            m->read_pos = m->index = 0;
            m->count = m->from = 0;
            return error;
        }
        m->read_pos = *ppos;
    }
    if (!ensure_buffer(m))
        return -ENOMEM;
    ssize_t copied = 0;
    // What an earlier read left in the buffer goes first.
    if (m->count) {
        ssize_t n = flush_buffer(m, out, size);
        if (n < 0)
            return n;
        copied += n;
        if (m->count || size == 0)
            return copied;
    }
    // Find the first record with output, growing the buffer until it fits.
    m->from = 0;
    int error = 0;
    void* p = m->op->start(m, &m->index);
    for (;;) {
        if (!p || is_error_pointer(p)) {
            error = error_of(p);
            m->op->stop(m, p);
            m->count = 0;
            return copied ? copied : error;
        }
        error = m->op->show(m, p);
        if (error < 0) {
            m->op->stop(m, p);
            m->count = 0;
            return copied ? copied : error;
        }
        if (error > 0)
            m->count = 0;   // SEQ_SKIP
        if (m->count == 0) {
            p = m->op->next(m, p, &m->index);
            continue;
        }
        if (!seq_has_overflowed(m))
            break;
        m->op->stop(m, p);
        if (!grow_buffer(m))
            return copied ? copied : -ENOMEM;
        p = m->op->start(m, &m->index);
    }
    // Add whole records while they fit and the reader wants more.
    for (;;) {
        size_t before = m->count;
        loff_t index = m->index;
        p = m->op->next(m, p, &m->index);
        if (m->index == index) {
            printk(KERN_WARNING "seq_file: next() did not update the position index\n");
            ++m->index;
        }
        if (!p || is_error_pointer(p))
            break;
        if (m->count >= size)
            break;
        error = m->op->show(m, p);
        if (error > 0) {
            m->count = before;   // SEQ_SKIP
        } else if (error < 0 || seq_has_overflowed(m)) {
            m->count = before;   // this record goes into the next read
            break;
        }
    }
    m->op->stop(m, p);
    ssize_t n = flush_buffer(m, out, size);
    if (n < 0)
        return copied ? copied : n;
    return copied + n;
}

void* single_start(seq_file*, loff_t* pos)
{
    return *pos ? nullptr : SEQ_START_TOKEN;
}

void* single_next(seq_file*, void*, loff_t* pos)
{
    ++*pos;
    return nullptr;
}

void single_stop(seq_file*, void*) { }

} // namespace

extern "C" {

int seq_open(struct file* file, const struct seq_operations* op)
{
    if (file->private_data)
        printk(KERN_WARNING "seq_open: file->private_data is already set\n");
    auto* m = static_cast<seq_file*>(kzalloc(sizeof(seq_file), GFP_KERNEL));
    if (!m)
        return -ENOMEM;
    m->op = op;
    m->file = file;
    file->private_data = m;
    file->f_mode &= ~FMODE_PWRITE;   // seq files are not written at an offset
    return 0;
}

ssize_t seq_read(struct file* file, char __user* buf, size_t size, loff_t* ppos)
{
    auto* m = static_cast<seq_file*>(file->private_data);
    SeqLock lock(m);
    ssize_t result = do_seq_read(m, buf, size, ppos);
    if (result > 0) {
        *ppos += result;
        m->read_pos += result;
    }
    return result;
}

loff_t seq_lseek(struct file* file, loff_t offset, int whence)
{
    auto* m = static_cast<seq_file*>(file->private_data);
    SeqLock lock(m);
    switch (whence) {
    case SEEK_CUR:
        offset += file->f_pos;
        [[fallthrough]];
    case SEEK_SET:
        break;
    default:
        return -EINVAL;
    }
    if (offset < 0)
        return -EINVAL;
    if (offset != m->read_pos) {
        int error = traverse_retrying(m, offset);
        if (error) {
            // Start over from the beginning on the next read.
            file->f_pos = 0;
            m->read_pos = m->index = 0;
            m->count = 0;
            return error;
        }
        m->read_pos = offset;
    }
    file->f_pos = offset;
    return offset;
}

int seq_release(struct inode*, struct file* file)
{
    auto* m = static_cast<seq_file*>(file->private_data);
    if (m) {
        kfree(m->buf);
        kfree(m);
        file->private_data = nullptr;
    }
    return 0;
}

void* __seq_open_private(struct file* file, const struct seq_operations* op, int psize)
{
    void* data = kzalloc(static_cast<size_t>(psize), GFP_KERNEL);
    if (!data)
        return nullptr;
    if (seq_open(file, op) != 0) {
        kfree(data);
        return nullptr;
    }
    static_cast<seq_file*>(file->private_data)->private_data = data;
    return data;
}

int seq_open_private(struct file* file, const struct seq_operations* op, int psize)
{
    return __seq_open_private(file, op, psize) ? 0 : -ENOMEM;
}

int seq_release_private(struct inode* inode, struct file* file)
{
    auto* m = static_cast<seq_file*>(file->private_data);
    if (m)
        kfree(m->private_data);
    return seq_release(inode, file);
}

int single_open(struct file* file, int (*show)(struct seq_file*, void*), void* data)
{
    // The operations carry the caller's show, so each open gets its own.
    auto* op = static_cast<seq_operations*>(kzalloc(sizeof(seq_operations), GFP_KERNEL));
    if (!op)
        return -ENOMEM;
    op->start = single_start;
    op->next = single_next;
    op->stop = single_stop;
    op->show = show;
    int error = seq_open(file, op);
    if (error) {
        kfree(op);
        return error;
    }
    static_cast<seq_file*>(file->private_data)->private_data = data;
    return 0;
}

int single_open_size(struct file* file, int (*show)(struct seq_file*, void*), void* data, size_t size)
{
    auto* buffer = static_cast<char*>(kmalloc(size, GFP_KERNEL));
    if (!buffer)
        return -ENOMEM;
    int error = single_open(file, show, data);
    if (error) {
        kfree(buffer);
        return error;
    }
    auto* m = static_cast<seq_file*>(file->private_data);
    m->buf = buffer;
    m->size = size;
    return 0;
}

int single_release(struct inode* inode, struct file* file)
{
    auto* m = static_cast<seq_file*>(file->private_data);
    const seq_operations* op = m ? m->op : nullptr;
    int result = seq_release(inode, file);
    kfree(op);
    return result;
}

int seq_vprintf(struct seq_file* m, const char* fmt, va_list args)
{
    if (m->count < m->size) {
        size_t room = m->size - m->count;
        int length = libk::vsnprintf(m->buf + m->count, room, fmt, args);
        if (length >= 0 && static_cast<size_t>(length) < room) {
            m->count += static_cast<size_t>(length);
            return 0;
        }
    }
    set_overflow(m);
    return -1;
}

int seq_printf(struct seq_file* m, const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    int result = seq_vprintf(m, fmt, args);
    va_end(args);
    return result;
}

int seq_write(struct seq_file* m, const void* data, size_t length)
{
    if (m->count + length < m->size) {
        libk::memcpy(m->buf + m->count, data, length);
        m->count += length;
        return 0;
    }
    set_overflow(m);
    return -1;
}

int seq_puts(struct seq_file* m, const char* s)
{
    return seq_write(m, s, libk::strlen(s));
}

int seq_putc(struct seq_file* m, char c)
{
    if (m->count + 1 < m->size) {
        m->buf[m->count++] = c;
        return 0;
    }
    set_overflow(m);
    return -1;
}

EXPORT_SYMBOL(seq_open);
EXPORT_SYMBOL(seq_read);
EXPORT_SYMBOL(seq_lseek);
EXPORT_SYMBOL(seq_release);
EXPORT_SYMBOL(__seq_open_private);
EXPORT_SYMBOL(seq_open_private);
EXPORT_SYMBOL(seq_release_private);
EXPORT_SYMBOL(single_open);
EXPORT_SYMBOL(single_open_size);
EXPORT_SYMBOL(single_release);
EXPORT_SYMBOL(seq_vprintf);
EXPORT_SYMBOL(seq_printf);
EXPORT_SYMBOL(seq_write);
EXPORT_SYMBOL(seq_puts);
EXPORT_SYMBOL(seq_putc);

} // extern "C"
