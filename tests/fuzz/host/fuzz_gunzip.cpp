// gunzip (libk/inflate.cpp) as kernel/init/initramfs.cpp runs it on a
// compressed initramfs: it must stay inside the input and the output buffer,
// and what it accepts must decompress the same way again.
#include "fuzz.h"
#include <libk/inflate.h>
#include <string.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static uint8_t out[1 << 16], again[1 << 16];
    size_t consumed = 0, produced = 0;
    libk::InflateError error = libk::gunzip(data, size, out, sizeof(out), &consumed, &produced);
    FUZZ_CHECK(consumed <= size);
    FUZZ_CHECK(produced <= sizeof(out));
    const char* text = libk::inflate_error_string(error);
    touch(text, strlen(text));
    if (error == libk::InflateError::None) {
        touch(out, produced);
        FUZZ_CHECK(consumed >= 18);   // header and trailer at least
        size_t consumed_again = 0, produced_again = 0;
        FUZZ_CHECK(libk::gunzip(data, consumed, again, sizeof(again), &consumed_again, &produced_again)
            == libk::InflateError::None);
        FUZZ_CHECK(consumed_again == consumed && produced_again == produced && !memcmp(out, again, produced));
    }
    return 0;
}
