/* <dirent.h>: directory streams over getdents64. struct dirent is the linux_dirent64 record layout. */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <features.h>
#include <bits/types.h>
#include <linux/dirent.h>

/* The header matches struct linux_dirent64, so readdir returns records in place. */
struct dirent {
    ino_t d_ino;
    off_t d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[256];
};
#define dirent64 dirent

typedef struct __dirstream DIR;

__BEGIN_DECLS

DIR* opendir(const char* path);
DIR* fdopendir(int fd);
struct dirent* readdir(DIR* dir);
int readdir_r(DIR* __restrict dir, struct dirent* __restrict entry, struct dirent** __restrict result);
int closedir(DIR* dir);
void rewinddir(DIR* dir);
long telldir(DIR* dir);
void seekdir(DIR* dir, long pos);
int dirfd(DIR* dir);
int scandir(const char* path, struct dirent*** list, int (*filter)(const struct dirent*),
    int (*compare)(const struct dirent**, const struct dirent**));
int alphasort(const struct dirent** a, const struct dirent** b);

__END_DECLS

#endif
