// A bounds-checked reader of cpio "newc" archives (magic 070701, the initramfs
// format): 110-byte ASCII-hex headers, names and data padded to 4 bytes, ended
// by "TRAILER!!!". Malformed input gives an error, never a read out of bounds.
#pragma once

#include <libk/string_view.h>
#include <stddef.h>
#include <stdint.h>

namespace libk {

struct CpioEntry {
    StringView name;          // without the NUL, as stored (often "./etc/passwd" or "etc/passwd")
    uint32_t ino;
    uint32_t mode;            // S_IF* type and permission bits
    uint32_t uid;
    uint32_t gid;
    uint32_t nlink;
    uint32_t mtime;
    uint32_t dev_major, dev_minor;     // of the file system the file came from
    uint32_t rdev_major, rdev_minor;   // device nodes: the device
    const uint8_t* data;      // file contents or symlink target; inside the archive
    uint32_t data_size;
};

enum class CpioError {
    None,
    Truncated,          // a header, name or data runs past the end
    BadMagic,           // not 070701 / 070702
    BadHex,             // a header field is not 8 hex digits
    BadName,            // namesize 0, or the name is not NUL-terminated where namesize says
    MissingTrailer,     // the data ended without TRAILER!!!
};

const char* cpio_error_string(CpioError error);

class CpioReader {
public:
    CpioReader(const void* data, size_t size)
        : m_data(static_cast<const uint8_t*>(data))
        , m_size(size)
    {
    }

    // Reads the next entry. Returns true with `entry` filled, false at the end
    // (after a trailer and only zero padding or further archives' trailers) or on
    // an error (then error() says which; the reader stays stopped).
    bool next(CpioEntry& entry);

    CpioError error() const { return m_error; }
    size_t offset() const { return m_offset; }   // where the next header is expected

    static constexpr size_t header_size = 110;

private:
    bool fail(CpioError error)
    {
        m_error = error;
        m_offset = m_size;
        return false;
    }

    const uint8_t* m_data;
    size_t m_size;
    size_t m_offset { 0 };
    bool m_seen_trailer { false };
    CpioError m_error { CpioError::None };
};

} // namespace libk
