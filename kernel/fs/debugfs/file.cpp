// debugfs files that show one variable (debugfs_create_u32, _bool, _blob...),
// and the simple_attr files of DEFINE_DEBUGFS_ATTRIBUTE (Linux's fs/debugfs/file.c
// and fs/libfs.c). Value files count their calls so removal can wait for them.
#include "debugfs.h"
#include <kernel/mm.h>
#include <libk/format.h>
#include <libk/string.h>
#include <linux/atomic.h>
#include <linux/debugfs.h>
#include <linux/uaccess.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/stat.h>

namespace {

enum class ValueKind { U8, U16, U32, U64, X8, X16, X32, SizeT, Atomic, Bool, Blob };

struct ValueType {
    ValueKind kind;
};

constexpr ValueType type_u8 = { ValueKind::U8 };
constexpr ValueType type_u16 = { ValueKind::U16 };
constexpr ValueType type_u32 = { ValueKind::U32 };
constexpr ValueType type_u64 = { ValueKind::U64 };
constexpr ValueType type_x8 = { ValueKind::X8 };
constexpr ValueType type_x16 = { ValueKind::X16 };
constexpr ValueType type_x32 = { ValueKind::X32 };
constexpr ValueType type_size_t = { ValueKind::SizeT };
constexpr ValueType type_atomic = { ValueKind::Atomic };
constexpr ValueType type_bool = { ValueKind::Bool };
constexpr ValueType type_blob = { ValueKind::Blob };

// The text of the variable, as Linux's attribute formats ("%llu\n", "0x%08llx\n", "Y\n").
int format_value(const ValueType* type, void* value, char* out, size_t size)
{
    switch (type->kind) {
    case ValueKind::U8: return libk::scnprintf(out, size, "%u\n", *static_cast<u8*>(value));
    case ValueKind::U16: return libk::scnprintf(out, size, "%u\n", *static_cast<u16*>(value));
    case ValueKind::U32: return libk::scnprintf(out, size, "%u\n", *static_cast<u32*>(value));
    case ValueKind::U64: return libk::scnprintf(out, size, "%llu\n", static_cast<unsigned long long>(*static_cast<u64*>(value)));
    case ValueKind::X8: return libk::scnprintf(out, size, "0x%02x\n", *static_cast<u8*>(value));
    case ValueKind::X16: return libk::scnprintf(out, size, "0x%04x\n", *static_cast<u16*>(value));
    case ValueKind::X32: return libk::scnprintf(out, size, "0x%08x\n", *static_cast<u32*>(value));
    case ValueKind::SizeT: return libk::scnprintf(out, size, "%zu\n", *static_cast<size_t*>(value));
    case ValueKind::Atomic: return libk::scnprintf(out, size, "%d\n", atomic_read(static_cast<atomic_t*>(value)));
    case ValueKind::Bool: return libk::scnprintf(out, size, "%c\n", *static_cast<bool*>(value) ? 'Y' : 'N');
    case ValueKind::Blob: return 0;
    }
    return 0;
}

int set_value(const ValueType* type, void* value, const char* text)
{
    if (type->kind == ValueKind::Bool)
        return kstrtobool(text, static_cast<bool*>(value));
    unsigned long long number;
    if (int error = kstrtoull(text, 0, &number))
        return error;
    switch (type->kind) {
    case ValueKind::U8: case ValueKind::X8: *static_cast<u8*>(value) = static_cast<u8>(number); break;
    case ValueKind::U16: case ValueKind::X16: *static_cast<u16*>(value) = static_cast<u16>(number); break;
    case ValueKind::U32: case ValueKind::X32: *static_cast<u32*>(value) = static_cast<u32>(number); break;
    case ValueKind::U64: *static_cast<u64*>(value) = number; break;
    case ValueKind::SizeT: *static_cast<size_t*>(value) = static_cast<size_t>(number); break;
    case ValueKind::Atomic: atomic_set(static_cast<atomic_t*>(value), static_cast<int>(number)); break;
    default: return -EINVAL;
    }
    return 0;
}

kernfs_node* node_of(file* f)
{
    return kernfs_node_of(file_inode(f));
}

ssize_t value_read(file* f, char __user* out, size_t count, loff_t* pos)
{
    kernfs_node* kn = node_of(f);
    if (!kernfs_get_active(kn))
        return -EIO;
    auto* type = static_cast<const ValueType*>(kn->ops);
    ssize_t result;
    if (type->kind == ValueKind::Blob) {
        auto* blob = static_cast<debugfs_blob_wrapper*>(kn->priv);
        result = simple_read_from_buffer(out, count, pos, blob->data, blob->size);
    } else {
        char text[32];
        int length = format_value(type, kn->priv, text, sizeof(text));
        result = simple_read_from_buffer(out, count, pos, text, static_cast<size_t>(length));
    }
    kernfs_put_active(kn);
    return result;
}

// Without a write bit in its mode the file has no write (Linux's fops_*_ro).
ssize_t value_write(file* f, const char __user* in, size_t count, loff_t* pos)
{
    kernfs_node* kn = node_of(f);
    auto* type = static_cast<const ValueType*>(kn->ops);
    if (!(kn->mode & S_IWUGO) || type->kind == ValueKind::Blob)
        return -EINVAL;
    char text[32];
    size_t length = count < sizeof(text) - 1 ? count : sizeof(text) - 1;
    if (copy_from_user(text, in, length))
        return -EFAULT;
    text[length] = '\0';
    if (!kernfs_get_active(kn))
        return -EIO;
    int error = set_value(type, kn->priv, text);
    kernfs_put_active(kn);
    if (error)
        return error;
    *pos += static_cast<loff_t>(count);
    return static_cast<ssize_t>(count);
}

void create(const char* name, umode_t mode, dentry* parent, void* value, const ValueType& type)
{
    kernfs_node* kn = debugfs_create_value(name, mode, parent, value, &type);
    if (IS_ERR(kn))
        printk(KERN_ERR "debugfs: creating '%s' failed: %ld\n", name, PTR_ERR(kn));
}

// The state of one open DEFINE_DEBUGFS_ATTRIBUTE file (Linux's struct simple_attr).
struct simple_attr {
    int (*get)(void*, u64*);
    int (*set)(void*, u64);
    char get_buf[24];
    char set_buf[24];
    void* data;
    const char* fmt;
    struct mutex mutex;
};

} // namespace

const file_operations debugfs_value_fops = {
    .owner = nullptr,
    .llseek = default_llseek,
    .read = value_read,
    .write = value_write,
};

extern "C" {

void debugfs_create_u8(const char* name, umode_t mode, struct dentry* parent, u8* value) { create(name, mode, parent, value, type_u8); }
void debugfs_create_u16(const char* name, umode_t mode, struct dentry* parent, u16* value) { create(name, mode, parent, value, type_u16); }
void debugfs_create_u32(const char* name, umode_t mode, struct dentry* parent, u32* value) { create(name, mode, parent, value, type_u32); }
void debugfs_create_u64(const char* name, umode_t mode, struct dentry* parent, u64* value) { create(name, mode, parent, value, type_u64); }
void debugfs_create_x8(const char* name, umode_t mode, struct dentry* parent, u8* value) { create(name, mode, parent, value, type_x8); }
void debugfs_create_x16(const char* name, umode_t mode, struct dentry* parent, u16* value) { create(name, mode, parent, value, type_x16); }
void debugfs_create_x32(const char* name, umode_t mode, struct dentry* parent, u32* value) { create(name, mode, parent, value, type_x32); }
void debugfs_create_size_t(const char* name, umode_t mode, struct dentry* parent, size_t* value) { create(name, mode, parent, value, type_size_t); }
void debugfs_create_atomic_t(const char* name, umode_t mode, struct dentry* parent, atomic_t* value) { create(name, mode, parent, value, type_atomic); }
void debugfs_create_bool(const char* name, umode_t mode, struct dentry* parent, bool* value) { create(name, mode, parent, value, type_bool); }
EXPORT_SYMBOL(debugfs_create_u8);
EXPORT_SYMBOL(debugfs_create_u16);
EXPORT_SYMBOL(debugfs_create_u32);
EXPORT_SYMBOL(debugfs_create_u64);
EXPORT_SYMBOL(debugfs_create_x8);
EXPORT_SYMBOL(debugfs_create_x16);
EXPORT_SYMBOL(debugfs_create_x32);
EXPORT_SYMBOL(debugfs_create_size_t);
EXPORT_SYMBOL(debugfs_create_atomic_t);
EXPORT_SYMBOL(debugfs_create_bool);

struct dentry* debugfs_create_blob(const char* name, umode_t mode, struct dentry* parent,
    struct debugfs_blob_wrapper* blob)
{
    kernfs_node* kn = debugfs_create_value(name, static_cast<umode_t>(mode & 0444), parent, blob, &type_blob);
    return IS_ERR(kn) ? static_cast<dentry*>(static_cast<void*>(kn)) : &kn->d;
}
EXPORT_SYMBOL(debugfs_create_blob);

// libfs's simple_open: the data the file was created with, for the driver's calls.
int simple_open(struct inode* inode, struct file* file)
{
    if (inode->i_private)
        file->private_data = inode->i_private;
    return 0;
}
EXPORT_SYMBOL(simple_open);

int simple_attr_open(struct inode* inode, struct file* file, int (*get)(void*, u64*), int (*set)(void*, u64),
    const char* fmt)
{
    auto* attr = static_cast<simple_attr*>(kzalloc(sizeof(simple_attr), GFP_KERNEL));
    if (!attr)
        return -ENOMEM;
    attr->get = get;
    attr->set = set;
    attr->data = inode->i_private;
    attr->fmt = fmt;
    mutex_init(&attr->mutex);
    file->private_data = attr;
    return nonseekable_open(inode, file);
}
EXPORT_SYMBOL(simple_attr_open);

int simple_attr_release(struct inode*, struct file* file)
{
    kfree(file->private_data);
    return 0;
}
EXPORT_SYMBOL(simple_attr_release);

// The value is read once per read from offset 0, then served from get_buf.
ssize_t simple_attr_read(struct file* file, char __user* buf, size_t len, loff_t* ppos)
{
    auto* attr = static_cast<simple_attr*>(file->private_data);
    if (!attr->get)
        return -EACCES;
    if (int error = mutex_lock_interruptible(&attr->mutex))
        return error;
    size_t size;
    if (*ppos && attr->get_buf[0]) {
        size = libk::strlen(attr->get_buf);
    } else {
        u64 value;
        int error = attr->get(attr->data, &value);
        if (error) {
            mutex_unlock(&attr->mutex);
            return error;
        }
        size = static_cast<size_t>(libk::scnprintf(attr->get_buf, sizeof(attr->get_buf), attr->fmt,
            static_cast<unsigned long long>(value)));
    }
    ssize_t result = simple_read_from_buffer(buf, len, ppos, attr->get_buf, size);
    mutex_unlock(&attr->mutex);
    return result;
}
EXPORT_SYMBOL(simple_attr_read);

ssize_t simple_attr_write(struct file* file, const char __user* buf, size_t len, loff_t* ppos)
{
    auto* attr = static_cast<simple_attr*>(file->private_data);
    if (!attr->set)
        return -EACCES;
    if (int error = mutex_lock_interruptible(&attr->mutex))
        return error;
    size_t size = len < sizeof(attr->set_buf) - 1 ? len : sizeof(attr->set_buf) - 1;
    ssize_t result;
    if (copy_from_user(attr->set_buf, buf, size)) {
        result = -EFAULT;
    } else {
        attr->set_buf[size] = '\0';
        unsigned long long value;
        result = kstrtoull(attr->set_buf, 0, &value);
        if (result == 0)
            result = attr->set(attr->data, value);
        if (result == 0)
            result = static_cast<ssize_t>(len);   // everything was taken, as Linux says
    }
    mutex_unlock(&attr->mutex);
    return result;
}
EXPORT_SYMBOL(simple_attr_write);

} // extern "C"
