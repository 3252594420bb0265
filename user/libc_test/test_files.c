/* Checks of file system calls: open/read/write/lseek, stat, directories, links, dup, mmap of a file. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "harness.h"

void test_files(void)
{
    char dir[256], file[300], link_path[300], other[300];
    snprintf(dir, sizeof(dir), "%s/libc_test_dir.XXXXXX", test_dir);
    CHECK(mkdtemp(dir) != NULL);
    snprintf(file, sizeof(file), "%s/file", dir);
    snprintf(link_path, sizeof(link_path), "%s/link", dir);
    snprintf(other, sizeof(other), "%s/renamed", dir);

    mode_t old_mask = umask(022);
    int fd = open(file, O_RDWR | O_CREAT | O_EXCL, 0666);
    CHECK(fd >= 0);
    CHECK(open(file, O_RDWR | O_CREAT | O_EXCL, 0666) == -1 && errno == EEXIST);
    CHECK(write(fd, "0123456789", 10) == 10);
    CHECK(lseek(fd, 0, SEEK_CUR) == 10 && lseek(fd, 2, SEEK_SET) == 2);
    char buf[16] = { 0 };
    CHECK(read(fd, buf, 3) == 3 && memcmp(buf, "234", 3) == 0);
    CHECK(pread(fd, buf, 2, 8) == 2 && memcmp(buf, "89", 2) == 0);
    CHECK(pwrite(fd, "AB", 2, 0) == 2 && lseek(fd, 0, SEEK_CUR) == 5);
    /* A 64-bit offset beyond 4 GiB: lseek goes through _llseek. */
    CHECK(lseek(fd, 5LL << 30, SEEK_SET) == 5LL << 30);
    CHECK(lseek(fd, 0, SEEK_SET) == 0);

    struct stat st;
    CHECK(fstat(fd, &st) == 0 && st.st_size == 10 && S_ISREG(st.st_mode));
    CHECK((st.st_mode & 0777) == 0644); /* 0666 & ~022 */
    CHECK(st.st_nlink == 1 && st.st_uid == getuid() && st.st_ino != 0 && st.st_blksize > 0);
    CHECK(ftruncate(fd, 4) == 0 && fstat(fd, &st) == 0 && st.st_size == 4);

    int copy = dup(fd);
    CHECK(copy > fd);
    CHECK(dup2(fd, 50) == 50 && lseek(50, 1, SEEK_SET) == 1 && lseek(fd, 0, SEEK_CUR) == 1);
    close(50);
    close(copy);
    CHECK(fcntl(fd, F_GETFD) == 0 && fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 && fcntl(fd, F_GETFD) == FD_CLOEXEC);
    CHECK((fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDWR);

    /* mmap the file: shared writes reach it. */
    CHECK(ftruncate(fd, 4096) == 0);
    char* map = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK(map != MAP_FAILED);
    if (map != MAP_FAILED) {
        CHECK(memcmp(map, "AB23", 4) == 0);
        memcpy(map + 100, "mapped", 6);
        CHECK(msync(map, 4096, MS_SYNC) == 0);
        CHECK(pread(fd, buf, 6, 100) == 6 && memcmp(buf, "mapped", 6) == 0);
        CHECK(munmap(map, 4096) == 0);
    }
    CHECK(close(fd) == 0);
    CHECK(close(fd) == -1 && errno == EBADF);

    CHECK(stat(file, &st) == 0 && st.st_size == 4096);
    CHECK(chmod(file, 0600) == 0 && stat(file, &st) == 0 && (st.st_mode & 0777) == 0600);
    CHECK(access(file, R_OK | W_OK) == 0);
    CHECK(symlink("file", link_path) == 0);
    CHECK(lstat(link_path, &st) == 0 && S_ISLNK(st.st_mode) && stat(link_path, &st) == 0 && S_ISREG(st.st_mode));
    char target[64] = { 0 };
    CHECK(readlink(link_path, target, sizeof(target)) == 4 && memcmp(target, "file", 4) == 0);
    char resolved[PATH_MAX];
    CHECK(realpath(link_path, resolved) != NULL);
    char want[PATH_MAX];
    CHECK(realpath(dir, want) != NULL);
    strcat(want, "/file");
    CHECK_STR(resolved, want);
    CHECK(rename(file, other) == 0 && access(file, F_OK) == -1 && access(other, F_OK) == 0);
    CHECK(link(other, file) == 0 && stat(file, &st) == 0 && st.st_nlink == 2);

    char sub[300];
    snprintf(sub, sizeof(sub), "%s/sub", dir);
    CHECK(mkdir(sub, 0755) == 0 && stat(sub, &st) == 0 && S_ISDIR(st.st_mode));
    CHECK(mkdir(sub, 0755) == -1 && errno == EEXIST);

    DIR* d = opendir(dir);
    CHECK(d != NULL);
    int seen = 0;
    struct dirent* e;
    while (d && (e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            seen |= 1;
        else if (strcmp(e->d_name, "file") == 0 && e->d_type == DT_REG)
            seen |= 2;
        else if (strcmp(e->d_name, "link") == 0 && e->d_type == DT_LNK)
            seen |= 4;
        else if (strcmp(e->d_name, "sub") == 0 && e->d_type == DT_DIR)
            seen |= 8;
        else if (strcmp(e->d_name, "renamed") == 0)
            seen |= 16;
    }
    CHECK(seen == 31);
    if (d) {
        rewinddir(d);
        CHECK(readdir(d) != NULL);
        closedir(d);
    }
    struct dirent** list;
    int count = scandir(dir, &list, NULL, alphasort);
    CHECK(count == 6);
    if (count == 6) {
        CHECK(strcmp(list[0]->d_name, ".") == 0 && strcmp(list[5]->d_name, "sub") == 0);
        for (int i = 0; i < count; ++i)
            free(list[i]);
        free(list);
    }
    CHECK(opendir(file) == NULL && errno == ENOTDIR);

    char cwd[PATH_MAX], here[PATH_MAX];
    CHECK(getcwd(cwd, sizeof(cwd)) != NULL);
    CHECK(chdir(sub) == 0 && getcwd(here, sizeof(here)) != NULL);
    CHECK(strlen(here) > 4 && strcmp(here + strlen(here) - 4, "/sub") == 0);
    CHECK(access("../file", F_OK) == 0);
    CHECK(chdir(cwd) == 0);
    char* allocated = getcwd(NULL, 0);
    CHECK(allocated && strcmp(allocated, cwd) == 0);
    free(allocated);

    CHECK(rmdir(dir) == -1 && errno == ENOTEMPTY);
    CHECK(rmdir(sub) == 0);
    CHECK(unlink(link_path) == 0 && unlink(file) == 0 && unlink(other) == 0);
    CHECK(unlink(file) == -1 && errno == ENOENT);
    CHECK(rmdir(dir) == 0);

    dev_t dev = makedev(4, 65);
    CHECK(major(dev) == 4 && minor(dev) == 65);
    dev = makedev(259, 300000);
    CHECK(major(dev) == 259 && minor(dev) == 300000);
    umask(old_mask);
}
