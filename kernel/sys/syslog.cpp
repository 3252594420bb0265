// syslog(2), the call behind dmesg: read the log buffer as Linux formats it
// ("<6>[    0.123456] text\n"), clear it, change the console log level.
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/uaccess.h>
#include <libk/format.h>
#include <libk/log_buffer.h>
#include <linux/errno.h>
#include <linux/syslog.h>

namespace {

constexpr size_t log_buffer_bytes = 128 * 1024;   // what SIZE_BUFFER reports
constinit uint64_t syslog_seq = 0;                // where SYSLOG_ACTION_READ continues
constinit int saved_console_loglevel = 0;

// Formats one record as dmesg expects it; returns its length.
size_t format_record(const libk::LogRecord& record, const char* text, char* out, size_t size)
{
    size_t n = libk::scnprintf(out, size, "<%u>", record.level);
    n += format_log_timestamp(record.timestamp_ns, out + n, size - n);
    n += libk::scnprintf(out + n, size - n, "%s\n", text);
    return n;
}

// Copies records from `first` on into the user buffer; with `tail_only` the
// oldest ones are skipped so the newest fit (Linux's READ_ALL). Returns bytes.
long copy_records(uint64_t first, char __user* buffer, size_t length, bool tail_only, uint64_t* next)
{
    static char text[libk::LogBuffer::max_text];
    static char line[libk::LogBuffer::max_text + 64];
    libk::LogRecord record;
    if (tail_only) {
        // Count from the newest backwards what fits.
        size_t total = 0;
        uint64_t start = log_next_seq();
        while (start > first) {
            if (!log_read(start - 1, record, text, sizeof(text)) || record.seq != start - 1)
                break;
            size_t n = format_record(record, text, line, sizeof(line));
            if (total + n > length)
                break;
            total += n;
            --start;
        }
        first = start;
    }
    size_t copied = 0;
    uint64_t seq = first;
    while (log_read(seq, record, text, sizeof(text))) {
        size_t n = format_record(record, text, line, sizeof(line));
        if (copied + n > length)
            break;
        if (copy_to_user(buffer + copied, line, n))
            return -EFAULT;
        copied += n;
        seq = record.seq + 1;
    }
    if (next)
        *next = seq;
    return static_cast<long>(copied);
}

size_t unread_bytes(uint64_t from)
{
    static char text[libk::LogBuffer::max_text];
    static char line[libk::LogBuffer::max_text + 64];
    libk::LogRecord record;
    size_t total = 0;
    for (uint64_t seq = from; log_read(seq, record, text, sizeof(text)); seq = record.seq + 1)
        total += format_record(record, text, line, sizeof(line));
    return total;
}

} // namespace

extern "C" long sys_syslog(int type, char __user* buffer, int length)
{
    // Reading the whole buffer is open to all (dmesg_restrict=0); the rest needs root.
    bool privileged = current->cred.euid == 0;
    if (type != SYSLOG_ACTION_READ_ALL && type != SYSLOG_ACTION_SIZE_BUFFER && !privileged)
        return -EPERM;
    switch (type) {
    case SYSLOG_ACTION_CLOSE:
    case SYSLOG_ACTION_OPEN:
        return 0;
    case SYSLOG_ACTION_READ: {
        if (!buffer || length < 0)
            return -EINVAL;
        if (syslog_seq < log_first_seq())
            syslog_seq = log_first_seq();
        // Blocks until there is something new, as Linux's does.
        if (int error = log_wait_for_record(syslog_seq))
            return error;
        return copy_records(syslog_seq, buffer, static_cast<size_t>(length), false, &syslog_seq);
    }
    case SYSLOG_ACTION_READ_ALL:
    case SYSLOG_ACTION_READ_CLEAR: {
        if (!buffer || length < 0)
            return -EINVAL;
        long n = copy_records(log_first_seq(), buffer, static_cast<size_t>(length), true, nullptr);
        if (n >= 0 && type == SYSLOG_ACTION_READ_CLEAR)
            log_clear();
        return n;
    }
    case SYSLOG_ACTION_CLEAR:
        log_clear();
        return 0;
    case SYSLOG_ACTION_CONSOLE_OFF:
        if (!saved_console_loglevel)
            saved_console_loglevel = console_loglevel;
        console_loglevel = 1;   // only panics, as Linux's minimum
        return 0;
    case SYSLOG_ACTION_CONSOLE_ON:
        if (saved_console_loglevel) {
            console_loglevel = saved_console_loglevel;
            saved_console_loglevel = 0;
        }
        return 0;
    case SYSLOG_ACTION_CONSOLE_LEVEL:
        if (length < 1 || length > 8)
            return -EINVAL;
        console_loglevel = length < 1 ? 1 : length;
        saved_console_loglevel = 0;
        return 0;
    case SYSLOG_ACTION_SIZE_UNREAD:
        return static_cast<long>(unread_bytes(syslog_seq < log_first_seq() ? log_first_seq() : syslog_seq));
    case SYSLOG_ACTION_SIZE_BUFFER:
        return static_cast<long>(log_buffer_bytes);
    default:
        return -EINVAL;
    }
}
