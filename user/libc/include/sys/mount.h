/* <sys/mount.h>: mount, umount, umount2 and the MS_* and MNT_* flags. */
#ifndef _SYS_MOUNT_H
#define _SYS_MOUNT_H

#include <features.h>
#include <linux/mount.h>

#define BLKROSET 0x125D
#define BLKROGET 0x125E
#define BLKRRPART 0x125F
#define BLKGETSIZE 0x1260
#define BLKFLSBUF 0x1261
#define BLKSSZGET 0x1268
#define BLKGETSIZE64 0x80041272

__BEGIN_DECLS
int mount(const char* source, const char* target, const char* fstype, unsigned long flags, const void* data);
int umount(const char* target);
int umount2(const char* target, int flags);
__END_DECLS

#endif
