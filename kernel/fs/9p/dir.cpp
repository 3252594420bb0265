// 9p directories (Linux's fs/9p/vfs_dir.c): open is Tlopen on a clone of the
// inode's fid; readdir is Treaddir from the server's offset cookie, which is
// what the file position holds between calls.
#include "v9fs.h"
#include <linux/fcntl.h>

namespace {

uint32_t open_fid_of(file* f) { return static_cast<uint32_t>(reinterpret_cast<uintptr_t>(f->private_data)); }

int v9fs_dir_open(inode* node, file* f)
{
    auto fid = v9fs_open_fid(node, O_RDONLY | O_DIRECTORY);
    if (fid.is_error())
        return -fid.error().code();
    f->private_data = reinterpret_cast<void*>(static_cast<uintptr_t>(fid.value()));
    return 0;
}

int v9fs_dir_release(inode* node, file* f)
{
    p9_clunk(v9fs_client(node), open_fid_of(f));
    return 0;
}

struct ReaddirState {
    dir_context* ctx;
    bool full;
};

bool emit_entry(const p9::DirEntry& entry, void* context)
{
    auto* state = static_cast<ReaddirState*>(context);
    uint64_t path = entry.qid.path;
    if (!dir_emit(state->ctx, entry.name.data(), static_cast<int>(entry.name.length()),
            static_cast<unsigned long>(path ^ (path >> 32)), entry.type)) {
        state->full = true;   // the caller's buffer: this entry comes first next time
        return false;
    }
    state->ctx->pos = static_cast<loff_t>(entry.offset);
    return true;
}

int v9fs_readdir(file* f, dir_context* ctx)
{
    P9Client* c = v9fs_client(file_inode(f));
    ReaddirState state { ctx, false };
    for (;;) {
        long seen = p9_readdir(c, open_fid_of(f), static_cast<uint64_t>(ctx->pos), emit_entry, &state);
        if (seen < 0)
            return static_cast<int>(seen);
        if (seen == 0 || state.full)
            return 0;
    }
}

} // namespace

const file_operations v9fs_dir_operations = {
    .owner = nullptr,
    .llseek = generic_file_llseek,
    .iterate_shared = v9fs_readdir,
    .open = v9fs_dir_open,
    .release = v9fs_dir_release,
};
