// Tests of the line discipline core: cooked-mode editing and echo as a Linux terminal
// shows them, signal characters, ICRNL/ONLCR, end of file and VMIN/VTIME decisions.
#include <gtest/gtest.h>
#include <libk/line_discipline.h>

#include <string>

using libk::LineDiscipline;
using libk::Termios;
namespace tb = libk::termbits;

namespace {

// A terminal for tests: collects what the discipline echoes or writes.
struct Terminal {
    LineDiscipline ldisc;
    std::string screen;

    static void collect(void* context, const char* data, size_t length)
    {
        static_cast<std::string*>(context)->append(data, length);
    }
    libk::OutputSink sink() { return { collect, &screen }; }

    // Types `text`; returns the last signal asked for (0 for none).
    int type(const std::string& text)
    {
        int signal = 0;
        for (char c : text) {
            auto result = ldisc.receive(static_cast<uint8_t>(c), sink());
            if (result.signal)
                signal = result.signal;
        }
        return signal;
    }
    std::string read(size_t size = 256)
    {
        std::string buffer(size, '\0');
        size_t n = ldisc.read(buffer.data(), size);
        buffer.resize(n);
        return buffer;
    }
    std::string write(const std::string& text)
    {
        screen.clear();
        ldisc.write(text.data(), text.size(), sink());
        return screen;
    }
    void set_lflag(uint32_t set, uint32_t clear)
    {
        Termios t = ldisc.termios();
        t.c_lflag = (t.c_lflag | set) & ~clear;
        ldisc.set_termios(t);
    }
};

} // namespace

TEST(LineDiscipline, DefaultTermiosMatchesLinux)
{
    Termios t = libk::default_termios();
    EXPECT_EQ(t.c_iflag, 0x500u);   // ICRNL | IXON
    EXPECT_EQ(t.c_oflag, 0x5u);     // OPOST | ONLCR
    EXPECT_EQ(t.c_cflag, 0x4bfu);   // B38400 | CS8 | CREAD | HUPCL
    EXPECT_EQ(t.c_lflag, 0x8a3bu);  // what `stty -g` prints for a Linux console
    EXPECT_EQ(t.c_cc[tb::vintr], 3);
    EXPECT_EQ(t.c_cc[tb::verase], 0x7f);
    EXPECT_EQ(t.c_cc[tb::veof], 4);
    EXPECT_EQ(t.c_cc[tb::vmin], 1);
    EXPECT_EQ(sizeof(Termios), 36u);
}

TEST(LineDiscipline, CanonicalLineWaitsForEnterAndMapsCr)
{
    Terminal term;
    term.type("ls");
    EXPECT_FALSE(term.ldisc.input_available());
    EXPECT_EQ(term.screen, "ls");
    term.type("\r");
    EXPECT_TRUE(term.ldisc.input_available());
    EXPECT_EQ(term.screen, "ls\r\n");   // ECHO of NL through ONLCR
    EXPECT_EQ(term.ldisc.readable_bytes(), 3u);
    EXPECT_EQ(term.read(), "ls\n");
    EXPECT_FALSE(term.ldisc.input_available());
}

TEST(LineDiscipline, ReadReturnsOneLineAtATime)
{
    Terminal term;
    term.type("one\rtwo\r");
    EXPECT_EQ(term.read(), "one\n");
    EXPECT_EQ(term.read(2), "tw");
    EXPECT_TRUE(term.ldisc.input_available());
    EXPECT_EQ(term.read(), "o\n");
}

TEST(LineDiscipline, BackspaceErasesWithBackslashSpaceBackslash)
{
    Terminal term;
    term.type("abc\x7f");
    EXPECT_EQ(term.screen, "abc\b \b");
    term.type("\b"); // ^H erases too
    EXPECT_EQ(term.screen, "abc\b \b\b \b");
    term.type("x\r");
    EXPECT_EQ(term.read(), "ax\n");
}

TEST(LineDiscipline, EraseAtLineStartDoesNothing)
{
    Terminal term;
    term.type("\x7f\x7f");
    EXPECT_EQ(term.screen, "");
    term.type("a\r\x7f");
    EXPECT_EQ(term.read(), "a\n");   // a finished line cannot be edited
}

TEST(LineDiscipline, ErasingAControlCharacterRubsOutTwoColumns)
{
    Terminal term;
    term.type("a\x01");
    EXPECT_EQ(term.screen, "a^A");
    term.screen.clear();
    term.type("\x7f");
    EXPECT_EQ(term.screen, "\b \b\b \b");
}

TEST(LineDiscipline, ErasingATabGoesBackToItsStart)
{
    Terminal term;
    term.type("ab\t");
    EXPECT_EQ(term.screen, "ab\t");
    EXPECT_EQ(term.ldisc.column(), 8u);
    term.screen.clear();
    term.type("\x7f");
    EXPECT_EQ(term.screen, std::string(6, '\b'));
    EXPECT_EQ(term.ldisc.column(), 2u);
}

TEST(LineDiscipline, KillErasesTheLine)
{
    Terminal term;
    term.type("hello");
    term.screen.clear();
    term.type("\x15");
    std::string rubout;
    for (int i = 0; i < 5; i++)
        rubout += "\b \b";
    EXPECT_EQ(term.screen, rubout);
    term.type("ok\r");
    EXPECT_EQ(term.read(), "ok\n");
}

TEST(LineDiscipline, KillWithoutEchokeShowsCaretUAndNewline)
{
    Terminal term;
    term.set_lflag(0, tb::echoke);
    term.type("hello");
    term.screen.clear();
    term.type("\x15");
    EXPECT_EQ(term.screen, "^U\r\n");
}

TEST(LineDiscipline, WordEraseRemovesTheLastWordAndBlanksAfterIt)
{
    Terminal term;
    term.type("echo foo/bar  \x17");
    EXPECT_EQ(term.screen.substr(14), "\b \b\b \b\b \b\b \b\b \b");   // "  " and "bar"
    term.type("\x17");   // "/" and "foo": punctuation before a word goes with it; stops at the blank
    term.type("x\r");
    EXPECT_EQ(term.read(), "echo x\n");
}

TEST(LineDiscipline, CtrlCAsksForSigintFlushesAndEchoesCaretC)
{
    Terminal term;
    term.type("done\r");
    int signal = term.type("partial\x03");
    EXPECT_EQ(signal, tb::sigint);
    EXPECT_EQ(term.screen, "done\r\npartial^C");
    EXPECT_FALSE(term.ldisc.input_available());   // both the finished and the partial line are gone
    EXPECT_EQ(term.ldisc.readable_bytes(), 0u);
}

TEST(LineDiscipline, QuitAndSuspend)
{
    Terminal term;
    EXPECT_EQ(term.type("\x1c"), tb::sigquit);
    EXPECT_EQ(term.type("\x1a"), tb::sigtstp);
    EXPECT_EQ(term.screen, "^\\^Z");
}

TEST(LineDiscipline, NoflshKeepsInput)
{
    Terminal term;
    term.set_lflag(tb::noflsh, 0);
    term.type("keep\r");
    EXPECT_EQ(term.type("\x03"), tb::sigint);
    EXPECT_EQ(term.read(), "keep\n");
}

TEST(LineDiscipline, WithoutIsigCtrlCIsData)
{
    Terminal term;
    term.set_lflag(0, tb::isig);
    EXPECT_EQ(term.type("\x03\r"), 0);
    EXPECT_EQ(term.read(), "\x03\n");
}

TEST(LineDiscipline, CtrlDOnEmptyLineIsEndOfFile)
{
    Terminal term;
    term.type("\x04");
    EXPECT_TRUE(term.ldisc.input_available());
    EXPECT_EQ(term.ldisc.readable_bytes(), 0u);
    EXPECT_EQ(term.read(), "");
    EXPECT_FALSE(term.ldisc.input_available());
    EXPECT_EQ(term.screen, "");   // ^D is not echoed
}

TEST(LineDiscipline, CtrlDPushesAPartialLine)
{
    Terminal term;
    term.type("abc\x04");
    EXPECT_EQ(term.read(), "abc");
    EXPECT_FALSE(term.ldisc.input_available());
    term.type("ab\x04");
    EXPECT_EQ(term.read(2), "ab");   // the ^D after a full buffer is consumed too
    EXPECT_FALSE(term.ldisc.input_available());
}

TEST(LineDiscipline, EchoOffHidesInput)
{
    Terminal term;
    term.set_lflag(0, tb::echo);
    term.type("secret\r");
    EXPECT_EQ(term.screen, "");
    EXPECT_EQ(term.read(), "secret\n");
}

TEST(LineDiscipline, EchonlShowsOnlyNewline)
{
    Terminal term;
    term.set_lflag(tb::echonl, tb::echo);
    term.type("pw\r");
    EXPECT_EQ(term.screen, "\r\n");
}

TEST(LineDiscipline, LiteralNextTakesTheNextByteAsData)
{
    Terminal term;
    term.type("\x16\x03\r");
    EXPECT_EQ(term.screen, "^\b^C\r\n");
    EXPECT_EQ(term.read(), "\x03\n");
}

TEST(LineDiscipline, ReprintShowsTheLineAgain)
{
    Terminal term;
    term.type("abc\x12");
    EXPECT_EQ(term.screen, "abc^R\r\nabc");
}

TEST(LineDiscipline, IgncrAndInlcr)
{
    Terminal term;
    Termios t = term.ldisc.termios();
    t.c_iflag = tb::igncr;
    term.ldisc.set_termios(t);
    term.type("a\rb\n");
    EXPECT_EQ(term.read(), "ab\n");
    t.c_iflag = tb::inlcr;
    term.ldisc.set_termios(t);
    t.c_lflag &= ~tb::icanon;
    term.ldisc.set_termios(t);
    term.type("\n");
    EXPECT_EQ(term.read(), "\r");
}

TEST(LineDiscipline, RawModeReadsBytesAtOnce)
{
    Terminal term;
    term.set_lflag(0, tb::icanon | tb::echo);
    term.type("x");
    EXPECT_TRUE(term.ldisc.input_available());
    EXPECT_FALSE(term.ldisc.input_available(2));
    term.type("\x7f\r");   // no editing; ICRNL still maps CR
    EXPECT_EQ(term.ldisc.readable_bytes(), 3u);
    EXPECT_EQ(term.read(), "x\x7f\n");
    EXPECT_EQ(term.screen, "");
}

TEST(LineDiscipline, RawEchoShowsControlCharacters)
{
    Terminal term;
    term.set_lflag(0, tb::icanon);
    term.type("a\x1b\n");
    EXPECT_EQ(term.screen, "a^[\r\n");
}

TEST(LineDiscipline, SwitchingModesKeepsPendingInput)
{
    Terminal term;
    term.type("half");
    term.set_lflag(0, tb::icanon);
    EXPECT_TRUE(term.ldisc.input_available(4));
    EXPECT_EQ(term.read(2), "ha");
    term.set_lflag(tb::icanon, 0);
    EXPECT_TRUE(term.ldisc.input_available());   // "lf" became a finished line
    EXPECT_EQ(term.read(), "lf");
    EXPECT_FALSE(term.ldisc.input_available());
}

TEST(LineDiscipline, CanonicalBufferKeepsRoomForNewline)
{
    Terminal term;
    term.set_lflag(0, tb::echo);
    term.type(std::string(LineDiscipline::buffer_size + 10, 'a'));
    EXPECT_FALSE(term.ldisc.input_available());
    term.type("\r");
    EXPECT_TRUE(term.ldisc.input_available());
    EXPECT_EQ(term.ldisc.readable_bytes(), LineDiscipline::buffer_size);
}

TEST(LineDiscipline, OutputMapsNewlineToCrNl)
{
    Terminal term;
    EXPECT_EQ(term.write("a\nb\n"), "a\r\nb\r\n");
    EXPECT_EQ(term.ldisc.column(), 0u);
    EXPECT_EQ(term.write("abc"), "abc");
    EXPECT_EQ(term.ldisc.column(), 3u);
}

TEST(LineDiscipline, OutputWithoutOpostIsUntouched)
{
    Terminal term;
    Termios t = term.ldisc.termios();
    t.c_oflag &= ~tb::opost;
    term.ldisc.set_termios(t);
    EXPECT_EQ(term.write("a\nb\t"), "a\nb\t");
}

TEST(LineDiscipline, OutputFlags)
{
    Terminal term;
    Termios t = term.ldisc.termios();
    t.c_oflag = tb::opost | tb::xtabs | tb::ocrnl | tb::olcuc;
    term.ldisc.set_termios(t);
    EXPECT_EQ(term.write("ab\tc\r"), "AB      C\n");
    t.c_oflag = tb::opost | tb::onocr;
    term.ldisc.set_termios(t);
    EXPECT_EQ(term.write("x\r"), "x\r");
    EXPECT_EQ(term.write("\r"), "");   // already at column 0
}

TEST(LineDiscipline, LongWriteArrivesWhole)
{
    Terminal term;
    std::string text(1000, 'z');
    EXPECT_EQ(term.write(text), text);
}

TEST(LineDiscipline, FlushDropsEverything)
{
    Terminal term;
    term.type("a\rb");
    term.ldisc.flush_input();
    EXPECT_FALSE(term.ldisc.input_available());
    term.type("\x7f");   // nothing left to erase
    term.type("c\r");
    EXPECT_EQ(term.read(), "c\n");
}

TEST(LineDiscipline, Istrip)
{
    Terminal term;
    Termios t = term.ldisc.termios();
    t.c_iflag |= tb::istrip;
    term.ldisc.set_termios(t);
    term.type("\xc1\r");
    EXPECT_EQ(term.read(), "A\n");
}

TEST(RawReadPlan, VminVtimeCases)
{
    Termios t = libk::default_termios();
    t.c_cc[tb::vmin] = 0;
    t.c_cc[tb::vtime] = 0;
    auto plan = libk::plan_raw_read(t, 100);
    EXPECT_EQ(plan.minimum, 0u);
    EXPECT_EQ(plan.timeout_ds, 0u);

    t.c_cc[tb::vtime] = 5;
    plan = libk::plan_raw_read(t, 100);
    EXPECT_EQ(plan.minimum, 1u);
    EXPECT_EQ(plan.timeout_ds, 5u);
    EXPECT_FALSE(plan.inter_byte);

    t.c_cc[tb::vmin] = 4;
    t.c_cc[tb::vtime] = 0;
    plan = libk::plan_raw_read(t, 100);
    EXPECT_EQ(plan.minimum, 4u);
    EXPECT_EQ(plan.timeout_ds, 0u);
    plan = libk::plan_raw_read(t, 2);
    EXPECT_EQ(plan.minimum, 2u);   // never more than the reader asked for

    t.c_cc[tb::vtime] = 3;
    plan = libk::plan_raw_read(t, 100);
    EXPECT_EQ(plan.minimum, 4u);
    EXPECT_EQ(plan.timeout_ds, 3u);
    EXPECT_TRUE(plan.inter_byte);
}
