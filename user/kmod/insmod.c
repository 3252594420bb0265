/* insmod - load a kernel module: insmod FILE.ko [param=value ...]
 * Uses finit_module(2) and falls back to init_module(2) with the file's bytes. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

/* The errors the loader gives, as kmod explains them. */
static const char *mod_strerror(int err)
{
    switch (err) {
    case ENOEXEC: return "Invalid module format";
    case ENOENT: return "Unknown symbol in module";
    case ESRCH: return "Module has wrong symbol version";
    case EINVAL: return "Invalid parameters";
    default: return strerror(err);
    }
}

/* The parameters as one string; a value with spaces is quoted, as busybox does,
 * so `mystring="a b"` (one argument after the shell) reaches the kernel whole. */
static char *join_params(int count, char **params)
{
    size_t size = 1;
    for (int i = 0; i < count; i++)
        size += strlen(params[i]) + 3;
    char *args = malloc(size), *p = args;
    if (!args)
        return NULL;
    *p = '\0';
    for (int i = 0; i < count; i++) {
        const char *eq = strchr(params[i], '=');
        if (eq && strchr(eq, ' ') && eq[1] != '"')
            p += sprintf(p, "%s%.*s\"%s\"", i ? " " : "", (int)(eq + 1 - params[i]), params[i], eq + 1);
        else
            p += sprintf(p, "%s%s", i ? " " : "", params[i]);
    }
    return args;
}

/* init_module(2) needs the whole image in memory. */
static long load_from_memory(int fd, const char *args)
{
    struct stat st;
    if (fstat(fd, &st) < 0)
        return -1;
    char *image = malloc(st.st_size ? st.st_size : 1);
    if (!image)
        return -1;
    ssize_t done = 0;
    while (done < st.st_size) {
        ssize_t n = read(fd, image + done, st.st_size - done);
        if (n <= 0)
            break;
        done += n;
    }
    long ret = syscall(SYS_init_module, image, (unsigned long)done, args);
    int saved = errno;
    free(image);
    errno = saved;
    return ret;
}

int main(int argc, char **argv)
{
    if (argc < 2 || argv[1][0] == '-') {
        fprintf(stderr, "Usage: insmod FILE [param=value ...]\n");
        return 1;
    }
    const char *path = argv[1];
    char *args = join_params(argc - 2, argv + 2);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        fprintf(stderr, "insmod: ERROR: could not load module %s: %s\n", path, strerror(errno));
        return 1;
    }
    long ret = syscall(SYS_finit_module, fd, args ? args : "", 0);
    if (ret < 0 && errno == ENOSYS)
        ret = load_from_memory(fd, args ? args : "");
    if (ret < 0) {
        fprintf(stderr, "insmod: ERROR: could not insert module %s: %s\n", path, mod_strerror(errno));
        return 1;
    }
    close(fd);
    return 0;
}
