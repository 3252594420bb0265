// 9P2000.L reply decoding (libk/p9.cpp) as kernel/fs/9p/client.cpp reads a reply
// from the host. Input: request[1] requested[4], then the reply message (tag 1,
// NOTAG for Tversion), decoded as the answer to that request; views stay inside it.
#include "fuzz.h"
#include <libk/little_endian.h>
#include <libk/p9.h>
#include <string.h>

namespace p9 = libk::p9;

namespace {

const uint8_t* message;
size_t message_length;

void check_view(const void* data, size_t length)
{
    FUZZ_CHECK(length == 0 || inside(data, length, message, message_length));
    touch(data, length);
}

constexpr p9::Type requests[] = {
    p9::Tversion, p9::Tattach, p9::Twalk, p9::Tlopen, p9::Tlcreate, p9::Tread, p9::Twrite, p9::Treaddir,
    p9::Tgetattr, p9::Tsetattr, p9::Tmkdir, p9::Tunlinkat, p9::Trenameat, p9::Tsymlink, p9::Treadlink,
    p9::Tlink, p9::Tmknod, p9::Tstatfs, p9::Tfsync, p9::Tclunk,
};

void decode(p9::Type request, p9::Reader& body, uint32_t requested)
{
    switch (request) {
    case p9::Tversion: {
        uint32_t msize;
        libk::StringView version;
        if (p9::rversion(body, msize, version))
            check_view(version.data(), version.length());
        break;
    }
    case p9::Tattach:
    case p9::Tmkdir:
    case p9::Tsymlink:
    case p9::Tmknod: {
        p9::Qid qid;
        p9::rqid(body, qid);
        break;
    }
    case p9::Twalk: {
        p9::Qid qids[p9::max_walk_names];
        uint16_t count = 0;
        uint16_t max = static_cast<uint16_t>(requested % (p9::max_walk_names + 1));
        if (p9::rwalk(body, qids, max, count))
            FUZZ_CHECK(count <= max);
        break;
    }
    case p9::Tlopen:
    case p9::Tlcreate: {
        p9::Qid qid;
        uint32_t iounit;
        p9::rlopen(body, qid, iounit);
        break;
    }
    case p9::Tread: {
        const uint8_t* data = nullptr;
        uint32_t count = 0;
        if (p9::rread(body, requested, data, count)) {
            FUZZ_CHECK(count <= requested);
            check_view(data, count);
        }
        break;
    }
    case p9::Twrite: {
        uint32_t count;
        if (p9::rwrite(body, requested, count))
            FUZZ_CHECK(count <= requested);
        break;
    }
    case p9::Treaddir: {
        p9::Reader entries;
        if (!p9::rreaddir(body, requested, entries))
            break;
        p9::DirEntry entry;
        bool malformed = false;
        // Each entry is at least qid[13] offset[8] type[1] name[2+1].
        for (size_t n = 0; p9::next_dirent(entries, entry, malformed); ++n) {
            FUZZ_CHECK(n * 25 < message_length && !entry.name.is_empty());
            check_view(entry.name.data(), entry.name.length());
        }
        break;
    }
    case p9::Tgetattr: {
        p9::Attr attr;
        p9::rgetattr(body, attr);
        break;
    }
    case p9::Tstatfs: {
        p9::StatFs statfs;
        p9::rstatfs(body, statfs);
        break;
    }
    case p9::Treadlink: {
        libk::StringView target;
        if (p9::rreadlink(body, target))
            check_view(target.data(), target.length());
        break;
    }
    default:
        break;   // replies without a body
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 5)
        return 0;
    p9::Type request = requests[data[0] % (sizeof(requests) / sizeof(requests[0]))];
    uint32_t requested = libk::load_u32(data + 1);
    message = data + 5;
    message_length = size - 5;
    const char* name = p9::type_name(request);
    touch(name, strlen(name));

    p9::Reply reply = p9::parse_reply(message, message_length, request, request == p9::Tversion ? p9::NOTAG : 1);
    if (reply.error != 0) {
        FUZZ_CHECK(reply.error > 0 && reply.error <= 4095);
        if (reply.problem)
            touch(reply.problem, strlen(reply.problem));
        return 0;
    }
    FUZZ_CHECK(reply.body.remaining() + p9::header_size <= message_length);
    decode(request, reply.body, requested);
    FUZZ_CHECK(reply.body.remaining() <= message_length);
    return 0;
}
