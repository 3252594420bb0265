// The line discipline's pure core: what each received byte does to the input buffer
// and the echo, and how output is post-processed (Linux's drivers/tty/n_tty.c behaviour).
#include <libk/ctype.h>
#include <libk/line_discipline.h>

namespace libk {

using namespace termbits;

namespace {

// Control characters as iscntrl() sees them: C0 and DEL.
constexpr bool is_cntrl(uint8_t c) { return c < 0x20 || c == 0x7f; }

} // namespace

// Collects output bytes so the sink (a UART or the VGA screen) gets them in runs.
class LineDiscipline::Emitter {
public:
    explicit Emitter(const OutputSink& sink)
        : m_sink(sink)
    {
    }
    ~Emitter() { flush(); }
    Emitter(const Emitter&) = delete;
    Emitter& operator=(const Emitter&) = delete;

    void put(char c)
    {
        if (m_length == sizeof(m_data))
            flush();
        m_data[m_length++] = c;
    }
    void put_block(const char* data, size_t length)
    {
        flush();
        if (m_sink.write && length)
            m_sink.write(m_sink.context, data, length);
    }
    void flush()
    {
        if (m_sink.write && m_length)
            m_sink.write(m_sink.context, m_data, m_length);
        m_length = 0;
    }

private:
    const OutputSink& m_sink;
    char m_data[64];
    size_t m_length { 0 };
};

RawReadPlan plan_raw_read(const Termios& termios, size_t size)
{
    size_t vmin_value = termios.c_cc[vmin];
    unsigned long vtime_value = termios.c_cc[vtime];
    if (vmin_value == 0 && vtime_value == 0)
        return { 0, 0, false };    // polling read: whatever is there, maybe nothing
    if (vmin_value == 0)
        return { 1, vtime_value, false };   // one byte or the timer, whichever comes first
    size_t minimum = vmin_value < size ? vmin_value : size;
    // MIN > 0: wait for the first byte without limit; TIME then times the gaps.
    return { minimum, vtime_value, vtime_value != 0 };
}

bool LineDiscipline::line_end_at(size_t position) const
{
    size_t slot = position % buffer_size;
    return m_line_end[slot / 32] & (1u << (slot % 32));
}

bool LineDiscipline::eof_at(size_t position) const
{
    size_t slot = position % buffer_size;
    return m_eof[slot / 32] & (1u << (slot % 32));
}

void LineDiscipline::set_mark(size_t position, bool line_end, bool eof)
{
    size_t slot = position % buffer_size;
    uint32_t bit = 1u << (slot % 32);
    m_line_end[slot / 32] = line_end ? (m_line_end[slot / 32] | bit) : (m_line_end[slot / 32] & ~bit);
    m_eof[slot / 32] = eof ? (m_eof[slot / 32] | bit) : (m_eof[slot / 32] & ~bit);
}

// Stores a line terminator (NL, EOL, EOL2, or ^D as an unreadable marker) and hands the line to readers.
void LineDiscipline::end_line(uint8_t c, bool eof)
{
    set_mark(m_head, true, eof);
    put(c);
    m_canon_head = m_head;
}

LineDiscipline::ReceiveResult LineDiscipline::receive(uint8_t c, const OutputSink& echo_sink)
{
    Emitter out(echo_sink);

    if (iflag(istrip))
        c &= 0x7f;
    if (iflag(iuclc) && lflag(iexten))
        c = static_cast<uint8_t>(tolower(c));

    // After ^V the byte is data, whatever it is.
    if (m_lnext) {
        m_lnext = false;
        return ordinary_char(c, out);
    }

    if (lflag(isig)) {
        if (is_char(c, vintr))
            return { signal_char(c, sigint, out), false };
        if (is_char(c, vquit))
            return { signal_char(c, sigquit, out), false };
        if (is_char(c, vsusp))
            return { signal_char(c, sigtstp, out), false };
    }

    // Terminals send CR for Enter; programs expect NL.
    if (c == '\r') {
        if (iflag(igncr))
            return { 0, false };
        if (iflag(icrnl))
            c = '\n';
    } else if (c == '\n' && iflag(inlcr)) {
        c = '\r';
    }

    if (lflag(icanon)) {
        // ^H erases too: some terminals send it for Backspace.
        if (is_char(c, verase) || c == '\b') {
            erase(Kill::Erase, out);
            return { 0, false };
        }
        if (is_char(c, vkill)) {
            erase(Kill::Line, out);
            return { 0, false };
        }
        if (lflag(iexten) && is_char(c, vwerase)) {
            erase(Kill::WordErase, out);
            return { 0, false };
        }
        if (lflag(iexten) && is_char(c, vlnext)) {
            m_lnext = true;
            // "^" then back over it: the next character's echo replaces it.
            if (lflag(echo) && lflag(echoctl)) {
                output_char('^', out);
                output_char('\b', out);
            }
            return { 0, false };
        }
        if (lflag(iexten) && lflag(echo) && is_char(c, vreprint)) {
            reprint(c, out);
            return { 0, false };
        }
        if (c == '\n') {
            if (lflag(echo) || lflag(echonl))
                output_char('\n', out);
            end_line(c, false);
            return { 0, true };
        }
        if (is_char(c, veof)) {
            // Not echoed (Linux neither); on an empty line the reader gets 0 bytes: end of file.
            if (count() < buffer_size)
                end_line(0, true);
            return { 0, true };
        }
        if (is_char(c, veol) || (lflag(iexten) && is_char(c, veol2))) {
            if (lflag(echo)) {
                if (m_head == m_canon_head)
                    m_canon_column = m_column;
                echo_char(c, out);
            }
            if (count() < buffer_size)
                end_line(c, false);
            return { 0, true };
        }
    }
    return ordinary_char(c, out);
}

LineDiscipline::ReceiveResult LineDiscipline::ordinary_char(uint8_t c, Emitter& out)
{
    bool canonical = lflag(icanon);
    // Cooked mode keeps the last slot for a line terminator, so a full line can still end.
    size_t limit = canonical ? buffer_size - 1 : buffer_size;
    if (count() >= limit)
        return { 0, false };
    if (lflag(echo)) {
        if (m_head == m_canon_head)
            m_canon_column = m_column;
        if (c == '\n')
            output_char('\n', out);
        else
            echo_char(c, out);
    }
    set_mark(m_head, false, false);
    put(c);
    return { 0, !canonical };
}

// ^C ^\ ^Z: drop pending input (unless NOFLSH) and show the character, Linux's isig().
int LineDiscipline::signal_char(uint8_t c, int signal, Emitter& out)
{
    if (!lflag(noflsh))
        flush_input();
    if (lflag(echo))
        echo_char(c, out);
    return signal;
}

// The column the line being edited reaches at `end`, from where its echo started.
unsigned LineDiscipline::line_column(size_t end) const
{
    unsigned column = m_canon_column;
    for (size_t position = m_canon_head; position != end; position++) {
        uint8_t c = at(position);
        if (c == '\t')
            column = (column | 7) + 1;
        else if (is_cntrl(c))
            column += lflag(echoctl) ? 2 : 0;
        else if (!(iflag(iutf8) && (c & 0xc0) == 0x80))
            column++;
    }
    return column;
}

// Backspace, ^U and ^W: remove from the line being edited and rub the echo out.
void LineDiscipline::erase(Kill kind, Emitter& out)
{
    if (m_head == m_canon_head)
        return;
    if (kind == Kill::Line) {
        if (!lflag(echo)) {
            m_head = m_canon_head;
            return;
        }
        // Without ECHOKE (and ECHOE) the line is not rubbed out: show ^U and start a new line.
        if (!lflag(echok) || !lflag(echoke) || !lflag(echoe)) {
            m_head = m_canon_head;
            echo_char(m_termios.c_cc[vkill], out);
            if (lflag(echok))
                output_char('\n', out);
            return;
        }
    }

    unsigned seen_alnums = 0;
    while (m_head != m_canon_head) {
        size_t position = m_head - 1;
        // A UTF-8 character goes as a whole: back over its continuation bytes.
        if (iflag(iutf8))
            while (position != m_canon_head && (at(position) & 0xc0) == 0x80)
                position--;
        uint8_t c = at(position);
        if (kind == Kill::WordErase) {
            // A word is letters, digits and '_'; blanks and punctuation before it go first.
            if (isalnum(c) || c == '_')
                seen_alnums++;
            else if (seen_alnums)
                break;
        }
        m_head = position;

        if (lflag(echo)) {
            if (kind == Kill::Erase && !lflag(echoe)) {
                echo_char(m_termios.c_cc[verase], out);
            } else if (c == '\t') {
                // A tab covered 1-8 columns: go back to where the text before it ends.
                unsigned column = line_column(m_head);
                unsigned backspaces = m_column > column ? m_column - column : 0;
                for (unsigned i = 0; i < backspaces && i < 8; i++)
                    output_char('\b', out);
            } else {
                // ECHOCTL showed a control character as two columns ("^C").
                unsigned width = is_cntrl(c) && lflag(echoctl) ? 2 : 1;
                for (unsigned i = 0; i < width; i++) {
                    output_char('\b', out);
                    output_char(' ', out);
                    output_char('\b', out);
                }
            }
        }
        if (kind == Kill::Erase)
            break;
    }
}

// ^R: show the line being edited again on a new line.
void LineDiscipline::reprint(uint8_t c, Emitter& out)
{
    echo_char(c, out);
    output_char('\n', out);
    m_canon_column = m_column;
    for (size_t position = m_canon_head; position != m_head; position++)
        echo_char(at(position), out);
}

// Echo of one input byte: ECHOCTL shows control characters (not tab) as ^X.
void LineDiscipline::echo_char(uint8_t c, Emitter& out)
{
    if (lflag(echoctl) && is_cntrl(c) && c != '\t') {
        out.put('^');
        out.put(static_cast<char>(c ^ 0x40));
        m_column += 2;
        return;
    }
    output_char(c, out);
}

// One output byte through OPOST processing, keeping track of the column.
void LineDiscipline::output_char(uint8_t c, Emitter& out)
{
    if (!oflag(opost)) {
        out.put(static_cast<char>(c));
        return;
    }
    switch (c) {
    case '\n':
        if (oflag(onlret))
            m_column = 0;
        if (oflag(onlcr)) {
            out.put('\r');
            m_column = 0;
        }
        out.put('\n');
        return;
    case '\r':
        if (oflag(onocr) && m_column == 0)
            return;
        if (oflag(ocrnl)) {
            if (oflag(onlret))
                m_column = 0;
            out.put('\n');
            return;
        }
        m_column = 0;
        out.put('\r');
        return;
    case '\t': {
        unsigned spaces = 8 - (m_column & 7);
        m_column += spaces;
        if ((m_termios.c_oflag & tabdly) == xtabs) {
            for (unsigned i = 0; i < spaces; i++)
                out.put(' ');
            return;
        }
        out.put('\t');
        return;
    }
    case '\b':
        if (m_column > 0)
            m_column--;
        out.put('\b');
        return;
    default:
        if (!is_cntrl(c)) {
            if (oflag(olcuc))
                c = static_cast<uint8_t>(toupper(c));
            if (!(iflag(iutf8) && (c & 0xc0) == 0x80))
                m_column++;
        }
        out.put(static_cast<char>(c));
        return;
    }
}

void LineDiscipline::write(const char* data, size_t length, const OutputSink& sink)
{
    Emitter out(sink);
    if (!oflag(opost)) {
        out.put_block(data, length);
        return;
    }
    for (size_t i = 0; i < length; i++)
        output_char(static_cast<uint8_t>(data[i]), out);
}

bool LineDiscipline::input_available(size_t minimum) const
{
    if (lflag(icanon))
        return m_canon_head != m_tail;
    return count() >= (minimum ? minimum : 1);
}

size_t LineDiscipline::read(char* buffer, size_t size, bool* line_done)
{
    size_t copied = 0;
    if (!lflag(icanon)) {
        while (copied < size && m_tail != m_head)
            buffer[copied++] = static_cast<char>(at(m_tail++));
        m_canon_head = m_tail;
        if (line_done)
            *line_done = m_tail == m_head;
        return copied;
    }

    bool done = false;
    while (m_tail != m_canon_head) {
        size_t position = m_tail;
        // The ^D that pushed this line is consumed but never copied, even into a full buffer.
        if (eof_at(position)) {
            m_tail++;
            done = true;
            break;
        }
        if (copied == size)
            break;
        buffer[copied++] = static_cast<char>(at(position));
        m_tail++;
        if (line_end_at(position)) {
            done = true;
            break;
        }
    }
    if (line_done)
        *line_done = done || m_tail == m_canon_head;
    return copied;
}

size_t LineDiscipline::readable_bytes() const
{
    if (!lflag(icanon))
        return count();
    size_t bytes = 0;
    for (size_t position = m_tail; position != m_canon_head; position++)
        if (!eof_at(position))
            bytes++;
    return bytes;
}

void LineDiscipline::flush_input()
{
    m_tail = m_canon_head = m_head;
    m_lnext = false;
}

void LineDiscipline::set_termios(const Termios& termios)
{
    bool was_canonical = lflag(icanon);
    m_termios = termios;
    bool canonical = lflag(icanon);
    if (was_canonical == canonical)
        return;
    if (canonical && count() > 0) {
        // Typed-ahead raw input becomes one finished line, so it is not lost to editing.
        size_t last = m_head - 1;
        set_mark(last, true, eof_at(last));
        m_canon_head = m_head;
    } else {
        // Raw: everything waiting is readable at once.
        m_canon_head = m_tail;
    }
}

} // namespace libk
