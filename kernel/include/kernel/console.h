// The kernel's own reads from the console: what is typed on the keyboard or
// the serial port, taken from the console tty in its current (canonical) mode.
#pragma once

#include <stddef.h>

// Waits up to `timeout_ms` for input and returns up to `size` bytes of it (a
// line in canonical mode); 0 on time-out.
size_t console_input_read_timeout(char* buffer, size_t size, unsigned long timeout_ms);
