// The PS/2 keyboard behind the i8042 controller (ports 0x60/0x64, IRQ 1): turns
// scan code set 1 into the bytes a US-layout terminal would send, for the tty layer.
#include "atkbd_input.h"
#include "keyboard.h"

#include <arch/x86.h>
#include <kernel/initcall.h>
#include <kernel/irq.h>
#include <kernel/spinlock.h>
#include <kernel/tty.h>
#include <linux/kd.h>
#include <linux/errno.h>
#include <stdint.h>

namespace {

constexpr unsigned keyboard_irq = 1;

// The i8042 controller, with Linux's names (drivers/input/serio/i8042.h).
constexpr uint16_t I8042_DATA_REG = 0x60;
constexpr uint16_t I8042_STATUS_REG = 0x64;  // read
constexpr uint16_t I8042_COMMAND_REG = 0x64; // write
constexpr uint8_t I8042_STR_OBF = 0x01;      // a byte waits in the data register
constexpr uint8_t I8042_STR_IBF = 0x02;      // the controller has not taken our last byte yet
constexpr uint8_t I8042_STR_AUXDATA = 0x20;  // the waiting byte comes from the mouse port
constexpr uint8_t I8042_CMD_CTL_RCTR = 0x20; // read the configuration ("command") byte
constexpr uint8_t I8042_CMD_CTL_WCTR = 0x60; // write it
constexpr uint8_t I8042_CTR_KBDINT = 0x01;   // raise IRQ 1 when a keyboard byte arrives
constexpr uint8_t I8042_CTR_KBDDIS = 0x10;   // keyboard clock off
constexpr uint8_t I8042_CTR_XLATE = 0x40;    // translate the keyboard's codes to set 1

// The keyboard's own command and replies (drivers/input/keyboard/atkbd.c).
constexpr uint8_t ATKBD_CMD_SETLEDS = 0xED;
constexpr uint8_t ATKBD_RET_ACK = 0xFA;
constexpr uint8_t ATKBD_RET_NAK = 0xFE;
// The LED byte after ATKBD_CMD_SETLEDS: bit 0 Scroll, 1 Num, 2 Caps Lock (kd.h's LED_* bits).

// Bounds every wait on the controller, so a missing i8042 cannot hang the boot.
constexpr unsigned i8042_poll_limit = 100000;

// Scan code set 1: a key's "make" code is sent on press, make | 0x80 on release.
constexpr uint8_t SC_LEFTCTRL = 0x1D; // E0 1D: right Ctrl
constexpr uint8_t SC_LEFTSHIFT = 0x2A;
constexpr uint8_t SC_RIGHTSHIFT = 0x36;
constexpr uint8_t SC_LEFTALT = 0x38; // E0 38: right Alt
constexpr uint8_t SC_CAPSLOCK = 0x3A;
constexpr uint8_t SC_RELEASE = 0x80;
constexpr uint8_t SC_EXTENDED = 0xE0; // prefix of the keys added by the 101-key keyboard
constexpr uint8_t SC_PAUSE = 0xE1;    // Pause sends E1 1D 45 E1 9D C5 and no release
constexpr int pause_sequence_rest = 5;

// US layout, indexed by make code; 0 = no character (modifiers, F keys).
// Enter sends CR like a terminal (the tty maps it to NL); Backspace sends DEL like Linux.
// The keypad (0x47-0x53) types digits, as with Num Lock on.
constexpr char keymap_plain[0x54] = {
    0, '\x1b', '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-', '=', '\x7f', '\t',  // 0x00
    'q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p', '[', ']', '\r', 0, 'a', 's',        // 0x10
    'd', 'f', 'g', 'h', 'j', 'k', 'l', ';', '\'', '`', 0, '\\', 'z', 'x', 'c', 'v',       // 0x20
    'b', 'n', 'm', ',', '.', '/', 0, '*', 0, ' ', 0, 0, 0, 0, 0, 0,                       // 0x30
    0, 0, 0, 0, 0, 0, 0, '7', '8', '9', '-', '4', '5', '6', '+', '1',                     // 0x40
    '2', '3', '0', '.',                                                                   // 0x50
};
constexpr char keymap_shift[0x54] = {
    0, '\x1b', '!', '@', '#', '$', '%', '^', '&', '*', '(', ')', '_', '+', '\x7f', '\t',  // 0x00
    'Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P', '{', '}', '\r', 0, 'A', 'S',        // 0x10
    'D', 'F', 'G', 'H', 'J', 'K', 'L', ':', '"', '~', 0, '|', 'Z', 'X', 'C', 'V',         // 0x20
    'B', 'N', 'M', '<', '>', '?', 0, '*', 0, ' ', 0, 0, 0, 0, 0, 0,                       // 0x30
    0, 0, 0, 0, 0, 0, 0, '7', '8', '9', '-', '4', '5', '6', '+', '1',                     // 0x40
    '2', '3', '0', '.',                                                                   // 0x50
};

bool i8042_wait_write()
{
    for (unsigned i = 0; i < i8042_poll_limit; i++)
        if (!(arch::inb(I8042_STATUS_REG) & I8042_STR_IBF))
            return true;
    return false;
}

bool i8042_wait_read()
{
    for (unsigned i = 0; i < i8042_poll_limit; i++)
        if (arch::inb(I8042_STATUS_REG) & I8042_STR_OBF)
            return true;
    return false;
}

void i8042_write_data(uint8_t value)
{
    if (i8042_wait_write())
        arch::outb(I8042_DATA_REG, value);
}

bool i8042_command(uint8_t command)
{
    if (!i8042_wait_write())
        return false;
    arch::outb(I8042_COMMAND_REG, command);
    return true;
}

// Throws away bytes left over from the BIOS, GRUB or keys pressed during boot.
void i8042_flush()
{
    for (unsigned i = 0; i < 256 && (arch::inb(I8042_STATUS_REG) & I8042_STR_OBF); i++)
        arch::inb(I8042_DATA_REG);
}

// Keyboard bytes go to tty1 (or the console while tty1 is closed), from interrupt context.
void key_input(char c)
{
    tty_receive_char(TtySource::Keyboard, c);
}

void push_string(const char* text)
{
    while (*text)
        key_input(*text++);
}

// The keyboard state between interrupts: modifiers held, Caps Lock, multi-byte codes.
class Keyboard {
public:
    void handle_scancode(uint8_t code)
    {
        if (code == ATKBD_RET_ACK) {
            leds_acknowledged();
            return;
        }
        if (code == ATKBD_RET_NAK) {   // the keyboard refused a byte: give up this LED update
            m_led_step = LedStep::Idle;
            return;
        }
        if (code == 0x00 || code == 0xFF) // errors
            return;
        if (m_pause_bytes > 0) {
            m_pause_bytes--;
            return;
        }
        if (code == SC_PAUSE) {
            m_pause_bytes = pause_sequence_rest;
            return;
        }
        if (code == SC_EXTENDED) {
            m_extended = true;
            return;
        }

        bool extended = m_extended;
        m_extended = false;
        bool pressed = !(code & SC_RELEASE);
        uint8_t key = code & ~SC_RELEASE;

        switch (key) {
        case SC_LEFTSHIFT:
        case SC_RIGHTSHIFT:
            // E0 2A / E0 36 are fake shifts that Print Screen and friends wrap themselves in.
            if (!extended)
                (key == SC_LEFTSHIFT ? m_left_shift : m_right_shift) = pressed;
            return;
        case SC_LEFTCTRL:
            (extended ? m_right_ctrl : m_left_ctrl) = pressed;
            return;
        case SC_LEFTALT:
            (extended ? m_right_alt : m_left_alt) = pressed;
            return;
        case SC_CAPSLOCK:
            // A held key repeats its make code; toggle only on the first one.
            if (pressed && !m_caps_held) {
                m_caps_lock = !m_caps_lock;
                update_leds();
            }
            m_caps_held = pressed;
            return;
        }

        if (!pressed)
            return;
        if (extended)
            extended_key(key);
        else
            plain_key(key);
    }

private:
    void plain_key(uint8_t key)
    {
        if (key >= sizeof(keymap_plain))
            return;
        bool shift = m_left_shift || m_right_shift;
        char c = shift ? keymap_shift[key] : keymap_plain[key];
        if (c == 0)
            return;
        // Caps Lock inverts Shift for letters only.
        if (m_caps_lock && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            c ^= 0x20;
        // Ctrl keeps the low five bits: Ctrl-C = 0x03, Ctrl-[ = ESC, Ctrl-Space = NUL.
        if (m_left_ctrl || m_right_ctrl) {
            if (c >= '@' && c <= '~')
                c &= 0x1F;
            else if (c == ' ')
                c = 0;
        }
        // Alt sends an ESC prefix, as terminals do for Meta.
        if (m_left_alt || m_right_alt)
            key_input('\x1b');
        key_input(c);
    }

    // The E0-prefixed keys: cursor block, keypad Enter and '/'. Sequences as Linux's console sends.
    void extended_key(uint8_t key)
    {
        switch (key) {
        case 0x1C: key_input('\r'); break;          // keypad Enter
        case 0x35: key_input('/'); break;           // keypad /
        case 0x48: push_string("\x1b[A"); break;    // Up
        case 0x50: push_string("\x1b[B"); break;    // Down
        case 0x4D: push_string("\x1b[C"); break;    // Right
        case 0x4B: push_string("\x1b[D"); break;    // Left
        case 0x47: push_string("\x1b[1~"); break;   // Home
        case 0x52: push_string("\x1b[2~"); break;   // Insert
        case 0x53: push_string("\x1b[3~"); break;   // Delete
        case 0x4F: push_string("\x1b[4~"); break;   // End
        case 0x49: push_string("\x1b[5~"); break;   // Page Up
        case 0x51: push_string("\x1b[6~"); break;   // Page Down
        }
    }

public:
    // KDSETLED (Linux's setledstate): below 8 the LEDs show `leds`, else the lock keys.
    void set_led_state(unsigned long leds)
    {
        m_led_ioctl = leds < 8;
        if (m_led_ioctl)
            m_led_ioctl_state = static_cast<uint8_t>(leds);
        update_leds();
    }

    unsigned led_state() const { return shown_leds(); }

private:
    uint8_t shown_leds() const
    {
        if (m_led_ioctl)
            return m_led_ioctl_state;
        return m_caps_lock ? LED_CAP : 0;
    }

    // Two bytes, each acknowledged: the command now, the LED bits on its ACK,
    // because an interrupt handler cannot wait for the next interrupt. A change
    // while bytes are under way goes out when they are acknowledged.
    void update_leds()
    {
        if (m_led_step != LedStep::Idle)
            return;
        m_led_step = LedStep::Command;
        i8042_write_data(ATKBD_CMD_SETLEDS);
    }

    void leds_acknowledged()
    {
        switch (m_led_step) {
        case LedStep::Command:
            m_led_step = LedStep::Bits;
            m_led_sent = shown_leds();
            i8042_write_data(m_led_sent);
            return;
        case LedStep::Bits:
            m_led_step = LedStep::Idle;
            if (m_led_sent != shown_leds())
                update_leds();
            return;
        case LedStep::Idle:
            return;   // the ACK of a byte nobody waits for
        }
    }

    enum class LedStep : uint8_t { Idle, Command, Bits };

    bool m_left_shift { false };
    bool m_right_shift { false };
    bool m_left_ctrl { false };
    bool m_right_ctrl { false };
    bool m_left_alt { false };
    bool m_right_alt { false };
    bool m_caps_lock { false };
    bool m_caps_held { false };
    bool m_extended { false };
    LedStep m_led_step { LedStep::Idle };
    uint8_t m_led_sent { 0 };           // the LED byte last sent
    bool m_led_ioctl { false };         // KDSETLED chose the LEDs (Linux's LED_SHOW_IOCTL)
    uint8_t m_led_ioctl_state { 0 };
    int m_pause_bytes { 0 };
};

constinit Keyboard s_keyboard;
// The keyboard's state is changed from its interrupt and from KDSETLED (timers, ioctl).
constinit SpinLock s_keyboard_lock;

irqreturn_t atkbd_interrupt(int irq, void* dev)
{
    irqreturn_t result = IRQ_NONE;
    // Normally one byte per interrupt; the bound keeps a stuck controller from looping forever.
    for (int i = 0; i < 16; i++) {
        uint8_t status = arch::inb(I8042_STATUS_REG);
        if (!(status & I8042_STR_OBF))
            break;
        uint8_t data = arch::inb(I8042_DATA_REG);
        result = IRQ_HANDLED;
        if (!(status & I8042_STR_AUXDATA)) { // mouse bytes are not ours
            SpinLockGuard guard(s_keyboard_lock);
            s_keyboard.handle_scancode(data);
            atkbd_input_scancode(data);   // and the key codes to the input core
        }
    }
    return result;
}

int atkbd_init()
{

    // IRQ 1 is still masked at the PIC, so polling here cannot race the handler.
    i8042_flush();
    if (!i8042_command(I8042_CMD_CTL_RCTR) || !i8042_wait_read())
        return -ENODEV;
    uint8_t ctr = arch::inb(I8042_DATA_REG);
    i8042_flush();

    // Shared, as Linux's i8042 does: a module may hook IRQ 1 too (the kbcount exercise).
    if (int error = request_irq(keyboard_irq, atkbd_interrupt, IRQF_SHARED, "i8042", &s_keyboard))
        return error;

    // Whatever the firmware left: keyboard on, its interrupt on, codes translated to set 1.
    ctr = (ctr | I8042_CTR_KBDINT | I8042_CTR_XLATE) & ~I8042_CTR_KBDDIS;
    if (!i8042_command(I8042_CMD_CTL_WCTR)) {
        free_irq(keyboard_irq, &s_keyboard);
        return -ENODEV;
    }
    i8042_write_data(ctr);
    atkbd_input_register();
    return 0;
}
device_initcall(atkbd_init);

} // namespace

void kbd_set_led_state(unsigned long leds)
{
    SpinLockGuard guard(s_keyboard_lock);
    s_keyboard.set_led_state(leds);
}

unsigned kbd_get_led_state()
{
    SpinLockGuard guard(s_keyboard_lock);
    return s_keyboard.led_state();
}
