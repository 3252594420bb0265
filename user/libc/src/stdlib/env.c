/* The environment: getenv, setenv, unsetenv, putenv, clearenv over `environ`. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Our own copy of the pointer array once we change it (the initial one lives on the stack). */
static char** owned_env;
static size_t owned_cap;

static size_t name_length(const char* name)
{
    return strchrnul(name, '=') - name;
}

static char** find(const char* name, size_t len)
{
    if (!environ)
        return NULL;
    for (char** e = environ; *e; ++e)
        if (strncmp(*e, name, len) == 0 && (*e)[len] == '=')
            return e;
    return NULL;
}

char* getenv(const char* name)
{
    size_t len = name_length(name);
    if (name[len])
        return NULL;
    char** e = find(name, len);
    return e ? *e + len + 1 : NULL;
}

static size_t env_count(void)
{
    size_t n = 0;
    if (environ)
        while (environ[n])
            ++n;
    return n;
}

/* Append `entry`, copying environ into our own growable array first if needed. */
static int append(char* entry)
{
    size_t n = env_count();
    if (environ != owned_env || n + 2 > owned_cap) {
        size_t cap = (n + 2) * 2;
        char** fresh = malloc(cap * sizeof(char*));
        if (!fresh)
            return -1;
        if (n)
            memcpy(fresh, environ, n * sizeof(char*));
        if (environ == owned_env)
            free(owned_env);
        owned_env = fresh;
        owned_cap = cap;
        environ = fresh;
    }
    environ[n] = entry;
    environ[n + 1] = NULL;
    return 0;
}

int putenv(char* string)
{
    size_t len = name_length(string);
    if (!string[len])
        return unsetenv(string);
    char** e = find(string, len);
    if (e) {
        *e = string;
        return 0;
    }
    return append(string);
}

int setenv(const char* name, const char* value, int overwrite)
{
    size_t len = strlen(name);
    if (len == 0 || strchr(name, '=')) {
        errno = EINVAL;
        return -1;
    }
    if (!overwrite && find(name, len))
        return 0;
    size_t vlen = strlen(value);
    char* entry = malloc(len + vlen + 2);
    if (!entry)
        return -1;
    memcpy(entry, name, len);
    entry[len] = '=';
    memcpy(entry + len + 1, value, vlen + 1);
    /* The old string may still be referenced by the caller (getenv results): leak it. */
    return putenv(entry);
}

int unsetenv(const char* name)
{
    size_t len = strlen(name);
    if (len == 0 || strchr(name, '=')) {
        errno = EINVAL;
        return -1;
    }
    if (!environ)
        return 0;
    char** out = environ;
    for (char** e = environ; *e; ++e)
        if (!(strncmp(*e, name, len) == 0 && (*e)[len] == '='))
            *out++ = *e;
    *out = NULL;
    return 0;
}

int clearenv(void)
{
    if (environ == owned_env)
        free(owned_env);
    owned_env = NULL;
    owned_cap = 0;
    environ = NULL;
    return 0;
}
