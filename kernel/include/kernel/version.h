// The kernel's name and release, as uname and the boot banner show them.
#pragma once

#define KERNLAB_SYSNAME "Linux"   // uname -s: user space (busybox, libc) expects Linux
#define KERNLAB_RELEASE "6.1.0-kernlab"
#define KERNLAB_VERSION "#1 kernlab"
#define KERNLAB_MACHINE "i686"

extern const char linux_banner[];
