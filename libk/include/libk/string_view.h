// A non-owning view of characters: pointer and length, not necessarily NUL-terminated.
#pragma once

#include <stddef.h>

namespace libk {

class StringView {
public:
    constexpr StringView() = default;
    constexpr StringView(const char* chars, size_t length)
        : m_chars(chars)
        , m_length(length)
    {
    }
    // From a NUL-terminated string (nullptr gives the empty view).
    constexpr StringView(const char* cstring)
        : m_chars(cstring)
        , m_length(cstring ? constexpr_strlen(cstring) : 0)
    {
    }

    constexpr const char* data() const { return m_chars; }
    constexpr size_t length() const { return m_length; }
    constexpr bool is_empty() const { return m_length == 0; }
    constexpr char operator[](size_t i) const { return m_chars[i]; }
    constexpr const char* begin() const { return m_chars; }
    constexpr const char* end() const { return m_chars + m_length; }

    constexpr StringView substring(size_t start, size_t length) const
    {
        if (start > m_length)
            start = m_length;
        if (length > m_length - start)
            length = m_length - start;
        return { m_chars + start, length };
    }
    constexpr StringView substring(size_t start) const { return substring(start, m_length); }

    constexpr bool starts_with(StringView prefix) const
    {
        return prefix.m_length <= m_length && substring(0, prefix.m_length) == prefix;
    }
    constexpr bool ends_with(StringView suffix) const
    {
        return suffix.m_length <= m_length && substring(m_length - suffix.m_length) == suffix;
    }

    // Index of the first `c`, or npos.
    constexpr size_t find(char c, size_t from = 0) const
    {
        for (size_t i = from; i < m_length; ++i)
            if (m_chars[i] == c)
                return i;
        return npos;
    }

    constexpr bool operator==(StringView other) const
    {
        if (m_length != other.m_length)
            return false;
        for (size_t i = 0; i < m_length; ++i)
            if (m_chars[i] != other.m_chars[i])
                return false;
        return true;
    }

    // Copies into `buffer` as a NUL-terminated string, truncating; returns buffer.
    char* copy_to(char* buffer, size_t size) const
    {
        if (size == 0)
            return buffer;
        size_t n = m_length < size - 1 ? m_length : size - 1;
        for (size_t i = 0; i < n; ++i)
            buffer[i] = m_chars[i];
        buffer[n] = '\0';
        return buffer;
    }

    static constexpr size_t npos = static_cast<size_t>(-1);

private:
    static constexpr size_t constexpr_strlen(const char* s)
    {
        size_t n = 0;
        while (s[n])
            ++n;
        return n;
    }

    const char* m_chars { nullptr };
    size_t m_length { 0 };
};

} // namespace libk
