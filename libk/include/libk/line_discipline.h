// The terminal line discipline without locks or hardware (the pure core of Linux's
// n_tty): input editing, echo, signal characters and output post-processing.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace libk {

// struct termios and its bits as Linux i386 has them (asm/termbits.h). libk builds for
// the host too, so it cannot include the uapi header; the kernel static_asserts they agree.
namespace termbits {
constexpr size_t nccs = 19;
// c_cc indices
constexpr size_t vintr = 0, vquit = 1, verase = 2, vkill = 3, veof = 4, vtime = 5, vmin = 6, vswtc = 7,
                 vstart = 8, vstop = 9, vsusp = 10, veol = 11, vreprint = 12, vdiscard = 13, vwerase = 14,
                 vlnext = 15, veol2 = 16;
// c_iflag
constexpr uint32_t istrip = 0x20, inlcr = 0x40, igncr = 0x80, icrnl = 0x100, iuclc = 0x200, ixon = 0x400,
                   iutf8 = 0x4000;
// c_oflag
constexpr uint32_t opost = 0x01, olcuc = 0x02, onlcr = 0x04, ocrnl = 0x08, onocr = 0x10, onlret = 0x20,
                   tabdly = 0x1800, xtabs = 0x1800;
// c_cflag
constexpr uint32_t b38400 = 0x0f, b115200 = 0x1002, cs8 = 0x30, cread = 0x80, hupcl = 0x400, clocal = 0x800;
// c_lflag
constexpr uint32_t isig = 0x01, icanon = 0x02, echo = 0x08, echoe = 0x10, echok = 0x20, echonl = 0x40,
                   noflsh = 0x80, tostop = 0x100, echoctl = 0x200, echoprt = 0x400, echoke = 0x800,
                   iexten = 0x8000;
// A c_cc entry of 0 switches that character off (_POSIX_VDISABLE on Linux).
constexpr uint8_t vdisable = 0;
// Signal numbers the discipline asks for (Linux i386).
constexpr int sigint = 2, sigquit = 3, sigtstp = 20;
} // namespace termbits

struct Termios {
    uint32_t c_iflag;
    uint32_t c_oflag;
    uint32_t c_cflag;
    uint32_t c_lflag;
    uint8_t c_line;
    uint8_t c_cc[termbits::nccs];
};
static_assert(sizeof(Termios) == 36, "the kernel's struct termios is 36 bytes");

// Linux's tty_std_termios: cooked mode, echo, ^C ^\ ^Z signals, CR read as NL, NL written as CRNL.
constexpr Termios default_termios(uint32_t speed = termbits::b38400)
{
    using namespace termbits;
    Termios t {};
    t.c_iflag = icrnl | ixon;
    t.c_oflag = opost | onlcr;
    t.c_cflag = speed | cs8 | cread | hupcl;
    t.c_lflag = isig | icanon | echo | echoe | echok | echoctl | echoke | iexten;
    t.c_cc[vintr] = 0x03;    // ^C
    t.c_cc[vquit] = 0x1c;    // ^\ (0x1c)
    t.c_cc[verase] = 0x7f;   // DEL, what Backspace sends
    t.c_cc[vkill] = 0x15;    // ^U
    t.c_cc[veof] = 0x04;     // ^D
    t.c_cc[vtime] = 0;
    t.c_cc[vmin] = 1;
    t.c_cc[vstart] = 0x11;   // ^Q
    t.c_cc[vstop] = 0x13;    // ^S
    t.c_cc[vsusp] = 0x1a;    // ^Z
    t.c_cc[vreprint] = 0x12; // ^R
    t.c_cc[vdiscard] = 0x0f; // ^O
    t.c_cc[vwerase] = 0x17;  // ^W
    t.c_cc[vlnext] = 0x16;   // ^V
    return t;
}

// Where output and echo bytes go: the driver, or a test buffer.
struct OutputSink {
    void (*write)(void* context, const char* data, size_t length);
    void* context;
};

// How a non-canonical read waits (VMIN/VTIME, termios(3) "Noncanonical mode").
struct RawReadPlan {
    size_t minimum;            // return once this many bytes are copied (0: never wait)
    unsigned long timeout_ds;  // VTIME in tenths of a second; 0 = no timer
    bool inter_byte;           // the timer starts after the first byte and restarts with each one
};
RawReadPlan plan_raw_read(const Termios& termios, size_t size);

class LineDiscipline {
public:
    static constexpr size_t buffer_size = 4096; // Linux's N_TTY_BUF_SIZE
    static_assert((buffer_size & (buffer_size - 1)) == 0);

    constexpr LineDiscipline() = default;
    constexpr explicit LineDiscipline(const Termios& termios)
        : m_termios(termios)
    {
    }

    // What one received byte asks of the caller: a signal for the foreground process
    // group (0 for none) and whether readers may now find data.
    struct ReceiveResult {
        int signal;
        bool wake_readers;
    };
    // Processes one byte from the device; echo goes to `echo`.
    ReceiveResult receive(uint8_t c, const OutputSink& echo_sink);

    // Canonical: a whole line (or an end of file) is waiting. Otherwise: at least
    // `minimum` bytes are (1 when minimum is 0).
    bool input_available(size_t minimum = 1) const;
    // Moves input to `buffer`. Canonical mode gives at most one line and never the ^D
    // that ended it: a count of 0 with input_available() means end of file.
    // `line_done` says whether the line (or, raw, the waiting input) is used up.
    size_t read(char* buffer, size_t size, bool* line_done = nullptr);
    // Bytes a read could return now (FIONREAD).
    size_t readable_bytes() const;
    void flush_input();

    // Writes program output with OPOST processing (ONLCR, OCRNL, ONOCR, ONLRET, XTABS, OLCUC).
    void write(const char* data, size_t length, const OutputSink& out);

    const Termios& termios() const { return m_termios; }
    // Switching ICANON keeps pending input: raw mode makes it all readable, cooked
    // mode makes it one finished line, as Linux does.
    void set_termios(const Termios& termios);
    unsigned column() const { return m_column; }

private:
    class Emitter;
    enum class Kill { Erase, WordErase, Line };

    bool lflag(uint32_t bit) const { return m_termios.c_lflag & bit; }
    bool iflag(uint32_t bit) const { return m_termios.c_iflag & bit; }
    bool oflag(uint32_t bit) const { return m_termios.c_oflag & bit; }
    bool is_char(uint8_t c, size_t index) const
    {
        return m_termios.c_cc[index] != termbits::vdisable && c == m_termios.c_cc[index];
    }

    size_t count() const { return m_head - m_tail; }
    uint8_t at(size_t position) const { return m_buffer[position % buffer_size]; }
    void put(uint8_t c) { m_buffer[m_head++ % buffer_size] = c; }
    bool line_end_at(size_t position) const;
    bool eof_at(size_t position) const;
    void set_mark(size_t position, bool line_end, bool eof);
    void end_line(uint8_t c, bool eof);

    int signal_char(uint8_t c, int signal, Emitter& out);
    ReceiveResult ordinary_char(uint8_t c, Emitter& out);
    void erase(Kill kind, Emitter& out);
    void reprint(uint8_t c, Emitter& out);
    void echo_char(uint8_t c, Emitter& out);
    void output_char(uint8_t c, Emitter& out);
    unsigned line_column(size_t end) const;

    Termios m_termios { default_termios() };
    uint8_t m_buffer[buffer_size] {};
    // One bit per buffer slot: a line ends after it; it is a ^D (ends a line, never read).
    uint32_t m_line_end[buffer_size / 32] {};
    uint32_t m_eof[buffer_size / 32] {};
    // Free-running positions: tail <= canon_head <= head; [tail, canon_head) is finished lines.
    size_t m_tail { 0 };
    size_t m_canon_head { 0 };
    size_t m_head { 0 };
    unsigned m_column { 0 };       // output column, for erasing tabs
    unsigned m_canon_column { 0 }; // column where the line being edited started
    bool m_lnext { false };        // the previous byte was ^V: take this one literally
};

} // namespace libk
