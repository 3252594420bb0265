"""Boot tests of the platform bus and the input core: platform drivers and
devices meeting in either order (demo_pdrv, demo_pdev), the PS/2 keyboard as
/dev/input/event0 (keys sent through the QEMU monitor), blocking, O_NONBLOCK
and poll() reads of struct input_event, /proc/bus/input, and the virtual
keyboard vkeys whose writes become events."""

import re
import time

from module_tests import dmesg_tail, insmod, status, user_output
from registry import boot_test, expect
from shell import Shell

EVENT_LINE = re.compile(r"^event time=(\d+)\.(\d{6}) type=(\d+) code=(\d+) value=(-?\d+)$", re.M)
EV_SYN, EV_KEY, EV_MSC = 0, 1, 4
MSC_SCAN = 4
KEY_A, KEY_S, KEY_B, KEY_LEFTSHIFT, KEY_F1, KEY_RIGHTCTRL = 30, 31, 48, 42, 59, 97
SYN = (EV_SYN, 0, 0)


def events(text):
    """evread's event lines as (type, code, value) tuples."""
    return [(int(t), int(c), int(v)) for _, _, t, c, v in EVENT_LINE.findall(text)]


def key_packets(*keys):
    """What the keyboard sends for each (scan code, key code) pressed and released."""
    out = []
    for scan, key in keys:
        out += [(EV_MSC, MSC_SCAN, scan), (EV_KEY, key, 1), SYN, (EV_MSC, MSC_SCAN, scan), (EV_KEY, key, 0), SYN]
    return out


def remove_count(sh):
    """How many remove: lines demo_pdrv has logged."""
    return int(user_output(sh, "dmesg | grep -c ': remove: '"))


def input_devices(sh):
    """/proc/bus/input/devices as {name: block text}."""
    blocks = {}
    for block in user_output(sh, "cat /proc/bus/input/devices").split("\n\n"):
        match = re.search(r'^N: Name="(.*)"$', block, re.M)
        if match:
            blocks[match.group(1)] = block
    return blocks


# ---- the platform bus ----

@boot_test
def platform_driver_first(build_dir):
    """demo_pdrv loaded first probes nothing; demo_pdev's devices (alloc+add with
    data, register_simple, an automatic id) are probed as they are added, by
    id_table name, with their platform data; dev_info prints "DRIVER DEVICE:";
    rmmod demo_pdev runs remove for each, in reverse order."""
    with Shell(build_dir) as sh:
        sh.run("dmesg -n 1")
        insmod(sh, "demo_pdrv")
        expect(status(sh) == "0", "insmod demo_pdrv.ko failed")
        expect("probe" not in dmesg_tail(sh, 5), "probe ran with no device")
        insmod(sh, "demo_pdev")
        expect(status(sh) == "0", "insmod demo_pdev.ko failed")
        log = dmesg_tail(sh, 10)
        for line in ['demo_pdrv demo.0: probe: id_table entry demo (kind 1), greeting "hello from demo.0", number 42',
                     'demo_pdrv demo-lite.1: probe: id_table entry demo-lite (kind 2), greeting "(no data)", number 0',
                     'demo_pdrv demo.0.auto: probe: id_table entry demo (kind 1), greeting "numbered by the bus", number 3',
                     "demo_pdev: registered demo.0 demo-lite.1 demo.0.auto"]:
            expect(line in log, f"dmesg lacks {line!r}:\n{log}")
        expect(log.index("demo.0: probe") < log.index("demo_pdev: registered"), "probe did not run at add time")

        sh.run("rmmod demo_pdev")
        log = dmesg_tail(sh, 10)
        removes = re.findall(r"demo_pdrv (\S+): remove: number (\d+)", log)
        expect(removes == [("demo.0.auto", "3"), ("demo-lite.1", "0"), ("demo.0", "42")], f"removes:\n{log}")
        expect("demo_pdev: unregistered" in log, f"no unregister message:\n{log}")
        before = remove_count(sh)
        sh.run("rmmod demo_pdrv")
        expect(status(sh) == "0", "rmmod demo_pdrv failed")
        expect(remove_count(sh) == before, "remove ran without devices")


@boot_test
def platform_device_first(build_dir):
    """Devices registered before their driver wait unbound; registering the driver
    probes every matching one; a probe that fails is reported (-22) and leaves its
    device unbound, so unregistering the driver removes only the bound ones."""
    with Shell(build_dir) as sh:
        sh.run("dmesg -n 1")
        insmod(sh, "demo_pdev", "bad=1")
        expect(status(sh) == "0", "insmod demo_pdev.ko bad=1 failed")
        log = dmesg_tail(sh, 5)
        expect("demo_pdev: registered demo.0 demo-lite.1 demo.0.auto demo.7" in log, f"devices:\n{log}")
        expect("probe" not in log, f"probe ran without a driver:\n{log}")

        insmod(sh, "demo_pdrv")
        log = dmesg_tail(sh, 10)
        probed = re.findall(r"demo_pdrv (\S+): probe:", log)
        expect(sorted(probed) == ["demo-lite.1", "demo.0", "demo.0.auto"], f"probed {probed}:\n{log}")
        expect("demo_pdrv demo.7: refusing number -1" in log, f"no dev_err line:\n{log}")
        expect("demo_pdrv: probe of demo.7 failed with error -22" in log, f"no probe failure line:\n{log}")

        sh.run("rmmod demo_pdrv")
        log = dmesg_tail(sh, 10)
        removed = re.findall(r"demo_pdrv (\S+): remove:", log)
        expect(sorted(removed) == ["demo-lite.1", "demo.0", "demo.0.auto"], f"removed {removed}:\n{log}")
        before = remove_count(sh)
        sh.run("rmmod demo_pdev")
        log = dmesg_tail(sh, 3)
        expect("demo_pdev: unregistered" in log and remove_count(sh) == before, f"after rmmod demo_pdev:\n{log}")
        # The same devices can come back: their names and automatic id were freed.
        insmod(sh, "demo_pdev")
        expect(status(sh) == "0" and "demo.0.auto" in dmesg_tail(sh, 3), "re-registering the devices failed")
        sh.run("rmmod demo_pdev")


# ---- the input core and evdev ----

@boot_test
def input_proc_devices(build_dir):
    """The keyboard is input0 below the i8042 platform device: /proc/bus/input/devices
    as Linux writes it, evdev in /proc/bus/input/handlers, /dev/input/event0 (13, 64),
    major 13 in /proc/devices, and the evdev ioctls report the same identity."""
    with Shell(build_dir) as sh:
        keyboard = input_devices(sh).get("AT Translated Set 2 keyboard")
        expect(keyboard is not None, "no keyboard in /proc/bus/input/devices")
        expected = ["I: Bus=0011 Vendor=0001 Product=0001 Version=ab41",
                    "P: Phys=isa0060/serio0/input0",
                    "S: Sysfs=/devices/platform/i8042/input/input0",
                    "U: Uniq=",
                    "H: Handlers=event0 ",
                    "B: PROP=0",
                    "B: EV=100013",
                    "B: MSC=10"]
        lines = keyboard.splitlines()
        for line in expected:
            expect(line in lines, f"missing {line!r}:\n{keyboard}")
        key = re.search(r"^B: KEY=([0-9a-f ]+)$", keyboard, re.M)
        expect(key, f"no B: KEY line:\n{keyboard}")
        words = key.group(1).split()
        bits = sum(int(w, 16) << (32 * i) for i, w in enumerate(reversed(words)))
        for code in [1, KEY_A, KEY_LEFTSHIFT, KEY_F1, 88, KEY_RIGHTCTRL, 103, 111]:
            expect(bits >> code & 1, f"key {code} missing from B: KEY={key.group(1)}")
        expect(not bits & 1, "KEY_RESERVED is set")

        handlers = user_output(sh, "cat /proc/bus/input/handlers")
        expect("N: Number=0 Name=evdev Minor=64" in handlers, f"handlers:\n{handlers}")
        node = user_output(sh, "ls -l /dev/input/event0")
        expect(re.match(r"^crw-------\s+1\s+\S+\s+\S+\s+13,\s+64 ", node), f"/dev/input/event0: {node}")
        expect(re.search(r"^\s*13 input$", user_output(sh, "cat /proc/devices"), re.M), "no '13 input' in /proc/devices")

        ident = user_output(sh, "evread -i /dev/input/event0")
        for line in ["evdev version 1.0.1", 'name "AT Translated Set 2 keyboard" phys "isa0060/serio0/input0"',
                     "bus 0011 vendor 0001 product 0001 version ab41", "event types 100013"]:
            expect(line in ident, f"evread -i lacks {line!r}:\n{ident}")


@boot_test
def input_keyboard_events(build_dir):
    """Keys sent through the QEMU monitor reach /dev/input/event0 as Linux's atkbd
    reports them: MSC_SCAN, EV_KEY 1 then 0, SYN_REPORT; an E0 key has bit 7 in
    its scan code; the timestamps are the wall clock."""
    with Shell(build_dir) as sh:
        sh.run("evread -n 12 -t 10000 /dev/input/event0 > /tmp/kbd.txt &")
        time.sleep(1)
        for key in ["f1", "ctrl_r"]:   # keys that type nothing at the shell
            sh.qemu.monitor(f"sendkey {key}")
        sh.run("wait", timeout=20)
        text = user_output(sh, "cat /tmp/kbd.txt")
        got = events(text)
        expected = key_packets((0x3B, KEY_F1), (0x9D, KEY_RIGHTCTRL))
        expect(got == expected, f"keyboard events:\n{text}\nexpected {expected}")
        now = int(user_output(sh, "date +%s"))
        stamps = [int(s) for s, _, _, _, _ in EVENT_LINE.findall(text)]
        expect(all(abs(now - s) < 120 for s in stamps), f"timestamps {stamps} are not about {now}")


@boot_test
def input_read_modes(build_dir):
    """With nothing queued, an O_NONBLOCK read fails with EAGAIN, poll() times out,
    and a blocking read sleeps until a key comes, then returns just that packet."""
    with Shell(build_dir) as sh:
        out = user_output(sh, "evread -N /dev/input/event0; echo status=$?")
        expect("evread: read: Resource temporarily unavailable" in out and "status=1" in out,
               f"non-blocking read:\n{out}")
        start = time.monotonic()
        out = user_output(sh, "evread -t 500 /dev/input/event0")
        expect("evread: poll: timeout after 0 events" in out, f"poll:\n{out}")
        expect(time.monotonic() - start >= 0.4, "poll() returned before its timeout")

        sh.run("evread -n 3 /dev/input/event0 > /tmp/block.txt &")
        time.sleep(1.5)
        expect("evread" in sh.run("ps"), "the blocking reader is not waiting")
        expect(events(user_output(sh, "cat /tmp/block.txt")) == [], "the reader got events before a key")
        sh.qemu.monitor("sendkey shift")
        sh.run("wait", timeout=20)
        got = events(user_output(sh, "cat /tmp/block.txt"))
        expect(got == [(EV_MSC, MSC_SCAN, 0x2A), (EV_KEY, KEY_LEFTSHIFT, 1), SYN], f"blocking read got {got}")


@boot_test
def input_vkeys(build_dir):
    """vkeys registers a virtual input device (input1, event1 under
    /devices/virtual/input); words written to /dev/vkeys become key packets; a
    grabbing reader takes them all; rmmod releases a held key, readers get
    ENODEV, and the node and the /proc entry go."""
    with Shell(build_dir) as sh:
        sh.run("dmesg -n 1")
        insmod(sh, "vkeys")
        expect(status(sh) == "0", "insmod vkeys.ko failed")
        block = input_devices(sh).get("kernlab virtual keys")
        expect(block is not None, "vkeys is not in /proc/bus/input/devices")
        for line in ["I: Bus=0006 Vendor=6b6c Product=0001 Version=0100", "P: Phys=vkeys/input0",
                     "S: Sysfs=/devices/virtual/input/input1", "H: Handlers=event1 ", "B: EV=3"]:
            expect(line in block.splitlines(), f"missing {line!r}:\n{block}")
        expect("input: kernlab virtual keys as /devices/virtual/input/input1" in dmesg_tail(sh, 5),
               "no registration message")
        expect(re.search(r"13,\s+65 ", user_output(sh, "ls -l /dev/input/event1")), "no /dev/input/event1 (13, 65)")

        sh.run("evread -n 8 -t 10000 /dev/input/event1 > /tmp/v.txt &")
        time.sleep(1)
        sh.run('echo "+30 -30 48" > /dev/vkeys')
        sh.run("wait", timeout=20)
        got = events(user_output(sh, "cat /tmp/v.txt"))
        expected = [(EV_KEY, KEY_A, 1), SYN, (EV_KEY, KEY_A, 0), SYN, (EV_KEY, KEY_B, 1), SYN, (EV_KEY, KEY_B, 0), SYN]
        expect(got == expected, f"vkeys events {got}")
        # A release of a key that is not down changes nothing, so nothing is sent.
        out = user_output(sh, 'echo "-30" > /dev/vkeys; evread -N /dev/input/event1')
        expect("Resource temporarily unavailable" in out, f"a no-op release was queued:\n{out}")
        sh.run('echo "+999" > /dev/vkeys')
        expect(status(sh) != "0", "a key code beyond KEY_MAX was accepted")

        # EVIOCGRAB: the grabbing reader gets the packet, the other one nothing.
        sh.run("evread -g -n 4 -t 8000 /dev/input/event1 > /tmp/g.txt &")
        sh.run("evread -n 1 -t 3000 /dev/input/event1 > /tmp/o.txt &")
        time.sleep(1)
        sh.run('echo "48" > /dev/vkeys')
        sh.run("wait", timeout=20)
        expect(len(events(user_output(sh, "cat /tmp/g.txt"))) == 4, "the grabbing reader missed events")
        other = user_output(sh, "cat /tmp/o.txt")
        expect("poll: timeout after 0 events" in other, f"the other reader got events during a grab:\n{other}")

        sh.run("evread -t 10000 /dev/input/event1 > /tmp/gone.txt &")
        time.sleep(1)
        sh.run('echo "+31" > /dev/vkeys')
        sh.run("rmmod vkeys")
        sh.run("wait", timeout=20)
        text = user_output(sh, "cat /tmp/gone.txt")
        # The release is queued before the device goes; as on Linux, a reader that
        # has not read it by then gets ENODEV instead.
        got = events(text)
        expect(got in ([(EV_KEY, KEY_S, 1), SYN], [(EV_KEY, KEY_S, 1), SYN, (EV_KEY, KEY_S, 0), (EV_SYN, 0, 1)]),
               f"held key on rmmod:\n{text}")
        expect("evread: read: No such device" in text, f"the reader did not get ENODEV:\n{text}")
        expect("No such file" in user_output(sh, "ls /dev/input/event1 2>&1"), "/dev/input/event1 is still there")
        expect("kernlab virtual keys" not in input_devices(sh), "vkeys is still in /proc/bus/input/devices")

        insmod(sh, "vkeys")   # input numbers are not reused; event minors are
        block = input_devices(sh).get("kernlab virtual keys", "")
        expect("S: Sysfs=/devices/virtual/input/input2" in block and "H: Handlers=event1 " in block,
               f"vkeys loaded again:\n{block}")
        sh.run("rmmod vkeys")
