// "#!" line parsing, step by step as Linux's load_script().
#include <libk/shebang.h>
#include <libk/string.h>

namespace libk {

namespace {

bool spacetab(char c) { return c == ' ' || c == '\t'; }

// The first byte in [first, last) that is not a space or tab, or nullptr.
char* next_non_spacetab(char* first, const char* last)
{
    for (; first < last; ++first)
        if (!spacetab(*first))
            return first;
    return nullptr;
}

// The first space, tab or NUL in [first, last), or nullptr.
char* next_terminator(char* first, const char* last)
{
    for (; first < last; ++first)
        if (spacetab(*first) || !*first)
            return first;
    return nullptr;
}

} // namespace

bool parse_shebang(const char* data, size_t length, Shebang& result)
{
    char buf[binprm_buf_size] = {};
    if (length > sizeof(buf))
        length = sizeof(buf);
    memcpy(buf, data, length);
    result.interpreter[0] = result.argument[0] = '\0';
    result.has_argument = false;
    if (length < 2 || buf[0] != '#' || buf[1] != '!')
        return false;
    char* buf_end = buf + sizeof(buf) - 1;
    char* i_end = static_cast<char*>(memchr(buf, '\n', sizeof(buf)));
    if (!i_end) {
        i_end = next_non_spacetab(buf + 2, buf_end);
        if (!i_end)
            return false;   // only spaces and tabs
        // With no later space, tab or NUL the interpreter's name may be cut off.
        if (!next_terminator(i_end, buf_end))
            return false;
        i_end = buf_end;
    }
    while (i_end > buf + 2 && spacetab(i_end[-1]))
        --i_end;
    char* i_name = next_non_spacetab(buf + 2, i_end);
    if (!i_name || i_name == i_end)
        return false;   // no interpreter name
    char* i_arg = nullptr;
    char* i_sep = next_terminator(i_name, i_end);
    if (i_sep && *i_sep != '\0')
        i_arg = next_non_spacetab(i_sep, i_end);
    *i_end = '\0';
    if (i_sep)
        *i_sep = '\0';
    strlcpy(result.interpreter, i_name, sizeof(result.interpreter));
    if (i_arg) {
        strlcpy(result.argument, i_arg, sizeof(result.argument));
        result.has_argument = true;
    }
    return true;
}

} // namespace libk
