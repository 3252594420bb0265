// A bitmap over caller-provided 32-bit words, for page frames, inode numbers, pids, ...
// The Bitmap does not own its storage; bits beyond bit_count in the last word are never touched.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace libk {

class Bitmap {
public:
    static constexpr size_t npos = static_cast<size_t>(-1);
    static constexpr size_t bits_per_word = 32;

    // How many words `bit_count` bits need, for sizing the storage array.
    static constexpr size_t words_for(size_t bit_count) { return (bit_count + bits_per_word - 1) / bits_per_word; }

    constexpr Bitmap() = default;
    constexpr Bitmap(uint32_t* words, size_t bit_count)
        : m_words(words)
        , m_bit_count(bit_count)
    {
    }

    constexpr size_t size() const { return m_bit_count; }
    uint32_t* words() const { return m_words; }

    // Single bits; `index` must be < size().
    bool get(size_t index) const { return (m_words[index / bits_per_word] >> (index % bits_per_word)) & 1; }
    void set(size_t index) { m_words[index / bits_per_word] |= bit(index); }
    void clear(size_t index) { m_words[index / bits_per_word] &= ~bit(index); }

    // Ranges are clamped to size().
    void set_range(size_t start, size_t count);
    void clear_range(size_t start, size_t count);

    // The first index >= from with that value, or npos.
    size_t find_first_clear(size_t from = 0) const;
    size_t find_first_set(size_t from = 0) const;
    // The first index >= from starting `count` consecutive clear bits, or npos (also for count 0).
    size_t find_clear_run(size_t count, size_t from = 0) const;

    size_t count_set() const;

private:
    static constexpr uint32_t bit(size_t index) { return uint32_t { 1 } << (index % bits_per_word); }
    // The first index >= from whose bit equals `value`, or npos.
    size_t find_first(bool value, size_t from) const;
    void fill_range(size_t start, size_t count, bool value);

    uint32_t* m_words { nullptr };
    size_t m_bit_count { 0 };
};

} // namespace libk
