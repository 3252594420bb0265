// The 9P2000.L client file system (Linux's fs/9p + net/9p/client.c, in one
// small folder): what its files share. A mount is a client: a virtio channel,
// the negotiated msize, one request buffer and one reply buffer, and fids.
// Every inode holds a fid walked to its file (never opened); every open file
// holds a fid of its own, cloned from the inode's and opened with Tlopen.
#pragma once

#include "../internal.h"
#include <kernel/virtio_9p.h>
#include <libk/p9.h>
#include <linux/mutex.h>

namespace p9 = libk::p9;

struct P9Client {
    P9Channel* channel;
    uint32_t msize;
    uint8_t* request;            // msize bytes each, physically contiguous (alloc_pages)
    uint8_t* reply;
    unsigned buffer_order;
    mutex lock;                  // one request at a time: the buffers are shared
    uint32_t next_fid;           // fids are handed out in order, never reused (2^32 of them)
    char tag[64];
};

// The in-memory inode: the VFS inode first, so the VFS's kfree frees it all.
struct V9fsInode {
    inode vfs;
    uint32_t fid;                // walked to this file; clunked at eviction
    uint64_t qid_path;           // the server's identity of the file: the inode cache key
    libk::ListNode cache_node;
};

struct V9fsSbInfo {
    P9Client client;
    libk::IntrusiveList<V9fsInode, &V9fsInode::cache_node> inodes;   // inode cache
    mutex cache_lock;
};

inline V9fsInode* V9FS_I(inode* node) { return reinterpret_cast<V9fsInode*>(node); }
inline V9fsSbInfo* V9FS_SB(super_block* sb) { return static_cast<V9fsSbInfo*>(sb->s_fs_info); }
inline P9Client* v9fs_client(inode* node) { return &V9FS_SB(node->i_sb)->client; }

// ---- client.cpp: one function per request; 0 (or a count) or -errno ----
int p9_client_start(P9Client* c, P9Channel* channel, uint32_t msize);   // buffers, Tversion
void p9_client_stop(P9Client* c);
uint32_t p9_fid_alloc(P9Client* c);
// The most data one Tread/Twrite carries.
inline uint32_t p9_io_max(P9Client* c) { return c->msize - p9::io_header_size; }
int p9_attach(P9Client* c, uint32_t fid, const char* aname, p9::Qid* qid);
// Walks `fid` to `name` (nullptr: a clone) as `newfid`; -ENOENT when it is not there.
int p9_walk(P9Client* c, uint32_t fid, uint32_t newfid, const char* name, unsigned length);
int p9_lopen(P9Client* c, uint32_t fid, uint32_t flags);
int p9_lcreate(P9Client* c, uint32_t fid, const char* name, unsigned length, uint32_t flags, uint32_t mode, uint32_t gid);
// At most p9_io_max bytes to/from a user (or kernel, under ScopedKernelDs) buffer.
long p9_read(P9Client* c, uint32_t fid, uint64_t offset, char __user* buffer, uint32_t count);
long p9_write(P9Client* c, uint32_t fid, uint64_t offset, const char __user* buffer, uint32_t count);
// Treaddir: calls emit(entry) for each entry until it returns false; the number of entries seen.
using P9DirEmit = bool (*)(const p9::DirEntry& entry, void* context);
long p9_readdir(P9Client* c, uint32_t fid, uint64_t offset, P9DirEmit emit, void* context);
int p9_getattr(P9Client* c, uint32_t fid, p9::Attr* attr);
int p9_setattr(P9Client* c, uint32_t fid, const p9::SetAttr& attr);
int p9_mkdir(P9Client* c, uint32_t dfid, const char* name, unsigned length, uint32_t mode, uint32_t gid);
int p9_unlinkat(P9Client* c, uint32_t dfid, const char* name, unsigned length, uint32_t flags);
int p9_renameat(P9Client* c, uint32_t olddfid, const char* oldname, unsigned oldlength, uint32_t newdfid,
    const char* newname, unsigned newlength);
int p9_symlink(P9Client* c, uint32_t dfid, const char* name, unsigned length, const char* target, uint32_t gid);
int p9_readlink(P9Client* c, uint32_t fid, char* buffer, int size);   // kernel buffer; the length
int p9_link(P9Client* c, uint32_t dfid, uint32_t fid, const char* name, unsigned length);
int p9_mknod(P9Client* c, uint32_t dfid, const char* name, unsigned length, uint32_t mode, dev_t dev, uint32_t gid);
int p9_statfs(P9Client* c, uint32_t fid, p9::StatFs* statfs);
int p9_fsync(P9Client* c, uint32_t fid, bool datasync);
int p9_clunk(P9Client* c, uint32_t fid);

// ---- inode.cpp ----
// The inode of `qid_path` with the fid `fid` (taken over: clunked if the cache
// already has the file) and the attributes `attr`; referenced.
ErrorOr<inode*> v9fs_inode_get(super_block* sb, uint32_t fid, const p9::Attr& attr);
// Refreshes a cached inode from the server (Tgetattr on its fid).
int v9fs_refresh(inode* node);
void v9fs_evict_inode(inode* node);
int v9fs_drop_inode(inode* node);
extern const inode_operations v9fs_dir_inode_operations;
extern const inode_operations v9fs_file_inode_operations;
extern const inode_operations v9fs_symlink_inode_operations;
extern const inode_operations v9fs_special_inode_operations;

// ---- file.cpp, dir.cpp ----
extern const file_operations v9fs_file_operations;
extern const file_operations v9fs_dir_operations;
// Clones the inode's fid and opens the clone with `flags` (Tlopen): the open fid.
ErrorOr<uint32_t> v9fs_open_fid(inode* node, uint32_t flags);
