// Shared by the input core and its handlers (drivers/input): the "input" class
// whose devices appear as /dev/input/NAME.
#pragma once

#include <linux/device.h>

// Created by the input core's initcall (subsys level); handlers register later.
extern device_class* input_class;
