// "#!" scripts (Linux's fs/binfmt_script.c): the kernel runs the interpreter
// named on the first line, with the line's optional argument and the script's
// path in front of the script's own arguments.
#include "binfmt.h"
#include <libk/shebang.h>
#include <libk/string.h>
#include <linux/errno.h>

namespace {

// Appends `text` to the string area; its copy, or nullptr when full.
const char* push_string(ExecArgv& args, const char* text)
{
    size_t length = libk::strlen(text) + 1;
    if (length > args.capacity - *args.used)
        return nullptr;
    char* copy = args.strings + *args.used;
    libk::memcpy(copy, text, length);
    *args.used += length;
    return copy;
}

} // namespace

int load_script(const char* header, size_t length, const char* file_path, ExecArgv args, char* interpreter,
    size_t size)
{
    libk::Shebang line;
    if (!libk::parse_shebang(header, length, line))
        return -ENOEXEC;
    // argv[0] goes; the interpreter, its argument and the file take its place.
    size_t kept = *args.argc ? *args.argc - 1 : 0;
    size_t inserted = line.has_argument ? 3 : 2;
    if (inserted + kept + args.envc > args.max_count)
        return -E2BIG;
    const char* name = push_string(args, line.interpreter);
    const char* argument = line.has_argument ? push_string(args, line.argument) : "";
    const char* path = push_string(args, file_path);   // before `interpreter` is written: it may be file_path
    if (!name || !argument || !path)
        return -E2BIG;
    size_t old_first = *args.argc ? 1 : 0;
    libk::memmove(args.pointers + inserted, args.pointers + old_first, (kept + args.envc) * sizeof(char*));
    size_t at = 0;
    args.pointers[at++] = name;
    if (line.has_argument)
        args.pointers[at++] = argument;
    args.pointers[at++] = path;
    *args.argc = inserted + kept;
    libk::strlcpy(interpreter, line.interpreter, size);
    return 0;
}
