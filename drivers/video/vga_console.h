// The VGA text-mode console "tty0" (80x25 at physical 0xB8000).
#pragma once

#include <stddef.h>

// Clears the screen and registers the console. Called early by start_kernel.
void vga_console_init();

// Writes text at the cursor: handles \n \r \b \t, scrolls, moves the hardware cursor,
// and understands a few ANSI escapes (ESC [ ... m, H, J, K, A-D) for colours and `clear`.
void vga_console_write(const char* text, size_t length);
