/* setjmp/longjmp and sigsetjmp/siglongjmp. jmp_buf: ebx esi edi ebp esp eip, mask_saved (24), mask (28). */
#include <setjmp.h>
#include <signal.h>

_Static_assert(__builtin_offsetof(struct __jmp_buf_tag, __mask_saved) == 24, "setjmp.S layout");

__asm__(".text\n"
        ".globl setjmp, _setjmp, sigsetjmp, __setjmp_regs\n"
        ".type setjmp, @function\n"
        ".type _setjmp, @function\n"
        ".type sigsetjmp, @function\n"
        "setjmp:\n"
        "_setjmp:\n"
        "    movl 4(%esp), %eax\n"
        "    movl $0, 24(%eax)\n"
        "__setjmp_regs:\n" /* env in 4(%esp); saves the caller's registers and return point */
        "    movl 4(%esp), %eax\n"
        "    movl %ebx, 0(%eax)\n"
        "    movl %esi, 4(%eax)\n"
        "    movl %edi, 8(%eax)\n"
        "    movl %ebp, 12(%eax)\n"
        "    leal 4(%esp), %ecx\n"
        "    movl %ecx, 16(%eax)\n"
        "    movl (%esp), %ecx\n"
        "    movl %ecx, 20(%eax)\n"
        "    xorl %eax, %eax\n"
        "    ret\n"
        "sigsetjmp:\n"
        "    movl 4(%esp), %eax\n"
        "    movl 8(%esp), %ecx\n"
        "    movl %ecx, 24(%eax)\n"
        "    testl %ecx, %ecx\n"
        "    jz __setjmp_regs\n"
        "    pushl %eax\n"
        "    call __sigsetjmp_save_mask\n"
        "    addl $4, %esp\n"
        "    jmp __setjmp_regs\n"
        ".size setjmp, .-setjmp\n"
        ".globl longjmp, _longjmp\n"
        ".type longjmp, @function\n"
        ".type _longjmp, @function\n"
        "longjmp:\n"
        "_longjmp:\n"
        "    movl 4(%esp), %edx\n"
        "    movl 8(%esp), %eax\n"
        "    testl %eax, %eax\n"
        "    jnz 1f\n"
        "    incl %eax\n" /* longjmp(env, 0) returns 1 */
        "1:  movl 0(%edx), %ebx\n"
        "    movl 4(%edx), %esi\n"
        "    movl 8(%edx), %edi\n"
        "    movl 12(%edx), %ebp\n"
        "    movl 16(%edx), %esp\n"
        "    jmp *20(%edx)\n"
        ".size longjmp, .-longjmp\n");

void __sigsetjmp_save_mask(struct __jmp_buf_tag* env);
void __sigsetjmp_save_mask(struct __jmp_buf_tag* env) { sigprocmask(SIG_BLOCK, NULL, &env->__mask); }

_Noreturn void siglongjmp(sigjmp_buf env, int value)
{
    if (env->__mask_saved)
        sigprocmask(SIG_SETMASK, &env->__mask, NULL);
    longjmp(env, value);
}
