// Character classes of the C library for ASCII, as inline functions.
// Arguments are ints like in C; values outside 0..127 belong to no class.
#pragma once

namespace libk {

constexpr bool isdigit(int c) { return c >= '0' && c <= '9'; }
constexpr bool isupper(int c) { return c >= 'A' && c <= 'Z'; }
constexpr bool islower(int c) { return c >= 'a' && c <= 'z'; }
constexpr bool isalpha(int c) { return isupper(c) || islower(c); }
constexpr bool isalnum(int c) { return isalpha(c) || isdigit(c); }
constexpr bool isxdigit(int c) { return isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
// Space, \t, \n, \v, \f, \r: the set strtoul and the command line skip.
constexpr bool isspace(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
constexpr bool isprint(int c) { return c >= 0x20 && c < 0x7f; }
constexpr int tolower(int c) { return isupper(c) ? c - 'A' + 'a' : c; }
constexpr int toupper(int c) { return islower(c) ? c - 'a' + 'A' : c; }

} // namespace libk
