// The kernel command line: split into parameters the way Linux's next_arg() does,
// so `quiet`, `init=/bin/sh`, `key="a b"` and `-- args for init` mean the same here.
#pragma once

#include <libk/string_view.h>
#include <stddef.h>

namespace libk {

struct CmdlineParam {
    StringView key;
    StringView value;  // quotes removed; empty when !has_value
    bool has_value;    // false for a bare flag such as `quiet`
};

// Linux's parameq(): `-` and `_` are the same character in parameter names.
bool cmdline_key_equal(StringView a, StringView b);

class Cmdline {
public:
    static constexpr size_t max_length = 4096;  // longer input is cut (truncated() says so)
    static constexpr size_t max_params = 128;   // further parameters are dropped (truncated() says so)

    // Copies `text` (up to `length` chars or the first NUL) and splits it. May be called again.
    void parse(const char* text, size_t length);

    size_t count() const { return m_count; }
    const CmdlineParam& operator[](size_t index) const { return m_params[index]; }

    // Lookups see only the kernel's parameters (those before `--`). The LAST
    // occurrence wins, as Linux applies parameters in order.
    const CmdlineParam* find(StringView key) const;
    bool has(StringView key) const { return find(key) != nullptr; }
    StringView get(StringView key, StringView fallback = {}) const;
    // False when absent, a bare flag, or not a whole number (decimal, 0x hex, leading - ok).
    bool get_long(StringView key, long& out) const;

    // Index of the first parameter after a bare `--` (== count() if there is none).
    size_t init_args_begin() const { return m_init_args_begin; }
    bool truncated() const { return m_truncated; }
    // The original line, NUL-terminated (for /proc/cmdline).
    const char* text() const { return m_text; }

private:
    char m_text[max_length + 1] {};
    char m_buffer[max_length + 1] {};  // the split copy the params point into
    CmdlineParam m_params[max_params] {};
    size_t m_count { 0 };
    size_t m_init_args_begin { 0 };
    bool m_truncated { false };
};

// Parses a whole StringView as a long: optional sign, decimal or 0x hex. False on
// junk, empty input or overflow.
bool parse_long(StringView text, long& out);

} // namespace libk
