// Small helpers the kernel would otherwise take from <utility> and <algorithm>:
// move/forward/swap, min/max/clamp, alignment arithmetic, array_size.
#pragma once

#include <stddef.h>

namespace libk {

template<typename T> struct RemoveReference { using Type = T; };
template<typename T> struct RemoveReference<T&> { using Type = T; };
template<typename T> struct RemoveReference<T&&> { using Type = T; };

template<typename T> struct RemoveConst { using Type = T; };
template<typename T> struct RemoveConst<const T> { using Type = T; };

template<typename T, typename U> constexpr bool is_same = false;
template<typename T> constexpr bool is_same<T, T> = true;

// Casts to an rvalue so the value can be moved from (std::move).
template<typename T>
constexpr typename RemoveReference<T>::Type&& move(T&& value)
{
    return static_cast<typename RemoveReference<T>::Type&&>(value);
}

// Passes an argument on as the kind of reference it came in as (std::forward).
template<typename T>
constexpr T&& forward(typename RemoveReference<T>::Type& value)
{
    return static_cast<T&&>(value);
}
template<typename T>
constexpr T&& forward(typename RemoveReference<T>::Type&& value)
{
    return static_cast<T&&>(value);
}

template<typename T>
constexpr void swap(T& a, T& b)
{
    T tmp = libk::move(a);
    a = libk::move(b);
    b = libk::move(tmp);
}

template<typename T>
constexpr T min(T a, T b) { return b < a ? b : a; }

template<typename T>
constexpr T max(T a, T b) { return a < b ? b : a; }

template<typename T>
constexpr T clamp(T value, T low, T high) { return value < low ? low : (high < value ? high : value); }

// Alignment helpers for unsigned integers (addresses, sizes); `alignment` must be a power of two.
template<typename T>
constexpr bool is_power_of_two(T value) { return value != 0 && (value & (value - 1)) == 0; }

template<typename T, typename U>
constexpr T align_down(T value, U alignment)
{
    return value & ~(static_cast<T>(alignment) - 1);
}

template<typename T, typename U>
constexpr T align_up(T value, U alignment)
{
    return align_down(static_cast<T>(value + static_cast<T>(alignment) - 1), alignment);
}

template<typename T, size_t N>
constexpr size_t array_size(const T (&)[N]) { return N; }

} // namespace libk
