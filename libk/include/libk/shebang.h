// The "#!" line of a script, split as Linux's fs/binfmt_script.c does: the
// interpreter path and at most one optional argument (the rest of the line).
#pragma once

#include <stddef.h>

namespace libk {

constexpr size_t binprm_buf_size = 256;   // Linux's BINPRM_BUF_SIZE: the bytes of the file examined

struct Shebang {
    char interpreter[binprm_buf_size];
    char argument[binprm_buf_size];
    bool has_argument;
};

// True when `data` (the first `length` bytes of a file) is a script whose
// interpreter could be read; false means -ENOEXEC: no "#!", no interpreter name,
// or a name cut off by the 256-byte limit.
bool parse_shebang(const char* data, size_t length, Shebang& result);

} // namespace libk
