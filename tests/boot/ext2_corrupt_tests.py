"""Boot tests of ext2 on corrupt images, made on the host with mke2fs and
debugfs -w and patched with Python: a file whose i_size is 2^63-1, directory
entries with rec_len 0 or past the block, block and inode numbers outside the
file system, an indirect block that points at itself, garbage modes and link
counts, and random bytes in the inode table. Every access must end with an
error ("EXT2-fs error (device sda): function: ...", as Linux logs it) or data,
never hang or oops; umount must work afterwards."""

import os
import random
import re
import shutil
import struct
import subprocess
import tempfile
import time

from checks import KERNEL_LINE, expect_no_trouble
from registry import boot_test, expect
from shell import Shell

BLOCK = 1024
# (12 + 256 + 256^2 + 256^3) blocks of 1 KiB: what the block map can address.
MAX_BYTES = (12 + 256 + 256 ** 2 + 256 ** 3) * BLOCK


def host(*command):
    result = subprocess.run(command, capture_output=True, check=False, text=True)
    return result


def debugfs(image, commands):
    script = image + ".cmds"
    with open(script, "w") as out:
        out.write("\n".join(commands) + "\n")
    done = host("debugfs", "-w", "-f", script, image)
    expect(done.returncode == 0, f"debugfs failed: {done.stderr}")
    return done.stdout


def block_of(image, path, logical=0):
    out = host("debugfs", "-R", f"bmap {path} {logical}", image).stdout.strip()
    return int(out.split()[-1])


def inode_of(image, path):
    out = host("debugfs", "-R", f"stat {path}", image).stdout
    return int(re.search(r"Inode: (\d+)", out).group(1))


def patch(image, offset, data):
    with open(image, "r+b") as disk:
        disk.seek(offset)
        disk.write(data)


def new_image(folder, name, size_mib=8):
    image = os.path.join(folder, f"{name}.img")
    with open(image, "wb") as out:
        out.truncate(size_mib * 1024 * 1024)
    made = host("mke2fs", "-q", "-t", "ext2", "-b", str(BLOCK), "-F", image)
    expect(made.returncode == 0, f"mke2fs failed: {made.stderr}")
    return image


def source_file(folder, name, data):
    path = os.path.join(folder, name)
    with open(path, "wb") as out:
        out.write(data)
    return path


def guest(sh, command, timeout=120):
    """Runs `command`; a hang fails the test through the timeout."""
    return KERNEL_LINE.sub("", sh.run(command, timeout=timeout)).strip()


def mount(sh, device):
    out = guest(sh, f"mount -t ext2 {device} /mnt && echo mounted")
    expect("mounted" in out, f"mount {device} failed:\n{out}")


def umount(sh):
    out = guest(sh, "umount /mnt && echo unmounted")
    expect("unmounted" in out, f"umount failed:\n{out}")


@boot_test
def ext2_huge_sparse_file(build_dir):
    """A file of i_size 2^63-1 with no blocks and a 1 GiB sparse file: reading
    a GiB of hole is copying zeros (one block-map lookup per missing indirect
    block), and reads end at the largest size the block map can address
    (s_maxbytes, as Linux's generic read does)."""
    folder = tempfile.mkdtemp(prefix="kernlab-ext2-huge-")
    try:
        image = new_image(folder, "huge")
        debugfs(image, ["write /dev/null huge", "sif huge size 0x7FFFFFFFFFFFFFFF"])
        with Shell(build_dir, extra_args=["-drive", f"file={image},format=raw,if=ide"]) as sh:
            mount(sh, "/dev/sda")
            listing = guest(sh, "ls -la /mnt/huge")
            expect("9223372036854775807" in listing, f"ls -la:\n{listing}")
            started = time.monotonic()
            out = guest(sh, "dd if=/mnt/huge of=/dev/null bs=1M count=1024 2>&1", timeout=300)
            huge_seconds = time.monotonic() - started
            expect("1024+0 records out" in out, f"dd of 1 GiB of /mnt/huge:\n{out}")
            # The last MiBs below s_maxbytes, then end of file.
            skip = MAX_BYTES // (1024 * 1024) - 1
            out = guest(sh, f"dd if=/mnt/huge bs=1M skip={skip} 2>/dev/null | wc -c", timeout=120)
            expect(out.split()[-1] == str(MAX_BYTES - skip * 1024 * 1024), f"bytes before s_maxbytes: {out}")
            # A sparse file made in the guest: one byte at 1 GiB - 1.
            guest(sh, "dd if=/dev/zero of=/mnt/sparse bs=1 count=1 seek=1073741823 2>/dev/null")
            started = time.monotonic()
            out = guest(sh, "dd if=/mnt/sparse of=/dev/null bs=1M 2>&1", timeout=300)
            sparse_seconds = time.monotonic() - started
            expect("1024+0 records out" in out, f"dd of /mnt/sparse:\n{out}")
            # The yardstick: the same GiB of zeros from /dev/zero (clear_user as well).
            started = time.monotonic()
            guest(sh, "dd if=/dev/zero of=/dev/null bs=1M count=1024 2>&1", timeout=300)
            zero_seconds = time.monotonic() - started
            umount(sh)
            expect_no_trouble(sh)
        print(f"    1 GiB of hole: {huge_seconds:.1f} s (no blocks), {sparse_seconds:.1f} s (sparse file);"
              f" /dev/zero {zero_seconds:.1f} s")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def corrupt_metadata_image(folder):
    """One image, one corruption per name (see the module docstring)."""
    image = new_image(folder, "corrupt")
    data = source_file(folder, "data", b"x" * (20 * BLOCK))   # reaches the indirect block
    small = source_file(folder, "small", b"intact file\n")
    names = ["d_rec0", "d_recpast", "d_badino", "d_resino", "d_bigsize"]
    commands = [f"mkdir {name}" for name in names]
    commands += ["write %s d_badino/victim" % small, "write %s d_resino/victim" % small]
    for name in ["f_badblock", "f_badind", "f_cycle", "f_mode", "f_links", "intact"]:
        commands.append(f"write {data if name in ('f_cycle', 'f_badind') else small} {name}")
    commands.append("symlink l_badsize /intact")
    commands += [
        "sif f_badblock block[0] 0x7FFFFFF0",
        "sif f_badind block[IND] 0x00FFFFFF",
        "sif f_mode mode 0170777",
        "sif f_links links_count 0",
        "sif d_bigsize size 0xFFFFFFF0",
        "sif l_badsize size 5000",
    ]
    debugfs(image, commands)
    # "." is at 0 (rec_len 12), ".." at 12, the first file at 24.
    patch(image, block_of(image, "/d_rec0") * BLOCK + 4, struct.pack("<H", 0))
    patch(image, block_of(image, "/d_recpast") * BLOCK + 16, struct.pack("<H", 2000))
    patch(image, block_of(image, "/d_badino") * BLOCK + 24, struct.pack("<I", 0x00FFFFFF))
    patch(image, block_of(image, "/d_resino") * BLOCK + 24, struct.pack("<I", 5))
    # The indirect block's first pointer is the indirect block itself.
    stat = host("debugfs", "-R", "stat /f_cycle", image).stdout
    indirect = int(re.search(r"\(IND\):(\d+)", stat).group(1))
    patch(image, indirect * BLOCK, struct.pack("<I", indirect))
    return image


@boot_test
def ext2_corrupt_metadata(build_dir):
    """Each corruption gives an error, not a hang: ls -la of the root and of
    every directory, cat of every file, rm of the self-referencing file; the
    log has Linux's "EXT2-fs error (device sda): function: ..." lines; umount
    works and e2fsck then finds the errors flag set."""
    folder = tempfile.mkdtemp(prefix="kernlab-ext2-corrupt-")
    try:
        image = corrupt_metadata_image(folder)
        with Shell(build_dir, extra_args=["-drive", f"file={image},format=raw,if=ide"]) as sh:
            mount(sh, "/dev/sda")
            listing = guest(sh, "ls -la /mnt")
            expect("intact" in listing, f"ls -la /mnt:\n{listing}")
            # busybox ls ignores a failing readdir (so would it on Linux): the log says it.
            for name in ["d_rec0", "d_recpast", "d_badino", "d_resino", "d_bigsize"]:
                out = sh.run(f"ls -la /mnt/{name}; echo status=$?", timeout=120)
                expect("EXT2-fs error (device sda): " in out, f"ls -la /mnt/{name} gave no error:\n{out}")
            for name in ["f_badblock", "f_badind", "f_mode", "f_links", "d_badino/victim", "d_resino/victim"]:
                out = guest(sh, f"cat /mnt/{name} > /dev/null; echo status=$?")
                expect("status=0" not in out, f"cat /mnt/{name} succeeded:\n{out}")
            expect(guest(sh, "cat /mnt/intact") == "intact file", "the intact file is unreadable")
            guest(sh, "cat /mnt/f_cycle > /dev/null; readlink /mnt/l_badsize; rm -f /mnt/f_cycle")
            log = sh.run("dmesg | grep 'EXT2-fs error'")
            for function in ["ext2_check_page", "dir_block", "ext2_bread", "ext2_get_block", "ext2_iget",
                             "ext2_readlink"]:
                expect(re.search(rf"EXT2-fs error \(device sda\): {function}: ", log),
                       f"no EXT2-fs error from {function}:\n{log}")
            umount(sh)
            expect_no_trouble(sh)
            sh.send("poweroff\r")
            sh.qemu.wait_exit(timeout=60)
        state = host("dumpe2fs", "-h", image).stdout
        expect(re.search(r"Filesystem state:.*with errors", state), f"the errors flag is not set:\n{state[:600]}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def random_image(folder, seed):
    """A small tree, then random bytes over the used part of the inode table
    and the root directory's block."""
    rng = random.Random(seed)
    image = new_image(folder, f"random{seed}", size_mib=4)
    commands = ["mkdir a", "mkdir a/b", "mkdir c"]
    for index in range(12):
        path = source_file(folder, f"file{index}", rng.randbytes(rng.choice([10, 3000, 40000])))
        commands.append(f"write {path} {rng.choice(['', 'a/', 'a/b/', 'c/'])}f{index}")
    commands += ["symlink a/link /c", "symlink c/longlink /" + "x" * 100]
    debugfs(image, commands)
    table = int(re.search(r"Inode table at (\d+)", host("dumpe2fs", image).stdout).group(1))
    inode_size = 256
    used = 32 * inode_size   # inodes 1-32: the root, lost+found and the tree
    for _ in range(rng.randint(40, 120)):
        patch(image, table * BLOCK + rng.randrange(used), bytes([rng.randrange(256)]))
    root = block_of(image, "/") if rng.random() < 0.5 else None
    if root:
        for _ in range(rng.randint(1, 8)):
            patch(image, root * BLOCK + rng.randrange(BLOCK), bytes([rng.randrange(256)]))
    return image


@boot_test
def ext2_random_corruption(build_dir):
    """Five images (seeds 1-5) with random bytes in the inode table and the
    root directory: mount (or a refusal), ls -laR, cat of every file, umount.
    Each step must come back with data or an error; nothing hangs or oopses."""
    folder = tempfile.mkdtemp(prefix="kernlab-ext2-random-")
    try:
        images = [random_image(folder, seed) for seed in range(1, 6)]
        for batch in (images[:3], images[3:]):
            drives = []
            for index, image in enumerate(batch):
                drives += ["-drive", f"file={image},format=raw,if=ide,index={index if index < 2 else 3}"]
            with Shell(build_dir, extra_args=drives) as sh:
                for device in ["/dev/sda", "/dev/sdb", "/dev/sdc"][:len(batch)]:
                    out = guest(sh, f"mount -t ext2 {device} /mnt && echo mounted")
                    if "mounted" not in out:
                        continue   # a refusal is an answer too
                    guest(sh, "ls -laR /mnt > /dev/null 2>&1; echo listed", timeout=180)
                    # The first MiB of each: a garbage i_size_high makes a file of up to
                    # s_maxbytes (16 GiB of holes, minutes under TCG; ext2_huge_sparse_file
                    # reads holes at length), and every real file here is smaller.
                    guest(sh, "for f in $(find /mnt -type f); do head -c 1048576 $f; done > /dev/null 2>&1;"
                          " echo read", timeout=180)
                    guest(sh, "find /mnt -type l -exec readlink {} + > /dev/null 2>&1; echo links")
                    umount(sh)
                expect(guest(sh, "echo alive") == "alive", "the shell died")
                expect_no_trouble(sh)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
