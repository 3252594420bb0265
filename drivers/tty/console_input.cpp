// The kernel's own reads from the console (kernel/console.h): lines typed on the
// keyboard or the serial port, read through the console tty in its current mode.
#include "tty_struct.h"

#include <kernel/console.h>
#include <kernel/time.h>

namespace {

size_t take(char* buffer, size_t size)
{
    Tty* tty = tty_console();
    SpinLockGuard guard(tty->lock);
    return tty->ldisc.read(buffer, size);
}

} // namespace

void console_input_push(char c)
{
    n_tty_receive(tty_console(), c);
}

size_t console_input_available()
{
    Tty* tty = tty_console();
    SpinLockGuard guard(tty->lock);
    return tty->ldisc.readable_bytes();
}

size_t console_input_read(char* buffer, size_t size)
{
    if (size == 0)
        return 0;
    // Kernel threads get no signals, so this only ends with input (or ^D: 0 bytes).
    while (n_tty_wait_input(tty_console(), 1, 0) != 0) {
    }
    return take(buffer, size);
}

size_t console_input_read_timeout(char* buffer, size_t size, unsigned long timeout_ms)
{
    if (size == 0)
        return 0;
    unsigned long deadline = jiffies + msecs_to_jiffies(timeout_ms);
    if (n_tty_wait_input(tty_console(), 1, deadline) != 0)
        return 0;
    return take(buffer, size);
}
