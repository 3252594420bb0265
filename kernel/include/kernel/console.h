// The console input queue: the keyboard and the serial port push characters
// (from interrupt context), readers sleep until a character arrives.
// The tty layer of the user-space issue reads from here.
#pragma once

#include <stddef.h>

// Called by input drivers from interrupt context; drops input when the queue is full.
void console_input_push(char c);

// Blocks until at least one character is queued, then returns up to `size` of them.
size_t console_input_read(char* buffer, size_t size);

// Non-blocking: number of queued characters.
size_t console_input_available();

// Like console_input_read, but gives up after `timeout_ms` milliseconds and returns 0.
size_t console_input_read_timeout(char* buffer, size_t size, unsigned long timeout_ms);
