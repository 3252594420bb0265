// The 9P2000.L client (Linux's net/9p/client.c): one function per request. Each
// builds its T-message with libk/p9 into the request buffer, sends it over the
// virtio channel, checks the reply (an Rlerror is the server's errno) and takes
// the fields it needs. Requests go one at a time under the client's lock.
#include "v9fs.h"
#include <kernel/mm.h>
#include <kernel/uaccess.h>
#include <libk/string.h>

namespace {

constexpr uint16_t tag = 1;   // one request in flight: every request may use the same tag

class ClientLock {
public:
    explicit ClientLock(P9Client* c)
        : m_client(c)
    {
        mutex_lock(&c->lock);
    }
    ~ClientLock() { mutex_unlock(&m_client->lock); }
    ClientLock(const ClientLock&) = delete;
    ClientLock& operator=(const ClientLock&) = delete;

private:
    P9Client* m_client;
};

const char* errno_name(int error)
{
    switch (error) {
    case EPERM: return "EPERM";
    case ENOENT: return "ENOENT";
    case EIO: return "EIO";
    case EACCES: return "EACCES";
    case EEXIST: return "EEXIST";
    case EXDEV: return "EXDEV";
    case ENOTDIR: return "ENOTDIR";
    case EISDIR: return "EISDIR";
    case EINVAL: return "EINVAL";
    case ENOSPC: return "ENOSPC";
    case EROFS: return "EROFS";
    case ENAMETOOLONG: return "ENAMETOOLONG";
    case ENOTEMPTY: return "ENOTEMPTY";
    case EOPNOTSUPP: return "EOPNOTSUPP";
    default: return "errno";
    }
}

// A malformed reply: logged, and EIO for the caller.
int malformed(P9Client* c, uint8_t type, const char* problem)
{
    pr_err("9p: %s: malformed reply to %s: %s\n", c->tag, p9::type_name(type), problem);
    return -EIO;
}

// Sends the `length`-byte T-message of `type` in c->request; the reply's body in `body`.
// A name that is not there (Twalk's ENOENT) is an everyday answer, not worth a line.
int rpc(P9Client* c, uint8_t type, size_t length, p9::Reader& body)
{
    if (length == 0) {
        pr_err("9p: %s: %s does not fit in msize %u\n", c->tag, p9::type_name(type), c->msize);
        return -EINVAL;
    }
    long received = p9_virtio_request(c->channel, c->request, length, c->reply, c->msize);
    if (received < 0)
        return static_cast<int>(received);
    p9::Reply reply = p9::parse_reply(c->reply, static_cast<size_t>(received), type,
        type == p9::Tversion ? p9::NOTAG : tag);
    if (reply.problem)
        return malformed(c, type, reply.problem);
    if (reply.error) {
        if (!(type == p9::Twalk && reply.error == ENOENT))
            pr_info("9p: %s: %s: server error %s (%d)\n", c->tag, p9::type_name(type), errno_name(reply.error),
                reply.error);
        return -reply.error;
    }
    body = reply.body;
    return 0;
}

// A request whose reply has nothing but the header (Rclunk, Rsetattr, ...).
int rpc_empty(P9Client* c, uint8_t type, size_t length)
{
    p9::Reader body;
    return rpc(c, type, length, body);
}

libk::StringView name_of(const char* name, unsigned length) { return libk::StringView(name, length); }

} // namespace

// Tversion: the first request of a session (9p.rst "version"); the server may
// lower msize, and answers "unknown" for a protocol it does not speak.
int p9_client_start(P9Client* c, P9Channel* channel, uint32_t msize)
{
    c->channel = channel;
    c->msize = msize;
    mutex_init(&c->lock);
    c->next_fid = 1;
    c->buffer_order = 0;
    while ((static_cast<uint32_t>(4096) << c->buffer_order) < msize)
        ++c->buffer_order;
    c->request = static_cast<uint8_t*>(alloc_pages(c->buffer_order));
    c->reply = static_cast<uint8_t*>(alloc_pages(c->buffer_order));
    if (!c->request || !c->reply) {
        p9_client_stop(c);
        return -ENOMEM;
    }
    ClientLock lock(c);
    p9::Writer w(c->request, c->msize);
    p9::Reader body;
    if (int error = rpc(c, p9::Tversion, p9::tversion(w, msize, "9P2000.L"), body); error < 0)
        return error;
    uint32_t server_msize;
    libk::StringView version;
    if (!p9::rversion(body, server_msize, version))
        return malformed(c, p9::Tversion, "short Rversion");
    if (version != libk::StringView("9P2000.L")) {
        pr_err("9p: %s: the server does not speak 9P2000.L (it answered '%.*s')\n", c->tag,
            static_cast<int>(version.length() > 32 ? 32 : version.length()), version.data());
        return -EREMOTEIO;
    }
    if (server_msize < 4096) {
        pr_err("9p: %s: msize %u is too small\n", c->tag, server_msize);
        return -EREMOTEIO;
    }
    if (server_msize < c->msize)
        c->msize = server_msize;
    return 0;
}

void p9_client_stop(P9Client* c)
{
    if (c->request)
        free_pages(c->request, c->buffer_order);
    if (c->reply)
        free_pages(c->reply, c->buffer_order);
    c->request = c->reply = nullptr;
}

uint32_t p9_fid_alloc(P9Client* c)
{
    ClientLock lock(c);
    uint32_t fid = c->next_fid++;
    if (c->next_fid == p9::NOFID)
        c->next_fid = 1;
    return fid;
}

// Tattach: `fid` becomes the root of the export (aname; empty: the whole share).
// As root with no authentication (afid NOFID), like Linux's access=user for uid 0.
int p9_attach(P9Client* c, uint32_t fid, const char* aname, p9::Qid* qid)
{
    ClientLock lock(c);
    p9::Writer w(c->request, c->msize);
    p9::Reader body;
    if (int error = rpc(c, p9::Tattach, p9::tattach(w, tag, fid, p9::NOFID, "root", aname, 0), body); error < 0)
        return error;
    return p9::rqid(body, *qid) ? 0 : malformed(c, p9::Tattach, "short Rattach");
}

// Twalk of one name (or none: a clone). Only a complete walk creates newfid.
int p9_walk(P9Client* c, uint32_t fid, uint32_t newfid, const char* name, unsigned length)
{
    ClientLock lock(c);
    p9::Writer w(c->request, c->msize);
    libk::StringView names[1] = { name ? name_of(name, length) : libk::StringView() };
    uint16_t wanted = name ? 1 : 0;
    p9::Reader body;
    if (int error = rpc(c, p9::Twalk, p9::twalk(w, tag, fid, newfid, names, wanted), body); error < 0)
        return error;
    p9::Qid qids[1];
    uint16_t count;
    if (!p9::rwalk(body, qids, 1, count))
        return malformed(c, p9::Twalk, "bad Rwalk");
    return count == wanted ? 0 : -ENOENT;
}

// Tlopen: opens a walked fid with Linux open flags (9p.rst "lopen").
int p9_lopen(P9Client* c, uint32_t fid, uint32_t flags)
{
    ClientLock lock(c);
    p9::Writer w(c->request, c->msize);
    p9::Reader body;
    if (int error = rpc(c, p9::Tlopen, p9::tlopen(w, tag, fid, flags), body); error < 0)
        return error;
    p9::Qid qid;
    uint32_t iounit;
    return p9::rlopen(body, qid, iounit) ? 0 : malformed(c, p9::Tlopen, "short Rlopen");
}

// Tlcreate: creates `name` in the directory of `fid`, which then stands for the new, open file.
int p9_lcreate(P9Client* c, uint32_t fid, const char* name, unsigned length, uint32_t flags, uint32_t mode,
    uint32_t gid)
{
    ClientLock lock(c);
    p9::Writer w(c->request, c->msize);
    p9::Reader body;
    size_t n = p9::tlcreate(w, tag, fid, name_of(name, length), flags, mode, gid);
    if (int error = rpc(c, p9::Tlcreate, n, body); error < 0)
        return error;
    p9::Qid qid;
    uint32_t iounit;
    return p9::rlopen(body, qid, iounit) ? 0 : malformed(c, p9::Tlcreate, "short Rlcreate");
}

// Tread: the server's data goes from the reply buffer straight to the caller's buffer.
long p9_read(P9Client* c, uint32_t fid, uint64_t offset, char __user* buffer, uint32_t count)
{
    if (count > p9_io_max(c))
        count = p9_io_max(c);
    ClientLock lock(c);
    p9::Writer w(c->request, c->msize);
    p9::Reader body;
    if (int error = rpc(c, p9::Tread, p9::tread(w, tag, fid, offset, count), body); error < 0)
        return error;
    const uint8_t* data;
    uint32_t got;
    if (!p9::rread(body, count, data, got))
        return malformed(c, p9::Tread, "Rread count larger than asked or than the reply");
    if (copy_to_user(buffer, data, got))
        return -EFAULT;
    return got;
}

// Twrite: the caller's data is copied in behind the header.
long p9_write(P9Client* c, uint32_t fid, uint64_t offset, const char __user* buffer, uint32_t count)
{
    if (count > p9_io_max(c))
        count = p9_io_max(c);
    ClientLock lock(c);
    p9::Writer w(c->request, c->msize);
    uint8_t* data = nullptr;
    size_t length = p9::twrite(w, tag, fid, offset, count, &data);
    if (length && copy_from_user(data, buffer, count))
        return -EFAULT;
    p9::Reader body;
    if (int error = rpc(c, p9::Twrite, length, body); error < 0)
        return error;
    uint32_t written;
    if (!p9::rwrite(body, count, written))
        return malformed(c, p9::Twrite, "Rwrite count larger than sent");
    return written;
}

// Treaddir on an open directory fid from the server's `offset` cookie.
long p9_readdir(P9Client* c, uint32_t fid, uint64_t offset, P9DirEmit emit, void* context)
{
    ClientLock lock(c);
    p9::Writer w(c->request, c->msize);
    p9::Reader body;
    uint32_t count = p9_io_max(c);
    if (int error = rpc(c, p9::Treaddir, p9::treaddir(w, tag, fid, offset, count), body); error < 0)
        return error;
    p9::Reader entries;
    if (!p9::rreaddir(body, count, entries))
        return malformed(c, p9::Treaddir, "Rreaddir count larger than the reply");
    long seen = 0;
    p9::DirEntry entry;
    bool bad = false;
    while (p9::next_dirent(entries, entry, bad)) {
        ++seen;
        if (!emit(entry, context))
            return seen;
    }
    if (bad)
        return malformed(c, p9::Treaddir, "truncated directory entry");
    return seen;
}

int p9_getattr(P9Client* c, uint32_t fid, p9::Attr* attr)
{
    ClientLock lock(c);
    p9::Writer w(c->request, c->msize);
    p9::Reader body;
    if (int error = rpc(c, p9::Tgetattr, p9::tgetattr(w, tag, fid, p9::GETATTR_BASIC), body); error < 0)
        return error;
    return p9::rgetattr(body, *attr) ? 0 : malformed(c, p9::Tgetattr, "short Rgetattr");
}

int p9_setattr(P9Client* c, uint32_t fid, const p9::SetAttr& attr)
{
    ClientLock lock(c);
    p9::Writer w(c->request, c->msize);
    return rpc_empty(c, p9::Tsetattr, p9::tsetattr(w, tag, fid, attr));
}

int p9_mkdir(P9Client* c, uint32_t dfid, const char* name, unsigned length, uint32_t mode, uint32_t gid)
{
    ClientLock lock(c);
    p9::Writer w(c->request, c->msize);
    p9::Reader body;
    if (int error = rpc(c, p9::Tmkdir, p9::tmkdir(w, tag, dfid, name_of(name, length), mode, gid), body); error < 0)
        return error;
    p9::Qid qid;
    return p9::rqid(body, qid) ? 0 : malformed(c, p9::Tmkdir, "short Rmkdir");
}

int p9_unlinkat(P9Client* c, uint32_t dfid, const char* name, unsigned length, uint32_t flags)
{
    ClientLock lock(c);
    p9::Writer w(c->request, c->msize);
    return rpc_empty(c, p9::Tunlinkat, p9::tunlinkat(w, tag, dfid, name_of(name, length), flags));
}

int p9_renameat(P9Client* c, uint32_t olddfid, const char* oldname, unsigned oldlength, uint32_t newdfid,
    const char* newname, unsigned newlength)
{
    ClientLock lock(c);
    p9::Writer w(c->request, c->msize);
    return rpc_empty(c, p9::Trenameat,
        p9::trenameat(w, tag, olddfid, name_of(oldname, oldlength), newdfid, name_of(newname, newlength)));
}

int p9_symlink(P9Client* c, uint32_t dfid, const char* name, unsigned length, const char* target, uint32_t gid)
{
    ClientLock lock(c);
    p9::Writer w(c->request, c->msize);
    p9::Reader body;
    if (int error = rpc(c, p9::Tsymlink, p9::tsymlink(w, tag, dfid, name_of(name, length), target, gid), body);
        error < 0)
        return error;
    p9::Qid qid;
    return p9::rqid(body, qid) ? 0 : malformed(c, p9::Tsymlink, "short Rsymlink");
}

int p9_readlink(P9Client* c, uint32_t fid, char* buffer, int size)
{
    ClientLock lock(c);
    p9::Writer w(c->request, c->msize);
    p9::Reader body;
    if (int error = rpc(c, p9::Treadlink, p9::treadlink(w, tag, fid), body); error < 0)
        return error;
    libk::StringView target;
    if (!p9::rreadlink(body, target))
        return malformed(c, p9::Treadlink, "short Rreadlink");
    int length = static_cast<int>(target.length()) < size ? static_cast<int>(target.length()) : size;
    libk::memcpy(buffer, target.data(), static_cast<size_t>(length));
    return length;
}

int p9_link(P9Client* c, uint32_t dfid, uint32_t fid, const char* name, unsigned length)
{
    ClientLock lock(c);
    p9::Writer w(c->request, c->msize);
    return rpc_empty(c, p9::Tlink, p9::tlink(w, tag, dfid, fid, name_of(name, length)));
}

int p9_mknod(P9Client* c, uint32_t dfid, const char* name, unsigned length, uint32_t mode, dev_t dev, uint32_t gid)
{
    ClientLock lock(c);
    p9::Writer w(c->request, c->msize);
    p9::Reader body;
    size_t n = p9::tmknod(w, tag, dfid, name_of(name, length), mode, MAJOR(dev), MINOR(dev), gid);
    if (int error = rpc(c, p9::Tmknod, n, body); error < 0)
        return error;
    p9::Qid qid;
    return p9::rqid(body, qid) ? 0 : malformed(c, p9::Tmknod, "short Rmknod");
}

int p9_statfs(P9Client* c, uint32_t fid, p9::StatFs* statfs)
{
    ClientLock lock(c);
    p9::Writer w(c->request, c->msize);
    p9::Reader body;
    if (int error = rpc(c, p9::Tstatfs, p9::tstatfs(w, tag, fid), body); error < 0)
        return error;
    return p9::rstatfs(body, *statfs) ? 0 : malformed(c, p9::Tstatfs, "short Rstatfs");
}

int p9_fsync(P9Client* c, uint32_t fid, bool datasync)
{
    ClientLock lock(c);
    p9::Writer w(c->request, c->msize);
    return rpc_empty(c, p9::Tfsync, p9::tfsync(w, tag, fid, datasync ? 1 : 0));
}

// Tclunk: the server forgets the fid (whatever the reply says, it is gone: 9p.rst "clunk").
int p9_clunk(P9Client* c, uint32_t fid)
{
    ClientLock lock(c);
    p9::Writer w(c->request, c->msize);
    return rpc_empty(c, p9::Tclunk, p9::tclunk(w, tag, fid));
}
