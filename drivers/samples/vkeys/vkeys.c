/* vkeys: a keyboard made of writes. Loading it registers the input device
 * "kernlab virtual keys" (so /dev/input/eventN appears) and /dev/vkeys; each
 * word written to /dev/vkeys is a key code (linux/input-event-codes.h):
 *   echo "+30" > /dev/vkeys      KEY_A pressed
 *   echo "-30" > /dev/vkeys      KEY_A released
 *   echo "35 23" > /dev/vkeys    KEY_H, then KEY_I, pressed and released
 * Every press or release is one packet: EV_KEY, then EV_SYN (input_sync).
 * Reading /dev/vkeys tells how many events it has reported. */
#include <linux/ctype.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/input.h>
#include <linux/kernel.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#define VKEYS_MAX_WRITE 256

static struct input_dev *vkeys_input;
static unsigned long reported;
static DEFINE_MUTEX(vkeys_lock);

static void vkeys_report(unsigned int code, int pressed)
{
    input_report_key(vkeys_input, code, pressed);
    input_sync(vkeys_input);
    reported++;
}

/* One word: [+|-]CODE. */
static int vkeys_word(char *word)
{
    int sign = 0;
    unsigned int code;
    int error;

    if (*word == '+' || *word == '-')
        sign = *word++ == '+' ? 1 : -1;
    error = kstrtouint(word, 10, &code);
    if (error)
        return error;
    if (code == KEY_RESERVED || code > KEY_MAX || !test_bit(code, vkeys_input->keybit))
        return -EINVAL;
    if (sign >= 0)
        vkeys_report(code, 1);
    if (sign <= 0)
        vkeys_report(code, 0);
    return 0;
}

static ssize_t vkeys_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
    char text[VKEYS_MAX_WRITE + 1];
    char *cursor, *word;
    int error = 0;

    if (count > VKEYS_MAX_WRITE)
        return -EINVAL;
    if (copy_from_user(text, buf, count))
        return -EFAULT;
    text[count] = '\0';

    mutex_lock(&vkeys_lock);
    cursor = text;
    while (!error && (word = strsep(&cursor, " \t\n")) != NULL) {
        if (*word)
            error = vkeys_word(word);
    }
    mutex_unlock(&vkeys_lock);
    if (error)
        pr_warn("vkeys: bad key \"%s\" (%d)\n", word, error);
    return error ? error : count;
}

static ssize_t vkeys_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
    char text[32];
    int length = snprintf(text, sizeof(text), "%lu\n", reported);

    return simple_read_from_buffer(buf, count, ppos, text, length);
}

static const struct file_operations vkeys_fops = {
    .owner = THIS_MODULE,
    .read = vkeys_read,
    .write = vkeys_write,
};

static struct miscdevice vkeys_misc = {
    .minor = MISC_DYNAMIC_MINOR,
    .name = "vkeys",
    .fops = &vkeys_fops,
    .mode = 0666,
};

static int __init vkeys_init(void)
{
    unsigned int code;
    int error;

    vkeys_input = input_allocate_device();
    if (!vkeys_input)
        return -ENOMEM;
    vkeys_input->name = "kernlab virtual keys";
    vkeys_input->phys = "vkeys/input0";
    vkeys_input->id.bustype = BUS_VIRTUAL;
    vkeys_input->id.vendor = 0x6b6c;   /* "kl" */
    vkeys_input->id.product = 0x0001;
    vkeys_input->id.version = 0x0100;

    /* It sends key events (EV_KEY) for the keys of a PC keyboard. */
    __set_bit(EV_KEY, vkeys_input->evbit);
    for (code = KEY_ESC; code <= KEY_MICMUTE; code++)
        __set_bit(code, vkeys_input->keybit);
    input_set_capability(vkeys_input, EV_KEY, KEY_OK);   /* and one remote-control key */

    error = input_register_device(vkeys_input);
    if (error) {
        input_free_device(vkeys_input);
        return error;
    }
    error = misc_register(&vkeys_misc);
    if (error) {
        input_unregister_device(vkeys_input);
        return error;
    }
    pr_info("vkeys: write key codes to /dev/vkeys\n");
    return 0;
}

static void __exit vkeys_exit(void)
{
    misc_deregister(&vkeys_misc);
    /* Keys still held are released for the readers, then the device goes. */
    input_unregister_device(vkeys_input);
    pr_info("vkeys: %lu events reported\n", reported);
}

module_init(vkeys_init);
module_exit(vkeys_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A virtual keyboard: key codes written to /dev/vkeys become input events");
