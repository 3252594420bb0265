/* Reading /proc/modules (name size refcount deps state address), shared by
 * lsmod and rmmod. */
#ifndef KMOD_MODULES_H
#define KMOD_MODULES_H

#include <stdio.h>
#include <string.h>

struct proc_module {
    char name[64];
    char size[16];
    char refcount[16];
    char deps[256];   /* "export_b," or "-" as the kernel prints it */
    char state[16];
};

/* Reads the next line of /proc/modules; 1 when it gave one, 0 at the end. */
static inline int next_module(FILE *f, struct proc_module *m)
{
    char line[512];
    while (fgets(line, sizeof line, f)) {
        if (sscanf(line, "%63s %15s %15s %255s %15s", m->name, m->size, m->refcount, m->deps, m->state) >= 4)
            return 1;
    }
    return 0;
}

/* The "Used by" names: deps without the trailing comma, or "" for "-". */
static inline const char *module_users(struct proc_module *m)
{
    size_t len = strlen(m->deps);
    if (strcmp(m->deps, "-") == 0)
        return "";
    if (len && m->deps[len - 1] == ',')
        m->deps[len - 1] = '\0';
    return m->deps;
}

#endif
