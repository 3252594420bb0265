/* A few console ioctls (0x4Bxx) of Linux's linux/kd.h: text/graphics mode, keyboard mode, LEDs, beep. */
#ifndef _UAPI_LINUX_KD_H
#define _UAPI_LINUX_KD_H

#define KIOCSOUND 0x4B2F /* start sound generation (0 for off) */
#define KDMKTONE 0x4B30  /* generate tone */
#define KDGETLED 0x4B31  /* return current led state */
#define KDSETLED 0x4B32  /* set led state [lights, not flags] */
#define LED_SCR 0x01
#define LED_NUM 0x02
#define LED_CAP 0x04

#define KDGKBTYPE 0x4B33 /* get keyboard type */
#define KB_84 0x01
#define KB_101 0x02
#define KB_OTHER 0x03

#define KDSETMODE 0x4B3A /* set text/graphics mode */
#define KDGETMODE 0x4B3B /* get current mode */
#define KD_TEXT 0x00
#define KD_GRAPHICS 0x01

#define KDGKBMODE 0x4B44 /* gets current keyboard mode */
#define KDSKBMODE 0x4B45 /* sets current keyboard mode */
#define K_RAW 0x00
#define K_XLATE 0x01
#define K_MEDIUMRAW 0x02
#define K_UNICODE 0x03
#define K_OFF 0x04

#endif
