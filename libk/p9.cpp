// 9P2000.L message encoding and decoding (see libk/p9.h): one function per
// message, in the field order of Linux's Documentation/filesystems/9p.rst and
// diod's protocol.md.
#include <libk/little_endian.h>
#include <libk/p9.h>
#include <libk/string.h>

namespace libk::p9 {

// ---- Writer ----

uint8_t* Writer::room(size_t length)
{
    if (m_overflow || length > m_capacity - m_length) {
        m_overflow = true;
        return nullptr;
    }
    uint8_t* at = m_buffer + m_length;
    m_length += length;
    return at;
}

void Writer::begin(uint8_t type, uint16_t tag)
{
    m_length = 0;
    m_overflow = false;
    u32(0);   // size, filled in by finish()
    u8(type);
    u16(tag);
}

void Writer::u8(uint8_t value)
{
    if (uint8_t* p = room(1))
        *p = value;
}

void Writer::u16(uint16_t value)
{
    if (uint8_t* p = room(2))
        store_u16(p, value);
}

void Writer::u32(uint32_t value)
{
    if (uint8_t* p = room(4))
        store_u32(p, value);
}

void Writer::u64(uint64_t value)
{
    if (uint8_t* p = room(8)) {
        store_u32(p, static_cast<uint32_t>(value));
        store_u32(p + 4, static_cast<uint32_t>(value >> 32));
    }
}

void Writer::string(StringView value)
{
    if (value.length() > 0xffff) {
        m_overflow = true;
        return;
    }
    u16(static_cast<uint16_t>(value.length()));
    if (uint8_t* p = room(value.length()))
        memcpy(p, value.data(), value.length());
}

uint8_t* Writer::reserve(size_t length)
{
    return room(length);
}

size_t Writer::finish()
{
    if (m_overflow || m_length < header_size)
        return 0;
    store_u32(m_buffer, static_cast<uint32_t>(m_length));
    return m_length;
}

// ---- Reader ----

const uint8_t* Reader::take(size_t length)
{
    if (!m_ok || length > m_length - m_offset) {
        m_ok = false;
        return nullptr;
    }
    const uint8_t* at = m_data + m_offset;
    m_offset += length;
    return at;
}

bool Reader::u8(uint8_t& value)
{
    const uint8_t* p = take(1);
    value = p ? *p : 0;
    return p;
}

bool Reader::u16(uint16_t& value)
{
    const uint8_t* p = take(2);
    value = p ? load_u16(p) : 0;
    return p;
}

bool Reader::u32(uint32_t& value)
{
    const uint8_t* p = take(4);
    value = p ? load_u32(p) : 0;
    return p;
}

bool Reader::u64(uint64_t& value)
{
    const uint8_t* p = take(8);
    value = p ? (load_u32(p) | static_cast<uint64_t>(load_u32(p + 4)) << 32) : 0;
    return p;
}

bool Reader::string(StringView& value)
{
    uint16_t length;
    if (!u16(length))
        return false;
    const uint8_t* p = take(length);
    value = p ? StringView(reinterpret_cast<const char*>(p), length) : StringView();
    return p;
}

bool Reader::qid(Qid& value)
{
    return u8(value.type) & u32(value.version) & u64(value.path);
}

bool Reader::bytes(const uint8_t*& data, size_t length)
{
    data = take(length);
    return data;
}

// ---- the header every reply starts with ----

Reply parse_reply(const uint8_t* message, size_t length, uint8_t request_type, uint16_t tag)
{
    Reply reply { 5 /* EIO */, nullptr, {} };
    Reader header(message, length);
    uint32_t size;
    uint8_t type;
    uint16_t reply_tag;
    if (!(header.u32(size) & header.u8(type) & header.u16(reply_tag))) {
        reply.problem = "reply shorter than its header";
        return reply;
    }
    if (size < header_size || size > length) {
        reply.problem = "reply size field disagrees with its length";
        return reply;
    }
    if (reply_tag != tag) {
        reply.problem = "reply tag does not match the request";
        return reply;
    }
    Reader body(message + header_size, size - header_size);
    if (type == Rlerror) {
        uint32_t ecode;
        if (!body.u32(ecode) || ecode == 0 || ecode > 4095) {
            reply.problem = "malformed Rlerror";
            return reply;
        }
        reply.error = static_cast<int>(ecode);
        return reply;
    }
    if (type != request_type + 1) {
        reply.problem = "reply of another type than the request";
        return reply;
    }
    reply.error = 0;
    reply.body = body;
    return reply;
}

// ---- T-messages ----

namespace {

// One field by its C++ type: the parameter types below say each field's width
// (a type without an overload here does not compile).
void put(Writer& w, uint32_t value) { w.u32(value); }
void put(Writer& w, uint64_t value) { w.u64(value); }
void put(Writer& w, StringView value) { w.string(value); }

// type[1] tag[2] and the fields in order, as 9P2000.L lays each request out.
template <typename... Fields>
size_t message(Writer& w, uint8_t type, uint16_t tag, Fields... fields)
{
    w.begin(type, tag);
    (put(w, fields), ...);
    return w.finish();
}

} // namespace

size_t tversion(Writer& w, uint32_t msize, StringView version)
{
    return message(w, Tversion, NOTAG, msize, version);
}

size_t tattach(Writer& w, uint16_t tag, uint32_t fid, uint32_t afid, StringView uname, StringView aname,
    uint32_t n_uname)
{
    return message(w, Tattach, tag, fid, afid, uname, aname, n_uname);
}

size_t twalk(Writer& w, uint16_t tag, uint32_t fid, uint32_t newfid, const StringView* names, uint16_t count)
{
    if (count > max_walk_names)
        return 0;
    w.begin(Twalk, tag);
    w.u32(fid);
    w.u32(newfid);
    w.u16(count);
    for (uint16_t i = 0; i < count; ++i)
        w.string(names[i]);
    return w.finish();
}

size_t tlopen(Writer& w, uint16_t tag, uint32_t fid, uint32_t flags)
{
    return message(w, Tlopen, tag, fid, flags);
}

size_t tlcreate(Writer& w, uint16_t tag, uint32_t fid, StringView name, uint32_t flags, uint32_t mode, uint32_t gid)
{
    return message(w, Tlcreate, tag, fid, name, flags, mode, gid);
}

size_t tread(Writer& w, uint16_t tag, uint32_t fid, uint64_t offset, uint32_t count)
{
    return message(w, Tread, tag, fid, offset, count);
}

size_t twrite(Writer& w, uint16_t tag, uint32_t fid, uint64_t offset, uint32_t count, uint8_t** data)
{
    w.begin(Twrite, tag);
    w.u32(fid);
    w.u64(offset);
    w.u32(count);
    *data = w.reserve(count);
    return w.finish();
}

size_t treaddir(Writer& w, uint16_t tag, uint32_t fid, uint64_t offset, uint32_t count)
{
    return message(w, Treaddir, tag, fid, offset, count);
}

size_t tgetattr(Writer& w, uint16_t tag, uint32_t fid, uint64_t mask)
{
    return message(w, Tgetattr, tag, fid, mask);
}

size_t tsetattr(Writer& w, uint16_t tag, uint32_t fid, const SetAttr& attr)
{
    return message(w, Tsetattr, tag, fid, attr.valid, attr.mode, attr.uid, attr.gid, attr.size, attr.atime_sec,
        attr.atime_nsec, attr.mtime_sec, attr.mtime_nsec);
}

size_t tmkdir(Writer& w, uint16_t tag, uint32_t dfid, StringView name, uint32_t mode, uint32_t gid)
{
    return message(w, Tmkdir, tag, dfid, name, mode, gid);
}

size_t tunlinkat(Writer& w, uint16_t tag, uint32_t dfid, StringView name, uint32_t flags)
{
    return message(w, Tunlinkat, tag, dfid, name, flags);
}

size_t trenameat(Writer& w, uint16_t tag, uint32_t olddfid, StringView oldname, uint32_t newdfid, StringView newname)
{
    return message(w, Trenameat, tag, olddfid, oldname, newdfid, newname);
}

size_t tsymlink(Writer& w, uint16_t tag, uint32_t dfid, StringView name, StringView target, uint32_t gid)
{
    return message(w, Tsymlink, tag, dfid, name, target, gid);
}

size_t treadlink(Writer& w, uint16_t tag, uint32_t fid)
{
    return message(w, Treadlink, tag, fid);
}

size_t tlink(Writer& w, uint16_t tag, uint32_t dfid, uint32_t fid, StringView name)
{
    return message(w, Tlink, tag, dfid, fid, name);
}

size_t tmknod(Writer& w, uint16_t tag, uint32_t dfid, StringView name, uint32_t mode, uint32_t major,
    uint32_t minor, uint32_t gid)
{
    return message(w, Tmknod, tag, dfid, name, mode, major, minor, gid);
}

size_t tstatfs(Writer& w, uint16_t tag, uint32_t fid)
{
    return message(w, Tstatfs, tag, fid);
}

size_t tfsync(Writer& w, uint16_t tag, uint32_t fid, uint32_t datasync)
{
    return message(w, Tfsync, tag, fid, datasync);
}

size_t tclunk(Writer& w, uint16_t tag, uint32_t fid)
{
    return message(w, Tclunk, tag, fid);
}

// ---- R-messages ----

bool rversion(Reader& r, uint32_t& msize, StringView& version)
{
    return r.u32(msize) & r.string(version);
}

bool rqid(Reader& r, Qid& qid)
{
    return r.qid(qid);
}

bool rwalk(Reader& r, Qid* qids, uint16_t max, uint16_t& count)
{
    if (!r.u16(count) || count > max)
        return false;
    for (uint16_t i = 0; i < count; ++i)
        if (!r.qid(qids[i]))
            return false;
    return true;
}

bool rlopen(Reader& r, Qid& qid, uint32_t& iounit)
{
    return r.qid(qid) & r.u32(iounit);
}

bool rread(Reader& r, uint32_t requested, const uint8_t*& data, uint32_t& count)
{
    if (!r.u32(count) || count > requested)
        return false;
    return r.bytes(data, count);
}

bool rwrite(Reader& r, uint32_t requested, uint32_t& count)
{
    return r.u32(count) && count <= requested;
}

bool rgetattr(Reader& r, Attr& a)
{
    return r.u64(a.valid) & r.qid(a.qid) & r.u32(a.mode) & r.u32(a.uid) & r.u32(a.gid) & r.u64(a.nlink)
        & r.u64(a.rdev) & r.u64(a.size) & r.u64(a.blksize) & r.u64(a.blocks) & r.u64(a.atime_sec)
        & r.u64(a.atime_nsec) & r.u64(a.mtime_sec) & r.u64(a.mtime_nsec) & r.u64(a.ctime_sec)
        & r.u64(a.ctime_nsec) & r.u64(a.btime_sec) & r.u64(a.btime_nsec) & r.u64(a.gen)
        & r.u64(a.data_version);
}

bool rstatfs(Reader& r, StatFs& s)
{
    return r.u32(s.type) & r.u32(s.bsize) & r.u64(s.blocks) & r.u64(s.bfree) & r.u64(s.bavail) & r.u64(s.files)
        & r.u64(s.ffree) & r.u64(s.fsid) & r.u32(s.namelen);
}

bool rreadlink(Reader& r, StringView& target)
{
    return r.string(target);
}

bool rreaddir(Reader& r, uint32_t requested, Reader& entries)
{
    uint32_t count;
    const uint8_t* data;
    if (!r.u32(count) || count > requested || !r.bytes(data, count))
        return false;
    entries = Reader(data, count);
    return true;
}

bool next_dirent(Reader& entries, DirEntry& entry, bool& malformed)
{
    malformed = false;
    if (entries.remaining() == 0)
        return false;
    if (!(entries.qid(entry.qid) & entries.u64(entry.offset) & entries.u8(entry.type) & entries.string(entry.name))
        || entry.name.is_empty()) {
        malformed = true;
        return false;
    }
    return true;
}

const char* type_name(uint8_t type)
{
    switch (type) {
    case Tstatfs: return "Tstatfs";
    case Tlopen: return "Tlopen";
    case Tlcreate: return "Tlcreate";
    case Tsymlink: return "Tsymlink";
    case Tmknod: return "Tmknod";
    case Treadlink: return "Treadlink";
    case Tgetattr: return "Tgetattr";
    case Tsetattr: return "Tsetattr";
    case Treaddir: return "Treaddir";
    case Tfsync: return "Tfsync";
    case Tlink: return "Tlink";
    case Tmkdir: return "Tmkdir";
    case Trenameat: return "Trenameat";
    case Tunlinkat: return "Tunlinkat";
    case Tversion: return "Tversion";
    case Tattach: return "Tattach";
    case Twalk: return "Twalk";
    case Tread: return "Tread";
    case Twrite: return "Twrite";
    case Tclunk: return "Tclunk";
    default: return "T?";
    }
}

} // namespace libk::p9
