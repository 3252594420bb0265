// Relative paths between two places of one tree (sysfs symlink targets).
#include <libk/relative_path.h>
#include <libk/string.h>

namespace libk {

namespace {

// The next component of `path` at or after `cursor`: its start and length (0 at the end).
const char* next_component(const char* cursor, size_t& length)
{
    while (*cursor == '/')
        ++cursor;
    length = 0;
    while (cursor[length] && cursor[length] != '/')
        ++length;
    return cursor;
}

class Output {
public:
    Output(char* out, size_t size) : m_out(out), m_size(size) {}
    void append(const char* text, size_t length)
    {
        if (m_length + length >= m_size) {
            m_overflow = true;
            return;
        }
        memcpy(m_out + m_length, text, length);
        m_length += length;
    }
    long finish()
    {
        if (m_overflow || m_size == 0)
            return -1;
        m_out[m_length] = '\0';
        return static_cast<long>(m_length);
    }
    size_t length() const { return m_length; }

private:
    char* m_out;
    size_t m_size;
    size_t m_length { 0 };
    bool m_overflow { false };
};

} // namespace

long relative_path(const char* from_dir, const char* to, char* out, size_t size)
{
    if (!from_dir || !to || from_dir[0] != '/' || to[0] != '/')
        return -1;
    // Skip the components both paths share.
    size_t from_length, to_length;
    const char* from_part = next_component(from_dir, from_length);
    const char* to_part = next_component(to, to_length);
    while (from_length && from_length == to_length && memcmp(from_part, to_part, from_length) == 0) {
        from_part = next_component(from_part + from_length, from_length);
        to_part = next_component(to_part + to_length, to_length);
    }
    Output result(out, size);
    // One ".." for each directory of `from_dir` left, then the rest of `to`.
    for (; from_length; from_part = next_component(from_part + from_length, from_length)) {
        if (result.length())
            result.append("/", 1);
        result.append("..", 2);
    }
    for (; to_length; to_part = next_component(to_part + to_length, to_length)) {
        if (result.length())
            result.append("/", 1);
        result.append(to_part, to_length);
    }
    if (result.length() == 0)
        result.append(".", 1);
    return result.finish();
}

} // namespace libk
