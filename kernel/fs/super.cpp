// File-system types and super blocks: register_filesystem and the helpers a
// file system's get_sb uses.
#include "internal.h"
#include <kernel/mm.h>
#include <libk/string.h>

namespace {
constinit file_system_type* file_systems = nullptr;
constinit unsigned next_anon_minor = 1;
}

extern "C" int register_filesystem(struct file_system_type* type)
{
    if (get_fs_type(type->name))
        return -EBUSY;
    file_system_type** tail = &file_systems;
    while (*tail)
        tail = &(*tail)->next;
    type->next = nullptr;
    *tail = type;
    return 0;
}

extern "C" int unregister_filesystem(struct file_system_type* type)
{
    for (file_system_type** p = &file_systems; *p; p = &(*p)->next) {
        if (*p == type) {
            *p = type->next;
            type->next = nullptr;
            return 0;
        }
    }
    return -EINVAL;
}

file_system_type* get_fs_type(const char* name)
{
    for (file_system_type* type = file_systems; type; type = type->next)
        if (libk::strcmp(type->name, name) == 0)
            return type;
    return nullptr;
}

void for_each_filesystem(void (*visitor)(file_system_type* type, void* context), void* context)
{
    for (file_system_type* type = file_systems; type; type = type->next)
        visitor(type, context);
}

extern "C" struct super_block* alloc_anon_super(struct file_system_type* type)
{
    auto* sb = static_cast<super_block*>(kzalloc(sizeof(super_block), GFP_KERNEL));
    if (!sb)
        return nullptr;
    sb->s_type = type;
    sb->s_dev = MKDEV(0, next_anon_minor++);   // Linux's anonymous block devices (major 0)
    sb->s_blocksize = 4096;
    sb->s_blocksize_bits = 12;
    sb->s_maxbytes = MAX_LFS_FILESIZE;
    return sb;
}

extern "C" void free_super(struct super_block* sb)
{
    kfree(sb);
}
