/* Raw Linux i386 system calls through int $0x80: eax = number, ebx ecx edx esi edi ebp = arguments. */
#ifndef _LIBC_INTERNAL_SYSCALL_H
#define _LIBC_INTERNAL_SYSCALL_H

#include <asm/unistd.h>

/* The kernel returns -4095..-1 for errors: store -result in errno and return -1. */
long __syscall_ret(unsigned long result);

static inline long __syscall0(long n)
{
    long ret;
    __asm__ volatile("int $0x80" : "=a"(ret) : "a"(n) : "memory");
    return ret;
}

static inline long __syscall1(long n, long a)
{
    long ret;
    __asm__ volatile("int $0x80" : "=a"(ret) : "a"(n), "b"(a) : "memory");
    return ret;
}

static inline long __syscall2(long n, long a, long b)
{
    long ret;
    __asm__ volatile("int $0x80" : "=a"(ret) : "a"(n), "b"(a), "c"(b) : "memory");
    return ret;
}

static inline long __syscall3(long n, long a, long b, long c)
{
    long ret;
    __asm__ volatile("int $0x80" : "=a"(ret) : "a"(n), "b"(a), "c"(b), "d"(c) : "memory");
    return ret;
}

static inline long __syscall4(long n, long a, long b, long c, long d)
{
    long ret;
    __asm__ volatile("int $0x80" : "=a"(ret) : "a"(n), "b"(a), "c"(b), "d"(c), "S"(d) : "memory");
    return ret;
}

static inline long __syscall5(long n, long a, long b, long c, long d, long e)
{
    long ret;
    __asm__ volatile("int $0x80" : "=a"(ret) : "a"(n), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e) : "memory");
    return ret;
}

/* Six arguments need ebp, which inline asm cannot claim when it is the frame pointer: out of line. */
long __syscall6(long n, long a, long b, long c, long d, long e, long f);

/* Shorthands: cast every argument to long, and the error-checked forms. */
#define __SC(x) ((long)(x))
#define SYSCALL0(n) __syscall_ret(__syscall0(n))
#define SYSCALL1(n, a) __syscall_ret(__syscall1(n, __SC(a)))
#define SYSCALL2(n, a, b) __syscall_ret(__syscall2(n, __SC(a), __SC(b)))
#define SYSCALL3(n, a, b, c) __syscall_ret(__syscall3(n, __SC(a), __SC(b), __SC(c)))
#define SYSCALL4(n, a, b, c, d) __syscall_ret(__syscall4(n, __SC(a), __SC(b), __SC(c), __SC(d)))
#define SYSCALL5(n, a, b, c, d, e) __syscall_ret(__syscall5(n, __SC(a), __SC(b), __SC(c), __SC(d), __SC(e)))
#define SYSCALL6(n, a, b, c, d, e, f) \
    __syscall_ret(__syscall6(n, __SC(a), __SC(b), __SC(c), __SC(d), __SC(e), __SC(f)))

#endif
