// The printk ring buffer: a descriptor ring indexing variable-length records in a data ring.
#include <libk/log_buffer.h>

namespace libk {

namespace {

struct RecordHeader {
    uint64_t seq;  // checked on read, so a stale descriptor can never yield another record's data
    uint64_t timestamp_ns;
    uint16_t text_length;
    uint8_t level;
    uint8_t flags;
    uint32_t size;  // header + text, rounded up to 8
};

} // namespace

static constexpr size_t header_size = sizeof(RecordHeader);
static constexpr size_t min_record = 32;  // header + a short text: sizes the descriptor ring

static size_t round_up8(size_t n)
{
    return (n + 7) & ~static_cast<size_t>(7);
}

static void copy_bytes(void* dest, const void* src, size_t n)
{
    auto* d = static_cast<uint8_t*>(dest);
    auto* s = static_cast<const uint8_t*>(src);
    for (size_t i = 0; i < n; ++i)
        d[i] = s[i];
}

void LogBuffer::init(void* storage, size_t size)
{
    // The largest power-of-two descriptor count whose descriptors plus that many
    // minimal records fit; records beyond it only happen with tiny texts and
    // simply push out the oldest.
    size_t count = 2;
    while ((count * 2) * (sizeof(uint32_t) + min_record) <= size)
        count *= 2;
    m_descs = static_cast<uint32_t*>(storage);
    m_desc_count = count;
    m_data = static_cast<uint8_t*>(storage) + round_up8(count * sizeof(uint32_t));
    m_data_size = (size - round_up8(count * sizeof(uint32_t))) & ~static_cast<size_t>(7);
    m_first_seq = 0;
    m_next_seq = 0;
    m_tail = 0;
    m_used = 0;
}

void LogBuffer::drop_oldest()
{
    size_t begin = record_offset(m_first_seq);
    ++m_first_seq;
    if (m_first_seq == m_next_seq) {
        m_used = 0;
        m_tail = 0;
        return;
    }
    size_t next = record_offset(m_first_seq);
    m_used -= next > begin ? next - begin : m_data_size - begin + next;
}

uint64_t LogBuffer::append(uint8_t level, uint64_t timestamp_ns, const char* text, size_t length, uint8_t flags)
{
    if (m_data_size < header_size + 8)
        return m_next_seq;  // not initialised (printk before setup_log_buf): nothing to store into
    if (length > max_text)
        length = max_text;
    if (header_size + length > m_data_size)
        length = m_data_size - header_size;
    size_t size = round_up8(header_size + length);

    // A record that would cross the end starts at 0; the tail it skips is still "used".
    size_t skip = m_tail + size > m_data_size ? m_data_size - m_tail : 0;
    while (m_first_seq != m_next_seq && (m_used + skip + size > m_data_size || m_next_seq - m_first_seq == m_desc_count)) {
        drop_oldest();
        if (m_first_seq == m_next_seq)
            skip = 0;  // empty: drop_oldest() restarted at offset 0
    }
    size_t offset = skip ? 0 : m_tail;

    RecordHeader header { m_next_seq, timestamp_ns, static_cast<uint16_t>(length), level, flags, static_cast<uint32_t>(size) };
    copy_bytes(m_data + offset, &header, header_size);
    copy_bytes(m_data + offset + header_size, text, length);
    m_descs[m_next_seq & (m_desc_count - 1)] = static_cast<uint32_t>(offset);

    m_used += skip + size;
    m_tail = offset + size;
    if (m_tail == m_data_size)
        m_tail = 0;
    return m_next_seq++;
}

bool LogBuffer::read(uint64_t seq, LogRecord& out, char* text, size_t text_size) const
{
    if (seq < m_first_seq)
        seq = m_first_seq;
    if (seq >= m_next_seq)
        return false;

    RecordHeader header;
    copy_bytes(&header, m_data + record_offset(seq), header_size);
    if (header.seq != seq)
        return false;  // cannot happen unless the storage was scribbled on

    out.seq = header.seq;
    out.timestamp_ns = header.timestamp_ns;
    out.level = header.level;
    out.flags = header.flags;
    out.text_length = header.text_length;
    if (text && text_size > 0) {
        size_t n = header.text_length < text_size - 1 ? header.text_length : text_size - 1;
        copy_bytes(text, m_data + record_offset(seq) + header_size, n);
        text[n] = '\0';
    }
    return true;
}

void LogBuffer::clear()
{
    m_first_seq = m_next_seq;
    m_tail = 0;
    m_used = 0;
}

} // namespace libk
