/* <sys/sysinfo.h>: sysinfo() with the kernel's struct sysinfo. */
#ifndef _SYS_SYSINFO_H
#define _SYS_SYSINFO_H

#include <features.h>
#include <linux/sysinfo.h>

__BEGIN_DECLS
int sysinfo(struct sysinfo* info);
int get_nprocs(void);
int get_nprocs_conf(void);
long get_phys_pages(void);
long get_avphys_pages(void);
__END_DECLS

#endif
