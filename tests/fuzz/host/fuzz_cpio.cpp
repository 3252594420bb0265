// CpioReader (libk/cpio.cpp) as kernel/init/initramfs.cpp unpacks an initramfs:
// every entry's name and data must lie inside the archive, and the reader must end.
#include "fuzz.h"
#include <libk/cpio.h>
#include <string.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    libk::CpioReader reader(data, size);
    libk::CpioEntry entry {};
    size_t entries = 0;
    while (reader.next(entry)) {
        FUZZ_CHECK(inside(entry.name.data(), entry.name.length() + 1, data, size));
        FUZZ_CHECK(entry.name.data()[entry.name.length()] == '\0');
        FUZZ_CHECK(memchr(entry.name.data(), 0, entry.name.length()) == nullptr);
        FUZZ_CHECK(inside(entry.data, entry.data_size, data, size));
        touch(entry.data, entry.data_size);
        FUZZ_CHECK(reader.offset() <= size);
        // Each entry takes a header and a name at least; the name may be just
        // its NUL (namesize 1), and the last entry's padding may be cut off.
        ++entries;
        FUZZ_CHECK(entries * (libk::CpioReader::header_size + 1) <= size);
    }
    const char* error = libk::cpio_error_string(reader.error());
    touch(error, strlen(error));
    FUZZ_CHECK(reader.offset() <= size);
    return 0;
}
