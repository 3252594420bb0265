// The printk ring buffer: variable-length log records in caller-provided memory,
// in the simplest form of Linux's printk ringbuffer (a descriptor ring + a data ring).
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace libk {

struct LogRecord {
    uint64_t seq;
    uint64_t timestamp_ns;
    uint8_t level;
    uint8_t flags;
    uint16_t text_length;  // the full stored length, even if the reader's buffer was smaller
};

// Single writer and readers serialised by the caller (the kernel holds its log lock).
// Readers keep their own sequence number; when their record has been overwritten,
// read() hands them the oldest surviving one, and the jump in seq shows the gap.
class LogBuffer {
public:
    static constexpr size_t max_text = 1024;  // longer texts are truncated

    // size >= 256; storage 8-byte aligned. The buffer keeps no other memory.
    void init(void* storage, size_t size);

    // Drops the oldest records to make room. Returns the new record's seq.
    uint64_t append(uint8_t level, uint64_t timestamp_ns, const char* text, size_t length, uint8_t flags = 0);

    uint64_t first_seq() const { return m_first_seq; }  // oldest stored record
    uint64_t next_seq() const { return m_next_seq; }    // seq the next append gets

    // Reads record `seq`, or the oldest one after it if `seq` was overwritten. Copies
    // at most text_size-1 chars + NUL into text. False when seq >= next_seq().
    bool read(uint64_t seq, LogRecord& out, char* text, size_t text_size) const;

    void clear();  // dmesg -C: later reads start at next_seq()

    size_t capacity_bytes() const { return m_data_size; }
    size_t used_bytes() const { return m_used; }
    size_t max_records() const { return m_desc_count; }

private:
    size_t record_offset(uint64_t seq) const { return m_descs[seq & (m_desc_count - 1)]; }
    void drop_oldest();

    // Descriptor ring: the data offset of record `seq` lives at m_descs[seq % m_desc_count].
    // m_desc_count is a power of two so that no 64-bit division is needed on i686.
    uint32_t* m_descs { nullptr };
    size_t m_desc_count { 0 };
    // Data ring: records are contiguous (never split at the end); a record that
    // does not fit before the end starts again at 0 and the skipped tail counts
    // as part of the record before it.
    uint8_t* m_data { nullptr };
    size_t m_data_size { 0 };
    size_t m_tail { 0 };  // where the next record goes
    size_t m_used { 0 };  // bytes from the oldest record to m_tail, including skipped tails
    uint64_t m_first_seq { 0 };
    uint64_t m_next_seq { 0 };
};

} // namespace libk
