/* expand.c - word expansion: quotes, backslash, ~, $VAR/${VAR}/$?/$$/$(cmd), field splitting, globbing. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "sh.h"

struct field {
    struct strbuf lit;  /* the text as it will be passed on */
    struct strbuf pat;  /* the same text with quoted glob characters escaped */
    int has_meta;       /* an unquoted * ? [ appeared */
    int active;         /* the field exists (even if empty, as with "") */
};

struct out {
    char ***argv;
    int *argc;
    int split;          /* field splitting and globbing enabled */
};

static void add_arg(struct out *o, char *s)
{
    *o->argv = xrealloc(*o->argv, sizeof(char *) * (*o->argc + 2));
    (*o->argv)[(*o->argc)++] = s;
    (*o->argv)[*o->argc] = NULL;
}

/* ---- globbing ---- */

static int match_class(const char **pp, char c)
{
    const char *p = *pp + 1; /* after '[' */
    int neg = 0, hit = 0;
    if (*p == '!' || *p == '^') { neg = 1; p++; }
    const char *first = p;
    while (*p && (*p != ']' || p == first)) {
        char lo = *p, hi;
        if (lo == '\\' && p[1]) lo = *++p;
        if (p[1] == '-' && p[2] && p[2] != ']') {
            hi = p[2];
            p += 3;
        } else {
            hi = lo;
            p++;
        }
        if (c >= lo && c <= hi)
            hit = 1;
    }
    if (*p != ']')
        return -1; /* not a class: treat '[' literally */
    *pp = p + 1;
    return hit != neg;
}

static int glob_match(const char *p, const char *s)
{
    for (; *p; ) {
        if (*p == '*') {
            while (*p == '*')
                p++;
            if (!*p)
                return 1;
            for (; *s; s++)
                if (glob_match(p, s))
                    return 1;
            return 0;
        }
        if (!*s)
            return 0;
        if (*p == '?') {
            p++, s++;
            continue;
        }
        if (*p == '[') {
            const char *q = p;
            int r = match_class(&q, *s);
            if (r >= 0) {
                if (!r)
                    return 0;
                p = q, s++;
                continue;
            }
        }
        if (*p == '\\' && p[1])
            p++;
        if (*p != *s)
            return 0;
        p++, s++;
    }
    return !*s;
}

static int has_glob_meta(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\\') { i++; continue; }
        if (p[i] == '*' || p[i] == '?' || p[i] == '[')
            return 1;
    }
    return 0;
}

static char *unescape(const char *p, size_t n)
{
    struct strbuf sb = {0};
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\\' && i + 1 < n)
            i++;
        sb_addc(&sb, p[i]);
    }
    return sb_take(&sb);
}

struct matches {
    char **v;
    int n;
};

static void glob_rec(const char *base, const char *pat, struct matches *m)
{
    const char *slash = pat;
    while (*slash && *slash != '/') {
        if (*slash == '\\' && slash[1]) slash++;
        slash++;
    }
    size_t clen = slash - pat;
    const char *rest = slash;
    while (*rest == '/')
        rest++;
    int is_last = (*slash == '\0');
    struct stat st;

    if (!has_glob_meta(pat, clen)) {
        char *comp = unescape(pat, clen);
        char *path = xmalloc(strlen(base) + strlen(comp) + 2);
        sprintf(path, "%s%s%s", base, comp, is_last ? "" : "/");
        free(comp);
        if (is_last) {
            if (lstat(path, &st) == 0) {
                m->v = xrealloc(m->v, sizeof(char *) * (m->n + 1));
                m->v[m->n++] = path;
                return;
            }
        } else {
            glob_rec(path, rest, m);
        }
        free(path);
        return;
    }
    char *comp = xmalloc(clen + 1);
    memcpy(comp, pat, clen);
    comp[clen] = '\0';
    DIR *d = opendir(*base ? base : ".");
    if (!d) {
        free(comp);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' && comp[0] != '.')
            continue;
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        if (!glob_match(comp, e->d_name))
            continue;
        char *path = xmalloc(strlen(base) + strlen(e->d_name) + 2);
        sprintf(path, "%s%s", base, e->d_name);
        if (is_last) {
            m->v = xrealloc(m->v, sizeof(char *) * (m->n + 1));
            m->v[m->n++] = path;
        } else {
            if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
                strcat(path, "/");
                glob_rec(path, rest, m);
            }
            free(path);
        }
    }
    closedir(d);
    free(comp);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int glob_expand(const char *pat, struct out *o)
{
    struct matches m = {0};
    if (*pat == '/') {
        while (*pat == '/')
            pat++;
        glob_rec("/", pat, &m);
    } else {
        glob_rec("", pat, &m);
    }
    if (m.n == 0)
        return 0;
    qsort(m.v, m.n, sizeof(char *), cmp_str);
    for (int i = 0; i < m.n; i++)
        add_arg(o, m.v[i]);
    free(m.v);
    return 1;
}

/* ---- fields ---- */

static void field_addc(struct field *f, char c, int quoted)
{
    f->active = 1;
    sb_addc(&f->lit, c);
    if (quoted && (c == '*' || c == '?' || c == '[' || c == '\\'))
        sb_addc(&f->pat, '\\');
    else if (!quoted && (c == '*' || c == '?' || c == '['))
        f->has_meta = 1;
    sb_addc(&f->pat, c);
}

static void field_end(struct field *f, struct out *o)
{
    if (!f->active)
        return;
    char *pat = sb_take(&f->pat);
    char *lit = sb_take(&f->lit);
    if (o->split && f->has_meta && glob_expand(pat, o))
        free(lit);
    else
        add_arg(o, lit);
    free(pat);
    f->active = 0;
    f->has_meta = 0;
}

/* Adds the value of an expansion; unquoted values are split at blanks. */
static void field_add_value(struct field *f, struct out *o, const char *v, int quoted)
{
    for (; *v; v++) {
        if (!quoted && o->split && (*v == ' ' || *v == '\t' || *v == '\n'))
            field_end(f, o);
        else
            field_addc(f, *v, quoted);
    }
}

/* $(command): runs it in a child shell and returns its output without trailing newlines. */
static char *command_output(const char *src)
{
    int fds[2];
    if (pipe(fds) < 0)
        return xstrdup("");
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        dup2(fds[1], 1);
        close(fds[1]);
        sh_child_signals(0);
        sh_interactive = 0;
        sh_job_control = 0;
        run_string(src);
        fflush(stdout);
        _exit(sh_last_status);
    }
    close(fds[1]);
    struct strbuf sb = {0};
    char buf[512];
    ssize_t n;
    while (pid > 0 && ((n = read(fds[0], buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR)))
        for (ssize_t i = 0; i < n; i++)
            sb_addc(&sb, buf[i]);
    close(fds[0]);
    int status;
    if (pid > 0 && waitpid(pid, &status, 0) == pid)
        sh_subst_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    while (sb.len > 0 && sb.s[sb.len - 1] == '\n')
        sb.s[--sb.len] = '\0';
    return sb_take(&sb);
}

/* Parses a parameter after '$' and returns its value (static or owned buffer in *tmp). */
static const char *param_value(const char **pp, char **tmp)
{
    static char num[24];
    const char *p = *pp;
    *tmp = NULL;
    if (*p == '(') {
        int depth = 0;
        char q = 0;
        const char *e = p;
        do {
            if (q) {
                if (*e == q)
                    q = 0;
            } else if (*e == '\'' || *e == '"') {
                q = *e;
            } else if (*e == '(') {
                depth++;
            } else if (*e == ')') {
                depth--;
            }
            e++;
        } while (*e && depth > 0);
        char *src = xmalloc(e - p);
        memcpy(src, p + 1, e - p - 2);
        src[e - p - 2] = '\0';
        *tmp = command_output(src);
        free(src);
        *pp = e;
        return *tmp;
    }
    if (*p == '{') {
        const char *end = strchr(p, '}');
        if (!end) {
            return "$";
        }
        const char *colon = strstr(p, ":-");
        size_t nlen = (colon && colon < end) ? (size_t)(colon - p - 1) : (size_t)(end - p - 1);
        char *name = xmalloc(nlen + 1);
        memcpy(name, p + 1, nlen);
        name[nlen] = '\0';
        const char *tmpp = name;
        char *inner;
        const char *v = NULL;
        if (var_valid_name(name, nlen))
            v = var_get(name);
        else
            v = param_value(&tmpp, &inner), *tmp = inner;
        if ((!v || !*v) && colon && colon < end) {
            free(*tmp);
            *tmp = xmalloc(end - colon - 1);
            memcpy(*tmp, colon + 2, end - colon - 2);
            (*tmp)[end - colon - 2] = '\0';
            v = *tmp;
        }
        free(name);
        *pp = end + 1;
        return v ? v : "";
    }
    if (*p == '?') { sprintf(num, "%d", sh_last_status); *pp = p + 1; return num; }
    if (*p == '$') { sprintf(num, "%d", (int)sh_pid); *pp = p + 1; return num; }
    if (*p == '!') { sprintf(num, "%d", (int)sh_last_bg); *pp = p + 1; *pp = p + 1; return sh_last_bg ? num : ""; }
    if (*p == '#') { sprintf(num, "%d", sh_argc > 0 ? sh_argc - 1 : 0); *pp = p + 1; return num; }
    if (*p >= '0' && *p <= '9') {
        int i = *p - '0';
        *pp = p + 1;
        return i < sh_argc ? sh_argv[i] : "";
    }
    if (*p == '@' || *p == '*') {
        struct strbuf sb = {0};
        for (int i = 1; i < sh_argc; i++) {
            if (i > 1)
                sb_addc(&sb, ' ');
            sb_adds(&sb, sh_argv[i]);
        }
        *pp = p + 1;
        return *tmp = sb_take(&sb);
    }
    const char *e = p;
    while ((*e >= 'A' && *e <= 'Z') || (*e >= 'a' && *e <= 'z') || *e == '_' || (e > p && *e >= '0' && *e <= '9'))
        e++;
    if (e == p)
        return NULL; /* a lone '$' */
    char *name = xmalloc(e - p + 1);
    memcpy(name, p, e - p);
    name[e - p] = '\0';
    const char *v = var_get(name);
    free(name);
    *pp = e;
    return v ? v : "";
}

static void expand_into(const char *raw, struct out *o)
{
    struct field f = {0};
    const char *p = raw;
    int dq = 0;

    if (p[0] == '~' && (p[1] == '/' || p[1] == '\0')) {
        const char *home = var_get("HOME");
        field_add_value(&f, o, home ? home : "/", 1);
        p++;
    }
    while (*p) {
        char c = *p;
        if (c == '\'' && !dq) {
            f.active = 1;
            for (p++; *p && *p != '\''; p++)
                field_addc(&f, *p, 1);
            if (*p)
                p++;
        } else if (c == '"') {
            f.active = 1;
            dq = !dq;
            p++;
        } else if (c == '\\') {
            if (dq && !strchr("$`\"\\", p[1])) {
                field_addc(&f, '\\', 1);
                p++;
            } else if (p[1]) {
                field_addc(&f, p[1], 1);
                p += 2;
            } else {
                p++;
            }
        } else if (c == '$') {
            char *tmp;
            const char *q = p + 1;
            const char *v = param_value(&q, &tmp);
            if (!v) {
                field_addc(&f, '$', dq);
                p++;
            } else {
                field_add_value(&f, o, v, dq);
                free(tmp);
                p = q;
            }
        } else {
            field_addc(&f, c, dq);
            p++;
        }
    }
    field_end(&f, o);
    free(f.lit.s);
    free(f.pat.s);
}

void expand_word(const char *raw, char ***argv, int *argc, int split_and_glob)
{
    struct out o = { argv, argc, split_and_glob };
    expand_into(raw, &o);
}

char *expand_single(const char *raw)
{
    char **v = NULL;
    int n = 0;
    struct out o = { &v, &n, 0 };
    expand_into(raw, &o);
    char *s = n > 0 ? v[0] : xstrdup("");
    for (int i = 1; i < n; i++)
        free(v[i]);
    free(v);
    return s;
}
