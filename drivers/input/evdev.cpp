// evdev (Linux's drivers/input/evdev.c): every input device gets /dev/input/eventN
// (major 13, minor 64 + N). Each open file is a client with its own queue of
// struct input_event; read() returns whole packets (up to an EV_SYN), blocks
// until one is there unless O_NONBLOCK, and poll() says when. A client too slow
// to read loses the queue and finds EV_SYN/SYN_DROPPED in its place.
#include "input_core.h"

#include <kernel/initcall.h>
#include <kernel/mm.h>
#include <kernel/spinlock.h>
#include <kernel/uaccess.h>
#include <kernel/wait.h>
#include <libk/format.h>
#include <libk/string.h>
#include <libk/utility.h>
#include <linux/cdev.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/input.h>
#include <linux/major.h>
#include <linux/timekeeping.h>
#include <new>

namespace {

constexpr int EVDEV_MINOR_BASE = 64;
constexpr int EVDEV_MINORS = 32;
constexpr unsigned EVDEV_BUFFER_SIZE = 64;   // Linux's EVDEV_MIN_BUFFER_SIZE; a power of two

struct Evdev;

struct EvdevClient {
    unsigned head;          // where the next event goes
    unsigned tail;          // the next event to read
    unsigned packet_head;   // the end of the last complete packet: read() stops here
    SpinLock buffer_lock;
    Evdev* evdev;
    list_head node;
    struct input_event buffer[EVDEV_BUFFER_SIZE];
};

struct Evdev {
    int open;               // clients that opened the device
    int refcount;           // the input device's connection + each client
    input_handle handle;
    WaitQueue wait;
    SpinLock client_lock;   // client_list, from interrupts too
    list_head client_list;
    EvdevClient* grab;
    struct mutex mutex;
    bool exist;             // false once the input device is gone
    int minor;
    char name[16];
    struct cdev cdev;
    device* node;
};

constinit struct mutex evdev_table_mutex = {};
constinit bool minor_used[EVDEV_MINORS] = {};

void evdev_put(Evdev* evdev)
{
    mutex_lock(&evdev_table_mutex);
    bool last = --evdev->refcount == 0;
    if (last)
        minor_used[evdev->minor] = false;
    mutex_unlock(&evdev_table_mutex);
    if (last)
        kfree(evdev);
}

// Under the client's buffer lock: the queue is a ring; when it overflows the
// unread events go and EV_SYN/SYN_DROPPED takes their place (Linux's __pass_event).
void pass_event(EvdevClient* client, const struct input_event& event)
{
    client->buffer[client->head++] = event;
    client->head &= EVDEV_BUFFER_SIZE - 1;
    if (client->head == client->tail) {
        client->tail = (client->head - 2) & (EVDEV_BUFFER_SIZE - 1);
        struct input_event dropped {};
        dropped.input_event_sec = event.input_event_sec;
        dropped.input_event_usec = event.input_event_usec;
        dropped.type = EV_SYN;
        dropped.code = SYN_DROPPED;
        client->buffer[client->tail] = dropped;
        client->packet_head = client->tail;
    }
    if (event.type == EV_SYN && event.code == SYN_REPORT)
        client->packet_head = client->head;
}

// One packet for every client (or the grabbing one), all with the same time.
void evdev_events(input_handle* handle, const input_value* vals, unsigned int count)
{
    auto* evdev = static_cast<Evdev*>(handle->private_data);
    timespec64 now;
    ktime_get_real_ts64(&now);
    struct input_event event {};
    event.input_event_sec = static_cast<__kernel_ulong_t>(now.tv_sec);
    event.input_event_usec = static_cast<__kernel_ulong_t>(now.tv_nsec / 1000);

    bool wakeup = false;
    {
        SpinLockGuard guard(evdev->client_lock);
        EvdevClient* client;
        list_for_each_entry(client, &evdev->client_list, node) {
            if (evdev->grab && evdev->grab != client)
                continue;
            SpinLockGuard buffer_guard(client->buffer_lock);
            for (unsigned int i = 0; i < count; i++) {
                event.type = vals[i].type;
                event.code = vals[i].code;
                event.value = vals[i].value;
                pass_event(client, event);
            }
        }
        for (unsigned int i = 0; i < count; i++)
            if (vals[i].type == EV_SYN && vals[i].code == SYN_REPORT)
                wakeup = true;
    }
    if (wakeup)
        evdev->wait.wake_up_all();
}

bool has_packet(EvdevClient* client)
{
    SpinLockGuard guard(client->buffer_lock);
    return client->packet_head != client->tail;
}

bool fetch_next_event(EvdevClient* client, struct input_event& event)
{
    SpinLockGuard guard(client->buffer_lock);
    if (client->packet_head == client->tail)
        return false;
    event = client->buffer[client->tail++];
    client->tail &= EVDEV_BUFFER_SIZE - 1;
    return true;
}

int evdev_open(inode* node, file* f)
{
    Evdev* evdev = container_of(node->i_cdev, Evdev, cdev);
    auto* client = static_cast<EvdevClient*>(kzalloc(sizeof(EvdevClient), GFP_KERNEL));
    if (!client)
        return -ENOMEM;
    client->evdev = evdev;

    mutex_lock(&evdev->mutex);
    int error = evdev->exist ? 0 : -ENODEV;
    if (!error && evdev->open++ == 0) {
        error = input_open_device(&evdev->handle);
        if (error)
            evdev->open--;
    }
    if (!error) {
        SpinLockGuard guard(evdev->client_lock);
        list_add_tail(&client->node, &evdev->client_list);
    }
    mutex_unlock(&evdev->mutex);
    if (error) {
        kfree(client);
        return error;
    }
    mutex_lock(&evdev_table_mutex);
    evdev->refcount++;
    mutex_unlock(&evdev_table_mutex);
    f->private_data = client;
    return nonseekable_open(node, f);
}

int evdev_release(inode*, file* f)
{
    auto* client = static_cast<EvdevClient*>(f->private_data);
    Evdev* evdev = client->evdev;
    mutex_lock(&evdev->mutex);
    if (evdev->grab == client) {
        input_release_device(&evdev->handle);
        evdev->grab = nullptr;
    }
    {
        SpinLockGuard guard(evdev->client_lock);
        list_del(&client->node);
    }
    if (evdev->exist && --evdev->open == 0)
        input_close_device(&evdev->handle);
    mutex_unlock(&evdev->mutex);
    kfree(client);
    evdev_put(evdev);
    return 0;
}

ssize_t evdev_read(file* f, char __user* buffer, size_t count, loff_t*)
{
    auto* client = static_cast<EvdevClient*>(f->private_data);
    Evdev* evdev = client->evdev;
    if (count != 0 && count < sizeof(struct input_event))
        return -EINVAL;
    size_t done = 0;
    for (;;) {
        if (!evdev->exist)
            return -ENODEV;
        if (!has_packet(client) && (f->f_flags & O_NONBLOCK))
            return -EAGAIN;
        if (count == 0)   // a zero-length read only checks the above
            return 0;
        struct input_event event;
        while (done + sizeof(event) <= count && fetch_next_event(client, event)) {
            if (copy_to_user(buffer + done, &event, sizeof(event)))
                return -EFAULT;
            done += sizeof(event);
        }
        if (done)
            return static_cast<ssize_t>(done);
        if (int error = evdev->wait.wait_until_interruptible([&] { return has_packet(client) || !evdev->exist; }))
            return error;
    }
}

// Events written are injected into the device, as if it had sent them.
ssize_t evdev_write(file* f, const char __user* buffer, size_t count, loff_t*)
{
    auto* client = static_cast<EvdevClient*>(f->private_data);
    Evdev* evdev = client->evdev;
    if (count != 0 && count < sizeof(struct input_event))
        return -EINVAL;
    size_t done = 0;
    while (done + sizeof(struct input_event) <= count) {
        struct input_event event;
        if (copy_from_user(&event, buffer + done, sizeof(event)))
            return done ? static_cast<ssize_t>(done) : -EFAULT;
        mutex_lock(&evdev->mutex);
        if (!evdev->exist) {
            mutex_unlock(&evdev->mutex);
            return -ENODEV;
        }
        input_inject_event(&evdev->handle, event.type, event.code, event.value);
        mutex_unlock(&evdev->mutex);
        done += sizeof(event);
    }
    return static_cast<ssize_t>(done);
}

__poll_t evdev_poll(file* f, poll_table* table)
{
    auto* client = static_cast<EvdevClient*>(f->private_data);
    Evdev* evdev = client->evdev;
    poll_wait(f, &evdev->wait, table);
    __poll_t mask = evdev->exist ? EPOLLOUT | EPOLLWRNORM : EPOLLHUP | EPOLLERR;
    if (has_packet(client))
        mask |= EPOLLIN | EPOLLRDNORM;
    return mask;
}

// A bitmap of `maxbit` bits, as many bytes as both sides have; returns that length.
long bits_to_user(const unsigned long* bits, unsigned int maxbit, unsigned int maxlen, void __user* p)
{
    unsigned int length = libk::min(static_cast<unsigned int>(BITS_TO_LONGS(maxbit) * sizeof(long)), maxlen);
    return copy_to_user(p, bits, length) ? -EFAULT : static_cast<long>(length);
}

// A string with its NUL, cut to the buffer; -ENOENT when the device has none.
long str_to_user(const char* text, unsigned int maxlen, void __user* p)
{
    if (!text)
        return -ENOENT;
    unsigned int length = libk::min(static_cast<unsigned int>(libk::strlen(text) + 1), maxlen);
    return copy_to_user(p, text, length) ? -EFAULT : static_cast<long>(length);
}

long handle_eviocgbit(input_dev* dev, unsigned int type, unsigned int size, void __user* p)
{
    switch (type) {
    case 0: return bits_to_user(dev->evbit, EV_MAX, size, p);
    case EV_KEY: return bits_to_user(dev->keybit, KEY_MAX, size, p);
    case EV_REL: return bits_to_user(dev->relbit, REL_MAX, size, p);
    case EV_ABS: return bits_to_user(dev->absbit, ABS_MAX, size, p);
    case EV_MSC: return bits_to_user(dev->mscbit, MSC_MAX, size, p);
    case EV_LED: return bits_to_user(dev->ledbit, LED_MAX, size, p);
    case EV_SND: return bits_to_user(dev->sndbit, SND_MAX, size, p);
    case EV_FF: return bits_to_user(dev->ffbit, FF_MAX, size, p);
    case EV_SW: return bits_to_user(dev->swbit, SW_MAX, size, p);
    }
    return -EINVAL;
}

long evdev_do_ioctl(EvdevClient* client, unsigned int cmd, void __user* p)
{
    Evdev* evdev = client->evdev;
    input_dev* dev = evdev->handle.dev;
    switch (cmd) {
    case EVIOCGVERSION: {
        int version = EV_VERSION;
        return copy_to_user(p, &version, sizeof(version)) ? -EFAULT : 0;
    }
    case EVIOCGID:
        return copy_to_user(p, &dev->id, sizeof(dev->id)) ? -EFAULT : 0;
    case EVIOCGREP: {
        if (!test_bit(EV_REP, dev->evbit))
            return -ENOSYS;
        unsigned int rep[2] = { static_cast<unsigned>(dev->rep[REP_DELAY]), static_cast<unsigned>(dev->rep[REP_PERIOD]) };
        return copy_to_user(p, rep, sizeof(rep)) ? -EFAULT : 0;
    }
    case EVIOCGRAB: {
        if (p) {
            if (evdev->grab)
                return -EBUSY;
            if (long error = input_grab_device(&evdev->handle))
                return error;
            evdev->grab = client;
            return 0;
        }
        if (evdev->grab != client)
            return -EINVAL;
        input_release_device(&evdev->handle);
        evdev->grab = nullptr;
        return 0;
    }
    }

    // The variable-length requests: the length is in the command.
    if (_IOC_TYPE(cmd) != 'E' || _IOC_DIR(cmd) != _IOC_READ)
        return -EINVAL;
    unsigned int size = _IOC_SIZE(cmd);
    switch (_IOC_NR(cmd)) {
    case _IOC_NR(EVIOCGPROP(0)): return bits_to_user(dev->propbit, INPUT_PROP_MAX, size, p);
    case _IOC_NR(EVIOCGKEY(0)): return bits_to_user(dev->key, KEY_MAX, size, p);
    case _IOC_NR(EVIOCGLED(0)): return bits_to_user(dev->led, LED_MAX, size, p);
    case _IOC_NR(EVIOCGSND(0)): return bits_to_user(dev->snd, SND_MAX, size, p);
    case _IOC_NR(EVIOCGSW(0)): return bits_to_user(dev->sw, SW_MAX, size, p);
    case _IOC_NR(EVIOCGNAME(0)): return str_to_user(dev->name, size, p);
    case _IOC_NR(EVIOCGPHYS(0)): return str_to_user(dev->phys, size, p);
    case _IOC_NR(EVIOCGUNIQ(0)): return str_to_user(dev->uniq, size, p);
    }
    if ((_IOC_NR(cmd) & ~EV_MAX) == _IOC_NR(EVIOCGBIT(0, 0)))
        return handle_eviocgbit(dev, _IOC_NR(cmd) & EV_MAX, size, p);
    if ((_IOC_NR(cmd) & ~ABS_MAX) == _IOC_NR(EVIOCGABS(0))) {
        unsigned int axis = _IOC_NR(cmd) & ABS_MAX;
        if (!dev->absinfo || !test_bit(axis, dev->absbit))
            return -EINVAL;
        unsigned int length = libk::min(size, static_cast<unsigned int>(sizeof(input_absinfo)));
        return copy_to_user(p, &dev->absinfo[axis], length) ? -EFAULT : 0;
    }
    return -EINVAL;
}

long evdev_ioctl(file* f, unsigned int cmd, unsigned long arg)
{
    auto* client = static_cast<EvdevClient*>(f->private_data);
    Evdev* evdev = client->evdev;
    mutex_lock(&evdev->mutex);
    long result = evdev->exist ? evdev_do_ioctl(client, cmd, reinterpret_cast<void __user*>(arg)) : -ENODEV;
    mutex_unlock(&evdev->mutex);
    return result;
}

const file_operations evdev_fops = {
    .owner = nullptr,
    .llseek = no_llseek,
    .read = evdev_read,
    .write = evdev_write,
    .poll = evdev_poll,
    .unlocked_ioctl = evdev_ioctl,
    .compat_ioctl = evdev_ioctl,
    .open = evdev_open,
    .release = evdev_release,
};

int evdev_connect(input_handler* handler, input_dev* dev, const input_device_id*)
{
    mutex_lock(&evdev_table_mutex);
    int minor = -1;
    for (int i = 0; i < EVDEV_MINORS && minor < 0; i++)
        if (!minor_used[i])
            minor = i;
    if (minor >= 0)
        minor_used[minor] = true;
    mutex_unlock(&evdev_table_mutex);
    if (minor < 0) {
        printk(KERN_ERR "evdev: no more free evdev devices\n");
        return -ENFILE;
    }

    auto* evdev = static_cast<Evdev*>(kzalloc(sizeof(Evdev), GFP_KERNEL));
    if (!evdev) {
        mutex_lock(&evdev_table_mutex);
        minor_used[minor] = false;
        mutex_unlock(&evdev_table_mutex);
        return -ENOMEM;
    }
    new (&evdev->wait) WaitQueue();
    new (&evdev->client_lock) SpinLock();
    INIT_LIST_HEAD(&evdev->client_list);
    mutex_init(&evdev->mutex);
    evdev->exist = true;
    evdev->minor = minor;
    evdev->refcount = 1;
    libk::snprintf(evdev->name, sizeof(evdev->name), "event%d", minor);
    evdev->handle.dev = dev;
    evdev->handle.name = evdev->name;
    evdev->handle.handler = handler;
    evdev->handle.private_data = evdev;

    dev_t devt = MKDEV(INPUT_MAJOR, EVDEV_MINOR_BASE + minor);
    cdev_init(&evdev->cdev, &evdev_fops);
    int error = cdev_add(&evdev->cdev, devt, 1);
    if (error == 0) {
        evdev->node = device_create(input_class, &dev->dev, devt, evdev, "%s", evdev->name);
        if (IS_ERR(evdev->node)) {
            error = static_cast<int>(PTR_ERR(evdev->node));
            cdev_del(&evdev->cdev);
        }
    }
    if (error) {
        evdev_put(evdev);
        return error;
    }
    input_register_handle(&evdev->handle);
    return 0;
}

// The input device is going: open files get -ENODEV (and POLLHUP) from now on,
// the node goes; the memory stays until the last file is closed.
void evdev_disconnect(input_handle* handle)
{
    auto* evdev = static_cast<Evdev*>(handle->private_data);
    mutex_lock(&evdev->mutex);
    evdev->exist = false;
    if (evdev->grab) {
        input_release_device(handle);
        evdev->grab = nullptr;
    }
    if (evdev->open)
        input_close_device(handle);
    mutex_unlock(&evdev->mutex);
    evdev->wait.wake_up_all();
    device_destroy(input_class, evdev->node->devt);
    cdev_del(&evdev->cdev);
    input_unregister_handle(handle);
    evdev_put(evdev);
}

// Every device: the one entry matches all (driver_info without flags).
const input_device_id evdev_ids[] = {
    { .flags = 0, .bustype = 0, .vendor = 0, .product = 0, .version = 0, .evbit = {}, .keybit = {}, .driver_info = 1 },
    {},
};

constinit input_handler evdev_handler = {
    .private_data = nullptr,
    .event = nullptr,
    .events = evdev_events,
    .match = nullptr,
    .connect = evdev_connect,
    .disconnect = evdev_disconnect,
    .start = nullptr,
    .legacy_minors = true,
    .minor = EVDEV_MINOR_BASE,
    .name = "evdev",
    .id_table = evdev_ids,
    .h_list = {},
    .node = {},
};

int evdev_init()
{
    return input_register_handler(&evdev_handler);
}
device_initcall(evdev_init);

} // namespace
