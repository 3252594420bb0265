// The 8250/16550 UART on COM1: the serial console "ttyS0" and its input.
#pragma once

#include <stddef.h>

// Programs COM1 for 115200 8N1 with FIFOs and registers the console "ttyS0".
// Called early by start_kernel; input is enabled later by a device initcall.
void serial_console_init();

// Writes straight to COM1 by polling, turning "\n" into "\r\n". Takes no locks,
// so panic and log dumps can use it from any context.
void serial_write_raw(const char* text, size_t length);
