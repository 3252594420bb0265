/* <sys/klog.h>: klogctl, the C name of the syslog (103) system call that dmesg uses. */
#ifndef _SYS_KLOG_H
#define _SYS_KLOG_H

#include <features.h>
#include <linux/syslog.h>

__BEGIN_DECLS
int klogctl(int type, char* buf, int len);
__END_DECLS

#endif
