// copy_to_user and friends: a range check against the task's address limit,
// then the fault-tolerant copy routines of boot/uaccess.asm.
#include <kernel/sched.h>
#include <kernel/uaccess.h>
#include <linux/errno.h>

extern "C" {
unsigned long __copy_user(void* to, const void* from, unsigned long n);
unsigned long __clear_user(void* to, unsigned long n);
int __get_user_byte(const unsigned char* from, unsigned char* out);

struct ExceptionTableEntry {
    uintptr_t fault_ip;
    uintptr_t fixup_ip;
};
extern const ExceptionTableEntry __start___ex_table[], __stop___ex_table[];
}

namespace {

uintptr_t address_limit()
{
    return current && current->addr_limit ? current->addr_limit : USER_ADDR_LIMIT;
}

} // namespace

bool access_ok(const void __user* address, unsigned long size)
{
    auto start = reinterpret_cast<uintptr_t>(address);
    uintptr_t limit = address_limit();
    return start <= limit && size <= limit - start;
}

unsigned long copy_from_user(void* to, const void __user* from, unsigned long n)
{
    if (!access_ok(from, n))
        return n;
    return __copy_user(to, from, n);
}

unsigned long copy_to_user(void __user* to, const void* from, unsigned long n)
{
    if (!access_ok(to, n))
        return n;
    return __copy_user(to, from, n);
}

unsigned long clear_user(void __user* to, unsigned long n)
{
    if (!access_ok(to, n))
        return n;
    return __clear_user(to, n);
}

long strncpy_from_user(char* to, const char __user* from, long count)
{
    auto* source = reinterpret_cast<const unsigned char*>(from);
    for (long i = 0; i < count; ++i) {
        if (!access_ok(source + i, 1))
            return -EFAULT;
        unsigned char c;
        if (__get_user_byte(source + i, &c))
            return -EFAULT;
        to[i] = static_cast<char>(c);
        if (c == '\0')
            return i;
    }
    return count;   // no NUL within count bytes: the caller decides (-ENAMETOOLONG)
}

long strnlen_user(const char __user* s, long n)
{
    auto* source = reinterpret_cast<const unsigned char*>(s);
    for (long i = 0; i < n; ++i) {
        unsigned char c;
        if (!access_ok(source + i, 1) || __get_user_byte(source + i, &c))
            return 0;
        if (c == '\0')
            return i + 1;
    }
    return n + 1;
}

ScopedKernelDs::ScopedKernelDs()
    : m_saved(current->addr_limit)
{
    current->addr_limit = KERNEL_ADDR_LIMIT;
}

ScopedKernelDs::~ScopedKernelDs()
{
    current->addr_limit = m_saved;
}

// The page-fault handler asks: was this fault inside a uaccess routine? Then
// execution resumes at the fixup, and the copy reports what it did not do.
uintptr_t search_exception_table(uintptr_t ip)
{
    for (const ExceptionTableEntry* entry = __start___ex_table; entry < __stop___ex_table; ++entry)
        if (entry->fault_ip == ip)
            return entry->fixup_ip;
    return 0;
}

long copy_path_from_user(char* buffer, long size, const char __user* path, bool allow_empty)
{
    long length = strncpy_from_user(buffer, path, size);
    if (length < 0)
        return length;
    if (length == size)
        return -ENAMETOOLONG;
    if (length == 0 && !allow_empty)
        return -ENOENT;
    return length;
}
