// getdents64 and getdents: directory entries as struct linux_dirent64 records,
// or as the older struct linux_dirent (32-bit inode numbers, type in the last byte).
#include "internal.h"
#include <kernel/uaccess.h>
#include <libk/string.h>
#include <linux/dirent.h>
#include <linux/stat.h>

namespace {

struct GetdentsCallback {
    dir_context ctx;
    char __user* buffer;
    size_t size;       // bytes left
    size_t used;
    int error;
};

// Whether a record of `record` bytes still fits; a first one that does not is EINVAL.
bool record_fits(GetdentsCallback* state, size_t record)
{
    if (record <= state->size)
        return true;
    if (state->used == 0)
        state->error = -EINVAL;   // the buffer cannot hold even one entry
    return false;
}

// Copies a record built in kernel memory out in one go and moves on past it.
bool put_record(GetdentsCallback* state, const char* kernel_record, size_t record)
{
    if (copy_to_user(state->buffer + state->used, kernel_record, record)) {
        state->error = -EFAULT;
        return false;
    }
    state->used += record;
    state->size -= record;
    return true;
}

bool fill_dirent64(dir_context* ctx, const char* name, int length, loff_t, u64 ino, unsigned type)
{
    auto* state = reinterpret_cast<GetdentsCallback*>(ctx);
    size_t header = __builtin_offsetof(linux_dirent64, d_name);
    size_t record = (header + static_cast<size_t>(length) + 1 + 7) & ~size_t { 7 };
    if (!record_fits(state, record))
        return false;
    alignas(8) char kernel_record[sizeof(linux_dirent64) + NAME_MAX + 8];
    libk::memset(kernel_record, 0, record);
    auto* dirent = reinterpret_cast<linux_dirent64*>(kernel_record);
    dirent->d_ino = ino;
    dirent->d_off = ctx->pos + 1;
    dirent->d_reclen = static_cast<unsigned short>(record);
    dirent->d_type = static_cast<unsigned char>(type);
    libk::memcpy(dirent->d_name, name, static_cast<size_t>(length));
    return put_record(state, kernel_record, record);
}

// struct linux_dirent (fs/readdir.c): no uapi header has it.
struct linux_dirent {
    unsigned long d_ino;
    unsigned long d_off;
    unsigned short d_reclen;
    char d_name[1];
};

bool fill_dirent(dir_context* ctx, const char* name, int length, loff_t, u64 ino, unsigned type)
{
    auto* state = reinterpret_cast<GetdentsCallback*>(ctx);
    size_t header = __builtin_offsetof(linux_dirent, d_name);
    size_t record = (header + static_cast<size_t>(length) + 2 + sizeof(long) - 1) & ~(sizeof(long) - 1);
    if (ino > 0xffffffffull) {
        state->error = -EOVERFLOW;
        return false;
    }
    if (!record_fits(state, record))
        return false;
    alignas(8) char kernel_record[sizeof(linux_dirent) + NAME_MAX + 8];
    libk::memset(kernel_record, 0, record);
    auto* dirent = reinterpret_cast<linux_dirent*>(kernel_record);
    dirent->d_ino = static_cast<unsigned long>(ino);
    dirent->d_off = static_cast<unsigned long>(ctx->pos + 1);
    dirent->d_reclen = static_cast<unsigned short>(record);
    libk::memcpy(dirent->d_name, name, static_cast<size_t>(length));
    kernel_record[record - 1] = static_cast<char>(type);   // d_type after the name's NUL and padding
    return put_record(state, kernel_record, record);
}

long do_getdents(unsigned int fd, char __user* buffer, unsigned int count, filldir_t actor)
{
    file* f = fget(static_cast<int>(fd));
    if (!f)
        return -EBADF;
    long result;
    if (!S_ISDIR(file_inode(f)->i_mode)) {
        result = -ENOTDIR;
    } else if (!f->f_op || !f->f_op->iterate_shared) {
        result = -ENOTDIR;
    } else if (!access_ok(buffer, count)) {
        result = -EFAULT;
    } else {
        GetdentsCallback state {};
        state.ctx.actor = actor;
        state.ctx.pos = f->f_pos;
        state.buffer = buffer;
        state.size = count;
        int error = f->f_op->iterate_shared(f, &state.ctx);
        f->f_pos = state.ctx.pos;
        if (state.used > 0)
            result = static_cast<long>(state.used);
        else
            result = error < 0 ? error : state.error;
    }
    fput(f);
    return result;
}

} // namespace

extern "C" long sys_getdents(unsigned int fd, char __user* buffer, unsigned int count)
{
    return do_getdents(fd, buffer, count, fill_dirent);
}

extern "C" long sys_getdents64(unsigned int fd, char __user* buffer, unsigned int count)
{
    return do_getdents(fd, buffer, count, fill_dirent64);
}
