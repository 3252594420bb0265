// cpio newc parsing: every length is checked against what is left before it
// is used, so a hostile initramfs cannot make the kernel read past its end.
#include <libk/cpio.h>
#include <libk/string.h>

namespace libk {

namespace {

constexpr size_t field_count = 13;   // ino ... check, after the 6-byte magic

bool parse_hex8(const uint8_t* text, uint32_t& out)
{
    uint32_t value = 0;
    for (int i = 0; i < 8; ++i) {
        uint8_t c = text[i];
        uint32_t digit;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        else
            return false;
        value = (value << 4) | digit;
    }
    out = value;
    return true;
}

// Rounds up to the next multiple of 4 without overflowing past `limit`.
bool align4(size_t value, size_t limit, size_t& out)
{
    size_t aligned = (value + 3) & ~size_t { 3 };
    if (aligned < value)
        return false;
    out = aligned > limit ? limit : aligned;
    return true;
}

} // namespace

const char* cpio_error_string(CpioError error)
{
    switch (error) {
    case CpioError::None: return "no error";
    case CpioError::Truncated: return "truncated archive";
    case CpioError::BadMagic: return "bad magic (not cpio newc)";
    case CpioError::BadHex: return "bad hex number in header";
    case CpioError::BadName: return "bad file name";
    case CpioError::MissingTrailer: return "no TRAILER!!!";
    }
    return "unknown error";
}

bool CpioReader::next(CpioEntry& entry)
{
    for (;;) {
        if (m_error != CpioError::None)
            return false;
        // After a trailer, zero padding may follow, and then another archive (Linux
        // accepts concatenated archives): skip NUL bytes in 4-byte steps.
        while (m_offset < m_size && m_data[m_offset] == 0 && m_seen_trailer)
            ++m_offset;
        if (m_offset >= m_size) {
            if (!m_seen_trailer)
                return fail(CpioError::MissingTrailer);
            return false;
        }
        if (m_size - m_offset < header_size)
            return fail(CpioError::Truncated);
        const uint8_t* header = m_data + m_offset;
        if (memcmp(header, "07070", 5) != 0 || (header[5] != '1' && header[5] != '2'))
            return fail(CpioError::BadMagic);
        uint32_t fields[field_count];
        for (size_t i = 0; i < field_count; ++i)
            if (!parse_hex8(header + 6 + i * 8, fields[i]))
                return fail(CpioError::BadHex);
        uint32_t name_size = fields[11];
        uint32_t file_size = fields[6];
        size_t name_start = m_offset + header_size;
        if (name_size == 0)
            return fail(CpioError::BadName);
        if (name_size > m_size - name_start)
            return fail(CpioError::Truncated);
        const char* name = reinterpret_cast<const char*>(m_data + name_start);
        if (name[name_size - 1] != '\0' || memchr(name, 0, name_size - 1) != nullptr)
            return fail(CpioError::BadName);
        size_t data_start;
        if (!align4(name_start + name_size, m_size, data_start))
            return fail(CpioError::Truncated);
        if (file_size > m_size - data_start)
            return fail(CpioError::Truncated);
        size_t next_offset;
        if (!align4(data_start + file_size, m_size, next_offset))
            return fail(CpioError::Truncated);
        m_offset = next_offset;

        StringView name_view(name, name_size - 1);
        if (name_view == StringView("TRAILER!!!")) {
            m_seen_trailer = true;
            continue;
        }
        m_seen_trailer = false;
        entry.name = name_view;
        entry.ino = fields[0];
        entry.mode = fields[1];
        entry.uid = fields[2];
        entry.gid = fields[3];
        entry.nlink = fields[4];
        entry.mtime = fields[5];
        entry.dev_major = fields[7];
        entry.dev_minor = fields[8];
        entry.rdev_major = fields[9];
        entry.rdev_minor = fields[10];
        entry.data = m_data + data_start;
        entry.data_size = file_size;
        return true;
    }
}

} // namespace libk
