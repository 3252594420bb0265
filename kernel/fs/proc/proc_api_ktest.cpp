// Self-test of the procfs API modules use (proc_create with proc_ops or
// file_operations, create_proc_entry, seq_file, proc_mkdir, removal), driven
// through the VFS as user space would.
#include "internal.h"
#include <kernel/completion.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/uaccess.h>
#include <libk/format.h>
#include <libk/string.h>
#include <libk/utility.h>
#include <linux/fcntl.h>
#include <linux/mm_types.h>
#include <linux/seq_file.h>
#include <linux/stat.h>

namespace {

// ---- a new-style entry, like the course's /proc/hello ----

struct HelloState {
    char text[32];
    size_t length;
    int opens;
    int releases;
};
constinit HelloState hello = {};

int hello_open(inode*, file* f)
{
    ++hello.opens;
    f->private_data = &hello;   // the driver's own
    return 0;
}

int hello_release(inode*, file*)
{
    ++hello.releases;
    return 0;
}

ssize_t hello_read(file* f, char __user* buffer, size_t count, loff_t* pos)
{
    auto* state = static_cast<HelloState*>(f->private_data);
    return simple_read_from_buffer(buffer, count, pos, state->text, state->length);
}

ssize_t hello_write(file* f, const char __user* buffer, size_t count, loff_t*)
{
    auto* state = static_cast<HelloState*>(f->private_data);
    size_t length = libk::min(count, sizeof(state->text));   // cut, never overflow
    if (copy_from_user(state->text, buffer, length))
        return -EFAULT;
    state->length = length;
    return static_cast<ssize_t>(count);
}

const file_operations hello_fops = {
    .owner = nullptr,
    .llseek = nullptr,
    .read = hello_read,
    .write = hello_write,
    .iterate_shared = nullptr,
    .poll = nullptr,
    .unlocked_ioctl = nullptr,
    .compat_ioctl = nullptr,
    .mmap = nullptr,
    .open = hello_open,
    .flush = nullptr,
    .release = hello_release,
};

// The same driver as Linux 5.6+ writes it.
const proc_ops hello_ops = {
    .proc_flags = 0,
    .proc_open = hello_open,
    .proc_read = hello_read,
    .proc_write = hello_write,
    .proc_lseek = nullptr,
    .proc_release = hello_release,
};

// ---- mmap, ioctl and llseek pass through to the driver ----

constinit vm_area_struct* mapped_vma = nullptr;
constinit file* mapped_file = nullptr;

int passthrough_mmap(file* f, vm_area_struct* vma)
{
    mapped_file = f;
    mapped_vma = vma;
    return 0;
}

long passthrough_ioctl(file*, unsigned int command, unsigned long argument)
{
    return command == 0x1234 ? static_cast<long>(argument + 1) : -ENOTTY;
}

const proc_ops passthrough_ops = {
    .proc_flags = 0,
    .proc_open = nullptr,
    .proc_read = nullptr,
    .proc_write = nullptr,
    .proc_lseek = nullptr,   // procfs's default: SEEK_END is relative to proc_set_size
    .proc_release = nullptr,
    .proc_poll = nullptr,
    .proc_ioctl = passthrough_ioctl,
    .proc_compat_ioctl = nullptr,
    .proc_mmap = passthrough_mmap,
};

// ---- 2.6-style proc_iops: .permission decides, not the mode bits ----

int read_only_permission(inode*, int mask, nameidata*)
{
    return mask & MAY_WRITE ? -EACCES : 0;   // even root may not write
}

const inode_operations read_only_iops = {
    .permission = read_only_permission,
};

// ---- 2.6-style read_proc/write_proc ----

constinit char old_text[64] = "old reader\n";

// *start left NULL: writes the whole file and lets procfs skip `offset`.
int old_read_proc(char* page, char**, off_t, int, int* eof, void* data)
{
    *eof = 1;
    return libk::snprintf(page, PAGE_SIZE, "%s", static_cast<const char*>(data));
}

int old_write_proc(file*, const char __user* buffer, unsigned long count, void* data)
{
    size_t length = libk::min(static_cast<size_t>(count), sizeof(old_text) - 1);
    if (copy_from_user(data, buffer, length))
        return -EFAULT;
    static_cast<char*>(data)[length] = '\0';
    return static_cast<int>(count);
}

// *start = page: a 10000-byte file produced in pieces of at most `count`.
constexpr int big_size = 10000;
char big_byte(long offset) { return static_cast<char>('a' + offset % 26); }

int big_read_proc(char* page, char** start, off_t offset, int count, int* eof, void*)
{
    if (offset >= big_size) {
        *eof = 1;
        return 0;
    }
    int n = libk::min(count, static_cast<int>(big_size - offset));
    for (int i = 0; i < n; ++i)
        page[i] = big_byte(offset + i);
    *start = page;
    return n;
}

// ---- seq_file ----

int single_show(seq_file* m, void*)
{
    seq_printf(m, "value=%d\n", *static_cast<int*>(m->private_data));
    return 0;
}

int single_value = 42;

int single_proc_open(inode* node, file* f)
{
    return single_open(f, single_show, PDE_DATA(node));
}

const proc_ops single_ops = {
    .proc_flags = 0,
    .proc_open = single_proc_open,
    .proc_read = seq_read,
    .proc_write = nullptr,
    .proc_lseek = seq_lseek,
    .proc_release = single_release,
};

constexpr long line_count = 1000;
constexpr long long_line = 500;         // one record bigger than a page: the buffer must grow
constexpr size_t long_line_length = 6000;

void* lines_start(seq_file*, loff_t* pos)
{
    return *pos < line_count ? reinterpret_cast<void*>(static_cast<long>(*pos) + 1) : nullptr;
}

void* lines_next(seq_file*, void*, loff_t* pos)
{
    ++*pos;
    return lines_start(nullptr, pos);
}

void lines_stop(seq_file*, void*) { }

int lines_show(seq_file* m, void* v)
{
    long index = reinterpret_cast<long>(v) - 1;
    if (index == long_line) {
        for (size_t i = 0; i < long_line_length; ++i)
            seq_putc(m, 'x');
        seq_putc(m, '\n');
        return 0;
    }
    seq_printf(m, "line %04ld of %ld\n", index, line_count);
    return 0;
}

const seq_operations lines_ops = { lines_start, lines_stop, lines_next, lines_show };

int lines_open(inode*, file* f)
{
    return seq_open(f, &lines_ops);
}

const proc_ops lines_proc_ops = {
    .proc_flags = 0,
    .proc_open = lines_open,
    .proc_read = seq_read,
    .proc_write = nullptr,
    .proc_lseek = seq_lseek,
    .proc_release = seq_release,
};

// The text lines_proc_ops must produce, generated independently.
size_t expected_lines(char* out, size_t size)
{
    size_t length = 0;
    for (long i = 0; i < line_count; ++i) {
        if (i == long_line) {
            for (size_t j = 0; j < long_line_length && length < size; ++j)
                out[length++] = 'x';
            if (length < size)
                out[length++] = '\n';
        } else {
            length += libk::scnprintf(out + length, size - length, "line %04ld of %ld\n", i, line_count);
        }
    }
    return length;
}

// ---- helpers ----

// Reads a whole file in `chunk`-byte reads into `buffer`, NUL-terminated; length or -errno.
long read_all(const char* path, char* buffer, size_t size, size_t chunk = 4096)
{
    auto opened = filp_open(path, O_RDONLY, 0);
    if (opened.is_error())
        return -opened.error().code();
    loff_t pos = 0;
    size_t total = 0;
    long result = 0;
    while (total < size - 1) {
        ssize_t n = kernel_read(opened.value(), buffer + total, libk::min(chunk, size - 1 - total), &pos);
        if (n < 0)
            result = n;
        if (n <= 0)
            break;
        total += static_cast<size_t>(n);
    }
    buffer[total] = '\0';
    fput(opened.value());
    return result < 0 ? result : static_cast<long>(total);
}

// As `echo text > path`: O_TRUNC included.
long write_text(const char* path, const char* text)
{
    auto opened = filp_open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (opened.is_error())
        return -opened.error().code();
    loff_t pos = 0;
    ssize_t n = kernel_write(opened.value(), text, libk::strlen(text), &pos);
    fput(opened.value());
    return n;
}

// The mode of `path` (0 with *error set when it does not resolve).
umode_t mode_of(const char* path, int* error = nullptr, uid_t* uid = nullptr)
{
    auto found = kern_path(path, 0);
    if (error)
        *error = found.is_error() ? -found.error().code() : 0;
    if (found.is_error())
        return 0;
    Path p = found.release_value();
    umode_t mode = p.node->i_mode;
    if (uid)
        *uid = p.node->i_uid;
    path_put(p);
    return mode;
}

int lookup_error(const char* path)
{
    int error = 0;
    mode_of(path, &error);
    return error;
}

struct Listing {
    dir_context ctx;
    const char* wanted;
    bool found;
};

bool listing_actor(dir_context* ctx, const char* name, int length, loff_t, u64, unsigned)
{
    auto* listing = reinterpret_cast<Listing*>(ctx);
    if (static_cast<size_t>(length) == libk::strlen(listing->wanted) && libk::memcmp(name, listing->wanted, length) == 0)
        listing->found = true;
    return true;
}

// Whether `ls dir` would show `name`.
bool listed(const char* dir, const char* name)
{
    auto opened = filp_open(dir, O_RDONLY | O_DIRECTORY, 0);
    if (opened.is_error())
        return false;
    Listing listing { { listing_actor, 0 }, name, false };
    opened.value()->f_op->iterate_shared(opened.value(), &listing.ctx);
    fput(opened.value());
    return listing.found;
}

} // namespace

KTEST(proc_api)
{
    char* buffer = static_cast<char*>(kmalloc(64 * 1024, GFP_KERNEL));
    char* expected = static_cast<char*>(kmalloc(64 * 1024, GFP_KERNEL));
    KTEST_EXPECT(buffer && expected);
    if (!buffer || !expected) {
        kfree(buffer);
        kfree(expected);
        return;
    }

    // proc_create: mode as ls shows it, read via simple_read_from_buffer, write stored.
    libk::strlcpy(hello.text, "hello reader!\n", sizeof(hello.text));
    hello.length = libk::strlen(hello.text);
    proc_dir_entry* hello_entry = proc_create("kl_hello", 0666, nullptr, &hello_ops);
    KTEST_EXPECT(hello_entry);
    KTEST_EXPECT(!proc_create("kl_hello", 0666, nullptr, &hello_ops));   // names are unique
    uid_t uid = 1;
    KTEST_EXPECT(mode_of("/proc/kl_hello", nullptr, &uid) == (S_IFREG | 0666) && uid == 0);
    KTEST_EXPECT(listed("/proc", "kl_hello"));
    KTEST_EXPECT(read_all("/proc/kl_hello", buffer, 4096) == 14 && libk::strcmp(buffer, "hello reader!\n") == 0);
    KTEST_EXPECT(hello.opens == 1 && hello.releases == 1);
    KTEST_EXPECT(write_text("/proc/kl_hello", "bye\n") == 4);
    KTEST_EXPECT(read_all("/proc/kl_hello", buffer, 4096) == 4 && libk::strcmp(buffer, "bye\n") == 0);
    // Longer than the driver's buffer: cut, not overflowed.
    KTEST_EXPECT(write_text("/proc/kl_hello", "0123456789012345678901234567890123456789") == 40);
    KTEST_EXPECT(read_all("/proc/kl_hello", buffer, 4096) == 32);

    // create_proc_entry with read_proc (*start NULL) and write_proc.
    proc_dir_entry* old_entry = create_proc_entry("kl_old", 0644, nullptr);
    KTEST_EXPECT(old_entry);
    if (old_entry) {
        old_entry->read_proc = old_read_proc;
        old_entry->write_proc = old_write_proc;
        old_entry->data = old_text;
    }
    KTEST_EXPECT(mode_of("/proc/kl_old") == (S_IFREG | 0644));
    KTEST_EXPECT(read_all("/proc/kl_old", buffer, 4096) == 11 && libk::strcmp(buffer, "old reader\n") == 0);
    KTEST_EXPECT(read_all("/proc/kl_old", buffer, 4096, 3) == 11 && libk::strcmp(buffer, "old reader\n") == 0);
    KTEST_EXPECT(write_text("/proc/kl_old", "12345\n") == 6);
    KTEST_EXPECT(read_all("/proc/kl_old", buffer, 4096) == 6 && libk::strcmp(buffer, "12345\n") == 0);

    // read_proc with *start = page, over several calls.
    proc_dir_entry* big_entry = create_proc_read_entry("kl_big", 0, nullptr, big_read_proc, nullptr);
    KTEST_EXPECT(big_entry && mode_of("/proc/kl_big") == (S_IFREG | 0444));
    KTEST_EXPECT(read_all("/proc/kl_big", buffer, 64 * 1024, 5000) == big_size);
    bool big_ok = true;
    for (long i = 0; i < big_size; ++i)
        big_ok = big_ok && buffer[i] == big_byte(i);
    KTEST_EXPECT(big_ok);
    KTEST_EXPECT(write_text("/proc/kl_big", "x") == -EIO);   // root may open it, but there is no write_proc
    // proc_iops' permission is asked instead of the mode bits (0644 would let root write).
    if (big_entry) {
        big_entry->mode = S_IFREG | 0644;
        big_entry->proc_iops = &read_only_iops;
    }
    KTEST_EXPECT(write_text("/proc/kl_big", "x") == -EACCES);
    KTEST_EXPECT(read_all("/proc/kl_big", buffer, 64 * 1024, 5000) == big_size);
    // 2.6: proc_root names /proc, and proc_fops set after create_proc_entry wins.
    proc_dir_entry* swapped = create_proc_entry("kl_swapped", 0444, &proc_root);
    if (swapped)
        swapped->proc_fops = &hello_fops;
    KTEST_EXPECT(swapped && read_all("/proc/kl_swapped", buffer, 4096) == 32);
    remove_proc_entry("kl_swapped", &proc_root);
    KTEST_EXPECT(lookup_error("/proc/kl_swapped") == -ENOENT);

    // single_open + seq_printf with the entry's data.
    proc_dir_entry* single_entry = proc_create_data("kl_single", 0, nullptr, &single_ops, &single_value);
    KTEST_EXPECT(single_entry);
    KTEST_EXPECT(read_all("/proc/kl_single", buffer, 4096) == 9 && libk::strcmp(buffer, "value=42\n") == 0);

    // A 1000-record iterator with one record larger than the first buffer.
    proc_dir_entry* lines_entry = proc_create("kl_lines", 0444, nullptr, &lines_proc_ops);
    KTEST_EXPECT(lines_entry);
    size_t expected_length = expected_lines(expected, 64 * 1024);
    KTEST_EXPECT(read_all("/proc/kl_lines", buffer, 64 * 1024) == static_cast<long>(expected_length));
    KTEST_EXPECT(libk::memcmp(buffer, expected, expected_length) == 0);
    KTEST_EXPECT(read_all("/proc/kl_lines", buffer, 64 * 1024, 100) == static_cast<long>(expected_length));
    KTEST_EXPECT(libk::memcmp(buffer, expected, expected_length) == 0);
    // Seeking replays the records up to the offset.
    if (auto opened = filp_open("/proc/kl_lines", O_RDONLY, 0); !opened.is_error()) {
        file* f = opened.value();
        KTEST_EXPECT(f->f_op->llseek(f, 20000, SEEK_SET) == 20000);
        loff_t pos = f->f_pos;
        KTEST_EXPECT(kernel_read(f, buffer, 50, &pos) == 50 && libk::memcmp(buffer, expected + 20000, 50) == 0);
        pos = 123;   // pread at another offset
        KTEST_EXPECT(kernel_read(f, buffer, 50, &pos) == 50 && libk::memcmp(buffer, expected + 123, 50) == 0);
        fput(f);
    } else {
        KTEST_EXPECT(!"open /proc/kl_lines");
    }

    // proc_mkdir with an entry, a path name and a symlink.
    proc_dir_entry* dir = proc_mkdir("kl_dir", nullptr);
    KTEST_EXPECT(dir && mode_of("/proc/kl_dir") == (S_IFDIR | 0555));
    proc_dir_entry* info = proc_create("info", 0444, dir, &hello_ops);
    // The file_operations form (what C's proc_create picks for one, before Linux 5.6).
    KTEST_EXPECT(info && __proc_create_fops_data("kl_dir/other", 0400, nullptr, &hello_fops, nullptr));
    KTEST_EXPECT(listed("/proc/kl_dir", "info") && listed("/proc/kl_dir", "other"));
    KTEST_EXPECT(mode_of("/proc/kl_dir/other") == (S_IFREG | 0400));
    KTEST_EXPECT(proc_symlink("kl_link", nullptr, "kl_dir/info"));
    KTEST_EXPECT(read_all("/proc/kl_link", buffer, 4096) == 32);

    // mmap, unlocked_ioctl and llseek reach the driver; size and owner come from the entry.
    proc_dir_entry* pass = proc_create("kl_dir/myinfo", 0444, nullptr, &passthrough_ops);
    KTEST_EXPECT(pass);
    if (pass) {
        proc_set_size(pass, 100);
        proc_set_user(pass, kuid_t { 1000 }, kgid_t { 100 });
        if (auto opened = filp_open("/proc/kl_dir/myinfo", O_RDONLY, 0); !opened.is_error()) {
            file* f = opened.value();
            KTEST_EXPECT(f->f_inode->i_size == 100 && f->f_inode->i_uid == 1000 && f->f_inode->i_gid == 100);
            vm_area_struct vma {};
            KTEST_EXPECT(f->f_op->mmap && f->f_op->mmap(f, &vma) == 0 && mapped_vma == &vma && mapped_file == f);
            KTEST_EXPECT(f->f_op->unlocked_ioctl(f, 0x1234, 41) == 42);
            KTEST_EXPECT(f->f_op->llseek(f, 1, SEEK_END) == 101);
            loff_t pos = 0;
            KTEST_EXPECT(kernel_read(f, buffer, 10, &pos) == -EIO);   // no read: -EIO as Linux
            fput(f);
        } else {
            KTEST_EXPECT(!"open /proc/kl_dir/myinfo");
        }
        // chmod sticks although the inode is built anew at each lookup.
        if (auto found = kern_path("/proc/kl_dir/myinfo", 0); !found.is_error()) {
            Path p = found.release_value();
            KTEST_EXPECT(!do_chmod(p, 0640).is_error());
            path_put(p);
        }
        KTEST_EXPECT(mode_of("/proc/kl_dir/myinfo") == (S_IFREG | 0640));
        proc_remove(pass);
        KTEST_EXPECT(lookup_error("/proc/kl_dir/myinfo") == -ENOENT);
    }

    // An open file outlives its entry: release runs at removal, then -EIO, no crash.
    int releases = hello.releases;
    auto held = filp_open("/proc/kl_hello", O_RDONLY, 0);
    KTEST_EXPECT(!held.is_error());
    remove_proc_entry("kl_hello", nullptr);
    KTEST_EXPECT(hello.releases == releases + (held.is_error() ? 0 : 1));
    KTEST_EXPECT(lookup_error("/proc/kl_hello") == -ENOENT);
    KTEST_EXPECT(!listed("/proc", "kl_hello"));
    if (!held.is_error()) {
        loff_t pos = 0;
        KTEST_EXPECT(kernel_read(held.value(), buffer, 100, &pos) == -EIO);
        fput(held.value());
        KTEST_EXPECT(hello.releases == releases + 1);   // not a second time
    }

    // Removal: every name goes away, directories with what is in them.
    remove_proc_entry("kl_old", nullptr);
    remove_proc_entry("kl_big", nullptr);
    proc_remove(single_entry);
    remove_proc_entry("kl_lines", nullptr);
    remove_proc_entry("kl_link", nullptr);
    remove_proc_entry("info", dir);
    KTEST_EXPECT(lookup_error("/proc/kl_dir/info") == -ENOENT);
    KTEST_EXPECT(lookup_error("/proc/kl_dir/other") == 0);
    remove_proc_entry("kl_dir", nullptr);   // not empty: warns, takes "other" with it
    KTEST_EXPECT(lookup_error("/proc/kl_dir/other") == -ENOENT);
    remove_proc_entry("other", dir);        // the module's later cleanup still finds it
    const char* const gone[] = { "/proc/kl_hello", "/proc/kl_old", "/proc/kl_big", "/proc/kl_single",
        "/proc/kl_lines", "/proc/kl_dir", "/proc/kl_link" };
    for (const char* path : gone)
        KTEST_EXPECT(lookup_error(path) == -ENOENT);
    KTEST_EXPECT(!listed("/proc", "kl_dir") && !listed("/proc", "kl_lines"));
    // A name can be used again once removed.
    proc_dir_entry* again = proc_mkdir("kl_dir", nullptr);
    KTEST_EXPECT(again && proc_create("x", 0, again, &hello_ops));
    KTEST_EXPECT(remove_proc_subtree("kl_dir", nullptr) == 0 && lookup_error("/proc/kl_dir") == -ENOENT);

    // /proc/interrupts: the PIT's line in Linux's layout.
    KTEST_EXPECT(read_all("/proc/interrupts", buffer, 4096) > 0);
    KTEST_EXPECT(libk::strncmp(buffer, "           CPU0", 15) == 0);
    KTEST_EXPECT(libk::strstr(buffer, "  0: ") && libk::strstr(buffer, "   XT-PIC  timer\n"));
    KTEST_EXPECT(read_all("/proc/stat", buffer, 4096) > 0 && libk::strstr(buffer, "\nintr "));

    kfree(buffer);
    kfree(expected);
}

// /proc/kmsg: consuming reads in syslog format, a blocked reader woken by printk.
KTEST(proc_kmsg)
{
    KTEST_EXPECT(mode_of("/proc/kmsg") == (S_IFREG | 0400));
    auto opened = filp_open("/proc/kmsg", O_RDONLY | O_NONBLOCK, 0);
    KTEST_EXPECT(!opened.is_error());
    if (opened.is_error())
        return;
    file* f = opened.value();
    char* buffer = static_cast<char*>(kmalloc(4096, GFP_KERNEL));
    // Drain what is there; the first record looks like "<6>[    0.000000] ...".
    loff_t pos = 0;
    ssize_t n = kernel_read(f, buffer, 4095, &pos);
    KTEST_EXPECT(n > 0 && buffer[0] == '<' && buffer[2] == '>' && buffer[3] == '[');
    while (kernel_read(f, buffer, 4095, &pos) > 0) { }
    KTEST_EXPECT(kernel_read(f, buffer, 4095, &pos) == -EAGAIN);

    // Blocking read: a thread printks a little later.
    f->f_flags &= ~O_NONBLOCK;
    kernel_thread([](void*) {
        msleep(30);
        printk(KERN_NOTICE "proc_kmsg: wake marker\n");
        return 0;
    }, nullptr, "kmsg_writer");
    // Other messages may come first; each read returns whole records.
    bool seen = false;
    for (int reads = 0; reads < 50 && !seen; ++reads) {
        n = kernel_read(f, buffer, 4095, &pos);
        KTEST_EXPECT(n > 0);
        if (n <= 0)
            break;
        buffer[n] = '\0';
        seen = libk::strstr(buffer, "<5>[") && libk::strstr(buffer, "] proc_kmsg: wake marker\n");
    }
    KTEST_EXPECT(seen);
    fput(f);
    kfree(buffer);
}
