/* Module parameters: module_param(name, type, perm) and friends, as Linux.
 * Each parameter is a struct kernel_param in the section __param; the loader
 * sets them from `insmod mod.ko name=value` and from `mod.name=value` on the
 * kernel command line before the module's init runs. */
#ifndef _LINUX_MODULEPARAM_H
#define _LINUX_MODULEPARAM_H

#include <linux/compiler.h>
#include <linux/stringify.h>
#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

struct module;
struct kernel_param;

struct kernel_param_ops {
    unsigned int flags;
    /* Parses `val` into the parameter; 0 or -errno. */
    int (*set)(const char *val, const struct kernel_param *kp);
    /* Writes the value and a newline into a page (what sysfs shows); returns its length. */
    int (*get)(char *buffer, const struct kernel_param *kp);
    void (*free)(void *arg);
};

struct kparam_string {
    unsigned int maxlen;
    char *string;
};

struct kparam_array {
    unsigned int max;
    unsigned int elemsize;
    unsigned int *num;
    const struct kernel_param_ops *ops;
    void *elem;
};

struct kernel_param {
    const char *name;
    struct module *mod;
    const struct kernel_param_ops *ops;
    const unsigned short perm;
    signed char level;
    unsigned char flags;
    union {
        void *arg;
        const struct kparam_string *str;
        const struct kparam_array *arr;
    };
};

/* The .modinfo strings: "tag=value", read by the loader and by modinfo. */
#ifdef MODULE
#define __MODULE_INFO(tag, name, info) \
    static const char __UNIQUE_ID(name)[] __used __section(".modinfo") __aligned(1) = __stringify(tag) "=" info
#else
#define __MODULE_INFO(tag, name, info) struct __UNIQUE_ID(name) {}
#endif
#define __MODULE_PARM_TYPE(name, _type) __MODULE_INFO(parmtype, name##type, #name ":" _type)
#define MODULE_PARM_DESC(_parm, desc) __MODULE_INFO(parm, _parm, #_parm ":" desc)

#define module_param_cb(name, ops, arg, perm)                                                        \
    static const char __param_str_##name[] = #name;                                                  \
    static struct kernel_param __param_##name __used __section("__param") __aligned(sizeof(void *)) = { \
        __param_str_##name, THIS_MODULE, ops, (perm), -1, 0, { arg } }

#define module_param_named(name, value, type, perm)               \
    module_param_cb(name, &param_ops_##type, &value, perm);       \
    __MODULE_PARM_TYPE(name, #type)

#define module_param(name, type, perm) module_param_named(name, name, type, perm)

#define module_param_string(name, string, len, perm)                                         \
    static const struct kparam_string __param_string_##name = { len, string };               \
    module_param_cb(name, &param_ops_string, (void *)&__param_string_##name, perm);           \
    __MODULE_PARM_TYPE(name, "string")

#define module_param_array_named(name, array, type, nump, perm)                                   \
    static const struct kparam_array __param_arr_##name = {                                       \
        sizeof(array) / sizeof((array)[0]), sizeof((array)[0]), nump, &param_ops_##type, array }; \
    module_param_cb(name, &param_array_ops, (void *)&__param_arr_##name, perm);                   \
    __MODULE_PARM_TYPE(name, "array of " #type)

#define module_param_array(name, type, nump, perm) module_param_array_named(name, name, type, nump, perm)

extern const struct kernel_param_ops param_ops_byte;
extern const struct kernel_param_ops param_ops_short;
extern const struct kernel_param_ops param_ops_ushort;
extern const struct kernel_param_ops param_ops_int;
extern const struct kernel_param_ops param_ops_uint;
extern const struct kernel_param_ops param_ops_long;
extern const struct kernel_param_ops param_ops_ulong;
extern const struct kernel_param_ops param_ops_charp;
extern const struct kernel_param_ops param_ops_bool;
extern const struct kernel_param_ops param_ops_invbool;
extern const struct kernel_param_ops param_ops_string;
extern const struct kernel_param_ops param_array_ops;

#ifdef __cplusplus
}
#endif

#endif
