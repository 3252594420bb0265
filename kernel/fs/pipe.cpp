// Pipes and FIFOs: a ring buffer between writers and readers, blocking on
// wait queues, EOF without writers, SIGPIPE/EPIPE without readers.
#include "internal.h"
#include <kernel/mm.h>
#include <kernel/signal.h>
#include <kernel/uaccess.h>
#include <kernel/wait.h>
#include <libk/string.h>
#include <asm/ioctls.h>
#include <linux/fcntl.h>
#include <linux/stat.h>

constexpr size_t pipe_size = 16384;
constexpr size_t PIPE_BUF = 4096;   // writes up to this size are atomic

struct pipe_inode_info {
    char* buffer;
    size_t start;      // read position in the ring
    size_t length;     // bytes queued
    int readers;
    int writers;
    unsigned reader_opens;   // how many times opened for reading (FIFO open waits on these)
    unsigned writer_opens;
    WaitQueue rd_wait;       // readers and FIFO openers wait for data / a writer
    WaitQueue wr_wait;       // writers wait for room / a reader
};

namespace {

// The ring is only touched with preemption off: one CPU, and nothing in the
// copy loops sleeps (a user page fault is handled without sleeping).
struct NoPreempt {
    NoPreempt() { preempt_disable(); }
    ~NoPreempt() { preempt_enable(); }
};

pipe_inode_info* alloc_pipe_info()
{
    auto* pipe = static_cast<pipe_inode_info*>(kzalloc(sizeof(pipe_inode_info), GFP_KERNEL));
    if (!pipe)
        return nullptr;
    new (&pipe->rd_wait) WaitQueue();
    new (&pipe->wr_wait) WaitQueue();
    pipe->buffer = static_cast<char*>(kmalloc(pipe_size, GFP_KERNEL));
    if (!pipe->buffer) {
        kfree(pipe);
        return nullptr;
    }
    return pipe;
}

void free_pipe_info(pipe_inode_info* pipe)
{
    kfree(pipe->buffer);
    kfree(pipe);
}

bool nonblocking(const file* f)
{
    return f->f_flags & O_NONBLOCK;
}

// Copies up to `count` queued bytes to user space; bytes copied or -EFAULT.
ssize_t drain(pipe_inode_info* pipe, char __user* buffer, size_t count)
{
    size_t total = 0;
    while (total < count && pipe->length > 0) {
        size_t chunk = libk::min(libk::min(count - total, pipe->length), pipe_size - pipe->start);
        size_t left = copy_to_user(buffer + total, pipe->buffer + pipe->start, chunk);
        size_t done = chunk - left;
        pipe->start = (pipe->start + done) % pipe_size;
        pipe->length -= done;
        total += done;
        if (left)
            return total ? static_cast<ssize_t>(total) : -EFAULT;
    }
    return static_cast<ssize_t>(total);
}

ssize_t fill(pipe_inode_info* pipe, const char __user* buffer, size_t count)
{
    size_t total = 0;
    while (total < count && pipe->length < pipe_size) {
        size_t end = (pipe->start + pipe->length) % pipe_size;
        size_t room = end >= pipe->start ? pipe_size - end : pipe->start - end;
        size_t chunk = libk::min(libk::min(count - total, pipe_size - pipe->length), room);
        size_t left = copy_from_user(pipe->buffer + end, buffer + total, chunk);
        size_t done = chunk - left;
        pipe->length += done;
        total += done;
        if (left)
            return total ? static_cast<ssize_t>(total) : -EFAULT;
    }
    return static_cast<ssize_t>(total);
}

ssize_t pipe_read(file* f, char __user* buffer, size_t count, loff_t*)
{
    pipe_inode_info* pipe = file_inode(f)->i_pipe;
    if (count == 0)
        return 0;
    for (;;) {
        {
            NoPreempt guard;
            if (pipe->length > 0) {
                ssize_t n = drain(pipe, buffer, count);
                pipe->wr_wait.wake_up_all();
                return n;
            }
            if (pipe->writers == 0)
                return 0;
        }
        if (nonblocking(f))
            return -EAGAIN;
        int error = pipe->rd_wait.wait_until_interruptible([&] { return pipe->length > 0 || pipe->writers == 0; });
        if (error < 0)
            return error;
    }
}

ssize_t pipe_write(file* f, const char __user* buffer, size_t count, loff_t*)
{
    pipe_inode_info* pipe = file_inode(f)->i_pipe;
    size_t written = 0;
    while (written < count) {
        size_t needed = count <= PIPE_BUF ? count - written : 1;
        {
            NoPreempt guard;
            if (pipe->readers == 0) {
                send_signal(current, 13 /* SIGPIPE */);
                return written ? static_cast<ssize_t>(written) : -EPIPE;
            }
            if (pipe_size - pipe->length >= needed) {
                ssize_t n = fill(pipe, buffer + written, count - written);
                pipe->rd_wait.wake_up_all();
                if (n < 0)
                    return written ? static_cast<ssize_t>(written) : n;
                written += static_cast<size_t>(n);
                continue;
            }
        }
        if (nonblocking(f))
            return written ? static_cast<ssize_t>(written) : -EAGAIN;
        int error = pipe->wr_wait.wait_until_interruptible(
            [&] { return pipe_size - pipe->length >= needed || pipe->readers == 0; });
        if (error < 0)
            return written ? static_cast<ssize_t>(written) : error;
    }
    return static_cast<ssize_t>(written);
}

__poll_t pipe_poll(file* f, poll_table* table)
{
    pipe_inode_info* pipe = file_inode(f)->i_pipe;
    poll_wait(f, &pipe->rd_wait, table);
    poll_wait(f, &pipe->wr_wait, table);
    __poll_t mask = 0;
    if (f->f_mode & FMODE_READ) {
        if (pipe->length > 0)
            mask |= EPOLLIN | EPOLLRDNORM;
        if (pipe->writers == 0 && pipe->writer_opens > 0)
            mask |= EPOLLHUP;
    }
    if (f->f_mode & FMODE_WRITE) {
        if (pipe_size - pipe->length >= PIPE_BUF)
            mask |= EPOLLOUT | EPOLLWRNORM;
        if (pipe->readers == 0)
            mask |= EPOLLERR;
    }
    return mask;
}

void account_open(pipe_inode_info* pipe, fmode_t mode)
{
    if (mode & FMODE_READ) {
        ++pipe->readers;
        ++pipe->reader_opens;
    }
    if (mode & FMODE_WRITE) {
        ++pipe->writers;
        ++pipe->writer_opens;
    }
    pipe->rd_wait.wake_up_all();
    pipe->wr_wait.wake_up_all();
}

int pipe_release(inode* node, file* f)
{
    pipe_inode_info* pipe = node->i_pipe;
    if (!pipe)
        return 0;
    if (f->f_mode & FMODE_READ)
        --pipe->readers;
    if (f->f_mode & FMODE_WRITE)
        --pipe->writers;
    pipe->rd_wait.wake_up_all();
    pipe->wr_wait.wake_up_all();
    if (pipe->readers == 0 && pipe->writers == 0) {
        node->i_pipe = nullptr;   // a FIFO starts empty at its next open
        free_pipe_info(pipe);
    }
    return 0;
}

// Opening a FIFO: readers wait for a writer and writers for a reader, as Linux's fifo_open.
int fifo_open(inode* node, file* f)
{
    if (!node->i_pipe) {
        node->i_pipe = alloc_pipe_info();
        if (!node->i_pipe)
            return -ENOMEM;
    }
    pipe_inode_info* pipe = node->i_pipe;
    fmode_t mode = f->f_mode & (FMODE_READ | FMODE_WRITE);
    // An anonymous pipe reopened through /proc/PID/fd/N waits for no partner (Linux's is_pipe).
    bool is_pipe = node->i_sb && node->i_sb->s_magic == 0x50495045;   // PIPEFS_MAGIC
    if (mode == FMODE_WRITE && nonblocking(f) && pipe->readers == 0 && !is_pipe) {
        if (pipe->writers == 0 && pipe->readers == 0) {
            node->i_pipe = nullptr;
            free_pipe_info(pipe);
        }
        return -ENXIO;
    }
    account_open(pipe, mode);
    f->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
    int error = 0;
    if (is_pipe) {
        // Nothing to wait for: a read sees EOF, a write EPIPE, as on Linux.
    } else if (mode == FMODE_READ && !nonblocking(f) && pipe->writers == 0) {
        unsigned seen = pipe->writer_opens;
        error = pipe->rd_wait.wait_until_interruptible([&] { return pipe->writer_opens != seen; });
    } else if (mode == FMODE_WRITE && pipe->readers == 0) {
        unsigned seen = pipe->reader_opens;
        error = pipe->wr_wait.wait_until_interruptible([&] { return pipe->reader_opens != seen; });
    }
    if (error < 0) {
        pipe_release(node, f);
        return error;
    }
    return 0;
}

// Anonymous pipes live on an internal super block that nobody mounts.
void pipefs_evict_inode(inode* node)
{
    if (node->i_pipe) {
        free_pipe_info(node->i_pipe);
        node->i_pipe = nullptr;
    }
}

const super_operations pipefs_super_operations = {
    .evict_inode = pipefs_evict_inode,
};

// FIONREAD: how many bytes a read would get now.
long pipe_ioctl(file* f, unsigned int command, unsigned long argument)
{
    if (command != FIONREAD)
        return -ENOTTY;
    int queued = static_cast<int>(f->f_inode->i_pipe->length);
    return put_user_value(queued, reinterpret_cast<int __user*>(argument));
}

constinit file_system_type pipefs_type = { .name = "pipefs" };
constinit super_block* pipefs_sb = nullptr;

} // namespace

const file_operations pipefifo_fops = {
    .owner = nullptr,
    .llseek = no_llseek,
    .read = pipe_read,
    .write = pipe_write,
    .poll = pipe_poll,
    .unlocked_ioctl = pipe_ioctl,
    .open = fifo_open,
    .release = pipe_release,
};

// Makes the two ends of a new pipe: files[0] reads, files[1] writes.
ErrorOr<void> create_pipe_files(file* files[2], int flags)
{
    if (!pipefs_sb) {
        pipefs_sb = alloc_anon_super(&pipefs_type);
        if (!pipefs_sb)
            return ENO(ENOMEM);
        pipefs_sb->s_op = &pipefs_super_operations;
        pipefs_sb->s_magic = 0x50495045;   // PIPEFS_MAGIC
    }
    inode* node = new_inode(pipefs_sb);
    if (!node)
        return ENO(ENOMEM);
    node->i_nlink = 0;   // goes away with its last file
    node->i_mode = S_IFIFO | 0600;
    node->i_uid = current_fsuid();
    node->i_gid = current_fsgid();
    node->i_fop = &pipefifo_fops;
    node->i_pipe = alloc_pipe_info();
    file* reader = alloc_file();
    file* writer = alloc_file();
    if (!node->i_pipe || !reader || !writer) {
        kfree(reader);
        kfree(writer);
        iput(node);
        return ENO(ENOMEM);
    }
    reader->f_inode = node;
    reader->f_op = &pipefifo_fops;
    reader->f_flags = O_RDONLY | (flags & O_NONBLOCK);
    reader->f_mode = FMODE_READ;
    writer->f_inode = node;
    ihold(node);
    writer->f_op = &pipefifo_fops;
    writer->f_flags = O_WRONLY | (flags & O_NONBLOCK);
    writer->f_mode = FMODE_WRITE;
    account_open(node->i_pipe, FMODE_READ);
    account_open(node->i_pipe, FMODE_WRITE);
    files[0] = reader;
    files[1] = writer;
    return {};
}

extern "C" long sys_pipe2(int __user* fds, int flags)
{
    if (flags & ~(O_CLOEXEC | O_NONBLOCK))
        return -EINVAL;
    if (!current->files)
        return -EMFILE;
    file* files[2];
    auto created = create_pipe_files(files, flags);
    if (created.is_error())
        return -created.error().code();
    int fd[2];
    fd[0] = fd_install_new(current->files, files[0], flags & O_CLOEXEC);
    fd[1] = fd[0] < 0 ? -EMFILE : fd_install_new(current->files, files[1], flags & O_CLOEXEC);
    if (fd[1] < 0) {
        if (fd[0] >= 0)
            close_fd(fd[0]);
        else
            fput(files[0]);
        fput(files[1]);
        return -EMFILE;
    }
    if (copy_to_user(fds, fd, sizeof(fd))) {
        close_fd(fd[0]);
        close_fd(fd[1]);
        return -EFAULT;
    }
    return 0;
}

extern "C" long sys_pipe(int __user* fds)
{
    return sys_pipe2(fds, 0);
}
