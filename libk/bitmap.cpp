// Bitmap's range and search operations; whole words are handled at once where possible.
#include <libk/bitmap.h>

namespace libk {

void Bitmap::fill_range(size_t start, size_t count, bool value)
{
    if (start >= m_bit_count)
        return;
    if (count > m_bit_count - start)
        count = m_bit_count - start;
    size_t index = start;
    size_t end = start + count;
    while (index < end) {
        size_t word = index / bits_per_word;
        size_t first = index % bits_per_word;
        size_t n = bits_per_word - first;
        if (n > end - index)
            n = end - index;
        // A mask of n bits starting at `first` (n may be 32, so avoid shifting by 32).
        uint32_t mask = (n == bits_per_word ? ~uint32_t { 0 } : ((uint32_t { 1 } << n) - 1)) << first;
        if (value)
            m_words[word] |= mask;
        else
            m_words[word] &= ~mask;
        index += n;
    }
}

void Bitmap::set_range(size_t start, size_t count) { fill_range(start, count, true); }
void Bitmap::clear_range(size_t start, size_t count) { fill_range(start, count, false); }

size_t Bitmap::find_first(bool value, size_t from) const
{
    size_t index = from;
    while (index < m_bit_count) {
        // Turn the search into "find a set bit" and drop the bits below `index`.
        uint32_t word = m_words[index / bits_per_word];
        if (!value)
            word = ~word;
        word &= ~uint32_t { 0 } << (index % bits_per_word);
        if (word != 0) {
            size_t found = index - index % bits_per_word + __builtin_ctz(word);
            return found < m_bit_count ? found : npos;
        }
        index = index - index % bits_per_word + bits_per_word;
    }
    return npos;
}

size_t Bitmap::find_first_clear(size_t from) const { return find_first(false, from); }
size_t Bitmap::find_first_set(size_t from) const { return find_first(true, from); }

size_t Bitmap::find_clear_run(size_t count, size_t from) const
{
    if (count == 0)
        return npos;
    size_t start = find_first_clear(from);
    while (start != npos && count <= m_bit_count - start) {
        // The run ends at the next set bit; if that is far enough away, we are done.
        size_t next_set = find_first_set(start);
        if (next_set == npos || next_set - start >= count)
            return start;
        start = find_first_clear(next_set);
    }
    return npos;
}

// Kernighan's loop: one step per set bit, no libgcc helper needed on i686.
static size_t popcount(uint32_t word)
{
    size_t count = 0;
    for (; word != 0; word &= word - 1)
        ++count;
    return count;
}

size_t Bitmap::count_set() const
{
    size_t count = 0;
    size_t full_words = m_bit_count / bits_per_word;
    for (size_t i = 0; i < full_words; ++i)
        count += popcount(m_words[i]);
    size_t tail = m_bit_count % bits_per_word;
    if (tail)
        count += popcount(m_words[full_words] & ((uint32_t { 1 } << tail) - 1));
    return count;
}

} // namespace libk
