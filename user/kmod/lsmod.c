/* lsmod - show the loaded modules: /proc/modules in kmod's columns
 * (Module, Size, Used by: the count, then the modules using it). */
#include <stdio.h>
#include "modules.h"

int main(void)
{
    FILE *f = fopen("/proc/modules", "r");
    if (!f) {
        perror("lsmod: /proc/modules");
        return 1;
    }
    struct proc_module m;
    printf("Module                  Size  Used by\n");
    while (next_module(f, &m)) {
        const char *users = module_users(&m);
        printf("%-19s %8s  %s%s%s\n", m.name, m.size, m.refcount, *users ? " " : "", users);
    }
    fclose(f);
    return 0;
}
