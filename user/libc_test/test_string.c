/* Checks of <string.h>, <strings.h>, <ctype.h>, strerror and strsignal. */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "harness.h"

#pragma GCC diagnostic ignored "-Wstringop-truncation"

void test_string(void)
{
    char buf[64];
    CHECK(strlen("hello") == 5);
    CHECK(strlen("") == 0);
    CHECK(strnlen("hello", 3) == 3);
    CHECK(strcmp("abc", "abd") < 0 && strcmp("abd", "abc") > 0 && strcmp("abc", "abc") == 0);
    CHECK(strncmp("abcdef", "abcxyz", 3) == 0);
    CHECK(strcasecmp("HeLLo", "hello") == 0);
    CHECK(strncasecmp("HELLO world", "hello WORLD", 11) == 0);
    CHECK_STR(strchr("a/b/c", '/'), "/b/c");
    CHECK_STR(strrchr("a/b/c", '/'), "/c");
    CHECK(strchr("abc", 0) != NULL && *strchr("abc", 0) == 0);
    CHECK_STR(strstr("the quick fox", "quick"), "quick fox");
    CHECK(strstr("abc", "xyz") == NULL);
    CHECK_STR(strpbrk("hello, world", ",;"), ", world");
    CHECK(strspn("aaabbc", "ab") == 5 && strcspn("hello world", " ") == 5);

    strcpy(buf, "foo");
    strcat(buf, "bar");
    CHECK_STR(buf, "foobar");
    strncat(buf, "bazqux", 3);
    CHECK_STR(buf, "foobarbaz");
    memset(buf, 'x', sizeof(buf));
    strncpy(buf, "ab", 5);
    CHECK(buf[0] == 'a' && buf[2] == 0 && buf[4] == 0 && buf[5] == 'x');
    CHECK(strlcpy(buf, "truncate me", 6) == 11);
    CHECK_STR(buf, "trunc");
    CHECK_STR(stpcpy(buf, "end") - 3, "end");

    char overlap[] = "123456789";
    memmove(overlap + 2, overlap, 5);
    CHECK_STR(overlap, "121234589");
    memmove(overlap, overlap + 2, 5);
    CHECK_STR(overlap, "123454589");
    CHECK(memcmp("abc", "abd", 3) < 0 && memcmp("abc", "abc", 3) == 0);
    CHECK(memchr("hello", 'l', 5) == (const char*)"hello" + 2 || *(char*)memchr("hello", 'l', 5) == 'l');
    CHECK(memrchr("hello", 'l', 5) != NULL && *((char*)memrchr("hello", 'l', 5) + 1) == 'o');
    CHECK(memmem("haystack", 8, "st", 2) != NULL);

    char* dup = strdup("duplicate");
    CHECK_STR(dup, "duplicate");
    free(dup);
    dup = strndup("duplicate", 3);
    CHECK_STR(dup, "dup");
    free(dup);

    char tok[] = "  one, two,,three ";
    char* save;
    CHECK_STR(strtok_r(tok, " ,", &save), "one");
    CHECK_STR(strtok_r(NULL, " ,", &save), "two");
    CHECK_STR(strtok_r(NULL, " ,", &save), "three");
    CHECK(strtok_r(NULL, " ,", &save) == NULL);
    char sep[] = "a:b::c";
    char* p = sep;
    CHECK_STR(strsep(&p, ":"), "a");
    CHECK_STR(strsep(&p, ":"), "b");
    CHECK_STR(strsep(&p, ":"), "");
    CHECK_STR(strsep(&p, ":"), "c");
    CHECK(p == NULL);

    CHECK_STR(strerror(ENOENT), "No such file or directory");
    CHECK_STR(strerror(EACCES), "Permission denied");
    CHECK_STR(strerror(ENOTTY), "Inappropriate ioctl for device");
    CHECK_STR(strerror(0), "Success");
    CHECK_STR(strerror(9999), "Unknown error 9999");
    CHECK_STR(strsignal(SIGSEGV), "Segmentation fault");
    CHECK_STR(strsignal(SIGINT), "Interrupt");
    CHECK(ffs(0) == 0 && ffs(8) == 4);

    CHECK(isdigit('7') && !isdigit('a') && isalpha('Q') && isspace('\t') && !isspace('x'));
    CHECK(isxdigit('F') && !isxdigit('g') && isupper('A') && islower('z') && ispunct('!') && !ispunct('a'));
    CHECK(toupper('a') == 'A' && tolower('Z') == 'z' && toupper('1') == '1');
    CHECK(isprint(' ') && !isprint('\n') && iscntrl('\n') && isgraph('~') && !isgraph(' '));
}
