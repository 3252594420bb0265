// The keyboard as an input device (Linux's atkbd reporting to the input core):
// the i8042 driver (atkbd.cpp) hands every keyboard byte here as well.
#pragma once

#include <stdint.h>

// Registers "AT Translated Set 2 keyboard" (input0, /dev/input/event0) once the
// controller answered.
void atkbd_input_register();
// One byte from the keyboard (scan code set 1), from the interrupt handler.
void atkbd_input_scancode(uint8_t data);
