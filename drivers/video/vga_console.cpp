// The VGA text console "tty0": 80x25 character cells at physical 0xB8000, each a
// character byte plus a colour byte, with the hardware cursor moved through the CRTC.
#include "vga_console.h"

#include <arch/x86.h>
#include <kernel/printk.h>
#include <stdint.h>

namespace {

constexpr uintptr_t vga_text_phys = 0xB8000;
constexpr int columns = 80;
constexpr int rows = 25;

// The CRT controller: write a register number to the index port, then its value to the data port.
constexpr uint16_t crtc_index = 0x3D4;
constexpr uint16_t crtc_data = 0x3D5;
constexpr uint8_t CRTC_CURSOR_START = 0x0A; // first scan line of the cursor; bit 5 hides it
constexpr uint8_t CRTC_CURSOR_END = 0x0B;   // last scan line of the cursor
constexpr uint8_t CRTC_CURSOR_HIGH = 0x0E;  // cursor cell index, high byte
constexpr uint8_t CRTC_CURSOR_LOW = 0x0F;   // cursor cell index, low byte

// Colour byte: background in bits 4-6, foreground in bits 0-3 (bit 3 = bright).
constexpr uint8_t default_attribute = 0x07; // light grey on black
constexpr uint8_t attribute_bright = 0x08;
// ANSI colour numbers (black, red, green, yellow, blue, magenta, cyan, white) in VGA order.
constexpr uint8_t ansi_to_vga[8] = { 0, 4, 2, 6, 1, 5, 3, 7 };

uint8_t crtc_read(uint8_t reg)
{
    arch::outb(crtc_index, reg);
    return arch::inb(crtc_data);
}

void crtc_write(uint8_t reg, uint8_t value)
{
    arch::outb(crtc_index, reg);
    arch::outb(crtc_data, value);
}

int clamp(int value, int low, int high) { return value < low ? low : value > high ? high : value; }

class VgaConsole {
public:
    void clear()
    {
        m_attribute = default_attribute;
        erase(0, rows * columns);
        m_row = m_col = 0;
        m_need_wrap = false;
        m_state = State::Normal;
    }

    void put_char(char c)
    {
        if (m_state != State::Normal) {
            escape_char(c);
            return;
        }
        switch (c) {
        case '\n': // kernel text ends lines with LF alone, so LF also returns to column 0
            m_col = 0;
            line_feed();
            break;
        case '\r':
            m_col = 0;
            m_need_wrap = false;
            break;
        case '\b': // moves left without erasing; line editors send "\b \b" to erase
            if (m_col > 0)
                m_col--;
            m_need_wrap = false;
            break;
        case '\t':
            m_col = clamp((m_col / 8 + 1) * 8, 0, columns - 1);
            break;
        case '\x1b':
            m_state = State::Escape;
            break;
        default:
            put_glyph(c);
        }
    }

    void update_cursor()
    {
        uint16_t position = static_cast<uint16_t>(m_row * columns + m_col);
        crtc_write(CRTC_CURSOR_HIGH, position >> 8);
        crtc_write(CRTC_CURSOR_LOW, position & 0xFF);
    }

private:
    enum class State : uint8_t { Normal, Escape, Csi };
    static constexpr int max_params = 4;

    static volatile uint16_t* screen() { return static_cast<volatile uint16_t*>(arch::phys_to_virt(vga_text_phys)); }
    uint16_t blank() const { return static_cast<uint16_t>(m_attribute << 8 | ' '); }

    // Clears cells [from, to), counted row by row from the top left.
    void erase(int from, int to)
    {
        for (int i = from; i < to; i++)
            screen()[i] = blank();
    }

    void put_glyph(char c)
    {
        // Wrapping is deferred until the next glyph (as Linux's vt does), so a line of
        // exactly 80 characters followed by "\n" does not leave an empty line.
        if (m_need_wrap) {
            m_col = 0;
            line_feed();
        }
        screen()[m_row * columns + m_col] = static_cast<uint16_t>(m_attribute << 8 | static_cast<uint8_t>(c));
        if (m_col == columns - 1)
            m_need_wrap = true;
        else
            m_col++;
    }

    void line_feed()
    {
        m_need_wrap = false;
        if (m_row < rows - 1) {
            m_row++;
            return;
        }
        // At the bottom: move every row up one and blank the last.
        for (int i = 0; i < (rows - 1) * columns; i++)
            screen()[i] = screen()[i + columns];
        erase((rows - 1) * columns, rows * columns);
    }

    // After ESC: only CSI ("ESC [") sequences are understood; other escapes are dropped.
    void escape_char(char c)
    {
        if (m_state == State::Escape) {
            m_state = c == '[' ? State::Csi : State::Normal;
            m_param_index = 0;
            for (int& param : m_params)
                param = 0;
            return;
        }
        if (c >= '0' && c <= '9') {
            int& param = m_params[m_param_index];
            if (param < 1000)
                param = param * 10 + (c - '0');
        } else if (c == ';') {
            if (m_param_index < max_params - 1)
                m_param_index++;
        } else if (c >= 0x40 && c <= 0x7E) { // the final byte names the command
            csi_command(c);
            m_state = State::Normal;
        }
        // Anything else (such as the '?' of private sequences) is ignored.
    }

    void csi_command(char command)
    {
        int count = m_params[0] ? m_params[0] : 1; // a missing or 0 count means 1
        int here = m_row * columns + m_col;
        switch (command) {
        case 'A': m_row = clamp(m_row - count, 0, rows - 1); break;
        case 'B': m_row = clamp(m_row + count, 0, rows - 1); break;
        case 'C': m_col = clamp(m_col + count, 0, columns - 1); break;
        case 'D': m_col = clamp(m_col - count, 0, columns - 1); break;
        case 'H': // cursor to row;column, counted from 1
        case 'f':
            m_row = clamp(m_params[0] - 1, 0, rows - 1);
            m_col = clamp(m_params[1] - 1, 0, columns - 1);
            break;
        case 'J': // erase in display: 0 = to the end, 2 = everything
            if (m_params[0] == 0)
                erase(here, rows * columns);
            else if (m_params[0] == 2)
                erase(0, rows * columns);
            break;
        case 'K': // erase to the end of the line
            if (m_params[0] == 0)
                erase(here, (m_row + 1) * columns);
            break;
        case 'm':
            select_graphic_rendition();
            break;
        }
        m_need_wrap = false;
    }

    // ESC [ ... m: 0 reset, 1 bright, 22 normal, 30-37/39 foreground, 40-47/49 background.
    void select_graphic_rendition()
    {
        for (int i = 0; i <= m_param_index; i++) {
            int param = m_params[i];
            if (param == 0)
                m_attribute = default_attribute;
            else if (param == 1)
                m_attribute |= attribute_bright;
            else if (param == 22)
                m_attribute &= ~attribute_bright;
            else if (param >= 30 && param <= 37)
                m_attribute = (m_attribute & 0xF8) | ansi_to_vga[param - 30];
            else if (param == 39)
                m_attribute = (m_attribute & 0xF8) | (default_attribute & 0x07);
            else if (param >= 40 && param <= 47)
                m_attribute = (m_attribute & 0x0F) | ansi_to_vga[param - 40] << 4;
            else if (param == 49)
                m_attribute = (m_attribute & 0x0F) | (default_attribute & 0xF0);
        }
    }

    int m_row { 0 };
    int m_col { 0 };
    bool m_need_wrap { false };
    uint8_t m_attribute { default_attribute };
    State m_state { State::Normal };
    int m_params[max_params] {};
    int m_param_index { 0 };
};

constinit VgaConsole s_vga;
constinit Console s_vga_console = { "tty0", vga_console_write, nullptr };

} // namespace

void vga_console_write(const char* text, size_t length)
{
    // One CPU: with interrupts off no other writer can interleave with this text.
    uint32_t flags = arch::local_irq_save();
    for (size_t i = 0; i < length; i++)
        s_vga.put_char(text[i]);
    s_vga.update_cursor();
    arch::local_irq_restore(flags);
}

void vga_console_init()
{
    s_vga.clear();
    // Show an underline cursor (scan lines 14-15); the BIOS or GRUB may have hidden it.
    crtc_write(CRTC_CURSOR_START, (crtc_read(CRTC_CURSOR_START) & 0xC0) | 14);
    crtc_write(CRTC_CURSOR_END, (crtc_read(CRTC_CURSOR_END) & 0xE0) | 15);
    s_vga.update_cursor();
    register_console(&s_vga_console);
}
