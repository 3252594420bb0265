// A non-owning view of a contiguous array: pointer plus element count (std::span, simplified).
#pragma once

#include <libk/utility.h>
#include <stddef.h>

namespace libk {

template<typename T>
class Span {
public:
    constexpr Span() = default;
    constexpr Span(T* data, size_t size)
        : m_data(data)
        , m_size(size)
    {
    }
    template<size_t N>
    constexpr Span(T (&array)[N])
        : m_data(array)
        , m_size(N)
    {
    }
    // Span<T> converts to Span<const T>, not the other way round.
    template<typename U>
        requires(!is_same<U, T> && is_same<const U, T>)
    constexpr Span(Span<U> other)
        : m_data(other.data())
        , m_size(other.size())
    {
    }

    constexpr T* data() const { return m_data; }
    constexpr size_t size() const { return m_size; }
    constexpr size_t size_in_bytes() const { return m_size * sizeof(T); }
    constexpr bool is_empty() const { return m_size == 0; }
    // Not bounds-checked, like a plain array.
    constexpr T& operator[](size_t i) const { return m_data[i]; }
    constexpr T* begin() const { return m_data; }
    constexpr T* end() const { return m_data + m_size; }

    // Up to `count` elements from `offset`, clamped to the span (like StringView::substring).
    constexpr Span subspan(size_t offset, size_t count = static_cast<size_t>(-1)) const
    {
        if (offset > m_size)
            offset = m_size;
        if (count > m_size - offset)
            count = m_size - offset;
        return { m_data + offset, count };
    }

private:
    T* m_data { nullptr };
    size_t m_size { 0 };
};

} // namespace libk
