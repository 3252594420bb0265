// prctl(2): the operations busybox and glibc use. Others are -EINVAL, as Linux
// answers an option it does not know.
#include <kernel/sched.h>
#include <kernel/uaccess.h>
#include <libk/string.h>
#include <linux/errno.h>
#include <linux/mm_types.h>

namespace {

// Linux's option numbers (include/uapi/linux/prctl.h).
constexpr int PR_GET_DUMPABLE = 3;
constexpr int PR_SET_DUMPABLE = 4;
constexpr int PR_SET_NAME = 15;
constexpr int PR_GET_NAME = 16;

} // namespace

extern "C" long sys_prctl(int option, unsigned long arg2, unsigned long, unsigned long, unsigned long)
{
    switch (option) {
    case PR_SET_NAME: {
        // Up to 15 bytes and a NUL, cut silently as Linux's set_task_comm.
        char name[sizeof(current->comm)] = {};
        long length = strncpy_from_user(name, reinterpret_cast<const char __user*>(arg2), sizeof(name) - 1);
        if (length < 0)
            return -EFAULT;
        name[sizeof(name) - 1] = '\0';
        libk::memcpy(current->comm, name, sizeof(name));
        return 0;
    }
    case PR_GET_NAME: {
        char name[sizeof(current->comm)];
        libk::strlcpy(name, current->comm, sizeof(name));
        return copy_to_user(reinterpret_cast<char __user*>(arg2), name, sizeof(name)) ? -EFAULT : 0;
    }
    case PR_GET_DUMPABLE:
        return current->mm && current->mm->not_dumpable ? 0 : 1;
    case PR_SET_DUMPABLE:
        if (arg2 != 0 && arg2 != 1)
            return -EINVAL;   // SUID_DUMP_ROOT (2) is not settable, as on Linux
        if (current->mm)
            current->mm->not_dumpable = arg2 == 0;
        return 0;
    default:
        return -EINVAL;
    }
}
