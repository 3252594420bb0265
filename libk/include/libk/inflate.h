// Decompression of gzip files (RFC 1952) and the DEFLATE data inside them
// (RFC 1951), for a compressed initramfs, as Linux's lib/inflate. Bounds-checked:
// malformed input gives an error, never a read or write out of bounds.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace libk {

enum class InflateError {
    None,
    Truncated,        // the input ended inside the stream
    NotGzip,          // no 1f 8b magic, a method other than deflate, or reserved flags
    BadBlockType,     // block type 3
    BadStoredLength,  // a stored block's LEN and NLEN disagree
    BadCodeLengths,   // a Huffman code with too many codes of some length, or no end-of-block code
    BadSymbol,        // bits that no code has, or a length or distance symbol past the table
    DistanceTooFar,   // a match reaching before the start of the output
    OutputFull,       // the output buffer is too small
    BadChecksum,      // the CRC-32 in the trailer is not the output's
    BadLength,        // the size in the trailer is not the output's
};

const char* inflate_error_string(InflateError error);

// Raw DEFLATE from `in` into `out`: `*consumed` is the input bytes used (up to
// the byte holding the last block's end), `*produced` the output bytes.
InflateError inflate(const uint8_t* in, size_t in_size, uint8_t* out, size_t out_size, size_t* consumed,
    size_t* produced);

// Whether the bytes start like a gzip member.
bool is_gzip(const uint8_t* data, size_t size);
// One gzip member: header, deflate data and the trailer, whose CRC-32 and size
// are checked. `*consumed` covers the whole member (another may follow).
InflateError gunzip(const uint8_t* in, size_t in_size, uint8_t* out, size_t out_size, size_t* consumed,
    size_t* produced);

// CRC-32 as gzip computes it: crc32(0, data, size), then more by passing the result on.
uint32_t crc32(uint32_t crc, const uint8_t* data, size_t size);

} // namespace libk
