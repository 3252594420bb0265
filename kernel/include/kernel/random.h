// Random bytes for the kernel (AT_RANDOM, getrandom, /dev/urandom).
#pragma once

#include <stddef.h>

void get_random_bytes(void* buffer, size_t length);
