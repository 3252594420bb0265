/*
 * The i386 machine state saved in a signal frame: struct sigcontext and the FPU area.
 *
 * rt signal frame on i386 (what the kernel pushes, lowest address first):
 *   pretcode (return address = sa_restorer), sig, pinfo (-> info), puc (-> uc),
 *   siginfo_t info (128 bytes), struct ucontext uc (whose uc_mcontext.fpstate points
 *   at the FPU state that follows the frame), then the FPU state itself.
 * The handler runs with esp pointing at pretcode, so "ret" enters the restorer, which
 * executes rt_sigreturn (173); the kernel then restores uc.
 */
#ifndef _UAPI_ASM_X86_SIGCONTEXT_H
#define _UAPI_ASM_X86_SIGCONTEXT_H

#include <linux/types.h>

#define FP_XSTATE_MAGIC1 0x46505853U
#define FP_XSTATE_MAGIC2 0x46505845U
#define X86_FXSR_MAGIC 0x0000

struct _fpx_sw_bytes {
    __u32 magic1;
    __u32 extended_size;
    __u64 xfeatures;
    __u32 xstate_size;
    __u32 padding[7];
};

struct _fpreg {
    __u16 significand[4];
    __u16 exponent;
};

struct _fpxreg {
    __u16 significand[4];
    __u16 exponent;
    __u16 padding[3];
};

struct _xmmreg {
    __u32 element[4];
};

/* The legacy FSAVE image (112 bytes) followed by the FXSAVE image. */
struct _fpstate_32 {
    __u32 cw;
    __u32 sw;
    __u32 tag;
    __u32 ipoff;
    __u32 cssel;
    __u32 dataoff;
    __u32 datasel;
    struct _fpreg _st[8];
    __u16 status;
    __u16 magic; /* 0xffff: FSAVE data only; X86_FXSR_MAGIC: FXSAVE data follows */
    __u32 _fxsr_env[6];
    __u32 mxcsr;
    __u32 reserved;
    struct _fpxreg _fxsr_st[8];
    struct _xmmreg _xmm[8];
    union {
        __u32 padding1[44];
        __u32 padding[44];
    };
    union {
        __u32 padding2[12];
        struct _fpx_sw_bytes sw_reserved;
    };
};
#define _fpstate _fpstate_32

/* Registers at the time of the signal (88 bytes); segment registers are 16-bit with padding. */
struct sigcontext {
    __u16 gs, __gsh;
    __u16 fs, __fsh;
    __u16 es, __esh;
    __u16 ds, __dsh;
    __u32 edi;
    __u32 esi;
    __u32 ebp;
    __u32 esp;
    __u32 ebx;
    __u32 edx;
    __u32 ecx;
    __u32 eax;
    __u32 trapno;
    __u32 err;
    __u32 eip;
    __u16 cs, __csh;
    __u32 eflags;
    __u32 esp_at_signal;
    __u16 ss, __ssh;
    __u32 fpstate; /* user address of a struct _fpstate_32, or 0 */
    __u32 oldmask;
    __u32 cr2;
};

#if defined(__i386__)
__UAPI_ASSERT(sizeof(struct _fpreg) == 10, "_fpreg is 10 bytes");
__UAPI_ASSERT(sizeof(struct _fpx_sw_bytes) == 48, "_fpx_sw_bytes is 48 bytes");
__UAPI_ASSERT(sizeof(struct _fpstate_32) == 624, "_fpstate_32 is 624 bytes");
__UAPI_ASSERT(sizeof(struct sigcontext) == 88, "i386 struct sigcontext is 88 bytes");
#endif

#endif
