// Linux's old kernel number parsers, for modules that use them. The standard
// string functions get their C names in libk/c_names/string.cpp.
#include <libk/string.h>

extern "C" {
unsigned long simple_strtoul(const char* s, char** end, unsigned int base) { return libk::strtoul(s, end, static_cast<int>(base)); }
long simple_strtol(const char* s, char** end, unsigned int base) { return libk::strtol(s, end, static_cast<int>(base)); }
}
