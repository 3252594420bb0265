// The relative path from one directory to another file of the same tree, as
// sysfs writes its symlinks (Linux's kernfs_get_target_path):
// from "/class/mychar" to "/devices/virtual/mychar/mychar0" is
// "../../devices/virtual/mychar/mychar0".
#pragma once

#include <stddef.h>

namespace libk {

// `from_dir` and `to` are absolute ("/a/b", "/" for the root; repeated and
// trailing slashes are ignored). Writes the NUL-terminated path into `out`
// ("." when they are the same) and returns its length, or -1 when `out`
// (of `size` bytes) is too small or a path is not absolute.
long relative_path(const char* from_dir, const char* to, char* out, size_t size);

} // namespace libk
