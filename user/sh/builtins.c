/* builtins.c - commands that must run inside the shell: cd, pwd, export, unset, exit, ... */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

static int bi_cd(char **argv)
{
    const char *dir = argv[1];
    if (!dir) {
        dir = var_get("HOME");
        if (!dir) {
            sh_error("cd: HOME not set");
            return 1;
        }
    } else if (!strcmp(dir, "-")) {
        dir = var_get("OLDPWD");
        if (!dir) {
            sh_error("cd: OLDPWD not set");
            return 1;
        }
        printf("%s\n", dir);
    }
    char old[PATH_MAX];
    if (!getcwd(old, sizeof old))
        old[0] = '\0';
    if (chdir(dir) < 0) {
        sh_error("cd: %s: %s", dir, strerror(errno));
        return 1;
    }
    char cwd[PATH_MAX];
    var_set("OLDPWD", old, -1);
    if (getcwd(cwd, sizeof cwd))
        var_set("PWD", cwd, -1);
    return 0;
}

static int bi_pwd(char **argv)
{
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd)) {
        sh_error("pwd: %s", strerror(errno));
        return 1;
    }
    printf("%s\n", cwd);
    return 0;
}

static int bi_export(char **argv)
{
    if (!argv[1] || !strcmp(argv[1], "-p")) {
        var_print_exported();
        return 0;
    }
    int st = 0;
    for (int i = 1; argv[i]; i++) {
        char *eq = strchr(argv[i], '=');
        size_t len = eq ? (size_t)(eq - argv[i]) : strlen(argv[i]);
        if (!var_valid_name(argv[i], len)) {
            sh_error("export: `%s': not a valid identifier", argv[i]);
            st = 1;
            continue;
        }
        if (eq) {
            *eq = '\0';
            var_set(argv[i], eq + 1, 1);
            *eq = '=';
        } else {
            var_export(argv[i]);
        }
    }
    return st;
}

static int bi_unset(char **argv)
{
    for (int i = 1; argv[i]; i++)
        var_unset(argv[i]);
    return 0;
}

static int bi_exit(char **argv)
{
    fflush(stdout);
    exit(argv[1] ? atoi(argv[1]) & 255 : sh_last_status);
}

static int bi_colon(char **argv)
{
    return 0;
}

static int bi_source(char **argv)
{
    if (!argv[1]) {
        sh_error("%s: filename argument required", argv[0]);
        return 2;
    }
    int fd = open(argv[1], O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        sh_error("%s: %s", argv[1], strerror(errno));
        return 1;
    }
    struct strbuf sb = {0};
    char *line;
    while ((line = read_line_fd(fd))) {
        sb_adds(&sb, line);
        sb_addc(&sb, '\n');
        free(line);
    }
    close(fd);
    char *src = sb_take(&sb);
    int st = run_string(src);
    free(src);
    return st;
}

static const struct {
    const char *name;
    builtin_fn fn;
} builtins[] = {
    { "cd", bi_cd },
    { "pwd", bi_pwd },
    { "export", bi_export },
    { "unset", bi_unset },
    { "exit", bi_exit },
    { ":", bi_colon },
    { ".", bi_source },
    { "source", bi_source },
    { "jobs", builtin_jobs },
    { "fg", builtin_fg },
    { "bg", builtin_bg },
    { "wait", builtin_wait },
    { "history", builtin_history },
};

builtin_fn find_builtin(const char *name)
{
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
        if (!strcmp(builtins[i].name, name))
            return builtins[i].fn;
    return NULL;
}
