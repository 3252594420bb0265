// The input core (include/linux/input.h, Linux's drivers/input/input.c): drivers
// register input devices and report events; the core keeps each device's state
// (keys down, LEDs), drops events that change nothing, repeats held keys, and
// hands every packet (the events up to an EV_SYN) to the handlers connected to
// the device. /proc/bus/input/devices and handlers list both sides.
#include "input_core.h"

#include <kernel/initcall.h>
#include <kernel/mm.h>
#include <kernel/proc.h>
#include <libk/format.h>
#include <libk/string.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/input.h>
#include <linux/jiffies.h>
#include <linux/kdev_t.h>
#include <linux/major.h>

device_class* input_class = nullptr;

namespace {

// What one event does (Linux's input_get_disposition).
constexpr unsigned INPUT_IGNORE_EVENT = 0;
constexpr unsigned INPUT_PASS_TO_HANDLERS = 1;
constexpr unsigned INPUT_PASS_TO_DEVICE = 2;
constexpr unsigned INPUT_FLUSH = 4;
constexpr unsigned INPUT_PASS_TO_ALL = INPUT_PASS_TO_HANDLERS | INPUT_PASS_TO_DEVICE;

constexpr unsigned input_max_char_devices = 1024;

// Devices and handlers are added and removed under this mutex; events take only
// the device's event_lock, since they come from interrupts.
constinit struct mutex input_mutex = {};
constinit LIST_HEAD(input_dev_list);
constinit LIST_HEAD(input_handler_list);
// input%d numbers are never reused, as in Linux.
constinit int input_no = 0;

bool is_event_supported(unsigned int code, const unsigned long* bits, unsigned int max)
{
    return code <= max && test_bit(code, bits);
}

// Hands a packet to the grabbing handle, or else to every open handle; then
// starts or stops the autorepeat of the key it pressed or released.
void input_pass_values(input_dev* dev, const input_value* vals, unsigned int count)
{
    auto deliver = [&](input_handle* handle) {
        input_handler* handler = handle->handler;
        if (handler->events) {
            handler->events(handle, vals, count);
        } else if (handler->event) {
            for (unsigned int i = 0; i < count; i++)
                handler->event(handle, vals[i].type, vals[i].code, vals[i].value);
        }
    };
    if (dev->grab) {
        deliver(dev->grab);
    } else {
        input_handle* handle;
        list_for_each_entry(handle, &dev->h_list, d_node) {
            if (handle->open)
                deliver(handle);
        }
    }

    if (!test_bit(EV_REP, dev->evbit) || !test_bit(EV_KEY, dev->evbit))
        return;
    for (unsigned int i = 0; i < count; i++) {
        if (vals[i].type != EV_KEY || vals[i].value == 2)
            continue;
        if (vals[i].value && dev->rep[REP_PERIOD] && dev->rep[REP_DELAY] && dev->timer.function) {
            dev->repeat_key = vals[i].code;
            mod_timer(&dev->timer, jiffies + msecs_to_jiffies(static_cast<unsigned long>(dev->rep[REP_DELAY])));
        } else if (!vals[i].value) {
            del_timer(&dev->timer);
        }
    }
}

unsigned int input_get_disposition(input_dev* dev, unsigned int type, unsigned int code, int& value)
{
    switch (type) {
    case EV_SYN:
        if (code == SYN_REPORT)
            return INPUT_PASS_TO_HANDLERS | INPUT_FLUSH;
        if (code == SYN_MT_REPORT)
            return INPUT_PASS_TO_HANDLERS;
        return INPUT_IGNORE_EVENT;
    case EV_KEY:
        if (!is_event_supported(code, dev->keybit, KEY_MAX))
            return INPUT_IGNORE_EVENT;
        if (value == 2)   // autorepeat changes no state
            return INPUT_PASS_TO_HANDLERS;
        if (test_bit(code, dev->key) == !!value)
            return INPUT_IGNORE_EVENT;
        __change_bit(code, dev->key);
        return INPUT_PASS_TO_HANDLERS;
    case EV_SW:
        if (!is_event_supported(code, dev->swbit, SW_MAX) || test_bit(code, dev->sw) == !!value)
            return INPUT_IGNORE_EVENT;
        __change_bit(code, dev->sw);
        return INPUT_PASS_TO_HANDLERS;
    case EV_ABS:
        if (!is_event_supported(code, dev->absbit, ABS_MAX))
            return INPUT_IGNORE_EVENT;
        if (dev->absinfo) {
            if (dev->absinfo[code].value == value)
                return INPUT_IGNORE_EVENT;
            dev->absinfo[code].value = value;
        }
        return INPUT_PASS_TO_HANDLERS;
    case EV_REL:
        return is_event_supported(code, dev->relbit, REL_MAX) && value ? INPUT_PASS_TO_HANDLERS : INPUT_IGNORE_EVENT;
    case EV_MSC:
        return is_event_supported(code, dev->mscbit, MSC_MAX) ? INPUT_PASS_TO_ALL : INPUT_IGNORE_EVENT;
    case EV_LED:
        if (!is_event_supported(code, dev->ledbit, LED_MAX) || test_bit(code, dev->led) == !!value)
            return INPUT_IGNORE_EVENT;
        __change_bit(code, dev->led);
        return INPUT_PASS_TO_ALL;
    case EV_SND:
        if (!is_event_supported(code, dev->sndbit, SND_MAX))
            return INPUT_IGNORE_EVENT;
        if (test_bit(code, dev->snd) != !!value)
            __change_bit(code, dev->snd);
        return INPUT_PASS_TO_ALL;
    case EV_REP:
        if (code > REP_MAX || value < 0 || dev->rep[code] == value)
            return INPUT_IGNORE_EVENT;
        dev->rep[code] = value;
        return INPUT_PASS_TO_ALL;
    case EV_FF:
        return value >= 0 ? INPUT_PASS_TO_ALL : INPUT_IGNORE_EVENT;
    case EV_PWR:
        return INPUT_PASS_TO_ALL;
    }
    return INPUT_IGNORE_EVENT;
}

// With dev->event_lock held. Events queue in dev->vals until EV_SYN/SYN_REPORT
// ends the packet; a packet of nothing but the SYN_REPORT is not passed on.
void input_handle_event(input_dev* dev, unsigned int type, unsigned int code, int value)
{
    unsigned int disposition = input_get_disposition(dev, type, code, value);
    if ((disposition & INPUT_PASS_TO_DEVICE) && dev->event)
        dev->event(dev, type, code, value);
    if (!(disposition & INPUT_PASS_TO_HANDLERS))
        return;

    dev->vals[dev->num_vals++] = { static_cast<__u16>(type), static_cast<__u16>(code), value };
    if (disposition & INPUT_FLUSH) {
        if (dev->num_vals >= 2)
            input_pass_values(dev, dev->vals, dev->num_vals);
        dev->num_vals = 0;
    } else if (dev->num_vals >= dev->max_vals - 1) {
        // A full queue ends the packet early, as Linux's does.
        dev->vals[dev->num_vals++] = { EV_SYN, SYN_REPORT, 0 };
        input_pass_values(dev, dev->vals, dev->num_vals);
        dev->num_vals = 0;
    }
}

// The autorepeat timer: the held key again (value 2), with SYN_REPORT value 1.
void input_repeat_key(struct timer_list* timer)
{
    input_dev* dev = container_of(timer, input_dev, timer);
    unsigned long flags;
    spin_lock_irqsave(&dev->event_lock, flags);
    if (!dev->going_away && test_bit(dev->repeat_key, dev->key)
        && is_event_supported(dev->repeat_key, dev->keybit, KEY_MAX)) {
        const input_value vals[] = { { EV_KEY, static_cast<__u16>(dev->repeat_key), 2 }, { EV_SYN, SYN_REPORT, 1 } };
        input_pass_values(dev, vals, 2);
        if (dev->rep[REP_PERIOD])
            mod_timer(&dev->timer, jiffies + msecs_to_jiffies(static_cast<unsigned long>(dev->rep[REP_PERIOD])));
    }
    spin_unlock_irqrestore(&dev->event_lock, flags);
}

// Linux's input_match_device: every id_table entry's flags must hold, and the
// device must have the bits the entry asks for.
const input_device_id* input_match_device(input_handler* handler, input_dev* dev)
{
    for (const input_device_id* id = handler->id_table; id && (id->flags || id->driver_info); id++) {
        if ((id->flags & INPUT_DEVICE_ID_MATCH_BUS) && id->bustype != dev->id.bustype)
            continue;
        if ((id->flags & INPUT_DEVICE_ID_MATCH_VENDOR) && id->vendor != dev->id.vendor)
            continue;
        if ((id->flags & INPUT_DEVICE_ID_MATCH_PRODUCT) && id->product != dev->id.product)
            continue;
        if ((id->flags & INPUT_DEVICE_ID_MATCH_VERSION) && id->version != dev->id.version)
            continue;
        bool bits_ok = true;
        for (unsigned i = 0; i < BITS_TO_LONGS(EV_CNT); i++)
            if ((id->flags & INPUT_DEVICE_ID_MATCH_EVBIT) && (id->evbit[i] & ~dev->evbit[i]))
                bits_ok = false;
        for (unsigned i = 0; i < BITS_TO_LONGS(KEY_CNT); i++)
            if ((id->flags & INPUT_DEVICE_ID_MATCH_KEYBIT) && (id->keybit[i] & ~dev->keybit[i]))
                bits_ok = false;
        if (!bits_ok)
            continue;
        if (!handler->match || handler->match(handler, dev))
            return id;
    }
    return nullptr;
}

void input_attach_handler(input_dev* dev, input_handler* handler)
{
    const input_device_id* id = input_match_device(handler, dev);
    if (!id)
        return;
    int error = handler->connect(handler, dev, id);
    if (error && error != -ENODEV)
        printk(KERN_ERR "input: failed to attach handler %s to device %s, error: %d\n", handler->name,
            dev_name(&dev->dev), error);
}

// The device's place in the device tree as sysfs shows it (kobject_get_path):
// a class device without a parent under /devices/virtual/CLASS, below a device
// of another kind in a CLASS directory; other devices below their parent.
void append_device_path(const device* dev, char* buffer, size_t size)
{
    const device* parent = dev->parent;
    if (parent)
        append_device_path(parent, buffer, size);
    size_t used = libk::strlen(buffer);
    if (!parent && dev->class_)
        used += libk::snprintf(buffer + used, size - used, "/devices/virtual/%s", dev->class_->name);
    else if (!parent)
        used += libk::snprintf(buffer + used, size - used, "/devices");
    else if (dev->class_ && !parent->class_)
        used += libk::snprintf(buffer + used, size - used, "/%s", dev->class_->name);
    if (used < size)
        libk::snprintf(buffer + used, size - used, "/%s", dev_name(dev));
}

void device_path(const device* dev, char* buffer, size_t size)
{
    buffer[0] = '\0';
    append_device_path(dev, buffer, size);
}

// "B: NAME=" and the bitmap as hex words, highest first, leading zero words left out.
void print_bitmap(ProcBuffer& out, const char* name, const unsigned long* bits, unsigned int max)
{
    out.printf("B: %s=", name);
    bool skip_empty = true;
    for (int i = static_cast<int>(BITS_TO_LONGS(max)) - 1; i >= 0; i--) {
        if (!bits[i] && skip_empty)
            continue;
        skip_empty = false;
        out.printf("%lx%s", bits[i], i > 0 ? " " : "");
    }
    if (skip_empty)
        out.putc('0');
    out.putc('\n');
}

void show_devices(ProcBuffer& out, Task*, void*)
{
    mutex_lock(&input_mutex);
    input_dev* dev;
    list_for_each_entry(dev, &input_dev_list, node) {
        char path[256];
        device_path(&dev->dev, path, sizeof(path));
        out.printf("I: Bus=%04x Vendor=%04x Product=%04x Version=%04x\n", dev->id.bustype, dev->id.vendor,
            dev->id.product, dev->id.version);
        out.printf("N: Name=\"%s\"\n", dev->name ? dev->name : "");
        out.printf("P: Phys=%s\n", dev->phys ? dev->phys : "");
        out.printf("S: Sysfs=%s\n", path);
        out.printf("U: Uniq=%s\n", dev->uniq ? dev->uniq : "");
        out.printf("H: Handlers=");
        input_handle* handle;
        list_for_each_entry(handle, &dev->h_list, d_node)
            out.printf("%s ", handle->name);
        out.putc('\n');
        print_bitmap(out, "PROP", dev->propbit, INPUT_PROP_MAX);
        print_bitmap(out, "EV", dev->evbit, EV_MAX);
        if (test_bit(EV_KEY, dev->evbit))
            print_bitmap(out, "KEY", dev->keybit, KEY_MAX);
        if (test_bit(EV_REL, dev->evbit))
            print_bitmap(out, "REL", dev->relbit, REL_MAX);
        if (test_bit(EV_ABS, dev->evbit))
            print_bitmap(out, "ABS", dev->absbit, ABS_MAX);
        if (test_bit(EV_MSC, dev->evbit))
            print_bitmap(out, "MSC", dev->mscbit, MSC_MAX);
        if (test_bit(EV_LED, dev->evbit))
            print_bitmap(out, "LED", dev->ledbit, LED_MAX);
        if (test_bit(EV_SND, dev->evbit))
            print_bitmap(out, "SND", dev->sndbit, SND_MAX);
        if (test_bit(EV_FF, dev->evbit))
            print_bitmap(out, "FF", dev->ffbit, FF_MAX);
        if (test_bit(EV_SW, dev->evbit))
            print_bitmap(out, "SW", dev->swbit, SW_MAX);
        out.putc('\n');
    }
    mutex_unlock(&input_mutex);
}

void show_handlers(ProcBuffer& out, Task*, void*)
{
    mutex_lock(&input_mutex);
    int number = 0;
    input_handler* handler;
    list_for_each_entry(handler, &input_handler_list, node) {
        out.printf("N: Number=%d Name=%s", number++, handler->name);
        if (handler->legacy_minors)
            out.printf(" Minor=%d", handler->minor);
        out.putc('\n');
    }
    mutex_unlock(&input_mutex);
}

// Input class nodes live in /dev/input/.
char* input_devnode(device* dev, umode_t*)
{
    return kasprintf(GFP_KERNEL, "input/%s", dev_name(dev));
}

// The bits of event types the device does not have mean nothing: clear them.
void input_cleanse_bitmasks(input_dev* dev)
{
    auto cleanse = [&](unsigned int type, unsigned long* bits, unsigned int count) {
        if (!test_bit(type, dev->evbit))
            libk::memset(bits, 0, BITS_TO_LONGS(count) * sizeof(unsigned long));
    };
    cleanse(EV_KEY, dev->keybit, KEY_CNT);
    cleanse(EV_REL, dev->relbit, REL_CNT);
    cleanse(EV_ABS, dev->absbit, ABS_CNT);
    cleanse(EV_MSC, dev->mscbit, MSC_CNT);
    cleanse(EV_LED, dev->ledbit, LED_CNT);
    cleanse(EV_SND, dev->sndbit, SND_CNT);
    cleanse(EV_FF, dev->ffbit, FF_CNT);
    cleanse(EV_SW, dev->swbit, SW_CNT);
}

int input_init()
{
    input_class = class_create_named("input");
    if (IS_ERR(input_class)) {
        input_class = nullptr;
        return -ENOMEM;
    }
    input_class->devnode = input_devnode;

    proc_dir_entry* bus = proc_find_entry(nullptr, "bus");
    if (!bus)
        bus = proc_mkdir_entry("bus", nullptr);
    proc_dir_entry* dir = bus ? proc_mkdir_entry("input", bus) : nullptr;
    if (dir) {
        proc_create_show("devices", 0444, dir, show_devices, nullptr);
        proc_create_show("handlers", 0444, dir, show_handlers, nullptr);
    }

    int error = register_chrdev_region(MKDEV(INPUT_MAJOR, 0), input_max_char_devices, "input");
    if (error)
        printk(KERN_ERR "input: unable to register char major %d\n", INPUT_MAJOR);
    return error;
}
subsys_initcall(input_init);

} // namespace

// The per-axis state of an EV_ABS device, allocated with its first axis.
static bool input_alloc_absinfo(input_dev* dev)
{
    if (!dev->absinfo)
        dev->absinfo = static_cast<input_absinfo*>(kzalloc(ABS_CNT * sizeof(input_absinfo), GFP_KERNEL));
    if (!dev->absinfo)
        printk(KERN_ERR "input: %s: unable to allocate memory for absinfo\n", dev_name(&dev->dev));
    return dev->absinfo != nullptr;
}

extern "C" struct input_dev* input_allocate_device(void)
{
    auto* dev = static_cast<input_dev*>(kzalloc(sizeof(input_dev), GFP_KERNEL));
    if (!dev)
        return nullptr;
    spin_lock_init(&dev->event_lock);
    mutex_init(&dev->mutex);
    init_timer(&dev->timer);
    INIT_LIST_HEAD(&dev->h_list);
    INIT_LIST_HEAD(&dev->node);
    dev->dev.class_ = input_class;
    mutex_lock(&input_mutex);
    dev->number = input_no++;
    mutex_unlock(&input_mutex);
    libk::snprintf(dev->dev.name, sizeof(dev->dev.name), "input%d", dev->number);
    return dev;
}
EXPORT_SYMBOL(input_allocate_device);

extern "C" void input_free_device(struct input_dev* dev)
{
    if (!dev)
        return;
    if (dev->registered) {
        printk(KERN_WARNING "input: input_free_device(%s) of a registered device; use input_unregister_device\n",
            dev_name(&dev->dev));
        return;
    }
    kfree(dev->absinfo);
    kfree(dev);
}
EXPORT_SYMBOL(input_free_device);

extern "C" void input_set_capability(struct input_dev* dev, unsigned int type, unsigned int code)
{
    switch (type) {
    case EV_KEY: __set_bit(code, dev->keybit); break;
    case EV_REL: __set_bit(code, dev->relbit); break;
    case EV_ABS:   // the axis, keeping any range input_set_abs_params gave it
        if (code > ABS_MAX || !input_alloc_absinfo(dev))
            return;
        __set_bit(code, dev->absbit);
        break;
    case EV_MSC: __set_bit(code, dev->mscbit); break;
    case EV_SW: __set_bit(code, dev->swbit); break;
    case EV_LED: __set_bit(code, dev->ledbit); break;
    case EV_SND: __set_bit(code, dev->sndbit); break;
    case EV_FF: __set_bit(code, dev->ffbit); break;
    case EV_PWR: break;   // nothing but the type
    default:
        printk(KERN_ERR "input: input_set_capability: unknown type %u (code %u)\n", type, code);
        return;
    }
    __set_bit(type, dev->evbit);
}
EXPORT_SYMBOL(input_set_capability);

extern "C" void input_set_abs_params(struct input_dev* dev, unsigned int axis, int min, int max, int fuzz, int flat)
{
    if (axis > ABS_MAX || !input_alloc_absinfo(dev))
        return;
    input_absinfo* info = &dev->absinfo[axis];
    info->minimum = min;
    info->maximum = max;
    info->fuzz = fuzz;
    info->flat = flat;
    __set_bit(EV_ABS, dev->evbit);
    __set_bit(axis, dev->absbit);
}
EXPORT_SYMBOL(input_set_abs_params);

extern "C" void input_enable_softrepeat(struct input_dev* dev, int delay, int period)
{
    dev->timer.function = __TIMER_FUNCTION(input_repeat_key);
    dev->timer.data = reinterpret_cast<unsigned long>(&dev->timer);
    dev->rep[REP_DELAY] = delay;
    dev->rep[REP_PERIOD] = period;
}
EXPORT_SYMBOL(input_enable_softrepeat);

extern "C" int input_register_device(struct input_dev* dev)
{
    if (!dev || dev->registered)
        return -EINVAL;
    // Every device sends EV_SYN; KEY_RESERVED is never sent.
    __set_bit(EV_SYN, dev->evbit);
    __clear_bit(KEY_RESERVED, dev->keybit);
    input_cleanse_bitmasks(dev);
    dev->max_vals = sizeof(dev->vals) / sizeof(dev->vals[0]);
    if (test_bit(EV_REP, dev->evbit) && !dev->rep[REP_DELAY] && !dev->rep[REP_PERIOD])
        input_enable_softrepeat(dev, 250, 33);
    if (!dev->dev.class_)
        dev->dev.class_ = input_class;

    char path[256];
    device_path(&dev->dev, path, sizeof(path));
    printk(KERN_INFO "input: %s as %s\n", dev->name ? dev->name : "Unspecified device", path);

    mutex_lock(&input_mutex);
    dev->registered = true;
    list_add_tail(&dev->node, &input_dev_list);
    input_handler* handler;
    list_for_each_entry(handler, &input_handler_list, node)
        input_attach_handler(dev, handler);
    mutex_unlock(&input_mutex);
    return 0;
}
EXPORT_SYMBOL(input_register_device);

extern "C" void input_unregister_device(struct input_dev* dev)
{
    if (!dev || !dev->registered)
        return;
    // Keys still down are released, so readers do not see them held forever.
    unsigned long flags;
    spin_lock_irqsave(&dev->event_lock, flags);
    dev->going_away = true;
    bool need_sync = false;
    unsigned int code;
    for_each_set_bit(code, dev->key, KEY_CNT) {
        input_handle_event(dev, EV_KEY, code, 0);
        need_sync = true;
    }
    if (need_sync)
        input_handle_event(dev, EV_SYN, SYN_REPORT, 1);
    spin_unlock_irqrestore(&dev->event_lock, flags);
    del_timer_sync(&dev->timer);

    mutex_lock(&input_mutex);
    while (!list_empty(&dev->h_list)) {
        input_handle* handle = list_first_entry(&dev->h_list, input_handle, d_node);
        handle->handler->disconnect(handle);   // unregisters the handle
    }
    list_del(&dev->node);
    dev->registered = false;
    mutex_unlock(&input_mutex);
    input_free_device(dev);
}
EXPORT_SYMBOL(input_unregister_device);

extern "C" void input_event(struct input_dev* dev, unsigned int type, unsigned int code, int value)
{
    if (!is_event_supported(type, dev->evbit, EV_MAX))
        return;
    unsigned long flags;
    spin_lock_irqsave(&dev->event_lock, flags);
    input_handle_event(dev, type, code, value);
    spin_unlock_irqrestore(&dev->event_lock, flags);
}
EXPORT_SYMBOL(input_event);

extern "C" void input_inject_event(struct input_handle* handle, unsigned int type, unsigned int code, int value)
{
    input_dev* dev = handle->dev;
    if (!is_event_supported(type, dev->evbit, EV_MAX))
        return;
    unsigned long flags;
    spin_lock_irqsave(&dev->event_lock, flags);
    if (!dev->grab || dev->grab == handle)
        input_handle_event(dev, type, code, value);
    spin_unlock_irqrestore(&dev->event_lock, flags);
}
EXPORT_SYMBOL(input_inject_event);

extern "C" int input_register_handler(struct input_handler* handler)
{
    INIT_LIST_HEAD(&handler->h_list);
    mutex_lock(&input_mutex);
    list_add_tail(&handler->node, &input_handler_list);
    input_dev* dev;
    list_for_each_entry(dev, &input_dev_list, node)
        input_attach_handler(dev, handler);
    mutex_unlock(&input_mutex);
    return 0;
}
EXPORT_SYMBOL(input_register_handler);

extern "C" void input_unregister_handler(struct input_handler* handler)
{
    mutex_lock(&input_mutex);
    while (!list_empty(&handler->h_list)) {
        input_handle* handle = list_first_entry(&handler->h_list, input_handle, h_node);
        handler->disconnect(handle);
    }
    list_del(&handler->node);
    mutex_unlock(&input_mutex);
}
EXPORT_SYMBOL(input_unregister_handler);

// Called by a handler's connect/disconnect, with input_mutex held by the core.
extern "C" int input_register_handle(struct input_handle* handle)
{
    unsigned long flags;
    spin_lock_irqsave(&handle->dev->event_lock, flags);
    list_add_tail(&handle->d_node, &handle->dev->h_list);
    spin_unlock_irqrestore(&handle->dev->event_lock, flags);
    list_add_tail(&handle->h_node, &handle->handler->h_list);
    return 0;
}
EXPORT_SYMBOL(input_register_handle);

extern "C" void input_unregister_handle(struct input_handle* handle)
{
    input_release_device(handle);
    unsigned long flags;
    spin_lock_irqsave(&handle->dev->event_lock, flags);
    list_del(&handle->d_node);
    spin_unlock_irqrestore(&handle->dev->event_lock, flags);
    list_del(&handle->h_node);
}
EXPORT_SYMBOL(input_unregister_handle);

extern "C" int input_open_device(struct input_handle* handle)
{
    input_dev* dev = handle->dev;
    mutex_lock(&dev->mutex);
    int error = 0;
    if (dev->going_away) {
        error = -ENODEV;
    } else {
        handle->open++;
        if (dev->users++ == 0 && dev->open) {
            error = dev->open(dev);
            if (error) {
                dev->users--;
                handle->open--;
            }
        }
    }
    mutex_unlock(&dev->mutex);
    return error;
}
EXPORT_SYMBOL(input_open_device);

extern "C" void input_close_device(struct input_handle* handle)
{
    input_dev* dev = handle->dev;
    mutex_lock(&dev->mutex);
    input_release_device(handle);
    if (handle->open > 0) {
        handle->open--;
        if (--dev->users == 0 && dev->close)
            dev->close(dev);
    }
    mutex_unlock(&dev->mutex);
}
EXPORT_SYMBOL(input_close_device);

extern "C" int input_grab_device(struct input_handle* handle)
{
    input_dev* dev = handle->dev;
    unsigned long flags;
    spin_lock_irqsave(&dev->event_lock, flags);
    int error = dev->grab ? -EBUSY : 0;
    if (!error)
        dev->grab = handle;
    spin_unlock_irqrestore(&dev->event_lock, flags);
    return error;
}
EXPORT_SYMBOL(input_grab_device);

extern "C" void input_release_device(struct input_handle* handle)
{
    input_dev* dev = handle->dev;
    unsigned long flags;
    spin_lock_irqsave(&dev->event_lock, flags);
    if (dev->grab == handle)
        dev->grab = nullptr;
    spin_unlock_irqrestore(&dev->event_lock, flags);
}
EXPORT_SYMBOL(input_release_device);
