/* Virtual terminal ioctls (0x56xx) of Linux's linux/vt.h. */
#ifndef _UAPI_LINUX_VT_H
#define _UAPI_LINUX_VT_H

#define MIN_NR_CONSOLES 1
#define MAX_NR_CONSOLES 63

#define VT_OPENQRY 0x5600 /* find available vt */

struct vt_mode {
    char mode;    /* vt mode */
    char waitv;   /* if set, hang on writes if not active */
    short relsig; /* signal to raise on release req */
    short acqsig; /* signal to raise on acquisition */
    short frsig;  /* unused (set to 0) */
};
#define VT_GETMODE 0x5601
#define VT_SETMODE 0x5602
#define VT_AUTO 0x00
#define VT_PROCESS 0x01
#define VT_ACKACQ 0x02

struct vt_stat {
    unsigned short v_active; /* active vt */
    unsigned short v_signal; /* signal to send */
    unsigned short v_state;  /* vt bitmask */
};
#define VT_GETSTATE 0x5603
#define VT_SENDSIG 0x5604
#define VT_RELDISP 0x5605
#define VT_ACTIVATE 0x5606
#define VT_WAITACTIVE 0x5607
#define VT_DISALLOCATE 0x5608

#endif
