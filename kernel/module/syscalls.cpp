// init_module, finit_module and delete_module; module references; /proc/modules.
#include "internal.h"
#include <kernel/mm.h>
#include <kernel/proc.h>
#include <kernel/sched.h>
#include <kernel/uaccess.h>
#include <kernel/vfs.h>
#include <kernel/initcall.h>
#include <kernel/completion.h>
#include <libk/string.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/printk.h>

void free_module(module* mod);

namespace {

constexpr size_t max_module_size = 64 * 1024 * 1024;
constexpr size_t max_args_length = 4096;

// One load or unload at a time (Linux's module_mutex); a sleeping lock built
// from a wait queue, since init functions may sleep.
constinit WaitQueue module_wait;
constinit bool module_busy = false;

class ModuleLock {
public:
    ModuleLock()
    {
        module_wait.wait_until([] {
            if (module_busy)
                return false;
            module_busy = true;
            return true;
        });
    }
    ~ModuleLock()
    {
        module_busy = false;
        module_wait.wake_up_all();
    }
};

bool may_load_modules()
{
    return current->cred.euid == 0;
}

long copy_args(const char __user* user_args, char*& args)
{
    args = static_cast<char*>(kmalloc(max_args_length, GFP_KERNEL));
    if (!args)
        return -ENOMEM;
    long length = user_args ? strncpy_from_user(args, user_args, max_args_length) : 0;
    if (length < 0 || length == static_cast<long>(max_args_length)) {
        kfree(args);
        args = nullptr;   // the callers free args on every path: not twice
        return length < 0 ? length : -E2BIG;
    }
    args[length] = '\0';
    return 0;
}

long load(const void* image, size_t size, const char* args)
{
    ModuleLock lock;
    auto result = load_module(image, size, args);
    return result.is_error() ? -result.error().code() : 0;
}

module* find_module(const char* name)
{
    for (module* mod = modules; mod; mod = mod->next)
        if (libk::strcmp(mod->name, name) == 0)
            return mod;
    return nullptr;
}

int users_of(const module* mod)
{
    int count = mod->refcnt;
    for (module_use* use = mod->target_list; use; use = use->next_in_target)
        ++count;
    return count;
}

} // namespace

extern "C" long sys_init_module(const void __user* user_image, unsigned long length, const char __user* user_args)
{
    if (!may_load_modules())
        return -EPERM;
    if (length == 0 || length > max_module_size)
        return -EINVAL;
    char* args;
    if (long error = copy_args(user_args, args))
        return error;
    void* image = vmalloc(length);
    long result = -ENOMEM;
    if (image)
        result = copy_from_user(image, user_image, length) ? -EFAULT : load(image, length, args);
    vfree(image);
    kfree(args);
    return result;
}

extern "C" long sys_finit_module(int fd, const char __user* user_args, int flags)
{
    if (!may_load_modules())
        return -EPERM;
    if (flags)
        return -EINVAL;   // MODULE_INIT_IGNORE_* are not supported
    file* f = fget(fd);
    if (!f)
        return -EBADF;
    long result;
    loff_t size = f->f_inode->i_size;
    char* args = nullptr;
    void* image = nullptr;
    if (!(f->f_mode & FMODE_READ)) {
        result = -EBADF;
    } else if (size <= 0 || static_cast<size_t>(size) > max_module_size) {
        result = -EINVAL;
    } else if ((result = copy_args(user_args, args)) == 0) {
        image = vmalloc(static_cast<unsigned long>(size));
        loff_t position = 0;
        if (!image)
            result = -ENOMEM;
        else if (kernel_read(f, image, static_cast<size_t>(size), &position) != size)
            result = -EIO;
        else
            result = load(image, static_cast<size_t>(size), args);
    }
    vfree(image);
    kfree(args);
    fput(f);
    return result;
}

extern "C" long sys_delete_module(const char __user* user_name, unsigned int flags)
{
    if (!may_load_modules())
        return -EPERM;
    char name[MODULE_NAME_LEN];
    long length = strncpy_from_user(name, user_name, sizeof(name));
    if (length < 0)
        return -EFAULT;
    if (length == static_cast<long>(sizeof(name)))
        return -ENOENT;
    ModuleLock lock;
    module* mod = find_module(name);
    if (!mod)
        return -ENOENT;
    if (mod->state != MODULE_STATE_LIVE)
        return -EBUSY;
    bool force = flags & O_TRUNC;
    if (mod->target_list)
        return -EBUSY;   // other modules use its symbols: never, even forced
    if (users_of(mod) > 0 && !force)
        return -EBUSY;
    if (mod->init && !mod->exit && !force)
        return -EBUSY;   // it can be loaded but not unloaded
    mod->state = MODULE_STATE_GOING;
    if (mod->exit)
        mod->exit();
    free_module(mod);
    return 0;
}

extern "C" {

bool try_module_get(module* mod)
{
    if (!mod)
        return true;   // built-in code: always there
    if (mod->state == MODULE_STATE_GOING)
        return false;
    ++mod->refcnt;
    return true;
}

void __module_get(module* mod)
{
    if (mod)
        ++mod->refcnt;
}

void module_put(module* mod)
{
    if (mod && mod->refcnt > 0)
        --mod->refcnt;
}

int module_refcount(module* mod)
{
    return mod ? mod->refcnt : 0;
}

const char* module_name(const module* mod)
{
    return mod ? mod->name : "kernel";
}

EXPORT_SYMBOL(try_module_get);
EXPORT_SYMBOL(__module_get);
EXPORT_SYMBOL(module_put);
EXPORT_SYMBOL(module_refcount);
EXPORT_SYMBOL(module_name);

} // extern "C"

namespace {

// /proc/modules, Linux's format: name size refcount deps state address [taints].
void show_modules(ProcBuffer& out, Task*, void*)
{
    for (module* mod = modules; mod; mod = mod->next) {
        out.printf("%s %u %d ", mod->name, mod->core_size + mod->init_size, users_of(mod));   // init: 0 once freed, as Linux
        if (!mod->target_list)
            out.printf("-");
        for (module_use* use = mod->target_list; use; use = use->next_in_target)
            out.printf("%s,", use->source->name);
        const char* state = mod->state == MODULE_STATE_LIVE ? "Live" : mod->state == MODULE_STATE_COMING ? "Loading" : "Unloading";
        out.printf(" %s 0x%08x%s\n", state, reinterpret_cast<uint32_t>(mod->core), (mod->taints & 1) ? " (P)" : "");
    }
}

int modules_proc_init()
{
    return proc_create_show("modules", 0444, nullptr, show_modules, nullptr) ? 0 : -ENOMEM;
}

} // namespace

fs_initcall(modules_proc_init);
