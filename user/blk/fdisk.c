/* fdisk: lists and edits DOS (MBR) partition tables, as Linux's fdisk does.
 *   fdisk -l [device...]   print the tables (all disks of /proc/partitions if none named)
 *   fdisk device           the interactive dialogue (m for help); commands are read
 *                          from stdin, so `printf 'n\np\n1\n\n\nw\n' | fdisk /dev/memdrive` works
 * Works on block devices (size from BLKGETSIZE64, re-read with BLKRRPART after
 * writing) and on image files (size from the file). Logical partitions live in
 * a chain of extended boot records (EBRs) inside the extended partition. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "blkioctl.h"

#define SECTOR 512
#define MAX_LOGICAL 60

struct part {
    int used;
    uint8_t boot, type;
    uint32_t start, size; /* absolute sectors */
    uint32_t ebr;         /* logical partitions: the sector of its EBR */
};

static struct {
    const char *path;
    int fd, is_file, writable, interactive;
    uint64_t bytes;
    uint32_t sectors, grain, first_lba;
    unsigned heads, spt;
    int has_label;
    uint32_t disk_id;
    uint8_t mbr[SECTOR];
    struct part primary[4];
    struct part logical[MAX_LOGICAL];
    int nlogical;
} d;

static const struct { uint8_t id; const char *name; } TYPES[] = {
    {0x00, "Empty"}, {0x01, "FAT12"}, {0x04, "FAT16 <32M"}, {0x05, "Extended"},
    {0x06, "FAT16"}, {0x07, "HPFS/NTFS/exFAT"}, {0x0b, "W95 FAT32"}, {0x0c, "W95 FAT32 (LBA)"},
    {0x0e, "W95 FAT16 (LBA)"}, {0x0f, "W95 Ext'd (LBA)"}, {0x82, "Linux swap / Solaris"},
    {0x83, "Linux"}, {0x85, "Linux extended"}, {0x8e, "Linux LVM"}, {0xa5, "FreeBSD"},
    {0xa6, "OpenBSD"}, {0xee, "GPT"}, {0xef, "EFI (FAT-12/16/32)"}, {0xfd, "Linux raid autodetect"},
};
static const struct { const char *alias; uint8_t id; } ALIASES[] = {
    {"linux", 0x83}, {"swap", 0x82}, {"extended", 0x05}, {"uefi", 0xef}, {"raid", 0xfd}, {"lvm", 0x8e},
};

static const char *type_name(uint8_t id)
{
    for (size_t i = 0; i < sizeof TYPES / sizeof TYPES[0]; i++)
        if (TYPES[i].id == id)
            return TYPES[i].name;
    return "Unknown";
}

static int is_extended(uint8_t type) { return type == 0x05 || type == 0x0f || type == 0x85; }

static uint32_t get32(const uint8_t *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }
static void put32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

/* "5 MiB" (decimals 2, long suffix) or "4M" (decimals 1, one letter), as util-linux prints sizes. */
static void human(uint64_t bytes, int decimals, int long_suffix, char *out, size_t len)
{
    static const char letters[] = "BKMGTPE";
    int exp = 0;
    while (exp < 6 && bytes >= (1ull << (10 * (exp + 1))))
        exp++;
    unsigned scale = decimals == 2 ? 100 : 10;
    uint64_t unit = 1ull << (10 * exp);
    uint64_t scaled = (bytes * scale + unit / 2) / unit;
    uint64_t whole = scaled / scale, frac = scaled % scale;
    char num[24], unit_name[4] = {letters[exp], 0, 0, 0};
    if (frac && exp) {
        if (decimals == 2 && frac % 10 == 0)
            snprintf(num, sizeof num, "%llu.%llu", (unsigned long long)whole, (unsigned long long)frac / 10);
        else
            snprintf(num, sizeof num, decimals == 2 ? "%llu.%02llu" : "%llu.%llu",
                     (unsigned long long)whole, (unsigned long long)frac);
    } else
        snprintf(num, sizeof num, "%llu", (unsigned long long)whole);
    if (long_suffix && exp)
        memcpy(unit_name + 1, "iB", 2);
    snprintf(out, len, long_suffix ? "%s %s" : "%s%s", num, unit_name);
}

static void part_name(int number, char *out, size_t len)
{
    size_t n = strlen(d.path);
    int digit = n && d.path[n - 1] >= '0' && d.path[n - 1] <= '9';
    snprintf(out, len, "%s%s%d", d.path, digit ? "p" : "", number);
}

static int read_sector(uint32_t lba, uint8_t *buf)
{
    return pread(d.fd, buf, SECTOR, (off_t)lba * SECTOR) == SECTOR ? 0 : -1;
}

static int write_sector(uint32_t lba, const uint8_t *buf)
{
    return pwrite(d.fd, buf, SECTOR, (off_t)lba * SECTOR) == SECTOR ? 0 : -1;
}

static void decode_entry(const uint8_t *e, uint32_t base, struct part *p)
{
    p->boot = e[0];
    p->type = e[4];
    p->start = base + get32(e + 8);
    p->size = get32(e + 12);
    p->used = p->type != 0 && p->size != 0;
}

static struct part *extended(void)
{
    for (int i = 0; i < 4; i++)
        if (d.primary[i].used && is_extended(d.primary[i].type))
            return &d.primary[i];
    return NULL;
}

/* Reads the MBR and the EBR chain into d. */
static void read_table(void)
{
    d.has_label = 0;
    d.nlogical = 0;
    memset(d.primary, 0, sizeof d.primary);
    if (read_sector(0, d.mbr) < 0 || d.mbr[510] != 0x55 || d.mbr[511] != 0xAA)
        return;
    d.has_label = 1;
    d.disk_id = get32(d.mbr + 440);
    for (int i = 0; i < 4; i++)
        decode_entry(d.mbr + 446 + 16 * i, 0, &d.primary[i]);
    struct part *ext = extended();
    if (!ext)
        return;
    uint32_t ebr = ext->start;
    uint8_t buf[SECTOR];
    while (d.nlogical < MAX_LOGICAL && ebr && ebr < d.sectors) {
        if (read_sector(ebr, buf) < 0 || buf[510] != 0x55 || buf[511] != 0xAA)
            break;
        struct part *p = &d.logical[d.nlogical];
        decode_entry(buf + 446, ebr, p);
        p->ebr = ebr;
        if (p->used)
            d.nlogical++;
        struct part link;
        decode_entry(buf + 462, ext->start, &link);
        if (!link.used || link.start <= ebr)
            break;
        ebr = link.start;
    }
}

static void new_label(void)
{
    uint32_t id = 0;
    if (getrandom(&id, sizeof id, 0) != sizeof id || !id)
        id = (uint32_t)time(NULL) * 2654435761u ^ (uint32_t)getpid();
    memset(d.mbr, 0, sizeof d.mbr);
    memset(d.primary, 0, sizeof d.primary);
    d.nlogical = 0;
    d.disk_id = id;
    d.has_label = 1;
    printf("Created a new DOS (MBR) disklabel with disk identifier 0x%08x.\n", id);
}

static int open_disk(const char *path, int writable)
{
    memset(&d, 0, sizeof d);
    d.path = path;
    d.fd = open(path, writable ? O_RDWR : O_RDONLY);
    if (d.fd < 0) {
        fprintf(stderr, "fdisk: cannot open %s: %s\n", path, strerror(errno));
        return -1;
    }
    struct stat st;
    d.is_file = fstat(d.fd, &st) == 0 && S_ISREG(st.st_mode);
    d.writable = writable;
    d.bytes = blk_size(d.fd);
    uint64_t sectors = d.bytes / SECTOR;
    d.sectors = sectors > 0xFFFFFFFFull ? 0xFFFFFFFFu : (uint32_t)sectors;
    /* 1 MiB alignment as Linux, unless the disk is too small for it. */
    d.grain = d.sectors > 4 * 2048 ? 2048 : 1;
    d.first_lba = d.grain == 1 ? 1 : 2048;
    d.heads = 255;
    d.spt = 63;
    struct hd_geometry geo;
    if (!d.is_file && ioctl(d.fd, HDIO_GETGEO, &geo) == 0 && geo.heads && geo.sectors) {
        d.heads = geo.heads;
        d.spt = geo.sectors;
    }
    read_table();
    return 0;
}

/* ---- printing ---- */

struct row {
    char name[64], start[16], end[16], sectors[16], size[16], id[4];
    int boot;
    const char *type;
};

static void fill_row(struct row *r, int number, const struct part *p)
{
    part_name(number, r->name, sizeof r->name);
    snprintf(r->start, sizeof r->start, "%u", p->start);
    snprintf(r->end, sizeof r->end, "%u", p->start + p->size - 1);
    snprintf(r->sectors, sizeof r->sectors, "%u", p->size);
    human((uint64_t)p->size * SECTOR, 1, 0, r->size, sizeof r->size);
    snprintf(r->id, sizeof r->id, "%x", p->type);
    r->boot = p->boot == 0x80;
    r->type = type_name(p->type);
}

static int width(int w, const char *s)
{
    int n = (int)strlen(s);
    return n > w ? n : w;
}

static void print_table(void)
{
    char size[32];
    human(d.bytes, 2, 1, size, sizeof size);
    printf("Disk %s: %s, %llu bytes, %u sectors\n", d.path, size, (unsigned long long)d.bytes, d.sectors);
    printf("Units: sectors of 1 * %d = %d bytes\n", SECTOR, SECTOR);
    printf("Sector size (logical/physical): %d bytes / %d bytes\n", SECTOR, SECTOR);
    printf("I/O size (minimum/optimal): %d bytes / %d bytes\n", SECTOR, SECTOR);
    if (!d.has_label)
        return;
    printf("Disklabel type: dos\n");
    printf("Disk identifier: 0x%08x\n", d.disk_id);

    struct row rows[4 + MAX_LOGICAL];
    int n = 0;
    for (int i = 0; i < 4; i++)
        if (d.primary[i].used)
            fill_row(&rows[n++], i + 1, &d.primary[i]);
    for (int i = 0; i < d.nlogical; i++)
        fill_row(&rows[n++], i + 5, &d.logical[i]);
    if (!n)
        return;
    int wn = 6, ws = 5, we = 3, wc = 7, wz = 4, wi = 2;
    for (int i = 0; i < n; i++) {
        wn = width(wn, rows[i].name);
        ws = width(ws, rows[i].start);
        we = width(we, rows[i].end);
        wc = width(wc, rows[i].sectors);
        wz = width(wz, rows[i].size);
    }
    printf("\n%-*s Boot %*s %*s %*s %*s %*s Type\n", wn, "Device", ws, "Start", we, "End", wc, "Sectors",
           wz, "Size", wi, "Id");
    for (int i = 0; i < n; i++)
        printf("%-*s %-4s %*s %*s %*s %*s %*s %s\n", wn, rows[i].name, rows[i].boot ? "*" : "", ws,
               rows[i].start, we, rows[i].end, wc, rows[i].sectors, wz, rows[i].size, wi, rows[i].id,
               rows[i].type);
}

/* fdisk -l without a device: every whole disk in /proc/partitions. */
static int list_all(void)
{
    FILE *f = fopen("/proc/partitions", "r");
    if (!f) {
        fprintf(stderr, "fdisk: cannot open /proc/partitions: %s\n", strerror(errno));
        return 1;
    }
    char line[256], disk[64] = "", name[64];
    unsigned major, minor;
    unsigned long long blocks;
    int first = 1;
    while (fgets(line, sizeof line, f)) {
        if (sscanf(line, "%u %u %llu %63s", &major, &minor, &blocks, name) != 4)
            continue;
        size_t dl = strlen(disk);
        if (dl && strncmp(name, disk, dl) == 0 && name[dl]) {
            const char *rest = name + dl + (name[dl] == 'p');
            if (*rest >= '0' && *rest <= '9')
                continue; /* a partition of the previous disk */
        }
        snprintf(disk, sizeof disk, "%s", name);
        char path[80];
        snprintf(path, sizeof path, "/dev/%s", name);
        if (open_disk(path, 0) < 0)
            continue;
        if (!first)
            printf("\n\n");
        first = 0;
        print_table();
        close(d.fd);
    }
    fclose(f);
    return 0;
}

/* ---- the dialogue ---- */

/* Prompts and reads one answer (without the newline); NULL at end of input. */
static char *ask(const char *prompt, char *buf, size_t len)
{
    fputs(prompt, stdout);
    fflush(stdout);
    if (!fgets(buf, (int)len, stdin))
        return NULL;
    buf[strcspn(buf, "\r\n")] = 0;
    if (!d.interactive)
        printf("%s\n", buf); /* keeps a scripted session's transcript readable */
    char *p = buf;
    while (*p == ' ' || *p == '\t')
        p++;
    memmove(buf, p, strlen(p) + 1);
    size_t n = strlen(buf);
    while (n && (buf[n - 1] == ' ' || buf[n - 1] == '\t'))
        buf[--n] = 0;
    return buf;
}

static void eof_quit(void)
{
    printf("\n");
    exit(1);
}

/* Asks for a number in [lo, hi]; empty answer -> def. Accepts +N{K,M,G,T} when
 * `relative_to` is nonzero (size from that sector: last = relative_to + size - 1). */
static uint32_t ask_number(const char *prompt, uint32_t lo, uint32_t hi, uint32_t def, uint32_t relative_to)
{
    char buf[128];
    for (;;) {
        if (!ask(prompt, buf, sizeof buf))
            eof_quit();
        if (!buf[0])
            return def;
        char *end;
        uint64_t v;
        if (buf[0] == '+' && relative_to) {
            v = strtoull(buf + 1, &end, 10);
            uint64_t mult = 0;
            switch (*end) {
            case 0: mult = 1; break; /* sectors */
            case 'K': case 'k': mult = 1024 / SECTOR; end++; break;
            case 'M': case 'm': mult = 1024ull * 1024 / SECTOR; end++; break;
            case 'G': case 'g': mult = 1024ull * 1024 * 1024 / SECTOR; end++; break;
            case 'T': case 't': mult = 1024ull * 1024 * 1024 * 1024 / SECTOR; end++; break;
            }
            if (mult > 1 && (*end == 'i' || *end == 'I'))
                end++;
            if (mult > 1 && (*end == 'B' || *end == 'b'))
                end++;
            if (!mult || *end || !v) {
                printf("Value out of range.\n");
                continue;
            }
            v = relative_to + v * mult - 1;
            if (v > hi)
                v = hi; /* as Linux: too big a size is the rest of the free space */
        } else {
            v = strtoull(buf, &end, 10);
            if (*end || end == buf) {
                printf("Value out of range.\n");
                continue;
            }
        }
        if (v < lo || v > hi) {
            printf("Value out of range.\n");
            continue;
        }
        return (uint32_t)v;
    }
}

/* Used ranges, sorted, of a region: the primaries (for primary space) or the
 * logicals with their EBRs (inside the extended partition). */
struct range { uint32_t lo, hi; };

static int used_ranges(int logical_space, struct range *r)
{
    int n = 0;
    if (logical_space) {
        for (int i = 0; i < d.nlogical; i++)
            r[n++] = (struct range){d.logical[i].ebr, d.logical[i].start + d.logical[i].size - 1};
    } else {
        for (int i = 0; i < 4; i++)
            if (d.primary[i].used)
                r[n++] = (struct range){d.primary[i].start, d.primary[i].start + d.primary[i].size - 1};
    }
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && r[j].lo < r[j - 1].lo; j--) {
            struct range t = r[j];
            r[j] = r[j - 1];
            r[j - 1] = t;
        }
    return n;
}

/* The free gaps of [lo, hi], in order; returns their count. */
static int free_gaps(uint32_t lo, uint32_t hi, int logical_space, struct range *gaps)
{
    struct range used[MAX_LOGICAL + 4];
    int n = used_ranges(logical_space, used), count = 0;
    int64_t cursor = lo;
    for (int i = 0; i <= n && cursor <= (int64_t)hi; i++) {
        int64_t end = i < n ? (int64_t)used[i].lo - 1 : (int64_t)hi;
        if (end > (int64_t)hi)
            end = hi;
        if (cursor <= end)
            gaps[count++] = (struct range){(uint32_t)cursor, (uint32_t)end};
        if (i < n && (int64_t)used[i].hi + 1 > cursor)
            cursor = (int64_t)used[i].hi + 1;
    }
    return count;
}

/* The free gap containing `s` within [lo, hi]; returns 0 if s is not free. */
static int gap_of(uint32_t s, uint32_t lo, uint32_t hi, int logical_space, struct range *gap)
{
    struct range gaps[MAX_LOGICAL + 5];
    int n = free_gaps(lo, hi, logical_space, gaps);
    for (int i = 0; i < n; i++)
        if (s >= gaps[i].lo && s <= gaps[i].hi) {
            *gap = gaps[i];
            return 1;
        }
    return 0;
}

static uint32_t align_up(uint32_t s) { return (s + d.grain - 1) / d.grain * d.grain; }

/* The default first sector: the first aligned usable one (after room for an
 * EBR in logical space); 0 if none. *last_free: the highest free sector. */
static uint32_t first_free(uint32_t lo, uint32_t hi, int logical_space, uint32_t *last_free)
{
    struct range gaps[MAX_LOGICAL + 5];
    int n = free_gaps(lo, hi, logical_space, gaps);
    for (int i = 0; i < n; i++) {
        uint32_t start = logical_space ? gaps[i].lo + 1 : gaps[i].lo;
        if (start > gaps[i].hi)
            continue;
        uint32_t a = align_up(start);
        if (a > gaps[i].hi)
            a = start;
        *last_free = gaps[n - 1].hi;
        return a;
    }
    return 0;
}

static void add_partition(void)
{
    char buf[64], prompt[160];
    int nprim = 0, free_slots = 0;
    struct part *ext = extended();
    for (int i = 0; i < 4; i++) {
        if (d.primary[i].used)
            nprim++;
        else
            free_slots++;
    }
    char kind = 'p';
    if (free_slots == 0 && !ext) {
        printf("To create more partitions, first replace a primary with an extended partition.\n\n");
        return;
    }
    if (free_slots == 0) {
        printf("All primary partitions are in use.\n");
        kind = 'l';
    } else {
        printf("Partition type\n   p   primary (%d primary, %d extended, %d free)\n", nprim - (ext != NULL),
               ext != NULL, free_slots);
        if (ext)
            printf("   l   logical (numbered from 5)\n");
        else
            printf("   e   extended (container for logical partitions)\n");
        for (;;) {
            if (!ask("Select (default p): ", buf, sizeof buf))
                eof_quit();
            kind = buf[0] ? buf[0] : 'p';
            if (kind == 'p' || (kind == 'e' && !ext) || (kind == 'l' && ext))
                break;
            printf("Invalid partition type `%s' is specified.\n", buf);
        }
        if (kind == 'p' && !buf[0])
            printf("Using default response p.\n");
    }

    if (kind == 'l') {
        if (d.nlogical >= MAX_LOGICAL) {
            printf("No free sectors available.\n\n");
            return;
        }
        uint32_t lo = ext->start, hi = ext->start + ext->size - 1, last_free = 0;
        uint32_t def = first_free(lo, hi, 1, &last_free);
        if (!def) {
            printf("No free sectors available.\n\n");
            return;
        }
        printf("Adding logical partition %d\n", d.nlogical + 5);
        snprintf(prompt, sizeof prompt, "First sector (%u-%u, default %u): ", def, last_free, def);
        struct range g;
        uint32_t first;
        for (;;) {
            first = ask_number(prompt, def, last_free, def, 0);
            if (gap_of(first - 1, lo, hi, 1, &g) && gap_of(first, lo, hi, 1, &g) && first > g.lo)
                break;
            printf("Sector %u is already allocated.\n", first);
        }
        snprintf(prompt, sizeof prompt,
                 "Last sector, +/-sectors or +/-size{K,M,G,T,P} (%u-%u, default %u): ", first, g.hi, g.hi);
        uint32_t last = ask_number(prompt, first, g.hi, g.hi, first);
        struct part *p = &d.logical[d.nlogical++];
        *p = (struct part){.used = 1, .type = 0x83, .start = first, .size = last - first + 1, .ebr = g.lo};
        /* keep the chain in disk order */
        for (int i = d.nlogical - 1; i > 0 && d.logical[i].start < d.logical[i - 1].start; i--) {
            struct part t = d.logical[i];
            d.logical[i] = d.logical[i - 1];
            d.logical[i - 1] = t;
        }
        char size[16];
        human((uint64_t)(last - first + 1) * SECTOR, 2, 1, size, sizeof size);
        printf("\nCreated a new partition %d of type 'Linux' and of size %s.\n\n", (int)(p - d.logical) + 5, size);
        return;
    }

    int def_num = 0;
    for (int i = 0; i < 4 && !def_num; i++)
        if (!d.primary[i].used)
            def_num = i + 1;
    int num;
    for (;;) {
        snprintf(prompt, sizeof prompt, "Partition number (1-4, default %d): ", def_num);
        num = (int)ask_number(prompt, 1, 4, (uint32_t)def_num, 0);
        if (!d.primary[num - 1].used)
            break;
        printf("Partition %d is already defined.  Delete it before re-adding it.\n", num);
    }
    uint32_t lo = d.first_lba, hi = d.sectors ? d.sectors - 1 : 0, last_free = 0;
    uint32_t def = d.sectors > lo ? first_free(lo, hi, 0, &last_free) : 0;
    if (!def) {
        printf("No free sectors available.\n\n");
        return;
    }
    snprintf(prompt, sizeof prompt, "First sector (%u-%u, default %u): ", lo, last_free, def);
    struct range g;
    uint32_t first;
    for (;;) {
        first = ask_number(prompt, lo, last_free, def, 0);
        if (gap_of(first, lo, hi, 0, &g))
            break;
        printf("Sector %u is already allocated.\n", first);
    }
    snprintf(prompt, sizeof prompt, "Last sector, +/-sectors or +/-size{K,M,G,T,P} (%u-%u, default %u): ",
             first, g.hi, g.hi);
    uint32_t last = ask_number(prompt, first, g.hi, g.hi, first);
    uint8_t type = kind == 'e' ? 0x05 : 0x83;
    d.primary[num - 1] = (struct part){.used = 1, .type = type, .start = first, .size = last - first + 1};
    char size[16];
    human((uint64_t)(last - first + 1) * SECTOR, 2, 1, size, sizeof size);
    printf("\nCreated a new partition %d of type '%s' and of size %s.\n\n", num, type_name(type), size);
}

/* Asks which existing partition (numbers 1-4 and 5...); 0 if there is none. */
static int pick_partition(const char *verb_none)
{
    char list[256] = "", prompt[320];
    int count = 0, last = 0;
    for (int i = 0; i < 4 + d.nlogical; i++) {
        int used = i < 4 ? d.primary[i].used : 1;
        if (!used)
            continue;
        size_t n = strlen(list);
        snprintf(list + n, sizeof list - n, "%s%d", count ? "," : "", i + 1);
        count++;
        last = i + 1;
    }
    if (!count) {
        printf("%s\n\n", verb_none);
        return 0;
    }
    if (count == 1) {
        printf("Selected partition %d\n", last);
        return last;
    }
    snprintf(prompt, sizeof prompt, "Partition number (%s, default %d): ", list, last);
    for (;;) {
        int n = (int)ask_number(prompt, 1, (uint32_t)(4 + d.nlogical), (uint32_t)last, 0);
        if (n > 4 || d.primary[n - 1].used)
            return n;
        printf("Partition %d does not exist yet!\n", n);
    }
}

static struct part *part_by_number(int n) { return n <= 4 ? &d.primary[n - 1] : &d.logical[n - 5]; }

static void delete_partition(void)
{
    int n = pick_partition("No partition is defined yet!");
    if (!n)
        return;
    struct part *p = part_by_number(n);
    if (n <= 4) {
        if (is_extended(p->type))
            d.nlogical = 0; /* the logicals go with their container */
        memset(p, 0, sizeof *p);
    } else {
        for (int i = n - 5; i < d.nlogical - 1; i++)
            d.logical[i] = d.logical[i + 1];
        d.nlogical--;
    }
    printf("Partition %d has been deleted.\n\n", n);
}

static void list_types(void)
{
    size_t n = sizeof TYPES / sizeof TYPES[0];
    for (size_t i = 0; i < n; i++)
        printf(" %2x  %-22s%s", TYPES[i].id, TYPES[i].name, i % 3 == 2 || i == n - 1 ? "\n" : " ");
    printf("\nAliases:\n");
    for (size_t i = 0; i < sizeof ALIASES / sizeof ALIASES[0]; i++)
        printf("   %-10s - %02x\n", ALIASES[i].alias, ALIASES[i].id);
}

static void change_type(void)
{
    int n = pick_partition("No partition is defined yet!");
    if (!n)
        return;
    struct part *p = part_by_number(n);
    char buf[64];
    for (;;) {
        if (!ask("Hex code or alias (type L to list all): ", buf, sizeof buf))
            eof_quit();
        if (!strcmp(buf, "L") || !strcmp(buf, "l")) {
            list_types();
            continue;
        }
        int id = -1;
        for (size_t i = 0; i < sizeof ALIASES / sizeof ALIASES[0]; i++)
            if (!strcmp(buf, ALIASES[i].alias))
                id = ALIASES[i].id;
        if (id < 0) {
            char *end;
            unsigned long v = strtoul(buf, &end, 16);
            if (buf[0] && !*end && v <= 0xff)
                id = (int)v;
        }
        if (id <= 0) {
            printf("Type %s is not valid.\n", buf);
            continue;
        }
        if (is_extended((uint8_t)id) != is_extended(p->type)) {
            printf("You cannot change a partition into an extended one or vice versa. Delete it first.\n");
            return;
        }
        const char *old = type_name(p->type);
        p->type = (uint8_t)id;
        printf("Changed type of partition '%s' to '%s'.\n\n", old, type_name(p->type));
        return;
    }
}

static void toggle_boot(void)
{
    int n = pick_partition("No partition is defined yet!");
    if (!n)
        return;
    struct part *p = part_by_number(n);
    p->boot = p->boot == 0x80 ? 0 : 0x80;
    printf("The bootable flag on partition %d is %s now.\n\n", n, p->boot ? "enabled" : "disabled");
}

static void encode_chs(uint8_t *out, uint32_t lba)
{
    uint32_t c = lba / (d.heads * d.spt);
    uint32_t h = (lba / d.spt) % d.heads, s = lba % d.spt + 1;
    if (c > 1023) {
        c = 1023;
        h = d.heads - 1;
        s = d.spt;
    }
    out[0] = (uint8_t)h;
    out[1] = (uint8_t)(s | ((c >> 2) & 0xC0));
    out[2] = (uint8_t)c;
}

static void encode_entry(uint8_t *e, const struct part *p, uint32_t base, uint32_t start, uint32_t size)
{
    memset(e, 0, 16);
    if (!size)
        return;
    e[0] = p->boot;
    encode_chs(e + 1, start);
    e[4] = p->type;
    encode_chs(e + 5, start + size - 1);
    put32(e + 8, start - base);
    put32(e + 12, size);
}

static int write_table(void)
{
    uint8_t buf[SECTOR];
    memcpy(buf, d.mbr, SECTOR); /* keeps the boot code */
    put32(buf + 440, d.disk_id);
    buf[444] = buf[445] = 0;
    for (int i = 0; i < 4; i++)
        encode_entry(buf + 446 + 16 * i, &d.primary[i], 0, d.primary[i].start,
                     d.primary[i].used ? d.primary[i].size : 0);
    buf[510] = 0x55;
    buf[511] = 0xAA;
    if (write_sector(0, buf) < 0)
        return -1;
    memcpy(d.mbr, buf, SECTOR);
    struct part *ext = extended();
    if (ext) {
        if (!d.nlogical) {
            memset(buf, 0, SECTOR);
            if (write_sector(ext->start, buf) < 0)
                return -1;
        }
        for (int i = 0; i < d.nlogical; i++) {
            const struct part *p = &d.logical[i];
            memset(buf, 0, SECTOR);
            encode_entry(buf + 446, p, p->ebr, p->start, p->size);
            if (i + 1 < d.nlogical) {
                const struct part *next = &d.logical[i + 1];
                struct part link = {.used = 1, .type = 0x05};
                encode_entry(buf + 462, &link, ext->start, next->ebr, next->start + next->size - next->ebr);
            }
            buf[510] = 0x55;
            buf[511] = 0xAA;
            if (write_sector(p->ebr, buf) < 0)
                return -1;
        }
    }
    return 0;
}

static void help(void)
{
    printf("\nHelp:\n\n"
           "  DOS (MBR)\n"
           "   a   toggle a bootable flag\n\n"
           "  Generic\n"
           "   d   delete a partition\n"
           "   l   list known partition types\n"
           "   n   add a new partition\n"
           "   p   print the partition table\n"
           "   t   change a partition type\n\n"
           "  Misc\n"
           "   m   print this menu\n\n"
           "  Save & Exit\n"
           "   w   write table to disk and exit\n"
           "   q   quit without saving changes\n\n"
           "  Create a new label\n"
           "   o   create a new empty DOS partition table\n\n");
}

static int dialogue(const char *path)
{
    if (open_disk(path, 1) < 0)
        return 1;
    d.interactive = isatty(0);
    printf("\nWelcome to fdisk (kernlab).\n"
           "Changes will remain in memory only, until you decide to write them.\n"
           "Be careful before using the write command.\n\n");
    if (!d.has_label) {
        printf("Device does not contain a recognized partition table.\n");
        new_label();
    }
    char buf[64];
    printf("\n");
    for (;;) {
        if (!ask("Command (m for help): ", buf, sizeof buf)) {
            printf("\n");
            return 0;
        }
        switch (buf[0]) {
        case 0: break;
        case 'm': help(); break;
        case 'p': print_table(); printf("\n"); break;
        case 'n': add_partition(); break;
        case 'd': delete_partition(); break;
        case 't': change_type(); break;
        case 'a': toggle_boot(); break;
        case 'l': list_types(); printf("\n"); break;
        case 'o': new_label(); printf("\n"); break;
        case 'q': close(d.fd); return 0;
        case 'w':
            if (write_table() < 0) {
                fprintf(stderr, "fdisk: failed to write disklabel: %s\n", strerror(errno));
                return 1;
            }
            printf("The partition table has been altered.\n");
            if (!d.is_file) {
                fsync(d.fd);
                printf("Calling ioctl() to re-read partition table.\n");
                if (ioctl(d.fd, BLKRRPART, 0) < 0) {
                    printf("Re-reading the partition table failed.: %s\n", strerror(errno));
                    printf("The kernel still uses the old table. The new table will be used at the next "
                           "reboot or after you run partprobe(8) or partx(8).\n");
                }
            }
            printf("Syncing disks.\n");
            fsync(d.fd);
            close(d.fd);
            sync();
            return 0;
        default: printf("%s: unknown command\n\n", buf); break;
        }
    }
}

int main(int argc, char **argv)
{
    int list = 0, i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (!strcmp(argv[i], "-l") || !strcmp(argv[i], "--list"))
            list = 1;
        else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            printf("Usage:\n fdisk [options] <disk>    change partition table\n"
                   " fdisk [options] -l [<disk>...] list partition table(s)\n");
            return 0;
        } else {
            fprintf(stderr, "fdisk: invalid option -- '%s'\n", argv[i] + 1);
            return 1;
        }
    }
    if (list) {
        if (i == argc)
            return list_all();
        int rc = 0;
        for (int first = i; i < argc; i++) {
            if (open_disk(argv[i], 0) < 0) {
                rc = 1;
                continue;
            }
            if (i > first)
                printf("\n\n");
            print_table();
            close(d.fd);
        }
        return rc;
    }
    if (i != argc - 1) {
        fprintf(stderr, "fdisk: bad usage\nTry 'fdisk --help' for more information.\n");
        return 1;
    }
    return dialogue(argv[i]);
}
