/*
 * malloc and friends: first-fit over an address-ordered free list in memory from brk
 * (falling back to mmap if brk cannot grow); blocks of 128 KiB and more get their own mmap.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../internal/libc.h"

#define ALIGNMENT 16
#define MIN_BLOCK 32                 /* header + the smallest payload worth a split */
#define MMAP_THRESHOLD (128 * 1024)  /* requests this big bypass the heap */
#define HEAP_GROW (64 * 1024)        /* grow the heap at least this much at a time */

#define FLAG_FREE 1u
#define FLAG_MMAPPED 2u
#define MAGIC 0x6d616c00u            /* low bits hold the flags; catches bad free() */

/* 16 bytes in front of every payload, so payloads stay 16-aligned. */
struct block {
    size_t size;             /* bytes including this header (mmapped: the mapping length) */
    size_t flags;            /* MAGIC | FLAG_* */
    struct block* next_free; /* free list link, only while free */
    size_t map_offset;       /* mmapped: header address minus mapping start */
};

_Static_assert(sizeof(struct block) == ALIGNMENT, "the block header keeps payloads aligned");

static struct block* free_list;

static size_t round_up(size_t n, size_t to) { return (n + to - 1) & ~(to - 1); }
static void* payload(struct block* b) { return b + 1; }
static struct block* header(void* p) { return (struct block*)p - 1; }

/* Insert into the address-ordered free list, merging with physically adjacent neighbours. */
static void insert_free(struct block* b)
{
    b->flags = MAGIC | FLAG_FREE;
    struct block* prev = NULL;
    struct block* next = free_list;
    while (next && next < b) {
        prev = next;
        next = next->next_free;
    }
    if (next && (char*)b + b->size == (char*)next) {
        b->size += next->size;
        next = next->next_free;
    }
    b->next_free = next;
    if (prev && (char*)prev + prev->size == (char*)b) {
        prev->size += b->size;
        prev->next_free = next;
    } else if (prev) {
        prev->next_free = b;
    } else {
        free_list = b;
    }
}

static void* map_pages(size_t length)
{
    void* p = mmap(NULL, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

/* Add at least `need` bytes of fresh memory to the free list. */
static int grow_heap(size_t need)
{
    size_t length = round_up(need + ALIGNMENT, __page_size);
    if (length < HEAP_GROW)
        length = HEAP_GROW;
    unsigned long cur = __brk_current();
    unsigned long start = round_up(cur, ALIGNMENT);
    if (sbrk((intptr_t)(length + (start - cur))) != (void*)-1) {
        struct block* b = (struct block*)start;
        b->size = length;
        insert_free(b);
        return 0;
    }
    void* mem = map_pages(length);
    if (!mem)
        return -1;
    struct block* b = mem;
    b->size = length;
    insert_free(b);
    return 0;
}

/* Cut `b` down to `size` bytes, returning the tail to the free list. */
static void split(struct block* b, size_t size)
{
    if (b->size - size < MIN_BLOCK)
        return;
    struct block* rest = (struct block*)((char*)b + size);
    rest->size = b->size - size;
    b->size = size;
    insert_free(rest);
}

static void* map_block(size_t size, size_t alignment)
{
    size_t length = round_up(size + ALIGNMENT + (alignment > ALIGNMENT ? alignment : 0), __page_size);
    char* base = map_pages(length);
    if (!base)
        return NULL;
    char* p = (char*)round_up((uintptr_t)base + ALIGNMENT, alignment);
    struct block* b = header(p);
    b->size = length;
    b->flags = MAGIC | FLAG_MMAPPED;
    b->map_offset = (size_t)((char*)b - base);
    return p;
}

void* malloc(size_t size)
{
    if (size > SIZE_MAX / 2) {
        errno = ENOMEM;
        return NULL;
    }
    size_t need = round_up(size + sizeof(struct block), ALIGNMENT);
    if (need < MIN_BLOCK)
        need = MIN_BLOCK;
    if (need >= MMAP_THRESHOLD) {
        void* p = map_block(size, ALIGNMENT);
        if (!p)
            errno = ENOMEM;
        return p;
    }
    for (int attempt = 0; attempt < 2; ++attempt) {
        struct block** link = &free_list;
        for (struct block* b = free_list; b; link = &b->next_free, b = b->next_free) {
            if (b->size < need)
                continue;
            *link = b->next_free;
            b->flags = MAGIC;
            split(b, need);
            return payload(b);
        }
        if (grow_heap(need) < 0)
            break;
    }
    errno = ENOMEM;
    return NULL;
}

void free(void* p)
{
    if (!p)
        return;
    struct block* b = header(p);
    if ((b->flags & ~3u) != MAGIC || (b->flags & FLAG_FREE))
        abort(); /* not ours, or freed twice */
    if (b->flags & FLAG_MMAPPED) {
        munmap((char*)b - b->map_offset, b->size);
        return;
    }
    insert_free(b);
}

void* calloc(size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size) {
        errno = ENOMEM;
        return NULL;
    }
    void* p = malloc(count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

static size_t usable_size(struct block* b)
{
    if (b->flags & FLAG_MMAPPED)
        return b->size - b->map_offset - sizeof(struct block);
    return b->size - sizeof(struct block);
}

void* realloc(void* p, size_t size)
{
    if (!p)
        return malloc(size);
    if (size == 0) {
        free(p);
        return NULL;
    }
    struct block* b = header(p);
    if (size <= usable_size(b))
        return p; /* shrinking keeps the block: simple and never fails */
    if (!(b->flags & FLAG_MMAPPED)) {
        /* Grow in place into a free neighbour if there is one. */
        size_t need = round_up(size + sizeof(struct block), ALIGNMENT);
        struct block** link = &free_list;
        for (struct block* f = free_list; f && f < b; link = &f->next_free, f = f->next_free)
            ;
        struct block* next = *link;
        if (next && (char*)b + b->size == (char*)next && b->size + next->size >= need
            && need < MMAP_THRESHOLD) {
            *link = next->next_free;
            b->size += next->size;
            split(b, need);
            return p;
        }
    }
    void* q = malloc(size);
    if (!q)
        return NULL;
    memcpy(q, p, usable_size(b));
    free(p);
    return q;
}

void* reallocarray(void* p, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size) {
        errno = ENOMEM;
        return NULL;
    }
    return realloc(p, count * size);
}

int posix_memalign(void** out, size_t alignment, size_t size)
{
    if (alignment < sizeof(void*) || (alignment & (alignment - 1)))
        return EINVAL;
    void* p = alignment <= ALIGNMENT ? malloc(size) : map_block(size, alignment);
    if (!p)
        return ENOMEM;
    *out = p;
    return 0;
}

void* aligned_alloc(size_t alignment, size_t size)
{
    void* p = NULL;
    int err = posix_memalign(&p, alignment < sizeof(void*) ? sizeof(void*) : alignment, size);
    if (err)
        errno = err;
    return p;
}

void* memalign(size_t alignment, size_t size) { return aligned_alloc(alignment, size); }
void* valloc(size_t size) { return aligned_alloc(__page_size, size); }
