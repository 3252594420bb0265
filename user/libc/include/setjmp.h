/* <setjmp.h>: non-local jumps; the buffer holds ebx, esi, edi, ebp, esp, eip and an optional signal mask. */
#ifndef _SETJMP_H
#define _SETJMP_H

#include <features.h>
#include <asm/signal.h>

typedef struct __jmp_buf_tag {
    unsigned long __regs[6];
    int __mask_saved;
    sigset_t __mask;
} jmp_buf[1];
typedef jmp_buf sigjmp_buf;

__BEGIN_DECLS
int setjmp(jmp_buf env) __attribute__((returns_twice));
_Noreturn void longjmp(jmp_buf env, int value);
int _setjmp(jmp_buf env) __attribute__((returns_twice));
_Noreturn void _longjmp(jmp_buf env, int value);
int sigsetjmp(sigjmp_buf env, int savemask) __attribute__((returns_twice));
_Noreturn void siglongjmp(sigjmp_buf env, int value);
__END_DECLS

#endif
