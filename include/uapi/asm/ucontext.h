/* struct ucontext as it sits in the i386 rt signal frame (asm-generic layout, x86 flags). */
#ifndef _UAPI_ASM_X86_UCONTEXT_H
#define _UAPI_ASM_X86_UCONTEXT_H

#include <asm/signal.h>
#include <asm/sigcontext.h>

/* uc_flags */
#define UC_FP_XSTATE 0x1
#define UC_SIGCONTEXT_SS 0x2
#define UC_STRICT_RESTORE_SS 0x4

struct ucontext {
    unsigned long uc_flags;
    struct ucontext* uc_link;
    stack_t uc_stack;
    struct sigcontext uc_mcontext;
    sigset_t uc_sigmask; /* the mask to restore on rt_sigreturn */
};

#if defined(__i386__)
__UAPI_ASSERT(sizeof(struct ucontext) == 116, "i386 struct ucontext is 116 bytes");
#endif

#endif
