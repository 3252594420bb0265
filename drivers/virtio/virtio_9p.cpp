// The virtio 9P device (device id 9 in the virtio 1.x spec's "5 Device Types",
// which reserves the id but does not describe the device; its configuration is
// Linux's include/uapi/linux/virtio_9p.h). Legacy PCI id 0x1af4:0x1009. It has
// one virtqueue ("requests"), and each request is a chain of one buffer the
// device reads (the T-message) and one it writes (the R-message). Found by a
// PCI scan at boot; the IRQ handler wakes the task waiting for its reply.
#include "virtio_pci.h"
#include <kernel/initcall.h>
#include <kernel/irq.h>
#include <kernel/time.h>
#include <kernel/virtio_9p.h>
#include <kernel/wait.h>
#include <libk/string.h>
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/printk.h>

namespace {

constexpr uint16_t virtio_vendor = 0x1af4;
constexpr uint16_t legacy_device_first = 0x1000, legacy_device_last = 0x103f;   // 4.1.2.1 transitional ids
constexpr uint16_t virtio_id_9p = 9;                 // 5 Device Types: the subsystem id of a legacy device
constexpr uint32_t VIRTIO_9P_MOUNT_TAG = 1u << 0;    // feature: the configuration has a tag
constexpr unsigned max_tag = 64;
constexpr unsigned max_devices = 4;
constexpr unsigned long reply_timeout = 60 * HZ;     // QEMU answers in far less; a silent device is broken

} // namespace

struct P9Channel {
    VirtioDevice dev;
    Virtqueue vq;
    char tag[max_tag + 1];
    WaitQueue reply_wait;        // the requester sleeps here until the used ring moves
    mutex lock;                  // one request in flight: the chain always starts at descriptor 0
    bool in_use;                 // mounted
    bool broken;                 // a reply never came: the device may still own our buffers
};

namespace {

constinit P9Channel channels[max_devices] = {};
constinit unsigned channel_count = 0;

irqreturn_t virtio_9p_interrupt(int, void* dev_id)
{
    auto* channel = static_cast<P9Channel*>(dev_id);
    // Reading the ISR status acknowledges the interrupt and lowers INTx (4.1.4.5).
    if (!(virtio_read_isr(channel->dev) & VIRTIO_ISR_QUEUE))
        return IRQ_NONE;   // another device on this shared line
    channel->reply_wait.wake_up_all();
    return IRQ_HANDLED;
}

void probe(PciAddress at, uint16_t, void*)
{
    if (pci_read16(at, PCI_SUBSYSTEM_ID) != virtio_id_9p)
        return;   // another virtio device (net, block, ...)
    if (channel_count == max_devices) {
        pr_warn("9pnet_virtio: more than %u devices, ignoring %02x:%02x.%u\n", max_devices, at.bus, at.slot,
            at.function);
        return;
    }
    P9Channel& channel = channels[channel_count];
    uint32_t features = 0;
    if (!virtio_pci_legacy_init(channel.dev, at, VIRTIO_9P_MOUNT_TAG, features)) {
        pr_err("9pnet_virtio: %02x:%02x.%u has no I/O BAR0 (not a transitional device)\n", at.bus, at.slot,
            at.function);
        return;
    }
    // struct virtio_9p_config: le16 tag_len; u8 tag[tag_len] (no NUL).
    unsigned tag_length = virtio_config_read8(channel.dev, 0) | virtio_config_read8(channel.dev, 1) << 8;
    if (!(features & VIRTIO_9P_MOUNT_TAG) || tag_length == 0 || tag_length > max_tag) {
        pr_err("9pnet_virtio: %02x:%02x.%u: no usable mount tag (length %u)\n", at.bus, at.slot, at.function,
            tag_length);
        virtio_fail(channel.dev);
        return;
    }
    for (unsigned i = 0; i < tag_length; ++i)
        channel.tag[i] = static_cast<char>(virtio_config_read8(channel.dev, 2 + i));
    channel.tag[tag_length] = '\0';
    // 3.1.1 step 7: the one queue; then the interrupt, then DRIVER_OK (step 8).
    if (!virtqueue_setup(channel.vq, channel.dev, 0)) {
        pr_err("9pnet_virtio: %s: cannot set up the request queue\n", channel.tag);
        virtio_fail(channel.dev);
        return;
    }
    mutex_init(&channel.lock);
    if (channel.dev.irq >= nr_irqs
        || request_irq(channel.dev.irq, virtio_9p_interrupt, IRQF_SHARED, "virtio-9p", &channel) < 0) {
        pr_err("9pnet_virtio: %s: cannot use irq %u\n", channel.tag, channel.dev.irq);
        virtio_fail(channel.dev);
        virtqueue_free(channel.vq);
        return;
    }
    virtio_driver_ok(channel.dev);
    ++channel_count;
    pr_info("9pnet_virtio: %02x:%02x.%u mount tag '%s', legacy I/O at 0x%x, irq %u, queue of %u"
            " (%u modern capabilities, unused)\n",
        at.bus, at.slot, at.function, channel.tag, channel.dev.io, channel.dev.irq, channel.vq.num,
        virtio_pci_modern_capabilities(at));
}

int virtio_9p_init()
{
    pci_for_each_device(virtio_vendor, legacy_device_first, legacy_device_last, probe, nullptr);
    return 0;
}

} // namespace

int p9_virtio_get(const char* tag, P9Channel** result)
{
    for (unsigned i = 0; i < channel_count; ++i) {
        P9Channel& channel = channels[i];
        if (libk::strcmp(channel.tag, tag) != 0)
            continue;
        if (channel.in_use)
            return -EBUSY;
        if (channel.broken)
            return -EIO;
        channel.in_use = true;
        *result = &channel;
        return 0;
    }
    // Linux's words (net/9p/trans_virtio.c, p9_virtio_create). With no virtio-9p
    // device at all (QEMU without -virtfs) the line goes to the log only
    // (KERN_DEBUG), so init's try at /mnt/host on every boot stays off the console.
    if (channel_count == 0)
        pr_debug("9pnet_virtio: no channels available for device %s\n", tag);
    else
        pr_err("9pnet_virtio: no channels available for device %s\n", tag);
    return -ENOENT;
}

void p9_virtio_put(P9Channel* channel)
{
    channel->in_use = false;
}

long p9_virtio_request(P9Channel* channel, const void* request, size_t length, void* reply, size_t capacity)
{
    mutex_lock(&channel->lock);
    if (channel->broken) {
        mutex_unlock(&channel->lock);
        return -EIO;
    }
    VirtqBuffer out { const_cast<void*>(request), static_cast<uint32_t>(length) };
    VirtqBuffer in { reply, static_cast<uint32_t>(capacity) };
    virtqueue_submit(channel->vq, &out, 1, &in, 1);
    uint32_t written = 0;
    bool done = channel->reply_wait.wait_until_timeout(
        [&] { return virtqueue_poll_used(channel->vq, written); }, reply_timeout);
    if (!done) {
        // The device still owns the buffers: never reuse this channel.
        channel->broken = true;
        mutex_unlock(&channel->lock);
        pr_err("9pnet_virtio: %s: no reply within %lu s, channel disabled\n", channel->tag, reply_timeout / HZ);
        return -EIO;
    }
    mutex_unlock(&channel->lock);
    return written;
}

device_initcall(virtio_9p_init);
