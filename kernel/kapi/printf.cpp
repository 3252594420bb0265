// The C-named printf family for modules (include/linux/kernel.h), on libk's
// formatter: sprintf, snprintf, scnprintf, kasprintf and their v-forms.
#include <kernel/mm.h>
#include <libk/format.h>
#include <linux/export.h>
#include <linux/kernel.h>

namespace {

// sprintf has no size: as Linux, it trusts the caller's buffer.
constexpr size_t unbounded = INT_MAX;

} // namespace

extern "C" int vsnprintf(char* buf, size_t size, const char* fmt, va_list args)
{
    return libk::vsnprintf(buf, size, fmt, args);
}
EXPORT_SYMBOL(vsnprintf);

extern "C" int snprintf(char* buf, size_t size, const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    int length = libk::vsnprintf(buf, size, fmt, args);
    va_end(args);
    return length;
}
EXPORT_SYMBOL(snprintf);

extern "C" int vsprintf(char* buf, const char* fmt, va_list args)
{
    return libk::vsnprintf(buf, unbounded, fmt, args);
}
EXPORT_SYMBOL(vsprintf);

extern "C" int sprintf(char* buf, const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    int length = libk::vsnprintf(buf, unbounded, fmt, args);
    va_end(args);
    return length;
}
EXPORT_SYMBOL(sprintf);

extern "C" int vscnprintf(char* buf, size_t size, const char* fmt, va_list args)
{
    return libk::vscnprintf(buf, size, fmt, args);
}
EXPORT_SYMBOL(vscnprintf);

extern "C" int scnprintf(char* buf, size_t size, const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    int length = libk::vscnprintf(buf, size, fmt, args);
    va_end(args);
    return length;
}
EXPORT_SYMBOL(scnprintf);

extern "C" char* kvasprintf(gfp_t gfp, const char* fmt, va_list args)
{
    va_list measure;
    va_copy(measure, args);
    int length = libk::vsnprintf(nullptr, 0, fmt, measure);
    va_end(measure);
    auto* buffer = static_cast<char*>(kmalloc(static_cast<size_t>(length) + 1, gfp));
    if (buffer)
        libk::vsnprintf(buffer, static_cast<size_t>(length) + 1, fmt, args);
    return buffer;
}
EXPORT_SYMBOL(kvasprintf);

extern "C" char* kasprintf(gfp_t gfp, const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    char* buffer = kvasprintf(gfp, fmt, args);
    va_end(args);
    return buffer;
}
EXPORT_SYMBOL(kasprintf);
