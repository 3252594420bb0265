/* Checks of everything else: system calls by number, uname, sysinfo, getopt, libgen, fnmatch, pwd/grp, ttys. */
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <getopt.h>
#include <grp.h>
#include <libgen.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <termios.h>
#include <unistd.h>

#include "harness.h"

static void test_getopt(void)
{
    char* argv[] = { "prog", "-a", "-b", "value", "-cfoo", "-ac", "bar", "--", "-notanoption", NULL };
    int argc = 9, a = 0;
    char *b = NULL, *c1 = NULL, *c2 = NULL;
    int opt;
    optind = 1;
    opterr = 0;
    while ((opt = getopt(argc, argv, "ab:c:")) != -1) {
        if (opt == 'a')
            ++a;
        else if (opt == 'b')
            b = optarg;
        else if (opt == 'c' && !c1)
            c1 = optarg;
        else if (opt == 'c')
            c2 = optarg;
    }
    CHECK(a == 2 && b && strcmp(b, "value") == 0 && c1 && strcmp(c1, "foo") == 0 && c2 && strcmp(c2, "bar") == 0);
    CHECK(optind == 8 && strcmp(argv[optind], "-notanoption") == 0);

    char* bad[] = { "prog", "-x", "-b", NULL };
    optind = 1;
    CHECK(getopt(2, bad, "b:") == '?' && optopt == 'x');
    optind = 1;
    bad[1] = "-b";
    CHECK(getopt(2, bad, ":b:") == ':' && optopt == 'b');

    static struct option longopts[] = {
        { "verbose", no_argument, NULL, 'v' },
        { "output", required_argument, NULL, 'o' },
        { NULL, 0, NULL, 0 },
    };
    char* largv[] = { "prog", "--verbose", "--output=file", "--out", "other", "-v", "rest", NULL };
    int verbose = 0;
    char *out1 = NULL, *out2 = NULL;
    optind = 1;
    while ((opt = getopt_long(7, largv, "vo:", longopts, NULL)) != -1) {
        if (opt == 'v')
            ++verbose;
        else if (opt == 'o' && !out1)
            out1 = optarg;
        else if (opt == 'o')
            out2 = optarg;
    }
    CHECK(verbose == 2 && out1 && strcmp(out1, "file") == 0 && out2 && strcmp(out2, "other") == 0);
    CHECK(optind == 6);
    optind = 1;
    opterr = 1;
}

static void test_paths(void)
{
    char p1[] = "/usr/lib/", p2[] = "/usr/lib/", p3[] = "file", p4[] = "file", p5[] = "/", p6[] = "/";
    CHECK_STR(basename(p1), "lib");
    CHECK_STR(dirname(p2), "/usr");
    CHECK_STR(basename(p3), "file");
    CHECK_STR(dirname(p4), ".");
    CHECK_STR(basename(p5), "/");
    CHECK_STR(dirname(p6), "/");
    CHECK(fnmatch("*.c", "main.c", 0) == 0 && fnmatch("*.c", "main.h", 0) == FNM_NOMATCH);
    CHECK(fnmatch("a?c", "abc", 0) == 0 && fnmatch("[a-c]x", "bx", 0) == 0 && fnmatch("[!a-c]x", "bx", 0) != 0);
    CHECK(fnmatch("*", ".hidden", FNM_PERIOD) != 0 && fnmatch("*/b", "a/b", FNM_PATHNAME) == 0);
    CHECK(fnmatch("a*", "a/b", FNM_PATHNAME) != 0 && fnmatch("\\*", "*", 0) == 0);
}

static void test_system(void)
{
    CHECK(syscall(SYS_getpid) == getpid());
    CHECK(SYS_write == 4 && SYS_hello == 349 && __NR_execve == 11);
    errno = 0;
    CHECK(syscall(SYS_close, -1) == -1 && errno == EBADF);

    struct utsname u;
    CHECK(uname(&u) == 0 && u.sysname[0] && u.release[0] && u.machine[0]);
    char host[65];
    CHECK(gethostname(host, sizeof(host)) == 0 && strcmp(host, u.nodename) == 0);
    struct sysinfo si;
    CHECK(sysinfo(&si) == 0 && si.totalram > 0 && si.mem_unit > 0);
    CHECK(sysconf(_SC_PAGESIZE) == 4096 && sysconf(_SC_CLK_TCK) == 100 && getpagesize() == 4096);
    CHECK(getauxval(AT_PAGESZ) == 4096);
    struct rlimit rl;
    CHECK(getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur > 0);

    unsigned char random_bytes[16] = { 0 };
    ssize_t got = getrandom(random_bytes, sizeof(random_bytes), 0);
    if (got < 0 && errno == ENOSYS) {
        skip("getrandom: ENOSYS");
    } else {
        int nonzero = 0;
        for (int i = 0; i < 16; ++i)
            nonzero |= random_bytes[i];
        CHECK(got == 16 && nonzero);
    }

    char* anon = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(anon != MAP_FAILED);
    if (anon != MAP_FAILED) {
        CHECK(anon[0] == 0 && anon[3 * 4096 - 1] == 0);
        anon[5000] = 'z';
        CHECK(mprotect(anon, 4096, PROT_READ) == 0);
        CHECK(anon[5000] == 'z');
        CHECK(munmap(anon, 3 * 4096) == 0);
    }

    /* A hole punched in the middle of a mapping: both ends stay, the hole can be mapped anew. */
    char* three = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(three != MAP_FAILED);
    if (three != MAP_FAILED) {
        three[0] = 'a';
        three[4096] = 'b';
        three[2 * 4096] = 'c';
        CHECK(munmap(three + 4096, 4096) == 0);
        CHECK(three[0] == 'a' && three[2 * 4096] == 'c');
        char* again = mmap(three + 4096, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        CHECK(again == three + 4096 && again[0] == 0);
        CHECK(munmap(three, 3 * 4096) == 0);
    }
    CHECK(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 123) == MAP_FAILED && errno == EINVAL);

    void* cur = sbrk(0);
    CHECK(cur != (void*)-1 && sbrk(4096) == cur && sbrk(0) == (char*)cur + 4096);
    CHECK(sbrk(-4096) != (void*)-1);
}

static void test_users(void)
{
    uid_t uid = getuid();
    CHECK(geteuid() == uid && getgid() == getegid());
    if (access("/etc/passwd", R_OK) != 0) {
        skip("no /etc/passwd");
        return;
    }
    struct passwd* pw = getpwnam("root");
    CHECK(pw && pw->pw_uid == 0 && pw->pw_gid == 0 && strcmp(pw->pw_dir, "/root") == 0);
    pw = getpwuid(0);
    CHECK(pw && strcmp(pw->pw_name, "root") == 0);
    CHECK(getpwnam("no-such-user-here") == NULL);
    struct group* gr = getgrgid(0);
    CHECK(gr && strcmp(gr->gr_name, "root") == 0);
    gr = getgrnam("root");
    CHECK(gr && gr->gr_gid == 0);
}

static void test_tty(void)
{
    int fds[2];
    CHECK(pipe(fds) == 0);
    errno = 0;
    CHECK(isatty(fds[0]) == 0 && errno == ENOTTY);
    struct termios t;
    CHECK(tcgetattr(fds[0], &t) == -1 && errno == ENOTTY);
    close(fds[0]);
    close(fds[1]);
    int fd = open("/dev/tty", O_RDWR | O_NOCTTY);
    if (fd < 0 || !isatty(fd)) {
        skip("no controlling terminal");
        if (fd >= 0)
            close(fd);
        return;
    }
    CHECK(tcgetattr(fd, &t) == 0);
    struct termios raw = t;
    cfmakeraw(&raw);
    CHECK(tcsetattr(fd, TCSANOW, &raw) == 0);
    struct termios now;
    CHECK(tcgetattr(fd, &now) == 0 && !(now.c_lflag & ICANON) && !(now.c_lflag & ECHO));
    CHECK(tcsetattr(fd, TCSANOW, &t) == 0);
    struct winsize ws;
    CHECK(ioctl(fd, TIOCGWINSZ, &ws) == 0);
    CHECK(tcgetpgrp(fd) > 0);
    close(fd);
}

void test_misc(void)
{
    test_getopt();
    test_paths();
    test_system();
    test_users();
    test_tty();
}
