// 9P2000.L messages: building T-messages into a buffer and reading R-messages
// out of one, every field bounds-checked. The layout of each message is in
// Linux's Documentation/filesystems/9p.rst and the diod protocol text
// (protocol.md); all integers are little-endian, strings are size[2] + bytes.
// A reply is never trusted: a short or malformed one gives an error, never a
// read past its end.
#pragma once

#include <libk/string_view.h>
#include <stddef.h>
#include <stdint.h>

namespace libk::p9 {

// Message types (Linux's include/net/9p/9p.h, enum p9_msg_t). R = T + 1.
enum Type : uint8_t {
    Tlerror = 6, Rlerror = 7,
    Tstatfs = 8, Rstatfs = 9,
    Tlopen = 12, Rlopen = 13,
    Tlcreate = 14, Rlcreate = 15,
    Tsymlink = 16, Rsymlink = 17,
    Tmknod = 18, Rmknod = 19,
    Treadlink = 22, Rreadlink = 23,
    Tgetattr = 24, Rgetattr = 25,
    Tsetattr = 26, Rsetattr = 27,
    Treaddir = 40, Rreaddir = 41,
    Tfsync = 50, Rfsync = 51,
    Tlink = 70, Rlink = 71,
    Tmkdir = 72, Rmkdir = 73,
    Trenameat = 74, Rrenameat = 75,
    Tunlinkat = 76, Runlinkat = 77,
    Tversion = 100, Rversion = 101,
    Tattach = 104, Rattach = 105,
    Twalk = 110, Rwalk = 111,
    Tread = 116, Rread = 117,
    Twrite = 118, Rwrite = 119,
    Tclunk = 120, Rclunk = 121,
};

constexpr uint16_t NOTAG = 0xffff;
constexpr uint32_t NOFID = 0xffffffff;
constexpr uint32_t NONUNAME = 0xffffffff;
constexpr size_t header_size = 7;      // size[4] type[1] tag[2]
constexpr size_t io_header_size = 24;  // Linux's P9_IOHDRSZ: room for Twrite/Rread around the data
constexpr unsigned max_walk_names = 16; // MAXWELEM
constexpr uint32_t super_magic = 0x01021997;   // V9FS_MAGIC, statfs f_type

// Qid types (qid.type).
constexpr uint8_t QTDIR = 0x80;
constexpr uint8_t QTSYMLINK = 0x02;

// Tgetattr request mask / Rgetattr valid bits.
constexpr uint64_t GETATTR_BASIC = 0x000007ff;   // mode nlink uid gid rdev atime mtime ctime ino size blocks

// Tsetattr valid bits.
constexpr uint32_t SETATTR_MODE = 0x1, SETATTR_UID = 0x2, SETATTR_GID = 0x4, SETATTR_SIZE = 0x8,
                   SETATTR_ATIME = 0x10, SETATTR_MTIME = 0x20, SETATTR_CTIME = 0x40,
                   SETATTR_ATIME_SET = 0x80, SETATTR_MTIME_SET = 0x100;

constexpr uint32_t UNLINKAT_REMOVEDIR = 0x200;   // Tunlinkat flags: AT_REMOVEDIR

struct Qid {
    uint8_t type;
    uint32_t version;
    uint64_t path;
};

// Rgetattr's fields (all of them, in wire order).
struct Attr {
    uint64_t valid;
    Qid qid;
    uint32_t mode, uid, gid;
    uint64_t nlink, rdev, size, blksize, blocks;
    uint64_t atime_sec, atime_nsec, mtime_sec, mtime_nsec, ctime_sec, ctime_nsec;
    uint64_t btime_sec, btime_nsec, gen, data_version;
};

// Tsetattr's fields.
struct SetAttr {
    uint32_t valid;
    uint32_t mode, uid, gid;
    uint64_t size;
    uint64_t atime_sec, atime_nsec, mtime_sec, mtime_nsec;
};

struct StatFs {
    uint32_t type, bsize;
    uint64_t blocks, bfree, bavail, files, ffree, fsid;
    uint32_t namelen;
};

// One Rreaddir entry: qid[13] offset[8] type[1] name[s]. `name` points into the reply.
struct DirEntry {
    Qid qid;
    uint64_t offset;   // where the next Treaddir starts to get the entries after this one
    uint8_t type;      // DT_* as Linux's d_type
    StringView name;
};

// Appends fields to a message under construction; past the capacity it stops
// writing and remembers the overflow (finish() then returns 0).
class Writer {
public:
    Writer(uint8_t* buffer, size_t capacity)
        : m_buffer(buffer)
        , m_capacity(capacity)
    {
    }
    void begin(uint8_t type, uint16_t tag);
    void u8(uint8_t value);
    void u16(uint16_t value);
    void u32(uint32_t value);
    void u64(uint64_t value);
    void string(StringView value);
    // `length` bytes the caller fills in later (Twrite data); nullptr on overflow.
    uint8_t* reserve(size_t length);
    // Writes size[4]; the message length, or 0 when it did not fit.
    size_t finish();
    bool overflowed() const { return m_overflow; }

private:
    uint8_t* room(size_t length);
    uint8_t* m_buffer;
    size_t m_capacity;
    size_t m_length { 0 };
    bool m_overflow { false };
};

// Takes fields off a received message; a read past the end fails and every
// read after it fails too (ok() is false).
class Reader {
public:
    Reader() = default;
    Reader(const uint8_t* data, size_t length)
        : m_data(data)
        , m_length(length)
    {
    }
    bool u8(uint8_t& value);
    bool u16(uint16_t& value);
    bool u32(uint32_t& value);
    bool u64(uint64_t& value);
    bool string(StringView& value);
    bool qid(Qid& value);
    // `length` bytes in place; `data` points into the message.
    bool bytes(const uint8_t*& data, size_t length);
    bool ok() const { return m_ok; }
    size_t remaining() const { return m_length - m_offset; }

private:
    const uint8_t* take(size_t length);
    const uint8_t* m_data { nullptr };
    size_t m_length { 0 };
    size_t m_offset { 0 };
    bool m_ok { true };
};

// What a reply to T-message `request_type` with `tag` says: its body (the bytes
// after the header) when it is the R-message expected; the server's errno for an
// Rlerror; EIO (with `problem` set) for anything malformed.
struct Reply {
    int error;              // 0, an errno from Rlerror, or EIO
    const char* problem;    // why a reply was malformed, for the log; nullptr otherwise
    Reader body;
};
Reply parse_reply(const uint8_t* message, size_t length, uint8_t request_type, uint16_t tag);

// ---- T-messages: each returns the message length, 0 when it did not fit ----
size_t tversion(Writer& w, uint32_t msize, StringView version);
size_t tattach(Writer& w, uint16_t tag, uint32_t fid, uint32_t afid, StringView uname, StringView aname,
    uint32_t n_uname);
// `count` names (at most max_walk_names); 0 names clones `fid` into `newfid`.
size_t twalk(Writer& w, uint16_t tag, uint32_t fid, uint32_t newfid, const StringView* names, uint16_t count);
size_t tlopen(Writer& w, uint16_t tag, uint32_t fid, uint32_t flags);
size_t tlcreate(Writer& w, uint16_t tag, uint32_t fid, StringView name, uint32_t flags, uint32_t mode, uint32_t gid);
size_t tread(Writer& w, uint16_t tag, uint32_t fid, uint64_t offset, uint32_t count);
// The header of a Twrite; the data goes at *data (count bytes), filled by the caller.
size_t twrite(Writer& w, uint16_t tag, uint32_t fid, uint64_t offset, uint32_t count, uint8_t** data);
size_t treaddir(Writer& w, uint16_t tag, uint32_t fid, uint64_t offset, uint32_t count);
size_t tgetattr(Writer& w, uint16_t tag, uint32_t fid, uint64_t mask);
size_t tsetattr(Writer& w, uint16_t tag, uint32_t fid, const SetAttr& attr);
size_t tmkdir(Writer& w, uint16_t tag, uint32_t dfid, StringView name, uint32_t mode, uint32_t gid);
size_t tunlinkat(Writer& w, uint16_t tag, uint32_t dfid, StringView name, uint32_t flags);
size_t trenameat(Writer& w, uint16_t tag, uint32_t olddfid, StringView oldname, uint32_t newdfid, StringView newname);
size_t tsymlink(Writer& w, uint16_t tag, uint32_t dfid, StringView name, StringView target, uint32_t gid);
size_t treadlink(Writer& w, uint16_t tag, uint32_t fid);
size_t tlink(Writer& w, uint16_t tag, uint32_t dfid, uint32_t fid, StringView name);
size_t tmknod(Writer& w, uint16_t tag, uint32_t dfid, StringView name, uint32_t mode, uint32_t major,
    uint32_t minor, uint32_t gid);
size_t tstatfs(Writer& w, uint16_t tag, uint32_t fid);
size_t tfsync(Writer& w, uint16_t tag, uint32_t fid, uint32_t datasync);
size_t tclunk(Writer& w, uint16_t tag, uint32_t fid);

// ---- R-message bodies (after parse_reply): false when malformed ----
bool rversion(Reader& r, uint32_t& msize, StringView& version);
bool rqid(Reader& r, Qid& qid);   // Rattach, Rmkdir, Rsymlink, Rmknod
// Up to `max` qids; the server may return fewer than asked (the walk stopped).
bool rwalk(Reader& r, Qid* qids, uint16_t max, uint16_t& count);
bool rlopen(Reader& r, Qid& qid, uint32_t& iounit);   // Rlcreate too
// The data of an Rread, at most `requested` bytes; points into the reply.
bool rread(Reader& r, uint32_t requested, const uint8_t*& data, uint32_t& count);
bool rwrite(Reader& r, uint32_t requested, uint32_t& count);
bool rgetattr(Reader& r, Attr& attr);
bool rstatfs(Reader& r, StatFs& statfs);
bool rreadlink(Reader& r, StringView& target);
// The entries of an Rreaddir: a Reader over its data, then next_dirent until false
// (end, or `malformed` set).
bool rreaddir(Reader& r, uint32_t requested, Reader& entries);
bool next_dirent(Reader& entries, DirEntry& entry, bool& malformed);

// The name of a message type ("Twalk"), for log lines.
const char* type_name(uint8_t type);

} // namespace libk::p9
