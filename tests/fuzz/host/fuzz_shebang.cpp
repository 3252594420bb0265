// parse_shebang (libk/shebang.cpp) on a file's first bytes, as binfmt_script does:
// the interpreter and argument come back NUL-terminated, split at spaces and tabs.
#include "fuzz.h"
#include <libk/shebang.h>
#include <string.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    libk::Shebang line;
    bool ok = libk::parse_shebang(reinterpret_cast<const char*>(data), size, line);
    size_t interpreter = strnlen(line.interpreter, sizeof(line.interpreter));
    size_t argument = strnlen(line.argument, sizeof(line.argument));
    FUZZ_CHECK(interpreter < sizeof(line.interpreter) && argument < sizeof(line.argument));
    if (!ok) {
        FUZZ_CHECK(interpreter == 0 && !line.has_argument);
        return 0;
    }
    FUZZ_CHECK(size >= 2 && data[0] == '#' && data[1] == '!');
    FUZZ_CHECK(strpbrk(line.interpreter, " \t\n") == nullptr);
    if (line.has_argument) {
        // As in Linux, a NUL inside the line may leave the argument empty.
        FUZZ_CHECK(line.argument[0] != ' ' && line.argument[0] != '\t');
        FUZZ_CHECK(strchr(line.argument, '\n') == nullptr);
    } else {
        FUZZ_CHECK(argument == 0);
    }
    return 0;
}
