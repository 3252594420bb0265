/* modinfo - show a module's information: modinfo [-F field] FILE.ko|NAME
 * Prints the .modinfo strings ("license=GPL" ...) of the ELF file, aligned like
 * kmod's modinfo; a bare NAME means /lib/modules/NAME.ko. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The ELF32 pieces we read (Linux's <elf.h> names). */
typedef struct {
    unsigned char e_ident[16];
    uint16_t e_type, e_machine;
    uint32_t e_version, e_entry, e_phoff, e_shoff, e_flags;
    uint16_t e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
} Elf32_Ehdr;
typedef struct {
    uint32_t sh_name, sh_type, sh_flags, sh_addr, sh_offset, sh_size, sh_link, sh_info, sh_addralign, sh_entsize;
} Elf32_Shdr;

static char *read_file(const char *path, size_t *size)
{
    int fd = open(path, O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) < 0)
        return NULL;
    char *data = malloc(st.st_size + 1);
    size_t done = 0;
    while (data && done < (size_t)st.st_size) {
        ssize_t n = read(fd, data + done, st.st_size - done);
        if (n <= 0)
            break;
        done += n;
    }
    close(fd);
    *size = done;
    return data;
}

/* The .modinfo section, checked to lie inside the file; NULL if there is none. */
static const char *find_modinfo(const char *data, size_t size, size_t *len)
{
    const Elf32_Ehdr *eh = (const Elf32_Ehdr *)data;
    if (size < sizeof *eh || memcmp(eh->e_ident, "\177ELF", 4) != 0 || eh->e_ident[4] != 1)
        return NULL;
    if (eh->e_shentsize != sizeof(Elf32_Shdr) || eh->e_shoff > size ||
        (size - eh->e_shoff) / sizeof(Elf32_Shdr) < eh->e_shnum || eh->e_shstrndx >= eh->e_shnum)
        return NULL;
    const Elf32_Shdr *sh = (const Elf32_Shdr *)(data + eh->e_shoff);
    const Elf32_Shdr *names = &sh[eh->e_shstrndx];
    if (names->sh_offset > size || names->sh_size > size - names->sh_offset)
        return NULL;
    for (int i = 0; i < eh->e_shnum; i++) {
        if (sh[i].sh_name >= names->sh_size || sh[i].sh_offset > size || sh[i].sh_size > size - sh[i].sh_offset)
            continue;
        const char *name = data + names->sh_offset + sh[i].sh_name;
        if (strncmp(name, ".modinfo", names->sh_size - sh[i].sh_name) == 0) {
            *len = sh[i].sh_size;
            return data + sh[i].sh_offset;
        }
    }
    return NULL;
}

/* Next "tag=value" string at *pos (skipping padding NULs), or NULL at the end. */
static const char *next_entry(const char *info, size_t len, size_t *pos)
{
    while (*pos < len && info[*pos] == '\0')
        (*pos)++;
    if (*pos >= len)
        return NULL;
    const char *entry = info + *pos;
    while (*pos < len && info[*pos] != '\0')
        (*pos)++;
    return entry;
}

/* The value of "<prefix>NAME:value" for parameter NAME, or NULL. Entries up to
 * `before` only, when given (to tell whether NAME was already shown). */
static const char *param_value(const char *info, size_t len, const char *prefix, const char *name,
    size_t name_len, const char *before)
{
    size_t pos = 0, plen = strlen(prefix);
    const char *e;
    while ((e = next_entry(info, len, &pos)) && (!before || e < before)) {
        if (strncmp(e, prefix, plen) == 0 && strncmp(e + plen, name, name_len) == 0 && e[plen + name_len] == ':')
            return e + plen + name_len + 1;
    }
    return NULL;
}

static void print_field(const char *tag, int tag_len, const char *value, const char *field)
{
    if (field) {
        if ((int)strlen(field) == tag_len && strncmp(tag, field, tag_len) == 0)
            printf("%s\n", value);
        return;
    }
    char label[64];
    snprintf(label, sizeof label, "%.*s:", tag_len, tag);
    printf("%-16s%s\n", label, value);
}

static int show(const char *arg, const char *field)
{
    char path[512], cwd[256];
    if (!strchr(arg, '/') && !strstr(arg, ".ko"))
        snprintf(path, sizeof path, "/lib/modules/%s.ko", arg);
    else if (arg[0] != '/' && getcwd(cwd, sizeof cwd))
        snprintf(path, sizeof path, "%s/%s", strcmp(cwd, "/") ? cwd : "", arg);
    else
        snprintf(path, sizeof path, "%s", arg);

    size_t size, len;
    char *data = read_file(path, &size);
    if (!data) {
        fprintf(stderr, "modinfo: ERROR: Module %s not found.\n", arg);
        return 1;
    }
    const char *info = find_modinfo(data, size, &len);
    if (!info) {
        fprintf(stderr, "modinfo: ERROR: could not get modinfo from '%s': Invalid argument\n", arg);
        free(data);
        return 1;
    }
    print_field("filename", 8, path, field);
    /* Everything but parameters in file order, then one parm line per parameter. */
    size_t pos = 0;
    const char *e;
    while ((e = next_entry(info, len, &pos))) {
        const char *eq = strchr(e, '=');
        if (!eq || strncmp(e, "parm", 4) == 0)
            continue;
        print_field(e, eq - e, eq + 1, field);
    }
    pos = 0;
    while ((e = next_entry(info, len, &pos))) {
        const char *name = strncmp(e, "parm=", 5) == 0 ? e + 5 : strncmp(e, "parmtype=", 9) == 0 ? e + 9 : NULL;
        const char *colon = name ? strchr(name, ':') : NULL;
        if (!colon || param_value(info, len, "parm=", name, colon - name, e) ||
            param_value(info, len, "parmtype=", name, colon - name, e))
            continue;   /* not a parameter, or shown already */
        int n = colon - name;
        const char *desc = param_value(info, len, "parm=", name, n, NULL);
        const char *type = param_value(info, len, "parmtype=", name, n, NULL);
        char line[512];
        if (desc && type)
            snprintf(line, sizeof line, "%.*s:%s (%s)", n, name, desc, type);
        else if (desc)
            snprintf(line, sizeof line, "%.*s:%s", n, name, desc);
        else
            snprintf(line, sizeof line, "%.*s (%s)", n, name, type);
        print_field("parm", 4, line, field);
    }
    free(data);
    return 0;
}

int main(int argc, char **argv)
{
    const char *field = NULL;
    int opt, status = 0;
    while ((opt = getopt(argc, argv, "F:")) != -1) {
        if (opt == 'F')
            field = optarg;
        else
            goto usage;
    }
    if (optind >= argc)
        goto usage;
    for (int i = optind; i < argc; i++)
        status |= show(argv[i], field);
    return status;
usage:
    fprintf(stderr, "Usage: modinfo [-F field] MODULE|FILE.ko...\n");
    return 1;
}
