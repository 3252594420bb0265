// /proc/kmsg: the kernel log for a logging daemon, as Linux's: root only, each
// read blocks until there are new records and consumes them ("<6>[    0.123456] text\n").
#include "internal.h"
#include <kernel/initcall.h>
#include <kernel/mm.h>
#include <kernel/printk.h>
#include <kernel/uaccess.h>
#include <kernel/wait.h>
#include <libk/format.h>
#include <libk/log_buffer.h>
#include <libk/utility.h>
#include <linux/fcntl.h>

namespace {

constinit WaitQueue reader_wait;    // readers waiting for their turn
constinit int reader_busy = 0;
// The next record to hand out, and how much of it an earlier short read took
// (Linux's syslog_seq and syslog_partial, kept apart from syslog(2)'s here).
constinit uint64_t kmsg_seq = 0;
constinit size_t kmsg_partial = 0;

constexpr size_t line_size = libk::LogBuffer::max_text + 64;

bool has_unread()
{
    return kmsg_seq < log_next_seq();
}

// Formats record `seq` (or the oldest surviving one after it) into `line`;
// returns its length, or 0 when there is none. `seq` becomes the record's.
size_t format_next(uint64_t& seq, char* text, char* line)
{
    libk::LogRecord record {};
    if (!log_read(seq, record, text, libk::LogBuffer::max_text))
        return 0;
    if (record.seq != seq)
        kmsg_partial = 0;   // ours was overwritten: go on with the oldest one left
    seq = record.seq;
    size_t length = libk::scnprintf(line, line_size, "<%u>", record.level);
    length += format_log_timestamp(record.timestamp_ns, line + length, line_size - length);
    length += libk::scnprintf(line + length, line_size - length, "%s\n", text);
    return length;
}

// Copies whole records (and the rest of a record cut by a short read) into `out`.
ssize_t copy_records(char __user* out, size_t count, char* text, char* line)
{
    size_t copied = 0;
    while (copied < count) {
        if (kmsg_seq < log_first_seq()) {
            kmsg_seq = log_first_seq();   // what we had not read yet was overwritten
            kmsg_partial = 0;
        }
        uint64_t seq = kmsg_seq;
        size_t length = format_next(seq, text, line);
        if (length == 0)
            break;
        size_t offset = libk::min(kmsg_partial, length);
        size_t n = libk::min(length - offset, count - copied);
        if (copy_to_user(out + copied, line + offset, n))
            return copied ? static_cast<ssize_t>(copied) : -EFAULT;
        copied += n;
        if (offset + n < length) {
            kmsg_seq = seq;
            kmsg_partial = offset + n;
            break;
        }
        kmsg_seq = seq + 1;
        kmsg_partial = 0;
    }
    return static_cast<ssize_t>(copied);
}

int kmsg_open(inode*, file*)
{
    // Linux asks for CAP_SYSLOG; the file's 0400 already keeps out everyone but root.
    return current->cred.euid == 0 ? 0 : -EPERM;
}

ssize_t kmsg_read(file* f, char __user* out, size_t count, loff_t*)
{
    if (count == 0)
        return 0;
    if ((f->f_flags & O_NONBLOCK) && !has_unread())
        return -EAGAIN;
    // One reader at a time, as Linux's syslog_lock.
    if (reader_wait.wait_until_interruptible([] { return __atomic_exchange_n(&reader_busy, 1, __ATOMIC_ACQUIRE) == 0; }))
        return -ERESTARTSYS;
    ssize_t result = log_wait_for_record(kmsg_seq);
    if (result == 0) {
        auto* text = static_cast<char*>(kmalloc(libk::LogBuffer::max_text + line_size, GFP_KERNEL));
        result = text ? copy_records(out, count, text, text + libk::LogBuffer::max_text) : -ENOMEM;
        kfree(text);
    }
    __atomic_store_n(&reader_busy, 0, __ATOMIC_RELEASE);
    reader_wait.wake_up_all();
    return result;
}

__poll_t kmsg_poll(file* f, poll_table_struct* table)
{
    poll_wait(f, &log_wait_queue(), table);
    return has_unread() ? EPOLLIN | EPOLLRDNORM : 0;
}

const file_operations kmsg_fops = {
    .owner = nullptr,
    .llseek = no_llseek,
    .read = kmsg_read,
    .write = nullptr,
    .iterate_shared = nullptr,
    .poll = kmsg_poll,
    .unlocked_ioctl = nullptr,
    .compat_ioctl = nullptr,
    .mmap = nullptr,
    .open = kmsg_open,
};

int proc_kmsg_init()
{
    proc_create_fops("kmsg", 0400, nullptr, &kmsg_fops, nullptr);
    return 0;
}

} // namespace

fs_initcall(proc_kmsg_init);
