// printk: formats a message, stores it in the log buffer with its level and
// timestamp, and prints it on the consoles when its level is below
// console_loglevel. Lines are assembled across KERN_CONT calls.
#include <kernel/printk.h>
#include <kernel/spinlock.h>
#include <kernel/time.h>
#include <kernel/wait.h>
#include <libk/format.h>
#include <libk/log_buffer.h>
#include <libk/string.h>

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
bool oops_in_progress = false;

namespace {

constexpr size_t log_buffer_size = 128 * 1024;
alignas(8) constinit char log_storage[log_buffer_size] = {};
constinit libk::LogBuffer log_buffer;
constinit bool log_buffer_ready = false;
constinit SpinLock logbuf_lock;
constinit Console* consoles = nullptr;
constinit WaitQueue log_wait;   // readers waiting for a new record

// The line being assembled: a printk without a trailing newline waits here
// for KERN_CONT pieces (Linux's cont buffer).
struct PartialLine {
    char text[libk::LogBuffer::max_text];
    size_t length;
    int level;
    uint64_t timestamp_ns;
};
constinit PartialLine partial = { {}, 0, -1, 0 };   // level -1: no line pending

void ensure_log_buffer()
{
    if (!log_buffer_ready) {
        log_buffer.init(log_storage, sizeof(log_storage));
        log_buffer_ready = true;
    }
}

void write_consoles(const char* text, size_t length)
{
    for (Console* console = consoles; console; console = console->next)
        console->write(text, length);
}

void print_record_on(Console* only, int level, uint64_t timestamp_ns, const char* text, size_t length)
{
    if (level >= console_loglevel)
        return;
    char prefix[32];
    size_t prefix_length = format_log_timestamp(timestamp_ns, prefix, sizeof(prefix));
    for (Console* console = consoles; console; console = console->next) {
        if (only && console != only)
            continue;
        console->write(prefix, prefix_length);
        console->write(text, length);
        console->write("\n", 1);
    }
}

// Stores the assembled line as one record and prints it.
void commit_partial_line()
{
    if (partial.length == 0 && partial.level < 0)
        return;
    log_buffer.append(static_cast<uint8_t>(partial.level), partial.timestamp_ns, partial.text, partial.length);
    print_record_on(nullptr, partial.level, partial.timestamp_ns, partial.text, partial.length);
    partial.length = 0;
    partial.level = -1;
}

// Splits a message's level prefix off; returns the level (or `cont` for KERN_CONT).
constexpr int level_cont = -2;
const char* parse_level(const char* text, int& level)
{
    level = MESSAGE_LOGLEVEL_DEFAULT;
    while (text[0] == KERN_SOH_ASCII && text[1]) {
        char c = text[1];
        if (c >= '0' && c <= '7')
            level = c - '0';
        else if (c == 'c')
            level = level_cont;
        text += 2;
    }
    return text;
}

} // namespace

size_t format_log_timestamp(uint64_t timestamp_ns, char* out, size_t size)
{
    uint64_t seconds = timestamp_ns / 1000000000ull;
    unsigned long microseconds = static_cast<unsigned long>((timestamp_ns % 1000000000ull) / 1000);
    int n = libk::scnprintf(out, size, "[%5lu.%06lu] ", static_cast<unsigned long>(seconds), microseconds);
    return static_cast<size_t>(n);
}

extern "C" int vprintk(const char* fmt, va_list args)
{
    char buffer[libk::LogBuffer::max_text];
    int level;
    const char* body = parse_level(fmt, level);
    int length = libk::vscnprintf(buffer, sizeof(buffer), body, args);
    uint64_t now = local_clock();

    uint32_t flags = arch::local_irq_save();
    bool locked = !logbuf_lock.is_locked();
    if (!locked && !oops_in_progress) {
        // printk from inside printk (a fault while printing): drop rather than deadlock.
        arch::local_irq_restore(flags);
        return 0;
    }
    if (locked)
        logbuf_lock.lock();
    ensure_log_buffer();

    if (level != level_cont) {
        commit_partial_line();
        partial.level = level;
        partial.timestamp_ns = now;
    } else if (partial.level < 0) {
        partial.level = MESSAGE_LOGLEVEL_DEFAULT;
        partial.timestamp_ns = now;
    }
    for (int i = 0; i < length; ++i) {
        if (buffer[i] == '\n') {
            int line_level = partial.level;
            commit_partial_line();
            partial.level = line_level;   // following text continues at this level
            partial.timestamp_ns = now;
            continue;
        }
        if (partial.length < sizeof(partial.text))
            partial.text[partial.length++] = buffer[i];
    }
    if (partial.length == 0)
        partial.level = -1;

    if (locked)
        logbuf_lock.unlock(0);
    arch::local_irq_restore(flags);
    // Waking is allowed in interrupt handlers; during an oops nobody reads.
    if (!oops_in_progress)
        log_wait.wake_up_all();
    return length;
}

extern "C" int printk(const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    int n = vprintk(fmt, args);
    va_end(args);
    return n;
}

void register_console(Console* console)
{
    if (!console_selected(console->name))
        return;
    SpinLockGuard guard(logbuf_lock);
    ensure_log_buffer();
    console->next = nullptr;
    Console** tail = &consoles;
    while (*tail)
        tail = &(*tail)->next;
    *tail = console;

    // Replay what was logged before this console existed.
    char text[libk::LogBuffer::max_text];
    libk::LogRecord record;
    for (uint64_t seq = log_buffer.first_seq(); log_buffer.read(seq, record, text, sizeof(text)); seq = record.seq + 1)
        print_record_on(console, record.level, record.timestamp_ns, text, libk::strlen(text));
}

bool log_read(uint64_t seq, libk::LogRecord& record, char* text, size_t text_size)
{
    SpinLockGuard guard(logbuf_lock);
    ensure_log_buffer();
    return log_buffer.read(seq, record, text, text_size);
}

uint64_t log_first_seq()
{
    SpinLockGuard guard(logbuf_lock);
    ensure_log_buffer();
    return log_buffer.first_seq();
}

uint64_t log_next_seq()
{
    SpinLockGuard guard(logbuf_lock);
    ensure_log_buffer();
    return log_buffer.next_seq();
}

void log_clear()
{
    SpinLockGuard guard(logbuf_lock);
    ensure_log_buffer();
    log_buffer.clear();
}

WaitQueue& log_wait_queue()
{
    return log_wait;
}

int log_wait_for_record(uint64_t seq)
{
    return log_wait.wait_until_interruptible([seq] { return log_next_seq() > seq; });
}

void console_write_direct(const char* text, size_t length)
{
    write_consoles(text, length);
}
