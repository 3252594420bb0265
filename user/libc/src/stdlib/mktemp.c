/* mkstemp, mkdtemp, mktemp: replace the trailing XXXXXX with random letters until creation succeeds. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static int fill(char* tmpl)
{
    size_t len = strlen(tmpl);
    if (len < 6 || memcmp(tmpl + len - 6, "XXXXXX", 6) != 0) {
        errno = EINVAL;
        return -1;
    }
    static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    unsigned char r[6];
    if (getrandom(r, sizeof(r), GRND_NONBLOCK) != sizeof(r)) {
        unsigned int seed = (unsigned int)time(NULL) ^ (unsigned int)getpid() * 2654435761u ^ (unsigned int)rand();
        for (int i = 0; i < 6; ++i)
            r[i] = (unsigned char)rand_r(&seed);
    }
    for (int i = 0; i < 6; ++i)
        tmpl[len - 6 + i] = letters[r[i] % (sizeof(letters) - 1)];
    return 0;
}

int mkstemp(char* tmpl)
{
    for (int attempt = 0; attempt < 100; ++attempt) {
        if (fill(tmpl) < 0)
            return -1;
        int fd = open(tmpl, O_RDWR | O_CREAT | O_EXCL, 0600);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    return -1;
}

char* mkdtemp(char* tmpl)
{
    for (int attempt = 0; attempt < 100; ++attempt) {
        if (fill(tmpl) < 0)
            return NULL;
        if (mkdir(tmpl, 0700) == 0)
            return tmpl;
        if (errno != EEXIST)
            return NULL;
    }
    return NULL;
}

char* mktemp(char* tmpl)
{
    struct stat st;
    for (int attempt = 0; attempt < 100; ++attempt) {
        if (fill(tmpl) < 0) {
            tmpl[0] = 0;
            return tmpl;
        }
        if (lstat(tmpl, &st) < 0 && errno == ENOENT)
            return tmpl;
    }
    tmpl[0] = 0;
    return tmpl;
}
