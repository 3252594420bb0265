/* The lockup detectors' API: code that busy-waits for long on purpose tells the
 * soft-lockup watchdog it is still alive (kernel/debug/watchdog.cpp). */
#ifndef _LINUX_NMI_H
#define _LINUX_NMI_H

#if defined(__cplusplus) && !defined(MODULE)
#include <kernel/watchdog.h>
#else
#ifdef __cplusplus
extern "C" {
#endif
void touch_softlockup_watchdog(void);
#ifdef __cplusplus
}
#endif
#endif

/* No NMI watchdog here: touching it touches the soft-lockup one, as Linux's does too. */
#define touch_nmi_watchdog() touch_softlockup_watchdog()

#endif
