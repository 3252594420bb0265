/* The input core (Linux's linux/input.h): a driver allocates an input_dev, says
 * which events it can send (evbit, keybit... or input_set_capability), registers
 * it and reports events (input_report_key, input_event, input_sync). Handlers
 * such as evdev (/dev/input/eventN) receive every event of the devices they
 * connected to. */
#ifndef _LINUX_INPUT_H
#define _LINUX_INPUT_H

#include <linux/bitops.h>
#include <linux/device.h>
#include <linux/list.h>
#include <linux/mod_devicetable.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/types.h>
#include <uapi/linux/input.h>

struct file;
struct input_handle;

/* One event as the core passes it around. */
struct input_value {
    __u16 type;
    __u16 code;
    __s32 value;
};

struct input_dev {
    const char *name;
    const char *phys;
    const char *uniq;
    struct input_id id;

    unsigned long propbit[BITS_TO_LONGS(INPUT_PROP_CNT)];

    /* What the device can send: event types, then the codes of each type. */
    unsigned long evbit[BITS_TO_LONGS(EV_CNT)];
    unsigned long keybit[BITS_TO_LONGS(KEY_CNT)];
    unsigned long relbit[BITS_TO_LONGS(REL_CNT)];
    unsigned long absbit[BITS_TO_LONGS(ABS_CNT)];
    unsigned long mscbit[BITS_TO_LONGS(MSC_CNT)];
    unsigned long ledbit[BITS_TO_LONGS(LED_CNT)];
    unsigned long sndbit[BITS_TO_LONGS(SND_CNT)];
    unsigned long ffbit[BITS_TO_LONGS(FF_CNT)];
    unsigned long swbit[BITS_TO_LONGS(SW_CNT)];

    unsigned int hint_events_per_packet;

    /* The scan code to key code map, if the driver keeps one. */
    unsigned int keycodemax;
    unsigned int keycodesize;
    void *keycode;

    /* Autorepeat: the core repeats a held key (value 2) after rep[REP_DELAY] ms,
     * every rep[REP_PERIOD] ms, when EV_REP is set and the driver set no rates. */
    struct timer_list timer;
    int rep[REP_CNT];
    unsigned int repeat_key;

    /* The state the device is in: keys down, LEDs lit, switches. */
    unsigned long key[BITS_TO_LONGS(KEY_CNT)];
    unsigned long led[BITS_TO_LONGS(LED_CNT)];
    unsigned long snd[BITS_TO_LONGS(SND_CNT)];
    unsigned long sw[BITS_TO_LONGS(SW_CNT)];
    struct input_absinfo *absinfo;

    /* The first handle opened and the last closed call these. */
    int (*open)(struct input_dev *dev);
    void (*close)(struct input_dev *dev);
    int (*flush)(struct input_dev *dev, struct file *file);
    /* Events sent to the device (EV_LED, EV_SND...), e.g. written to its evdev node. */
    int (*event)(struct input_dev *dev, unsigned int type, unsigned int code, int value);

    struct input_handle *grab;      /* EVIOCGRAB: only this handle gets events */
    spinlock_t event_lock;
    struct mutex mutex;
    unsigned int users;
    bool going_away;

    struct device dev;
    struct list_head h_list;        /* its handles */
    struct list_head node;          /* on the core's list of devices */

    /* kernel: input%d, and the events since the last EV_SYN */
    int number;
    bool registered;
    unsigned int num_vals;
    unsigned int max_vals;
    struct input_value vals[16];
};

#define to_input_dev(d) container_of(d, struct input_dev, dev)

/* A handler (evdev...) connects to devices it wants and gets their events. */
struct input_device_id {
    kernel_ulong_t flags;
    __u16 bustype, vendor, product, version;
    kernel_ulong_t evbit[BITS_TO_LONGS(EV_CNT)];
    kernel_ulong_t keybit[BITS_TO_LONGS(KEY_CNT)];
    kernel_ulong_t driver_info;
};

#define INPUT_DEVICE_ID_MATCH_BUS 1
#define INPUT_DEVICE_ID_MATCH_VENDOR 2
#define INPUT_DEVICE_ID_MATCH_PRODUCT 4
#define INPUT_DEVICE_ID_MATCH_VERSION 8
#define INPUT_DEVICE_ID_MATCH_EVBIT 0x0010
#define INPUT_DEVICE_ID_MATCH_KEYBIT 0x0020

struct input_handler {
    void *private_data;
    void (*event)(struct input_handle *handle, unsigned int type, unsigned int code, int value);
    /* All events up to and including an EV_SYN/SYN_REPORT, at once. */
    void (*events)(struct input_handle *handle, const struct input_value *vals, unsigned int count);
    bool (*match)(struct input_handler *handler, struct input_dev *dev);
    int (*connect)(struct input_handler *handler, struct input_dev *dev, const struct input_device_id *id);
    void (*disconnect)(struct input_handle *handle);
    void (*start)(struct input_handle *handle);
    bool legacy_minors;
    int minor;
    const char *name;
    const struct input_device_id *id_table;
    struct list_head h_list;
    struct list_head node;
};

struct input_handle {
    void *private_data;
    int open;
    const char *name;
    struct input_dev *dev;
    struct input_handler *handler;
    struct list_head d_node;        /* on dev->h_list */
    struct list_head h_node;        /* on handler->h_list */
};

#ifdef __cplusplus
extern "C" {
#endif

struct input_dev *input_allocate_device(void);
/* Only for a device that was never registered (or whose register failed). */
void input_free_device(struct input_dev *dev);
int input_register_device(struct input_dev *dev);
/* Disconnects its handlers and frees it (no input_free_device afterwards). */
void input_unregister_device(struct input_dev *dev);

void input_event(struct input_dev *dev, unsigned int type, unsigned int code, int value);
/* An event from a handle (evdev's write): ignored while another handle holds a grab. */
void input_inject_event(struct input_handle *handle, unsigned int type, unsigned int code, int value);
void input_set_capability(struct input_dev *dev, unsigned int type, unsigned int code);
void input_set_abs_params(struct input_dev *dev, unsigned int axis, int min, int max, int fuzz, int flat);
void input_enable_softrepeat(struct input_dev *dev, int delay, int period);

int input_register_handler(struct input_handler *handler);
void input_unregister_handler(struct input_handler *handler);
int input_register_handle(struct input_handle *handle);
void input_unregister_handle(struct input_handle *handle);
int input_open_device(struct input_handle *handle);
void input_close_device(struct input_handle *handle);
int input_grab_device(struct input_handle *handle);
void input_release_device(struct input_handle *handle);

#ifdef __cplusplus
}
#endif

static inline void input_report_key(struct input_dev *dev, unsigned int code, int value)
{
    input_event(dev, EV_KEY, code, !!value);
}

static inline void input_report_rel(struct input_dev *dev, unsigned int code, int value)
{
    input_event(dev, EV_REL, code, value);
}

static inline void input_report_abs(struct input_dev *dev, unsigned int code, int value)
{
    input_event(dev, EV_ABS, code, value);
}

static inline void input_report_switch(struct input_dev *dev, unsigned int code, int value)
{
    input_event(dev, EV_SW, code, !!value);
}

static inline void input_sync(struct input_dev *dev)
{
    input_event(dev, EV_SYN, SYN_REPORT, 0);
}

static inline void input_mt_sync(struct input_dev *dev)
{
    input_event(dev, EV_SYN, SYN_MT_REPORT, 0);
}

static inline void input_set_drvdata(struct input_dev *dev, void *data)
{
    dev_set_drvdata(&dev->dev, data);
}

static inline void *input_get_drvdata(struct input_dev *dev)
{
    return dev_get_drvdata(&dev->dev);
}

#endif
