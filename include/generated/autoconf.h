/* The configuration kernlab's kernel is built with, as Linux's build writes it
 * (include/generated/autoconf.h) and every module sees through linux/kconfig.h.
 * Only what kernlab really has is set: modules test these to pick a path. */
#ifndef __KERNLAB_AUTOCONF_H
#define __KERNLAB_AUTOCONF_H

#define CONFIG_X86 1
#define CONFIG_X86_32 1
#define CONFIG_MODULES 1
#define CONFIG_MODULE_UNLOAD 1
#define CONFIG_PRINTK 1
#define CONFIG_PROC_FS 1
#define CONFIG_BLOCK 1
#define CONFIG_KALLSYMS 1
#define CONFIG_KALLSYMS_ALL 1       /* data symbols too (/proc/kallsyms) */
#define CONFIG_KPROBES 1            /* linux/kprobes.h */

#endif
