/* vars.c - shell variables; exported ones form the environment of commands. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

struct var {
    char *name;
    char *value;
    int exported;
};

static struct var *vars;
static int nvars;

int var_valid_name(const char *s, size_t len)
{
    if (len == 0 || (s[0] >= '0' && s[0] <= '9'))
        return 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return 0;
    }
    return 1;
}

static struct var *find(const char *name)
{
    for (int i = 0; i < nvars; i++)
        if (!strcmp(vars[i].name, name))
            return &vars[i];
    return NULL;
}

const char *var_get(const char *name)
{
    struct var *v = find(name);
    return v ? v->value : NULL;
}

void var_set(const char *name, const char *value, int exported)
{
    struct var *v = find(name);
    if (!v) {
        vars = xrealloc(vars, sizeof(struct var) * (nvars + 1));
        v = &vars[nvars++];
        v->name = xstrdup(name);
        v->value = NULL;
        v->exported = 0;
    }
    free(v->value);
    v->value = xstrdup(value);
    if (exported >= 0)
        v->exported = exported;
}

void var_export(const char *name)
{
    struct var *v = find(name);
    if (v)
        v->exported = 1;
    else
        var_set(name, "", 1);
}

void var_unset(const char *name)
{
    struct var *v = find(name);
    if (!v)
        return;
    free(v->name);
    free(v->value);
    *v = vars[--nvars];
}

void var_import_environ(char **envp)
{
    for (; envp && *envp; envp++) {
        char *eq = strchr(*envp, '=');
        if (!eq || !var_valid_name(*envp, eq - *envp))
            continue;
        char *name = xmalloc(eq - *envp + 1);
        memcpy(name, *envp, eq - *envp);
        name[eq - *envp] = '\0';
        var_set(name, eq + 1, 1);
        free(name);
    }
}

/* Builds the environment for a command; extra holds its NAME=value prefixes. */
char **var_environ(char **extra, int nextra)
{
    char **env = xmalloc(sizeof(char *) * (nvars + nextra + 1));
    int n = 0;
    for (int i = 0; i < nvars; i++) {
        if (!vars[i].exported)
            continue;
        int overridden = 0;
        size_t len = strlen(vars[i].name);
        for (int j = 0; j < nextra; j++)
            if (!strncmp(extra[j], vars[i].name, len) && extra[j][len] == '=')
                overridden = 1;
        if (overridden)
            continue;
        env[n] = xmalloc(len + strlen(vars[i].value) + 2);
        sprintf(env[n++], "%s=%s", vars[i].name, vars[i].value);
    }
    for (int j = 0; j < nextra; j++)
        env[n++] = xstrdup(extra[j]);
    env[n] = NULL;
    return env;
}

static int cmp_var(const void *a, const void *b)
{
    return strcmp(((const struct var *)a)->name, ((const struct var *)b)->name);
}

void var_print_exported(void)
{
    qsort(vars, nvars, sizeof(struct var), cmp_var);
    for (int i = 0; i < nvars; i++)
        if (vars[i].exported)
            printf("declare -x %s=\"%s\"\n", vars[i].name, vars[i].value);
    fflush(stdout);
}
