"""ext2 interoperability with e2fsprogs: an image made and filled on the host
is attached as an IDE disk; the guest reads every file, changes some, unmounts
and powers off; then the host's e2fsck must find no error and debugfs must read
back what the guest wrote."""

import hashlib
import os
import random
import re
import shutil
import subprocess
import tempfile

from registry import boot_test, expect
from shell import Shell


def host(*command, input_bytes=None):
    return subprocess.run(command, input=input_bytes, capture_output=True, check=False)


def md5_of(data):
    """The MD5 sum busybox md5sum prints in the guest (busybox has no cksum)."""
    return hashlib.md5(data).hexdigest()


def make_image(folder, block_size, files, revision=1):
    image = os.path.join(folder, f"ext2-{block_size}.img")
    with open(image, "wb") as out:
        out.truncate(32 * 1024 * 1024)
    made = host("mke2fs", "-q", "-t", "ext2", "-r", str(revision), "-b", str(block_size), "-F", image)
    expect(made.returncode == 0, f"mke2fs failed: {made.stderr.decode()}")
    commands = []
    for name, data in files.items():
        source = os.path.join(folder, name.replace("/", "_"))
        with open(source, "wb") as out:
            out.write(data)
        directory = os.path.dirname(name)
        if directory:
            commands.append(f"mkdir /{directory}")
        commands.append(f"write {source} /{name}")
    script = os.path.join(folder, "debugfs.cmds")
    with open(script, "w") as out:
        out.write("\n".join(dict.fromkeys(commands)) + "\n")
    filled = host("debugfs", "-w", "-f", script, image)
    expect(filled.returncode == 0, f"debugfs failed: {filled.stderr.decode()}")
    return image


def debugfs_cat(image, path):
    return host("debugfs", "-R", f"cat {path}", image).stdout


def unmount_and_power_off(sh):
    """umount /mnt (which writes everything back), then power off."""
    out = sh.run("umount /mnt && echo unmounted")
    expect("unmounted" in out, f"umount failed:\n{out}")
    sh.send("poweroff\r")
    sh.qemu.wait_exit(timeout=60)


def expect_fsck_clean(image):
    check = host("e2fsck", "-fn", image)
    expect(check.returncode == 0, f"e2fsck -fn found problems:\n{check.stdout.decode()}{check.stderr.decode()}")


def interop(build_dir, block_size, big_size, revision=1):
    folder = tempfile.mkdtemp(prefix="kernlab-ext2-")
    try:
        rng = random.Random(block_size)
        big = rng.randbytes(big_size)
        files = {
            "small.txt": b"hello from the host\n",
            "dir/nested.txt": b"nested file\n" * 10,
            "todelete.txt": b"delete me\n",
            "big.bin": big,   # past the double-indirect threshold for this block size
        }
        image = make_image(folder, block_size, files, revision)
        drive = ["-drive", f"file={image},format=raw,if=ide"]
        with Shell(build_dir, extra_args=drive) as sh:
            expect("sda" in sh.run("cat /proc/partitions"), "the IDE disk is not /dev/sda")
            out = sh.run("mount -t ext2 /dev/sda /mnt && echo mounted")
            expect("mounted" in out, f"mount failed:\n{out}")
            for name, data in files.items():
                got = sh.run(f"md5sum /mnt/{name}", timeout=60).split()
                expect(got == [md5_of(data), f"/mnt/{name}"], f"/mnt/{name}: guest md5sum {got}, host {md5_of(data)}")
            sh.run("echo more >> /mnt/small.txt")                   # append
            sh.run("echo new > /mnt/created.txt")                   # create
            sh.run("echo -n > /mnt/dir/nested.txt")                 # truncate
            sh.run("head -c 100000 /mnt/big.bin > /mnt/cut.bin")    # a shorter copy
            sh.run("mkdir /mnt/newdir && mv /mnt/created.txt /mnt/newdir/moved.txt")   # rename
            sh.run("rm /mnt/todelete.txt")                          # delete
            sh.run("sync")
            unmount_and_power_off(sh)
        expect_fsck_clean(image)
        expect(debugfs_cat(image, "/small.txt") == files["small.txt"] + b"more\n", "the append did not reach the disk")
        expect(debugfs_cat(image, "/newdir/moved.txt") == b"new\n", "the created and renamed file is wrong")
        expect(debugfs_cat(image, "/dir/nested.txt") == b"", "the truncated file is not empty")
        expect(debugfs_cat(image, "/cut.bin") == big[:100000], "the copy written by the guest differs")
        listing = host("debugfs", "-R", "ls -l /", image).stdout.decode()
        expect("todelete.txt" not in listing, "the deleted file is still there")
        expect(re.search(r"\bbig\.bin\b", listing), "big.bin vanished")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@boot_test
def ext2_interop_1k_blocks(build_dir):
    """1 KiB blocks; a 1.5 MiB file reaches the double-indirect blocks."""
    interop(build_dir, 1024, 1536 * 1024)


@boot_test
def ext2_interop_2k_blocks_revision0(build_dir):
    """A revision 0 file system (128-byte inodes, no features), 2 KiB blocks."""
    interop(build_dir, 2048, 2560 * 1024, revision=0)


@boot_test
def ext2_interop_4k_blocks(build_dir):
    """4 KiB blocks; a 5 MiB file reaches the double-indirect blocks."""
    interop(build_dir, 4096, 5 * 1024 * 1024)


def directfile_expected():
    """The file fstest directfile leaves (see its comment in user/tests/fstest.c)."""
    k = 1024
    data = bytearray(2 * 1024 * k)
    for start, length in [(0, 64 * k), (128 * k, 4 * k), (256 * k, 700), (1024 * k, 1024 * k)]:
        data[start:start + length] = bytes((at * 31 + 3) & 0xFF for at in range(start, start + length))
    return bytes(data)


@boot_test
def ext2_o_direct(build_dir):
    """O_DIRECT on an ext2 file: new and mapped blocks, half a block, a hole
    inside the file, the tail past the last sector, EINVAL and EFAULT (fstest
    directfile); after umount, e2fsck finds nothing and the file on the disk
    is what was written."""
    folder = tempfile.mkdtemp(prefix="kernlab-ext2-direct-")
    try:
        image = make_image(folder, 1024, {"keep.txt": b"untouched\n"})
        drive = ["-drive", f"file={image},format=raw,if=ide"]
        with Shell(build_dir, extra_args=drive) as sh:
            out = sh.run("mount -t ext2 /dev/sda /mnt && echo mounted")
            expect("mounted" in out, f"mount failed:\n{out}")
            out = sh.run("fstest directfile /mnt/direct.bin; echo exit=$?", timeout=120)
            expect("FAIL" not in out and out.count("ok ") == 21 and "exit=0" in out, f"fstest directfile:\n{out}")
            unmount_and_power_off(sh)
        expect_fsck_clean(image)
        expect(debugfs_cat(image, "/direct.bin") == directfile_expected(), "the file on the disk is not what was written")
        expect(debugfs_cat(image, "/keep.txt") == b"untouched\n", "another file changed")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@boot_test
def ext2_partial_reads(build_dir):
    """Buffered reads at odd offsets across many cached blocks, and into a
    buffer whose end is unmapped: the bytes before the hole, then EFAULT; after
    its blocks went to another file, reads follow the file's new blocks
    (fstest partialread)."""
    folder = tempfile.mkdtemp(prefix="kernlab-ext2-partial-")
    try:
        image = make_image(folder, 1024, {})
        with Shell(build_dir, extra_args=["-drive", f"file={image},format=raw,if=ide"]) as sh:
            out = sh.run("mount -t ext2 /dev/sda /mnt && echo mounted")
            expect("mounted" in out, f"mount failed:\n{out}")
            out = sh.run("fstest partialread /mnt/file.bin; echo exit=$?", timeout=60)
            expect("FAIL" not in out and out.count("ok ") == 9 and "exit=0" in out, f"fstest partialread:\n{out}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@boot_test
def ext2_refuses_bad_images(build_dir):
    """A bad magic, an unsupported incompatible feature and garbage in the
    group descriptors: mount fails with an error, nothing crashes."""
    folder = tempfile.mkdtemp(prefix="kernlab-ext2-bad-")
    try:
        images = []
        for name, extra in [("badmagic", None), ("extents", ["-O", "extent"]), ("garbage", None)]:
            image = os.path.join(folder, f"{name}.img")
            with open(image, "wb") as out:
                out.truncate(8 * 1024 * 1024)
            made = host("mke2fs", "-q", "-t", "ext2", "-b", "1024", *(extra or []), "-F", image)
            expect(made.returncode == 0, f"mke2fs failed: {made.stderr.decode()}")
            with open(image, "r+b") as disk:
                if name == "badmagic":
                    disk.seek(1024 + 56)
                    disk.write(b"\x00\x00")          # s_magic
                elif name == "garbage":
                    disk.seek(2048)
                    disk.write(bytes(range(256)) * 4)  # the group descriptor block
            images.append(image)
        drives = []
        for index, image in enumerate(images):
            drives += ["-drive", f"file={image},format=raw,if=ide,index={index if index < 2 else 3}"]
        with Shell(build_dir, extra_args=drives) as sh:
            for device in ["/dev/sda", "/dev/sdb", "/dev/sdc"]:
                out = sh.run(f"mount -t ext2 {device} /mnt; echo status=$?")
                expect("status=0" not in out, f"{device}: a bad image was mounted:\n{out}")
            log = sh.run("dmesg | grep -i ext2")
            expect(re.search(r"magic|feature|group", log, re.I), f"no clear error in the log:\n{log}")
            expect(sh.run("echo alive").strip() == "alive", "the shell died")
            expect("Oops" not in sh.output(), "a bad image caused an oops")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
