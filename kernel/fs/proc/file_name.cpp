// Names of open files for /proc/<pid>/fd, exe, cwd, root and maps. Linux prints
// a file's dentry path (d_path); kernlab has no dentries, so a directory is named
// by climbing "..", and any other file by the name it was opened under
// (file::f_name), or, when that no longer names it, by finding its inode in the
// directories of its mount (bounded), then naming the directory that holds it.
#include "internal.h"
#include <kernel/mm.h>
#include <libk/format.h>
#include <libk/string.h>
#include <linux/stat.h>

namespace {

constexpr unsigned long pipefs_magic = 0x50495045;
constexpr int max_search_depth = 12;
constexpr int max_search_dirs = 512;   // directories read per search, so a big disk cannot stall readlink
constexpr size_t subdir_names_size = 2048;

struct DirScan {
    dir_context ctx;
    unsigned long ino;        // the inode looked for
    bool found;
    char name[NAME_MAX + 1];  // its name, when found
    char* subdirs;            // names of the subdirectories, NUL-separated
    size_t subdirs_used;
};

bool scan_entry(dir_context* ctx, const char* name, int length, loff_t, u64 ino, unsigned type)
{
    auto* scan = reinterpret_cast<DirScan*>(ctx);
    if (is_dot_or_dotdot(name, static_cast<size_t>(length)))
        return true;
    if (ino == scan->ino) {
        size_t n = libk::min(static_cast<size_t>(length), NAME_MAX);
        libk::memcpy(scan->name, name, n);
        scan->name[n] = '\0';
        scan->found = true;
        return false;
    }
    if (type == DT_DIR && scan->subdirs_used + static_cast<size_t>(length) + 1 <= subdir_names_size) {
        libk::memcpy(scan->subdirs + scan->subdirs_used, name, static_cast<size_t>(length));
        scan->subdirs_used += static_cast<size_t>(length);
        scan->subdirs[scan->subdirs_used++] = '\0';
    }
    return true;
}

// Looks for `ino` in `dir` and below (same mount only). On success `*holder`
// is the directory that lists it (referenced) and `name` its entry there.
bool search_dir(vfsmount* mnt, inode* dir, unsigned long ino, int depth, int& budget, inode** holder, char* name)
{
    if (--budget < 0 || !dir->i_fop || !dir->i_fop->iterate_shared)
        return false;
    auto* scan = static_cast<DirScan*>(kzalloc(sizeof(DirScan), GFP_KERNEL));
    char* subdirs = static_cast<char*>(kmalloc(subdir_names_size, GFP_KERNEL));
    bool found = false;
    if (scan && subdirs) {
        file f {};
        f.f_inode = dir;
        f.f_op = dir->i_fop;
        f.f_count = 1;
        scan->ctx.actor = scan_entry;
        scan->ino = ino;
        scan->subdirs = subdirs;
        if (dir->i_fop->iterate_shared(&f, &scan->ctx) >= 0 && scan->found) {
            ihold(dir);
            *holder = dir;
            libk::strlcpy(name, scan->name, NAME_MAX + 1);
            found = true;
        }
        for (size_t at = 0; !found && depth < max_search_depth && at < scan->subdirs_used;) {
            const char* sub = subdirs + at;
            size_t length = libk::strlen(sub);
            at += length + 1;
            auto child = lookup_one(dir, sub, length);
            if (child.is_error())
                continue;
            inode* node = child.value();
            // Something mounted here hides the directory: the file cannot be reached through it.
            if (S_ISDIR(node->i_mode) && !lookup_mnt(mnt, node))
                found = search_dir(mnt, node, ino, depth + 1, budget, holder, name);
            iput(node);
        }
    }
    kfree(subdirs);
    kfree(scan);
    return found;
}

int join(char* buffer, size_t size, size_t dir_length, const char* name)
{
    size_t name_length = libk::strlen(name);
    bool at_root = dir_length == 1 && buffer[0] == '/';
    size_t total = (at_root ? 1 : dir_length + 1) + name_length;
    if (total + 1 > size)
        return -ENAMETOOLONG;
    size_t at = at_root ? 1 : dir_length;
    if (!at_root)
        buffer[at++] = '/';
    libk::memcpy(buffer + at, name, name_length + 1);
    return static_cast<int>(total);
}

// The name the file was opened under, while it still names the file; with
// " (deleted)" once the file has no links, as Linux's d_path shows it.
// -ENOENT when there is no record or it is stale (renamed): then search.
int recorded_name(file* f, char* buffer, size_t size)
{
    file_name* name = f->f_name;
    inode* node = file_inode(f);
    if (!name)
        return -ENOENT;
    bool deleted = node->i_nlink == 0;
    if (!deleted) {
        auto found = lookup_one(name->dir.node, name->name, name->length);
        if (found.is_error())
            return -ENOENT;
        bool same = found.value()->i_sb == node->i_sb && found.value()->i_ino == node->i_ino;
        iput(found.value());
        if (!same)
            return -ENOENT;
    }
    int length = proc_path_name(name->dir, buffer, size);
    if (length < 0)
        return length;
    length = join(buffer, size, static_cast<size_t>(length), name->name);
    if (length < 0 || !deleted)
        return length;
    constexpr char suffix[] = " (deleted)";
    if (static_cast<size_t>(length) + sizeof(suffix) > size)
        return -ENAMETOOLONG;
    libk::memcpy(buffer + length, suffix, sizeof(suffix));
    return length + static_cast<int>(sizeof(suffix)) - 1;
}

} // namespace

int proc_path_name(const Path& path, char* buffer, size_t size)
{
    auto length = path_name(path, current_root(), buffer, size);
    return length.is_error() ? -length.error().code() : static_cast<int>(length.value());
}

int proc_file_name(file* f, char* buffer, size_t size)
{
    inode* node = file_inode(f);
    super_block* sb = node->i_sb;
    if (sb && sb->s_magic == pipefs_magic)
        return libk::snprintf(buffer, size, "pipe:[%lu]", node->i_ino);
    if (!f->f_vfsmnt) {
        // Not reachable by any path (Linux's anon_inode files name their kind).
        return libk::snprintf(buffer, size, "anon_inode:[%s]", sb && sb->s_type ? sb->s_type->name : "?");
    }
    Path path { f->f_vfsmnt, node };
    if (S_ISDIR(node->i_mode))
        return proc_path_name(path, buffer, size);
    if (int result = recorded_name(f, buffer, size); result != -ENOENT)
        return result;
    inode* holder = nullptr;
    char* name = static_cast<char*>(kmalloc(NAME_MAX + 1, GFP_KERNEL));
    if (!name)
        return -ENOMEM;
    int budget = max_search_dirs;
    int result = -ENOENT;   // unlinked, or too deep to find
    if (search_dir(f->f_vfsmnt, f->f_vfsmnt->mnt_root, node->i_ino, 0, budget, &holder, name)) {
        result = proc_path_name(Path { f->f_vfsmnt, holder }, buffer, size);
        if (result >= 0)
            result = join(buffer, size, static_cast<size_t>(result), name);
        iput(holder);
    }
    kfree(name);
    return result;
}
