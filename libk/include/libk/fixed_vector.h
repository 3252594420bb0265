// A vector with inline storage for at most Capacity elements: never allocates,
// so it works before kmalloc exists. Appending to a full vector fails instead of growing.
#pragma once

#include <libk/utility.h>
#include <new>
#include <stddef.h>

namespace libk {

template<typename T, size_t Capacity>
class FixedVector {
public:
    constexpr FixedVector() = default;
    // Copying would copy up to Capacity elements implicitly; do it explicitly if needed.
    FixedVector(const FixedVector&) = delete;
    FixedVector& operator=(const FixedVector&) = delete;

    // Trivially destructible elements keep the vector trivially destructible,
    // so a constinit global needs no destructor registration.
    ~FixedVector()
        requires __has_trivial_destructor(T)
    = default;
    ~FixedVector() { clear(); }

    static constexpr size_t capacity() { return Capacity; }
    size_t size() const { return m_size; }
    bool is_empty() const { return m_size == 0; }
    bool is_full() const { return m_size == Capacity; }

    T* data() { return __builtin_launder(reinterpret_cast<T*>(m_storage)); }
    const T* data() const { return __builtin_launder(reinterpret_cast<const T*>(m_storage)); }
    // Not bounds-checked, like a plain array.
    T& operator[](size_t i) { return data()[i]; }
    const T& operator[](size_t i) const { return data()[i]; }
    T* begin() { return data(); }
    T* end() { return data() + m_size; }
    const T* begin() const { return data(); }
    const T* end() const { return data() + m_size; }

    // Constructs a new last element from `args`; false (and nothing built) when full.
    template<typename... Args>
    [[nodiscard]] bool try_emplace(Args&&... args)
    {
        if (is_full())
            return false;
        new (data() + m_size) T(libk::forward<Args>(args)...);
        ++m_size;
        return true;
    }
    [[nodiscard]] bool try_append(const T& value) { return try_emplace(value); }
    [[nodiscard]] bool try_append(T&& value) { return try_emplace(libk::move(value)); }

    // Removes element `index`, shifting later ones down; the last slot's object is destroyed.
    void remove_at(size_t index)
    {
        T* elements = data();
        for (size_t i = index; i + 1 < m_size; ++i)
            elements[i] = libk::move(elements[i + 1]);
        elements[m_size - 1].~T();
        --m_size;
    }

    void clear()
    {
        T* elements = data();
        while (m_size > 0)
            elements[--m_size].~T();
    }

private:
    // Zero-initialised so the constructor is constexpr (usable for constinit globals).
    alignas(T) unsigned char m_storage[Capacity * sizeof(T)] {};
    size_t m_size { 0 };
};

} // namespace libk
