/* <sys/resource.h>: getrusage, getrlimit/setrlimit (ugetrlimit 191), getpriority/setpriority. */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <features.h>
#include <bits/types.h>
#include <linux/resource.h>

typedef unsigned long rlim_t;

__BEGIN_DECLS
int getrusage(int who, struct rusage* usage);
int getrlimit(int resource, struct rlimit* rlim);
int setrlimit(int resource, const struct rlimit* rlim);
int getpriority(int which, id_t who);
int setpriority(int which, id_t who, int prio);
__END_DECLS

#endif
