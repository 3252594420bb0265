// The PS/2 keyboard's key codes for the input core, as Linux's atkbd reports
// them: each scan code (set 1, E0-prefixed codes with bit 7 set) goes out as
// EV_MSC/MSC_SCAN, then its key as EV_KEY (1 pressed, 2 the keyboard's own
// repeat, 0 released), then EV_SYN. The device hangs below the i8042 platform device.
#include "atkbd_input.h"

#include <linux/input.h>
#include <linux/platform_device.h>

namespace {

constexpr uint8_t ATKBD_RET_ACK = 0xFA;
constexpr uint8_t ATKBD_RET_NAK = 0xFE;
constexpr uint8_t ATKBD_RET_EMUL0 = 0xE0;   // one more byte follows: an extended key
constexpr uint8_t ATKBD_RET_EMUL1 = 0xE1;   // two more: Pause
constexpr uint8_t SC_RELEASE = 0x80;
constexpr unsigned scancode_count = 256;

// Scan code (0x80 | code for E0 xx) to key code. Set 1 codes 0x01-0x58 are the
// key codes themselves: Linux's numbering started from this set.
constexpr unsigned short extended_keys[][2] = {
    { 0x10, KEY_PREVIOUSSONG }, { 0x19, KEY_NEXTSONG }, { 0x1C, KEY_KPENTER }, { 0x1D, KEY_RIGHTCTRL },
    { 0x20, KEY_MUTE }, { 0x22, KEY_PLAYPAUSE }, { 0x24, KEY_STOPCD }, { 0x2E, KEY_VOLUMEDOWN },
    { 0x30, KEY_VOLUMEUP }, { 0x35, KEY_KPSLASH }, { 0x37, KEY_SYSRQ }, { 0x38, KEY_RIGHTALT },
    { 0x45, KEY_PAUSE }, { 0x47, KEY_HOME }, { 0x48, KEY_UP }, { 0x49, KEY_PAGEUP }, { 0x4B, KEY_LEFT },
    { 0x4D, KEY_RIGHT }, { 0x4F, KEY_END }, { 0x50, KEY_DOWN }, { 0x51, KEY_PAGEDOWN }, { 0x52, KEY_INSERT },
    { 0x53, KEY_DELETE }, { 0x5B, KEY_LEFTMETA }, { 0x5C, KEY_RIGHTMETA }, { 0x5D, KEY_COMPOSE },
    { 0x5E, KEY_POWER }, { 0x5F, KEY_SLEEP }, { 0x63, KEY_WAKEUP },
};

constinit unsigned short atkbd_keycode[scancode_count] = {};
constinit input_dev* atkbd_dev = nullptr;
// How many prefix bytes still precede the key (Linux's atkbd->emul).
constinit int emul = 0;

void build_keymap()
{
    for (unsigned code = 0x01; code <= 0x58; code++)
        atkbd_keycode[code] = static_cast<unsigned short>(code);
    atkbd_keycode[0x54] = KEY_SYSRQ;   // Alt+Print Screen
    atkbd_keycode[0x55] = KEY_RESERVED;
    for (const auto& entry : extended_keys)
        atkbd_keycode[0x80 | entry[0]] = entry[1];
}

} // namespace

void atkbd_input_register()
{
    build_keymap();
    platform_device* i8042 = platform_device_register_simple("i8042", PLATFORM_DEVID_NONE, nullptr, 0);

    input_dev* dev = input_allocate_device();
    if (!dev)
        return;
    dev->name = "AT Translated Set 2 keyboard";
    dev->phys = "isa0060/serio0/input0";
    dev->id.bustype = BUS_I8042;
    dev->id.vendor = 0x0001;
    dev->id.product = 0x0001;   // translated set 2
    dev->id.version = 0xab41;   // the id a standard AT keyboard answers
    if (!IS_ERR_OR_NULL(i8042))
        dev->dev.parent = &i8042->dev;

    dev->evbit[0] = BIT_MASK(EV_KEY) | BIT_MASK(EV_REP) | BIT_MASK(EV_MSC);
    __set_bit(MSC_SCAN, dev->mscbit);
    // The keyboard repeats held keys itself: the core must not (rates preset).
    dev->rep[REP_DELAY] = 250;
    dev->rep[REP_PERIOD] = 33;
    dev->keycode = atkbd_keycode;
    dev->keycodesize = sizeof(atkbd_keycode[0]);
    dev->keycodemax = scancode_count;
    for (unsigned code = 0; code < scancode_count; code++)
        if (atkbd_keycode[code])
            __set_bit(atkbd_keycode[code], dev->keybit);

    if (input_register_device(dev)) {
        input_free_device(dev);
        return;
    }
    atkbd_dev = dev;
}

void atkbd_input_scancode(uint8_t data)
{
    input_dev* dev = atkbd_dev;
    if (!dev || data == ATKBD_RET_ACK || data == ATKBD_RET_NAK)
        return;
    if (data == ATKBD_RET_EMUL0) {
        emul = 1;
        return;
    }
    if (data == ATKBD_RET_EMUL1) {
        emul = 2;
        return;
    }
    bool release = data & SC_RELEASE;
    unsigned code = data & ~SC_RELEASE;
    if (emul == 1)
        code |= 0x80;
    if (emul && --emul)   // Pause: the byte after E1 only says more is coming
        return;

    unsigned keycode = atkbd_keycode[code];
    if (keycode == KEY_RESERVED)   // E0 2A and E0 36, the fake shifts, among others
        return;
    input_event(dev, EV_MSC, MSC_SCAN, static_cast<int>(code));
    // A make code for a key already down is the keyboard's repeat.
    int value = release ? 0 : 1 + test_bit(keycode, dev->key);
    input_event(dev, EV_KEY, keycode, value);
    input_sync(dev);
}
