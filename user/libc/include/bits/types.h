/* The C library's basic POSIX types for i386: 64-bit off_t, ino_t, dev_t, blkcnt_t; 32-bit time_t. */
#ifndef _BITS_TYPES_H
#define _BITS_TYPES_H

#define __need_size_t
#define __need_NULL
#include <stddef.h>

typedef int ssize_t;
typedef long long off_t;
typedef long long off64_t;
typedef long long loff_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int mode_t;
typedef unsigned long long dev_t;
typedef unsigned long long ino_t;
typedef unsigned long long ino64_t;
typedef unsigned int nlink_t;
typedef long blksize_t;
typedef long long blkcnt_t;
typedef unsigned long long fsblkcnt_t;
typedef unsigned long long fsfilcnt_t;
typedef long time_t;
typedef long suseconds_t;
typedef unsigned int useconds_t;
typedef long clock_t;
typedef int clockid_t;
typedef int timer_t;
typedef unsigned int id_t;
typedef int key_t;
typedef long register_t;
typedef unsigned int socklen_t;

#endif
