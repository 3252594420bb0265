// What exec.cpp shares with the script loader (binfmt_script.cpp).
#pragma once

#include <stddef.h>

// execve's copied argument block: the strings back to back, then pointers to
// argv entries followed by envp entries.
struct ExecArgv {
    char* strings;
    size_t* used;
    size_t capacity;
    const char** pointers;
    size_t* argc;
    size_t envc;
    size_t max_count;
};

// Linux's limit on interpreters of interpreters (exec_binprm: depth > 5 is -ELOOP).
constexpr int max_interpreter_depth = 5;

// Linux's load_script: if `header` (the file's first `length` bytes) starts
// with "#!", rewrites argv to "interpreter [arg] file_path argv[1]..." and
// copies the interpreter's path into `interpreter` (PATH_MAX bytes). 0 on
// success, -ENOEXEC when it is not a script, -E2BIG when the arguments do not fit.
int load_script(const char* header, size_t length, const char* file_path, ExecArgv args, char* interpreter,
    size_t size);
