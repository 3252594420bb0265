/* Linux 2.6 modules included this for the kernel's CONFIG_* settings (2.6.19
 * removed it: the build passes them). kernlab has no configuration options. */
#ifndef _LINUX_CONFIG_H
#define _LINUX_CONFIG_H

#endif
