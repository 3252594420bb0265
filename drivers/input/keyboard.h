// The PS/2 keyboard's LEDs as the virtual console sets them (Linux's
// setledstate/getledstate in drivers/tty/vt/keyboard.c).
#pragma once

// KDSETLED: `leds` below 8 lights those LED_SCR/LED_NUM/LED_CAP bits and keeps
// them until the next call; 8 or more makes the LEDs show the lock keys again.
// Any context: the bytes go out to the keyboard from its interrupt handler.
void kbd_set_led_state(unsigned long leds);
// KDGETLED: what the LEDs show now.
unsigned kbd_get_led_state();
