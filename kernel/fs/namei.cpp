// The path walk: names to inodes, one component at a time through each
// directory's lookup, with ".", "..", symlinks and mount points.
#include "internal.h"
#include <kernel/mm.h>
#include <kernel/uaccess.h>
#include <libk/string.h>
#include <linux/fcntl.h>
#include <linux/stat.h>

Path path_get(const Path& path)
{
    mntget(path.mnt);
    if (path.node)
        ihold(path.node);
    return path;
}

void path_put(Path& path)
{
    if (path.node)
        iput(path.node);
    mntput(path.mnt);
    path = Path {};
}

Path current_root()
{
    if (current && current->fs && current->fs->root.node)
        return current->fs->root;
    return root_path();
}

Path current_pwd()
{
    if (current && current->fs && current->fs->pwd.node)
        return current->fs->pwd;
    return root_path();
}

umode_t current_umask()
{
    return current && current->fs ? current->fs->umask : 022;
}

namespace {

bool same_path(const Path& a, const Path& b)
{
    return a.mnt == b.mnt && a.node == b.node;
}

// Moves `path` to the root of whatever is mounted on it (repeatedly: stacked mounts).
void follow_mounts(Path& path)
{
    while (vfsmount* mounted = lookup_mnt(path.mnt, path.node)) {
        Path next = path_get(Path { mounted, mounted->mnt_root });
        path_put(path);
        path = next;
    }
}

// "..": stays at the process root, climbs out of mounts, then asks the directory.
ErrorOr<void> step_up(Path& path)
{
    Path root = current_root();
    for (;;) {
        if (same_path(path, root))
            return {};
        if (path.node != path.mnt->mnt_root || path.mnt->mnt_parent == path.mnt)
            break;
        Path below = path_get(Path { path.mnt->mnt_parent, path.mnt->mnt_mountpoint });
        path_put(path);
        path = below;
    }
    inode* parent = TRY(lookup_one(path.node, "..", 2));
    iput(path.node);
    path.node = parent;
    return {};
}

ErrorOr<Path> walk(Path start, const char* name, size_t length, unsigned flags, int& links, LastComponent* last);

void forget_last(LastComponent* last)
{
    if (last && last->dir.node)
        path_put(last->dir);
}

void remember_last(LastComponent* last, const Path& dir, const char* name, size_t length)
{
    if (!last)
        return;
    forget_last(last);
    last->dir = path_get(dir);
    last->length = length;
    libk::memcpy(last->name, name, length);
    last->name[length] = '\0';
}

// A magic link (/proc/PID/fd/N, exe, cwd, root): the walk jumps to the place
// it stands for (Linux's nd_jump_link), so it works when the text is stale:
// an unlinked file, a pipe. An open file's name becomes the walk's last name.
ErrorOr<Path> jump_link(Path dir, Path link, LastComponent* last)
{
    path_put(dir);
    Path target {};
    file* opened = nullptr;
    int error = link.node->i_op->get_link_path(link.node, &target.mnt, &target.node, &opened);
    path_put(link);
    if (error < 0)
        return errno_error(error);
    if (opened) {
        if (opened->f_name)
            remember_last(last, opened->f_name->dir, opened->f_name->name, opened->f_name->length);
        fput(opened);
    }
    return target;
}

// Follows the symlink `link` found in directory `dir` (both consumed); the result
// replaces them.
ErrorOr<Path> follow_link(Path dir, Path link, int& links, LastComponent* last)
{
    if (++links > max_symlink_depth) {
        path_put(dir);
        path_put(link);
        return ENO(ELOOP);
    }
    if (link.node->i_op && link.node->i_op->get_link_path)
        return jump_link(dir, link, last);
    char* target = static_cast<char*>(kmalloc(PATH_MAX, GFP_KERNEL));
    if (!target) {
        path_put(dir);
        path_put(link);
        return ENO(ENOMEM);
    }
    int length = -EINVAL;
    if (link.node->i_op && link.node->i_op->readlink)
        length = link.node->i_op->readlink(link.node, target, PATH_MAX);
    path_put(link);
    if (length <= 0) {
        kfree(target);
        path_put(dir);
        return length < 0 ? errno_error(length) : ENO(ENOENT);
    }
    auto result = walk(dir, target, static_cast<size_t>(length), LOOKUP_FOLLOW, links, last);
    kfree(target);
    return result;
}

// Resolves name[0..length) from `start` (whose reference it consumes). With
// `last`, records the directory and name the result was found under.
ErrorOr<Path> walk(Path start, const char* name, size_t length, unsigned flags, int& links, LastComponent* last)
{
    Path path = start;
    if (length > 0 && name[0] == '/') {
        path_put(path);
        path = path_get(current_root());
    }
    size_t i = 0;
    bool trailing_slash = false;
    for (;;) {
        while (i < length && name[i] == '/')
            ++i;
        if (i >= length)
            break;
        size_t begin = i;
        while (i < length && name[i] != '/')
            ++i;
        size_t component_length = i - begin;
        const char* component = name + begin;
        size_t after = i;
        while (after < length && name[after] == '/')
            ++after;
        bool is_last = after >= length;
        trailing_slash = is_last && after > i;
        forget_last(last);   // only the final component's place counts

        if (!S_ISDIR(path.node->i_mode)) {
            path_put(path);
            return ENO(ENOTDIR);
        }
        if (int error = inode_permission(path.node, MAY_EXEC); error < 0) {
            path_put(path);
            return errno_error(error);
        }
        if (component_length > NAME_MAX) {
            path_put(path);
            return ENO(ENAMETOOLONG);
        }
        if (component_length == 1 && component[0] == '.')
            continue;
        if (component_length == 2 && component[0] == '.' && component[1] == '.') {
            auto up = step_up(path);
            if (up.is_error()) {
                path_put(path);
                return up.error();
            }
            continue;
        }
        auto child = lookup_one(path.node, component, component_length);
        if (child.is_error()) {
            path_put(path);
            return child.error();
        }
        Path next { mntget(path.mnt), child.value() };
        follow_mounts(next);
        if (S_ISLNK(next.node->i_mode) && (!is_last || (flags & LOOKUP_FOLLOW) || trailing_slash)) {
            path = TRY(follow_link(path, next, links, last));
            continue;
        }
        if (is_last)
            remember_last(last, path, component, component_length);
        path_put(path);
        path = next;
    }
    if (((flags & LOOKUP_DIRECTORY) || trailing_slash) && !S_ISDIR(path.node->i_mode)) {
        path_put(path);
        return ENO(ENOTDIR);
    }
    return path;
}

// The directory relative paths start from: the cwd or the directory open at `dfd`.
ErrorOr<Path> start_path(int dfd, const char* name)
{
    if (name[0] == '/' || dfd == AT_FDCWD)
        return path_get(current_pwd());
    Path path = TRY(fd_path_get(dfd));
    if (!S_ISDIR(path.node->i_mode)) {
        path_put(path);
        return ENO(ENOTDIR);
    }
    return path;
}

// A whole walk of `name` from dfd, recording its last component in `last` if given.
ErrorOr<Path> lookup_from(int dfd, const char* name, unsigned flags, LastComponent* last)
{
    if (!name[0])
        return ENO(ENOENT);
    if (!root_path().mnt)
        return ENO(ENOENT);
    Path start = TRY(start_path(dfd, name));
    int links = 0;
    return walk(start, name, libk::strlen(name), flags, links, last);
}

} // namespace

ErrorOr<Path> path_lookup(int dfd, const char* name, unsigned flags)
{
    return lookup_from(dfd, name, flags, nullptr);
}

ErrorOr<Path> path_lookup_last(int dfd, const char* name, unsigned flags, LastComponent& last)
{
    last.dir = Path {};
    auto result = lookup_from(dfd, name, flags, &last);
    if (result.is_error() || S_ISDIR(result.value().node->i_mode))
        forget_last(&last);   // directories are named by climbing "..", not by a record
    return result;
}

void last_component_put(LastComponent& last)
{
    forget_last(&last);
}

void last_component_set(LastComponent& last, const Path& dir, const char* name, size_t length)
{
    remember_last(&last, dir, name, length);
}

file_name* file_name_from(const LastComponent& last)
{
    if (!last.dir.node)
        return nullptr;
    auto* name = static_cast<file_name*>(kmalloc(sizeof(file_name) + last.length + 1, GFP_KERNEL));
    if (!name)
        return nullptr;
    name->dir = path_get(last.dir);
    name->length = last.length;
    libk::memcpy(name->name, last.name, last.length + 1);
    name->entry.d_name = { 0, static_cast<u32>(last.length), reinterpret_cast<const unsigned char*>(name->name) };
    name->entry.d_inode = nullptr;   // the opener's file sets it
    return name;
}

void file_name_put(file_name* name)
{
    if (!name)
        return;
    path_put(name->dir);
    kfree(name);
}

ErrorOr<ParentPath> path_lookup_parent(int dfd, const char* name)
{
    size_t length = libk::strlen(name);
    if (length == 0)
        return ENO(ENOENT);
    if (length >= PATH_MAX)
        return ENO(ENAMETOOLONG);
    ParentPath result {};
    size_t end = length;
    while (end > 1 && name[end - 1] == '/')
        --end;
    result.trailing_slash = end < length;
    size_t last_start = end;
    while (last_start > 0 && name[last_start - 1] != '/')
        --last_start;
    result.last = name + last_start;
    result.last_length = end - last_start;
    if (result.last_length == 1 && result.last[0] == '/')
        result.last_length = 0;   // the path is "/"
    if (result.last_length > NAME_MAX)
        return ENO(ENAMETOOLONG);
    Path start = TRY(start_path(dfd, name));
    int links = 0;
    result.dir = TRY(walk(start, name, last_start, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, links, nullptr));
    return result;
}

namespace {

struct NameSearch {
    dir_context ctx;
    unsigned long ino;
    char name[NAME_MAX + 1];
    bool found;
};

bool match_ino(dir_context* ctx, const char* name, int length, loff_t, u64 ino, unsigned)
{
    auto* search = reinterpret_cast<NameSearch*>(ctx);
    if (ino != search->ino || (length == 1 && name[0] == '.') || (length == 2 && name[0] == '.' && name[1] == '.'))
        return true;
    size_t n = libk::min(static_cast<size_t>(length), NAME_MAX);
    libk::memcpy(search->name, name, n);
    search->name[n] = '\0';
    search->found = true;
    return false;
}

// The name under which `dir` lists `child`.
ErrorOr<void> name_in_directory(inode* dir, inode* child, NameSearch& search)
{
    if (!dir->i_fop || !dir->i_fop->iterate_shared)
        return ENO(ENOENT);
    file f {};
    f.f_inode = dir;
    f.f_op = dir->i_fop;
    f.f_count = 1;
    search.ctx.actor = match_ino;
    search.ctx.pos = 0;
    search.ino = child->i_ino;
    search.found = false;
    int error = dir->i_fop->iterate_shared(&f, &search.ctx);
    if (error < 0)
        return errno_error(error);
    return search.found ? ErrorOr<void> {} : ENO(ENOENT);
}

} // namespace

ErrorOr<size_t> path_name(const Path& start, const Path& root, char* buffer, size_t size)
{
    auto* search = static_cast<NameSearch*>(kmalloc(sizeof(NameSearch), GFP_KERNEL));
    if (!search)
        return ENO(ENOMEM);
    size_t pos = size;
    buffer[--pos] = '\0';
    Path path = path_get(start);
    ErrorOr<void> status {};
    while (!same_path(path, root)) {
        if (path.node == path.mnt->mnt_root) {
            if (path.mnt->mnt_parent == path.mnt)
                break;   // outside the caller's root: show it from the real root
            Path below = path_get(Path { path.mnt->mnt_parent, path.mnt->mnt_mountpoint });
            path_put(path);
            path = below;
            continue;
        }
        auto parent = lookup_one(path.node, "..", 2);
        if (parent.is_error()) {
            status = parent.error();
            break;
        }
        status = name_in_directory(parent.value(), path.node, *search);
        iput(path.node);
        path.node = parent.value();
        if (status.is_error())
            break;
        size_t n = libk::strlen(search->name);
        if (n + 1 > pos) {
            status = ENO(ENAMETOOLONG);
            break;
        }
        pos -= n;
        libk::memcpy(buffer + pos, search->name, n);
        buffer[--pos] = '/';
    }
    path_put(path);
    kfree(search);
    if (status.is_error())
        return status.error();
    if (pos == size - 1) {
        if (pos == 0)
            return ENO(ENAMETOOLONG);
        buffer[--pos] = '/';
    }
    size_t length = size - 1 - pos;
    libk::memmove(buffer, buffer + pos, length + 1);
    return length;
}
