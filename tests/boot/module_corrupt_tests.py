"""Boot tests of the module loader on crafted .ko files: sections the loader
reads flipped to SHT_NOBITS, offsets and indices out of range, and pointers in
struct module, __ksymtab and __param that lead nowhere. Each insmod must fail
with "Invalid module format" and a "module: ..." log line, without an oops."""

import os
import struct
import tempfile

from checks import expect_no_trouble, status, user_output
from registry import boot_test, expect
from shell import Shell

SHT_NOBITS = 8
SHT_REL = 9


class Ko:
    """A .ko's section headers, by name, for patching one field."""

    def __init__(self, path):
        with open(path, "rb") as f:
            self.data = bytearray(f.read())
        self.shoff, = struct.unpack_from("<I", self.data, 0x20)
        shnum, shstrndx = struct.unpack_from("<HH", self.data, 0x30)
        names_offset = self.header(shstrndx)["offset"]
        self.sections = {}
        for index in range(1, shnum):
            header = self.header(index)
            end = self.data.index(b"\0", names_offset + header["name"])
            self.sections.setdefault(self.data[names_offset + header["name"]:end].decode(), index)

    def header(self, index):
        fields = struct.unpack_from("<10I", self.data, self.shoff + 40 * index)
        keys = ["name", "type", "flags", "addr", "offset", "size", "link", "info", "align", "entsize"]
        return dict(zip(keys, fields))

    def set_field(self, section, field, value):
        keys = ["name", "type", "flags", "addr", "offset", "size", "link", "info", "align", "entsize"]
        struct.pack_into("<I", self.data, self.shoff + 40 * self.sections[section] + 4 * keys.index(field), value)

    def add_to_word(self, section, offset, amount):
        """Adds to a 32-bit word of a section: on i386 (SHT_REL) that is a relocation's addend."""
        at = self.header(self.sections[section])["offset"] + offset
        word, = struct.unpack_from("<I", self.data, at)
        struct.pack_into("<I", self.data, at, (word + amount) & 0xFFFFFFFF)


def crafted(modules):
    """(name, bytes, what the log must say) for each bad module."""
    cases = []

    def case(name, source, change, log):
        ko = Ko(os.path.join(modules, source))
        change(ko)
        cases.append((name, bytes(ko.data), log))

    def nobits(*sections):
        def change(ko):
            for section in sections:
                ko.set_field(section, "type", SHT_NOBITS)
        return change

    for section, log in [(".modinfo", "module: hello: .modinfo has no contents (SHT_NOBITS)"),
                         (".symtab", "module: invalid ELF module: no symbol table"),
                         (".strtab", "module: invalid ELF module: symbol string table"),
                         (".init.text", "module: invalid ELF module: executable section has no contents"),
                         (".gnu.linkonce.this_module",
                          "module: invalid ELF module: relocation target section has no contents (SHT_NOBITS)")]:
        case("nobits" + section.replace(".", "_"), "hello.ko", nobits(section), log)
    # With their relocation sections flipped too, the loader's own checks see them.
    case("nobits_this_module_unrelocated", "hello.ko",
         nobits(".gnu.linkonce.this_module", ".rel.gnu.linkonce.this_module"),
         "module: .gnu.linkonce.this_module has no contents (SHT_NOBITS)")
    case("nobits_param", "hello_params.ko", nobits("__param", ".rel__param"),
         "module: hello_params: __param has no contents (SHT_NOBITS)")
    case("nobits_ksymtab", "export_a.ko", nobits("__ksymtab", ".rel__ksymtab"),
         "module: export_a: __ksymtab has no contents (SHT_NOBITS)")
    def odd_param_size(ko):
        ko.set_field("__param", "size", ko.header(ko.sections["__param"])["size"] - 4)
        ko.set_field(".rel__param", "type", SHT_NOBITS)   # else its last entry is out of range first
    case("odd_param_size", "hello_params.ko", odd_param_size,
         "module: hello_params: __param size is not a whole number of entries")
    case("offset_past_end", "hello.ko", lambda ko: ko.set_field(".modinfo", "offset", len(ko.data) - 2),
         "module: invalid ELF module: section extends past end of file")

    def bad_rel_target(ko):
        rel = next(name for name, index in ko.sections.items() if ko.header(index)["type"] == SHT_REL)
        ko.set_field(rel, "info", 0xFFFF)
    case("rel_target_out_of_range", "hello.ko", bad_rel_target, "module: invalid ELF module: bad relocation target")
    # struct module: state, next, name[56], then init (offset 64) and exit (68).
    case("init_out_of_range", "hello.ko", lambda ko: ko.add_to_word(".gnu.linkonce.this_module", 64, 0x100000),
         "module: hello: init is not in the module's code")
    case("exit_out_of_range", "startstop.ko", lambda ko: ko.add_to_word(".gnu.linkonce.this_module", 68, 0x100000),
         "module: startstop: exit is not in the module's code")
    # struct kernel_symbol {value, name}; struct kernel_param {name, mod, ops, ...}.
    case("ksymtab_bad_name", "export_a.ko", lambda ko: ko.add_to_word("__ksymtab", 4, 0x1000000),
         "module: export_a: __ksymtab entry 0 has an invalid name pointer")
    case("param_bad_ops", "hello_params.ko", lambda ko: ko.add_to_word("__param", 8, 0x1000000),
         "module: hello_params: __param entry 0 has an invalid ops pointer")
    return cases


@boot_test
def module_crafted_sections(build_dir):
    """Fifteen crafted .ko files come in on an IDE disk (512-byte aligned, cut
    out with dd); insmod refuses each with ENOEXEC and a log line naming the
    problem, the kernel stays up, and hello.ko still loads afterwards."""
    modules = os.path.join(build_dir, "target", "modules")
    cases = crafted(modules)
    disk = tempfile.NamedTemporaryFile(prefix="kernlab-badko-", suffix=".img", delete=False)
    layout = []
    try:
        for name, data, log in cases:
            layout.append((name, disk.tell() // 512, len(data), log))
            disk.write(data + bytes(-len(data) % 512))
        disk.close()
        with Shell(build_dir, extra_args=["-drive", f"file={disk.name},format=raw,if=ide"]) as sh:
            for name, sector, size, log in layout:
                sh.run(f"dd if=/dev/sda bs=512 skip={sector} count={(size + 511) // 512} 2>/dev/null"
                       f" | head -c {size} > /tmp/{name}.ko")
                sh.run("dmesg -c > /dev/null")
                out = sh.run(f"insmod /tmp/{name}.ko")
                expect(status(sh) != "0", f"{name}: insmod succeeded:\n{out}")
                expect("Invalid module format" in out, f"{name}: insmod printed:\n{out}")
                messages = sh.run("dmesg")
                expect(log in messages, f"{name}: the log does not say {log!r}:\n{messages}")
                expect(user_output(sh, "echo alive") == "alive", f"the shell died after {name}")
                expect(user_output(sh, "cat /proc/modules") == "", f"{name}: something stayed loaded")
            sh.run("insmod /lib/modules/hello.ko")
            expect(status(sh) == "0", "hello.ko no longer loads")
            sh.run("rmmod hello")
            expect_no_trouble(sh)
    finally:
        os.unlink(disk.name)
