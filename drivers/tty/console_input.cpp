// The kernel's own reads from the console (kernel/console.h), for the
// console_input self-test: lines typed on the keyboard or the serial port.
#include "tty_struct.h"

#include <kernel/console.h>
#include <kernel/time.h>

size_t console_input_read_timeout(char* buffer, size_t size, unsigned long timeout_ms)
{
    if (size == 0)
        return 0;
    unsigned long deadline = jiffies + msecs_to_jiffies(timeout_ms);
    Tty* tty = tty_console();
    if (n_tty_wait_input(tty, 1, deadline) != 0)
        return 0;
    SpinLockGuard guard(tty->lock);
    return tty->ldisc.read(buffer, size);
}
