// DEFLATE and gzip decompression (libk/inflate.h). Huffman codes are decoded
// through a table indexed by the next fast_bits bits of input; the rarer
// longer codes are walked bit by bit in canonical order.
#include <libk/inflate.h>
#include <libk/string.h>

namespace libk {

namespace {

constexpr unsigned max_code_bits = 15;
constexpr unsigned fast_bits = 11;
constexpr unsigned literal_codes = 288;   // 0-255 literals, 256 end of block, 257-287 lengths
constexpr unsigned distance_codes = 32;   // 30 used, 30 and 31 invalid
constexpr unsigned end_of_block = 256;

constexpr uint16_t length_base[29] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67,
    83, 99, 115, 131, 163, 195, 227, 258 };
constexpr uint8_t length_extra[29] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5,
    5, 5, 5, 0 };
constexpr uint16_t distance_base[30] = { 1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513,
    769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577 };
constexpr uint8_t distance_extra[30] = { 0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10,
    11, 11, 12, 12, 13, 13 };
// The order in which a dynamic block lists the code-length code's lengths.
constexpr uint8_t code_length_order[19] = { 16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15 };

// The input, least significant bit first. Past the end it reads zeros; the
// caller checks overrun() after each symbol.
class BitReader {
public:
    void reset(const uint8_t* data, size_t size)
    {
        m_data = data;
        m_size = size;
        m_position = 0;
        m_buffer = 0;
        m_count = 0;
    }

    uint32_t peek(unsigned count)
    {
        if (m_count < count)
            refill();
        return m_buffer & ((1u << count) - 1);
    }
    void drop(unsigned count)
    {
        m_buffer >>= count;
        m_count -= count;
    }
    uint32_t take(unsigned count)
    {
        if (count == 0)
            return 0;
        uint32_t value = peek(count);
        drop(count);
        return value;
    }
    void align_to_byte() { drop(m_count % 8); }
    // Bytes used so far, counting a partly used one.
    size_t consumed() const { return m_position - m_count / 8; }
    bool overrun() const { return consumed() > m_size; }
    // Whole bytes after align_to_byte: those still buffered first.
    bool copy_bytes(uint8_t* out, size_t count)
    {
        for (; count && m_count >= 8; --count)
            *out++ = static_cast<uint8_t>(take(8));
        if (count == 0)
            return true;
        m_buffer = 0;   // the bits a word load put past m_count belong to bytes skipped now
        if (count > m_size - (m_position < m_size ? m_position : m_size))
            return false;
        memcpy(out, m_data + m_position, count);
        m_position += count;
        return true;
    }

private:
    // Whole bytes into the buffer while they fit (25 bits or more then), so
    // that most peeks load nothing.
    void refill()
    {
        if (m_size >= 4 && m_position <= m_size - 4) {
            // One word load: the bytes that fit go in, the rest is read again next time.
            uint32_t word;
            __builtin_memcpy(&word, m_data + m_position, 4);
            m_buffer |= word << m_count;
            m_position += (31 - m_count) >> 3;
            m_count |= 24;
            return;
        }
        while (m_count <= 24) {
            uint32_t byte = m_position < m_size ? m_data[m_position] : 0;
            ++m_position;
            m_buffer |= byte << m_count;
            m_count += 8;
        }
    }

    const uint8_t* m_data = nullptr;
    size_t m_size = 0;
    size_t m_position = 0;   // next byte to load into the buffer (may pass m_size)
    uint32_t m_buffer = 0;
    unsigned m_count = 0;    // bits in m_buffer
};

// Copies `length` bytes from `distance` back to `to`, forward: the source may
// overlap what the copy writes. Four bytes at a time when every word read
// lies wholly behind the write position (distance >= 4); byte by byte below.
void copy_match(uint8_t* to, size_t distance, size_t length)
{
    const uint8_t* from = to - distance;
    size_t i = 0;
    if (distance >= 4) {
        for (; i + 4 <= length; i += 4) {
            uint32_t word;
            __builtin_memcpy(&word, from + i, 4);
            __builtin_memcpy(to + i, &word, 4);
        }
    }
    for (; i < length; ++i)
        to[i] = from[i];
}

struct Huffman {
    uint16_t fast[1u << fast_bits] = {};   // symbol << 4 | code length; 0 when the code is longer
    uint16_t count[max_code_bits + 1] = {};
    uint16_t symbols[literal_codes] = {};   // by code: shorter codes first, then by symbol

    // Canonical codes from the lengths (RFC 1951 3.2.2). An incomplete code is
    // accepted (its unused bit patterns decode to BadSymbol); an over-full one is not.
    bool build(const uint8_t* lengths, unsigned n)
    {
        memset(count, 0, sizeof(count));
        for (unsigned s = 0; s < n; ++s)
            ++count[lengths[s]];
        count[0] = 0;
        int left = 1;
        for (unsigned length = 1; length <= max_code_bits; ++length) {
            left = left * 2 - count[length];
            if (left < 0)
                return false;
        }
        uint16_t offset[max_code_bits + 2];
        offset[1] = 0;
        for (unsigned length = 1; length <= max_code_bits; ++length)
            offset[length + 1] = static_cast<uint16_t>(offset[length] + count[length]);
        for (unsigned s = 0; s < n; ++s)
            if (lengths[s])
                symbols[offset[lengths[s]]++] = static_cast<uint16_t>(s);

        memset(fast, 0, sizeof(fast));
        unsigned code = 0, index = 0;
        for (unsigned length = 1; length <= fast_bits; ++length) {
            for (unsigned i = 0; i < count[length]; ++i, ++code, ++index) {
                // The stream holds a code's first bit lowest: index by the reversed code.
                unsigned reversed = 0;
                for (unsigned bit = 0; bit < length; ++bit)
                    reversed |= ((code >> bit) & 1) << (length - 1 - bit);
                auto entry = static_cast<uint16_t>(symbols[index] << 4 | length);
                for (unsigned slot = reversed; slot < (1u << fast_bits); slot += 1u << length)
                    fast[slot] = entry;
            }
            code <<= 1;
        }
        return true;
    }

    // The next symbol, or -1 for bits that are no code.
    int decode(BitReader& bits) const
    {
        uint32_t next = bits.peek(max_code_bits);
        uint16_t entry = fast[next & ((1u << fast_bits) - 1)];
        if (entry) {
            bits.drop(entry & 15);
            return entry >> 4;
        }
        // Canonical order: the codes of each length are consecutive numbers.
        int code = 0, first = 0, index = 0;
        for (unsigned length = 1; length <= max_code_bits; ++length) {
            code |= static_cast<int>((next >> (length - 1)) & 1);
            int here = count[length];
            if (code - first < here) {
                bits.drop(length);
                return symbols[index + code - first];
            }
            index += here;
            first = (first + here) << 1;
            code <<= 1;
        }
        return -1;
    }
};

// Its tables are too large for a kernel stack: one static instance serves
// every call, so inflate and gunzip run one at a time.
class Inflater {
public:
    InflateError run(const uint8_t* in, size_t in_size, uint8_t* out, size_t out_size)
    {
        m_bits.reset(in, in_size);
        m_out = out;
        m_out_size = out_size;
        m_produced = 0;
        for (;;) {
            unsigned last = m_bits.take(1);
            unsigned type = m_bits.take(2);
            InflateError error;
            if (type == 0)
                error = stored();
            else if (type == 1)
                error = fixed();
            else if (type == 2)
                error = dynamic();
            else
                error = InflateError::BadBlockType;
            if (error == InflateError::None && m_bits.overrun())
                error = InflateError::Truncated;
            if (error != InflateError::None || last)
                return error;
        }
    }

    size_t consumed() const { return m_bits.consumed(); }
    size_t produced() const { return m_produced; }

private:
    InflateError stored()
    {
        m_bits.align_to_byte();
        uint32_t length = m_bits.take(16);
        uint32_t complement = m_bits.take(16);
        if (m_bits.overrun())
            return InflateError::Truncated;
        if ((length ^ 0xffff) != complement)
            return InflateError::BadStoredLength;
        if (length > m_out_size - m_produced)
            return InflateError::OutputFull;
        if (!m_bits.copy_bytes(m_out + m_produced, length))
            return InflateError::Truncated;
        m_produced += length;
        return InflateError::None;
    }

    InflateError fixed()
    {
        uint8_t lengths[literal_codes + distance_codes];
        for (unsigned s = 0; s < literal_codes; ++s)
            lengths[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
        for (unsigned s = 0; s < distance_codes; ++s)
            lengths[literal_codes + s] = 5;
        m_literals.build(lengths, literal_codes);
        m_distances.build(lengths + literal_codes, distance_codes);
        return codes();
    }

    InflateError dynamic()
    {
        unsigned literal_count = m_bits.take(5) + 257;
        unsigned distance_count = m_bits.take(5) + 1;
        unsigned length_count = m_bits.take(4) + 4;
        if (literal_count > 286 || distance_count > 30)
            return InflateError::BadCodeLengths;
        uint8_t lengths[literal_codes + distance_codes] = {};
        for (unsigned i = 0; i < length_count; ++i)
            lengths[code_length_order[i]] = static_cast<uint8_t>(m_bits.take(3));
        if (m_bits.overrun())
            return InflateError::Truncated;
        if (!m_lengths.build(lengths, 19))
            return InflateError::BadCodeLengths;

        // The literal/length and distance lengths, one run-length coded list.
        uint8_t list[literal_codes + distance_codes] = {};
        unsigned total = literal_count + distance_count;
        for (unsigned i = 0; i < total;) {
            int symbol = m_lengths.decode(m_bits);
            if (m_bits.overrun())
                return InflateError::Truncated;
            if (symbol < 0)
                return InflateError::BadSymbol;
            if (symbol < 16) {
                list[i++] = static_cast<uint8_t>(symbol);
                continue;
            }
            uint8_t value = 0;
            unsigned repeat;
            if (symbol == 16) {
                if (i == 0)
                    return InflateError::BadCodeLengths;   // nothing to repeat
                value = list[i - 1];
                repeat = 3 + m_bits.take(2);
            } else if (symbol == 17) {
                repeat = 3 + m_bits.take(3);
            } else {
                repeat = 11 + m_bits.take(7);
            }
            if (repeat > total - i)
                return InflateError::BadCodeLengths;
            while (repeat--)
                list[i++] = value;
        }
        if (list[end_of_block] == 0)
            return InflateError::BadCodeLengths;
        if (!m_literals.build(list, literal_count) || !m_distances.build(list + literal_count, distance_count))
            return InflateError::BadCodeLengths;
        return codes();
    }

    InflateError codes()
    {
        for (;;) {
            int symbol = m_literals.decode(m_bits);
            if (m_bits.overrun())
                return InflateError::Truncated;
            if (symbol < 0)
                return InflateError::BadSymbol;
            if (symbol < 256) {
                if (m_produced == m_out_size)
                    return InflateError::OutputFull;
                m_out[m_produced++] = static_cast<uint8_t>(symbol);
                continue;
            }
            if (symbol == end_of_block)
                return InflateError::None;
            unsigned length_symbol = static_cast<unsigned>(symbol) - 257;
            if (length_symbol >= 29)
                return InflateError::BadSymbol;
            size_t length = length_base[length_symbol] + m_bits.take(length_extra[length_symbol]);
            int distance_symbol = m_distances.decode(m_bits);
            if (distance_symbol < 0 || distance_symbol >= 30)
                return m_bits.overrun() ? InflateError::Truncated : InflateError::BadSymbol;
            size_t distance = distance_base[distance_symbol] + m_bits.take(distance_extra[distance_symbol]);
            if (m_bits.overrun())
                return InflateError::Truncated;
            if (distance > m_produced)
                return InflateError::DistanceTooFar;
            if (length > m_out_size - m_produced)
                return InflateError::OutputFull;
            copy_match(m_out + m_produced, distance, length);
            m_produced += length;
        }
    }

    BitReader m_bits;
    uint8_t* m_out = nullptr;
    size_t m_out_size = 0;
    size_t m_produced = 0;
    Huffman m_literals;
    Huffman m_distances;
    Huffman m_lengths;
};

constinit Inflater inflater;

constexpr uint8_t gzip_flag_hcrc = 2, gzip_flag_extra = 4, gzip_flag_name = 8,
                  gzip_flag_comment = 16;
constexpr size_t gzip_header_size = 10, gzip_trailer_size = 8;

uint32_t little_endian32(const uint8_t* p)
{
    return static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 | static_cast<uint32_t>(p[2]) << 16
        | static_cast<uint32_t>(p[3]) << 24;
}

// Past a zero-terminated header field; false if it runs off the end.
bool skip_string(const uint8_t* in, size_t size, size_t& at)
{
    while (at < size && in[at])
        ++at;
    if (at == size)
        return false;
    ++at;
    return true;
}

} // namespace

const char* inflate_error_string(InflateError error)
{
    switch (error) {
    case InflateError::None:
        return "no error";
    case InflateError::Truncated:
        return "compressed data truncated";
    case InflateError::NotGzip:
        return "not a gzip stream";
    case InflateError::BadBlockType:
        return "invalid block type";
    case InflateError::BadStoredLength:
        return "invalid stored block lengths";
    case InflateError::BadCodeLengths:
        return "invalid code lengths";
    case InflateError::BadSymbol:
        return "invalid code";
    case InflateError::DistanceTooFar:
        return "invalid distance too far back";
    case InflateError::OutputFull:
        return "output buffer full";
    case InflateError::BadChecksum:
        return "crc error";
    case InflateError::BadLength:
        return "length error";
    }
    return "unknown error";
}

InflateError inflate(const uint8_t* in, size_t in_size, uint8_t* out, size_t out_size, size_t* consumed,
    size_t* produced)
{
    InflateError error = inflater.run(in, in_size, out, out_size);
    *consumed = inflater.consumed() < in_size ? inflater.consumed() : in_size;
    *produced = inflater.produced();
    return error;
}

bool is_gzip(const uint8_t* data, size_t size) { return size >= 2 && data[0] == 0x1f && data[1] == 0x8b; }

InflateError gunzip(const uint8_t* in, size_t in_size, uint8_t* out, size_t out_size, size_t* consumed,
    size_t* produced)
{
    *consumed = *produced = 0;
    if (!is_gzip(in, in_size))
        return InflateError::NotGzip;
    if (in_size < gzip_header_size)
        return InflateError::Truncated;
    uint8_t flags = in[3];
    if (in[2] != 8 || (flags & 0xe0))
        return InflateError::NotGzip;
    size_t at = gzip_header_size;
    if (flags & gzip_flag_extra) {
        if (in_size - at < 2)
            return InflateError::Truncated;
        size_t extra = in[at] | static_cast<size_t>(in[at + 1]) << 8;
        at += 2;
        if (in_size - at < extra)
            return InflateError::Truncated;
        at += extra;
    }
    if ((flags & gzip_flag_name) && !skip_string(in, in_size, at))
        return InflateError::Truncated;
    if ((flags & gzip_flag_comment) && !skip_string(in, in_size, at))
        return InflateError::Truncated;
    if (flags & gzip_flag_hcrc) {
        if (in_size - at < 2)
            return InflateError::Truncated;
        at += 2;
    }
    size_t used = 0;
    InflateError error = inflate(in + at, in_size - at, out, out_size, &used, produced);
    if (error != InflateError::None)
        return error;
    at += used;
    if (in_size - at < gzip_trailer_size)
        return InflateError::Truncated;
    if (little_endian32(in + at) != crc32(0, out, *produced))
        return InflateError::BadChecksum;
    if (little_endian32(in + at + 4) != static_cast<uint32_t>(*produced))
        return InflateError::BadLength;
    *consumed = at + gzip_trailer_size;
    return InflateError::None;
}

// Slicing by four: table[k][n] is the CRC of byte n followed by k zero bytes,
// so four bytes take one word load and four lookups.
uint32_t crc32(uint32_t crc, const uint8_t* data, size_t size)
{
    static uint32_t table[4][256];
    static bool made = false;
    if (!made) {
        for (uint32_t n = 0; n < 256; ++n) {
            uint32_t c = n;
            for (int k = 0; k < 8; ++k)
                c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
            table[0][n] = c;
        }
        for (uint32_t n = 0; n < 256; ++n)
            for (int k = 1; k < 4; ++k)
                table[k][n] = table[0][table[k - 1][n] & 0xff] ^ (table[k - 1][n] >> 8);
        made = true;
    }
    crc = ~crc;
    size_t i = 0;
    for (; i + 4 <= size; i += 4) {
        crc ^= little_endian32(data + i);
        crc = table[3][crc & 0xff] ^ table[2][(crc >> 8) & 0xff] ^ table[1][(crc >> 16) & 0xff] ^ table[0][crc >> 24];
    }
    for (; i < size; ++i)
        crc = table[0][(crc ^ data[i]) & 0xff] ^ (crc >> 8);
    return ~crc;
}

} // namespace libk
