// Access to user memory. Every pointer from user space goes through these:
// the range must lie below the task's address limit (0xC0000000), and a fault
// while copying becomes a short copy (-EFAULT for the caller), never an oops.
#pragma once

#include <linux/types.h>

constexpr uintptr_t USER_ADDR_LIMIT = 0xC0000000;     // user pointers must be below this
constexpr uintptr_t KERNEL_ADDR_LIMIT = 0xFFFFFFFF;   // kernel_read(): kernel buffers allowed

extern "C" {
// Both return the number of bytes NOT copied (0 on success), like Linux.
unsigned long copy_from_user(void* to, const void __user* from, unsigned long n);
unsigned long copy_to_user(void __user* to, const void* from, unsigned long n);
unsigned long clear_user(void __user* to, unsigned long n);
// Copies a NUL-terminated string of at most `count` bytes; returns its length
// without the NUL, -EFAULT, or `count` when no NUL came within count bytes (Linux).
long strncpy_from_user(char* to, const char __user* from, long count);
// Length including the NUL, 0 on a fault, > n when longer than n.
long strnlen_user(const char __user* s, long n);
// Whether [address, address+size) is below the task's limit (not whether it is mapped).
bool access_ok(const void __user* address, unsigned long size);
}

// Temporarily lets uaccess functions take kernel pointers (Linux's set_fs(KERNEL_DS)),
// for kernel code that calls file operations with kernel buffers.
class ScopedKernelDs {
public:
    ScopedKernelDs();
    ~ScopedKernelDs();

private:
    uintptr_t m_saved;
};

// Kernel helper: a path or name from user space into `buffer` (-EFAULT,
// -ENAMETOOLONG, -ENOENT for an empty string when `allow_empty` is false).
long copy_path_from_user(char* buffer, long size, const char __user* path, bool allow_empty = false);

// get_user/put_user for one value of a simple type; 0 or -EFAULT.
template<typename T>
inline int get_user_value(T& value, const T __user* pointer)
{
    return copy_from_user(&value, pointer, sizeof(T)) ? -14 : 0;
}
template<typename T>
inline int put_user_value(const T& value, T __user* pointer)
{
    return copy_to_user(pointer, &value, sizeof(T)) ? -14 : 0;
}
