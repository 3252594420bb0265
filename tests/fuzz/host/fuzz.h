// Shared by the libFuzzer harnesses: a check that stops the run (libFuzzer then
// keeps the input as a crash file), and a read of every byte of a range the parser
// handed back, so AddressSanitizer reports a view that reaches past the input.
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define FUZZ_CHECK(condition)                                                              \
    do {                                                                                   \
        if (!(condition)) {                                                                \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition); \
            abort();                                                                       \
        }                                                                                  \
    } while (0)

inline volatile uint8_t touch_sink;   // the sum goes somewhere, so the reads stay

inline void touch(const void* data, size_t length)
{
    const auto* bytes = static_cast<const uint8_t*>(data);
    uint8_t sum = 0;
    for (size_t i = 0; i < length; ++i)
        sum = static_cast<uint8_t>(sum + bytes[i]);
    touch_sink = sum;
}

// Whether [pointer, pointer + length) lies inside [base, base + size).
inline bool inside(const void* pointer, size_t length, const void* base, size_t size)
{
    auto p = reinterpret_cast<uintptr_t>(pointer), b = reinterpret_cast<uintptr_t>(base);
    return p >= b && p - b <= size && length <= size - (p - b);
}
