// Per-process root, working directory and umask (fs_struct).
#include "internal.h"
#include <kernel/mm.h>

fs_struct* fs_alloc_root()
{
    auto* fs = static_cast<fs_struct*>(kzalloc(sizeof(fs_struct), GFP_KERNEL));
    if (!fs)
        return nullptr;
    fs->count = 1;
    fs->root = path_get(root_path());
    fs->pwd = path_get(root_path());
    fs->umask = 022;
    return fs;
}

fs_struct* fs_copy(fs_struct* old)
{
    if (!old)
        return fs_alloc_root();
    auto* fs = static_cast<fs_struct*>(kzalloc(sizeof(fs_struct), GFP_KERNEL));
    if (!fs)
        return nullptr;
    fs->count = 1;
    fs->root = path_get(old->root);
    fs->pwd = path_get(old->pwd);
    fs->umask = old->umask;
    return fs;
}

void fs_put(fs_struct* fs)
{
    if (!fs || --fs->count > 0)
        return;
    path_put(fs->root);
    path_put(fs->pwd);
    kfree(fs);
}
