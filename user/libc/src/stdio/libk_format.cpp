// Exposes libk's vsnprintf (the kernel's printf engine) to the C side of stdio under an internal name.
#include <libk/format.h>

extern "C" int __libk_snprintf(char* buf, size_t size, const char* fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = libk::vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}
