// The memory char devices of major 1: /dev/null, /dev/zero, /dev/full,
// /dev/random and /dev/urandom (and /dev/kmsg, see kmsg.cpp), as Linux's drivers/char/mem.c.
#include <kernel/initcall.h>
#include <kernel/random.h>
#include <kernel/uaccess.h>
#include <linux/cdev.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/printk.h>

extern const struct file_operations kmsg_fops;

namespace {

constexpr unsigned MEM_MAJOR = 1;

ssize_t read_null(file*, char __user*, size_t, loff_t*)
{
    return 0;
}

ssize_t write_null(file*, const char __user*, size_t count, loff_t*)
{
    return static_cast<ssize_t>(count);
}

loff_t null_lseek(file* f, loff_t, int)
{
    return f->f_pos = 0;
}

ssize_t read_zero(file*, char __user* buffer, size_t count, loff_t*)
{
    size_t left = clear_user(buffer, count);
    if (left == count && count)
        return -EFAULT;
    return static_cast<ssize_t>(count - left);
}

ssize_t write_full(file*, const char __user*, size_t, loff_t*)
{
    return -ENOSPC;
}

// Both read the kernel's generator (kernel/random.h; not cryptographic, say so
// to students). Writes are accepted and dropped: there is no pool to mix them into.
ssize_t read_random(file*, char __user* buffer, size_t count, loff_t*)
{
    size_t done = 0;
    while (done < count) {
        uint8_t chunk[64];
        size_t n = count - done < sizeof(chunk) ? count - done : sizeof(chunk);
        get_random_bytes(chunk, n);
        if (copy_to_user(buffer + done, chunk, n))
            return done ? static_cast<ssize_t>(done) : -EFAULT;
        done += n;
    }
    return static_cast<ssize_t>(done);
}

ssize_t write_random(file*, const char __user*, size_t count, loff_t*)
{
    return static_cast<ssize_t>(count);
}

__poll_t random_poll(file*, poll_table*)
{
    return EPOLLIN | EPOLLRDNORM | EPOLLOUT | EPOLLWRNORM;
}

const file_operations null_fops = {
    .owner = nullptr,
    .llseek = null_lseek,
    .read = read_null,
    .write = write_null,
};

const file_operations zero_fops = {
    .owner = nullptr,
    .llseek = noop_llseek,
    .read = read_zero,
    .write = write_null,
};

const file_operations full_fops = {
    .owner = nullptr,
    .llseek = noop_llseek,
    .read = read_zero,
    .write = write_full,
};

const file_operations random_fops = {
    .owner = nullptr,
    .llseek = noop_llseek,
    .read = read_random,
    .write = write_random,
    .poll = random_poll,
};

struct MemDevice {
    const char* name;
    unsigned minor;
    umode_t mode;
    const file_operations* fops;
};

const MemDevice devices[] = {
    { "null", 3, 0666, &null_fops },
    { "zero", 5, 0666, &zero_fops },
    { "full", 7, 0666, &full_fops },
    { "random", 8, 0666, &random_fops },
    { "urandom", 9, 0666, &random_fops },
    { "kmsg", 11, 0644, &kmsg_fops },
};

// One major for all of them: open picks the minor's fops (Linux's memory_open).
int memory_open(inode* node, file* f)
{
    for (const MemDevice& device : devices) {
        if (device.minor == iminor(node)) {
            f->f_op = device.fops;
            return f->f_op->open ? f->f_op->open(node, f) : 0;
        }
    }
    return -ENXIO;
}

const file_operations memory_fops = {
    .owner = nullptr,
    .llseek = nullptr,
    .open = memory_open,
};

int chr_dev_init()
{
    if (int error = register_chrdev(MEM_MAJOR, "mem", &memory_fops); error < 0) {
        pr_err("unable to get major %u for memory devs\n", MEM_MAJOR);
        return error;
    }
    for (const MemDevice& device : devices)
        devtmpfs_create_node(device.name, static_cast<umode_t>(S_IFCHR | device.mode), MKDEV(MEM_MAJOR, device.minor));
    return 0;
}

} // namespace

fs_initcall(chr_dev_init);
