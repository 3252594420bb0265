// printk internals: the log buffer, console log level and consoles.
// The API modules see is include/linux/printk.h.
#pragma once

#include <linux/printk.h>
#include <stddef.h>
#include <stdint.h>

// What decides which messages reach the consoles (Linux's console_loglevel):
// a message prints when its level is below this. `quiet` -> 4, `loglevel=N` -> N.
extern int console_loglevel;

// A place printk writes to (Linux's struct console): serial, VGA.
struct Console {
    const char* name;
    void (*write)(const char* text, size_t length);
    Console* next;
};

// Whether console= on the command line lets `name` ("ttyS0", "tty0") be a
// console; with no console= parameter every console is used.
bool console_selected(const char* name);

// Adds a console (unless console= leaves it out) and replays the messages already logged that its level allows,
// so nothing printed before the console existed is lost.
void register_console(Console* console);

// Reads the log records from `seq` on (for dmesg/syslog and the log dump); see libk::LogBuffer.
namespace libk { struct LogRecord; }
bool log_read(uint64_t seq, libk::LogRecord& record, char* text, size_t text_size);
uint64_t log_first_seq();
uint64_t log_next_seq();
void log_clear();
// Readers of new records (/proc/kmsg, /dev/kmsg, syslog(2)) sleep here until
// printk stores one. log_wait_for_record returns 0 once a record with sequence
// number >= `seq` exists, -ERESTARTSYS when a signal came first.
class WaitQueue;
WaitQueue& log_wait_queue();
int log_wait_for_record(uint64_t seq);

// Formats a record's timestamp the way Linux does: "[    0.123456] ".
size_t format_log_timestamp(uint64_t timestamp_ns, char* out, size_t size);

// Writes straight to every console, bypassing the log (panic, the log dump).
void console_write_direct(const char* text, size_t length);

// Set while the system is going down: printk stops taking the lock, so a panic
// from inside printk still gets its message out.
extern bool oops_in_progress;
