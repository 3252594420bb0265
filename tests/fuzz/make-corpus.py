#!/usr/bin/env python3
# Writes the seed corpus of the host fuzz harnesses (tests/fuzz/corpus/<harness>/):
# small valid inputs, so libFuzzer starts from what the parsers accept. The ELF
# seeds are built with the i686 cross compiler and the ext2 super blocks with
# mke2fs, when those are installed (otherwise the checked-in files stay).
#   tests/fuzz/make-corpus.py [corpus-dir]
import gzip
import os
import shutil
import struct
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "toolchain"))
import newc  # noqa: E402

CORPUS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")


def write(harness, name, data):
    folder = os.path.join(CORPUS, harness)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def run(*command, cwd=None):
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


# ---- ELF executables and relocatable objects: real ones from gcc and ld ----

TINY_EXEC = r"""
static const char message[] = "hi\n";
int counter = 1;
static char buffer[64];
void _start(void)
{
    buffer[0] = message[0];
    counter += buffer[0];
    __asm__ volatile("int $0x80" : : "a"(4), "b"(1), "c"(message), "d"(3));
    __asm__ volatile("int $0x80" : : "a"(1), "b"(counter));
    for (;;) {}
}
"""

# A module as the kit builds one: init in .init.text, an export, .modinfo, __this_module.
TINY_MODULE = r"""
struct module { char name[56]; int (*init)(void); void (*exit)(void); };
struct kernel_symbol { unsigned long value; const char *name; };
extern int printk(const char *fmt, ...);
extern void helper(void) __attribute__((weak));
static int count = 3;
static int zeroed[4];
static const char greeting[] = "hello %d\n";
__attribute__((section(".init.text"))) int init_module(void)
{
    zeroed[1] = count;
    if (helper)
        helper();
    return printk(greeting, count);
}
void cleanup_module(void) { printk("bye %d\n", zeroed[1]); }
static const char name[] = "cleanup_module";
__attribute__((section("__ksymtab"), used)) static const struct kernel_symbol export = { (unsigned long)cleanup_module, name };
__attribute__((section(".modinfo"), used)) static const char info[] = "license=GPL\0vermagic=kernlab";
struct module __this_module __attribute__((section(".gnu.linkonce.this_module"))) = { "tiny", init_module, cleanup_module };
"""


def elf_seeds():
    gcc = shutil.which("i686-linux-gnu-gcc")
    objcopy = shutil.which("i686-linux-gnu-objcopy")
    if not gcc or not objcopy:
        print("make-corpus: no i686-linux-gnu-gcc: the ELF seeds stay as they are")
        return
    common = ["-Os", "-fno-pic", "-fno-asynchronous-unwind-tables", "-g0"]
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "exec.c"), "w") as f:
            f.write(TINY_EXEC)
        with open(os.path.join(tmp, "module.c"), "w") as f:
            f.write(TINY_MODULE)
        link = ["-static", "-nostdlib", "-no-pie", "-s", "-Wl,--build-id=none"]
        # Text and data in one page each way: ld's default and the packed layout.
        run(gcc, *common, *link, "-Wl,-z,noseparate-code", "-o", "exec-packed", "exec.c", cwd=tmp)
        run(gcc, *common, *link, "-Wl,-z,separate-code", "-o", "exec-separate", "exec.c", cwd=tmp)
        run(gcc, *common, "-fno-common", "-c", "-o", "module.o", "module.c", cwd=tmp)
        run(objcopy, "--remove-section=.comment", "--remove-section=.note.GNU-stack", "module.o", "module.ko", cwd=tmp)
        for name in ("exec-packed", "exec-separate"):
            with open(os.path.join(tmp, name), "rb") as f:
                write("elf", name, f.read())
        with open(os.path.join(tmp, "module.ko"), "rb") as f:
            write("elf_rel", "module.ko", f.read())


# ---- ext2: super blocks and descriptors from mke2fs, directory blocks by hand ----

def ext2_super_seeds():
    mke2fs = shutil.which("mke2fs") or ("/usr/sbin/mke2fs" if os.path.exists("/usr/sbin/mke2fs") else None)
    if not mke2fs:
        print("make-corpus: no mke2fs: the ext2 super block seeds stay as they are")
        return
    layouts = {
        "1k-4groups": ["-b", "1024", "-g", "1024", "-N", "64", "4096"],
        "2k-sparse": ["-b", "2048", "-g", "2048", "-N", "128", "-O", "sparse_super,large_file", "8192"],
        "4k-rev0": ["-b", "4096", "-r", "0", "-N", "32", "1024"],
    }
    env = dict(os.environ, E2FSPROGS_FAKE_TIME="0", MKE2FS_DEVICE_SECTSIZE="512")
    with tempfile.TemporaryDirectory() as tmp:
        for name, args in layouts.items():
            image = os.path.join(tmp, name)
            size_blocks, block_size = int(args[-1]), int(args[1])
            with open(image, "wb") as f:
                f.truncate(size_blocks * block_size)
            subprocess.run([mke2fs, "-q", "-F", "-t", "ext2", "-U", "00000000-0000-0000-0000-000000000000", "-E", "hash_seed=00000000-0000-0000-0000-000000000000", "-m", "5",
                *args[:-1], image, args[-1]], check=True, env=env, stdout=subprocess.DEVNULL)
            with open(image, "rb") as f:
                disk = f.read()
            sb = disk[1024:2048]
            groups = -(-(struct.unpack_from("<I", sb, 4)[0] - struct.unpack_from("<I", sb, 20)[0])
                       // struct.unpack_from("<I", sb, 32)[0])
            gdt = (struct.unpack_from("<I", sb, 20)[0] + 1) * block_size
            write("ext2_super", name, sb + disk[gdt:gdt + 32 * groups])


def dir_entry(inode, name, file_type, rec_len=None):
    name = name.encode()
    length = rec_len or (8 + len(name) + 3) & ~3
    return struct.pack("<IHBB", inode, length, len(name), file_type) + name + bytes(length - 8 - len(name))


def ext2_dir_seeds():
    # inodes_count[4] log_block_size[1], then the block.
    entries = dir_entry(2, ".", 2) + dir_entry(2, "..", 2) + dir_entry(11, "lost+found", 2)
    entries += dir_entry(12, "hello.txt", 1, 1024 - len(entries))
    write("ext2_dir", "root-1k", struct.pack("<IB", 64, 0) + entries)
    # A 4 KiB block with a hole (a removed entry, inode 0) in the middle.
    block = dir_entry(13, ".", 2) + dir_entry(2, "..", 2) + dir_entry(0, "gone", 0, 40) + dir_entry(14, "notes", 1)
    block += dir_entry(15, "a-longer-name-for-slack", 7, 4096 - len(block))
    write("ext2_dir", "sub-4k", struct.pack("<IB", 128, 2) + block)
    # An empty 2 KiB block (one unused entry spanning it).
    write("ext2_dir", "empty-2k", struct.pack("<IB", 32, 1) + struct.pack("<IHBB", 0, 2048, 0, 0) + bytes(2040))


# ---- MBR: primaries, an extended partition and its chain of two EBRs ----

def mbr_entry(type_, start, sectors, bootable=False):
    return struct.pack("<B3sB3sII", 0x80 if bootable else 0, b"\xfe\xff\xff", type_, b"\xfe\xff\xff", start, sectors)


def sector(entries):
    table = b"".join(entries) + bytes(16 * (4 - len(entries)))
    return bytes(446) + table + b"\x55\xaa"


def mbr_seeds():
    mbr = sector([mbr_entry(0x83, 1, 2, True), mbr_entry(0x05, 4, 12), mbr_entry(0x82, 16, 4)])
    ebr1 = sector([mbr_entry(0x83, 1, 2), mbr_entry(0x05, 4, 4)])    # data at 5, next EBR at 4 + 4
    ebr2 = sector([mbr_entry(0x0c, 1, 3)])                           # data at 9
    disk = mbr + bytes(512 * 3) + ebr1 + bytes(512 * 3) + ebr2 + bytes(512 * 11)
    write("mbr", "extended-chain", disk)
    write("mbr", "one-primary", sector([mbr_entry(0x83, 1, 7, True)]) + bytes(512 * 7))


# ---- cpio newc: a directory, two files and a symlink, as mkinitramfs packs them ----

def cpio_entry(ino, mode, name, data=b"", nlink=1):
    return newc.entry(name, mode, data, ino=ino, nlink=nlink)


def cpio_seeds():
    archive = cpio_entry(1, 0o40755, "etc", nlink=2) + cpio_entry(2, 0o100644, "etc/hostname", b"kernlab\n")
    archive += cpio_entry(3, 0o100755, "init", b"#!/bin/sh\nexec /bin/sh\n") + cpio_entry(4, 0o120777, "sh", b"/bin/busybox")
    archive += cpio_entry(0, 0, "TRAILER!!!")
    write("cpio", "initramfs", archive)
    # Two archives back to back with zero padding between, as Linux accepts.
    second = cpio_entry(5, 0o100600, "./extra", b"x") + cpio_entry(0, 0, "TRAILER!!!")
    write("cpio", "concatenated", archive + bytes(512) + second)
    # The same archives compressed, as a gzip'd initramfs (mtime 0: the same bytes each run).
    write("gunzip", "initramfs-gz", gzip.compress(archive * 20, compresslevel=9, mtime=0))
    write("gunzip", "stored", gzip.compress(second, compresslevel=0, mtime=0))
    write("gunzip", "two-members", gzip.compress(archive, mtime=0) + gzip.compress(second, mtime=0))


# ---- command lines ----

def cmdline_seeds():
    lines = {
        "plain": b"console=ttyS0 quiet init=/bin/sh root=/dev/sda1 ro",
        "quotes": b'dyndbg="file foo.c +p" msg="a b"  loglevel=0x7 debug_level=-3 -- single init-arg="x y"',
        "modules": b"hello.who=world hello.count=3 kernlab.selftest=all,ktap initcall_debug",
    }
    for name, line in lines.items():
        write("cmdline", name, line)


# ---- Multiboot 2 tag lists and Multiboot 1 info blocks ----

def tag(type_, body):
    data = struct.pack("<II", type_, 8 + len(body)) + body
    return data + bytes(-len(data) % 8)


def multiboot_seeds():
    tags = tag(1, b"console=ttyS0 quiet\0") + tag(2, b"GRUB 2.06\0")
    tags += tag(3, struct.pack("<II", 0x200000, 0x280000) + b"initramfs.cpio\0")
    tags += tag(4, struct.pack("<II", 639, 130048))
    mmap = [(0, 0x9fc00, 1), (0x9fc00, 0x400, 2), (0x100000, 0x7ee0000, 1), (0xfffc0000, 0x40000, 2)]
    tags += tag(6, struct.pack("<II", 24, 0) + b"".join(struct.pack("<QQII", b, l, t, 0) for b, l, t in mmap))
    tags += tag(8, bytes(24))   # a framebuffer tag: skipped
    tags += tag(0, b"")
    write("multiboot", "grub2", struct.pack("<II", 8 + len(tags), 0) + tags)

    # Multiboot 1: flags mem|cmdline|mods|mmap|loader name; addresses are offsets in the input.
    cmdline, name = b"console=ttyS0\0", b"qemu\0"
    mods = struct.pack("<IIII", 0x1000, 0x3000, 0, 0)
    mmap1 = b"".join(struct.pack("<IQQI", 20, b, l, t) for b, l, t in mmap[:3])
    at_cmdline = 72
    at_name = at_cmdline + len(cmdline)
    at_mods = at_name + len(name)
    at_mods += -at_mods % 4
    at_mmap = at_mods + len(mods)
    info = bytearray(72)
    struct.pack_into("<III", info, 0, 1 | 4 | 8 | 64 | 512, 639, 130048)
    struct.pack_into("<III", info, 16, at_cmdline, 1, at_mods)
    struct.pack_into("<II", info, 44, len(mmap1), at_mmap)
    struct.pack_into("<I", info, 64, at_name)
    tail = cmdline + name
    tail += bytes(at_mods - 72 - len(tail))
    write("multiboot", "multiboot1", bytes(info) + tail + mods + mmap1)


# ---- 9P2000.L replies: request index[1] requested[4], then the R-message (tag 1, NOTAG for Rversion) ----

P9_REQUESTS = ["Tversion", "Tattach", "Twalk", "Tlopen", "Tlcreate", "Tread", "Twrite", "Treaddir", "Tgetattr",
               "Tsetattr", "Tmkdir", "Tunlinkat", "Trenameat", "Tsymlink", "Treadlink", "Tlink", "Tmknod",
               "Tstatfs", "Tfsync", "Tclunk"]   # the order of fuzz_p9.cpp's table
P9_TYPES = {"Tversion": 100, "Tattach": 104, "Twalk": 110, "Tlopen": 12, "Tread": 116, "Twrite": 118,
            "Treaddir": 40, "Tgetattr": 24, "Tstatfs": 8, "Treadlink": 22, "Tclunk": 120}


def p9_string(text):
    return struct.pack("<H", len(text)) + text


def qid(type_, path):
    return struct.pack("<BIQ", type_, 0, path)


def p9_reply(request, body, requested=8192, type_=None, tag_=1):
    type_ = type_ if type_ is not None else P9_TYPES[request] + 1
    message = struct.pack("<IBH", 7 + len(body), type_, tag_) + body
    return struct.pack("<BI", P9_REQUESTS.index(request), requested) + message


def p9_seeds():
    dirents = b"".join(qid(q, p) + struct.pack("<QB", off, t) + p9_string(n)
                       for q, p, off, t, n in [(0x80, 2, 1, 4, b"."), (0x80, 1, 2, 4, b".."), (0, 7, 3, 8, b"notes.txt")])
    seeds = {
        "rversion": p9_reply("Tversion", struct.pack("<I", 8192) + p9_string(b"9P2000.L"), tag_=0xffff),
        "rattach": p9_reply("Tattach", qid(0x80, 1)),
        "rwalk": p9_reply("Twalk", struct.pack("<H", 2) + qid(0x80, 5) + qid(0, 9), requested=16),
        "rlopen": p9_reply("Tlopen", qid(0, 9) + struct.pack("<I", 0)),
        "rread": p9_reply("Tread", struct.pack("<I", 6) + b"hello\n", requested=64),
        "rwrite": p9_reply("Twrite", struct.pack("<I", 5), requested=5),
        "rreaddir": p9_reply("Treaddir", struct.pack("<I", len(dirents)) + dirents),
        "rgetattr": p9_reply("Tgetattr", struct.pack("<Q", 0x7ff) + qid(0, 9) + struct.pack("<III", 0o100644, 0, 0)
                             + struct.pack("<15Q", 1, 0, 6, 4096, 8, *range(10))),
        "rstatfs": p9_reply("Tstatfs", struct.pack("<II6QI", 0x01021997, 4096, 100, 50, 40, 64, 32, 7, 255)),
        "rreadlink": p9_reply("Treadlink", p9_string(b"/bin/busybox")),
        "rlerror": p9_reply("Tclunk", struct.pack("<I", 2), type_=7),
        "rclunk": p9_reply("Tclunk", b""),
    }
    for name, data in seeds.items():
        write("p9", name, data)


# ---- "#!" lines ----

def shebang_seeds():
    lines = {
        "sh": b"#!/bin/sh\necho hello\n",
        "env-arg": b"#! /usr/bin/env  python3 -u \t\nprint(1)\n",
        "no-newline": b"#!/bin/busybox sh -x",
        "long": b"#!/" + b"x" * 300 + b" arg\n",
    }
    for name, line in lines.items():
        write("shebang", name, line)


# ---- PCI configuration spaces with capability lists ----

def pci_seeds():
    config = bytearray(256)
    struct.pack_into("<HH", config, 0, 0x1af4, 0x1049)   # a virtio 9p device
    config[0x06] = 0x10                                  # status: capability list
    config[0x34] = 0x98
    caps = [(0x98, 0x11, 0x84), (0x84, 0x09, 0x70), (0x70, 0x09, 0x60), (0x60, 0x09, 0x50), (0x50, 0x09, 0x40),
            (0x40, 0x09, 0x00)]   # MSI-X, then virtio's common, notify, ISR, device and PCI cfg capabilities
    for at, id_, next_ in caps:
        config[at] = id_
        config[at + 1] = next_
        config[at + 2] = 16
    write("pci_caps", "virtio-modern", bytes(config) + b"\x11")   # byte 256: the second id looked for
    legacy = bytearray(256)
    struct.pack_into("<HH", legacy, 0, 0x1af4, 0x1009)
    write("pci_caps", "no-list", bytes(legacy))


elf_seeds()
ext2_super_seeds()
ext2_dir_seeds()
mbr_seeds()
cpio_seeds()
cmdline_seeds()
multiboot_seeds()
p9_seeds()
shebang_seeds()
pci_seeds()
