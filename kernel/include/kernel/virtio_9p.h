// The 9P transport over virtio (Linux's net/9p/trans_virtio.c): every
// virtio-9p PCI device (drivers/virtio/virtio_9p.cpp) is a channel named by
// its mount tag, the "TAG" of `mount -t 9p -o trans=virtio TAG DIR`.
#pragma once

#include <stddef.h>

struct P9Channel;

// Claims the channel whose mount tag is `tag`, one mount per channel as on
// Linux: 0, -ENOENT when no device has that tag, -EBUSY when it is in use.
int p9_virtio_get(const char* tag, P9Channel** channel);
void p9_virtio_put(P9Channel* channel);
// Sends one T-message and sleeps until the device has written the reply.
// Both buffers must be physically contiguous kernel memory (alloc_pages,
// kmalloc). Returns the reply's length, or -EIO (device gone or silent).
long p9_virtio_request(P9Channel* channel, const void* request, size_t length, void* reply, size_t capacity);
