// printf-style formatting into a buffer, for printk and the rest of the kernel.
// C semantics plus Linux's %pS/%ps symbol extension; no floating point.
#pragma once

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

namespace libk {

// Writes the name of the symbol containing `address` into `out` (NUL-terminated, at most
// `size` bytes), as "name+0x1c/0x80" when with_offset is true, else just "name".
// Returns the number of characters written, or 0 when the address is unknown.
using SymbolResolver = int (*)(uintptr_t address, char* out, size_t size, bool with_offset);

// Used by %pS and %ps; nullptr (the default) makes them print the address like %p.
void set_symbol_resolver(SymbolResolver resolver);

// Conversions: %d %i %u %x %X %o %c %s %p %pS %ps %%; flags - 0 + space #; width and
// precision (also *); length hh h l ll z t j. %p prints at least 8 lowercase hex digits,
// zero padded, without 0x. Unknown conversions (and %n) are copied through literally.
//
// Return the length the whole output would have had; write at most size-1 characters
// and always terminate when size > 0.
int vsnprintf(char* buf, size_t size, const char* fmt, va_list ap);
int snprintf(char* buf, size_t size, const char* fmt, ...) __attribute__((format(printf, 3, 4)));

// Linux: like the above, but return the number of characters actually written
// (excluding the NUL), so the result can be added to a buffer offset safely.
int vscnprintf(char* buf, size_t size, const char* fmt, va_list ap);
int scnprintf(char* buf, size_t size, const char* fmt, ...) __attribute__((format(printf, 3, 4)));

} // namespace libk
