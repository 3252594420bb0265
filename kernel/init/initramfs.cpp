// The initramfs: GRUB hands over cpio "newc" archives as the first boot
// module, each plain or gzip-compressed; populate_rootfs() unpacks them into
// the root ramfs (Linux's init/initramfs.c).
#include <arch/x86.h>
#include <kernel/init.h>
#include <kernel/mm.h>
#include <kernel/vfs.h>
#include <libk/cpio.h>
#include <libk/inflate.h>
#include <libk/string.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/printk.h>
#include <linux/stat.h>

namespace {

// Hard links: newc repeats the inode number, and only the last copy carries the data.
struct HardLink {
    uint32_t ino;
    char path[128];
};
constexpr size_t max_hard_links = 64;

struct Unpacker {
    char path[PATH_MAX];
    HardLink links[max_hard_links];
    size_t link_count;
    unsigned files, directories, others, failures;
};

// "./etc/passwd", "/etc/passwd" and "etc/passwd" all become "/etc/passwd";
// false for the archive's "." itself.
bool make_path(const libk::CpioEntry& entry, char* out, size_t size)
{
    libk::StringView name = entry.name;
    while (name.starts_with("./"))
        name = name.substring(2);
    while (name.starts_with("/"))
        name = name.substring(1);
    if (name.is_empty() || name == libk::StringView("."))
        return false;
    if (name.length() + 2 > size)
        return false;
    out[0] = '/';
    name.copy_to(out + 1, size - 1);
    return true;
}

// Sets the owner, exact mode (no umask) and modification time from the archive.
void set_attributes(const char* path, const libk::CpioEntry& entry, bool set_mode)
{
    auto found = kern_path(path, 0);
    if (found.is_error())
        return;
    Path p = found.release_value();
    (void)do_chown(p, entry.uid, entry.gid);
    if (set_mode)
        (void)do_chmod(p, static_cast<umode_t>(entry.mode & 07777));
    timespec64 mtime { entry.mtime, 0 };
    (void)do_utimes(p, &mtime, &mtime);
    path_put(p);
}

int write_file(const char* path, const libk::CpioEntry& entry)
{
    auto opened = filp_open(path, O_WRONLY | O_CREAT | O_TRUNC, static_cast<umode_t>(entry.mode & 07777));
    if (opened.is_error())
        return -opened.error().code();
    file* f = opened.value();
    loff_t pos = 0;
    size_t done = 0;
    int result = 0;
    while (done < entry.data_size) {
        ssize_t n = kernel_write(f, entry.data + done, entry.data_size - done, &pos);
        if (n <= 0) {
            result = n < 0 ? static_cast<int>(n) : -EIO;
            break;
        }
        done += static_cast<size_t>(n);
    }
    fput(f);
    return result;
}

int unpack_regular(Unpacker& u, const libk::CpioEntry& entry)
{
    if (entry.nlink > 1) {
        for (size_t i = 0; i < u.link_count; ++i) {
            if (u.links[i].ino != entry.ino)
                continue;
            (void)do_unlinkat(-100, u.path);
            auto linked = do_linkat(-100, u.links[i].path, -100, u.path, 0);
            if (linked.is_error())
                return -linked.error().code();
            return entry.data_size ? write_file(u.path, entry) : 0;
        }
        if (u.link_count < max_hard_links) {
            u.links[u.link_count].ino = entry.ino;
            libk::strlcpy(u.links[u.link_count].path, u.path, sizeof(u.links[0].path));
            ++u.link_count;
        }
    }
    (void)do_unlinkat(-100, u.path);   // a later archive replaces a file of an earlier one
    return write_file(u.path, entry);
}

int unpack_entry(Unpacker& u, const libk::CpioEntry& entry)
{
    if (!make_path(entry, u.path, sizeof(u.path)))
        return 0;
    umode_t mode = static_cast<umode_t>(entry.mode);
    switch (mode & S_IFMT) {
    case S_IFDIR: {
        auto made = do_mkdirat(-100, u.path, mode & 07777);
        if (made.is_error() && made.error().code() != EEXIST)
            return -made.error().code();
        ++u.directories;
        break;
    }
    case S_IFREG:
        if (int error = unpack_regular(u, entry); error < 0)
            return error;
        ++u.files;
        break;
    case S_IFLNK: {
        if (entry.data_size == 0 || entry.data_size >= PATH_MAX)
            return -EINVAL;
        char* target = static_cast<char*>(kmalloc(entry.data_size + 1, GFP_KERNEL));
        if (!target)
            return -ENOMEM;
        libk::memcpy(target, entry.data, entry.data_size);
        target[entry.data_size] = '\0';
        (void)do_unlinkat(-100, u.path);
        auto made = do_symlinkat(target, -100, u.path);
        kfree(target);
        if (made.is_error())
            return -made.error().code();
        ++u.others;
        // Symlinks: owner only (lchown); their mode is always 0777.
        auto found = kern_path(u.path, 0);
        if (!found.is_error()) {
            Path p = found.release_value();
            (void)do_chown(p, entry.uid, entry.gid);
            path_put(p);
        }
        return 0;
    }
    case S_IFCHR:
    case S_IFBLK:
    case S_IFIFO:
    case S_IFSOCK: {
        (void)do_unlinkat(-100, u.path);
        auto made = do_mknodat(-100, u.path, mode, MKDEV(entry.rdev_major, entry.rdev_minor));
        if (made.is_error())
            return -made.error().code();
        ++u.others;
        break;
    }
    default:
        return -EINVAL;
    }
    set_attributes(u.path, entry, true);
    return 0;
}

// A run of uncompressed archives, entry by entry into the root.
void unpack_archives(Unpacker& u, const void* data, size_t size)
{
    libk::CpioReader reader(data, size);
    libk::CpioEntry entry {};
    while (reader.next(entry)) {
        if (int error = unpack_entry(u, entry); error < 0) {
            ++u.failures;
            pr_warn("initramfs: %.*s: error %d\n", static_cast<int>(entry.name.length()), entry.name.data(), error);
        }
    }
    if (reader.error() != libk::CpioError::None)
        pr_err("Initramfs unpacking failed: %s at offset %u\n", libk::cpio_error_string(reader.error()),
            static_cast<unsigned>(reader.offset()));
}

uint32_t little_endian32(const uint8_t* p)
{
    return static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 | static_cast<uint32_t>(p[2]) << 16
        | static_cast<uint32_t>(p[3]) << 24;
}

// Decompresses the gzip member at `data` and unpacks what it holds; the bytes
// the member took, or 0 after an error. The output's size is the trailer's
// when the member is the module's last (the common case); otherwise a guess,
// doubled while it is too small.
size_t unpack_gzip(Unpacker& u, const uint8_t* data, size_t size)
{
    constexpr size_t max_output = 256ul << 20;
    size_t room = size >= 18 ? little_endian32(data + size - 4) : 0;
    if (room < size || room > max_output)
        room = 4 * size;
    for (;;) {
        auto* out = static_cast<uint8_t*>(vmalloc(room ? room : 1));
        if (!out) {
            pr_err("Initramfs unpacking failed: no memory for %u bytes\n", static_cast<unsigned>(room));
            return 0;
        }
        size_t consumed = 0, produced = 0;
        libk::InflateError error = libk::gunzip(data, size, out, room, &consumed, &produced);
        if (error == libk::InflateError::OutputFull && room < max_output) {
            vfree(out);
            room *= 2;
            continue;
        }
        if (error != libk::InflateError::None) {
            pr_err("Initramfs unpacking failed: %s\n", libk::inflate_error_string(error));
            vfree(out);
            return 0;
        }
        unpack_archives(u, out, produced);
        vfree(out);
        return consumed;
    }
}

} // namespace

void populate_rootfs()
{
    const libk::BootInfo& info = boot_params.boot_info;
    if (info.module_count == 0) {
        pr_info("initramfs: none given by the boot loader\n");
        return;
    }
    const libk::BootModule& module = info.modules[0];
    size_t size = module.end - module.start;
    if (!phys_range_is_mapped(module.start, size)) {
        pr_err("initramfs: %u bytes at %08x are not mapped, skipped\n", static_cast<unsigned>(size), module.start);
        return;
    }
    const void* data = arch::phys_to_virt(module.start);
    pr_info("Trying to unpack rootfs image as initramfs... %u bytes at %08x\n", static_cast<unsigned>(size), module.start);
    auto* u = static_cast<Unpacker*>(kzalloc(sizeof(Unpacker), GFP_KERNEL));
    if (!u) {
        pr_err("initramfs: out of memory\n");
        return;
    }
    // Archives one after another, as Linux's unpack_to_rootfs takes them: a
    // gzip member at a time, or plain archives to the end (CpioReader reads a
    // run of those, with the zero padding between them).
    const auto* bytes = static_cast<const uint8_t*>(data);
    size_t at = 0;
    while (at < size) {
        if (bytes[at] == 0) {
            ++at;
            continue;
        }
        if (!libk::is_gzip(bytes + at, size - at)) {
            unpack_archives(*u, bytes + at, size - at);
            break;
        }
        size_t used = unpack_gzip(*u, bytes + at, size - at);
        if (used == 0)
            break;
        at += used;
    }
    pr_info("initramfs: unpacked %u files, %u directories, %u other entries (%u failed)\n", u->files,
        u->directories, u->others, u->failures);
    kfree(u);
}
