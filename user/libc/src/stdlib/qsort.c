/* qsort (heapsort: O(n log n), no recursion, no allocation) and bsearch. */
#include <stdlib.h>

static void swap(char* a, char* b, size_t size)
{
    while (size--) {
        char t = *a;
        *a++ = *b;
        *b++ = t;
    }
}

static void sift_down(char* base, size_t root, size_t count, size_t size, int (*cmp)(const void*, const void*))
{
    for (;;) {
        size_t child = 2 * root + 1;
        if (child >= count)
            return;
        if (child + 1 < count && cmp(base + child * size, base + (child + 1) * size) < 0)
            ++child;
        if (cmp(base + root * size, base + child * size) >= 0)
            return;
        swap(base + root * size, base + child * size, size);
        root = child;
    }
}

void qsort(void* base, size_t count, size_t size, int (*compare)(const void*, const void*))
{
    char* b = base;
    if (count < 2 || size == 0)
        return;
    /* Small arrays: insertion sort, which is also stable. */
    if (count <= 16) {
        for (size_t i = 1; i < count; ++i)
            for (size_t j = i; j > 0 && compare(b + (j - 1) * size, b + j * size) > 0; --j)
                swap(b + (j - 1) * size, b + j * size, size);
        return;
    }
    for (size_t i = count / 2; i-- > 0;)
        sift_down(b, i, count, size, compare);
    for (size_t end = count - 1; end > 0; --end) {
        swap(b, b + end * size, size);
        sift_down(b, 0, end, size, compare);
    }
}

void* bsearch(const void* key, const void* base, size_t count, size_t size, int (*compare)(const void*, const void*))
{
    const char* lo = base;
    while (count > 0) {
        const char* mid = lo + (count / 2) * size;
        int c = compare(key, mid);
        if (c == 0)
            return (void*)mid;
        if (c > 0) {
            lo = mid + size;
            count -= count / 2 + 1;
        } else {
            count /= 2;
        }
    }
    return NULL;
}
