// /dev/kmsg (1,11): the kernel log, one record per read in Linux's format
// "level,seq,usec,-;text\n"; writing logs a line ("<N>" sets the level).
#include <kernel/mm.h>
#include <kernel/printk.h>
#include <kernel/uaccess.h>
#include <libk/format.h>
#include <libk/log_buffer.h>
#include <libk/string.h>
#include <libk/utility.h>
#include <linux/errno.h>
#include <linux/fs.h>

namespace {

struct KmsgReader {
    uint64_t seq;
    char text[libk::LogBuffer::max_text + 1];
    char line[libk::LogBuffer::max_text + 64];
};

int kmsg_open(inode*, file* f)
{
    if (!(f->f_mode & FMODE_READ))
        return 0;   // writers need no state
    auto* reader = static_cast<KmsgReader*>(kmalloc(sizeof(KmsgReader), GFP_KERNEL));
    if (!reader)
        return -ENOMEM;
    reader->seq = log_first_seq();
    f->private_data = reader;
    return 0;
}

int kmsg_release(inode*, file* f)
{
    kfree(f->private_data);
    return 0;
}

ssize_t kmsg_read(file* f, char __user* buffer, size_t count, loff_t*)
{
    auto* reader = static_cast<KmsgReader*>(f->private_data);
    if (!reader)
        return -EBADF;
    if (reader->seq >= log_next_seq()) {
        if (f->f_flags & O_NONBLOCK)
            return -EAGAIN;
        if (int error = log_wait_for_record(reader->seq))
            return error;
    }
    libk::LogRecord record {};
    if (!log_read(reader->seq, record, reader->text, sizeof(reader->text)))
        return -EAGAIN;
    if (record.seq > reader->seq) {
        reader->seq = record.seq;   // records were overwritten: tell the reader once, as Linux does
        return -EPIPE;
    }
    size_t text_length = libk::min(static_cast<size_t>(record.text_length), sizeof(reader->text) - 1);
    while (text_length > 0 && reader->text[text_length - 1] == '\n')
        --text_length;   // the record format adds its own newline
    int length = libk::snprintf(reader->line, sizeof(reader->line), "%u,%llu,%llu,-;%.*s\n", record.level,
        static_cast<unsigned long long>(record.seq), static_cast<unsigned long long>(record.timestamp_ns / 1000),
        static_cast<int>(text_length), reader->text);
    if (length < 0)
        return -EINVAL;
    size_t size = libk::min(static_cast<size_t>(length), sizeof(reader->line) - 1);
    if (size > count)
        return -EINVAL;   // the whole record or nothing
    if (copy_to_user(buffer, reader->line, size))
        return -EFAULT;
    reader->seq = record.seq + 1;
    return static_cast<ssize_t>(size);
}

ssize_t kmsg_write(file*, const char __user* buffer, size_t count, loff_t*)
{
    char line[512];
    size_t length = libk::min(count, sizeof(line) - 1);
    if (copy_from_user(line, buffer, length))
        return -EFAULT;
    line[length] = '\0';
    // An optional "<N>" prefix sets the level (the facility bits above 7 are dropped).
    int level = MESSAGE_LOGLEVEL_DEFAULT;
    const char* text = line;
    if (line[0] == '<') {
        size_t i = 1;
        int value = 0;
        while (i < length && line[i] >= '0' && line[i] <= '9' && i < 6)
            value = value * 10 + (line[i++] - '0');
        if (i > 1 && i < length && line[i] == '>') {
            level = value & 7;
            text = line + i + 1;
        }
    }
    // printk takes the level from its format string, so pick one format per level.
    static const char* const formats[8] = { KERN_EMERG "%s%s", KERN_ALERT "%s%s", KERN_CRIT "%s%s",
        KERN_ERR "%s%s", KERN_WARNING "%s%s", KERN_NOTICE "%s%s", KERN_INFO "%s%s", KERN_DEBUG "%s%s" };
    size_t text_length = libk::strlen(text);
    bool has_newline = text_length > 0 && text[text_length - 1] == '\n';
    printk(formats[level], text, has_newline ? "" : "\n");
    return static_cast<ssize_t>(count);
}

loff_t kmsg_llseek(file* f, loff_t offset, int whence)
{
    auto* reader = static_cast<KmsgReader*>(f->private_data);
    if (!reader || offset != 0)
        return -ESPIPE;
    if (whence == SEEK_SET)
        reader->seq = log_first_seq();
    else if (whence == SEEK_END || whence == SEEK_DATA)
        reader->seq = log_next_seq();
    else
        return -EINVAL;
    return 0;
}

__poll_t kmsg_poll(file* f, poll_table* table)
{
    poll_wait(f, &log_wait_queue(), table);
    auto* reader = static_cast<KmsgReader*>(f->private_data);
    if (reader && reader->seq < log_next_seq())
        return EPOLLIN | EPOLLRDNORM;
    return 0;
}

} // namespace

extern const struct file_operations kmsg_fops;
const struct file_operations kmsg_fops = {
    .owner = nullptr,
    .llseek = kmsg_llseek,
    .read = kmsg_read,
    .write = kmsg_write,
    .poll = kmsg_poll,
    .open = kmsg_open,
    .release = kmsg_release,
};
