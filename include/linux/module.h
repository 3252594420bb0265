/* Loadable modules: struct module, MODULE_LICENSE and friends, module
 * references. The loader is kernel/module/. */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/kern_levels.h>
#include <linux/list.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>
#include <linux/sched.h>    /* current, as 2.6's module.h gave it */
#include <linux/spinlock.h>   /* and rwlock.h, as 2.6's and 6.1's module.h reach them */
#include <linux/stat.h>
#include <linux/string.h>
#include <linux/stringify.h>
#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MODULE_NAME_LEN 56

enum module_state {
    MODULE_STATE_LIVE,      /* running normally */
    MODULE_STATE_COMING,    /* init_module is running */
    MODULE_STATE_GOING,     /* being unloaded */
    MODULE_STATE_UNFORMED,  /* still being set up by the loader */
};

struct module_use;
struct module_sect_attrs;
struct mod_kallsyms;

/* One per loaded module. Modules only name it (THIS_MODULE); the build kit
 * generates each module's instance (__this_module, from <name>.mod.c) and the
 * loader fills in the rest. */
struct module {
    enum module_state state;
    struct module *next;                 /* the list of loaded modules */
    char name[MODULE_NAME_LEN];
    int (*init)(void);
    void (*exit)(void);

    /* ---- filled in by the loader ---- */
    void *core;                          /* where its sections live (vmalloc) */
    unsigned int core_size;              /* what stays: lsmod's Size, whole pages as Linux's */
    void *init_area;                     /* the .init* sections, right after the core (Linux */
    unsigned int init_size;              /* 2.6's module_init/init_size): freed after init, then 0 */
    const struct kernel_symbol *syms;    /* what it exports */
    unsigned int num_syms;
    const struct kernel_symbol *gpl_syms;
    unsigned int num_gpl_syms;
    struct kernel_param *kp;             /* its parameters */
    unsigned int num_kp;
    const char *modinfo;                 /* the .modinfo strings, NUL-separated */
    unsigned int modinfo_size;
    int refcnt;                          /* open files and other holders (try_module_get) */
    struct module_use *source_list;      /* modules we use (we depend on them) */
    struct module_use *target_list;      /* modules that use us ("Used by") */
    unsigned long taints;
    bool gpl_compatible;
    char *args;                          /* the parameters it was loaded with */

    /* ---- for debuggers and oops reports (kernel/module/kallsyms.cpp) ---- */
    struct module_sect_attrs *sect_attrs; /* where each section was placed (gdb's kl-symbols) */
    struct mod_kallsyms *kallsyms;        /* its functions, for backtraces (Linux's kallsyms) */
};

#define MODULE_INFO(tag, info) __MODULE_INFO(tag, tag, info)
#define MODULE_LICENSE(_license) MODULE_INFO(license, _license)
#define MODULE_AUTHOR(_author) MODULE_INFO(author, _author)
#define MODULE_DESCRIPTION(_description) MODULE_INFO(description, _description)
#define MODULE_VERSION(_version) MODULE_INFO(version, _version)
#define MODULE_ALIAS(_alias) MODULE_INFO(alias, _alias)
#define MODULE_SOFTDEP(_softdep) MODULE_INFO(softdep, _softdep)
#define MODULE_FIRMWARE(_firmware) MODULE_INFO(firmware, _firmware)
#define MODULE_DEVICE_TABLE(type, name)
/* Linux 2.6: documentation only ("currently unused"), as there. */
#define MODULE_SUPPORTED_DEVICE(name)

/* Holds a module while something of it is in use (an open file of its device):
 * rmmod refuses while "Used by" counts such holders. */
bool try_module_get(struct module *module);
void module_put(struct module *module);
void __module_get(struct module *module);
int module_refcount(struct module *module);
const char *module_name(const struct module *module);

/* What the kernel prints for `vermagic` and checks against every module. */
#define VERMAGIC_STRING "6.1.0-kernlab kernlab-i686"

#ifdef __cplusplus
}
#endif

#endif
