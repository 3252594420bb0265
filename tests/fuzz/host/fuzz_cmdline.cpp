// Cmdline (libk/cmdline.cpp) on any bytes, as the kernel parses its boot line and
// insmod its module arguments: every parameter lies in the object's own buffer,
// and lookups by each key find a parameter of that key.
#include "fuzz.h"
#include <libk/cmdline.h>
#include <string.h>

namespace {

libk::Cmdline cmdline;   // 13 KiB, static as in the kernel

bool in_buffer(libk::StringView view)
{
    auto* base = reinterpret_cast<const uint8_t*>(&cmdline);
    return inside(view.data(), view.length(), base, sizeof(cmdline));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    cmdline.parse(reinterpret_cast<const char*>(data), size);
    FUZZ_CHECK(cmdline.count() <= libk::Cmdline::max_params);
    FUZZ_CHECK(cmdline.init_args_begin() <= cmdline.count());
    FUZZ_CHECK(strlen(cmdline.text()) <= libk::Cmdline::max_length);
    for (size_t i = 0; i < cmdline.count(); ++i) {
        const libk::CmdlineParam& param = cmdline[i];
        FUZZ_CHECK(in_buffer(param.key) && in_buffer(param.value));
        FUZZ_CHECK(param.has_value || param.value.is_empty());
        touch(param.key.data(), param.key.length());
        touch(param.value.data(), param.value.length());
        long number;
        libk::parse_long(param.value, number);
        if (i < cmdline.init_args_begin()) {
            const libk::CmdlineParam* found = cmdline.find(param.key);
            FUZZ_CHECK(found && libk::cmdline_key_equal(found->key, param.key));
            cmdline.get_long(param.key, number);
        }
    }
    return 0;
}
