// The PC's CMOS real-time clock (ports 0x70/0x71): read once at boot to give
// the kernel a wall clock; the time since then comes from jiffies.
#include <arch/x86.h>
#include <kernel/initcall.h>
#include <kernel/time.h>
#include <kernel/vfs.h>
#include <linux/printk.h>

namespace {

constinit time64_t boot_seconds = 0;   // wall clock at jiffies_at_read
constinit uint64_t jiffies_at_read = 0;
constinit bool clock_read = false;

uint8_t cmos_read(uint8_t reg)
{
    arch::outb(0x70, reg);
    return arch::inb(0x71);
}

bool update_in_progress()
{
    return cmos_read(0x0a) & 0x80;
}

unsigned from_bcd(uint8_t value)
{
    return (value & 0x0f) + (value >> 4) * 10;
}

// Days from 1970-01-01 to y-m-d (proleptic Gregorian; Howard Hinnant's formula).
long days_from_civil(long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = static_cast<unsigned>(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

struct RtcTime {
    uint8_t second, minute, hour, day, month, year, century;
    bool operator==(const RtcTime&) const = default;
};

RtcTime read_raw()
{
    while (update_in_progress()) { }
    return RtcTime { cmos_read(0x00), cmos_read(0x02), cmos_read(0x04), cmos_read(0x07), cmos_read(0x08),
        cmos_read(0x09), cmos_read(0x32) };
}

time64_t read_rtc_seconds()
{
    // Read until two reads agree, so an update in between cannot tear the value.
    RtcTime t = read_raw();
    for (int tries = 0; tries < 5; ++tries) {
        RtcTime again = read_raw();
        if (again == t)
            break;
        t = again;
    }
    uint8_t status_b = cmos_read(0x0b);
    bool binary = status_b & 0x04;
    bool twelve_hour = !(status_b & 0x02);
    bool pm = t.hour & 0x80;
    unsigned hour = t.hour & 0x7f;
    unsigned second = binary ? t.second : from_bcd(t.second);
    unsigned minute = binary ? t.minute : from_bcd(t.minute);
    hour = binary ? hour : from_bcd(static_cast<uint8_t>(hour));
    unsigned day = binary ? t.day : from_bcd(t.day);
    unsigned month = binary ? t.month : from_bcd(t.month);
    unsigned year = binary ? t.year : from_bcd(t.year);
    unsigned century = t.century ? (binary ? t.century : from_bcd(t.century)) : 20;
    if (twelve_hour) {
        hour %= 12;
        if (pm)
            hour += 12;
    }
    if (century < 19 || century > 21)
        century = 20;
    long full_year = static_cast<long>(century * 100 + year);
    if (month < 1 || month > 12 || day < 1 || day > 31)
        return 1767225600;   // 2026-01-01: an RTC with nonsense in it
    return static_cast<time64_t>(days_from_civil(full_year, month, day)) * 86400 + hour * 3600 + minute * 60 + second;
}

int cmos_rtc_init()
{
    if (clock_read)
        return 0;   // read already by an early ktime_get_real_seconds()
    boot_seconds = read_rtc_seconds();
    jiffies_at_read = jiffies_64;
    clock_read = true;
    printk(KERN_INFO "rtc_cmos: setting system clock to %lld (seconds since 1970)\n", boot_seconds);
    return 0;
}

} // namespace

time64_t ktime_get_real_seconds()
{
    if (!clock_read)
        cmos_rtc_init();
    return boot_seconds + static_cast<time64_t>((jiffies_64 - jiffies_at_read) / HZ);
}

device_initcall(cmos_rtc_init);
