// dmesg_dump: prints the whole log buffer straight to the consoles, whatever
// the console log level, so a boot test can read what only the buffer holds.
#include <kernel/printk.h>
#include <libk/format.h>
#include <libk/log_buffer.h>
#include <libk/string.h>

void dump_log_buffer()
{
    static char text[libk::LogBuffer::max_text];
    char line[64];
    libk::LogRecord record;
    const char* begin = "----- dmesg dump begin -----\n";
    console_write_direct(begin, libk::strlen(begin));
    for (uint64_t seq = log_first_seq(); log_read(seq, record, text, sizeof(text)); seq = record.seq + 1) {
        // "<level>[timestamp] text", as `dmesg -r` prints.
        size_t n = libk::scnprintf(line, sizeof(line), "<%u>", record.level);
        n += format_log_timestamp(record.timestamp_ns, line + n, sizeof(line) - n);
        console_write_direct(line, n);
        console_write_direct(text, libk::strlen(text));
        console_write_direct("\n", 1);
    }
    const char* end = "----- dmesg dump end -----\n";
    console_write_direct(end, libk::strlen(end));
}
